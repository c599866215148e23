//! The knowledge graph: people, organizations, places, statements and
//! documents from any number of [`DocRecord`]s, in one petgraph
//! [`DiGraph`].
//!
//! Node ids are stable and human-readable — `person:sergey-lavrov`,
//! `statement:<doc>#<n>`, `document:<doc>` — and nodes and edges are kept in
//! insertion order, so the same records in the same order give the same
//! graph and byte-for-byte the same exports.
//!
//! ```
//! use quotegraph::{Document, Extractor, QuoteGraph};
//! use quotegraph::graph::{EdgeKind, NodeKind};
//!
//! let ex = Extractor::default();
//! let a = ex.extract(&Document::new("a.txt",
//!     "Russia is ready to talk, Sergey Lavrov told Tucker Carlson, as cited by TASS.")).to_record();
//! let b = ex.extract(&Document::new("b.txt",
//!     "Russia wants peace, Sergey Lavrov said.")).to_record();
//! let g = QuoteGraph::from_extractions(&[a, b]).unwrap();
//! // one Lavrov, two statements
//! let lavrov = g.node("person:sergey-lavrov").unwrap();
//! assert_eq!(lavrov.name(), "Sergey Lavrov");
//! let said = g.neighbors("person:sergey-lavrov", EdgeKind::Said, petgraph::Direction::Outgoing);
//! assert_eq!(said.len(), 2);
//! assert_eq!(g.nodes_of_kind(NodeKind::Document).count(), 2);
//! ```
//!
//! Entities merge across documents by name (see [`QuoteGraph::add_record`]
//! for the rules); statements never merge: the same words in two documents
//! are two statements that share a speaker.

mod context;
mod names;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::slug;
use crate::lexicon::Lexicon;
use crate::record::{DocRecord, EntityKind, EntityRecord, QuoteKind};
use names::NameRules;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A person.
    Person,
    /// An organization (news outlets included).
    Organization,
    /// A place.
    Place,
    /// An attributed claim.
    Statement,
    /// An article.
    Document,
}

impl NodeKind {
    /// Every kind, in display order.
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Place,
        NodeKind::Statement,
        NodeKind::Document,
    ];

    /// Lowercase name ("person"), the id prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Place => "place",
            NodeKind::Statement => "statement",
            NodeKind::Document => "document",
        }
    }

    /// Capitalized name ("Person"): a Neo4j label, an RDF class name.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Place => "Place",
            NodeKind::Statement => "Statement",
            NodeKind::Document => "Document",
        }
    }

    /// True for people, organizations and places.
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            NodeKind::Person | NodeKind::Organization | NodeKind::Place
        )
    }
}

impl From<EntityKind> for NodeKind {
    fn from(k: EntityKind) -> NodeKind {
        match k {
            EntityKind::Person => NodeKind::Person,
            EntityKind::Organization => NodeKind::Organization,
            EntityKind::Place => NodeKind::Place,
        }
    }
}

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Speaker → statement.
    Said,
    /// Statement → the outlet that relayed it ("as cited by TASS").
    ReportedBy,
    /// Statement → whom it was said to.
    AddressedTo,
    /// Statement → an entity named in its content; in the person mention
    /// network ([`query::mention_network`](crate::query::mention_network)),
    /// person → person, weighted by the statements that mention.
    Mentions,
    /// Person → what a title is of (Peskov → Putin, "spokesman").
    HoldsRole,
    /// Statement → the document it appears in.
    AppearsIn,
    /// Document → the place of its dateline.
    Datelined,
}

impl EdgeKind {
    /// Every kind, in display order.
    pub const ALL: [EdgeKind; 7] = [
        EdgeKind::Said,
        EdgeKind::ReportedBy,
        EdgeKind::AddressedTo,
        EdgeKind::Mentions,
        EdgeKind::HoldsRole,
        EdgeKind::AppearsIn,
        EdgeKind::Datelined,
    ];

