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

mod load;
mod lookup;
mod table;

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

use petgraph::algo::{astar, has_path_connecting, kosaraju_scc};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use serde::Serialize;

use crate::date::Date;
use crate::error::Result;
use crate::graph::{shorten, EdgeKind, Node, NodeKind, QuoteGraph};
use crate::record::QuoteKind;
use table::{clip, col, list, num, Table};

pub use load::{load, read_node_link};
pub use lookup::{resolve, resolve_entity};

use lookup::resolve_index;

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

/// `000_lavrov_carlson_tass.txt#2` for `statement:data/articles/000_lavrov_carlson_tass.txt#2`.
pub fn short_id(id: &str) -> &str {
    let rest = id.split_once(':').map_or(id, |(_, r)| r);
    rest.rsplit(['/', '\\']).next().unwrap_or(rest)
}

// ---------------------------------------------------------------- helpers

/// Nodes joined to `ix` by `kind` edges in direction `dir`, in edge order,
/// each once.
fn linked(g: &QuoteGraph, ix: NodeIndex, kind: EdgeKind, dir: Direction) -> Vec<NodeIndex> {
    let mut v: Vec<(EdgeIndex, NodeIndex)> = g
        .graph()
        .edges_directed(ix, dir)
        .filter(|e| e.weight().kind == kind)
        .map(|e| {
            let other = if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            (e.id(), other)
        })
        .collect();
    v.sort();
    let mut seen = HashSet::new();
    v.into_iter()
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
enum DateKey {
    Date(Date),
    Other(String),
    Undated,
}

fn date_key(d: &Option<String>) -> DateKey {
    match d {
        None => DateKey::Undated,
        Some(s) => Date::parse(s).map_or_else(|| DateKey::Other(s.clone()), DateKey::Date),
    }
}

fn statement_row(g: &QuoteGraph, ix: NodeIndex) -> StatementRow {
    let n = &g.graph()[ix];
    let s = n.statement().expect("a statement node");
    let out = |kind| refs(g, &linked(g, ix, kind, Direction::Outgoing));
    StatementRow {
        id: n.id.clone(),
        doc: s.doc.clone(),
        date: s.date.clone(),
        speaker: speaker_of(g, ix).map(|i| EntityRef::of(&g.graph()[i])),
        speaker_text: s.speaker_text.clone(),
        cue: s.cue.clone(),
        cue_text: s.cue_text.clone(),
        quote_kind: s.quote_kind,
        text: s.text.clone(),
        relayed_by: out(EdgeKind::ReportedBy),
        addressed_to: out(EdgeKind::AddressedTo),
        mentions: out(EdgeKind::Mentions),
    }
}

fn names(v: &[EntityRef]) -> impl Iterator<Item = &str> {
    v.iter().map(|e| e.name.as_str())
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

// ---------------------------------------------------------------- who said

/// Every statement of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhoSaid {
    /// The speaker.
    pub speaker: EntityRef,
    /// Their statements, by date (as [`timeline`] orders dates), then
    /// graph order.
    pub statements: Vec<StatementRow>,
}

/// Every statement of the entity `name` names ([`resolve_entity`]), with
/// cue, date, document, the outlets that relayed it and whom it was said
/// to.
pub fn who_said(g: &QuoteGraph, name: &str) -> Result<WhoSaid> {
    let sp = resolve_entity(g, name)?;
    let ix = g.index_of(&sp.id).expect("resolved");
    let mut statements: Vec<StatementRow> = linked(g, ix, EdgeKind::Said, Direction::Outgoing)
        .into_iter()
        .map(|st| statement_row(g, st))
        .collect();
    statements.sort_by_cached_key(|r| date_key(&r.date));
    Ok(WhoSaid {
        speaker: EntityRef::of(sp),
        statements,
    })
}

impl ToTable for WhoSaid {
    fn empty_note(&self) -> Option<String> {
        self.statements.is_empty().then(|| {
            format!(
                "{} ({}) said nothing in these texts",
                self.speaker.name, self.speaker.id
            )
        })
    }

    fn to_table(&self) -> String {
        if let Some(note) = self.empty_note() {
            return note + "\n";
        }
        let docs: HashSet<&str> = self.statements.iter().map(|s| s.doc.as_str()).collect();
        let mut outlets: Vec<&str> = self
            .statements
            .iter()
            .flat_map(|s| names(&s.relayed_by))
            .collect();
        outlets.sort();
        outlets.dedup();
        let mut out = format!(
            "{} ({}): {} statement{} in {} document{}, relayed by {}\n",
            self.speaker.name,
            self.speaker.id,
            self.statements.len(),
            plural(self.statements.len()),
            docs.len(),
            plural(docs.len()),
            list(outlets)
        );
        let mut t = Table::new(&[
            col("DATE", 10),
            col("STATEMENT", 34),
            col("CUE", 14),
            col("RELAYED BY", 20),
            col("TO", 20),
            col("TEXT", 70),
        ]);
        for s in &self.statements {
            t.row(vec![
                s.date.clone().unwrap_or_else(|| "-".into()),
                short_id(&s.id).to_string(),
                s.cue_text.clone(),
                list(names(&s.relayed_by)),
                list(names(&s.addressed_to)),
                s.text.clone(),
            ]);
        }
        out.push_str(&t.render());
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

// ---------------------------------------------------------------- provenance

/// A statement and the chain from outlet to speaker to addressee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    /// "TASS ← cited ← Sergey Lavrov → told → Tucker Carlson".
    pub chain: String,
    /// The statement.
    #[serde(flatten)]
    pub statement: StatementRow,
}

/// The provenance chain of a statement: outlets ← cited ← speaker → cue →
/// addressees. An unresolved speaker shows as written.
pub fn chain(s: &StatementRow) -> String {
    let mut out = String::new();
    if !s.relayed_by.is_empty() {
        out.push_str(&names(&s.relayed_by).collect::<Vec<_>>().join(" / "));
        out.push_str(" ← cited ← ");
    }
    match (&s.speaker, &s.speaker_text) {
        (Some(e), _) => out.push_str(&e.name),
        (None, Some(t)) => write!(out, "“{}” (unresolved)", clip(t, 40)).expect("to string"),
        (None, None) => out.push_str("(no speaker)"),
    }
    let cue = clip(&s.cue_text, 0).to_lowercase();
    write!(out, " → {cue}").expect("to string");
    if !s.addressed_to.is_empty() {
        out.push_str(" → ");
        out.push_str(&names(&s.addressed_to).collect::<Vec<_>>().join(" / "));
    }
    out
}

/// Provenance of the statement `query` names (`statement:<doc>#<n>` or
/// `<file>#<n>`), or of every statement of the entity it names, by date.
pub fn provenance(g: &QuoteGraph, query: &str) -> Result<Vec<Provenance>> {
    let ix = resolve_index(g, query)?;
    let rows = if g.graph()[ix].kind() == NodeKind::Statement {
        vec![statement_row(g, ix)]
    } else {
        who_said(g, &g.graph()[ix].id)?.statements
    };
    Ok(rows
        .into_iter()
        .map(|statement| Provenance {
            chain: chain(&statement),
            statement,
        })
        .collect())
}

/// Statements whose text contains `words`, ignoring case and runs of
/// whitespace, in graph order: the way to find a statement's id to ask
/// [`provenance`] about when only its words are known.
///
/// ```
/// use quotegraph::{query, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "Russia is ready to talk, Sergey Lavrov said."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let rows = query::search(&g, "READY  to talk");
/// assert_eq!(rows[0].id, "statement:a.txt#1");
/// assert!(query::search(&g, "words nobody said").is_empty());
/// ```
pub fn search(g: &QuoteGraph, words: &str) -> Vec<StatementRow> {
    let flat = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = flat(words);
    let gr = g.graph();
    gr.node_indices()
        .filter(|&ix| {
            gr[ix]
                .statement()
                .is_some_and(|s| flat(&s.text).contains(&want))
        })
        .map(|ix| statement_row(g, ix))
        .collect()
}

impl ToTable for [Provenance] {
    fn to_table(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let s = &p.statement;
            writeln!(
                out,
                "{}  {}",
                short_id(&s.id),
                s.date.as_deref().unwrap_or("undated")
            )
            .expect("to string");
            writeln!(out, "  {}", p.chain).expect("to string");
            writeln!(out, "  “{}”", clip(&s.text, 100)).expect("to string");
        }
        if self.is_empty() {
            out.push_str("no statements\n");
        }
        out
    }
}

/// Speakers an outlet relayed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relayed {
    /// The outlet.
    pub outlet: EntityRef,
    /// True when it is a news outlet or agency (see [`relayed_by`]).
    pub news_outlet: bool,
    /// Statements it relayed.
    pub statements: usize,
    /// Who said them, most relayed first; statements without a resolved
    /// speaker are left out.
    pub speakers: Vec<Ranked>,
}

