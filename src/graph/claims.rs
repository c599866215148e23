//! Claims in the graph: a `Claim` node for each group of statements by
//! one speaker that say the same thing ([`crate::claims`]), and a
//! `reports` edge from each statement to its claim.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use petgraph::Direction;

use super::{ClaimNode, Edge, EdgeKind, NodeData, NodeKind, QuoteGraph, SharedStr};
use crate::claims::{self, Report};
use crate::class::Polarity;
use crate::extract::slug;
use crate::record::QuoteKind;

/// One statement of a claim, as the grouping sees it.
struct Member {
    statement: NodeIndex,
    speaker: NodeIndex,
}

impl QuoteGraph {
    /// Group the statements into claims again: drop the `Claim` nodes and
    /// `reports` edges there are, then add one claim per group of
    /// statements with the same speaker entity and the same content (see
    /// [`crate::claims`]), and a `reports` edge from each statement to its
    /// claim. Statements without a speaker entity have no claim.
    ///
    /// [`extend`](Self::extend) and [`add_record`](Self::add_record) call
    /// it, so a graph's claims are always those of all its statements.
    pub fn group_claims(&mut self) {
        self.drop_claims();
        let mut members: Vec<Member> = Vec::new();
        for ix in self.graph.node_indices() {
            if self.graph[ix].kind() != NodeKind::Statement {
                continue;
            }
            if let Some((_, sp)) = self
                .linked_edges(ix, EdgeKind::Said, Direction::Incoming)
                .first()
            {
                members.push(Member {
                    statement: ix,
                    speaker: *sp,
                });
            }
        }
        let reports: Vec<Report<'_>> = members
            .iter()
            .map(|m| {
                let st = self.graph[m.statement]
                    .statement()
                    .expect("members are statements");
                Report {
                    speaker: m.speaker.index(),
                    text: &st.text,
                    negated: st.polarity == Polarity::Negated,
                }
            })
            .collect();
        let roots = claims::group(&reports);
        drop(reports);
        // the groups in order of their first member, members in order, in
        // three flat arrays (a vector per group would cost a big corpus
        // hundreds of megabytes at the graph's peak)
        let mut group_of_root = vec![u32::MAX; roots.len()];
        let mut sizes: Vec<u32> = Vec::new();
        for &root in &roots {
            let g = &mut group_of_root[root];
            if *g == u32::MAX {
                *g = sizes.len() as u32;
                sizes.push(0);
            }
            sizes[*g as usize] += 1;
        }
        let mut start: Vec<u32> = Vec::with_capacity(sizes.len() + 1);
        start.push(0);
        for s in &sizes {
            start.push(start.last().copied().unwrap_or(0) + s);
        }
        drop(sizes);
        let mut fill: Vec<u32> = start.clone();
        let mut flat = vec![0u32; roots.len()];
        for (i, &root) in roots.iter().enumerate() {
            let g = group_of_root[root] as usize;
            flat[fill[g] as usize] = i as u32;
            fill[g] += 1;
        }
        drop((fill, group_of_root, roots));
        let mut statements: Vec<NodeIndex> = Vec::new();
        for w in start.windows(2) {
            let g = &flat[w[0] as usize..w[1] as usize];
            statements.clear();
            statements.extend(g.iter().map(|&i| members[i as usize].statement));
            self.add_claim(members[g[0] as usize].speaker, &statements);
        }
    }

