//! Extraction: one text, many texts in parallel (without the GIL), files
//! and directories as the CLI reads them, and JSONL written by the CLI —
//! all but the single text by the library's one reading path
//! (`quotegraph::corpus`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use quotegraph::corpus::{self, Corpus, Holds};
use quotegraph::graph::QuoteGraph;
use quotegraph::input::{InputFormat, Item, ReadOptions};
use quotegraph::{DocRecord, Document, Extractor};

use crate::args::{self, Text};
use crate::errors::{input_to_py, panic_error, problem_to_py, to_py};
use crate::records::PyDocument;

/// The extractor with the embedded lexicon, shared by the module-level
/// functions.
pub(crate) fn default_extractor() -> Arc<Extractor> {
    static DEFAULT: OnceLock<Arc<Extractor>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| Arc::new(Extractor::default()))
        .clone()
}

/// Extract from one document, turning a panic into an error.
fn extract_record(ex: &Extractor, doc: &Document) -> PyResult<DocRecord> {
    catch_unwind(AssertUnwindSafe(|| ex.extract(doc).to_record()))
        .map_err(|p| panic_error(&doc.name, p))
}

/// A corpus read by the library, or the exception for its first error
/// (in input order): the Python functions raise where the CLI goes on.
fn checked(corpus: quotegraph::Result<Corpus>) -> PyResult<Corpus> {
    let corpus = corpus.map_err(to_py)?;
    match corpus.first_error() {
        Some(p) => Err(problem_to_py(p)),
        None => Ok(corpus),
    }
}

/// Extract named texts by the library's reading path: each checked as the
/// CLI checks a file (blank text, bytes that are not UTF-8 or binary are
/// refused in the CLI's words), all extracted on `jobs` threads (0: one
/// per core). Runs without the GIL; the first bad input in input order is
/// the error.
pub(crate) fn extract_texts(
    ex: &Extractor,
    texts: Vec<(String, Text)>,
    jobs: usize,
) -> PyResult<Corpus> {
    let items = texts
        .into_iter()
        .map(|(name, text)| match text.document(&name) {
            Ok(doc) => Item::Doc(doc),
            Err(e) => Item::Problem(e.into()),
        })
        .collect();
    checked(corpus::extract(items, jobs, ex))
}

/// Refuse `-`: a Python function does not read standard input.
fn no_stdin(paths: &[String], instead: &str) -> PyResult<()> {
    if paths.iter().any(|p| p == "-") {
        return Err(PyValueError::new_err(format!(
            "-: standard input is not read here: {instead}"
        )));
    }
    Ok(())
}

/// Read texts from files and directories as `quotegraph graph --strict`
/// does (directories walked, sorted; every file one document) and extract
/// them on `jobs` threads, by the library's reading path. The first
/// problem, in the CLI's order, is the error.
pub(crate) fn read_texts(ex: &Extractor, paths: &[String], jobs: usize) -> PyResult<Corpus> {
    no_stdin(paths, "pass the text to extract()")?;
    checked(corpus::read(paths, &text_options(jobs), ex))
}

/// How `read_texts` and `graph_of_texts` read paths: every file one
/// document of text, refused in the CLI's words when unusable.
fn text_options(jobs: usize) -> corpus::Options {
    corpus::Options {
        read: ReadOptions {
            format: InputFormat::Text,
            strict: true,
            max_doc_bytes: usize::MAX / 2,
            ..ReadOptions::default()
        },
        holds: Holds::Texts,
        jobs,
        progress: None,
    }
}

/// Records from JSONL files, read by the library as `quotegraph graph
/// --from-jsonl` reads them; the first path or file that cannot be read is
/// the error.
pub(crate) fn read_records(paths: &[String]) -> PyResult<Corpus> {
    no_stdin(paths, "pass the lines to Document.from_json()")?;
    checked(corpus::read(paths, &record_options(), &default_extractor()))
}

/// How `read_records` and `graph_of_records` read paths.
fn record_options() -> corpus::Options {
    corpus::Options {
        holds: Holds::Records,
        ..corpus::Options::default()
    }
}

