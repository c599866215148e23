//! Path: how are two people connected? The shortest chain found with
//! petgraph's `astar`, for a few pairs in `data/articles/`: first through
//! statements (said, told, relayed, mentions) and roles, then through
//! statements only, so the chain is who said what to or about whom.
//!
//! Run from the repository root: `cargo run --example path`
//! (or `quotegraph query path Peskov Lavrov data/articles [--via statements]`).

use std::fmt::Write as _;

use quotegraph::query::{self, Via};
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let pairs = [
        ("Dmitry Peskov", "Sergey Lavrov"),
        ("Dmitry Peskov", "Tucker Carlson"),
        ("Donald Trump", "Vladimir Putin"),
        ("Sergey Lavrov", "Anna Berg"),
    ];
    let ways = [
        (Via::Any, "statements and roles"),
        (Via::Statements, "statements only"),
    ];
    let mut out = String::new();
    for (a, b) in pairs {
        writeln!(out, "{a} to {b}").unwrap();
        for (via, way) in ways {
            match query::path_via(g, a, b, via)? {
                Some(c) => writeln!(out, "  {way}, {} steps:\n    {}", c.length, c.chain),
                None => writeln!(out, "  {way}: not connected"),
            }
            .unwrap();
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
