//! Edges: their kinds and data, and the edge references the graph hands
//! out.

use petgraph::graph::EdgeIndex;
use serde::{Deserialize, Serialize};

use super::{Node, NodeKind};

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
    /// Statement → the claim it reports.
    Reports,
}

impl EdgeKind {
    /// Every kind, in display order.
    pub const ALL: [EdgeKind; 8] = [
        EdgeKind::Said,
        EdgeKind::ReportedBy,
        EdgeKind::AddressedTo,
        EdgeKind::Mentions,
        EdgeKind::HoldsRole,
        EdgeKind::AppearsIn,
        EdgeKind::Datelined,
        EdgeKind::Reports,
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
            EdgeKind::Reports => "reports",
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
            EdgeKind::Reports => "REPORTS",
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
            EdgeKind::Reports => (STATEMENT, &[NodeKind::Claim]),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_name_themselves_and_their_ends() {
        assert_eq!(EdgeKind::ReportedBy.as_str(), "reported_by");
        assert_eq!(EdgeKind::ReportedBy.rel_type(), "REPORTED_BY");
        let (from, to) = EdgeKind::AppearsIn.endpoints();
        assert_eq!(
            (from, to),
            (&[NodeKind::Statement][..], &[NodeKind::Document][..])
        );
        // every kind's names agree up to case
        for k in EdgeKind::ALL {
            assert_eq!(k.as_str().to_uppercase(), k.rel_type());
        }
    }
}
