//! Generate a synthetic corpus from the bundled articles (see
//! `tests/common/synth.rs`), for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --format jsonl --mb 1024 --out big.jsonl
//! cargo run --release --example gen_corpus -- --format jsonl --docs 2000 --out corpus.jsonl.gz
//! cargo run --release --example gen_corpus -- --format txt --docs 500 --out dir/
//! ```
//!
//! `--cast wide` draws people from 384 surnames (not 24), outlets from
//! 20 (not 5) and dates from 2019–2024 (not 2024): a graph with thousands
//! of people, as a real corpus has; the default `narrow` is the corpus the
//! tests and benchmarks were written against.
//!
//! Prints `docs=N words=N bytes=N` (text bytes) on stdout.

#[path = "../tests/common/synth.rs"]
mod synth;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut format = "jsonl".to_string();
    let mut docs: Option<u64> = None;
    let mut mb: Option<f64> = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut cast = synth::Cast::Narrow;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().expect("a value after each option");
        match a.as_str() {
            "--format" => format = val(),
            "--docs" => docs = Some(val().parse().expect("--docs N")),
            "--mb" => mb = Some(val().parse().expect("--mb N")),
            "--seed" => seed = val().parse().expect("--seed N"),
            "--out" => out = Some(val()),
            "--cast" => {
                cast = match val().as_str() {
                    "narrow" => synth::Cast::Narrow,
                    "wide" => synth::Cast::Wide,
                    other => panic!("--cast narrow|wide, not {other}"),
                }
            }
            _ => {
                eprintln!("usage: gen_corpus [--format jsonl|txt] (--docs N | --mb N) [--seed N] [--cast narrow|wide] --out PATH");
                std::process::exit(2);
            }
        }
    }
    let out = out.expect("--out PATH");
    let limit_bytes = mb.map(|m| (m * 1_048_576.0) as u64);
    let limit_docs = docs.unwrap_or(if limit_bytes.is_some() {
        u64::MAX
    } else {
        1000
    });
    let (mut n, mut words, mut bytes) = (0u64, 0u64, 0u64);
    let mut written = 0u64;
    let done = |n: u64, written: u64| n >= limit_docs || limit_bytes.is_some_and(|l| written >= l);
    if format == "txt" {
        std::fs::create_dir_all(&out)?;
        while !done(n, written) {
            let a = synth::article_of(seed, n, cast);
            std::fs::write(format!("{out}/{}.txt", a.id), &a.text)?;
            words += synth::words(&a.text) as u64;
            bytes += a.text.len() as u64;
            written += a.text.len() as u64;
            n += 1;
        }
    } else {
        let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
        let mut w: Box<dyn Write> = if out.ends_with(".gz") {
            Box::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::fast(),
            ))
        } else {
            Box::new(file)
        };
        while !done(n, written) {
            let a = synth::article_of(seed, n, cast);
            let line = synth::jsonl_line(&a);
            w.write_all(line.as_bytes())?;
            words += synth::words(&a.text) as u64;
            bytes += a.text.len() as u64;
            written += line.len() as u64;
            n += 1;
        }
        w.flush()?;
    }
    println!("docs={n} words={words} bytes={bytes}");
    Ok(())
}
