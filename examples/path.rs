//! Path: how are two people connected? The shortest chain through
//! statements (said, told, relayed, mentions) and roles, found with
//! petgraph's `astar`, for a few pairs in `data/articles/`.
//!
//! Run from the repository root: `cargo run --example path`
//! (or `quotegraph query path Peskov Lavrov data/articles`).

use std::fmt::Write as _;

use quotegraph::query;
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let pairs = [
        ("Dmitry Peskov", "Sergey Lavrov"),
        ("Dmitry Peskov", "Tucker Carlson"),
        ("Donald Trump", "Vladimir Putin"),
        ("Sergey Lavrov", "Anna Berg"),
    ];
    let mut out = String::new();
    for (a, b) in pairs {
        match query::path(g, a, b)? {
            Some(c) => {
                writeln!(out, "{a} to {b}, {} steps:", c.length).unwrap();
                writeln!(out, "  {}\n", c.chain).unwrap();
            }
            None => writeln!(out, "{a} to {b}: not connected\n").unwrap(),
        }
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