/// The graph of the texts `read_texts` reads, built as `quotegraph graph`
/// builds it: each text extracted and its record spooled, never all
/// records held at once. The first problem, in the CLI's order, is the
/// error.
pub(crate) fn graph_of_texts(
    ex: &Extractor,
    paths: &[String],
    jobs: usize,
) -> PyResult<QuoteGraph> {
    no_stdin(paths, "pass the text to extract()")?;
    graph_checked(corpus::read_graph(
        paths,
        &text_options(jobs),
        ex,
        None,
        true,
    ))
}

/// The graph of the records `read_records` reads, streamed into the graph
/// as `quotegraph graph --from-jsonl` does.
pub(crate) fn graph_of_records(paths: &[String]) -> PyResult<QuoteGraph> {
    no_stdin(paths, "pass the lines to Document.from_json()")?;
    let ex = default_extractor();
    graph_checked(corpus::read_graph(
        paths,
        &record_options(),
        &ex,
        None,
        false,
    ))
}

/// A graph read, or its first error.
fn graph_checked(read: quotegraph::Result<corpus::GraphRead>) -> PyResult<QuoteGraph> {
    let read = read.map_err(to_py)?;
    match read.problems.iter().find(|p| p.is_error()) {
        Some(p) => Err(problem_to_py(p)),
        None => Ok(read.graph),
    }
}

/// The documents of a corpus, each with its text when it has one.
pub(crate) fn documents(corpus: Corpus) -> Vec<PyDocument> {
    corpus
        .records
        .into_iter()
        .zip(corpus.texts)
        .map(|(rec, text)| PyDocument::new(rec, text))
        .collect()
}

/// Extracts attributions with one lexicon.
///
/// ``Extractor()`` uses the lexicon built into quotegraph (what the
/// module-level functions use); ``Extractor(lexicon=DIR)`` reads the RON
/// files in ``DIR`` like the CLI's ``--lexicon DIR`` (missing files fall
/// back to the built-in ones). A malformed file raises ``ValueError``
/// with the CLI's message.
#[pyclass(module = "quotegraph", name = "Extractor", frozen)]
pub struct PyExtractor {
    pub(crate) ex: Arc<Extractor>,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (lexicon = None))]
    fn new(lexicon: Option<PathBuf>) -> PyResult<PyExtractor> {
        let ex = match lexicon {
            None => default_extractor(),
            Some(dir) => Arc::new(corpus::extractor(Some(&dir)).map_err(to_py)?),
        };
        Ok(PyExtractor { ex })
    }

    /// Extract attributions from one text (``str``, or UTF-8 ``bytes``).
    /// ``doc`` names the document (default ``"-"``, as the CLI names
    /// standard input). Raises ``ValueError`` for blank text, or bytes
    /// that are not UTF-8 text, with the CLI's message for such a file.
    #[pyo3(signature = (text, *, doc = None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        doc: Option<String>,
    ) -> PyResult<PyDocument> {
        extract_one(py, &self.ex, text, doc)
    }

    /// Extract from many texts in parallel, without holding the GIL.
    ///
    /// Each item is a text (``str`` or ``bytes``), named by its position
    /// (``"0"``, ``"1"``…), or a ``(doc, text)`` pair. ``threads`` is the
    /// number of worker threads (default: one per core). Returns the
    /// documents in input order; the first bad input raises.
    #[pyo3(signature = (texts, *, threads = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        extract_many_with(py, &self.ex, texts, threads)
    }

    /// Extract from files and directories as ``quotegraph extract PATH…``
    /// reads them: directories are walked for ``*.txt`` files (sorted),
    /// documents are named by their paths as given. The first unusable
    /// path raises (``OSError`` such as ``FileNotFoundError`` for a file
    /// that cannot be read, ``ValueError``…), with the CLI's message.
    #[pyo3(signature = (paths, *, threads = None))]
    fn extract_paths(
        &self,
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        extract_paths_with(py, &self.ex, paths, threads)
    }

    fn __repr__(&self) -> String {
        "<Extractor>".to_string()
    }
}

