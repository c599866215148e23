//! From inputs to records and a graph: the one reading path of `quotegraph
//! graph`, `build` and `query`, of [`crate::eval`], [`crate::query::load`]
//! and the Python binding (`quotegraph extract` streams the same inputs
//! through [`crate::pipeline`] without holding them).
//!
//! [`read`] takes command-line paths — texts, extraction records or a
//! saved graph, as [`Options::holds`] says — reads them with
//! [`crate::input`], extracts the texts in parallel and in input order, and
//! gives a [`Corpus`]: the records, the texts they came from, and every
//! problem with an input. [`Corpus::graph`] builds the graph, giving each
//! statement of a text its sentence context.
//!
//! ```
//! use quotegraph::{corpus, Extractor};
//!
//! let ex = Extractor::default();
//! let corpus = corpus::read(&["data/articles".into()], &corpus::Options::default(), &ex).unwrap();
//! assert!(corpus.problems.is_empty());
//! let g = corpus.graph(ex.lexicon()).unwrap();
//! assert!(g.node("person:sergey-lavrov").is_some());
//! ```

use std::io;
use std::ops::ControlFlow;
use std::path::Path;

use crate::error::{Error, Result};
use crate::extract::{Document, Extractor};
use crate::graph::QuoteGraph;
use crate::input::{self, Input, InputFormat, Item, Problem, ReadOptions};
use crate::lexicon::Lexicon;
use crate::pipeline::{self, Event, Progress, Summary};
use crate::record::DocRecord;

/// What command-line paths hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Holds {
    /// Texts: files, directories (walked recursively), `-` for stdin, read
    /// as [`Options::read`] says (text or JSONL articles, gzip or not).
    #[default]
    Texts,
    /// Extraction records, as `quotegraph graph --from-jsonl` reads them
    /// ([`input::read_record_paths`]): JSONL files written by `quotegraph
    /// extract --format jsonl`, `.gz`, directories of shards, `-`.
    Records,
    /// Each path by its name, as `quotegraph query` takes them: a saved
    /// graph (`*.ron`, node-link `*.json`; at most one, which the rest is
    /// added to), extraction records (`*.jsonl[.gz]` whose first line is
    /// a record, with `--input-format auto`), else texts read as
    /// [`Options::read`] says (JSONL articles by name, like `extract`).
    ByName,
}

/// How to read a corpus.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How texts are read: format, JSONL fields, size limit, decoding.
    pub read: ReadOptions,
    /// What the paths hold.
    pub holds: Holds,
    /// Worker threads extracting texts; 0 means one per core.
    pub jobs: usize,
    /// Counters updated while texts are read and extracted, for a
    /// progress bar (none when `None`).
    pub progress: Option<std::sync::Arc<Progress>>,
}

