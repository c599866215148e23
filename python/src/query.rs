//! Traversal questions over a [`QuoteGraph`]: who said what, where a
//! statement came from, how two entities are connected, what surrounds
//! one.
//!
//! The crate's own traversal module (`quotegraph::query`) is being built on
//! another branch. This is a port of the part the binding exposes — same
//! function names, arguments, answer shapes (serde field names) and error
//! wording, minus the closest-name suggestions — so that once that module
//! is merged the binding calls it instead and Python code does not change.
//! Delete this file then.

use std::collections::{HashSet, VecDeque};
use std::fmt::Write as _;

use petgraph::algo::{astar, has_path_connecting};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use quotegraph::graph::{shorten, Edge, EdgeKind, Node, NodeKind, QuoteGraph};
use quotegraph::QuoteKind;
use serde::Serialize;

/// A node as answers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct EntityRef {
    /// Node id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is.
    pub kind: NodeKind,
}

impl EntityRef {
    fn of(n: &Node) -> EntityRef {
        EntityRef {
            id: n.id.clone(),
            name: n.name().to_string(),
            kind: n.kind(),
        }
    }
}

/// One statement with everything around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct StatementRow {
    /// Node id: `statement:<doc>#<n>`.
    pub id: String,
    /// The document it appears in.
    pub doc: String,
    /// The document's date.
    pub date: Option<String>,
    /// Who said it, if resolved.
    pub speaker: Option<EntityRef>,
    /// The speaker as written.
    pub speaker_text: Option<String>,
    /// Lemma of the cue.
    pub cue: String,
    /// The cue as written.
    pub cue_text: String,
    /// Direct, indirect or mixed.
    pub quote_kind: QuoteKind,
    /// The claim.
    pub text: String,
    /// Outlets that relayed it.
    pub relayed_by: Vec<EntityRef>,
    /// Whom it was said to.
    pub addressed_to: Vec<EntityRef>,
    /// Entities named in it.
    pub mentions: Vec<EntityRef>,
}

/// Every statement of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct WhoSaid {
    /// The speaker.
    pub speaker: EntityRef,
    /// Their statements, by date (undated last), then graph order.
    pub statements: Vec<StatementRow>,
}

/// A statement and the chain from outlet to speaker to addressee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Provenance {
    /// "TASS ← cited ← Sergey Lavrov → told → Tucker Carlson".
    pub chain: String,
    /// The statement.
    #[serde(flatten)]
    pub statement: StatementRow,
}

/// How one step of a [`Connection`] is joined to the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct PathEdge {
    /// The edge's kind.
    pub kind: EdgeKind,
    /// True when the edge points from the previous step to this one.
    pub forward: bool,
    /// "said", "mentions", "spokesman of"…
    pub label: String,
}

/// One node on a [`Connection`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct PathStep {
    /// The node.
    pub node: EntityRef,
    /// The edge from the previous step (none for the first).
    pub via: Option<PathEdge>,
}

/// The shortest connection between two entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Connection {
    /// Where it starts.
    pub from: EntityRef,
    /// Where it ends.
    pub to: EntityRef,
    /// Edges on it.
    pub length: usize,
    /// "Dmitry Peskov —spokesman of→ Vladimir Putin …".
    pub chain: String,
    /// The nodes, `from` first.
    pub steps: Vec<PathStep>,
}

// ---------------------------------------------------------------- lookup

/// Lowercase, whitespace runs as one space, curly apostrophes straight,
/// no leading "the ".
fn norm(s: &str) -> String {
    let flat = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase();
    match flat.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => flat,
    }
}

fn unknown(what: &str, name: &str) -> String {
    format!("no {what} named {name:?} in the graph")
}

fn ambiguous(g: &QuoteGraph, q: &str, hits: &[NodeIndex]) -> String {
    let mut candidates: Vec<String> = hits
        .iter()
        .map(|&ix| {
            let n = &g.graph()[ix];
            format!("{} ({})", n.name(), n.id)
        })
        .collect();
    candidates.sort();
    format!(
        "{q:?} is ambiguous: it could be {}; give the full name or the id",
        candidates.join(", ")
    )
}

/// The node `query` names: a node id, a statement as `<file>#<n>`, or an
/// entity by name, alias or one word of its name, ignoring case and a
/// leading "the". Earlier ways win; several matches of one way are
/// ambiguous.
pub(crate) fn resolve_index(g: &QuoteGraph, query: &str) -> Result<NodeIndex, String> {
    let q = query.trim();
    if let Some(ix) = g.index_of(q) {
        return Ok(ix);
    }
    let gr = g.graph();
    if q.contains('#') {
        let hits: Vec<NodeIndex> = gr
            .node_indices()
            .filter(|&ix| {
                gr[ix].kind() == NodeKind::Statement
                    && gr[ix]
                        .id
                        .strip_prefix("statement:")
                        .is_some_and(|rest| rest == q || rest.ends_with(&format!("/{q}")))
            })
            .collect();
        return match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(unknown("statement", q)),
            many => Err(ambiguous(g, q, many)),
        };
    }
    let key = norm(q);
    let entities: Vec<NodeIndex> = gr
        .node_indices()
        .filter(|&ix| gr[ix].kind().is_entity())
        .collect();
    let ways: [&dyn Fn(&Node) -> bool; 3] = [
        &|n: &Node| norm(n.name()) == key,
        &|n: &Node| {
            n.entity()
                .is_some_and(|e| e.aliases.iter().any(|a| norm(a) == key))
        },
        &|n: &Node| {
            !key.contains(' ')
                && n.name()
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .any(|w| norm(w) == key)
        },
    ];
    for way in ways {
        let hits: Vec<NodeIndex> = entities
            .iter()
            .copied()
            .filter(|&ix| way(&gr[ix]))
            .collect();
        match hits.as_slice() {
            [] => continue,
            [one] => return Ok(*one),
            many => return Err(ambiguous(g, q, many)),
        }
    }
    Err(unknown("entity", q))
}

