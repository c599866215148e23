//! Reading inputs: `.txt` files, JSONL files (one article per line), gzip
//! versions of both, directories of them (recursive), and stdin.
//!
//! Every problem is reported as a [`Problem`] naming the input (and the line,
//! for JSONL), so one bad file, line or gzip member never stops the others.
//! Problems are either warnings (the document was still read, e.g. invalid
//! UTF-8 replaced with U+FFFD) or errors (something was skipped).
//!
//! [`read_inputs`] streams documents one at a time and never holds more than
//! one document (at most [`ReadOptions::max_doc_bytes`]) in memory;
//! [`crate::pipeline`] runs it on a reader thread.

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

use crate::error::Error;
use crate::extract::Document;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, with the name to report it by.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name documents from this input carry.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }

    /// Is this input read as JSONL under `format`? `Auto` decides by the
    /// file name (`.jsonl`, `.ndjson`, optionally followed by `.gz`); stdin
    /// is text unless told otherwise.
    pub fn is_jsonl(&self, format: InputFormat) -> bool {
        match format {
            InputFormat::Text => false,
            InputFormat::Jsonl => true,
            InputFormat::Auto => match self {
                Input::Stdin => false,
                Input::File(p) => is_jsonl_name(p),
            },
        }
    }
}

/// How to interpret inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By file extension; stdin is text.
    #[default]
    Auto,
    /// Every input is one text document.
    Text,
    /// Every input holds one JSON object per line.
    Jsonl,
}

/// Default for [`ReadOptions::max_doc_bytes`]: 16 MiB.
pub const DEFAULT_MAX_DOC_BYTES: usize = 16 << 20;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Text or JSONL, or by extension.
    pub format: InputFormat,
    /// JSONL field holding the article text.
    pub text_field: String,
    /// JSONL field holding the document id (string or number). Lines
    /// without it are named `FILE:LINE`.
    pub id_field: String,
    /// Documents (text files, JSONL lines) larger than this many bytes are
    /// reported and skipped, so one giant input cannot exhaust memory.
    pub max_doc_bytes: usize,
    /// Treat invalid UTF-8 as an error (skip the document) instead of
    /// replacing bad bytes with U+FFFD and warning.
    pub strict: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            text_field: "text".into(),
            id_field: "id".into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            strict: false,
        }
    }
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The document was still read (e.g. bad bytes replaced).
    Warning,
    /// Something was skipped: a file, a line, a gzip member.
    Error,
}

/// Something wrong with an input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Warning or error.
    pub severity: Severity,
    /// The input as named by the user (or as found in a directory).
    pub path: String,
    /// 1-based line for JSONL inputs.
    pub line: Option<u64>,
    /// What is wrong, and what was done about it.
    pub message: String,
}

impl Problem {
    fn error(path: &str, line: Option<u64>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }

