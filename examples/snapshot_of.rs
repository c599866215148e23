//! Write the snapshot (`.qgs`) of a saved node-link JSON graph:
//! `cargo run --release --example snapshot_of -- graph.json graph.qgs`.
//! `quotegraph build` writes one itself; this converts graphs saved
//! earlier.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        return Err("usage: snapshot_of GRAPH.json OUT.qgs".into());
    };
    let g = quotegraph::input::read_node_link(&std::fs::read_to_string(from)?)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(to)?);
    quotegraph::snapshot::write(&g, &mut out)?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}
