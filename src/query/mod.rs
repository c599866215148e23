//! Questions a media researcher or fact-checker asks the graph: who said
//! what, where a statement came from, who talks about whom, how two people
//! are connected, who is quoted most, and who works for whom.
//!
//! Every function takes a [`QuoteGraph`] and returns plain data that
//! serializes with serde; names are resolved with [`resolve`] (id, name,
//! alias or a word of a name, ignoring case), and the answers that are
//! graphs themselves ([`ego`], [`mention_network`],
//! [`mention_network_with_statements`]) are [`QuoteGraph`]s
//! that every [`Exporter`](crate::Exporter) writes. [`ToTable`] prints an
//! answer the way `quotegraph query` does.
//!
//! Answers never depend on hash order: lists are sorted (counts first,
//! then names, then graph order) so the same graph always gives the same
//! answer.
//!
//! ```
//! use quotegraph::{query, Document, Extractor, QuoteGraph};
//!
//! let ex = Extractor::default();
//! let rec = ex.extract(&Document::new("a.txt",
//!     "Russia is ready to talk, Sergey Lavrov told Tucker Carlson, as cited by TASS. \
//!      Dmitry Peskov said that Lavrov would travel to Ankara.")).to_record();
//! let g = QuoteGraph::from_extractions(&[rec]).unwrap();
//!
//! let said = query::who_said(&g, "lavrov").unwrap();
//! assert_eq!(said.statements[0].relayed_by[0].name, "TASS");
//! let p = &query::provenance(&g, "a.txt#1").unwrap()[0];
//! assert_eq!(p.chain, "TASS ← cited ← Sergey Lavrov → told → Tucker Carlson");
//! let who = query::mentioners(&g, "Sergey Lavrov").unwrap();
//! assert_eq!(who.speakers[0].entity.name, "Dmitry Peskov");
//! let c = query::path(&g, "Peskov", "Carlson").unwrap().unwrap();
//! assert_eq!(c.length, 4);
//! ```

mod claims;
mod components;
mod ego;
mod load;
mod lookup;
mod mentions;
mod outlets;
mod path;
mod provenance;
mod roles;
#[cfg(test)]
mod sample_tests;
mod table;
mod timeline;
mod who_said;

use std::collections::{HashMap, HashSet};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use serde::Serialize;

use crate::class::{AttributionClass, ContentType, Polarity};
use crate::date::Date;
use crate::graph::{EdgeKind, Node, NodeKind, QuoteGraph};
use crate::record::QuoteKind;

pub use claims::{claims, spread, Claim, ClaimReport, Claims};
pub use components::{components, Component};
pub use ego::{ego, outline};
pub use load::{load, read_node_link};
pub use lookup::{resolve, resolve_entity};
pub use mentions::{
    mention_links, mention_network, mention_network_with_statements, mentioners, MentionLink,
    Mentioners,
};
pub use outlets::{relayed_by, top_outlets, OutletRank, Relayed};
pub use path::{path, path_via, Connection, PathEdge, PathStep, Via};
pub use provenance::{chain, provenance, search, Provenance};
pub use roles::{role_holders, Role, Roles};
pub use timeline::{timeline, TimelineDay};
pub use who_said::{top_speakers, who_said, SpeakerRank, WhoSaid};

/// A person, organization or place (or any node) as answers name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntityRef {
    /// Node id: `person:sergey-lavrov`.
    pub id: String,
    /// Name: "Sergey Lavrov".
    pub name: String,
    /// What it is.
    pub kind: NodeKind,
}

impl EntityRef {
    /// The node's id, name and kind.
    pub fn of(n: &Node) -> EntityRef {
        EntityRef {
            id: n.id.clone(),
            name: n.name().to_string(),
            kind: n.kind(),
        }
    }

    /// "Sergey Lavrov (person:sergey-lavrov)": how notes and headings name
    /// it.
    pub(crate) fn described(&self) -> String {
        format!("{} ({})", self.name, self.id)
    }
}