/// What a corpus read gave: records in input order, the text of each
/// record extracted here, a saved graph they add to, and the problems.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Extraction records, in input order: those of texts extracted here
    /// (which keep their [`sentences`](DocRecord::sentences)) and those
    /// read back from JSONL.
    pub records: Vec<DocRecord>,
    /// The text of each record, `None` for records read back: as long as
    /// [`records`](Self::records), in the same order.
    pub texts: Vec<Option<String>>,
    /// A saved graph read from a path (and the path), which the records
    /// are added to.
    pub saved: Option<(String, QuoteGraph)>,
    /// Problems with inputs, in input order: warnings (a text still read)
    /// and errors (something skipped).
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// The first error among the problems, if any (warnings are not).
    pub fn first_error(&self) -> Option<&Problem> {
        self.problems.iter().find(|p| p.is_error())
    }

    /// Records with their texts, in order.
    pub(crate) fn docs(&self) -> impl Iterator<Item = (&DocRecord, Option<&str>)> {
        self.records
            .iter()
            .zip(self.texts.iter().map(Option::as_deref))
    }

    /// The graph of the corpus: the saved graph (if one was read) with the
    /// records added, else the records' graph with titles recognized with
    /// `lex`; every statement of a text gets its sentence context (as
    /// [`QuoteGraph::from_texts`] gives it, without copying the records).
    /// Fails when records do not fit in one graph (the same document
    /// twice).
    pub fn graph(&self, lex: &Lexicon) -> Result<QuoteGraph> {
        let base = match &self.saved {
            Some((_, g)) => g.clone(),
            None => QuoteGraph::with_lexicon(lex),
        };
        self.add_to(base)
    }

    /// [`graph`](Self::graph), without copying a saved graph.
    pub fn into_graph(mut self, lex: &Lexicon) -> Result<QuoteGraph> {
        match self.saved.take() {
            Some((_, g)) => self.add_to(g),
            None => self.graph(lex),
        }
    }

    /// `g` with the records added (with the look-ahead of
    /// [`QuoteGraph::extend`]) and the texts' sentence context attached.
    fn add_to(&self, mut g: QuoteGraph) -> Result<QuoteGraph> {
        g.extend(&self.records)?;
        for (rec, text) in self.docs() {
            if let Some(text) = text {
                g.attach_text(rec, text);
            }
        }
        Ok(g)
    }

    fn push(&mut self, record: DocRecord, text: Option<String>) {
        self.records.push(record);
        self.texts.push(text);
    }

    /// Keep what extraction handed over: a record with its text, or a
    /// problem.
    fn take(&mut self, ev: Event<(DocRecord, String)>) -> io::Result<()> {
        match ev {
            Event::Doc((rec, text)) => self.push(rec, Some(text)),
            Event::Problem(p) => self.problems.push(p),
        }
        Ok(())
    }

    /// Read and extract texts: the paths expanded (their problems first),
    /// then every document.
    fn read_texts(
        &mut self,
        paths: &[String],
        opts: &Options,
        seen: &mut input::FilesSeen,
        ex: &Extractor,
    ) -> Result<()> {
        let read = &opts.read;
        let (inputs, problems) = input::expand_inputs_seen(paths, seen);
        self.problems.extend(problems);
        extract_inputs(
            &inputs,
            read,
            opts.jobs,
            opts.progress.as_deref(),
            ex,
            |rec, doc| (rec, doc.text.clone()),
            |ev| self.take(ev),
        )
        .map_err(|e| Error::io("reading inputs", e))?;
        Ok(())
    }

    fn read_records(&mut self, paths: &[String]) {
        let (records, problems) = input::read_record_paths(paths);
        for r in records {
            self.push(r, None);
        }
        self.problems.extend(problems);
    }

    /// One path of a [`Holds::ByName`] read.
    fn read_by_name(
        &mut self,
        p: &String,
        opts: &Options,
        seen: &mut input::FilesSeen,
        ex: &Extractor,
    ) -> Result<()> {
        if input::is_saved_graph(p) {
            if let Some((first, _)) = &self.saved {
                return Err(Error::Input {
                    path: p.clone(),
                    message: format!(
                        "only one saved graph can be queried at a time (already read {first})"
                    ),
                });
            }
            self.saved = Some((p.clone(), input::read_saved_graph(p)?));
        } else if let Some(message) = input::unreadable_export(p) {
            return Err(Error::Input {
                path: p.clone(),
                message,
            });
        } else if opts.read.format == InputFormat::Auto
            && is_records_name(p)
            && input::holds_records(p)
        {
            self.read_records(std::slice::from_ref(p));
        } else {
            self.read_texts(std::slice::from_ref(p), opts, seen, ex)?;
        }
        Ok(())
    }
}

