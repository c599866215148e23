//! Extraction records: one JSON [`DocRecord`] a line, as `quotegraph
//! extract --format jsonl` writes them, plain or gzip, one file or a
//! directory of shards (Spark's `part-NNNNN.jsonl[.gz]`), or stdin.

use std::io::{BufRead, BufReader};
use std::path::Path;

use super::Problem;
use crate::error::{Error, Result};
use crate::record::DocRecord;

/// Read extraction records, one JSON [`DocRecord`] per line (blank lines
/// skipped), as written by `quotegraph extract --format jsonl`. Errors
/// name the input and line.
///
/// ```
/// let line = r#"{"doc":"a.txt","dateline":null,"entities":[],"attributions":[]}"#;
/// let records = quotegraph::input::read_records(line.as_bytes(), "a.jsonl").unwrap();
/// assert_eq!(records[0].doc, "a.txt");
/// ```
pub fn read_records(reader: impl BufRead, name: &str) -> Result<Vec<DocRecord>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(name, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec = serde_json::from_str(&line).map_err(|e| Error::Input {
            path: name.to_string(),
            message: format!("line {}: not an extraction record: {e}", i + 1),
        })?;
        out.push(rec);
    }
    Ok(out)
}

/// Read extraction records as `quotegraph graph --from-jsonl PATH…`
/// does: each path a JSONL file ([`read_records`]; `.gz` decompressed), a
/// directory of them (the `*.jsonl` and `*.jsonl.gz` files inside, in name
/// order: Spark's `part-NNNNN` shards), or `-` for stdin. Returns the
/// records of every file that could be read, in order, and one problem
/// per path or file that could not (a file with a bad line gives none of
/// its records).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let line = r#"{"doc":"a.txt","dateline":null,"entities":[],"attributions":[]}"#;
/// std::fs::write(dir.path().join("part-00000.jsonl"), format!("{line}\n")).unwrap();
/// let paths = [dir.path().display().to_string(), "missing.jsonl".to_string()];
/// let (records, problems) = quotegraph::input::read_record_paths(&paths);
/// assert_eq!(records[0].doc, "a.txt");
/// assert_eq!(problems[0].to_string(), "missing.jsonl: no such file or directory");
/// ```
pub fn read_record_paths(paths: &[String]) -> (Vec<DocRecord>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        if p != "-" && Path::new(p).is_dir() {
            match shards(p) {
                Ok(inside) => files.extend(inside),
                Err(e) => problems.push(Error::io(p.as_str(), e).into()),
            }
        } else {
            files.push(p.clone());
        }
    }
    for p in &files {
        match read_record_file(p) {
            Ok(r) => records.extend(r),
            Err(e) => problems.push(e.into()),
        }
    }
    (records, problems)
}

/// The `*.jsonl` and `*.jsonl.gz` files directly in `dir`, in name order.
fn shards(dir: &str) -> std::io::Result<Vec<String>> {
    let mut inside: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|q| {
            let name = q
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            q.is_file() && (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz"))
        })
        .map(|q| q.display().to_string())
        .collect();
    inside.sort();
    Ok(inside)
}

/// The records of one file (`-`: stdin), gunzipped when its name ends in
/// `.gz`.
fn read_record_file(p: &str) -> Result<Vec<DocRecord>> {
    if p == "-" {
        return read_records(std::io::stdin().lock(), "-");
    }
    let f = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
    if p.ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::new(f));
        read_records(BufReader::new(gz), p)
    } else {
        read_records(BufReader::new(f), p)
    }
}