    fn warning(path: &str, line: Option<u64>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, line, message)
        }
    }

    /// True for errors (something was skipped).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `PATH: message` or `PATH:LINE: message`, on one line: control
    /// characters in the path (a file name may hold a newline or an
    /// escape sequence) are written escaped, as `\n` or `\u{1b}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = escape_controls(&self.path);
        match self.line {
            Some(l) => write!(f, "{path}:{l}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

/// `s` with control characters (and the Unicode line and paragraph
/// separators) escaped as Rust writes them in a string literal (`\n`,
/// `\u{1b}`), everything else as it is: safe to print on one line of a
/// terminal.
///
/// ```
/// use quotegraph::input::escape_controls;
///
/// assert_eq!(escape_controls("bad\nname\x1b[31m.txt"), "bad\\nname\\u{1b}[31m.txt");
/// assert_eq!(escape_controls("café \"x\".txt"), "café \"x\".txt");
/// ```
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !s.contains(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

impl From<Error> for Problem {
    fn from(e: Error) -> Problem {
        match e {
            Error::Input { path, message } | Error::Eval { path, message } => {
                Problem::error(&path, None, message)
            }
            Error::Io { path, cause } => Problem::error(&path, None, describe_io(&cause)),
            other => Problem::error("-", None, other.to_string()),
        }
    }
}

/// What the reader produces, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document.
    Doc(Document),
    /// A problem with an input.
    Problem(Problem),
}

/// File names a directory walk picks up.
pub fn is_input_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

fn is_jsonl_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// Expand command-line paths into inputs: directories are walked
/// recursively for `*.txt`, `*.jsonl`, `*.ndjson` and their `.gz` versions
/// (sorted, so output order is stable); symbolic links are followed, and a
/// directory reached twice (a symlink loop) is read once. Returns the inputs
/// and a problem for each unusable path.
pub fn expand_inputs(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => problems.push(Problem::error(p, None, describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                let mut stack = Vec::new();
                walk(path, &mut files, &mut problems, &mut seen, &mut stack);
                files.sort();
                if files.is_empty() {
                    problems.push(Problem::error(
                        p,
                        None,
                        "directory holds no .txt or .jsonl files (nor .gz of them)",
                    ));
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
        }
    }
    (inputs, problems)
}

/// Expand command-line paths into inputs (see [`expand_inputs`]), with
/// one error per unusable path. Warnings (symlink loops) are dropped.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<Error>) {
    let (inputs, problems) = expand_inputs(paths);
    let errors = problems
        .into_iter()
        .filter(Problem::is_error)
        .map(|p| Error::Input {
            path: p.path,
            message: p.message,
        })
        .collect();
    (inputs, errors)
}

/// The words a [`Problem`] gives an I/O error reading an input: a few
/// causes in plain lowercase words, others as the operating system words
/// them (`Input/output error (os error 5)`).
///
/// ```
/// use quotegraph::input::describe_io;
///
/// assert_eq!(describe_io(&std::io::ErrorKind::NotFound.into()), "no such file or directory");
/// ```
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links (loop)".into(),
        _ => e.to_string(),
    }
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen: &mut HashSet<PathBuf>,
    stack: &mut Vec<PathBuf>,
) {
    let real = match std::fs::canonicalize(dir) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Problem::error(
                &dir.display().to_string(),
                None,
                describe_io(&e),
            ));
            return;
        }
    };
    if stack.contains(&real) {
        problems.push(Problem::warning(
            &dir.display().to_string(),
            None,
            format!(
                "symlink loop (leads back to {}); not followed",
                escape_controls(&real.display().to_string())
            ),
        ));
        return;
    }
    if !seen.insert(real.clone()) {
        return; // reached twice through links: read once
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem::error(
                &dir.display().to_string(),
                None,
                describe_io(&e),
            ));
            return;
        }
    };
    stack.push(real);
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::error(
                    &dir.display().to_string(),
                    None,
                    describe_io(&e),
                ));
                continue;
            }
        };
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out, problems, seen, stack);
        } else if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk(&path, out, problems, seen, stack),
                Ok(m) if m.is_file() && is_input_name(&path) => out.push(path),
                Ok(_) => {}
                Err(e) if is_input_name(&path) || e.raw_os_error() == Some(40) => problems.push(
                    Problem::error(&path.display().to_string(), None, describe_io(&e)),
                ),
                Err(_) => {} // a dangling link that would not be read anyway
            }
        } else if ft.is_file() && is_input_name(&path) {
            out.push(path);
        }
    }
    stack.pop();
}

/// Read one input as a single text document (no JSONL splitting; gzip is
/// decompressed). Errors name the input: unreadable, empty, or not UTF-8
/// (with the byte offset of the first bad byte).
///
/// For many inputs, JSONL, lossy decoding and bounded memory use
/// [`read_inputs`] or [`crate::pipeline`].
pub fn read(input: &Input) -> Result<Document, Error> {
    let opts = ReadOptions {
        format: InputFormat::Text,
        strict: true,
        max_doc_bytes: usize::MAX / 2,
        ..ReadOptions::default()
    };
    first_document(&input.name(), |sink| {
        let _ = read_input(input, &opts, None, sink);
    })
}

/// Make a document named `name` from raw bytes exactly as [`read`] makes
/// one from a file holding them: binary data (a UTF-16 byte-order mark, a
/// NUL byte…), bytes that are not UTF-8 and blank text are errors, with
/// the words the CLI prints for such a file. A UTF-8 byte-order mark is
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
        let _ = text_items(name, bytes, true, sink);
    })
}