/// [`resolve_index`], restricted to people, organizations and places.
fn resolve_entity(g: &QuoteGraph, query: &str) -> Result<NodeIndex, String> {
    let ix = resolve_index(g, query)?;
    if g.graph()[ix].kind().is_entity() {
        Ok(ix)
    } else {
        Err(unknown("person, organization or place", query))
    }
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

/// Undated last; dates sort as text (ISO dates chronologically).
fn date_key(d: &Option<String>) -> (bool, String) {
    (d.is_none(), d.clone().unwrap_or_default())
}

fn statement_row(g: &QuoteGraph, ix: NodeIndex) -> StatementRow {
    let n = &g.graph()[ix];
    let s = n.statement().expect("a statement node");
    let out = |kind| refs(g, &linked(g, ix, kind, Direction::Outgoing));
    StatementRow {
        id: n.id.clone(),
        doc: s.doc.clone(),
        date: s.date.clone(),
        speaker: linked(g, ix, EdgeKind::Said, Direction::Incoming)
            .first()
            .map(|&i| EntityRef::of(&g.graph()[i])),
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

/// Whitespace runs as one space, cut to `max` characters with "…" (0: no
/// limit).
fn clip(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if max == 0 || flat.chars().count() <= max {
        return flat;
    }
    let mut t: String = flat.chars().take(max.saturating_sub(1)).collect();
    t.truncate(t.trim_end().len());
    t.push('…');
    t
}

fn names(v: &[EntityRef]) -> Vec<&str> {
    v.iter().map(|e| e.name.as_str()).collect()
}

// ---------------------------------------------------------------- questions

/// Every statement of the entity `name` names, by date.
pub(crate) fn who_said(g: &QuoteGraph, name: &str) -> Result<WhoSaid, String> {
    let ix = resolve_entity(g, name)?;
    let mut statements: Vec<StatementRow> = linked(g, ix, EdgeKind::Said, Direction::Outgoing)
        .into_iter()
        .map(|st| statement_row(g, st))
        .collect();
    statements.sort_by_key(|r| date_key(&r.date));
    Ok(WhoSaid {
        speaker: EntityRef::of(&g.graph()[ix]),
        statements,
    })
}

/// The chain outlets ← cited ← speaker → cue → addressees.
fn chain(s: &StatementRow) -> String {
    let mut out = String::new();
    if !s.relayed_by.is_empty() {
        out.push_str(&names(&s.relayed_by).join(" / "));
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
        out.push_str(&names(&s.addressed_to).join(" / "));
    }
    out
}

/// Provenance of the statement `query` names, or of every statement of
/// the entity it names, by date.
pub(crate) fn provenance(g: &QuoteGraph, query: &str) -> Result<Vec<Provenance>, String> {
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
/// whitespace, in graph order. (Binding only: a text search to find the
/// statement to ask `provenance` about.)
pub(crate) fn search(g: &QuoteGraph, words: &str) -> Vec<StatementRow> {
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

/// Edges a connection may use, best first: everything but document links.
fn path_priority(kind: EdgeKind) -> Option<u8> {
    match kind {
        EdgeKind::Said => Some(0),
        EdgeKind::AddressedTo => Some(1),
        EdgeKind::ReportedBy => Some(2),
        EdgeKind::HoldsRole => Some(3),
        EdgeKind::Mentions => Some(4),
        EdgeKind::AppearsIn | EdgeKind::Datelined => None,
    }
}

fn edge_label(e: &Edge) -> String {
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
/// statements and roles in either direction (not through documents);
/// `None` when they are not connected.
pub(crate) fn path(g: &QuoteGraph, from: &str, to: &str) -> Result<Option<Connection>, String> {
    let a = resolve_index(g, from)?;
    let b = resolve_index(g, to)?;
    let gr = g.graph();
    let mut aux: UnGraph<(), EdgeIndex> = UnGraph::with_capacity(gr.node_count(), gr.edge_count());
    for _ in gr.node_indices() {
        aux.add_node(());
    }
    let mut usable: Vec<(u8, EdgeIndex)> = gr
        .edge_indices()
        .filter_map(|e| path_priority(gr[e].kind).map(|p| (p, e)))
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
            let e = aux[aux.find_edge(prev, n).expect("on the path")];
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

/// The subgraph within `hops` edges of what `name` names, edges followed
/// either way; documents are included when reached but not walked
/// through. Every edge between included nodes is kept.
pub(crate) fn ego(g: &QuoteGraph, name: &str, hops: usize) -> Result<QuoteGraph, String> {
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
    let nodes: Vec<Node> = gr
        .node_indices()
        .filter(|i| dist[i.index()].is_some())
        .map(|i| gr[i].clone())
        .collect();
    let edges: Vec<(String, String, Edge)> = gr
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = gr.edge_endpoints(e)?;
            (dist[s.index()].is_some() && dist[t.index()].is_some())
                .then(|| (gr[s].id.clone(), gr[t].id.clone(), gr[e].clone()))
        })
        .collect();
    QuoteGraph::from_parts(nodes, edges).map_err(|e| e.to_string())
}
