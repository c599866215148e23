//! Groups of people linked to each other.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef as _;
use serde::Serialize;

use super::table::{col, list, num, Table};
use super::{names, speaker_of, EntityRef, ToTable};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

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
        let (groups, alone): (Vec<&Component>, Vec<&Component>) =
            self.iter().partition(|c| c.people.len() > 1);
        let cols = [num("PEOPLE"), num("LINKS"), col("MEMBERS", 0)];
        let rows = groups.iter().map(|c| {
            let size = c.people.len().to_string();
            vec![size, c.links.to_string(), list(names(&c.people))]
        });
        let mut out = Table::numbered(&cols, rows).render_or("no two people are linked\n");
        let alone: Vec<&str> = alone.iter().map(|c| c.people[0].name.as_str()).collect();
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
