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
//! statement of a text its sentence context. [`read_for_graph`] keeps only
//! those contexts instead of the texts, and [`read_graph`] builds the graph
//! of texts without holding either the texts or all their records (they
//! are spooled to a temporary file): how `quotegraph graph` and `build`
//! fit a corpus many times bigger than what a [`Corpus`] of it would hold.
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
use crate::graph::{QuoteGraph, StatementContext};
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
    /// With [`read_for_graph`], the sentence context of each attribution
    /// of each record (cut from its text, which is not kept); else empty.
    contexts: Vec<Vec<Option<StatementContext>>>,
}

/// What a corpus read keeps of each text it extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// The text ([`Corpus::texts`]).
    Texts,
    /// Only the sentence context of each attribution: what the graph shows
    /// of a text, a fraction of its size.
    Contexts,
}

/// What the extraction of one text hands over beside its record.
enum Kept {
    Text(String),
    Contexts(Vec<Option<StatementContext>>),
}

impl Kept {
    fn of(keep: Keep, rec: &DocRecord, text: &str) -> Kept {
        match keep {
            Keep::Texts => Kept::Text(text.to_string()),
            Keep::Contexts => Kept::Contexts(crate::graph::contexts_of(rec, text)),
        }
    }
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
        let mut g = self.add_to(base)?;
        for (rec, contexts) in self.records.iter().zip(&self.contexts) {
            g.attach_contexts(rec, contexts.clone());
        }
        Ok(g)
    }

    /// [`graph`](Self::graph), without copying a saved graph.
    pub fn into_graph(mut self, lex: &Lexicon) -> Result<QuoteGraph> {
        self.take_graph(lex)
    }

    /// [`graph`](Self::graph), moving the saved graph and the statements'
    /// contexts kept by [`read_for_graph`] into it rather than copying
    /// them; the records and problems stay.
    pub fn take_graph(&mut self, lex: &Lexicon) -> Result<QuoteGraph> {
        let base = match self.saved.take() {
            Some((_, g)) => g,
            None => QuoteGraph::with_lexicon(lex),
        };
        let mut g = self.add_to(base)?;
        let contexts = std::mem::take(&mut self.contexts);
        for (rec, contexts) in self.records.iter().zip(contexts) {
            g.attach_contexts(rec, contexts);
        }
        Ok(g)
    }

    /// `g` with the records added (with the look-ahead of
    /// [`QuoteGraph::extend`]) and the sentence context of the texts (or
    /// of the contexts kept) attached.
    fn add_to(&self, mut g: QuoteGraph) -> Result<QuoteGraph> {
        g.extend(&self.records)?;
        for (rec, text) in self.docs() {
            if let Some(text) = text {
                g.attach_text(rec, text);
            }
        }
        Ok(g)
    }

    fn push(&mut self, record: DocRecord, kept: Option<Kept>) {
        self.records.push(record);
        match kept {
            Some(Kept::Text(text)) => self.texts.push(Some(text)),
            Some(Kept::Contexts(contexts)) => {
                // as long as the records once the first context comes
                self.contexts.resize_with(self.records.len() - 1, Vec::new);
                self.contexts.push(contexts);
                self.texts.push(None);
            }
            None => self.texts.push(None),
        }
    }

    /// Keep what extraction handed over: a record with its text (or its
    /// contexts), or a problem.
    fn take(&mut self, ev: Event<(DocRecord, Kept)>) -> io::Result<()> {
        match ev {
            Event::Doc((rec, kept)) => self.push(rec, Some(kept)),
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
        keep: Keep,
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
            |rec, doc| {
                let kept = Kept::of(keep, &rec, &doc.text);
                (rec, kept)
            },
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
        keep: Keep,
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
            let counter = opts.progress.as_deref().map(|p| &p.raw_bytes);
            self.saved = Some((p.clone(), input::read_saved_graph(p, counter)?));
        } else if holds_records(p, opts)? {
            self.read_records(std::slice::from_ref(p));
        } else {
            self.read_texts(std::slice::from_ref(p), opts, seen, ex, keep)?;
        }
        Ok(())
    }
}