/// Statements an outlet relayed: those reported by it ("as cited by
/// TASS") and, when it is a news outlet, those said to it ("Berg told
/// Reuters").
fn relayed_statements(g: &QuoteGraph, ix: NodeIndex) -> Vec<NodeIndex> {
    let mut sts = linked(g, ix, EdgeKind::ReportedBy, Direction::Incoming);
    if g.graph()[ix].entity().is_some_and(|e| e.outlet) {
        sts.extend(linked(g, ix, EdgeKind::AddressedTo, Direction::Incoming));
    }
    sts.sort();
    sts.dedup();
    sts
}

/// Every speaker the outlet `name` relayed ([`Relayed`]).
pub fn relayed_by(g: &QuoteGraph, name: &str) -> Result<Relayed> {
    let o = resolve_entity(g, name)?;
    let ix = g.index_of(&o.id).expect("resolved");
    let sts = relayed_statements(g, ix);
    let mut by: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for &st in &sts {
        if let Some(sp) = speaker_of(g, st) {
            by.entry(sp).or_default().push(st);
        }
    }
    Ok(Relayed {
        outlet: EntityRef::of(o),
        news_outlet: o.entity().is_some_and(|e| e.outlet),
        statements: sts.len(),
        speakers: rank(by, g),
    })
}

