//! Who talks about whom: the speakers whose statements mention Donald
//! Trump and Russia, ranked, and the mention network between people
//! (A's statements mention B), which is a graph of its own that any
//! exporter writes: people only, one `mentions` edge A → B weighted by the
//! statements (or, on request, with the statements themselves).
//!
//! Run from the repository root: `cargo run --example talks_about`
//! (or `quotegraph query mentions Trump data/articles` and
//! `quotegraph query mention-network data/articles --format gexf -o m.gexf`).

use std::fmt::Write as _;

use quotegraph::query;
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let mut out = String::new();
    for name in ["Donald Trump", "Russia"] {
        let m = query::mentioners(g, name)?;
        writeln!(out, "Who talks about {}?", m.entity.name).unwrap();
        for r in &m.speakers {
            let s = if r.count == 1 { "" } else { "s" };
            writeln!(out, "  {:<24} {:>2} statement{s}", r.entity.name, r.count).unwrap();
        }
        out.push('\n');
    }
    out.push_str("Mention network (speaker → person mentioned, statements):\n");
    for l in query::mention_links(g) {
        writeln!(out, "  {} → {}  ({})", l.from.name, l.to.name, l.count).unwrap();
    }
    let net = query::mention_network(g);
    writeln!(out, "\nAs a graph of people: {}", net.summary()).unwrap();
    let full = query::mention_network_with_statements(g);
    writeln!(out, "With the statements: {}", full.summary()).unwrap();
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    Ok(())
}