/// Does `p`, a path of a [`Holds::ByName`] read other than a saved graph,
/// hold extraction records (by its name and first line) rather than
/// texts? An export that cannot be read back is an error.
fn holds_records(p: &str, opts: &Options) -> Result<bool> {
    if let Some(message) = input::unreadable_export(p) {
        return Err(Error::Input {
            path: p.to_string(),
            message,
        });
    }
    Ok(opts.read.format == InputFormat::Auto && is_records_name(p) && input::holds_records(p))
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
    read_keeping(paths, opts, ex, Keep::Texts)
}

/// [`read`] for a graph: instead of each text ([`Corpus::texts`] are all
/// `None`), only the sentence context of each of its attributions is
/// kept, which [`Corpus::graph`] gives the statements. How `quotegraph
/// graph`, `build` and `query` read a corpus: the texts, as big as the
/// corpus, are never all in memory.
pub fn read_for_graph(paths: &[String], opts: &Options, ex: &Extractor) -> Result<Corpus> {
    read_keeping(paths, opts, ex, Keep::Contexts)
}

fn read_keeping(paths: &[String], opts: &Options, ex: &Extractor, keep: Keep) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut seen = input::FilesSeen::default();
    match opts.holds {
        Holds::Texts => corpus.read_texts(paths, opts, &mut seen, ex, keep)?,
        Holds::Records => corpus.read_records(paths),
        Holds::ByName => {
            for p in paths {
                corpus.read_by_name(p, opts, &mut seen, ex, keep)?;
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
                self.problems.push(repeated_document(&r.doc, in_saved));
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
        if !self.contexts.is_empty() {
            self.contexts.resize_with(keep.len(), Vec::new);
            let mut k = keep.iter();
            self.contexts
                .retain(|_| *k.next().expect("one flag a context"));
        }
    }
}

/// The error for a document read again (`in_saved`: already in the saved
/// graph): one policy for [`read`] and [`read_graph`].
fn repeated_document(doc: &str, in_saved: bool) -> Problem {
    let whence = if in_saved {
        "is already in the saved graph"
    } else {
        "was already read (the same id or name)"
    };
    Problem::error(
        doc,
        None,
        format!("document {whence}; the first is kept, this one skipped"),
    )
}

/// A graph read straight from texts by [`read_graph`].
#[derive(Debug)]
pub struct GraphRead {
    /// The graph, with every statement's sentence context.
    pub graph: QuoteGraph,
    /// Problems with inputs, in input order.
    pub problems: Vec<Problem>,
    /// How many documents were read (records added).
    pub documents: usize,
}

/// The graph of `paths` (read as `opts` says, [`Options::holds`]
/// included), equal to `read(..)?.graph(..)` but built without ever
/// holding the texts or all their records: each text is extracted, its
/// statements' sentence contexts cut, its full names noted (the
/// look-ahead of [`QuoteGraph::extend`]) and its record spooled to a
/// temporary file, and so is each record read back from JSONL
/// ([`Holds::Records`], `quotegraph graph --from-jsonl`); then the
/// records are read back one at a time into the graph (with
/// [`Holds::ByName`], into the saved graph among the paths, read first).
/// Memory is the graph's. Each record is also written as a JSONL line to
/// `records_out` when given (`quotegraph build`'s `extractions.jsonl`).
/// With `contexts` false the statements get no sentence context (exports
/// other than HTML and RON do not show it; see
/// [`Format::keeps_context`](crate::export::Format::keeps_context)),
/// which saves about a quarter of the graph's memory.
///
/// A path, file or line that cannot be read is a problem (the rest is
/// read), and so is a document read twice; the error is a saved graph
/// that cannot be read or a second one, an export that cannot be read
/// back, or the temporary spool failing.
///
/// ```
/// use quotegraph::{corpus, Extractor};
///
/// let ex = Extractor::default();
/// let paths = ["data/articles".to_string()];
/// let opts = corpus::Options::default();
/// let read = corpus::read_graph(&paths, &opts, &ex, None, true).unwrap();
/// let held = corpus::read(&paths, &opts, &ex).unwrap();
/// assert_eq!(read.documents, held.records.len());
/// assert_eq!(read.graph, held.graph(ex.lexicon()).unwrap());
/// ```
pub fn read_graph(
    paths: &[String],
    opts: &Options,
    ex: &Extractor,
    records_out: Option<&mut dyn io::Write>,
    contexts: bool,
) -> Result<GraphRead> {
    let mut spool = Spool::new(QuoteGraph::with_lexicon(ex.lexicon()), records_out)?;
    let mut seen = input::FilesSeen::default();
    let reading = |e| Error::io("reading inputs", e);
    match opts.holds {
        Holds::Texts => spool_texts(&mut spool, paths, opts, &mut seen, ex, contexts),
        Holds::Records => input::for_each_record(paths, &mut |got| spool.take_read(got, ex)),
        Holds::ByName => {
            // the saved graph first: the rest is added to it
            let mut saved = paths.iter().filter(|p| input::is_saved_graph(p));
            if let Some(first) = saved.next() {
                if let Some(second) = saved.next() {
                    return Err(Error::Input {
                        path: second.clone(),
                        message: format!(
                            "only one saved graph can be queried at a time (already read {first})"
                        ),
                    });
                }
                let counter = opts.progress.as_deref().map(|p| &p.raw_bytes);
                spool.g = input::read_saved_graph(first, counter)?;
                spool.saved = true;
            }
            for p in paths.iter().filter(|p| !input::is_saved_graph(p)) {
                spool_by_name(&mut spool, p, opts, &mut seen, ex, contexts)?;
            }
            Ok(())
        }
    }
    .map_err(reading)?;
    spool.finish()
}

/// Records on their way into a graph ([`read_graph`]): each noted in the
/// graph (its full names) and written to a temporary file, to be added
/// once all are read.
struct Spool<'w> {
    /// The graph they go into (the saved graph of a query, or empty).
    g: QuoteGraph,
    /// True when `g` is a saved graph: its claims are grouped again.
    saved: bool,
    ids: input::SeenIds,
    file: io::BufWriter<std::fs::File>,
    records_out: Option<&'w mut dyn io::Write>,
    problems: Vec<Problem>,
    documents: usize,
    statements: usize,
    entities: usize,
}