/// May `path` be a file of extraction records by its name (`*.jsonl`,
/// `*.jsonl.gz`)? [`input::holds_records`] then looks inside.
fn is_records_name(path: &str) -> bool {
    let name = path.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// Read `inputs` (see [`input::read_inputs`]), extract every document
/// with `ex` on `jobs` worker threads (0: one per core), and hand
/// `then(record, document)` to `sink` with the problems, in input order,
/// as they come: how `quotegraph extract` writes records without holding
/// them, and how [`read`] reads texts. `progress`, when given, is updated
/// as it goes. Returns the sink's first error, after which nothing more is
/// read.
pub fn extract_inputs<T, F, S>(
    inputs: &[Input],
    read: &ReadOptions,
    jobs: usize,
    progress: Option<&Progress>,
    ex: &Extractor,
    then: F,
    sink: S,
) -> io::Result<Summary>
where
    T: Send,
    F: Fn(DocRecord, &Document) -> T + Sync,
    S: FnMut(Event<T>) -> io::Result<()>,
{
    pipeline::run_source(
        |s| input::read_inputs(inputs, read, progress.map(|p| &p.raw_bytes), s),
        &pipeline::Options {
            jobs,
            ..pipeline::Options::default()
        },
        progress,
        |doc| then(ex.extract(doc).to_record(), doc),
        sink,
    )
}

/// Read `paths` as `opts` says, extracting texts with `ex`.
///
/// An input that cannot be read (or a line of it) is a problem in
/// [`Corpus::problems`] and is skipped; the error is a saved graph that
/// cannot be read or a second one ([`Holds::ByName`]), or worker threads
/// that cannot be started.
pub fn read(paths: &[String], opts: &Options, ex: &Extractor) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut seen = input::FilesSeen::default();
    match opts.holds {
        Holds::Texts => corpus.read_texts(paths, opts, &mut seen, ex)?,
        Holds::Records => corpus.read_records(paths),
        Holds::ByName => {
            for p in paths {
                corpus.read_by_name(p, opts, &mut seen, ex)?;
            }
        }
    }
    corpus.drop_repeats();
    // records read back keep only what the extractor's scope admits, as
    // texts extracted here do
    for r in &mut corpus.records {
        ex.scope().retain(r);
    }
    Ok(corpus)
}

impl Corpus {
    /// One document, one record: a record whose document was already read
    /// (or is in the saved graph) is reported and dropped, the first kept,
    /// so the same document given twice never aborts the graph.
    fn drop_repeats(&mut self) {
        let mut seen = input::SeenIds::default();
        let mut keep = Vec::with_capacity(self.records.len());
        for r in &self.records {
            let in_saved = self
                .saved
                .as_ref()
                .is_some_and(|(_, g)| g.node(&format!("document:{}", r.doc)).is_some());
            let first = seen.first(&r.doc) && !in_saved;
            if !first {
                let whence = if in_saved {
                    "is already in the saved graph"
                } else {
                    "was already read (the same id or name)"
                };
                self.problems.push(Problem::error(
                    &r.doc,
                    None,
                    format!("document {whence}; the first is kept, this one skipped"),
                ));
            }
            keep.push(first);
        }
        if keep.iter().all(|&k| k) {
            return;
        }
        let mut k = keep.iter();
        self.records
            .retain(|_| *k.next().expect("one flag a record"));
        let mut k = keep.iter();
        self.texts.retain(|_| *k.next().expect("one flag a text"));
    }
}

/// Extract documents already in memory (or the problems met making them,
/// which are kept in order), on `jobs` worker threads (0: one per core),
/// as [`read`] extracts texts.
///
/// ```
/// use quotegraph::{corpus, input::Item, Document, Extractor};
///
/// let ex = Extractor::default();
/// let docs = vec![Item::Doc(Document::new("a.txt", "Russia is ready to talk, Lavrov said."))];
/// let corpus = corpus::extract(docs, 1, &ex).unwrap();
/// assert_eq!(corpus.records[0].attributions.len(), 1);
/// ```
pub fn extract(docs: Vec<Item>, jobs: usize, ex: &Extractor) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    pipeline::run_source(
        |sink| {
            for item in docs {
                sink(item)?;
            }
            ControlFlow::Continue(())
        },
        &pipeline::Options {
            jobs,
            ..pipeline::Options::default()
        },
        None,
        |doc| (ex.extract(doc).to_record(), doc.text.clone()),
        |ev| corpus.take(ev),
    )
    .map_err(|e| Error::io("reading inputs", e))?;
    Ok(corpus)
}

/// The extractor of a lexicon directory, as `--lexicon DIR` (and Python's
/// `Extractor(lexicon=DIR)`) names it: its RON files, the embedded ones for
/// those missing; without a directory, the embedded lexicon.
pub fn extractor(lexicon_dir: Option<&Path>) -> Result<Extractor> {
    Ok(match lexicon_dir {
        Some(dir) => Extractor::new(Lexicon::from_dir(dir)?),
        None => Extractor::default(),
    })
}
