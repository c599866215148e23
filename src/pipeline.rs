//! Streaming, parallel, order-preserving processing of many documents.
//!
//! ```text
//! reader thread ──batches──▶ dispatcher ──rayon tasks──▶ workers
//!   (input::read_inputs)     (bounded)                    │ map(doc)
//!                                                         ▼
//!                  caller's thread: reorder buffer ──▶ sink(event)
//! ```
//!
//! Documents are read one at a time, grouped into small batches, mapped in
//! parallel by a [`rayon`] pool and handed to the sink in input order.
//! At most a fixed number of batches are in flight (being read, mapped or
//! waiting to be written), so memory does not grow with the corpus. A panic
//! while mapping one document is caught and reported as a [`Problem`] for
//! that document; the others go on. When the sink fails (say, a closed
//! pipe), reading and mapping stop promptly.
//!
//! ```
//! use quotegraph::pipeline::{self, Event, Options};
//! use quotegraph::{input, Document, Extractor};
//!
//! let ex = Extractor::default();
//! let docs = vec![
//!     Document::new("a", "“We are ready,” the minister said."),
//!     Document::new("b", "The talks will resume, Berg said."),
//! ];
//! let mut names = Vec::new();
//! let summary = pipeline::run_source(
//!     |sink| {
//!         for d in docs {
//!             sink(input::Item::Doc(d))?;
//!         }
//!         std::ops::ControlFlow::Continue(())
//!     },
//!     &Options::default(),
//!     None,
//!     |doc| ex.extract(doc).to_record(),
//!     |ev| {
//!         if let Event::Doc(rec) = ev {
//!             names.push(rec.doc);
//!         }
//!         Ok(())
//!     },
//! )
//! .unwrap();
//! assert_eq!(names, ["a", "b"]);
//! assert_eq!(summary.docs, 2);
//! ```

use std::collections::BTreeMap;
use std::io;
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;

use crate::extract::Document;
use crate::input::{self, Input, Item, Problem, ReadOptions};

/// How to run the pipeline.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; 0 means one per available core.
    pub jobs: usize,
    /// A batch is sent to the workers when it holds this many documents…
    pub batch_docs: usize,
    /// …or this many bytes of text.
    pub batch_bytes: usize,
    /// Batches in flight per worker (being mapped or waiting to be
    /// written). Bounds memory together with the batch size.
    pub inflight_per_job: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 0,
            batch_docs: 256,
            batch_bytes: 256 << 10,
            inflight_per_job: 4,
        }
    }
}

impl Options {
    /// The number of worker threads this will use.
    pub fn threads(&self) -> usize {
        if self.jobs > 0 {
            self.jobs
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
}

/// Live counters, for progress reports; updated while the pipeline runs.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes read from files and stdin (compressed bytes for gzip).
    pub raw_bytes: AtomicU64,
    /// Documents handed to the sink.
    pub docs: AtomicU64,
    /// Bytes of document text handed to the sink.
    pub text_bytes: AtomicU64,
    /// Problems (warnings and errors) handed to the sink.
    pub problems: AtomicU64,
}

/// What the sink receives, in input order.
#[derive(Debug)]
pub enum Event<T> {
    /// The result of mapping one document.
    Doc(T),
    /// A problem with an input (or a document whose mapping panicked).
    Problem(Problem),
}

/// Totals of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents mapped and handed to the sink.
    pub docs: u64,
    /// Bytes of their text.
    pub text_bytes: u64,
    /// Warnings reported.
    pub warnings: u64,
    /// Errors reported (something was skipped).
    pub errors: u64,
}

impl Summary {
    /// True when some input, line or document was skipped.
    pub fn failed(&self) -> bool {
        self.errors > 0
    }
}

/// Read `inputs` (see [`input::read_inputs`]), map every document with
/// `map` in parallel, and hand results and problems to `sink` in input
/// order. Returns the sink's first error, after which nothing more is
/// read.
pub fn run<T, F, S>(
    inputs: &[Input],
    read: &ReadOptions,
    opts: &Options,
    progress: Option<&Progress>,
    map: F,
    sink: S,
) -> io::Result<Summary>
where
    T: Send,
    F: Fn(&Document) -> T + Sync,
    S: FnMut(Event<T>) -> io::Result<()>,
{
    run_source(
        |s| input::read_inputs(inputs, read, progress.map(|p| &p.raw_bytes), s),
        opts,
        progress,
        map,
        sink,
    )
}

