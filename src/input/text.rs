//! Text documents: one input, one document. Bytes are checked for being
//! text at all (binary data, UTF-16), decoded as UTF-8 (bad bytes an error
//! under `strict`, else replaced with a warning) and refused when blank.

use std::io::{self, BufRead};
use std::ops::ControlFlow;

use super::gzip::gz_problem;
use super::{describe_io, Item, Problem, ReadOptions};
use crate::error::Error;
use crate::extract::Document;

/// Make a document named `name` from raw bytes exactly as `quotegraph
/// extract --strict` reads a file holding them: binary data (a UTF-16
/// byte-order mark, a NUL byte…), bytes that are not UTF-8 and blank text
/// are errors, with the words the CLI prints for such a file. A UTF-8 byte-order mark is
/// kept, so spans count it as Python does.
///
/// ```
/// use quotegraph::input::document_from_bytes;
///
/// assert_eq!(document_from_bytes("a.txt", b"Lavrov said it.".to_vec()).unwrap().text, "Lavrov said it.");
/// let err = document_from_bytes("a.txt", b" \n".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "a.txt: empty (no text); skipped");
/// let err = document_from_bytes("a.txt", b"ok \xff".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "a.txt: not valid UTF-8 (first bad byte at offset 3); skipped (--strict)");
/// ```
pub fn document_from_bytes(name: &str, bytes: Vec<u8>) -> Result<Document, Error> {
    first_document(name, |sink| {
        let _ = text_items(name, bytes, true, false, sink);
    })
}

/// Make a document named `name` from text already decoded (a Python
/// `str`): an error, with the words used for such a file, when the text
/// is blank (whitespace and byte-order marks only).
pub fn document_from_text(name: &str, text: String) -> Result<Document, Error> {
    if is_blank(&text) {
        return Err(Error::Input {
            path: name.to_string(),
            message: EMPTY.into(),
        });
    }
    Ok(Document::new(name, text))
}

/// What a blank text document is reported as.
const EMPTY: &str = "empty (no text); skipped";

/// The document `produce` sends to its sink, or the first error it
/// reports (warnings are dropped): one input read as one document.
fn first_document(
    name: &str,
    produce: impl FnOnce(&mut dyn FnMut(Item) -> ControlFlow<()>),
) -> Result<Document, Error> {
    let mut doc = None;
    let mut first_error = None;
    produce(&mut |item| {
        match item {
            Item::Doc(d) => doc = Some(d),
            Item::Problem(p) if p.is_error() && first_error.is_none() => first_error = Some(p),
            Item::Problem(_) => {}
        }
        ControlFlow::Continue(())
    });
    match (doc, first_error) {
        (Some(d), _) => Ok(d),
        (None, Some(p)) => Err(Error::Input {
            path: p.path,
            message: p.message,
        }),
        (None, None) => Err(Error::Input {
            path: name.to_string(),
            message: "no text".into(),
        }),
    }
}

/// What Python's text mode reads: `\r\n` and lone `\r` become `\n`.
///
/// ```
/// assert_eq!(quotegraph::input::universal_newlines("a\r\nb\rc"), "a\nb\nc");
/// ```
pub fn universal_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// `text` with [`universal_newlines`] when `on`, reused when unchanged.
pub(super) fn newlines(text: String, on: bool) -> String {
    if !on {
        return text;
    }
    match universal_newlines(&text) {
        std::borrow::Cow::Owned(t) => t,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

pub(super) fn is_blank(text: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
}

pub(super) fn read_text(
    name: &str,
    r: &mut dyn BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut bytes = Vec::new();
    let limit = opts.max_doc_bytes;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                if let Some(msg) = gz_problem(&e) {
                    sink(Item::Problem(Problem::error(name, None, msg)))?;
                    continue;
                }
                return sink(Item::Problem(Problem::error(name, None, describe_io(&e))));
            }
        };
        if chunk.is_empty() {
            break;
        }
        if bytes.len() + chunk.len() > limit {
            let seen = (bytes.len() + chunk.len()) as u64;
            return sink(Item::Problem(Problem::error(
                name,
                None,
                format!(
                    "document is larger than --max-doc-bytes {limit} (more than {} bytes read); skipped",
                    seen.max(limit as u64 + 1) - 1
                ),
            )));
        }
        bytes.extend_from_slice(chunk);
        let n = chunk.len();
        r.consume(n);
    }
    text_items(name, bytes, opts.strict, opts.universal_newlines, sink)
}

