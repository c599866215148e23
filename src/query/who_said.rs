//! Who said what: one speaker's statements, and the speakers quoted most.

use std::collections::HashSet;

use petgraph::Direction;
use serde::Serialize;

use super::table::{col, count, list, EntityRow, Table};
use super::{date_key, linked, names, note_or, resolve_entity, short_id, statement_row};
use super::{EntityRef, StatementRow, ToTable};
use crate::error::Result;
use crate::graph::{EdgeKind, QuoteGraph};

/// Every statement of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhoSaid {
    /// The speaker.
    pub speaker: EntityRef,
    /// Their statements, by date (as [`timeline`](super::timeline) orders
    /// dates), then graph order.
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
    statements.sort_by_cached_key(|r| date_key(r.date.as_deref()));
    Ok(WhoSaid {
        speaker: EntityRef::of(sp),
        statements,
    })
}

impl ToTable for WhoSaid {
    fn empty_note(&self) -> Option<String> {
        self.statements
            .is_empty()
            .then(|| format!("{} said nothing in these texts", self.speaker.described()))
    }

    fn to_table(&self) -> String {
        note_or(self, || self.table())
    }
}

impl WhoSaid {
    fn table(&self) -> String {
        let docs: HashSet<&str> = self.statements.iter().map(|s| s.doc.as_str()).collect();
        let mut outlets: Vec<&str> = self
            .statements
            .iter()
            .flat_map(|s| names(&s.relayed_by))
            .collect();
        outlets.sort();
        outlets.dedup();
        let mut out = format!(
            "{}: {} in {}, relayed by {}\n",
            self.speaker.described(),
            count(self.statements.len(), "statement"),
            count(docs.len(), "document"),
            list(outlets)
        );
        let cols = [
            col("DATE", 10),
            col("STATEMENT", 34),
            col("CUE", 14),
            col("RELAYED BY", 20),
            col("TO", 20),
            col("TEXT", 70),
        ];
        let rows = self.statements.iter().map(|s| {
            vec![
                s.date.clone().unwrap_or_else(|| "-".into()),
                short_id(&s.id).to_string(),
                s.cue_text.clone(),
                list(names(&s.relayed_by)),
                list(names(&s.addressed_to)),
                s.text.clone(),
            ]
        });
        out.push_str(&Table::of(&cols, rows).render());
        out
    }
}

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

impl EntityRow for SpeakerRank {
    const HEADS: [&'static str; 4] = ["SPEAKER", "STATEMENTS", "DOCS", "RELAYED BY"];
    const WIDTHS: [usize; 2] = [40, 40];

    fn cells(&self) -> (&EntityRef, [usize; 2], &[EntityRef]) {
        (
            &self.speaker,
            [self.statements, self.documents],
            &self.relayed_by,
        )
    }
}