impl ToTable for Relayed {
    fn empty_note(&self) -> Option<String> {
        let o = &self.outlet;
        (self.statements == 0).then(|| {
            if self.news_outlet {
                format!("{} ({}) relayed no statements in these texts", o.name, o.id)
            } else {
                format!(
                    "{} ({}) is not an outlet: it relayed no statements in these texts",
                    o.name, o.id
                )
            }
        })
    }

    fn to_table(&self) -> String {
        if let Some(note) = self.empty_note() {
            return note + "\n";
        }
        let mut out = format!(
            "{} ({}) relayed {} statement{} from {} speaker{}\n",
            self.outlet.name,
            self.outlet.id,
            self.statements,
            plural(self.statements),
            self.speakers.len(),
            plural(self.speakers.len())
        );
        out.push_str(&ranked_table("SPEAKER", &self.speakers));
        out
    }
}

fn ranked_table(who: &'static str, rows: &[Ranked]) -> String {
    let mut t = Table::new(&[col(who, 30), num("STATEMENTS"), col("WHICH", 80)]);
    for r in rows {
        t.row(vec![
            r.entity.name.clone(),
            r.count.to_string(),
            r.statements
                .iter()
                .map(|s| short_id(s))
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    }
    t.render()
}

// ---------------------------------------------------------------- mentions

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
    let mut by: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for &st in &sts {
        if let Some(sp) = speaker_of(g, st).filter(|&sp| sp != ix) {
            by.entry(sp).or_default().push(st);
        }
    }
    Ok(Mentioners {
        entity: EntityRef::of(e),
        mentioned_in: sts.len(),
        speakers: rank(by, g),
    })
}

impl ToTable for Mentioners {
    fn empty_note(&self) -> Option<String> {
        let e = &self.entity;
        match (self.mentioned_in, self.speakers.is_empty()) {
            (0, _) => Some(format!(
                "no statement in these texts mentions {} ({})",
                e.name, e.id
            )),
            (n, true) => Some(format!(
                "{} ({}) is mentioned in {n} statement{}, none by another known speaker",
                e.name,
                e.id,
                plural(n)
            )),
            _ => None,
        }
    }

    fn to_table(&self) -> String {
        if let Some(note) = self.empty_note() {
            return note + "\n";
        }
        let mut out = format!(
            "{} ({}) is mentioned in {} statement{}; {} speaker{} {} about it\n",
            self.entity.name,
            self.entity.id,
            self.mentioned_in,
            plural(self.mentioned_in),
            self.speakers.len(),
            plural(self.speakers.len()),
            if self.speakers.len() == 1 {
                "talks"
            } else {
                "talk"
            }
        );
        out.push_str(&ranked_table("SPEAKER", &self.speakers));
        out
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
/// assert_eq!(e.edge.weight, Some(2));
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
        let edge = crate::graph::Edge {
            weight: Some(w),
            ..crate::graph::Edge::new(EdgeKind::Mentions)
        };
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
        let mut t = Table::new(&[
            col("SPEAKER", 30),
            col("MENTIONS", 30),
            num("STATEMENTS"),
            col("WHICH", 60),
        ]);
        for l in self {
            t.row(vec![
                l.from.name.clone(),
                l.to.name.clone(),
                l.count.to_string(),
                l.statements
                    .iter()
                    .map(|s| short_id(s))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]);
        }
        if t.is_empty() {
            return "no person mentions another\n".into();
        }
        t.render()
    }
}

// ---------------------------------------------------------------- path

/// How one step of a [`Connection`] is joined to the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathEdge {
    /// The edge's kind.
    pub kind: EdgeKind,
    /// True when the edge points from the previous step to this one.
    pub forward: bool,
    /// "said", "mentions", "spokesman of"…
    pub label: String,
}