/// Make a document named `name` from text already decoded (a Python
/// `str`): an error, with the words [`read`] uses for a file, when the text
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

fn is_blank(text: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
}

/// Read every input in order, calling `sink` with each document and each
/// problem. Stops early when `sink` returns [`ControlFlow::Break`].
/// `raw_bytes`, when given, counts the bytes read from files and stdin
/// (compressed bytes for gzip), for progress reports.
pub fn read_inputs(
    inputs: &[Input],
    opts: &ReadOptions,
    raw_bytes: Option<&AtomicU64>,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for input in inputs {
        read_input(input, opts, raw_bytes, sink)?;
    }
    ControlFlow::Continue(())
}

/// Read one input (see [`read_inputs`]).
pub fn read_input(
    input: &Input,
    opts: &ReadOptions,
    raw_bytes: Option<&AtomicU64>,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = input.name();
    let raw: Box<dyn Read> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::File(p) => match open_file(p, opts, input.is_jsonl(opts.format)) {
            Ok(f) => Box::new(f),
            Err(message) => {
                if let (Some(counter), Ok(m)) = (raw_bytes, std::fs::metadata(p)) {
                    counter.fetch_add(m.len(), Ordering::Relaxed);
                }
                return sink(Item::Problem(Problem::error(&name, None, message)));
            }
        },
    };
    let counted = Counting {
        inner: raw,
        counter: raw_bytes,
    };
    let mut buffered = BufReader::with_capacity(64 << 10, counted);
    let gz = match fill_buf_retry(&mut buffered) {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => return sink(Item::Problem(Problem::error(&name, None, describe_io(&e)))),
    };
    let mut reader: Box<dyn BufRead + '_> = if gz {
        Box::new(BufReader::with_capacity(64 << 10, GzStream::new(buffered)))
    } else {
        Box::new(buffered)
    };
    if input.is_jsonl(opts.format) {
        read_jsonl(&name, &mut reader, opts, sink)
    } else {
        read_text(&name, &mut reader, opts, sink)
    }
}

/// Open a file, refusing directories and (for text) files over the size
/// limit before reading a byte of them.
fn open_file(p: &Path, opts: &ReadOptions, jsonl: bool) -> Result<File, String> {
    let f = File::open(p).map_err(|e| describe_io(&e))?;
    let m = f.metadata().map_err(|e| describe_io(&e))?;
    if m.is_dir() {
        return Err("is a directory".into());
    }
    let gz = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if !jsonl && !gz && m.is_file() && m.len() > opts.max_doc_bytes as u64 {
        return Err(too_big(m.len(), opts.max_doc_bytes));
    }
    Ok(f)
}

fn too_big(len: u64, max: usize) -> String {
    format!(
        "document of {len} bytes is larger than --max-doc-bytes {max}; skipped (raise the limit to read it)"
    )
}

fn fill_buf_retry<R: BufRead + ?Sized>(r: &mut R) -> io::Result<&[u8]> {
    loop {
        match r.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    r.fill_buf()
}

/// A gzip problem found while reading: the message for the user.
fn gz_problem(e: &io::Error) -> Option<String> {
    e.get_ref()
        .and_then(|x| x.downcast_ref::<GzCorrupt>())
        .map(|g| g.to_string())
}

fn read_text(
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
    text_items(name, bytes, opts.strict, sink)
}

/// The items of one text document's bytes, as read: an error for binary
/// data, bytes that are not UTF-8 (under `strict`; otherwise a warning and
/// U+FFFD) or blank text, else the document.
fn text_items(
    name: &str,
    bytes: Vec<u8>,
    strict: bool,
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
            match document_from_text(name, text) {
                Ok(doc) => sink(Item::Doc(doc)),
                Err(e) => sink(Item::Problem(e.into())),
            }
        }
    }
}

/// Why these bytes are not text, if they are not: a UTF-16 byte-order
/// mark, a NUL byte, or mostly control characters and invalid UTF-8 in the
/// first 8 KiB.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 text (byte-order mark); only UTF-8 is read, skipped".into());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(off) = memchr::memchr(0, head) {
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

