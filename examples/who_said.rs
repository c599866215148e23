//! Who said what: every statement of Sergey Lavrov in `data/articles/`,
//! oldest first, with the cue, the date, the document, whom it was said to
//! and the outlet that relayed it.
//!
//! Run from the repository root: `cargo run --example who_said`
//! (the command-line equivalent: `quotegraph query who-said Lavrov data/articles`).

use std::fmt::Write as _;

use quotegraph::graph::shorten;
use quotegraph::query::{self, EntityRef};
use quotegraph::QuoteGraph;

fn names(v: &[EntityRef]) -> String {
    v.iter()
        .map(|e| e.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let said = query::who_said(g, "Lavrov")?;
    let mut out = format!(
        "{}: {} statements\n",
        said.speaker.name,
        said.statements.len()
    );
    for s in &said.statements {
        let mut how = s.cue_text.clone();
        if !s.addressed_to.is_empty() {
            write!(how, " · to {}", names(&s.addressed_to)).unwrap();
        }
        if !s.relayed_by.is_empty() {
            write!(how, " · via {}", names(&s.relayed_by)).unwrap();
        }
        let date = s.date.as_deref().unwrap_or("undated");
        writeln!(out, "\n{date}  {}  {how}", query::short_id(&s.id)).unwrap();
        writeln!(out, "    {}", shorten(&s.text, 90)).unwrap();
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
