//! Traversal questions over a [`QuoteGraph`]: who said a claim, where a
//! statement comes from, how two nodes connect, what surrounds a node.
//!
//! These are small functions over the graph's public API, written for the
//! binding while the crate's own traversal module (`quotegraph::query`) is
//! being built on another branch; once it is merged the binding should call
//! it instead, keeping the Python names and signatures.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use quotegraph::graph::{EdgeKind, Node, NodeKind, QuoteGraph};

/// The node named by `key`: a node id, or else the one entity whose name
/// or alias equals `key` ignoring case. Errors say why not.
pub(crate) fn resolve(g: &QuoteGraph, key: &str) -> Result<NodeIndex, String> {
    if let Some(ix) = g.index_of(key) {
        return Ok(ix);
    }
    let lower = key.trim().to_lowercase();
    let gr = g.graph();
    let mut found: Vec<NodeIndex> = gr
        .node_indices()
        .filter(|&ix| {
            gr[ix].entity().is_some_and(|e| {
                e.name.to_lowercase() == lower
                    || e.aliases.iter().any(|a| a.to_lowercase() == lower)
            })
        })
        .collect();
    // a name beats an alias: "Lavrov" is the alias of one person but
    // "Sergey Lavrov" the name of exactly one
    if found.len() > 1 {
        let by_name: Vec<NodeIndex> = found
            .iter()
            .copied()
            .filter(|&ix| gr[ix].name().to_lowercase() == lower)
            .collect();
        if by_name.len() == 1 {
            found = by_name;
        }
    }
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("no node with id or entity with name {key:?}")),
        many => {
            let ids: Vec<&str> = many.iter().map(|&ix| gr[ix].id.as_str()).collect();
            Err(format!(
                "{key:?} names {} entities ({}): give a node id",
                many.len(),
                ids.join(", ")
            ))
        }
    }
}

/// Edges at `ix` in `dir`, in insertion order: (edge, kind, other end).
fn edges_at(
    g: &QuoteGraph,
    ix: NodeIndex,
    dir: Direction,
) -> Vec<(EdgeIndex, EdgeKind, NodeIndex)> {
    let mut out: Vec<_> = g
        .graph()
        .edges_directed(ix, dir)
        .map(|e| {
            let other = if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            (e.id(), e.weight().kind, other)
        })
        .collect();
    out.sort_by_key(|e| e.0);
    out
}

/// Someone or something a statement is linked to: the node when the
/// mention resolved, and the words as written.
#[derive(Debug, Clone)]
pub(crate) struct Party<'a> {
    /// The entity, when the words resolved to one.
    pub node: Option<&'a Node>,
    /// The words as written.
    pub text: Option<&'a str>,
}

/// Where a statement comes from: who said it, who relayed it, to whom,
/// in which document.
#[derive(Debug, Clone)]
pub(crate) struct Provenance<'a> {
    /// The statement node.
    pub statement: &'a Node,
    /// Its speaker.
    pub speaker: Option<Party<'a>>,
    /// The outlets that relayed it.
    pub reported_by: Vec<Party<'a>>,
    /// Whom it was said to.
    pub addressed_to: Vec<Party<'a>>,
    /// Entities its content names.
    pub mentions: Vec<&'a Node>,
    /// The document it appears in.
    pub document: Option<&'a Node>,
}

/// The provenance of statement `st`; `None` if `st` is not a statement.
pub(crate) fn provenance(g: &QuoteGraph, st: NodeIndex) -> Option<Provenance<'_>> {
    let gr = g.graph();
    let node = &gr[st];
    let s = node.statement()?;
    let mut speaker = None;
    for (e, kind, from) in edges_at(g, st, Direction::Incoming) {
        if kind == EdgeKind::Said && speaker.is_none() {
            speaker = Some(Party {
                node: Some(&gr[from]),
                text: gr[e].mention.as_deref().or(s.speaker_text.as_deref()),
            });
        }
    }
    let mut reported_by = Vec::new();
    let mut addressed_to = Vec::new();
    let mut mentions = Vec::new();
    let mut document = None;
    for (e, kind, to) in edges_at(g, st, Direction::Outgoing) {
        let party = || Party {
            node: Some(&gr[to]),
            text: gr[e].mention.as_deref(),
        };
        match kind {
            EdgeKind::ReportedBy => reported_by.push(party()),
            EdgeKind::AddressedTo => addressed_to.push(party()),
            EdgeKind::Mentions => mentions.push(&gr[to]),
            EdgeKind::AppearsIn => document = document.or(Some(&gr[to])),
            _ => {}
        }
    }
    // words that named no entity still say something
    if speaker.is_none() {
        speaker = words_only(&s.speaker_text);
    }
    if reported_by.is_empty() {
        reported_by.extend(words_only(&s.source_text));
    }
    if addressed_to.is_empty() {
        addressed_to.extend(words_only(&s.addressee_text));
    }
    Some(Provenance {
        statement: node,
        speaker,
        reported_by,
        addressed_to,
        mentions,
        document,
    })
}