/// The items of one text document's bytes, as read: an error for binary
/// data, bytes that are not UTF-8 (under `strict`; otherwise a warning and
/// U+FFFD) or blank text, else the document.
fn text_items(
    name: &str,
    bytes: Vec<u8>,
    strict: bool,
    universal: bool,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if let Some(msg) = binary_reason(&bytes) {
        return sink(Item::Problem(Problem::error(name, None, msg)));
    }
    match decode(bytes, strict) {
        Err(msg) => sink(Item::Problem(Problem::error(name, None, msg))),
        Ok((text, warning)) => {
            if let Some(w) = warning {
                sink(Item::Problem(Problem::warning(name, None, w)))?;
            }
            match document_from_text(name, newlines(text, universal)) {
                Ok(doc) => sink(Item::Doc(doc)),
                Err(e) => sink(Item::Problem(e.into())),
            }
        }
    }
}

/// Why these bytes are not text, if they are not: a UTF-16 byte-order
/// mark, a NUL byte (anywhere), or mostly control characters and invalid UTF-8 in the
/// first 8 KiB.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 text (byte-order mark); only UTF-8 is read, skipped".into());
    }
    let head = &bytes[..bytes.len().min(8192)];
    // a NUL byte anywhere, not only in the head: text never holds one
    if let Some(off) = memchr::memchr(0, bytes) {
        return Some(format!(
            "binary data (NUL byte at offset {off}), not text; skipped"
        ));
    }
    let mut bad = 0usize;
    for chunk in head.utf8_chunks() {
        bad += chunk.invalid().len();
        bad += chunk
            .valid()
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            .count();
    }
    // Latin-1 text has a few bad bytes (accents); binary data has many.
    if head.len() >= 64 && bad * 10 > head.len() * 3 {
        return Some(format!(
            "binary data ({bad} of the first {} bytes are control characters or invalid UTF-8), not text; skipped",
            head.len()
        ));
    }
    None
}

/// Decode bytes as UTF-8. Invalid sequences are an error under `strict`,
/// otherwise replaced by U+FFFD with a warning naming the first bad byte's
/// offset. A byte-order mark is kept (spans count it, as Python does).
pub fn decode(bytes: Vec<u8>, strict: bool) -> Result<(String, Option<String>), String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let first = e.utf8_error().valid_up_to();
            if strict {
                return Err(format!(
                    "not valid UTF-8 (first bad byte at offset {first}); skipped (--strict)"
                ));
            }
            let bytes = e.into_bytes();
            let bad = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok((
                text,
                Some(format!(
                    "not valid UTF-8 (first bad byte at offset {first}, {bad} bad sequence{} replaced with U+FFFD)",
                    if bad == 1 { "" } else { "s" }
                )),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_newlines_like_python() {
        assert_eq!(universal_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn lossy_decoding_names_the_offset() {
        let (text, w) = decode(b"caf\xe9 ok".to_vec(), false).unwrap();
        assert_eq!(text, "caf\u{fffd} ok");
        assert!(w.unwrap().contains("offset 3"));
        assert!(decode(b"caf\xe9".to_vec(), true)
            .unwrap_err()
            .contains("offset 3"));
    }

    #[test]
    fn a_nul_byte_deep_in_a_file_is_binary_as_an_early_one() {
        let mut deep = "Plain text. ".repeat(2000).into_bytes();
        deep.push(0);
        deep.extend_from_slice(b" more text");
        let why = binary_reason(&deep).expect("binary");
        assert!(
            why.contains(&format!("NUL byte at offset {}", 24000)),
            "{why}"
        );
    }

    #[test]
    fn binary_detection() {
        assert!(binary_reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_some());
        assert!(binary_reason("Plain text, café.".as_bytes()).is_none());
        assert!(
            binary_reason(b"Latin-1 caf\xe9 and na\xefve text, mostly ASCII words here.").is_none()
        );
    }
}
