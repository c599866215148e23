//! The node id index: id → node, without a second copy of each id.
//!
//! Each id is kept once, in its node; the index maps a 64-bit hash of the
//! id to the node, and checks the node's id on every look-up. Two ids
//! with the same hash (rare) keep the second in a small map of its own.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use petgraph::graph::{DiGraph, NodeIndex};

use super::{Edge, Node};
use crate::lexicon::FastHash;

/// Node ids → nodes. See the [module docs](self).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex {
    /// Hash of an id → the first node with an id of that hash.
    by_hash: HashMap<u64, NodeIndex, FastHash>,
    /// Ids whose hash an other id already holds in `by_hash`.
    collided: HashMap<String, NodeIndex>,
}

type Graph = DiGraph<Node, Edge>;

/// The 64-bit hash of an id (std's SipHash with fixed keys: well mixed,
/// the same throughout a run).
fn hash_id(id: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

impl IdIndex {
    /// Room for `n` more ids.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.by_hash.reserve(n);
    }

    /// The node with id `id`.
    pub(crate) fn get(&self, g: &Graph, id: &str) -> Option<NodeIndex> {
        let ix = *self.by_hash.get(&hash_id(id))?;
        if g[ix].id == id {
            return Some(ix);
        }
        self.collided.get(id).copied()
    }

    /// True when a node has id `id`.
    pub(crate) fn contains(&self, g: &Graph, id: &str) -> bool {
        self.get(g, id).is_some()
    }

    /// Index node `ix` under its id (which no other node has).
    pub(crate) fn insert(&mut self, g: &Graph, ix: NodeIndex) {
        let id = &g[ix].id;
        match self.by_hash.entry(hash_id(id)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(ix);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.collided.insert(id.clone(), ix);
            }
        }
    }

    /// Forget id `id` (still the id of its node in `g`).
    pub(crate) fn remove(&mut self, g: &Graph, id: &str) {
        if self.collided.remove(id).is_some() {
            return;
        }
        let h = hash_id(id);
        if self.by_hash.get(&h).is_some_and(|&ix| g[ix].id == id) {
            self.by_hash.remove(&h);
            // an id of the same hash waiting aside takes its place
            let next = self.collided.keys().find(|k| hash_id(k) == h).cloned();
            if let Some(k) = next {
                let ix = self.collided.remove(&k).expect("just found");
                self.by_hash.insert(h, ix);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{DocumentNode, NodeData};

    fn doc(id: &str) -> Node {
        Node {
            id: id.into(),
            data: NodeData::Document(DocumentNode {
                path: id.into(),
                dateline: None,
                date: None,
                place: None,
                publisher: None,
            }),
        }
    }

    #[test]
    fn ids_found_removed_and_colliding_hashes_kept_apart() {
        let mut g = Graph::new();
        let mut index = IdIndex::default();
        let a = g.add_node(doc("a"));
        let b = g.add_node(doc("b"));
        index.insert(&g, a);
        index.insert(&g, b);
        assert_eq!(index.get(&g, "a"), Some(a));
        assert_eq!(index.get(&g, "b"), Some(b));
        assert_eq!(index.get(&g, "c"), None);
        // a second id under an occupied hash (forced) is found apart, and
        // takes the hash's place when the first goes
        let c = g.add_node(doc("c"));
        index.collided.insert("c".into(), c);
        assert_eq!(index.get(&g, "c"), None, "only under its own hash");
        index.collided.clear();
        let h = hash_id("a");
        index.by_hash.insert(h, a);
        index.collided.insert("c".into(), c);
        // "c" does not hash like "a": removing "a" leaves "c" aside
        index.remove(&g, "a");
        assert_eq!(index.get(&g, "a"), None);
        assert!(!index.by_hash.contains_key(&h));
        index.remove(&g, "c");
        assert!(index.collided.is_empty());
        assert!(index.contains(&g, "b"));
    }
}
