//! Edges: their kinds and data, and the edge references the graph hands
//! out.

use std::sync::Arc;

use petgraph::graph::EdgeIndex;
use serde::{Deserialize, Serialize};

use super::{Node, NodeKind, SharedStr};

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

/// The string an edge holds: shared, behind a thin (8-byte) pointer.
pub(crate) type EdgeText = Arc<Box<str>>;

/// An edge's data.
///
/// Compact (16 bytes): an edge holds at most one string — the title of a
/// `holds_role` edge or the words of a `said`, `reported_by` or
/// `addressed_to` edge — shared with the other edges of the graph that
/// hold the same words. Read them with [`title`](Edge::title) and
/// [`mention`](Edge::mention). It serializes as `{kind, title, mention,
/// weight}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "EdgeRepr", into = "EdgeRepr")]
pub struct Edge {
    /// What it means.
    pub kind: EdgeKind,
    /// The title (`holds_role`) or the words as written (the rest).
    text: Option<EdgeText>,
    /// The weight plus one (0: none), in four bytes: see
    /// [`weight`](Edge::weight).
    weight: u32,
}

impl Edge {
    /// An edge of `kind` with no title, mention or weight.
    pub fn new(kind: EdgeKind) -> Edge {
        Edge {
            kind,
            text: None,
            weight: 0,
        }
    }

    /// An edge of `kind` holding `text` (shared) as its title or mention.
    pub(crate) fn with_text(kind: EdgeKind, text: EdgeText) -> Edge {
        Edge {
            text: Some(text),
            ..Edge::new(kind)
        }
    }

    /// How many statements the edge stands for, in graphs derived from the
    /// attribution graph: a person → person `mentions` edge of
    /// [`query::mention_network`](crate::query::mention_network) counts the
    /// statements of one that mention the other. `None` in the attribution
    /// graph itself.
    pub fn weight(&self) -> Option<u32> {
        self.weight.checked_sub(1)
    }

    /// This edge with weight `w` (at most `u32::MAX - 1`; more is kept as
    /// that), or none.
    pub fn with_weight(mut self, w: Option<u32>) -> Edge {
        self.weight = w.map_or(0, |w| w.saturating_add(1).max(1));
        self
    }

    /// A `holds_role` edge with its title ("foreign minister").
    pub fn with_title(title: &str) -> Edge {
        Edge::with_text(EdgeKind::HoldsRole, Arc::new(title.into()))
    }

    /// An edge of `kind` (`said`, `reported_by`, `addressed_to`) with the
    /// words as written ("the top Russian diplomat").
    pub fn with_mention(kind: EdgeKind, mention: &str) -> Edge {
        Edge::with_text(kind, Arc::new(mention.into()))
    }

    /// An edge as a file stores it: a title is kept on a `holds_role`
    /// edge, a mention on the others (each stands in for the other when
    /// it is missing).
    pub fn with_parts(
        kind: EdgeKind,
        title: Option<&str>,
        mention: Option<&str>,
        weight: Option<u32>,
    ) -> Edge {
        Edge::from_repr(
            kind,
            title.map(|t| Arc::new(t.into())),
            mention.map(|m| Arc::new(m.into())),
            weight,
        )
    }

    fn from_repr(
        kind: EdgeKind,
        title: Option<EdgeText>,
        mention: Option<EdgeText>,
        weight: Option<u32>,
    ) -> Edge {
        let text = if kind == EdgeKind::HoldsRole {
            title.or(mention)
        } else {
            mention.or(title)
        };
        Edge {
            kind,
            text,
            weight: 0,
        }
        .with_weight(weight)
    }

    /// `holds_role`: the title ("foreign minister").
    pub fn title(&self) -> Option<&str> {
        match self.kind {
            EdgeKind::HoldsRole => self.text.as_deref().map(|t| &**t),
            _ => None,
        }
    }

    /// `said`, `reported_by`, `addressed_to`: the words as written ("the
    /// top Russian diplomat").
    pub fn mention(&self) -> Option<&str> {
        match self.kind {
            EdgeKind::HoldsRole => None,
            _ => self.text.as_deref().map(|t| &**t),
        }
    }
}

/// How an [`Edge`] is serialized: its title and mention apart.
#[derive(Serialize, Deserialize)]
struct EdgeRepr {
    kind: EdgeKind,
    title: Option<SharedStr>,
    mention: Option<SharedStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weight: Option<u32>,
}

impl From<EdgeRepr> for Edge {
    fn from(r: EdgeRepr) -> Edge {
        Edge::from_repr(
            r.kind,
            r.title.map(|t| t.0),
            r.mention.map(|m| m.0),
            r.weight,
        )
    }
}

impl From<Edge> for EdgeRepr {
    fn from(e: Edge) -> EdgeRepr {
        let weight = e.weight();
        let text = e.text.map(SharedStr);
        let (title, mention) = if e.kind == EdgeKind::HoldsRole {
            (text, None)
        } else {
            (None, text)
        };
        EdgeRepr {
            kind: e.kind,
            title,
            mention,
            weight,
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
    fn edges_are_small_and_keep_title_mention_and_weight() {
        // a big graph has about six edges a statement: each byte counts
        assert!(std::mem::size_of::<Edge>() <= 16);
        let role = Edge::with_title("spokesman");
        assert_eq!((role.title(), role.mention()), (Some("spokesman"), None));
        let said = Edge::with_mention(EdgeKind::Said, "the minister");
        assert_eq!((said.title(), said.mention()), (None, Some("the minister")));
        assert_eq!(said.weight(), None);
        let w = Edge::new(EdgeKind::Mentions).with_weight(Some(0));
        assert_eq!(w.weight(), Some(0));
        assert_eq!(w.clone().with_weight(Some(7)).weight(), Some(7));
        assert_eq!(w.with_weight(None).weight(), None);
        // a file's title and mention land where they belong
        let e = Edge::with_parts(EdgeKind::Said, None, Some("he"), Some(3));
        assert_eq!((e.mention(), e.weight()), (Some("he"), Some(3)));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"said","title":null,"mention":"he","weight":3}"#
        );
        assert_eq!(serde_json::from_str::<Edge>(&json).unwrap(), e);
    }

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
