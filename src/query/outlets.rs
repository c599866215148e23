//! What outlets relayed: the speakers one outlet relayed, and the outlets
//! that relayed the most.

use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::table::{count, ranked_table, EntityRow};
use super::{linked, note_or, rank_speakers, resolve_entity, EntityRef, Ranked, ToTable};
use crate::error::Result;
use crate::graph::{EdgeKind, QuoteGraph};

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
    Ok(Relayed {
        outlet: EntityRef::of(o),
        news_outlet: o.entity().is_some_and(|e| e.outlet),
        statements: sts.len(),
        speakers: rank_speakers(g, &sts, None),
    })
}

impl ToTable for Relayed {
    fn empty_note(&self) -> Option<String> {
        let o = self.outlet.described();
        (self.statements == 0).then(|| {
            if self.news_outlet {
                format!("{o} relayed no statements in these texts")
            } else {
                format!("{o} is not an outlet: it relayed no statements in these texts")
            }
        })
    }

    fn to_table(&self) -> String {
        note_or(self, || {
            let mut out = format!(
                "{} relayed {} from {}\n",
                self.outlet.described(),
                count(self.statements, "statement"),
                count(self.speakers.len(), "speaker")
            );
            out.push_str(&ranked_table("SPEAKER", &self.speakers));
            out
        })
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
            Some(OutletRank {
                outlet: EntityRef::of(&gr[ix]),
                relayed: sts.len(),
                speakers: rank_speakers(g, &sts, None)
                    .into_iter()
                    .map(|r| r.entity)
                    .collect(),
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

impl EntityRow for OutletRank {
    const HEADS: [&'static str; 4] = ["OUTLET", "RELAYED", "OWN", "SPEAKERS RELAYED"];
    const WIDTHS: [usize; 2] = [30, 60];

    fn cells(&self) -> (&EntityRef, [usize; 2], &[EntityRef]) {
        (&self.outlet, [self.relayed, self.said], &self.speakers)
    }

    fn none() -> Option<&'static str> {
        Some("no outlets\n")
    }
}
