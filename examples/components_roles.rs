//! Components and roles: which people in `data/articles/` are linked to
//! each other (one mentions or addresses the other, or holds a role of the
//! other), and who holds a role of Vladimir Putin and of Russia (Peskov as
//! Putin's spokesman).
//!
//! Run from the repository root: `cargo run --example components_roles`
//! (or `quotegraph query components data/articles` and
//! `quotegraph query roles Putin data/articles`).

use std::fmt::Write as _;

use quotegraph::query::{self, ToTable};
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let mut out = String::from("Connected groups of people\n");
    out.push_str(&query::components(g).to_table());
    for name in ["Vladimir Putin", "Russia"] {
        let roles = query::role_holders(g, name)?;
        writeln!(out, "\nWho works for {}?", roles.entity.name).unwrap();
        for r in &roles.holders {
            writeln!(out, "  {}, {}", r.holder.name, r.title).unwrap();
        }
        if roles.holders.is_empty() {
            out.push_str("  nobody in these articles\n");
        }
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
