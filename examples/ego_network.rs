//! Ego network: the part of the graph within k hops of Sergey Lavrov, as a
//! `QuoteGraph` of its own that every exporter writes, so just his
//! neighbourhood can be opened in Gephi or Graphviz.
//!
//! Run from the repository root: `cargo run --example ego_network`, or
//! `cargo run --example ego_network -- lavrov.gexf` to also write the
//! 2-hop network (format from the extension: gexf, graphml, dot, json…).
//! The command line: `quotegraph query ego Lavrov --hops 2 data/articles -o lavrov.gexf`.

use std::fmt::Write as _;
use std::path::Path;

use quotegraph::export::Format;
use quotegraph::query;
use quotegraph::QuoteGraph;

/// What this example prints (tests/examples_snapshots.rs snapshots it).
pub fn report(g: &QuoteGraph) -> quotegraph::Result<String> {
    let mut out = format!("Whole graph: {}\n", g.summary());
    for hops in [1, 2] {
        let ego = query::ego(g, "Lavrov", hops)?;
        write!(
            out,
            "\nWithin {hops} hop(s) of Sergey Lavrov:\n{}",
            query::outline(&ego)
        )
        .unwrap();
    }
    let one = query::ego(g, "Lavrov", 1)?;
    let mut dot = Vec::new();
    Format::Dot.exporter().write(&one, &mut dot)?;
    let dot = String::from_utf8_lossy(&dot);
    writeln!(
        out,
        "\n1-hop network as Graphviz DOT ({} lines), first lines:",
        dot.lines().count()
    )
    .unwrap();
    for line in dot.lines().take(6) {
        writeln!(out, "  {line}").unwrap();
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = query::load(&["data/articles"])?;
    print!("{}", report(&g)?);
    if let Some(file) = std::env::args().nth(1) {
        let format = Format::from_path(Path::new(&file)).ok_or("unknown file extension")?;
        format
            .exporter()
            .write_path(&query::ego(&g, "Lavrov", 2)?, Path::new(&file))?;
        eprintln!("wrote {file}");
    }
    Ok(())
}