/// One statement with everything around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRow {
    /// Node id: `statement:<doc>#<n>`.
    pub id: String,
    /// The document it appears in.
    pub doc: String,
    /// The document's date.
    pub date: Option<String>,
    /// Who said it, if resolved.
    pub speaker: Option<EntityRef>,
    /// The speaker as written ("the top Russian diplomat").
    pub speaker_text: Option<String>,
    /// Lemma of the cue ("tell").
    pub cue: String,
    /// The cue as written ("told").
    pub cue_text: String,
    /// Direct, indirect or mixed.
    pub quote_kind: QuoteKind,
    /// Speech, writing, cognition… ([`AttributionClass`]).
    pub class: AttributionClass,
    /// Quote, clause, topic… ([`ContentType`]).
    pub content_type: ContentType,
    /// Affirmed or negated ([`Polarity`]).
    pub polarity: Polarity,
    /// The claim.
    pub text: String,
    /// Outlets that relayed it ("as cited by TASS").
    pub relayed_by: Vec<EntityRef>,
    /// Whom it was said to.
    pub addressed_to: Vec<EntityRef>,
    /// Entities named in it.
    pub mentions: Vec<EntityRef>,
}

/// An entity with a count and the statements counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// Who.
    pub entity: EntityRef,
    /// How many statements.
    pub count: usize,
    /// Their ids, in graph order.
    pub statements: Vec<String>,
}

/// A query answer that prints as a readable table, as `quotegraph query`
/// shows it.
pub trait ToTable {
    /// The table, each line ending in a newline; an empty answer about a
    /// known name is its [`empty_note`](ToTable::empty_note) instead.
    fn to_table(&self) -> String;

    /// When the answer names a known entity but has nothing in it, the
    /// sentence that says so ("Piet Oduya said nothing in these texts");
    /// `quotegraph query` prints it instead of an empty table and exits
    /// with status 1. `None` for answers with something in them.
    fn empty_note(&self) -> Option<String> {
        None
    }
}

/// An answer's table through `table`, or its
/// [`empty_note`](ToTable::empty_note) when it has one.
fn note_or(answer: &impl ToTable, table: impl FnOnce() -> String) -> String {
    match answer.empty_note() {
        Some(note) => note + "\n",
        None => table(),
    }
}

/// `000_lavrov_carlson_tass.txt#2` for `statement:data/articles/000_lavrov_carlson_tass.txt#2`.
pub fn short_id(id: &str) -> &str {
    let rest = id.split_once(':').map_or(id, |(_, r)| r);
    rest.rsplit(['/', '\\']).next().unwrap_or(rest)
}

// ---------------------------------------------------------------- helpers

/// Nodes joined to `ix` by `kind` edges in direction `dir`, in edge order,
/// each once.
fn linked(g: &QuoteGraph, ix: NodeIndex, kind: EdgeKind, dir: Direction) -> Vec<NodeIndex> {
    let mut seen = HashSet::new();
    g.linked_edges(ix, kind, dir)
        .into_iter()
        .map(|(_, n)| n)
        .filter(|n| seen.insert(*n))
        .collect()
}

fn refs(g: &QuoteGraph, ixs: &[NodeIndex]) -> Vec<EntityRef> {
    ixs.iter().map(|&i| EntityRef::of(&g.graph()[i])).collect()
}

fn speaker_of(g: &QuoteGraph, st: NodeIndex) -> Option<NodeIndex> {
    linked(g, st, EdgeKind::Said, Direction::Incoming)
        .first()
        .copied()
}

/// How dates sort and group: dates in the [`Date`] order (with a year
/// chronologically, then without a year by month and day: every spelling
/// of one month and day is one key, no year is guessed), then any other
/// text as written, then undated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum DateKey {
    Date(Date),
    Other(String),
    Undated,
}

fn date_key(d: Option<&str>) -> DateKey {
    match d {
        None => DateKey::Undated,
        Some(s) => Date::parse(s).map_or_else(|| DateKey::Other(s.to_string()), DateKey::Date),
    }
}