    /// Remove the `Claim` nodes (and so their `reports` edges).
    pub(crate) fn drop_claims(&mut self) {
        let claims: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&ix| self.graph[ix].kind() == NodeKind::Claim)
            .collect();
        if claims.is_empty() {
            return;
        }
        let n = self.graph.node_count();
        let at_tail = claims
            .first()
            .is_some_and(|f| f.index() == n - claims.len());
        let edges_at_tail = {
            let kinds: Vec<EdgeKind> = self.graph.edge_weights().map(|e| e.kind).collect();
            let first = kinds.iter().position(|k| *k == EdgeKind::Reports);
            first.is_none_or(|f| kinds[f..].iter().all(|k| *k == EdgeKind::Reports))
        };
        if at_tail && edges_at_tail {
            // removing from the end moves no other node or edge
            for ix in claims.into_iter().rev() {
                let id = self.graph[ix].id.clone();
                self.index.remove(&self.graph, &id);
                self.graph.remove_node(ix);
            }
            return;
        }
        // claims in the middle (a graph read from a file): rebuild without
        let nodes = self
            .graph
            .node_weights()
            .filter(|n| n.kind() != NodeKind::Claim)
            .cloned()
            .collect();
        let edges: Vec<(String, String, Edge)> = self
            .edges()
            .filter(|e| e.edge.kind != EdgeKind::Reports)
            .map(|e| (e.from.id.clone(), e.to.id.clone(), e.edge.clone()))
            .collect();
        *self = QuoteGraph::from_parts(nodes, edges).expect("the graph's own parts fit together");
    }

    /// The outlet that published document `doc`: its publisher (the
    /// corpus's `outlet` or `url` host), else the name in the parentheses
    /// of its dateline ("KYIV, March 2 (Ukrinform) —"), else the
    /// document's name.
    pub fn outlet_of(&self, doc: &str) -> String {
        let d = self
            .node(&format!("document:{doc}"))
            .and_then(|n| n.document());
        let publisher = d.and_then(|d| d.publisher.as_deref());
        let dateline = || {
            d.and_then(|d| d.dateline.as_deref())
                .and_then(dateline_outlet)
        };
        publisher.or_else(dateline).unwrap_or(doc).to_string()
    }

    /// Add the claim of `statements` (in graph order) by `speaker`.
    fn add_claim(&mut self, speaker: NodeIndex, statements: &[NodeIndex]) {
        let st = |ix: NodeIndex| self.graph[ix].statement().expect("statements");
        // the canonical wording: direct quotes first, then the most
        // reported normalized wording, then the longest, then the first
        let mut counts: HashMap<Vec<String>, usize> = HashMap::new();
        for &ix in statements {
            *counts.entry(claims::words(&st(ix).text)).or_default() += 1;
        }
        let text = statements
            .iter()
            .enumerate()
            .max_by_key(|(i, &ix)| {
                let s = st(ix);
                let words = claims::words(&s.text);
                (
                    s.quote_kind == QuoteKind::Direct,
                    counts[&words],
                    words.len(),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, &ix)| canonical(&st(ix).text))
            .unwrap_or_default();
        // reports in date order (undated last), then graph order
        let mut order: Vec<NodeIndex> = statements.to_vec();
        order.sort_by(|a, b| {
            let (da, db) = (&st(*a).date, &st(*b).date);
            (da.is_none(), da).cmp(&(db.is_none(), db))
        });
        let dates: Vec<&SharedStr> = order
            .iter()
            .filter_map(|&ix| st(ix).date.as_ref())
            .collect();
        let mut chain: Vec<String> = Vec::new();
        for &ix in &order {
            for (_, src) in self.linked_edges(ix, EdgeKind::ReportedBy, Direction::Outgoing) {
                let name = self.graph[src].name().to_string();
                if !chain.contains(&name) {
                    chain.push(name);
                }
            }
            let doc = self.outlet_of(&st(ix).doc);
            if !chain.contains(&doc) {
                chain.push(doc);
            }
        }
        let speaker_node = &self.graph[speaker];
        let node = ClaimNode {
            speaker: speaker_node.id.clone(),
            speaker_name: speaker_node.name().to_string(),
            reports: statements.len(),
            first_date: dates.first().map(|d| d.to_string()),
            last_date: dates.last().map(|d| d.to_string()),
            first_reported: st(order[0]).doc.to_string(),
            chain,
            text,
        };
        let speaker_slug = speaker_node.id.split_once(':').map_or("", |(_, s)| s);
        let words: Vec<String> = claims::words(&node.text).into_iter().take(8).collect();
        let id = format!("claim:{speaker_slug}:{}", slug(&words.join(" ")));
        let claim = self.insert(id, NodeData::Claim(Box::new(node)));
        for &ix in statements {
            self.graph.add_edge(ix, claim, Edge::new(EdgeKind::Reports));
        }
    }
}

/// The outlet in a dateline's parentheses: "Ukrinform" in "KYIV, March 2
/// (Ukrinform) —".
fn dateline_outlet(dateline: &str) -> Option<&str> {
    let open = dateline.find('(')?;
    let close = open + dateline[open..].find(')')?;
    let name = dateline[open + 1..close].trim();
    (!name.is_empty() && name.chars().next().is_some_and(char::is_uppercase)).then_some(name)
}

/// A report's wording as a claim's text: without the quotation marks and
/// the punctuation that closed the quote in its sentence.
fn canonical(text: &str) -> String {
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»');
    let t = text.trim().trim_matches(quote).trim();
    let t = t.trim_end_matches([',', ';', ':']).trim_end_matches(quote);
    if t.matches(['"', '“', '”']).count() % 2 == 1 {
        // a quote mark inside stays paired with its partner
        text.trim().to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_name_their_outlet_and_texts_lose_their_quote_marks() {
        assert_eq!(
            dateline_outlet("KYIV, March 2 (Ukrinform) —"),
            Some("Ukrinform")
        );
        assert_eq!(dateline_outlet("KYIV, March 2 —"), None);
        assert_eq!(
            canonical("\"We will not give up our land,\""),
            "We will not give up our land"
        );
        assert_eq!(
            canonical("the plant would reopen"),
            "the plant would reopen"
        );
    }
}
