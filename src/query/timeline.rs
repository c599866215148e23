//! Statements by document date.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::table::{col, list, num, Table};
use super::{date_key, linked, rank_speakers, DateKey, Ranked, ToTable};
use crate::date::Date;
use crate::graph::{EdgeKind, QuoteGraph};

/// One document date: its documents and who was quoted most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineDay {
    /// The date from the datelines, normalised: `2024-12-06`; for a date
    /// written without a year, ISO 8601's month-day `--12-06` (no year is
    /// guessed); other text as written; `None`: undated documents.
    pub date: Option<String>,
    /// False for dates written without a year (and for text that is not a
    /// date).
    pub year_known: bool,
    /// The date as the datelines wrote it ("Dec 6", "December 6"), each
    /// spelling once, in graph order.
    pub written: Vec<String>,
    /// Documents with that date, in graph order.
    pub documents: Vec<String>,
    /// Statements in them.
    pub statements: usize,
    /// Their speakers, most statements first.
    pub speakers: Vec<Ranked>,
}

impl TimelineDay {
    /// The date for people: `2024-12-06`, `Dec 6 (year unknown)`, other
    /// text as written, or `undated`.
    pub fn label(&self) -> String {
        match &self.date {
            None => "undated".into(),
            Some(d) if self.year_known => d.clone(),
            Some(d) => match Date::parse(d) {
                Some(date) if date.year().is_none() => format!(
                    "{} {} (year unknown)",
                    date.month_abbreviation(),
                    date.day()
                ),
                _ => d.clone(),
            },
        }
    }
}

/// Statements per document date, with the most-quoted speakers of each:
/// a timeline from the datelines, oldest first. Dates written without a
/// year ("Dec 6", "6 December") get no guessed year: they come after the
/// dated ones, one entry per month and day whatever the spelling, marked
/// by [`TimelineDay::year_known`]; undated documents come last.
pub fn timeline(g: &QuoteGraph) -> Vec<TimelineDay> {
    let gr = g.graph();
    #[derive(Default)]
    struct Day {
        written: Vec<String>,
        docs: Vec<NodeIndex>,
        sts: Vec<NodeIndex>,
    }
    let mut days: BTreeMap<DateKey, Day> = BTreeMap::new();
    for ix in gr.node_indices() {
        let Some(d) = gr[ix].document() else { continue };
        let day = days.entry(date_key(d.date.as_deref())).or_default();
        if let Some(w) = &d.date {
            if !day.written.contains(w) {
                day.written.push(w.clone());
            }
        }
        day.docs.push(ix);
        day.sts
            .extend(linked(g, ix, EdgeKind::AppearsIn, Direction::Incoming));
    }
    days.into_iter()
        .map(|(key, day)| {
            let (date, year_known) = match key {
                DateKey::Date(d) => (Some(d.iso()), d.year().is_some()),
                DateKey::Other(text) => (Some(text), false),
                DateKey::Undated => (None, false),
            };
            TimelineDay {
                date,
                year_known,
                written: day.written,
                documents: day.docs.iter().map(|&d| gr[d].name().to_string()).collect(),
                statements: day.sts.len(),
                speakers: rank_speakers(g, &day.sts, None),
            }
        })
        .collect()
}

impl ToTable for [TimelineDay] {
    fn to_table(&self) -> String {
        let cols = [
            col("DATE", 24),
            num("DOCS"),
            num("STATEMENTS"),
            col("MOST QUOTED", 90),
        ];
        let rows = self.iter().map(|d| {
            let top: Vec<String> = d
                .speakers
                .iter()
                .take(3)
                .map(|r| format!("{} ({})", r.entity.name, r.count))
                .collect();
            vec![
                d.label(),
                d.documents.len().to_string(),
                d.statements.to_string(),
                list(top.iter().map(String::as_str)),
            ]
        });
        Table::of(&cols, rows).render_or("no documents\n")
    }
}