    /// snake_case name ("reported_by").
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Said => "said",
            EdgeKind::ReportedBy => "reported_by",
            EdgeKind::AddressedTo => "addressed_to",
            EdgeKind::Mentions => "mentions",
            EdgeKind::HoldsRole => "holds_role",
            EdgeKind::AppearsIn => "appears_in",
            EdgeKind::Datelined => "datelined",
        }
    }

    /// UPPER_CASE name ("REPORTED_BY"): a Neo4j relationship type.
    pub fn rel_type(self) -> &'static str {
        match self {
            EdgeKind::Said => "SAID",
            EdgeKind::ReportedBy => "REPORTED_BY",
            EdgeKind::AddressedTo => "ADDRESSED_TO",
            EdgeKind::Mentions => "MENTIONS",
            EdgeKind::HoldsRole => "HOLDS_ROLE",
            EdgeKind::AppearsIn => "APPEARS_IN",
            EdgeKind::Datelined => "DATELINED",
        }
    }

    /// The node kinds an edge of this kind may start and end at.
    pub fn endpoints(self) -> (&'static [NodeKind], &'static [NodeKind]) {
        const ENTITIES: &[NodeKind] = &[NodeKind::Person, NodeKind::Organization, NodeKind::Place];
        const STATEMENT: &[NodeKind] = &[NodeKind::Statement];
        match self {
            EdgeKind::Said => (ENTITIES, STATEMENT),
            EdgeKind::ReportedBy | EdgeKind::AddressedTo => (STATEMENT, ENTITIES),
            EdgeKind::Mentions => (&[NodeKind::Statement, NodeKind::Person], ENTITIES),
            EdgeKind::HoldsRole => (ENTITIES, ENTITIES),
            EdgeKind::AppearsIn => (STATEMENT, &[NodeKind::Document]),
            EdgeKind::Datelined => (&[NodeKind::Document], ENTITIES),
        }
    }
}

/// A person, organization or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityNode {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Canonical name: for people the longest full proper name seen
    /// ("Sergey Lavrov"), else the record's canonical name.
    pub name: String,
    /// Every other name and description seen, in order of first use.
    pub aliases: Vec<String>,
    /// Titles held without an "of" ("journalist"); titles with one are
    /// `holds_role` edges.
    pub titles: Vec<String>,
    /// True for news outlets and agencies.
    pub outlet: bool,
}

/// An attributed claim in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementNode {
    /// The claim (content fragments joined by one space).
    pub text: String,
    /// Direct, indirect or mixed.
    pub quote_kind: QuoteKind,
    /// Lemma of the cue ("say", "point out").
    pub cue: String,
    /// The cue as written ("pointed out").
    pub cue_text: String,
    /// The document's name.
    pub doc: String,
    /// Code-point span of the first content fragment.
    pub span: [usize; 2],
    /// Every content fragment.
    pub spans: Vec<[usize; 2]>,
    /// The document's dateline date (or its `date` field).
    pub date: Option<String>,
    /// The speaker as written ("the top Russian diplomat"), resolved or not.
    pub speaker_text: Option<String>,
    /// The relaying source as written, resolved or not.
    pub source_text: Option<String>,
    /// The addressee as written, resolved or not.
    pub addressee_text: Option<String>,
    /// The rule that found it.
    pub rule: String,
    /// The sentence it was found in, with its parts marked; only when the
    /// graph was given the document's text ([`QuoteGraph::attach_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Box<StatementContext>>,
}

/// The sentence (or sentences) a statement was found in, so a reader can
/// see the claim in place with the speaker, cue and content marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementContext {
    /// The text from the start of the sentence holding the first part to
    /// the end of the sentence holding the last, as written.
    pub text: String,
    /// Code-point offset of `text` in the document.
    pub start: usize,
    /// The parts, in text order, with code-point spans into `text`.
    pub marks: Vec<ContextMark>,
}

/// One marked part of a [`StatementContext`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextMark {
    /// Which part it is.
    pub part: ContextPart,
    /// `[start, end)` in code points of the context's text.
    pub span: [usize; 2],
}

/// The parts of an attribution that a context marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContextPart {
    /// Who said it.
    Speaker,
    /// The reporting word.
    Cue,
    /// A fragment of the claim.
    Content,
    /// The outlet that relayed it.
    Source,
    /// Whom it was said to.
    Addressee,
}

impl ContextPart {
    /// Lowercase name ("speaker").
    pub fn as_str(self) -> &'static str {
        match self {
            ContextPart::Speaker => "speaker",
            ContextPart::Cue => "cue",
            ContextPart::Content => "content",
            ContextPart::Source => "source",
            ContextPart::Addressee => "addressee",
        }
    }
}

/// An article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentNode {
    /// The document's name (path as given, `-`, or a JSONL id).
    pub path: String,
    /// The dateline as written.
    pub dateline: Option<String>,
    /// The dateline's date, or the input's `date` field.
    pub date: Option<String>,
    /// The dateline's place as written.
    pub place: Option<String>,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NodeData {
    /// A person, organization or place.
    Entity(EntityNode),
    /// A claim.
    Statement(StatementNode),
    /// An article.
    Document(DocumentNode),
}