/// One node on a [`Connection`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// The node.
    pub node: EntityRef,
    /// The edge from the previous step (none for the first).
    pub via: Option<PathEdge>,
}

/// The shortest connection between two entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connection {
    /// Where it starts.
    pub from: EntityRef,
    /// Where it ends.
    pub to: EntityRef,
    /// Edges on it.
    pub length: usize,
    /// "Dmitry Peskov —spokesman of→ Vladimir Putin —said→ “…” …".
    pub chain: String,
    /// The nodes, `from` first.
    pub steps: Vec<PathStep>,
}

/// The edges a [`path`] may go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Statements (`said`, `addressed_to`, `reported_by`, `mentions`) and
    /// roles (`holds_role`): Peskov reaches Lavrov as Putin's spokesman.
    #[default]
    Any,
    /// Statements only: who said what to or about whom, and who relayed
    /// it; roles are left out.
    Statements,
}

/// Edges a connection may use, best first when two nodes share several:
/// never document links (`appears_in`, `datelined`), which would join
/// everyone quoted in the same article, and roles only with [`Via::Any`].
fn path_priority(kind: EdgeKind, via: Via) -> Option<u8> {
    match kind {
        EdgeKind::Said => Some(0),
        EdgeKind::AddressedTo => Some(1),
        EdgeKind::ReportedBy => Some(2),
        EdgeKind::HoldsRole if via == Via::Any => Some(3),
        EdgeKind::Mentions => Some(4),
        EdgeKind::HoldsRole | EdgeKind::AppearsIn | EdgeKind::Datelined => None,
    }
}

fn edge_label(e: &crate::graph::Edge) -> String {
    match e.kind {
        EdgeKind::Said => "said".into(),
        EdgeKind::ReportedBy => "relayed by".into(),
        EdgeKind::AddressedTo => "to".into(),
        EdgeKind::Mentions => "mentions".into(),
        EdgeKind::HoldsRole => match &e.title {
            Some(t) => format!("{t} of"),
            None => "role of".into(),
        },
        EdgeKind::AppearsIn => "appears in".into(),
        EdgeKind::Datelined => "datelined".into(),
    }
}

fn step_name(n: &Node) -> String {
    match n.kind() {
        NodeKind::Statement => format!("“{}”", shorten(n.name(), 40)),
        _ => n.name().to_string(),
    }
}

/// The shortest connection between what `from` and `to` name, through
/// statements (said, addressed to, relayed by, mentions) and roles, in
/// either direction; `None` when they are not connected. Found with
/// petgraph's `has_path_connecting` and `astar` on an undirected view of
/// the graph without document links; every edge counts 1.
/// [`path_via`] with [`Via::Statements`] leaves roles out.
pub fn path(g: &QuoteGraph, from: &str, to: &str) -> Result<Option<Connection>> {
    path_via(g, from, to, Via::Any)
}

/// [`path`] over the edges `via` allows: with [`Via::Statements`] every
/// step is a statement edge (said, addressed to, relayed by, mentions), so
/// the connection is made of who said what to or about whom.
pub fn path_via(g: &QuoteGraph, from: &str, to: &str, via: Via) -> Result<Option<Connection>> {
    let a = resolve_index(g, from)?;
    let b = resolve_index(g, to)?;
    let gr = g.graph();
    let mut aux: UnGraph<(), EdgeIndex> = UnGraph::with_capacity(gr.node_count(), gr.edge_count());
    for _ in gr.node_indices() {
        aux.add_node(());
    }
    let mut usable: Vec<(u8, EdgeIndex)> = gr
        .edge_indices()
        .filter_map(|e| path_priority(gr[e].kind, via).map(|p| (p, e)))
        .collect();
    usable.sort();
    let mut pairs = HashSet::new();
    for (_, e) in usable {
        let (s, t) = gr.edge_endpoints(e).expect("edge");
        if pairs.insert((s.min(t), s.max(t))) {
            aux.add_edge(s, t, e);
        }
    }
    if !has_path_connecting(&aux, a, b, None) {
        return Ok(None);
    }
    let (length, nodes) = astar(&aux, a, |n| n == b, |_| 1usize, |_| 0).expect("connected");
    let mut steps = Vec::with_capacity(nodes.len());
    let mut chain = step_name(&gr[a]);
    for (i, &n) in nodes.iter().enumerate() {
        let via = (i > 0).then(|| {
            let prev = nodes[i - 1];
            let ae = aux.find_edge(prev, n).expect("on the path");
            let e = aux[ae];
            let (s, _) = gr.edge_endpoints(e).expect("edge");
            let label = edge_label(&gr[e]);
            let forward = s == prev;
            if forward {
                write!(chain, " —{label}→ {}", step_name(&gr[n])).expect("to string");
            } else {
                write!(chain, " ←{label}— {}", step_name(&gr[n])).expect("to string");
            }
            PathEdge {
                kind: gr[e].kind,
                forward,
                label,
            }
        });
        steps.push(PathStep {
            node: EntityRef::of(&gr[n]),
            via,
        });
    }
    Ok(Some(Connection {
        from: EntityRef::of(&gr[a]),
        to: EntityRef::of(&gr[b]),
        length,
        chain,
        steps,
    }))
}