fn spool_error(e: io::Error) -> Error {
    Error::io("the temporary record spool", e)
}

impl<'w> Spool<'w> {
    fn new(g: QuoteGraph, records_out: Option<&'w mut dyn io::Write>) -> Result<Spool<'w>> {
        let file = tempfile::tempfile().map_err(spool_error)?;
        Ok(Spool {
            g,
            saved: false,
            ids: input::SeenIds::default(),
            file: io::BufWriter::with_capacity(1 << 20, file),
            records_out,
            problems: Vec::new(),
            documents: 0,
            statements: 0,
            entities: 0,
        })
    }

    /// Take a record (with the sentence contexts of its statements): one
    /// document, one record, as [`read`] keeps them.
    fn take(&mut self, rec: &DocRecord, contexts: &[Option<StatementContext>]) -> io::Result<()> {
        use std::io::Write;
        let first = self.ids.first(&rec.doc);
        let in_saved = self.saved && self.g.node(&format!("document:{}", rec.doc)).is_some();
        if !first || in_saved {
            self.problems.push(repeated_document(&rec.doc, in_saved));
            return Ok(());
        }
        self.g.note_names(rec);
        if let Some(out) = self.records_out.as_mut() {
            serde_json::to_writer(&mut **out, rec)?;
            out.write_all(b"\n")?;
        }
        serde_json::to_writer(&mut self.file, &(rec, contexts))?;
        self.file.write_all(b"\n")?;
        self.documents += 1;
        self.statements += rec.attributions.len();
        self.entities += rec.entities.len();
        Ok(())
    }

    /// Take a record read back from JSONL (keeping what the extractor's
    /// scope admits, as texts extracted here do), or its problem.
    fn take_read(&mut self, got: input::Got, ex: &Extractor) -> io::Result<()> {
        match got {
            Ok(mut rec) => {
                ex.scope().retain(&mut rec);
                self.take(&rec, &[])
            }
            Err(p) => {
                self.problems.push(p);
                Ok(())
            }
        }
    }

    /// The graph: every record read back and added, then the claims
    /// grouped.
    fn finish(self) -> Result<GraphRead> {
        let Spool {
            mut g,
            file,
            problems,
            documents,
            statements,
            entities,
            ..
        } = self;
        // with no records spooled, a saved graph was asked a question: its
        // claims are already those of its statements (grouping them again
        // is most of the time of loading a large one)
        if documents > 0 {
            g.drop_claims();
            g.reserve_for(documents, statements, entities);
            add_spooled(&mut g, file)?;
            g.group_claims();
        }
        Ok(GraphRead {
            graph: g,
            problems,
            documents,
        })
    }
}

/// Add every record of the spool `file` to `g`, with its contexts.
fn add_spooled(g: &mut QuoteGraph, file: io::BufWriter<std::fs::File>) -> Result<()> {
    use std::io::{BufRead, Seek};
    let mut file = file.into_inner().map_err(|e| spool_error(e.into_error()))?;
    file.rewind().map_err(spool_error)?;
    for line in io::BufReader::with_capacity(1 << 20, file).lines() {
        let line = line.map_err(spool_error)?;
        let (rec, contexts): (DocRecord, Vec<Option<StatementContext>>) =
            serde_json::from_str(&line).map_err(|e| spool_error(e.into()))?;
        g.add_noted(&rec)?;
        g.attach_contexts(&rec, contexts);
    }
    Ok(())
}

/// Extract the texts at `paths` into the spool (the paths' problems
/// first, then every document's).
fn spool_texts(
    spool: &mut Spool<'_>,
    paths: &[String],
    opts: &Options,
    seen: &mut input::FilesSeen,
    ex: &Extractor,
    contexts: bool,
) -> io::Result<()> {
    let (inputs, problems) = input::expand_inputs_seen(paths, seen);
    spool.problems.extend(problems);
    extract_inputs(
        &inputs,
        &opts.read,
        opts.jobs,
        opts.progress.as_deref(),
        ex,
        |rec, doc| {
            let kept = if contexts {
                crate::graph::contexts_of(&rec, &doc.text)
            } else {
                Vec::new()
            };
            (rec, kept)
        },
        |ev| match ev {
            Event::Doc((rec, kept)) => spool.take(&rec, &kept),
            Event::Problem(p) => {
                spool.problems.push(p);
                Ok(())
            }
        },
    )?;
    Ok(())
}

/// One path other than the saved graph of a [`Holds::ByName`] read into
/// the spool: records by their name and first line, else texts.
fn spool_by_name(
    spool: &mut Spool<'_>,
    p: &String,
    opts: &Options,
    seen: &mut input::FilesSeen,
    ex: &Extractor,
    contexts: bool,
) -> Result<()> {
    let one = std::slice::from_ref(p);
    if holds_records(p, opts)? {
        input::for_each_record(one, &mut |got| spool.take_read(got, ex))
    } else {
        spool_texts(spool, one, opts, seen, ex, contexts)
    }
    .map_err(|e| Error::io("reading inputs", e))
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
        |doc| (ex.extract(doc).to_record(), Kept::Text(doc.text.clone())),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Records of `data/articles` as JSONL lines, with a bad line and a
    /// repeated record among them.
    fn records_file(dir: &Path) -> String {
        let ex = Extractor::default();
        let held = read(&["data/articles".into()], &Options::default(), &ex).unwrap();
        let mut lines: Vec<String> = held
            .records
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        lines.insert(2, "{\"doc\": broken".into());
        lines.push(lines[0].clone());
        let path = dir.join("recs.jsonl");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path.display().to_string()
    }

    #[test]
    fn records_and_queries_stream_into_the_graph_the_held_corpus_gives() {
        let dir = tempfile::tempdir().unwrap();
        let recs = records_file(dir.path());
        let ex = Extractor::default();
        for holds in [Holds::Records, Holds::ByName] {
            let opts = Options {
                holds,
                ..Options::default()
            };
            let paths = [recs.clone()];
            let streamed = read_graph(&paths, &opts, &ex, None, true).unwrap();
            let held = read_for_graph(&paths, &opts, &ex).unwrap();
            assert_eq!(streamed.documents, held.records.len());
            // the bad line and the repeated document are reported, the
            // good records kept
            let said: Vec<String> = streamed.problems.iter().map(|p| p.to_string()).collect();
            assert_eq!(said.len(), 2, "{said:?}");
            assert!(said[0].contains(":3: not an extraction record"), "{said:?}");
            assert!(said[1].contains("was already read"), "{said:?}");
            assert_eq!(streamed.graph, held.graph(ex.lexicon()).unwrap());
        }
    }

    #[test]
    fn a_saved_graph_loads_as_it_was_saved_and_counts_its_bytes_for_progress() {
        let dir = tempfile::tempdir().unwrap();
        let ex = Extractor::default();
        let g = read_graph(
            &["data/articles".into()],
            &Options::default(),
            &ex,
            None,
            false,
        )
        .unwrap()
        .graph;
        let snap = dir.path().join("g.qgs");
        let mut f = std::fs::File::create(&snap).unwrap();
        crate::snapshot::write(&g, &mut f).unwrap();
        drop(f);
        let progress = std::sync::Arc::new(Progress::default());
        let opts = Options {
            holds: Holds::ByName,
            progress: Some(progress.clone()),
            ..Options::default()
        };
        let path = [snap.display().to_string()];
        let back = read_graph(&path, &opts, &ex, None, false).unwrap();
        // its claims are kept as saved, not grouped again
        assert_eq!(back.graph, g);
        assert_eq!(back.documents, 0);
        let len = std::fs::metadata(&snap).unwrap().len();
        assert_eq!(
            progress
                .raw_bytes
                .load(std::sync::atomic::Ordering::Relaxed),
            len
        );
    }

    #[test]
    fn a_query_adds_texts_to_the_saved_graph_wherever_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let ex = Extractor::default();
        let one = ["data/articles/000_lavrov_carlson_tass.txt".to_string()];
        let saved = dir.path().join("g.json");
        let g = read_graph(&one, &Options::default(), &ex, None, false)
            .unwrap()
            .graph;
        let mut out = Vec::new();
        crate::export::Format::Json
            .exporter()
            .write(&g, &mut out)
            .unwrap();
        std::fs::write(&saved, out).unwrap();
        let opts = Options {
            holds: Holds::ByName,
            ..Options::default()
        };
        let paths = ["data/articles".to_string(), saved.display().to_string()];
        let streamed = read_graph(&paths, &opts, &ex, None, true).unwrap();
        let held = read_for_graph(&paths, &opts, &ex).unwrap();
        // the saved graph's document is reported as already there, once
        let said: Vec<String> = streamed.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains("is already in the saved graph"),
            "{said:?}"
        );
        assert_eq!(streamed.graph, held.graph(ex.lexicon()).unwrap());
    }
}