/// A party known only by the words that named it.
fn words_only(t: &Option<String>) -> Option<Party<'_>> {
    t.as_deref().map(|text| Party {
        node: None,
        text: Some(text),
    })
}

/// Statements whose text contains `words` (ignoring case and runs of
/// whitespace), in graph order; `words` may also be a statement id.
pub(crate) fn who_said(g: &QuoteGraph, words: &str) -> Vec<NodeIndex> {
    let gr = g.graph();
    if let Some(ix) = g.index_of(words) {
        if gr[ix].kind() == NodeKind::Statement {
            return vec![ix];
        }
    }
    let flat = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = flat(words);
    gr.node_indices()
        .filter(|&ix| {
            gr[ix]
                .statement()
                .is_some_and(|s| flat(&s.text).contains(&want))
        })
        .collect()
}

/// Neighbours of `ix` for a walk: along edges out of it, and into it too
/// unless `directed`; in edge insertion order.
fn steps(g: &QuoteGraph, ix: NodeIndex, directed: bool) -> Vec<NodeIndex> {
    let mut all = edges_at(g, ix, Direction::Outgoing);
    if !directed {
        all.extend(edges_at(g, ix, Direction::Incoming));
        all.sort_by_key(|e| e.0);
    }
    all.into_iter().map(|e| e.2).collect()
}

/// A shortest path from `from` to `to` (breadth first; among equally short
/// paths the one through earlier edges), as nodes from `from` to `to`.
pub(crate) fn path(
    g: &QuoteGraph,
    from: NodeIndex,
    to: NodeIndex,
    directed: bool,
) -> Option<Vec<NodeIndex>> {
    let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut seen = HashSet::from([from]);
    let mut queue = VecDeque::from([from]);
    while let Some(ix) = queue.pop_front() {
        if ix == to {
            let mut out = vec![to];
            let mut at = to;
            while let Some(&p) = prev.get(&at) {
                out.push(p);
                at = p;
            }
            out.reverse();
            return Some(out);
        }
        for next in steps(g, ix, directed) {
            if seen.insert(next) {
                prev.insert(next, ix);
                queue.push_back(next);
            }
        }
    }
    None
}

/// The nodes at most `radius` steps from `center`.
pub(crate) fn ego(
    g: &QuoteGraph,
    center: NodeIndex,
    radius: usize,
    directed: bool,
) -> HashSet<NodeIndex> {
    let mut seen = HashSet::from([center]);
    let mut frontier = vec![center];
    for _ in 0..radius {
        let mut next = Vec::new();
        for ix in frontier {
            for n in steps(g, ix, directed) {
                if seen.insert(n) {
                    next.push(n);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    seen
}

/// The subgraph of `keep`: its nodes and the edges between them, in the
/// original order, with the same ids.
pub(crate) fn subgraph(
    g: &QuoteGraph,
    keep: &HashSet<NodeIndex>,
) -> quotegraph::Result<QuoteGraph> {
    let gr = g.graph();
    let nodes: Vec<Node> = gr
        .node_indices()
        .filter(|ix| keep.contains(ix))
        .map(|ix| gr[ix].clone())
        .collect();
    let edges: Vec<_> = gr
        .edge_references()
        .filter(|e| keep.contains(&e.source()) && keep.contains(&e.target()))
        .map(|e| {
            (
                gr[e.source()].id.clone(),
                gr[e.target()].id.clone(),
                e.weight().clone(),
            )
        })
        .collect();
    QuoteGraph::from_parts(nodes, edges)
}
