//! Getting a graph to query: from texts, extraction records, or a graph
//! saved by the RON or node-link JSON exporter.

use std::path::Path;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::QuoteGraph;
use crate::input::{self, InputFormat, Problem, ReadOptions};
use crate::pipeline::{self, Event};
use crate::record::DocRecord;

/// A graph read from inputs, with the problems of inputs that were
/// skipped.
#[derive(Debug)]
pub struct Loaded {
    /// The graph.
    pub graph: QuoteGraph,
    /// One error per input that could not be read; the others are in the
    /// graph.
    pub errors: Vec<Error>,
    /// Problems with texts that were still read (invalid UTF-8 replaced
    /// with U+FFFD, a symlink loop not followed).
    pub warnings: Vec<Problem>,
}

/// What a command-line path holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A graph written by the RON exporter.
    Ron,
    /// A graph written by the node-link JSON exporter.
    NodeLink,
    /// Extraction records, one JSON object a line.
    Jsonl,
    /// Texts: a file, a directory of `*.txt`, or `-`.
    Text,
}

fn kind_of(p: &str) -> Kind {
    let ext = Path::new(p)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ron") => Kind::Ron,
        Some("json") => Kind::NodeLink,
        Some("jsonl") => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// Read a graph from `paths`, each one of:
/// - texts: a file, a directory (recursive, `*.txt`) or `-` for stdin,
///   extracted with `ex`;
/// - extraction records (`*.jsonl`, as `quotegraph extract --format jsonl`
///   writes them);
/// - a saved graph: `*.ron` (the RON exporter) or `*.json` (the node-link
///   JSON exporter). At most one; texts and records given with it are
///   added to it.
///
/// An input that cannot be read is reported in [`Loaded::errors`] and
/// skipped; a saved graph that cannot be read, a second saved graph, or
/// records that do not fit in one graph (the same document twice) are
/// errors.
///
/// Texts are read with the default [`ReadOptions`], as `quotegraph
/// extract` reads them: invalid UTF-8 is replaced with U+FFFD (a warning
/// in [`Loaded::warnings`]) and texts over 16 MiB are skipped. See
/// [`load_with_options`].
pub fn load_with(ex: &Extractor, paths: &[String]) -> Result<Loaded> {
    load_with_options(ex, paths, &ReadOptions::default())
}

/// [`load_with`], reading texts with `opts`' size limit and decoding
/// ([`ReadOptions::max_doc_bytes`], [`ReadOptions::strict`]); every text
/// input is one document (its `format` is not used). Texts are extracted
/// in parallel, in input order, by [`pipeline::run`].
pub fn load_with_options(ex: &Extractor, paths: &[String], opts: &ReadOptions) -> Result<Loaded> {
    let text_opts = ReadOptions {
        format: InputFormat::Text,
        ..opts.clone()
    };
    let mut saved: Option<(String, QuoteGraph)> = None;
    let mut records: Vec<DocRecord> = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        match kind_of(p) {
            k @ (Kind::Ron | Kind::NodeLink) => {
                if let Some((first, _)) = &saved {
                    return Err(Error::Input {
                        path: p.clone(),
                        message: format!(
                            "only one saved graph can be queried at a time (already read {first})"
                        ),
                    });
                }
                let _ = k;
                saved = Some((p.clone(), input::read_saved_graph(p)?));
            }
            Kind::Jsonl => {
                let read = std::fs::File::open(p)
                    .map_err(|e| Error::io(p.as_str(), e))
                    .and_then(|f| input::read_records(std::io::BufReader::new(f), p));
                match read {
                    Ok(r) => records.extend(r),
                    Err(e) => errors.push(e),
                }
            }
            Kind::Text => {
                let (inputs, problems) = input::expand_inputs(std::slice::from_ref(p));
                let mut sort = |p: Problem| {
                    if p.is_error() {
                        errors.push(Error::Input {
                            path: p.path,
                            message: p.message,
                        });
                    } else {
                        warnings.push(p);
                    }
                };
                problems.into_iter().for_each(&mut sort);
                pipeline::run(
                    &inputs,
                    &text_opts,
                    &pipeline::Options::default(),
                    None,
                    |doc| ex.extract(doc).to_record(),
                    |ev| {
                        match ev {
                            Event::Doc(r) => records.push(r),
                            Event::Problem(p) => sort(p),
                        }
                        Ok(())
                    },
                )
                .map_err(|e| Error::io(p.as_str(), e))?;
            }
        }
    }
    let graph = match saved {
        Some((_, mut g)) => {
            g.extend(&records)?;
            g
        }
        None => QuoteGraph::from_extractions(&records)?,
    };
    Ok(Loaded {
        graph,
        errors,
        warnings,
    })
}

/// [`load_with`] the default extractor, failing on the first input that
/// cannot be read.
///
/// ```no_run
/// let g = quotegraph::query::load(&["data/articles"]).unwrap();
/// println!("{}", g.summary());
/// ```
pub fn load<S: AsRef<str>>(paths: &[S]) -> Result<QuoteGraph> {
    let paths: Vec<String> = paths.iter().map(|p| p.as_ref().to_string()).collect();
    let loaded = load_with(&Extractor::default(), &paths)?;
    match loaded.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(loaded.graph),
    }
}

pub use crate::input::read_node_link;
