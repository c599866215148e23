//! Where a statement came from: the chain from outlet to speaker to
//! addressee, and finding statements by their words.

use std::fmt::Write as _;

use serde::Serialize;

use super::lookup::resolve_index;
use super::table::clip;
use super::{names, short_id, statement_row, who_said, StatementRow, ToTable};
use crate::error::Result;
use crate::graph::{NodeKind, QuoteGraph};

/// A statement and the chain from outlet to speaker to addressee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    /// "TASS ← cited ← Sergey Lavrov → told → Tucker Carlson".
    pub chain: String,
    /// The statement.
    #[serde(flatten)]
    pub statement: StatementRow,
}

/// The provenance chain of a statement: outlets ← cited ← speaker → cue →
/// addressees. An unresolved speaker shows as written.
pub fn chain(s: &StatementRow) -> String {
    let mut out = String::new();
    if !s.relayed_by.is_empty() {
        out.push_str(&names(&s.relayed_by).collect::<Vec<_>>().join(" / "));
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
        out.push_str(&names(&s.addressed_to).collect::<Vec<_>>().join(" / "));
    }
    out
}

/// Provenance of the statement `query` names (`statement:<doc>#<n>` or
/// `<file>#<n>`), or of every statement of the entity it names, by date.
pub fn provenance(g: &QuoteGraph, query: &str) -> Result<Vec<Provenance>> {
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
/// whitespace, in graph order: the way to find a statement's id to ask
/// [`provenance`] about when only its words are known.
///
/// ```
/// use quotegraph::{query, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "Russia is ready to talk, Sergey Lavrov said."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let rows = query::search(&g, "READY  to talk");
/// assert_eq!(rows[0].id, "statement:a.txt#1");
/// assert!(query::search(&g, "words nobody said").is_empty());
/// ```
pub fn search(g: &QuoteGraph, words: &str) -> Vec<StatementRow> {
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

impl ToTable for [Provenance] {
    fn to_table(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let s = &p.statement;
            writeln!(
                out,
                "{}  {}",
                short_id(&s.id),
                s.date.as_deref().unwrap_or("undated")
            )
            .expect("to string");
            writeln!(out, "  {}", p.chain).expect("to string");
            writeln!(out, "  “{}”", clip(&s.text, 100)).expect("to string");
        }
        if self.is_empty() {
            out.push_str("no statements\n");
        }
        out
    }
}
