//! Top speakers, top outlets, and a timeline: who is quoted most in
//! `data/articles/`, which outlets relay the most, and per dateline date
//! how many statements there are and whose they are.
//!
//! Run from the repository root: `cargo run --example top_speakers`
//! (or `quotegraph query top-speakers data/articles`, `top-outlets`,
//! `timeline`).

use quotegraph::query::{self, ToTable};
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let mut out = String::from("Top speakers\n");
    out.push_str(&query::top_speakers(g, 5).to_table());
    out.push_str("\nTop outlets\n");
    out.push_str(&query::top_outlets(g, 5).to_table());
    out.push_str("\nTimeline\n");
    out.push_str(&query::timeline(g).to_table());
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