fn read_jsonl(
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

/// Counts bytes read into an atomic counter.
struct Counting<'a, R> {
    inner: R,
    counter: Option<&'a AtomicU64>,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// A corrupt gzip member, reported through an [`io::Error`] by
/// [`GzStream`]; reading goes on with the next member.
#[derive(Debug)]
struct GzCorrupt {
    member: u64,
    offset: u64,
    message: String,
    resumed: bool,
}

impl fmt::Display for GzCorrupt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "corrupt gzip member #{} (compressed byte {}: {}); its remaining data is lost, {}",
            self.member,
            self.offset,
            self.message,
            if self.resumed {
                "reading goes on with the next member"
            } else {
                "no further member found"
            }
        )
    }
}

impl std::error::Error for GzCorrupt {}

/// Keep at most this many compressed bytes of the current gzip member, to
/// look for the next member's header in them after a corruption.
const GZ_REPLAY_CAP: usize = 4 << 20;

/// The compressed stream under a [`GzStream`]: tracks the position, records
/// the bytes of the current member (up to [`GZ_REPLAY_CAP`]) and can replay
/// bytes it was given back.
struct Pos<R> {
    inner: R,
    pos: u64,
    record: Vec<u8>,
    replay: Vec<u8>,
    replay_at: usize,
}