impl ToTable for Connection {
    fn to_table(&self) -> String {
        let mut out = format!(
            "{} → {}: {} step{}\n",
            self.from.name,
            self.to.name,
            self.length,
            plural(self.length)
        );
        for s in &self.steps {
            match &s.via {
                None => writeln!(out, "  {}", self.from.name),
                Some(v) => {
                    let arrow = if v.forward {
                        format!("—{}→", v.label)
                    } else {
                        format!("←{}—", v.label)
                    };
                    let name = match s.node.kind {
                        NodeKind::Statement => format!("“{}”", clip(&s.node.name, 70)),
                        _ => s.node.name.clone(),
                    };
                    writeln!(out, "    {arrow} {name}")
                }
            }
            .expect("to string");
        }
        out
    }
}

// ---------------------------------------------------------------- top lists

/// A speaker and how much they said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRank {
    /// The speaker.
    pub speaker: EntityRef,
    /// Statements.
    pub statements: usize,
    /// Distinct documents they appear in.
    pub documents: usize,
    /// Outlets that relayed them, in order of first use.
    pub relayed_by: Vec<EntityRef>,
}

/// The `n` speakers with the most statements (all with `n` = 0), ties by
/// name.
pub fn top_speakers(g: &QuoteGraph, n: usize) -> Vec<SpeakerRank> {
    let all = g.speakers();
    let n = if n == 0 { all.len() } else { n };
    all.into_iter()
        .take(n)
        .map(|s| SpeakerRank {
            speaker: EntityRef::of(s.speaker),
            statements: s.statements.len(),
            documents: s.documents,
            relayed_by: s.relayed_by.iter().map(|o| EntityRef::of(o)).collect(),
        })
        .collect()
}

impl ToTable for [SpeakerRank] {
    fn to_table(&self) -> String {
        let mut t = Table::new(&[
            num("#"),
            col("SPEAKER", 40),
            num("STATEMENTS"),
            num("DOCS"),
            col("RELAYED BY", 40),
        ]);
        for (i, s) in self.iter().enumerate() {
            t.row(vec![
                (i + 1).to_string(),
                s.speaker.name.clone(),
                s.statements.to_string(),
                s.documents.to_string(),
                list(names(&s.relayed_by)),
            ]);
        }
        t.render()
    }
}

/// An outlet and how much it relayed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletRank {
    /// The outlet.
    pub outlet: EntityRef,
    /// Statements it relayed ("as cited by TASS", "told Reuters").
    pub relayed: usize,
    /// The speakers of those, most relayed first.
    pub speakers: Vec<EntityRef>,
    /// Statements attributed to the outlet itself ("according to TASS").
    pub said: usize,
}

