//! Provenance: for every outlet in `data/articles/`, the speakers it
//! relayed, and for each relayed statement the chain from outlet to speaker
//! to addressee ("TASS ← cited ← Sergey Lavrov → told → Tucker Carlson").
//!
//! Run from the repository root: `cargo run --example provenance`
//! (or `quotegraph query relayed-by TASS data/articles` and
//! `quotegraph query provenance 000_lavrov_carlson_tass.txt#2 data/articles`).

use std::fmt::Write as _;

use quotegraph::graph::shorten;
use quotegraph::query;
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let mut out = String::new();
    for outlet in query::top_outlets(g, 0) {
        let relayed = query::relayed_by(g, &outlet.outlet.id)?;
        let who: Vec<String> = relayed
            .speakers
            .iter()
            .map(|s| format!("{} ({})", s.entity.name, s.count))
            .collect();
        let n = relayed.statements;
        writeln!(
            out,
            "{} relayed {n} statement{}: {}",
            relayed.outlet.name,
            if n == 1 { "" } else { "s" },
            if who.is_empty() {
                "-".to_string()
            } else {
                who.join(", ")
            }
        )
        .unwrap();
        for speaker in &relayed.speakers {
            for id in &speaker.statements {
                for p in query::provenance(g, id)? {
                    writeln!(out, "  {}  {}", query::short_id(id), p.chain).unwrap();
                    writeln!(out, "      “{}”", shorten(&p.statement.text, 80)).unwrap();
                }
            }
        }
        out.push('\n');
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