/// A node: its id and data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id: `person:sergey-lavrov`, `statement:<doc>#<n>`,
    /// `document:<doc>`.
    pub id: String,
    /// What it holds.
    pub data: NodeData,
}

impl Node {
    /// Its kind.
    pub fn kind(&self) -> NodeKind {
        match &self.data {
            NodeData::Entity(e) => e.kind.into(),
            NodeData::Statement(_) => NodeKind::Statement,
            NodeData::Document(_) => NodeKind::Document,
        }
    }

    /// A name to show: an entity's name, a statement's text, a document's
    /// path.
    pub fn name(&self) -> &str {
        match &self.data {
            NodeData::Entity(e) => &e.name,
            NodeData::Statement(s) => &s.text,
            NodeData::Document(d) => &d.path,
        }
    }

    /// A short label: the name, with statements cut to about 60
    /// characters and documents to their file name.
    pub fn label(&self) -> String {
        match &self.data {
            NodeData::Entity(e) => e.name.clone(),
            NodeData::Statement(s) => shorten(&s.text, 60),
            NodeData::Document(d) => d
                .path
                .rsplit(['/', '\\'])
                .find(|p| !p.is_empty())
                .unwrap_or(&d.path)
                .to_string(),
        }
    }

    /// The entity, if it is one.
    pub fn entity(&self) -> Option<&EntityNode> {
        match &self.data {
            NodeData::Entity(e) => Some(e),
            _ => None,
        }
    }

    /// The statement, if it is one.
    pub fn statement(&self) -> Option<&StatementNode> {
        match &self.data {
            NodeData::Statement(s) => Some(s),
            _ => None,
        }
    }

    /// The document, if it is one.
    pub fn document(&self) -> Option<&DocumentNode> {
        match &self.data {
            NodeData::Document(d) => Some(d),
            _ => None,
        }
    }
}

/// Cut `s` to at most `n` characters, ending in "…" when cut; whitespace
/// runs become one space.
pub fn shorten(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let mut t: String = flat.chars().take(n.saturating_sub(1)).collect();
    t.truncate(t.trim_end().len());
    t.push('…');
    t
}

/// An edge's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// What it means.
    pub kind: EdgeKind,
    /// `holds_role`: the title ("foreign minister").
    pub title: Option<String>,
    /// `said`, `reported_by`, `addressed_to`: the words as written ("the
    /// top Russian diplomat").
    pub mention: Option<String>,
    /// How many statements the edge stands for, in graphs derived from the
    /// attribution graph: a person → person `mentions` edge of
    /// [`query::mention_network`](crate::query::mention_network) counts the
    /// statements of one that mention the other. `None` in the attribution
    /// graph itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
}

impl Edge {
    /// An edge of `kind` with no title, mention or weight.
    pub fn new(kind: EdgeKind) -> Edge {
        Edge {
            kind,
            title: None,
            mention: None,
            weight: None,
        }
    }
}

/// One edge with its ends, as the accessors hand it out.
#[derive(Debug, Clone, Copy)]
pub struct EdgeRef<'a> {
    /// Its index.
    pub index: EdgeIndex,
    /// Start node.
    pub from: &'a Node,
    /// End node.
    pub to: &'a Node,
    /// The edge.
    pub edge: &'a Edge,
}

/// Node and edge counts by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Nodes of each kind, in [`NodeKind::ALL`] order.
    pub nodes: Vec<(NodeKind, usize)>,
    /// Edges of each kind, in [`EdgeKind::ALL`] order.
    pub edges: Vec<(EdgeKind, usize)>,
}

impl Summary {
    /// All nodes.
    pub fn node_total(&self) -> usize {
        self.nodes.iter().map(|n| n.1).sum()
    }

    /// All edges.
    pub fn edge_total(&self) -> usize {
        self.edges.iter().map(|n| n.1).sum()
    }
}

impl fmt::Display for Summary {
    /// `12 nodes (3 person, …), 20 edges (5 said, …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nodes: Vec<String> = self
            .nodes
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        let edges: Vec<String> = self
            .edges
            .iter()
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect();
        write!(
            f,
            "{} nodes ({}), {} edges ({})",
            self.node_total(),
            nodes.join(", "),
            self.edge_total(),
            edges.join(", ")
        )
    }
}

