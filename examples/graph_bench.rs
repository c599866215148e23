//! Time the graph stages on an extraction file:
//! `cargo run --release --example graph_bench -- extractions.jsonl [OUTDIR|-] [REPEAT]`.
//!
//! Prints the best of REPEAT runs (default 3) in seconds for reading the
//! records, building the graph, and writing each format to OUTDIR
//! (default: a temporary directory; `-` skips the exports).

use std::io::BufReader;
use std::time::Instant;

use quotegraph::export::Format;
use quotegraph::graph::QuoteGraph;
use quotegraph::input::read_records;

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(v);
    }
    (best, last.expect("ran once"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: graph_bench EXTRACTIONS.jsonl [OUTDIR|-] [REPEAT]")?;
    let out = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("quotegraph-bench"));
    let repeat: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let (t, recs) = best(repeat, || {
        read_records(BufReader::new(std::fs::File::open(&path).unwrap()), &path).unwrap()
    });
    println!("read      {t:>7.3} s  {} records", recs.len());
    let (t, g) = best(repeat, || QuoteGraph::from_extractions(&recs).unwrap());
    println!("build     {t:>7.3} s  {}", g.summary());
    if out.as_os_str() == "-" {
        return Ok(());
    }
    for f in Format::ALL {
        let (t, _) = best(repeat, || {
            f.exporter()
                .write_path(&g, &out.join(f.default_file_name()))
                .unwrap()
        });
        println!("{:<9} {t:>7.3} s", f.name());
    }
    Ok(())
}
