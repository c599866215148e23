//! Who talks about whom: the speakers who mention an entity, and the
//! person-to-person mention network.

use std::collections::{BTreeMap, HashSet};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use serde::Serialize;

use super::table::{col, count, num, ranked_table, short_ids, Table};
use super::ToTable;
use super::{linked, note_or, rank_speakers, resolve_entity, speaker_of, subgraph};
use super::{EntityRef, Ranked};
use crate::error::Result;
use crate::graph::{Edge, EdgeKind, NodeKind, QuoteGraph};

/// Who talks about an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mentioners {
    /// The entity talked about.
    pub entity: EntityRef,
    /// Statements that mention it, whoever said them.
    pub mentioned_in: usize,
    /// Speakers whose statements mention it (itself excluded), most first.
    pub speakers: Vec<Ranked>,
}

/// Speakers whose statements mention the entity `name` names, ranked by
/// how many of their statements do.
pub fn mentioners(g: &QuoteGraph, name: &str) -> Result<Mentioners> {
    let e = resolve_entity(g, name)?;
    let ix = g.index_of(&e.id).expect("resolved");
    let sts = linked(g, ix, EdgeKind::Mentions, Direction::Incoming);
    Ok(Mentioners {
        entity: EntityRef::of(e),
        mentioned_in: sts.len(),
        speakers: rank_speakers(g, &sts, Some(ix)),
    })
}

impl ToTable for Mentioners {
    fn empty_note(&self) -> Option<String> {
        let e = self.entity.described();
        match (self.mentioned_in, self.speakers.is_empty()) {
            (0, _) => Some(format!("no statement in these texts mentions {e}")),
            (n, true) => Some(format!(
                "{e} is mentioned in {}, none by another known speaker",
                count(n, "statement")
            )),
            _ => None,
        }
    }

    fn to_table(&self) -> String {
        note_or(self, || {
            let talk = if self.speakers.len() == 1 {
                "talks"
            } else {
                "talk"
            };
            let mut out = format!(
                "{} is mentioned in {}; {} {talk} about it\n",
                self.entity.described(),
                count(self.mentioned_in, "statement"),
                count(self.speakers.len(), "speaker"),
            );
            out.push_str(&ranked_table("SPEAKER", &self.speakers));
            out
        })
    }
}

/// A's statements mention B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionLink {
    /// The speaker.
    pub from: EntityRef,
    /// The person mentioned.
    pub to: EntityRef,
    /// How many of `from`'s statements mention `to`.
    pub count: usize,
    /// Those statements' ids, in graph order.
    pub statements: Vec<String>,
}

/// Every person-to-person mention (A's statements mention B, B ≠ A), most
/// statements first, then by names.
pub fn mention_links(g: &QuoteGraph) -> Vec<MentionLink> {
    let gr = g.graph();
    let mut links: BTreeMap<(NodeIndex, NodeIndex), Vec<NodeIndex>> = BTreeMap::new();
    for st in gr.node_indices() {
        if gr[st].kind() != NodeKind::Statement {
            continue;
        }
        let Some(sp) = speaker_of(g, st).filter(|&s| gr[s].kind() == NodeKind::Person) else {
            continue;
        };
        for to in linked(g, st, EdgeKind::Mentions, Direction::Outgoing) {
            if to != sp && gr[to].kind() == NodeKind::Person {
                links.entry((sp, to)).or_default().push(st);
            }
        }
    }
    let mut out: Vec<MentionLink> = links
        .into_iter()
        .map(|((a, b), sts)| MentionLink {
            from: EntityRef::of(&gr[a]),
            to: EntityRef::of(&gr[b]),
            count: sts.len(),
            statements: sts.iter().map(|&s| gr[s].id.clone()).collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.from.name.cmp(&b.from.name))
            .then_with(|| a.to.name.cmp(&b.to.name))
            .then_with(|| a.from.id.cmp(&b.from.id))
            .then_with(|| a.to.id.cmp(&b.to.id))
    });
    out
}

/// The mention network between people as a graph of its own: the people
/// in [`mention_links`] and one `mentions` edge A → B per link, whose
/// `weight` is the number of A's statements that mention B. This is what
/// opens in Gephi as a weighted person-to-person network; every exporter
/// writes it (the weight as GEXF's and GraphML's `weight`, a `weight`
/// property in Cypher and CSV, `×n` in DOT).
///
/// ```
/// use quotegraph::{query, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt",
///         "John Smith said that taxes would rise. Anna Berg said that John Smith \
///          was late. Berg said that Smith would resign."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let net = query::mention_network(&g);
/// assert_eq!(net.node_count(), 2);
/// let e = net.edges().next().unwrap();
/// assert_eq!((e.from.name(), e.to.name()), ("Anna Berg", "John Smith"));
/// assert_eq!(e.edge.weight(), Some(2));
/// ```
pub fn mention_network(g: &QuoteGraph) -> QuoteGraph {
    let links = mention_links(g);
    let gr = g.graph();
    let mut keep = vec![false; gr.node_count()];
    for l in &links {
        for id in [&l.from.id, &l.to.id] {
            keep[g.index_of(id).expect("linked").index()] = true;
        }
    }
    let nodes = gr
        .node_indices()
        .filter(|i| keep[i.index()])
        .map(|i| gr[i].clone())
        .collect();
    // graph order of the speaker, then of the person mentioned
    let mut edges: Vec<(NodeIndex, NodeIndex, u32)> = links
        .iter()
        .map(|l| {
            let a = g.index_of(&l.from.id).expect("linked");
            let b = g.index_of(&l.to.id).expect("linked");
            (a, b, u32::try_from(l.count).unwrap_or(u32::MAX))
        })
        .collect();
    edges.sort();
    let edges = edges.into_iter().map(|(a, b, w)| {
        let edge = Edge::new(EdgeKind::Mentions).with_weight(Some(w));
        (gr[a].id.clone(), gr[b].id.clone(), edge)
    });
    QuoteGraph::from_parts(nodes, edges).expect("links join nodes it holds")
}

/// The mention network with the statements that make it: the people in
/// [`mention_links`], the statements that link them, and their `said` and
/// `mentions` edges (A → said → statement → mentions → B), for reading
/// what was said along each link.
pub fn mention_network_with_statements(g: &QuoteGraph) -> QuoteGraph {
    let gr = g.graph();
    let mut keep = vec![false; gr.node_count()];
    let mut edges: HashSet<EdgeIndex> = HashSet::new();
    for l in mention_links(g) {
        let a = g.index_of(&l.from.id).expect("linked");
        let b = g.index_of(&l.to.id).expect("linked");
        keep[a.index()] = true;
        keep[b.index()] = true;
        for st in &l.statements {
            let s = g.index_of(st).expect("linked");
            keep[s.index()] = true;
            for e in gr.edges_connecting(a, s).chain(gr.edges_connecting(s, b)) {
                if matches!(e.weight().kind, EdgeKind::Said | EdgeKind::Mentions) {
                    edges.insert(e.id());
                }
            }
        }
    }
    subgraph(g, &keep, |e| edges.contains(&e))
}

impl ToTable for [MentionLink] {
    fn to_table(&self) -> String {
        let cols = [
            col("SPEAKER", 30),
            col("MENTIONS", 30),
            num("STATEMENTS"),
            col("WHICH", 60),
        ];
        let rows = self.iter().map(|l| {
            vec![
                l.from.name.clone(),
                l.to.name.clone(),
                l.count.to_string(),
                short_ids(&l.statements),
            ]
        });
        Table::of(&cols, rows).render_or("no person mentions another\n")
    }
}