/// One speaker's statements, for "who said what" tables.
#[derive(Debug, Clone)]
pub struct SpeakerSummary<'a> {
    /// The speaker.
    pub speaker: &'a Node,
    /// Their statements, in graph order.
    pub statements: Vec<&'a Node>,
    /// Distinct documents the statements appear in.
    pub documents: usize,
    /// Distinct outlets that relayed them, in order of first use.
    pub relayed_by: Vec<&'a Node>,
}

/// State used to merge entities; derived from the nodes, so it is not part
/// of a graph's identity.
#[derive(Debug, Clone, Default)]
struct MergeIndex {
    /// Full person names and every organization/place name → node.
    full: HashMap<(EntityKind, String), NodeIndex>,
    /// Person surname or bare name → nodes that carry it.
    single: HashMap<String, Vec<NodeIndex>>,
    /// Surname → distinct full names known with it (including names seen
    /// in a look-ahead over the records of [`QuoteGraph::from_extractions`]).
    surname_fulls: HashMap<String, BTreeSet<String>>,
    /// Person nodes that have at least one full name.
    has_full: HashSet<NodeIndex>,
    /// `holds_role` edges already present.
    roles: HashSet<(NodeIndex, NodeIndex, String)>,
}

/// The knowledge graph. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct QuoteGraph {
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    rules: NameRules,
    merge: MergeIndex,
}

impl PartialEq for QuoteGraph {
    /// Same nodes and edges in the same order.
    fn eq(&self, other: &QuoteGraph) -> bool {
        self.graph.node_count() == other.graph.node_count()
            && self.graph.edge_count() == other.graph.edge_count()
            && self
                .graph
                .node_weights()
                .zip(other.graph.node_weights())
                .all(|(a, b)| a == b)
            && self
                .graph
                .raw_edges()
                .iter()
                .zip(other.graph.raw_edges())
                .all(|(a, b)| {
                    a.source() == b.source() && a.target() == b.target() && a.weight == b.weight
                })
    }
}

impl Default for QuoteGraph {
    fn default() -> Self {
        QuoteGraph::new()
    }
}

impl QuoteGraph {
    /// An empty graph that recognizes titles with the embedded lexicon.
    pub fn new() -> QuoteGraph {
        QuoteGraph::with_lexicon(&Lexicon::embedded())
    }

    /// An empty graph that recognizes titles ("Foreign Minister Anna
    /// Berg") with `lex`.
    pub fn with_lexicon(lex: &Lexicon) -> QuoteGraph {
        QuoteGraph {
            graph: DiGraph::new(),
            index: HashMap::new(),
            rules: NameRules::new(lex),
            merge: MergeIndex::default(),
        }
    }

    /// The graph of `records`, added in order.
    ///
    /// Before adding, every full person name in `records` is noted, so a
    /// bare surname in an early document is not merged with one of two
    /// people who share it and appear only later.
    pub fn from_extractions(records: &[DocRecord]) -> Result<QuoteGraph> {
        let mut g = QuoteGraph::new();
        g.extend(records)?;
        Ok(g)
    }

    /// Add `records` in order, with the look-ahead of
    /// [`from_extractions`](Self::from_extractions).
    pub fn extend(&mut self, records: &[DocRecord]) -> Result<()> {
        // room for what is coming, so that big vectors and the index do not
        // grow step by step
        let statements: usize = records.iter().map(|r| r.attributions.len()).sum();
        let entities: usize = records.iter().map(|r| r.entities.len()).sum();
        let nodes = records.len() + statements + entities / 4;
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(3 * statements + records.len());
        self.index.reserve(nodes);
        for r in records {
            for e in &r.entities {
                if e.kind == EntityKind::Person && !e.outlet {
                    self.note_full_names(e);
                }
            }
        }
        for r in records {
            self.add(r, true)?;
        }
        Ok(())
    }