/// The `n` outlets (news outlets, and anything that relayed a statement)
/// that relayed the most statements (all with `n` = 0); ties by their own
/// statements, then name.
pub fn top_outlets(g: &QuoteGraph, n: usize) -> Vec<OutletRank> {
    let gr = g.graph();
    let mut out: Vec<OutletRank> = gr
        .node_indices()
        .filter(|&ix| {
            gr[ix].entity().is_some_and(|e| e.outlet)
                || !linked(g, ix, EdgeKind::ReportedBy, Direction::Incoming).is_empty()
        })
        .filter_map(|ix| {
            let sts = relayed_statements(g, ix);
            let said = linked(g, ix, EdgeKind::Said, Direction::Outgoing).len();
            if sts.is_empty() && said == 0 {
                return None;
            }
            let mut by: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
            for &st in &sts {
                if let Some(sp) = speaker_of(g, st) {
                    by.entry(sp).or_default().push(st);
                }
            }
            Some(OutletRank {
                outlet: EntityRef::of(&gr[ix]),
                relayed: sts.len(),
                speakers: rank(by, g).into_iter().map(|r| r.entity).collect(),
                said,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.relayed
            .cmp(&a.relayed)
            .then_with(|| b.said.cmp(&a.said))
            .then_with(|| a.outlet.name.cmp(&b.outlet.name))
            .then_with(|| a.outlet.id.cmp(&b.outlet.id))
    });
    if n > 0 {
        out.truncate(n);
    }
    out
}

impl ToTable for [OutletRank] {
    fn to_table(&self) -> String {
        let mut t = Table::new(&[
            num("#"),
            col("OUTLET", 30),
            num("RELAYED"),
            num("OWN"),
            col("SPEAKERS RELAYED", 60),
        ]);
        for (i, o) in self.iter().enumerate() {
            t.row(vec![
                (i + 1).to_string(),
                o.outlet.name.clone(),
                o.relayed.to_string(),
                o.said.to_string(),
                list(names(&o.speakers)),
            ]);
        }
        if t.is_empty() {
            return "no outlets\n".into();
        }
        t.render()
    }
}

/// One document date: its documents and who was quoted most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineDay {
    /// The date from the datelines, normalised: `2024-12-06`; for a date
    /// written without a year, ISO 8601's month-day `--12-06` (no year is
    /// guessed); other text as written; `None`: undated documents.
    pub date: Option<String>,
    /// False for dates written without a year (and for text that is not a
    /// date).
    pub year_known: bool,
    /// The date as the datelines wrote it ("Dec 6", "December 6"), each
    /// spelling once, in graph order.
    pub written: Vec<String>,
    /// Documents with that date, in graph order.
    pub documents: Vec<String>,
    /// Statements in them.
    pub statements: usize,
    /// Their speakers, most statements first.
    pub speakers: Vec<Ranked>,
}

impl TimelineDay {
    /// The date for people: `2024-12-06`, `Dec 6 (year unknown)`, other
    /// text as written, or `undated`.
    pub fn label(&self) -> String {
        match &self.date {
            None => "undated".into(),
            Some(d) if self.year_known => d.clone(),
            Some(d) => match Date::parse(d) {
                Some(date) if date.year().is_none() => format!(
                    "{} {} (year unknown)",
                    date.month_abbreviation(),
                    date.day()
                ),
                _ => d.clone(),
            },
        }
    }
}

/// Statements per document date, with the most-quoted speakers of each:
/// a timeline from the datelines, oldest first. Dates written without a
/// year ("Dec 6", "6 December") get no guessed year: they come after the
/// dated ones, one entry per month and day whatever the spelling, marked
/// by [`TimelineDay::year_known`]; undated documents come last.
pub fn timeline(g: &QuoteGraph) -> Vec<TimelineDay> {
    let gr = g.graph();
    #[derive(Default)]
    struct Day {
        written: Vec<String>,
        docs: Vec<NodeIndex>,
        sts: Vec<NodeIndex>,
    }
    let mut days: BTreeMap<DateKey, Day> = BTreeMap::new();
    for ix in gr.node_indices() {
        let Some(d) = gr[ix].document() else { continue };
        let day = days.entry(date_key(&d.date)).or_default();
        if let Some(w) = &d.date {
            if !day.written.contains(w) {
                day.written.push(w.clone());
            }
        }
        day.docs.push(ix);
        day.sts
            .extend(linked(g, ix, EdgeKind::AppearsIn, Direction::Incoming));
    }
    days.into_iter()
        .map(|(key, day)| {
            let mut by: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
            for &st in &day.sts {
                if let Some(sp) = speaker_of(g, st) {
                    by.entry(sp).or_default().push(st);
                }
            }
            let (date, year_known) = match key {
                DateKey::Date(d) => (Some(d.iso()), d.year().is_some()),
                DateKey::Other(text) => (Some(text), false),
                DateKey::Undated => (None, false),
            };
            TimelineDay {
                date,
                year_known,
                written: day.written,
                documents: day.docs.iter().map(|&d| gr[d].name().to_string()).collect(),
                statements: day.sts.len(),
                speakers: rank(by, g),
            }
        })
        .collect()
}

impl ToTable for [TimelineDay] {
    fn to_table(&self) -> String {
        let mut t = Table::new(&[
            col("DATE", 24),
            num("DOCS"),
            num("STATEMENTS"),
            col("MOST QUOTED", 90),
        ]);
        for d in self {
            let top: Vec<String> = d
                .speakers
                .iter()
                .take(3)
                .map(|r| format!("{} ({})", r.entity.name, r.count))
                .collect();
            t.row(vec![
                d.label(),
                d.documents.len().to_string(),
                d.statements.to_string(),
                list(top.iter().map(String::as_str)),
            ]);
        }
        if t.is_empty() {
            return "no documents\n".into();
        }
        t.render()
    }
}

// ---------------------------------------------------------------- ego

/// The subgraph within `hops` edges of what `name` names, edges followed
/// in either direction; documents are included when reached but not
/// walked through (two hops through an article would reach everyone in
/// it). Every edge between included nodes is kept, so every exporter
/// writes just that neighbourhood.
pub fn ego(g: &QuoteGraph, name: &str, hops: usize) -> Result<QuoteGraph> {
    let center = resolve_index(g, name)?;
    let gr = g.graph();
    let mut dist: Vec<Option<usize>> = vec![None; gr.node_count()];
    dist[center.index()] = Some(0);
    let mut queue = VecDeque::from([center]);
    while let Some(n) = queue.pop_front() {
        let d = dist[n.index()].expect("queued nodes have a distance");
        if d >= hops || (n != center && gr[n].kind() == NodeKind::Document) {
            continue;
        }
        let mut next: Vec<NodeIndex> = gr.neighbors_undirected(n).collect();
        next.sort();
        for m in next {
            if dist[m.index()].is_none() {
                dist[m.index()] = Some(d + 1);
                queue.push_back(m);
            }
        }
    }
    let keep: Vec<bool> = dist.iter().map(Option::is_some).collect();
    Ok(subgraph(g, &keep, |_| true))
}

/// A graph in a few lines: counts by kind, then the entities by kind.
pub fn outline(g: &QuoteGraph) -> String {
    let mut out = format!("{}\n", g.summary());
    for (kind, label) in [
        (NodeKind::Person, "people"),
        (NodeKind::Organization, "organizations"),
        (NodeKind::Place, "places"),
    ] {
        let mut v: Vec<&str> = g.nodes_of_kind(kind).map(|n| n.name()).collect();
        if v.is_empty() {
            continue;
        }
        v.sort();
        writeln!(out, "{label}: {}", v.join(", ")).expect("to string");
    }
    out
}

// ---------------------------------------------------------------- components

/// People connected to each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Its people, by name.
    pub people: Vec<EntityRef>,
    /// Distinct linked pairs among them.
    pub links: usize,
}