fn extract_one(
    py: Python<'_>,
    ex: &Arc<Extractor>,
    text: &Bound<'_, PyAny>,
    doc: Option<String>,
) -> PyResult<PyDocument> {
    let text = args::text(text).ok_or_else(|| {
        PyTypeError::new_err(format!(
            "extract: expected str or bytes, got {}",
            args::type_name(text)
        ))
    })??;
    let name = doc.unwrap_or_else(|| "-".to_string());
    let ex = ex.clone();
    let (rec, text) = py.detach(move || {
        let doc = text.document(&name).map_err(input_to_py)?;
        let rec = extract_record(&ex, &doc)?;
        Ok::<_, PyErr>((rec, doc.text))
    })?;
    Ok(PyDocument::new(rec, Some(text)))
}

pub(crate) fn extract_many_with(
    py: Python<'_>,
    ex: &Arc<Extractor>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<PyDocument>> {
    let items = args::texts("extract_many", texts)?;
    let jobs = args::jobs(threads)?;
    let ex = ex.clone();
    let corpus = py.detach(move || extract_texts(&ex, items, jobs))?;
    Ok(documents(corpus))
}

pub(crate) fn extract_paths_with(
    py: Python<'_>,
    ex: &Arc<Extractor>,
    paths: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<PyDocument>> {
    let paths = args::paths("extract_paths", paths)?;
    let jobs = args::jobs(threads)?;
    let ex = ex.clone();
    let corpus = py.detach(move || read_texts(&ex, &paths, jobs))?;
    Ok(documents(corpus))
}

/// Extract attributions from one text (``str``, or UTF-8 ``bytes``).
///
/// ``doc`` names the document (default ``"-"``, as the CLI names standard
/// input). Returns a ``Document`` whose ``to_dict()`` is what ``quotegraph
/// extract --format jsonl`` writes for the same text and name. Raises
/// ``ValueError`` for blank text, or bytes that are not UTF-8 text, with
/// the message the CLI prints for a file holding them (``"-: empty (no
/// text); skipped"``).
#[pyfunction]
#[pyo3(signature = (text, *, doc = None))]
pub fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    doc: Option<String>,
) -> PyResult<PyDocument> {
    extract_one(py, &default_extractor(), text, doc)
}

/// Extract from many texts in parallel, without holding the GIL.
///
/// Each item is a text (``str`` or ``bytes``), named by its position
/// (``"0"``, ``"1"``…), or a ``(doc, text)`` pair. ``threads`` is the
/// number of worker threads (default: one per core). Returns a list of
/// ``Document`` in input order; the first bad input raises ``ValueError``
/// (or ``TypeError`` for an item that is not text).
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None))]
pub fn extract_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<PyDocument>> {
    extract_many_with(py, &default_extractor(), texts, threads)
}

/// Extract from files and directories as ``quotegraph extract PATH…`` reads
/// them.
///
/// ``paths`` is a path or a list of paths (``str`` or ``os.PathLike``).
/// Directories are walked for ``*.txt`` files (sorted); documents are named
/// by their paths as given, so ``to_dict()`` equals the CLI's JSONL. The
/// first unusable path raises with the CLI's message: ``OSError`` for a
/// path that is missing or cannot be read (``FileNotFoundError``,
/// ``PermissionError``…), ``ValueError`` for an empty, binary or
/// non-UTF-8 file.
#[pyfunction]
#[pyo3(signature = (paths, *, threads = None))]
pub fn extract_paths(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Vec<PyDocument>> {
    extract_paths_with(py, &default_extractor(), paths, threads)
}

/// Read extraction records written by ``quotegraph extract --format
/// jsonl`` (one path or a list of paths), as ``quotegraph graph
/// --from-jsonl`` reads them: ``.gz`` files are decompressed, a directory
/// means the ``*.jsonl`` and ``*.jsonl.gz`` files in it (Spark's shards).
/// Returns ``Document`` objects without text. The first file that cannot
/// be used raises, with the message the CLI reports it with:
/// ``FileNotFoundError``/``OSError`` for one that is missing or cannot be
/// read (``"x.jsonl: no such file or directory"``), ``ValueError`` for a
/// line that is not a record (naming the file and line) or bytes that are
/// not UTF-8 or not gzip.
#[pyfunction]
pub fn read_jsonl(py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<Vec<PyDocument>> {
    let paths = args::paths("read_jsonl", paths)?;
    let corpus = py.detach(move || read_records(&paths))?;
    Ok(documents(corpus))
}
