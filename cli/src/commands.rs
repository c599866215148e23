//! `extract`, `eval`, `graph`, `build` and `diff`: arguments to the library's
//! reading path and output, with progress and problems on stderr.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use quotegraph::corpus::{self, Holds};
use quotegraph::export::Format;
use quotegraph::graph::NodeKind;
use quotegraph::output::AtomicFile;
use quotegraph::pipeline::{self, Event};
use quotegraph::render::{self, RecordFormat, RecordWriter};
use quotegraph::{eval, input, Extractor, QuoteGraph, Scope};

use crate::args::{DiffFormat, ExtractFormat, ReadArgs, RunArgs};
use crate::report::{output_failed, report_problems, Reporter};

/// What every command is set up with: `--lexicon DIR` and `--scope`.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    pub lexicon: Option<&'a Path>,
    pub scope: Scope,
}

impl Setup<'_> {
    /// The extractor of `--lexicon DIR` (or the embedded lexicon) keeping
    /// the attributions of `--scope`.
    pub fn extractor(self) -> Result<Extractor> {
        Ok(corpus::extractor(self.lexicon)?.with_scope(self.scope))
    }
}

/// `extract`: records written as they come, in input order.
pub fn extract(
    ex: &Extractor,
    paths: &[String],
    format: Option<ExtractFormat>,
    output: Option<PathBuf>,
    read: &ReadArgs,
    run: &RunArgs,
) -> Result<ExitCode> {
    let format = RecordFormat::from(format.unwrap_or(
        if output.is_none() && std::io::stdout().is_terminal() {
            ExtractFormat::Table
        } else {
            ExtractFormat::Jsonl
        },
    ));
    let (inputs, problems) = input::expand_inputs(paths);
    let out = Out::open(output.as_deref())?;
    let reporter = Reporter::new(&inputs, run.quiet);
    let mut before = pipeline::Summary::default();
    for p in &problems {
        if p.is_error() {
            before.errors += 1;
        } else {
            before.warnings += 1;
        }
        reporter.problem(p);
    }
    let mut writer = RecordWriter::new(out, format);
    let result = corpus::extract_inputs(
        &inputs,
        &read.options(),
        run.jobs.map_or(0, usize::from),
        Some(&reporter.progress),
        ex,
        |rec, _| format.render(&rec),
        |ev| match ev {
            Event::Doc(bytes) => writer.write(&bytes),
            Event::Problem(p) => {
                reporter.problem(&p);
                Ok(())
            }
        },
    )
    .and_then(|summary| Ok((summary, writer.finish()?)));
    reporter.finish();
    let (summary, out) = match result {
        Ok(done) => done,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Ok(output_failed(e)),
    };
    let summary = pipeline::Summary {
        errors: summary.errors + before.errors,
        warnings: summary.warnings + before.warnings,
        ..summary
    };
    if let Out::File(f) = out {
        if summary.docs == 0 && summary.failed() {
            // every input skipped (a typo in a path): an empty output
            // must not replace a good one
            eprintln!(
                "quotegraph: error: no document could be read; {} left unchanged",
                output
                    .as_deref()
                    .map_or("-".into(), |o| o.display().to_string())
            );
        } else if let Err(e) = f.commit() {
            // only a run that wrote everything it could replaces the file
            return Ok(output_failed(e));
        }
    }
    reporter.summary(&summary);
    Ok(if summary.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `eval`: score records extracted from `paths` (default: the gold's
/// texts), or read from `pred`, against the gold in `gold`.
pub fn eval(
    setup: Setup<'_>,
    gold: &Path,
    pred: Option<PathBuf>,
    paths: Vec<String>,
    json: bool,
) -> Result<ExitCode> {
    let mut g = eval::Gold::load(gold)?;
    g.scope = setup.scope;
    g.warnings.iter().for_each(|w| eprintln!("warning: {w}"));
    let mut code = ExitCode::SUCCESS;
    let preds = match pred {
        Some(p) => g.predictions_from_jsonl(&p)?,
        None => {
            let ex = setup.extractor()?;
            let paths = if paths.is_empty() {
                vec![gold.join("text").display().to_string()]
            } else {
                paths
            };
            let run = eval::extract_paths(&ex, &paths);
            for e in &run.errors {
                eprintln!("quotegraph: {e}");
                code = ExitCode::from(1);
            }
            eprintln!("{}", run.summary());
            g.predictions_from_records(&run.records)
        }
    };
    preds
        .warnings
        .iter()
        .for_each(|w| eprintln!("warning: {w}"));
    let report = g.score(&preds);
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", report.to_json_string())?;
    } else {
        write!(out, "{}", report.table())?;
    }
    out.flush().context("writing output")?;
    Ok(code)
}

/// The export format of `--format`, or of the `-o` file's extension.
pub fn export_format(format: Option<Format>, output: Option<&Path>) -> Result<Format> {
    Ok(match (format, output) {
        (Some(f), _) => f,
        (None, Some(o)) => Format::from_path(o).with_context(|| {
            format!(
                "cannot tell the format from {:?}: give --format",
                o.display().to_string()
            )
        })?,
        (None, None) => anyhow::bail!("give --format or -o FILE with a known extension"),
    })
}

/// `graph`: the graph of texts (or records) exported.
pub fn graph(
    setup: Setup<'_>,
    paths: &[String],
    format: Option<Format>,
    output: Option<PathBuf>,
    from_jsonl: bool,
    read: &ReadArgs,
) -> Result<ExitCode> {
    let format = export_format(format, output.as_deref())?;
    // an unusable -o location is a usage error (exit 2), found before any
    // work; a write failing later is an output error (`output_failed`)
    if let Some(o) = &output {
        format.check_target(o)?;
    }
    let holds = if from_jsonl {
        Holds::Records
    } else {
        Holds::Texts
    };
    let ex = setup.extractor()?;
    // neither texts nor records are held: the library spools the records
    let contexts = format.keeps_context();
    let got = read.with_progress(holds, |o| corpus::read_graph(paths, o, &ex, None, contexts))?;
    let (g, problems, documents) = (got.graph, got.problems, got.documents);
    let code = report_problems(&problems);
    eprintln!("quotegraph: graph: {}", g.summary());
    if let Some(code) = nothing_found(&g, documents, output.as_deref()) {
        return Ok(code);
    }
    let exporter = format.exporter();
    match output {
        Some(o) => match exporter.write_path(&g, &o) {
            Err(quotegraph::Error::Io { path, cause }) => {
                return Ok(output_failed(format!("{path}: {cause}")))
            }
            other => {
                other?;
            }
        },
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            exporter.write(&g, &mut out)?;
            out.flush().context("writing output")?;
        }
    }
    Ok(code)
}

/// `build`: extractions, the graph in every format and the who-said-what
/// report.
pub fn build(
    setup: Setup<'_>,
    paths: &[String],
    dir: &Path,
    formats: &[Format],
    read: &ReadArgs,
) -> Result<ExitCode> {
    let ex = setup.extractor()?;
    quotegraph::output::check_target(dir, true)?;
    // the records go to extractions.jsonl as they are extracted, and are
    // not held
    let mut extractions = match quotegraph::build::stage_extractions(dir) {
        Ok(f) => f,
        Err(e) => return Ok(output_failed(e)),
    };
    let got = read.with_progress(Holds::Texts, |o| {
        // only the HTML and RON exports show the statements' sentences
        let contexts = formats.iter().any(|f| f.keeps_context());
        corpus::read_graph(paths, o, &ex, Some(&mut extractions), contexts)
    })?;
    let g = got.graph;
    if g.nodes_of_kind(NodeKind::Statement).next().is_none() {
        report_problems(&got.problems);
        return Ok(nothing_found(&g, got.documents, Some(dir)).unwrap_or(ExitCode::from(1)));
    }
    let (files, removed) = match quotegraph::build::write_formats(dir, extractions, &g, formats) {
        Ok(done) => done,
        Err(e) => return Ok(output_failed(e)),
    };
    for path in removed {
        eprintln!(
            "quotegraph: removed {} (a format this build leaves out)",
            crate::report::escape_lines(&path.display().to_string())
        );
    }
    let code = report_problems(&got.problems);
    eprintln!("quotegraph: graph: {}", g.summary());
    eprintln!(
        "quotegraph: wrote {} files to {}",
        files.len(),
        dir.display()
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    out.write_all(crate::report::escape_lines(&render::who_said_what(&g, 20)).as_bytes())?;
    out.flush().context("writing output")?;
    Ok(code)
}

/// A graph without a single statement is not a result: say so (how many
/// documents were read, and that `target` keeps its old content) and give
/// exit status 1, so that a corpus read with the wrong field or format
/// never looks like success. `None` when there are statements.
pub fn nothing_found(g: &QuoteGraph, docs: usize, target: Option<&Path>) -> Option<ExitCode> {
    if g.nodes_of_kind(NodeKind::Statement).next().is_some() {
        return None;
    }
    let kept = target.map_or(String::new(), |t| {
        format!("; {} left unchanged", t.display())
    });
    eprintln!(
        "quotegraph: error: no attributions found in {docs} document{}{kept} \
         (wrong --input-format, --text-field or path?)",
        if docs == 1 { "" } else { "s" }
    );
    Some(ExitCode::from(1))
}

/// Where `extract` output goes.
enum Out<'a> {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'a>>),
    File(AtomicFile),
}

