//! What the user sees on stderr: input problems, the progress bar and
//! its summary, output that could not be written.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use quotegraph::input::{self, Problem};
use quotegraph::pipeline::{self, Progress};

/// Report input problems on stderr, one line each, as `extract` does;
/// the exit code is 1 when one of them is an error (something skipped).
pub fn report_problems(problems: &[Problem]) -> ExitCode {
    for p in problems {
        let what = if p.is_error() { "error" } else { "warning" };
        eprintln!("quotegraph: {what}: {p}");
    }
    if problems.iter().any(Problem::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `text` with control characters escaped (`\u{1b}`, `\r`, `\t`) except
/// its line breaks: what a table, note or error line from the input may
/// hold (an escape sequence in a name, a newline in an id) can neither
/// drive the terminal nor break the layout.
pub fn escape_lines(text: &str) -> String {
    text.split('\n')
        .map(input::escape_controls)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Report output that could not be written after the work was done (the
/// old file, if any, is still in place): exit status 1, as for `extract`.
pub fn output_failed(e: impl std::fmt::Display) -> ExitCode {
    eprintln!(
        "quotegraph: error: writing output: {}",
        escape_lines(&e.to_string())
    );
    ExitCode::from(1)
}

/// Problems and the progress bar on stderr.
pub struct Reporter {
    pub progress: Arc<Progress>,
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    started: Instant,
    done: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    pub fn new(inputs: &[input::Input], quiet: bool) -> Reporter {
        let progress = Arc::new(Progress::default());
        let done = Arc::new(AtomicBool::new(false));
        let mut r = Reporter {
            progress: progress.clone(),
            bar: None,
            quiet,
            started: Instant::now(),
            done: done.clone(),
            ticker: None,
        };
        if quiet || !std::io::stderr().is_terminal() {
            return r;
        }
        // no inputs known (graph, build, query): a spinner
        let total: Option<u64> = if inputs.is_empty() {
            None
        } else {
            inputs
                .iter()
                .map(|i| match i {
                    input::Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                    input::Input::Stdin => None,
                })
                .sum()
        };
        let bar = match total {
            Some(t) => indicatif::ProgressBar::new(t).with_style(
                indicatif::ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {percent:>3}% {msg}",
                )
                .expect("valid template")
                .progress_chars("=> "),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}")
                    .expect("valid template"),
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(5));
        let b = bar.clone();
        let started = r.started;
        r.ticker = Some(std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                let docs = progress.docs.load(Ordering::Relaxed);
                let bytes = progress.text_bytes.load(Ordering::Relaxed);
                let raw = progress.raw_bytes.load(Ordering::Relaxed);
                b.set_position(raw);
                b.set_message(if docs == 0 && raw > 0 {
                    // a saved graph loading, or a first big document
                    format!("{:.0} MB read", raw as f64 / 1e6)
                } else {
                    format!(
                        "{docs} docs, {:.0} docs/s, {:.1} MB/s",
                        docs as f64 / secs,
                        bytes as f64 / secs / 1e6
                    )
                });
                std::thread::sleep(Duration::from_millis(200));
            }
        }));
        r.bar = Some(bar);
        r
    }

    pub fn problem(&self, p: &Problem) {
        let line = if p.is_error() {
            format!("quotegraph: error: {p}")
        } else if self.quiet {
            return;
        } else {
            format!("quotegraph: warning: {p}")
        };
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }

    pub fn summary(&self, s: &pipeline::Summary) {
        if self.bar.is_none() {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        eprintln!(
            "quotegraph: {} documents, {:.1} MB in {:.1} s ({:.0} docs/s, {:.1} MB/s); {} errors, {} warnings",
            s.docs,
            s.text_bytes as f64 / 1e6,
            secs,
            s.docs as f64 / secs,
            s.text_bytes as f64 / secs / 1e6,
            s.errors,
            s.warnings
        );
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
    }
}