    fn note_full_names(&mut self, e: &EntityRecord) {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(core) = self.rules.core(n) {
                if core.len() >= 2 {
                    self.merge
                        .surname_fulls
                        .entry(names::surname(&core))
                        .or_default()
                        .insert(names::key(core.iter().copied()));
                }
            }
        }
    }

    /// Add one document's extractions.
    ///
    /// Entities merge with nodes already in the graph:
    /// - organizations and places when any name or alias equals (ignoring
    ///   case and a leading "the") a name or alias of a node of the same
    ///   kind;
    /// - people when the proper-name core of any name or alias ("Sergey
    ///   Lavrov" in "Russian foreign minister Sergey Lavrov") is a full
    ///   name (two words or more) already known;
    /// - a person known only by a bare name ("Lavrov") with the one person
    ///   who has that surname, and a person with a full name with a node
    ///   known only by its surname — in both cases only while a single
    ///   full name with that surname is known, so two Smiths never merge
    ///   through "Smith".
    ///
    /// Descriptions without a proper name ("the top Russian diplomat") do
    /// not merge across documents. A document name already in the graph
    /// is an error.
    pub fn add_record(&mut self, rec: &DocRecord) -> Result<()> {
        self.add(rec, false)
    }

    /// Add a record; `noted`: its full names are already noted.
    fn add(&mut self, rec: &DocRecord, noted: bool) -> Result<()> {
        let doc_id = format!("document:{}", rec.doc);
        if self.index.contains_key(&doc_id) {
            return Err(Error::Graph {
                message: format!("document {:?} is already in the graph", rec.doc),
            });
        }
        let meta_date = rec
            .meta
            .get("date")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        let date = rec
            .dateline
            .as_ref()
            .and_then(|d| d.date.clone())
            .or(meta_date);
        let doc_ix = self.insert(
            doc_id,
            NodeData::Document(DocumentNode {
                path: rec.doc.clone(),
                dateline: rec.dateline.as_ref().map(|d| d.text.clone()),
                date: date.clone(),
                place: rec.dateline.as_ref().and_then(|d| d.place.clone()),
            }),
        );
        if !noted {
            for e in &rec.entities {
                if e.kind == EntityKind::Person && !e.outlet {
                    self.note_full_names(e);
                }
            }
        }
        let mut local: HashMap<&str, NodeIndex> = HashMap::new();
        for e in &rec.entities {
            let ix = self.add_entity(e);
            local.entry(e.id.as_str()).or_insert(ix);
        }
        let find = |id: Option<&str>| id.and_then(|id| local.get(id).copied());
        if let Some(place) = rec
            .dateline
            .as_ref()
            .and_then(|d| find(d.place_entity.as_deref()))
        {
            self.graph
                .add_edge(doc_ix, place, Edge::new(EdgeKind::Datelined));
        }
        for e in &rec.entities {
            let from = local[e.id.as_str()];
            for role in &e.roles {
                match find(role.of.as_deref()) {
                    Some(to) if to != from => {
                        if self
                            .merge
                            .roles
                            .insert((from, to, role.title.to_lowercase()))
                        {
                            self.graph.add_edge(
                                from,
                                to,
                                Edge {
                                    title: Some(role.title.clone()),
                                    ..Edge::new(EdgeKind::HoldsRole)
                                },
                            );
                        }
                    }
                    _ => {
                        if let NodeData::Entity(n) = &mut self.graph[from].data {
                            if !n.titles.contains(&role.title) {
                                n.titles.push(role.title.clone());
                            }
                        }
                    }
                }
            }
        }
        for (n, a) in rec.attributions.iter().enumerate() {
            let st = self.insert(
                format!("statement:{}#{}", rec.doc, n + 1),
                NodeData::Statement(StatementNode {
                    text: a.content.text.clone(),
                    quote_kind: a.kind,
                    cue: a.cue.lemma.clone(),
                    cue_text: a.cue.text.clone(),
                    doc: rec.doc.clone(),
                    span: a.content.span,
                    spans: a.content.spans.clone(),
                    date: date.clone(),
                    speaker_text: a.speaker.as_ref().map(|m| m.text.clone()),
                    source_text: a.source.as_ref().map(|m| m.text.clone()),
                    addressee_text: a.addressee.as_ref().map(|m| m.text.clone()),
                    rule: a.rule.clone(),
                    context: None,
                }),
            );
            let mention_edge = |kind, text: &str| Edge {
                mention: Some(text.to_string()),
                ..Edge::new(kind)
            };
            if let Some(m) = &a.speaker {
                if let Some(sp) = find(m.entity.as_deref()) {
                    self.graph
                        .add_edge(sp, st, mention_edge(EdgeKind::Said, &m.text));
                }
            }
            if let Some(m) = &a.source {
                if let Some(src) = find(m.entity.as_deref()) {
                    self.graph
                        .add_edge(st, src, mention_edge(EdgeKind::ReportedBy, &m.text));
                }
            }
            if let Some(m) = &a.addressee {
                if let Some(to) = find(m.entity.as_deref()) {
                    self.graph
                        .add_edge(st, to, mention_edge(EdgeKind::AddressedTo, &m.text));
                }
            }
            let mut seen = Vec::with_capacity(a.mentions.len());
            for id in &a.mentions {
                if let Some(e) = find(Some(id)) {
                    if !seen.contains(&e) {
                        seen.push(e);
                        self.graph.add_edge(st, e, Edge::new(EdgeKind::Mentions));
                    }
                }
            }
            self.graph
                .add_edge(st, doc_ix, Edge::new(EdgeKind::AppearsIn));
        }
        Ok(())
    }

    /// Insert a node under `id` (made unique with `-2`, `-3`… if taken).
    fn insert(&mut self, id: String, data: NodeData) -> NodeIndex {
        let id = self.unique_id(id);
        let ix = self.graph.add_node(Node {
            id: id.clone(),
            data,
        });
        self.index.insert(id, ix);
        ix
    }

    fn unique_id(&self, base: String) -> String {
        if !self.index.contains_key(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.index.contains_key(id))
            .expect("some suffix is free")
    }

    /// Find or create the node for a record entity.
    fn add_entity(&mut self, e: &EntityRecord) -> NodeIndex {
        let kind = if e.outlet {
            EntityKind::Organization
        } else {
            e.kind
        };
        let mut all: Vec<&str> = Vec::with_capacity(1 + e.aliases.len());
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if !n.trim().is_empty() && !all.contains(&n.as_str()) {
                all.push(n);
            }
        }
        if all.is_empty() {
            all.push("?");
        }
        let cores: Vec<Option<Vec<&str>>> = if kind == EntityKind::Person {
            all.iter().map(|n| self.rules.core(n)).collect()
        } else {
            Vec::new()
        };
        let found = if kind == EntityKind::Person {
            let found: Vec<Vec<&str>> = cores.iter().flatten().cloned().collect();
            self.find_person(&found)
        } else {
            all.iter()
                .find_map(|n| self.merge.full.get(&(kind, names::plain_key(n))).copied())
        };
        let ix = match found {
            Some(ix) => ix,
            None => {
                let name = best_full(&cores).unwrap_or_else(|| e.name.clone());
                let id = format!("{}:{}", kind.as_str(), slug(&name));
                self.insert(
                    id,
                    NodeData::Entity(EntityNode {
                        kind,
                        name,
                        aliases: Vec::new(),
                        titles: Vec::new(),
                        outlet: e.outlet,
                    }),
                )
            }
        };
        self.absorb(ix, &all, &cores, e.outlet, found.is_none());
        ix
    }

    /// The person node that names with these cores merge into.
    fn find_person(&self, cores: &[Vec<&str>]) -> Option<NodeIndex> {
        let fulls: Vec<&Vec<&str>> = cores.iter().filter(|c| c.len() >= 2).collect();
        for c in &fulls {
            let k = (EntityKind::Person, names::key(c.iter().copied()));
            if let Some(&ix) = self.merge.full.get(&k) {
                return Some(ix);
            }
        }
        let known = |surname: &str| self.merge.surname_fulls.get(surname);
        if let Some(best) = fulls.iter().max_by_key(|c| c.len()) {
            // adopt a node known so far only by this surname, unless
            // someone else with another full name has that surname too
            let surname = names::surname(best);
            let own: Vec<String> = fulls
                .iter()
                .map(|c| names::key(c.iter().copied()))
                .collect();
            if known(&surname).is_some_and(|s| s.iter().any(|f| !own.contains(f))) {
                return None;
            }
            let cands = self.merge.single.get(&surname)?;
            return match cands.as_slice() {
                [one] if !self.merge.has_full.contains(one) => Some(*one),
                _ => None,
            };
        }
        for c in cores {
            // a bare name merges only while at most one full name with it
            // is known
            let surname = names::surname(c);
            if known(&surname).is_some_and(|s| s.len() > 1) {
                continue;
            }
            if let Some([one]) = self.merge.single.get(&surname).map(Vec::as_slice) {
                return Some(*one);
            }
        }
        None
    }

    /// Merge names into node `ix`: aliases, a longer full name as the
    /// canonical name (and id), and the merge index.
    /// `cores`: the name cores of `all` (people only).
    /// `fresh`: the node is new (or being rebuilt), so every name is
    /// registered, not only those it did not have yet.
    fn absorb(
        &mut self,
        ix: NodeIndex,
        all: &[&str],
        cores: &[Option<Vec<&str>>],
        outlet: bool,
        fresh: bool,
    ) {
        let NodeData::Entity(node) = &mut self.graph[ix].data else {
            unreachable!("entities are entity nodes")
        };
        let kind = node.kind;
        node.outlet |= outlet;
        // names the node did not have: only they change the merge index
        let mut new = vec![fresh; all.len()];
        for (i, n) in all.iter().enumerate() {
            if *n != node.name && !node.aliases.iter().any(|a| a == n) {
                node.aliases.push(n.to_string());
                new[i] = true;
            }
        }
        if kind != EntityKind::Person {
            for (n, _) in all.iter().zip(&new).filter(|(_, new)| **new) {
                self.merge
                    .full
                    .entry((kind, names::plain_key(n)))
                    .or_insert(ix);
            }
            return;
        }
        let new_cores: Vec<&Vec<&str>> = cores
            .iter()
            .zip(&new)
            .filter(|(_, new)| **new)
            .filter_map(|(c, _)| c.as_ref())
            .collect();
        // the longest full name is canonical
        let longest =
            new_cores
                .iter()
                .filter(|c| c.len() >= 2)
                .fold(None::<&&Vec<&str>>, |b, c| match b {
                    Some(b) if b.len() >= c.len() => Some(b),
                    _ => Some(c),
                });
        if let Some(best) = longest {
            let current = self.rules.core(&node.name).map_or(0, |c| c.len());
            let best = best.join(" ");
            if best.split_whitespace().count() > current.max(1) && best != node.name {
                let old = std::mem::replace(&mut node.name, best.clone());
                node.aliases.retain(|a| *a != best);
                if !node.aliases.contains(&old) {
                    node.aliases.insert(0, old);
                }
                self.rename(ix, format!("person:{}", slug(&best)));
            }
        }
        for core in new_cores {
            let surname = names::surname(core);
            if core.len() >= 2 {
                self.merge
                    .full
                    .entry((kind, names::key(core.iter().copied())))
                    .or_insert(ix);
                self.merge.has_full.insert(ix);
            }
            let list = self.merge.single.entry(surname).or_default();
            if !list.contains(&ix) {
                list.push(ix);
            }
        }
    }

    fn rename(&mut self, ix: NodeIndex, base: String) {
        if self.graph[ix].id == base {
            return;
        }
        let old = self.graph[ix].id.clone();
        self.index.remove(&old);
        let id = self.unique_id(base);
        self.index.insert(id.clone(), ix);
        self.graph[ix].id = id;
    }

    /// The petgraph graph, for traversals.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|ix| &self.graph[ix])
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every node in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_weights()
    }

    /// Nodes of one kind in insertion order.
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Node> + '_ {
        self.nodes().filter(move |n| n.kind() == kind)
    }

    /// Every edge in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.graph.edge_references().map(|e| EdgeRef {
            index: e.id(),
            from: &self.graph[e.source()],
            to: &self.graph[e.target()],
            edge: e.weight(),
        })
    }

    /// Nodes joined to `id` by `kind` edges in direction `dir`
    /// (`Outgoing`: `id` is the start), in edge insertion order.
    pub fn neighbors(&self, id: &str, kind: EdgeKind, dir: Direction) -> Vec<&Node> {
        let Some(ix) = self.index_of(id) else {
            return Vec::new();
        };
        let mut out: Vec<(EdgeIndex, &Node)> = self
            .graph
            .edges_directed(ix, dir)
            .filter(|e| e.weight().kind == kind)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (e.id(), &self.graph[other])
            })
            .collect();
        out.sort_by_key(|(e, _)| *e);
        out.into_iter().map(|(_, n)| n).collect()
    }

    /// Node and edge counts by kind.
    pub fn summary(&self) -> Summary {
        let mut nodes: HashMap<NodeKind, usize> = HashMap::new();
        for n in self.nodes() {
            *nodes.entry(n.kind()).or_default() += 1;
        }
        let mut edges: HashMap<EdgeKind, usize> = HashMap::new();
        for e in self.graph.edge_weights() {
            *edges.entry(e.kind).or_default() += 1;
        }
        Summary {
            nodes: NodeKind::ALL
                .iter()
                .map(|k| (*k, nodes.get(k).copied().unwrap_or(0)))
                .collect(),
            edges: EdgeKind::ALL
                .iter()
                .map(|k| (*k, edges.get(k).copied().unwrap_or(0)))
                .collect(),
        }
    }

    /// Everyone who said something, most statements first (then by name),
    /// with their statements and the outlets that relayed them.
    pub fn speakers(&self) -> Vec<SpeakerSummary<'_>> {
        let mut out = Vec::new();
        for ix in self.graph.node_indices() {
            if !self.graph[ix].kind().is_entity() {
                continue;
            }
            let mut said: Vec<(EdgeIndex, NodeIndex)> = self
                .graph
                .edges_directed(ix, Direction::Outgoing)
                .filter(|e| e.weight().kind == EdgeKind::Said)
                .map(|e| (e.id(), e.target()))
                .collect();
            if said.is_empty() {
                continue;
            }
            said.sort();
            let mut docs = HashSet::new();
            let mut relayed: Vec<NodeIndex> = Vec::new();
            let mut statements = Vec::new();
            for (_, st) in &said {
                statements.push(&self.graph[*st]);
                let mut outs: Vec<_> = self
                    .graph
                    .edges_directed(*st, Direction::Outgoing)
                    .map(|e| (e.id(), e.weight().kind, e.target()))
                    .collect();
                outs.sort();
                for (_, kind, to) in outs {
                    match kind {
                        EdgeKind::AppearsIn => {
                            docs.insert(to);
                        }
                        EdgeKind::ReportedBy if !relayed.contains(&to) => relayed.push(to),
                        _ => {}
                    }
                }
            }
            out.push(SpeakerSummary {
                speaker: &self.graph[ix],
                statements,
                documents: docs.len(),
                relayed_by: relayed.into_iter().map(|i| &self.graph[i]).collect(),
            });
        }
        out.sort_by(|a, b| {
            b.statements
                .len()
                .cmp(&a.statements.len())
                .then_with(|| a.speaker.name().cmp(b.speaker.name()))
                .then_with(|| a.speaker.id.cmp(&b.speaker.id))
        });
        out
    }

    /// Build a graph from nodes and edges given by node id, in order (as
    /// an importer reads them). The merge index is rebuilt from the nodes,
    /// so more records can be added afterwards.
    pub fn from_parts(
        nodes: Vec<Node>,
        edges: impl IntoIterator<Item = (String, String, Edge)>,
    ) -> Result<QuoteGraph> {
        let mut g = QuoteGraph::new();
        for n in nodes {
            if g.index.contains_key(&n.id) {
                return Err(Error::Graph {
                    message: format!("duplicate node id {:?}", n.id),
                });
            }
            let ix = g.graph.add_node(n);
            let id = g.graph[ix].id.clone();
            g.index.insert(id, ix);
        }
        for (from, to, edge) in edges {
            let lookup = |id: &str| {
                g.index_of(id).ok_or_else(|| Error::Graph {
                    message: format!("edge refers to unknown node {id:?}"),
                })
            };
            let (a, b) = (lookup(&from)?, lookup(&to)?);
            if edge.kind == EdgeKind::HoldsRole {
                let title = edge.title.clone().unwrap_or_default().to_lowercase();
                g.merge.roles.insert((a, b, title));
            }
            g.graph.add_edge(a, b, edge);
        }
        let entities: Vec<(NodeIndex, Vec<String>, bool)> = g
            .graph
            .node_indices()
            .filter_map(|ix| {
                g.graph[ix].entity().map(|e| {
                    let mut all = vec![e.name.clone()];
                    all.extend(e.aliases.iter().cloned());
                    (ix, all, e.outlet)
                })
            })
            .collect();
        for (ix, all, outlet) in entities {
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            let mut cores = Vec::new();
            if g.graph[ix].kind() == NodeKind::Person {
                cores = all.iter().map(|n| g.rules.core(n)).collect();
                for core in cores.iter().flatten() {
                    if core.len() >= 2 {
                        g.merge
                            .surname_fulls
                            .entry(names::surname(core))
                            .or_default()
                            .insert(names::key(core.iter().copied()));
                    }
                }
            }
            g.absorb(ix, &all, &cores, outlet, true);
        }
        Ok(g)
    }
}

/// The longest full-name core, as written (first wins ties).
fn best_full(cores: &[Option<Vec<&str>>]) -> Option<String> {
    let mut best: Option<&Vec<&str>> = None;
    for c in cores.iter().flatten() {
        if c.len() >= 2 && best.is_none_or(|b| c.len() > b.len()) {
            best = Some(c);
        }
    }
    best.map(|c| c.join(" "))
}

#[cfg(test)]
pub(crate) mod tests;