/// Connected components of the person–person network: two people are
/// linked when one's statement mentions the other or is addressed to the
/// other, or one holds a role of the other. Largest first (then by first
/// name); people linked to no one are components of one.
pub fn components(g: &QuoteGraph) -> Vec<Component> {
    let gr = g.graph();
    let people: Vec<NodeIndex> = gr
        .node_indices()
        .filter(|&i| gr[i].kind() == NodeKind::Person)
        .collect();
    let mut net: UnGraph<NodeIndex, ()> = UnGraph::default();
    let mut at: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    for &p in &people {
        at.insert(p, net.add_node(p));
    }
    let mut pairs: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
    let mut link = |a: NodeIndex, b: NodeIndex| {
        if a != b && at.contains_key(&a) && at.contains_key(&b) {
            pairs.insert((a.min(b), a.max(b)));
        }
    };
    for e in gr.edge_references() {
        match e.weight().kind {
            EdgeKind::HoldsRole => link(e.source(), e.target()),
            EdgeKind::Mentions | EdgeKind::AddressedTo => {
                if let Some(sp) = speaker_of(g, e.source()) {
                    link(sp, e.target());
                }
            }
            _ => {}
        }
    }
    let mut sorted: Vec<(NodeIndex, NodeIndex)> = pairs.into_iter().collect();
    sorted.sort();
    for &(a, b) in &sorted {
        net.add_edge(at[&a], at[&b], ());
    }
    let mut comps: Vec<Component> = kosaraju_scc(&net)
        .into_iter()
        .map(|c| {
            let members: HashSet<NodeIndex> = c.iter().map(|&i| net[i]).collect();
            let mut people: Vec<EntityRef> =
                members.iter().map(|&p| EntityRef::of(&gr[p])).collect();
            people.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
            let links = sorted
                .iter()
                .filter(|(a, b)| members.contains(a) && members.contains(b))
                .count();
            Component { people, links }
        })
        .collect();
    comps.sort_by(|a, b| {
        b.people
            .len()
            .cmp(&a.people.len())
            .then_with(|| a.people[0].name.cmp(&b.people[0].name))
            .then_with(|| a.people[0].id.cmp(&b.people[0].id))
    });
    comps
}