impl<R: BufRead> Read for Pos<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Pos<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.replay_at < self.replay.len() {
            return Ok(&self.replay[self.replay_at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if amt == 0 {
            return;
        }
        self.pos += amt as u64;
        let room = GZ_REPLAY_CAP.saturating_sub(self.record.len());
        if self.replay_at < self.replay.len() {
            let part = &self.replay[self.replay_at..self.replay_at + amt];
            self.record.extend_from_slice(&part[..amt.min(room)]);
            self.replay_at += amt;
            if self.replay_at == self.replay.len() {
                self.replay.clear();
                self.replay_at = 0;
            }
        } else {
            if room > 0 {
                if let Ok(b) = self.inner.fill_buf() {
                    let n = amt.min(room).min(b.len());
                    self.record.extend_from_slice(&b[..n]);
                }
            }
            self.inner.consume(amt);
        }
    }
}

/// Could `b` start a gzip member? (`1f 8b 08`, reserved flag bits clear;
/// a header cut off by the end of the buffer counts when its start fits.)
fn plausible_header(b: &[u8]) -> bool {
    let want = [0x1f, 0x8b, 0x08];
    let n = b.len().min(3);
    b[..n] == want[..n] && (b.len() < 4 || b[3] & 0xe0 == 0)
}

fn find_header(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < b.len() {
        let at = i + memchr::memchr(0x1f, &b[i..])?;
        if plausible_header(&b[at..]) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Multi-member gzip that survives a corrupt member: the error is returned
/// once (as a [`GzCorrupt`] inside an [`io::Error`]), then reading resumes
/// at the next gzip header after the corrupt member's start.
struct GzStream<R: BufRead> {
    dec: Option<flate2::bufread::GzDecoder<Pos<R>>>,
    inner: Option<Pos<R>>,
    member: u64,
    member_start: u64,
}

impl<R: BufRead> GzStream<R> {
    fn new(inner: R) -> Self {
        GzStream {
            dec: None,
            inner: Some(Pos {
                inner,
                pos: 0,
                record: Vec::new(),
                replay: Vec::new(),
                replay_at: 0,
            }),
            member: 0,
            member_start: 0,
        }
    }

    /// Position `inner` at the next plausible gzip header after the start
    /// of the current member: first among the recorded bytes of the member
    /// (the decoder may have read past the next header), then in the rest
    /// of the stream. Returns false at end of input.
    fn resync(&self, inner: &mut Pos<R>) -> io::Result<bool> {
        let record = std::mem::take(&mut inner.record);
        if record.len() > 1 {
            if let Some(k) = find_header(&record[1..]) {
                let from = 1 + k;
                let mut replay = record[from..].to_vec();
                replay.extend_from_slice(&inner.replay[inner.replay_at..]);
                inner.pos -= (record.len() - from) as u64;
                inner.replay = replay;
                inner.replay_at = 0;
                return Ok(true);
            }
        }
        // nothing recorded (or only the first byte): skip at least one byte
        let mut skip = record.is_empty();
        loop {
            let buf = fill_buf_retry(inner)?;
            if buf.is_empty() {
                return Ok(false);
            }
            let from = usize::from(skip).min(buf.len());
            skip = false;
            match find_header(&buf[from..]) {
                Some(at) => {
                    inner.consume(from + at);
                    inner.record.clear();
                    return Ok(true);
                }
                None => {
                    let n = buf.len();
                    inner.consume(n);
                    inner.record.clear();
                }
            }
        }
    }

    fn corrupt(&mut self, message: String) -> io::Error {
        let mut inner = match self.dec.take() {
            Some(d) => d.into_inner(),
            None => self.inner.take().expect("reader present"),
        };
        let offset = self.member_start;
        let resumed = self.resync(&mut inner).unwrap_or(false);
        self.inner = Some(inner);
        io::Error::new(
            io::ErrorKind::InvalidData,
            GzCorrupt {
                member: self.member,
                offset,
                message,
                resumed,
            },
        )
    }
}

impl<R: BufRead> Read for GzStream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(dec) = &mut self.dec {
                match dec.read(buf) {
                    Ok(0) => {
                        let inner = self.dec.take().expect("decoder present").into_inner();
                        self.inner = Some(inner);
                        continue;
                    }
                    Ok(n) => return Ok(n),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.corrupt(e.to_string())),
                }
            }
            let Some(inner) = self.inner.as_mut() else {
                return Ok(0);
            };
            let head = fill_buf_retry(inner)?;
            if head.is_empty() {
                return Ok(0);
            }
            let is_gz = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
            self.member += 1;
            self.member_start = inner.pos;
            inner.record.clear();
            if is_gz {
                let inner = self.inner.take().expect("reader present");
                self.dec = Some(flate2::bufread::GzDecoder::new(inner));
                continue;
            }
            return Err(self.corrupt("not a gzip header (trailing garbage?)".into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>) -> (Vec<u8>, Vec<String>) {
        let mut s = BufReader::new(GzStream::new(io::Cursor::new(bytes)));
        let mut out = Vec::new();
        let mut errs = Vec::new();
        loop {
            match s.fill_buf() {
                Ok([]) => break,
                Ok(b) => {
                    out.extend_from_slice(b);
                    let n = b.len();
                    s.consume(n);
                }
                Err(e) => errs.push(gz_problem(&e).expect("gzip problem")),
            }
        }
        (out, errs)
    }

    #[test]
    fn multi_member_gzip_survives_a_corrupt_member() {
        let mut bytes = gz(b"one\n");
        let mut bad = gz(b"two two two two two two two two\n");
        let mid = bad.len() / 2;
        for b in &mut bad[12..mid + 4] {
            *b ^= 0x5a;
        }
        bytes.extend_from_slice(&bad);
        bytes.extend_from_slice(&gz(b"three\n"));
        let (out, errs) = read_all(bytes);
        assert_eq!(
            errs.len(),
            1,
            "{errs:?} {:?}",
            String::from_utf8_lossy(&out)
        );
        assert!(errs[0].contains("member #2"), "{errs:?}");
        let out = String::from_utf8_lossy(&out);
        assert!(
            out.starts_with("one\n") && out.ends_with("three\n"),
            "{out}"
        );
    }

    #[test]
    fn plain_multi_member_gzip() {
        let mut bytes = gz(b"a\n");
        bytes.extend_from_slice(&gz(b"b\n"));
        assert_eq!(read_all(bytes), (b"a\nb\n".to_vec(), vec![]));
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
    fn binary_detection() {
        assert!(binary_reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_some());
        assert!(binary_reason("Plain text, café.".as_bytes()).is_none());
        assert!(
            binary_reason(b"Latin-1 caf\xe9 and na\xefve text, mostly ASCII words here.").is_none()
        );
    }
}