/// Like [`run`], with any source of items: `source` runs on the reader
/// thread and calls its argument with each item, stopping when it returns
/// [`ControlFlow::Break`].
pub fn run_source<T, R, F, S>(
    source: R,
    opts: &Options,
    progress: Option<&Progress>,
    map: F,
    mut sink: S,
) -> io::Result<Summary>
where
    T: Send,
    R: FnOnce(&mut dyn FnMut(Item) -> ControlFlow<()>) -> ControlFlow<()> + Send,
    F: Fn(&Document) -> T + Sync,
    S: FnMut(Event<T>) -> io::Result<()>,
{
    let jobs = opts.threads();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("quotegraph-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let inflight = jobs * opts.inflight_per_job.max(1);
    let batch_docs = opts.batch_docs.max(1);
    let batch_bytes = opts.batch_bytes.max(1);
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<(Event<T>, usize)>)>();
    // a slot per batch in flight: taken before a batch is mapped, given
    // back once it is written
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(inflight);
    let stop = AtomicBool::new(false);
    let (map, stop) = (&map, &stop);

    std::thread::scope(|ts| {
        ts.spawn(move || {
            let mut batch = Vec::with_capacity(batch_docs);
            let mut bytes = 0usize;
            let _ = source(&mut |item| {
                if stop.load(Ordering::Relaxed) {
                    return ControlFlow::Break(());
                }
                if let Item::Doc(d) = &item {
                    bytes += d.text.len();
                }
                batch.push(item);
                if batch.len() >= batch_docs || bytes >= batch_bytes {
                    bytes = 0;
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_docs));
                    if batch_tx.send(full).is_err() {
                        return ControlFlow::Break(());
                    }
                }
                ControlFlow::Continue(())
            });
            if !batch.is_empty() {
                let _ = batch_tx.send(batch);
            }
        });
        ts.spawn(move || {
            pool.in_place_scope(|rs| {
                for (seq, batch) in (0u64..).zip(batch_rx) {
                    if permit_tx.send(()).is_err() {
                        break; // the writer has stopped
                    }
                    let done_tx = done_tx.clone();
                    rs.spawn(move |_| {
                        let out: Vec<(Event<T>, usize)> = batch
                            .into_iter()
                            .map(|item| match item {
                                Item::Doc(doc) => (map_one(map, &doc), doc.text.len()),
                                Item::Problem(p) => (Event::Problem(p), 0),
                            })
                            .collect();
                        let _ = done_tx.send((seq, out));
                    });
                }
            });
            drop(done_tx);
        });

        let mut summary = Summary::default();
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        'write: for (seq, out) in done_rx.iter() {
            pending.insert(seq, out);
            while let Some(batch) = pending.remove(&next) {
                next += 1;
                for (ev, bytes) in batch {
                    count(&ev, bytes, &mut summary, progress);
                    if let Err(e) = sink(ev) {
                        result = Err(e);
                        break 'write;
                    }
                }
                let _ = permit_rx.recv();
            }
        }
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        // closing these makes the dispatcher and then the reader stop
        drop(permit_rx);
        drop(done_rx);
        result.map(|()| summary)
    })
}

fn map_one<T, F: Fn(&Document) -> T>(map: &F, doc: &Document) -> Event<T> {
    match catch_unwind(AssertUnwindSafe(|| map(doc))) {
        Ok(out) => Event::Doc(out),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Event::Problem(Problem::internal(&doc.name, &what))
        }
    }
}

fn count<T>(ev: &Event<T>, bytes: usize, s: &mut Summary, progress: Option<&Progress>) {
    match ev {
        Event::Doc(_) => {
            s.docs += 1;
            s.text_bytes += bytes as u64;
            if let Some(p) = progress {
                p.text_bytes.fetch_add(bytes as u64, Ordering::Relaxed);
            }
        }
        Event::Problem(p) if p.is_error() => s.errors += 1,
        Event::Problem(_) => s.warnings += 1,
    }
    if let Some(p) = progress {
        match ev {
            Event::Doc(_) => p.docs.fetch_add(1, Ordering::Relaxed),
            Event::Problem(_) => p.problems.fetch_add(1, Ordering::Relaxed),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: usize, opts: &Options) -> (Vec<usize>, Summary) {
        let mut seen = Vec::new();
        let s = run_source(
            |sink| {
                for i in 0..n {
                    sink(Item::Doc(Document::new(i.to_string(), "x".repeat(i % 7))))?;
                }
                ControlFlow::Continue(())
            },
            opts,
            None,
            |d| {
                if d.name == "13" {
                    panic!("unlucky");
                }
                d.name.parse::<usize>().unwrap()
            },
            |ev| {
                if let Event::Doc(i) = ev {
                    seen.push(i);
                }
                Ok(())
            },
        )
        .unwrap();
        (seen, s)
    }

    #[test]
    fn keeps_order_and_survives_a_panic() {
        let opts = Options {
            jobs: 3,
            batch_docs: 5,
            ..Options::default()
        };
        let (seen, s) = numbers(1000, &opts);
        let want: Vec<usize> = (0..1000).filter(|&i| i != 13).collect();
        assert_eq!(seen, want);
        assert_eq!((s.docs, s.errors), (999, 1));
        let mut internal = Vec::new();
        run_source(
            |sink| sink(Item::Doc(Document::new("13", "x"))),
            &opts,
            None,
            |_| panic!("unlucky"),
            |ev: Event<()>| {
                if let Event::Problem(p) = ev {
                    internal.push(p);
                }
                Ok(())
            },
        )
        .unwrap();
        assert!(internal[0].is_internal(), "{internal:?}");
        assert_eq!(
            internal[0].to_string(),
            "13: internal error while extracting (unlucky); document skipped — please report it"
        );
    }

    #[test]
    fn stops_when_the_sink_fails() {
        let mut n = 0;
        let r = run_source(
            |sink| {
                for i in 0.. {
                    sink(Item::Doc(Document::new(i.to_string(), "x")))?;
                }
                ControlFlow::Continue(())
            },
            &Options {
                jobs: 2,
                batch_docs: 3,
                ..Options::default()
            },
            None,
            |d| d.name.clone(),
            |_| {
                n += 1;
                if n == 10 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    }
}
