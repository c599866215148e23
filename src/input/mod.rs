//! Reading inputs, every kind the library takes: `.txt` files, JSONL
//! files (one article per line), gzip versions of both, directories of
//! them (recursive), stdin; extraction records (JSONL written by `quotegraph
//! extract`, `.gz`, Spark shard directories); and saved graphs (node-link
//! JSON, RON).
//!
//! Every problem is reported as a [`Problem`] naming the input (and the line,
//! for JSONL), so one bad file, line or gzip member never stops the others.
//! Problems are either warnings (the document was still read, e.g. invalid
//! UTF-8 replaced with U+FFFD) or errors (something was skipped).
//!
//! [`read_inputs`] streams documents one at a time and never holds more than
//! one document (at most [`ReadOptions::max_doc_bytes`]) in memory;
//! [`crate::pipeline`] runs it on a reader thread, and [`crate::corpus`]
//! turns any mix of inputs into records and a graph.
//!
//! | file | holds |
//! |---|---|
//! | `walk.rs` | command-line paths to inputs (directories walked) |
//! | `text.rs` | one text document: binary check, UTF-8 decoding, blank text |
//! | `jsonl.rs` | articles in JSONL, their text and id fields |
//! | `gzip.rs` | multi-member gzip that survives a corrupt member |
//! | `records.rs` | extraction records (JSONL, `.gz`, shard directories) |
//! | `saved.rs` | saved graphs (node-link JSON, RON) |

mod gzip;
mod jsonl;
mod records;
mod saved;
mod text;
mod walk;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::Error;
use crate::extract::Document;
use gzip::{fill_buf_retry, GzStream};

pub(crate) use records::{for_each_record, Got};
pub use records::{holds_records, read_record_paths, read_records};
pub use saved::read_node_link;
pub(crate) use saved::{is_saved_graph, read_saved_graph, unreadable_export};
pub use text::{
    binary_reason, decode, document_from_bytes, document_from_text, universal_newlines,
};
pub use walk::{expand_inputs, is_input_name};
pub(crate) use walk::{expand_inputs_seen, FilesSeen};

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
                Input::File(p) => walk::is_jsonl_name(p),
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
    /// Read texts as Python's text mode does, `\r\n` and lone `\r` as
    /// `\n` ([`universal_newlines`]): the offsets of brat gold count them
    /// so ([`crate::eval`]).
    pub universal_newlines: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            text_field: "text".into(),
            id_field: DEFAULT_ID_FIELD.into(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            strict: false,
            universal_newlines: false,
        }
    }
}

/// The JSONL id field when none is named (`--id-field`).
pub(crate) const DEFAULT_ID_FIELD: &str = "id";

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
    pub(crate) fn error(path: &str, line: Option<u64>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn warning(path: &str, line: Option<u64>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, line, message)
        }
    }

    /// True for errors (something was skipped).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A panic while extracting `doc`, caught: the document is skipped.
    pub(crate) fn internal(doc: &str, what: &str) -> Problem {
        Problem::error(
            doc,
            None,
            format!("{INTERNAL} ({what}); document skipped — please report it"),
        )
    }

    /// True for a bug in quotegraph rather than a problem with the input: a
    /// panic caught while extracting a document.
    pub fn is_internal(&self) -> bool {
        self.is_error() && self.line.is_none() && self.message.starts_with(INTERNAL)
    }
}

/// How [`Problem::internal`] begins.
const INTERNAL: &str = "internal error while extracting";

impl fmt::Display for Problem {
    /// `PATH: message` or `PATH:LINE: message`, on one line: control
    /// characters in the path and the message (a file name or a document
    /// id may hold a newline or an escape sequence) are written escaped,
    /// as `\n` or `\u{1b}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = escape_controls(&self.path);
        let message = escape_controls(&self.message);
        match self.line {
            Some(l) => write!(f, "{path}:{l}: {message}"),
            None => write!(f, "{path}: {message}"),
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

impl From<Problem> for Error {
    /// An [`Error::Input`] with the problem's words: `PATH: message`, or
    /// `PATH:LINE: message`.
    fn from(p: Problem) -> Error {
        Error::Input {
            path: match p.line {
                Some(l) => format!("{}:{l}", p.path),
                None => p.path,
            },
            message: p.message,
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

/// Read every input in order, calling `sink` with each document and each
/// problem. A document whose name (JSONL id, or path) was already read is
/// a problem and is skipped: the first one is kept. Stops early when `sink` returns [`ControlFlow::Break`].
/// `raw_bytes`, when given, counts the bytes read from files and stdin
/// (compressed bytes for gzip), for progress reports.
pub fn read_inputs(
    inputs: &[Input],
    opts: &ReadOptions,
    raw_bytes: Option<&AtomicU64>,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut seen = SeenIds::default();
    for input in inputs {
        let name = input.name();
        read_input(input, opts, raw_bytes, &mut |item| {
            match item {
            Item::Doc(d) if !seen.first(&d.name) => sink(Item::Problem(Problem::error(
                &name,
                None,
                format!(
                    "document `{}` was already read (the same id or name); the first is kept, this one skipped",
                    d.name
                ),
            ))),
            item => sink(item),
        }
        })?;
    }
    ControlFlow::Continue(())
}

/// The document names met so far, as 128-bit hashes (memory stays small
/// on a corpus of millions of documents).
#[derive(Default)]
pub(crate) struct SeenIds(std::collections::HashSet<u128>);

impl SeenIds {
    /// True the first time `name` is seen.
    pub(crate) fn first(&mut self, name: &str) -> bool {
        use std::hash::{Hash, Hasher};
        let half = |salt: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut h);
            name.hash(&mut h);
            h.finish()
        };
        self.0
            .insert((u128::from(half(1)) << 64) | u128::from(half(2)))
    }
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
        jsonl::read_articles(&name, &mut reader, opts, sink)
    } else {
        text::read_text(&name, &mut reader, opts, sink)
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

/// Counts bytes read into an atomic counter.
pub(super) struct Counting<'a, R> {
    pub(super) inner: R,
    pub(super) counter: Option<&'a AtomicU64>,
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
