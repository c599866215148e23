//! Articles in JSONL: one JSON object a line, its text and id in the
//! fields the options name, every other field carried through as `meta`.
//! A bad line is reported (up to [`MAX_LINE_PROBLEMS`] a file) and skipped.

use std::io::{self, BufRead};
use std::ops::ControlFlow;

use serde_json::{Map, Value};

use super::gzip::gz_problem;
use super::text::{decode, is_blank, newlines};
use super::{describe_io, too_big, Item, Problem, ReadOptions};
use crate::extract::Document;

/// Read one line (without its `\n`) into `buf`, keeping at most `cap + 1`
/// bytes of it. Returns the line's full length, or `None` at end of input.
fn read_line_capped(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (part, used, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        let room = (cap + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        total += part.len();
        r.consume(used);
        if done {
            return Ok(Some(total));
        }
    }
}

/// Stop reporting per-line problems of one file after this many.
const MAX_LINE_PROBLEMS: u64 = 50;

pub(super) fn read_articles(
    name: &str,
    r: &mut dyn BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    let mut docs = 0u64;
    let mut problems = 0u64;
    let mut report = |sink: &mut dyn FnMut(Item) -> ControlFlow<()>, p: Problem| {
        problems += 1;
        if problems <= MAX_LINE_PROBLEMS {
            sink(Item::Problem(p))
        } else {
            ControlFlow::Continue(())
        }
    };
    loop {
        let len = match read_line_capped(r, &mut buf, opts.max_doc_bytes) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                if let Some(msg) = gz_problem(&e) {
                    // the line being read (if any) is lost with the member
                    line_no += 1;
                    report(sink, Problem::error(name, Some(line_no), msg))?;
                    continue;
                }
                report(
                    sink,
                    Problem::error(name, Some(line_no + 1), describe_io(&e)),
                )?;
                break;
            }
        };
        line_no += 1;
        if line_no == 1 && buf.starts_with(b"\xef\xbb\xbf") {
            buf.drain(..3);
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) && len <= opts.max_doc_bytes {
            continue;
        }
        if len > opts.max_doc_bytes {
            report(
                sink,
                Problem::error(name, Some(line_no), too_big(len as u64, opts.max_doc_bytes)),
            )?;
            continue;
        }
        let line = std::mem::take(&mut buf);
        match parse_line(name, line_no, line, opts) {
            Ok((doc, warning)) => {
                if let Some(w) = warning {
                    report(sink, Problem::warning(name, Some(line_no), w))?;
                }
                docs += 1;
                sink(Item::Doc(doc))?;
            }
            Err(msg) => report(sink, Problem::error(name, Some(line_no), msg))?,
        }
    }
    if problems > MAX_LINE_PROBLEMS {
        sink(Item::Problem(Problem::error(
            name,
            None,
            format!(
                "{} more problems not shown ({problems} in all)",
                problems - MAX_LINE_PROBLEMS
            ),
        )))?;
    }
    if docs == 0 && problems == 0 {
        sink(Item::Problem(Problem::error(
            name,
            None,
            "empty (no JSON lines); skipped",
        )))?;
    }
    ControlFlow::Continue(())
}

fn parse_line(
    name: &str,
    line_no: u64,
    line: Vec<u8>,
    opts: &ReadOptions,
) -> Result<(Document, Option<String>), String> {
    let (line, warning) = decode(line, opts.strict)?;
    let mut obj: Map<String, Value> = serde_json::from_str(&line).map_err(|e| {
        let what = if e.is_eof() {
            "truncated JSON"
        } else {
            "invalid JSON"
        };
        format!("{what} ({e}); line skipped")
    })?;
    let text = match obj.remove(&opts.text_field) {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(format!(
                "field \"{}\" is {}, not a string; line skipped",
                opts.text_field,
                kind_of(&other)
            ))
        }
        None => {
            return Err(format!(
                "no \"{}\" field (see --text-field); line skipped",
                opts.text_field
            ))
        }
    };
    let text = newlines(text, opts.universal_newlines);
    if is_blank(&text) {
        return Err(format!(
            "field \"{}\" is empty; line skipped",
            opts.text_field
        ));
    }
    let id = match obj.remove(&opts.id_field) {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => format!("{name}:{line_no}"),
        Some(other) => other.to_string(),
    };
    let mut doc = Document::new(id, text);
    doc.meta = obj.into_iter().collect();
    Ok((doc, warning))
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines() {
        let mut r = io::Cursor::new(b"short\nloooooooong\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), Some(5));
        assert_eq!(buf, b"short");
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), Some(11));
        assert_eq!(buf.len(), 6);
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), Some(4));
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), None);
    }
}
