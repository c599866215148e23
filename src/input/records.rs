//! Extraction records: one JSON [`DocRecord`] a line, as `quotegraph
//! extract --format jsonl` writes them, plain or gzip, one file or a
//! directory of shards (Spark's `part-NNNNN.jsonl[.gz]`), or stdin.

use std::io::{BufRead, BufReader, Read};
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
/// per path, file or line that could not (a bad line or a truncated
/// `.gz` is reported and the file's other records are kept). A file given
/// twice (two spellings, a link) is read once, with a warning.
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
    for_each_record(paths, &mut |got| {
        match got {
            Ok(r) => records.push(r),
            Err(p) => problems.push(p),
        }
        Ok(())
    })
    .expect("keeping records cannot fail");
    (records, problems)
}

/// What [`for_each_record`] hands over: a record, or a problem with a
/// path, file or line.
pub(crate) type Got = std::result::Result<DocRecord, Problem>;

/// Read the records of `paths` as [`read_record_paths`] does, handing
/// each record and each problem to `sink` as it comes, in input order,
/// without holding them (`quotegraph graph --from-jsonl` and `query`
/// spool them). Stops at the sink's first error and returns it.
pub(crate) fn for_each_record(
    paths: &[String],
    sink: &mut dyn FnMut(Got) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut files = Vec::new();
    for p in paths {
        if p != "-" && Path::new(p).is_dir() {
            match shards(p) {
                Ok(inside) => files.extend(inside),
                Err(e) => sink(Err(Error::io(p.as_str(), e).into()))?,
            }
        } else {
            files.push(p.clone());
        }
    }
    // a file is its canonical path: given twice, it is read once
    let mut seen = std::collections::HashMap::new();
    for p in &files {
        if let Ok(real) = std::fs::canonicalize(p) {
            if let Some(first) = seen.get(&real) {
                sink(Err(Problem::warning(
                    p,
                    None,
                    format!("the same file as {first} (given twice); read once"),
                )))?;
                continue;
            }
            seen.insert(real, p.clone());
        }
        read_record_file(p, sink)?;
    }
    Ok(())
}

/// Problems reported one by one in a file; the rest are counted.
const MAX_LINE_PROBLEMS: usize = 50;

/// Read records from `reader` into `sink`, as [`read_records`] does, but
/// a bad line or a read error (a truncated `.gz`) is a problem and the
/// good lines are kept, as `extract` keeps the good lines of an article
/// corpus.
fn read_records_lenient(
    mut reader: impl BufRead,
    name: &str,
    sink: &mut dyn FnMut(Got) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut bad = 0usize;
    let mut line = Vec::new();
    let mut n = 0u64;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            // nothing read yet: the file itself cannot be read, an I/O error
            Err(e) if n == 0 => {
                sink(Err(Error::io(name, e).into()))?;
                break;
            }
            Err(e) => {
                sink(Err(Problem::error(
                    name,
                    Some(n + 1),
                    format!("{}; the records before it are kept", super::describe_io(&e)),
                )))?;
                break;
            }
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<DocRecord>(&line) {
            Ok(r) => sink(Ok(r))?,
            Err(e) => {
                bad += 1;
                if bad <= MAX_LINE_PROBLEMS {
                    sink(Err(Problem::error(
                        name,
                        Some(n),
                        format!("not an extraction record ({e}); line skipped"),
                    )))?;
                }
            }
        }
    }
    if bad > MAX_LINE_PROBLEMS {
        sink(Err(Problem::error(
            name,
            None,
            format!(
                "{} more bad lines not shown; skipped",
                bad - MAX_LINE_PROBLEMS
            ),
        )))?;
    }
    Ok(())
}

/// Does the JSONL file `p` (gunzipped when its name ends in `.gz`) hold
/// extraction records rather than articles: is its first non-blank line a
/// JSON object with an `attributions` field? An unreadable file is not
/// (it is then reported by the article reader).
pub fn holds_records(p: &str) -> bool {
    let Ok(f) = std::fs::File::open(p) else {
        return false;
    };
    let first = |r: &mut dyn BufRead| -> Option<bool> {
        // a bounded look: a record line longer than this is unusual, and
        // an article corpus is then read as articles
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = r.take(64 << 20).read_until(b'\n', &mut line).ok()?;
            if n == 0 {
                return None;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        let v: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&line).ok()?;
        Some(v.contains_key("attributions"))
    };
    let found = if p.ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::new(f));
        first(&mut BufReader::new(gz))
    } else {
        first(&mut BufReader::new(f))
    };
    found.unwrap_or(false)
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
/// `.gz`, and what could not be read, into `sink`.
fn read_record_file(
    p: &str,
    sink: &mut dyn FnMut(Got) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if p == "-" {
        return read_records_lenient(std::io::stdin().lock(), "-", sink);
    }
    let f = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => return sink(Err(Error::io(p, e).into())),
    };
    if p.ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::new(f));
        read_records_lenient(BufReader::new(gz), p, sink)
    } else {
        read_records_lenient(BufReader::new(f), p, sink)
    }
}