fn statement_row(g: &QuoteGraph, ix: NodeIndex) -> StatementRow {
    let n = &g.graph()[ix];
    let s = n.statement().expect("a statement node");
    let out = |kind| refs(g, &linked(g, ix, kind, Direction::Outgoing));
    StatementRow {
        id: n.id.clone(),
        doc: s.doc.to_string(),
        date: s.date.as_deref().map(str::to_string),
        speaker: speaker_of(g, ix).map(|i| EntityRef::of(&g.graph()[i])),
        speaker_text: s.speaker_text.as_deref().map(str::to_string),
        cue: s.cue.to_string(),
        cue_text: s.cue_text.to_string(),
        quote_kind: s.quote_kind,
        class: s.class,
        content_type: s.content_type,
        polarity: s.polarity,
        text: s.text.to_string(),
        relayed_by: out(EdgeKind::ReportedBy),
        addressed_to: out(EdgeKind::AddressedTo),
        mentions: out(EdgeKind::Mentions),
    }
}

fn names(v: &[EntityRef]) -> impl Iterator<Item = &str> {
    v.iter().map(|e| e.name.as_str())
}

/// The resolved speakers of `statements` (but `except`), ranked by how
/// many of them each said.
fn rank_speakers(
    g: &QuoteGraph,
    statements: &[NodeIndex],
    except: Option<NodeIndex>,
) -> Vec<Ranked> {
    let mut by: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for &st in statements {
        if let Some(sp) = speaker_of(g, st).filter(|&sp| Some(sp) != except) {
            by.entry(sp).or_default().push(st);
        }
    }
    rank(by, g)
}

fn rank(mut counts: HashMap<NodeIndex, Vec<NodeIndex>>, g: &QuoteGraph) -> Vec<Ranked> {
    let mut out: Vec<(NodeIndex, Ranked)> = counts
        .drain()
        .map(|(ix, mut sts)| {
            sts.sort();
            sts.dedup();
            let r = Ranked {
                entity: EntityRef::of(&g.graph()[ix]),
                count: sts.len(),
                statements: sts.iter().map(|&s| g.graph()[s].id.clone()).collect(),
            };
            (ix, r)
        })
        .collect();
    out.sort_by(|(ia, a), (ib, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.entity.name.cmp(&b.entity.name))
            .then_with(|| ia.cmp(ib))
    });
    out.into_iter().map(|(_, r)| r).collect()
}

/// The nodes marked in `keep` and the edges between them that
/// `keep_edge` accepts, in graph order.
fn subgraph(g: &QuoteGraph, keep: &[bool], keep_edge: impl Fn(EdgeIndex) -> bool) -> QuoteGraph {
    let gr = g.graph();
    let nodes = gr
        .node_indices()
        .filter(|i| keep[i.index()])
        .map(|i| gr[i].clone())
        .collect();
    let edges: Vec<(String, String, crate::graph::Edge)> = gr
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = gr.edge_endpoints(e)?;
            (keep[s.index()] && keep[t.index()] && keep_edge(e))
                .then(|| (gr[s].id.clone(), gr[t].id.clone(), gr[e].clone()))
        })
        .collect();
    QuoteGraph::from_parts(nodes, edges).expect("a subgraph of a valid graph is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sort_chronologically_yearless_after_undated_last() {
        let mut v: Vec<Option<String>> = [
            None,
            Some("Sept 21"),
            Some("2025-03-04"),
            Some("Jan 12"),
            Some("someday"),
            Some("2024-12-10"),
            Some("3 March"),
            Some("May 2"),
        ]
        .into_iter()
        .map(|d| d.map(str::to_string))
        .collect();
        v.sort_by_key(|d| date_key(d.as_deref()));
        let got: Vec<&str> = v.iter().map(|d| d.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            got,
            [
                "2024-12-10",
                "2025-03-04",
                "Jan 12",
                "3 March",
                "May 2",
                "Sept 21",
                "someday",
                "-"
            ]
        );
        // one month and day is one key whatever the spelling; no year
        assert_eq!(date_key(Some("Mar 3")), date_key(Some("3 March")));
        assert!(matches!(
            date_key(Some("Mar 3")),
            DateKey::Date(d) if d.year().is_none()
        ));
    }

    #[test]
    fn short_ids_drop_kind_and_directories() {
        assert_eq!(short_id("statement:data/articles/a.txt#2"), "a.txt#2");
        assert_eq!(short_id("person:sergey-lavrov"), "sergey-lavrov");
    }
}
