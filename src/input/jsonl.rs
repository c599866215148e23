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

/// Read one line (without its `\n`, `\r\n` or lone `\r`: JSON holds no
/// raw carriage return inside a string, so a file with CR-only line ends
/// is read line by line) into `buf`, keeping at most `cap + 1` bytes of
/// it. Returns the line's full length, or `None` at end of input.
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
        let (part, used, end) = match memchr::memchr2(b'\n', b'\r', avail) {
            Some(i) => (&avail[..i], i + 1, Some(avail[i])),
            None => (avail, avail.len(), None),
        };
        let room = (cap + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        total += part.len();
        r.consume(used);
        match end {
            Some(b'\r') => {
                // `\r\n` is one line end
                let next = loop {
                    match r.fill_buf() {
                        Ok(b) => break b.first().copied(),
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
                if next == Some(b'\n') {
                    r.consume(1);
                }
                return Ok(Some(total));
            }
            Some(_) => return Ok(Some(total)),
            None => {}
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
    let mut with_id = 0u64;
    let mut problems = 0u64;
    let mut gz_errors = 0u64;
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
                    // the line being read (if any) is lost with the member;
                    // always shown, never among the problems counted away
                    line_no += 1;
                    gz_errors += 1;
                    sink(Item::Problem(Problem::error(name, Some(line_no), msg)))?;
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
            Ok((doc, warning, has_id)) => {
                with_id += u64::from(has_id);
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
    if docs > 0 && with_id == 0 && opts.id_field != super::DEFAULT_ID_FIELD {
        // a misspelled --id-field would otherwise name every document FILE:LINE
        sink(Item::Problem(Problem::warning(
            name,
            None,
            format!(
                "no line has the field \"{}\" (see --id-field); documents are named FILE:LINE",
                opts.id_field
            ),
        )))?;
    }
    if docs == 0 && problems == 0 && gz_errors == 0 {
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
) -> Result<(Document, Option<String>, bool), String> {
    let (line, mut warning) = decode(line, opts.strict)?;
    let parsed = serde_json::from_str::<Map<String, Value>>(&line);
    let parsed = match parsed {
        // Python's json.dumps writes lone surrogates (`"\ud800"`), which
        // serde_json refuses: they become U+FFFD, as invalid UTF-8 does
        Err(e) => match replace_lone_surrogates(&line) {
            Some((fixed, n)) if !opts.strict => {
                let w = format!(
                    "{n} lone UTF-16 surrogate escape{} (\\uD800–\\uDFFF without its pair) replaced with U+FFFD",
                    if n == 1 { "" } else { "s" }
                );
                warning = Some(match warning {
                    Some(old) => format!("{old}; {w}"),
                    None => w,
                });
                serde_json::from_str(&fixed)
            }
            Some(_) => {
                return Err(
                    "lone UTF-16 surrogate escape (\\uD800–\\uDFFF without its pair), not valid Unicode; line skipped (--strict)"
                        .into(),
                )
            }
            None => Err(e),
        },
        ok => ok,
    };
    let mut obj = parsed.map_err(|e| {
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
    let (id, has_id) = match obj.remove(&opts.id_field) {
        Some(Value::String(s)) => (s, true),
        None => (format!("{name}:{line_no}"), false),
        Some(Value::Null) => (format!("{name}:{line_no}"), true),
        Some(other) => (other.to_string(), true),
    };
    let mut doc = Document::new(id, text);
    doc.meta = obj.into_iter().collect();
    Ok((doc, warning, has_id))
}

/// `line` with every `\uXXXX` escape of a lone UTF-16 surrogate replaced
/// by `\ufffd`, and how many there were; `None` when there is none.
fn replace_lone_surrogates(line: &str) -> Option<(String, usize)> {
    let b = line.as_bytes();
    let hex = |i: usize| -> Option<u32> {
        let h = b.get(i..i + 4)?;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    let escape_at = |i: usize| -> Option<u32> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex(i + 2))
            .flatten()
    };
    let mut out = String::with_capacity(line.len());
    let mut n = 0;
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(i) {
            Some(0xd800..=0xdbff)
                if escape_at(i + 6).is_some_and(|lo| (0xdc00..=0xdfff).contains(&lo)) =>
            {
                i += 12
            }
            Some(0xd800..=0xdfff) => {
                out.push_str(&line[last..i]);
                out.push_str("\\ufffd");
                n += 1;
                i += 6;
                last = i;
            }
            // any other escape: skip the backslash and the escaped byte
            _ => i += 2,
        }
    }
    (n > 0).then(|| {
        out.push_str(&line[last..]);
        (out, n)
    })
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
    fn cr_only_and_crlf_line_ends() {
        let mut r = io::Cursor::new(b"a\rb\r\nc\n\rd".to_vec());
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while read_line_capped(&mut r, &mut buf, 100).unwrap().is_some() {
            lines.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let (fixed, n) =
            replace_lone_surrogates(r#"{"t":"a\ud800b \ud83d\ude00 \\ud800 \udc00"}"#).unwrap();
        assert_eq!(n, 2);
        assert_eq!(fixed, r#"{"t":"a\ufffdb \ud83d\ude00 \\ud800 \ufffd"}"#);
        assert!(replace_lone_surrogates(r#"{"t":"\ud83d\ude00"}"#).is_none());
    }

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