impl ToTable for [Component] {
    fn to_table(&self) -> String {
        let mut t = Table::new(&[num("#"), num("PEOPLE"), num("LINKS"), col("MEMBERS", 0)]);
        let mut alone = Vec::new();
        let mut k = 0;
        for c in self {
            if c.people.len() == 1 {
                alone.push(c.people[0].name.as_str());
                continue;
            }
            k += 1;
            t.row(vec![
                k.to_string(),
                c.people.len().to_string(),
                c.links.to_string(),
                list(names(&c.people)),
            ]);
        }
        let mut out = if t.is_empty() {
            "no two people are linked\n".to_string()
        } else {
            t.render()
        };
        if !alone.is_empty() {
            writeln!(
                out,
                "{} linked to no one: {}",
                alone.len(),
                alone.join(", ")
            )
            .expect("to string");
        }
        out
    }
}

// ---------------------------------------------------------------- roles

/// A title someone holds of an organization, place or person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// Who holds it.
    pub holder: EntityRef,
    /// The title ("spokesman").
    pub title: String,
    /// Whose it is.
    pub of: EntityRef,
}

/// Roles around one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roles {
    /// The entity.
    pub entity: EntityRef,
    /// Everyone holding a role of it (Peskov, spokesman, of Putin), by
    /// name.
    pub holders: Vec<Role>,
    /// The roles it holds of others.
    pub holds: Vec<Role>,
    /// Titles it holds of no one in particular ("journalist").
    pub titles: Vec<String>,
}

/// Everyone holding a role of the organization, place or person `name`
/// names, and the roles it holds itself.
pub fn role_holders(g: &QuoteGraph, name: &str) -> Result<Roles> {
    let e = resolve_entity(g, name)?;
    let ix = g.index_of(&e.id).expect("resolved");
    let gr = g.graph();
    let role = |edge: petgraph::graph::EdgeReference<'_, crate::graph::Edge>| Role {
        holder: EntityRef::of(&gr[edge.source()]),
        title: edge.weight().title.clone().unwrap_or_default(),
        of: EntityRef::of(&gr[edge.target()]),
    };
    let mut holders: Vec<Role> = gr
        .edges_directed(ix, Direction::Incoming)
        .filter(|x| x.weight().kind == EdgeKind::HoldsRole)
        .map(role)
        .collect();
    let mut holds: Vec<Role> = gr
        .edges_directed(ix, Direction::Outgoing)
        .filter(|x| x.weight().kind == EdgeKind::HoldsRole)
        .map(role)
        .collect();
    let by = |a: &Role, b: &Role| {
        (&a.holder.name, &a.of.name, &a.title, &a.holder.id, &a.of.id).cmp(&(
            &b.holder.name,
            &b.of.name,
            &b.title,
            &b.holder.id,
            &b.of.id,
        ))
    };
    holders.sort_by(by);
    holds.sort_by(by);
    Ok(Roles {
        entity: EntityRef::of(e),
        holders,
        holds,
        titles: e.entity().map(|x| x.titles.clone()).unwrap_or_default(),
    })
}

impl ToTable for Roles {
    fn empty_note(&self) -> Option<String> {
        let e = &self.entity;
        (self.holders.is_empty() && self.holds.is_empty() && self.titles.is_empty()).then(|| {
            format!(
                "{} ({}) holds no role and no one holds a role of it in these texts",
                e.name, e.id
            )
        })
    }

    fn to_table(&self) -> String {
        if let Some(note) = self.empty_note() {
            return note + "\n";
        }
        let mut out = format!("Roles around {} ({})\n", self.entity.name, self.entity.id);
        let mut t = Table::new(&[col("HOLDER", 30), col("TITLE", 30), col("OF", 30)]);
        for r in self.holders.iter().chain(&self.holds) {
            t.row(vec![
                r.holder.name.clone(),
                r.title.clone(),
                r.of.name.clone(),
            ]);
        }
        if !t.is_empty() {
            out.push_str(&t.render());
        }
        if !self.titles.is_empty() {
            writeln!(out, "titles: {}", self.titles.join(", ")).expect("to string");
        }
        out
    }
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
        v.sort_by_key(date_key);
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
        assert_eq!(
            date_key(&Some("Mar 3".into())),
            date_key(&Some("3 March".into()))
        );
        assert!(matches!(
            date_key(&Some("Mar 3".into())),
            DateKey::Date(d) if d.year().is_none()
        ));
    }

    #[test]
    fn short_ids_drop_kind_and_directories() {
        assert_eq!(short_id("statement:data/articles/a.txt#2"), "a.txt#2");
        assert_eq!(short_id("person:sergey-lavrov"), "sergey-lavrov");
    }
}