impl Out<'_> {
    /// `-o FILE` (written atomically), or stdout.
    fn open(output: Option<&Path>) -> Result<Self> {
        Ok(match output {
            Some(p) => {
                Out::File(
                    AtomicFile::create(p).map_err(|cause| quotegraph::Error::Unwritable {
                        path: p.display().to_string(),
                        cause,
                    })?,
                )
            }
            None => Out::Stdout(std::io::BufWriter::with_capacity(
                256 << 10,
                std::io::stdout().lock(),
            )),
        })
    }
}

impl Write for Out<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(w) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Out::Stdout(w) => w.write_all(buf),
            Out::File(w) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(w) => w.flush(),
        }
    }
}

/// `quotegraph diff OLD NEW`: the differences on stdout; exit 1 when
/// anything differs (or a line was bad), 0 when the runs are the same.
pub fn diff(old: &str, new: &str, format: DiffFormat) -> Result<ExitCode> {
    let (d, problems) = quotegraph::diff::diff_files(old, new)?;
    let read = crate::report::report_problems(&problems);
    let text = match format {
        DiffFormat::Text => quotegraph::diff::render_text(&d, old, new),
        DiffFormat::Json => quotegraph::diff::render_json(&d, old, new),
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Ok(crate::report::output_failed(e));
    }
    Ok(if d.is_empty() {
        read
    } else {
        ExitCode::from(1)
    })
}
