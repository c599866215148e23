//! The `quotegraph` command line: a thin layer over the library.

mod cli_query;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use quotegraph::export::{self, Format};
use quotegraph::graph::QuoteGraph;
use quotegraph::input::{self, InputFormat, Problem, ReadOptions};
use quotegraph::output::AtomicFile;
use quotegraph::pipeline::{self, Event, Progress};
use quotegraph::{eval, DocRecord, Extractor, Lexicon};

#[derive(Parser)]
#[command(
    name = "quotegraph",
    version,
    about = "Who said what, to whom, and who reported it"
)]
struct Cli {
    /// Read lexicon RON files from this directory (missing files fall back
    /// to the embedded ones).
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract attributions from texts.
    ///
    /// Exit status: 0 when every input was read, 1 when some input, line or
    /// gzip member was skipped (each reported on stderr), 2 on a usage error.
    Extract {
        /// Files, directories (recursive: *.txt, *.jsonl, *.ndjson and their
        /// .gz versions) or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format (default: table on a terminal, jsonl otherwise).
        #[arg(long, short)]
        format: Option<ExtractFormat>,
        /// Write to FILE instead of stdout (atomically: a temporary file in
        /// the same directory is renamed into place when complete).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Score attributions against brat gold (PolNeAR layout), as
    /// score_attributions.py does: extract from PATHs, or read --pred.
    Eval {
        /// Gold directory holding text/ and attributions/.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Score this JSONL file (extract --format jsonl output) instead of
        /// extracting.
        #[arg(long, value_name = "FILE", conflicts_with = "paths")]
        pred: Option<PathBuf>,
        /// Texts to extract from (default: DIR/text).
        paths: Vec<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Ask the graph a question: who said what, provenance, who talks
    /// about whom, paths, top speakers and outlets, timelines, ego
    /// networks, components, roles.
    Query {
        #[command(subcommand)]
        question: cli_query::Question,
    },
    /// Build the knowledge graph from texts (or extractions) and export it.
    ///
    /// Exit status: 0 when every input was read, 1 when some input was
    /// skipped (each reported on stderr), 2 on a usage error.
    Graph {
        /// Files, directories (recursive, *.txt) or - for stdin; with
        /// --from-jsonl, JSONL(.gz) files written by `extract --format
        /// jsonl`, or directories of them (Spark shards).
        #[arg(required = true)]
        paths: Vec<String>,
        /// Export format (default: from the -o file extension; a directory
        /// means csv).
        #[arg(long, short, value_parser = format_parser())]
        format: Option<Format>,
        /// Write here instead of stdout (csv: a directory), atomically: a
        /// temporary file beside it is renamed into place when complete.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Read extraction records (JSONL) instead of texts.
        #[arg(long)]
        from_jsonl: bool,
        #[command(flatten)]
        decode: DecodeArgs,
    },
    /// Extract, build the graph, and write everything into a directory:
    /// extractions.jsonl, graph.* in every format, neo4j/*.csv.
    ///
    /// Exit status: 0 when every input was read, 1 when some input was
    /// skipped (each reported on stderr), 2 on a usage error.
    Build {
        /// Files, directories (recursive, *.txt) or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output directory. Its files are replaced together once all are
        /// written (each through a temporary file beside it).
        #[arg(long, short, value_name = "DIR", default_value = "out")]
        output: PathBuf,
        #[command(flatten)]
        decode: DecodeArgs,
    },
}

fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Format::ALL.map(|f| f.name()))
        .map(|s| s.parse::<Format>().expect("listed formats parse"))
}

/// How inputs are read (shared by commands that read articles).
#[derive(Args, Debug, Clone)]
struct ReadArgs {
    /// How to read inputs: auto = by extension (.jsonl/.ndjson[.gz] are
    /// JSONL, anything else text; stdin is text).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,
    /// JSONL field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSONL field holding the document id (other fields are carried
    /// through into `meta`).
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    #[command(flatten)]
    decode: DecodeArgs,
}

/// How texts are decoded and how big one may be (shared by every command
/// that reads texts: extract, graph, build, query).
#[derive(Args, Debug, Clone)]
struct DecodeArgs {
    /// Skip (and report) documents larger than this: bytes, or with a K, M
    /// or G suffix (powers of 1024).
    #[arg(long, default_value = "16M", value_name = "SIZE", value_parser = parse_size)]
    max_doc_bytes: usize,
    /// Invalid UTF-8 is an error (document skipped) instead of a warning
    /// with the bad bytes replaced by U+FFFD.
    #[arg(long)]
    strict: bool,
}

impl DecodeArgs {
    /// Options for reading every input as one text document.
    fn text_options(&self) -> ReadOptions {
        ReadOptions {
            format: InputFormat::Text,
            max_doc_bytes: self.max_doc_bytes,
            strict: self.strict,
            ..ReadOptions::default()
        }
    }
}

/// How the pipeline runs (shared by commands that extract).
#[derive(Args, Debug, Clone)]
struct RunArgs {
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// No progress bar and no warnings (errors are still reported).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            },
            text_field: self.text_field.clone(),
            id_field: self.id_field.clone(),
            max_doc_bytes: self.decode.max_doc_bytes,
            strict: self.decode.strict,
        }
    }
}

fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: usize = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 16M, 1G, 500000)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{s}`: unknown size unit (use K, M or G)")),
    };
    n.checked_mul(1usize << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is out of range"))
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    Jsonl,
    Json,
    Table,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    remove_temporary_files_on_signals();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("quotegraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files of outputs not
/// yet complete (the targets keep their old content), then end as the
/// signal would have.
#[cfg(unix)]
fn remove_temporary_files_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return; // without the handler, signals end the run as before
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let removed = quotegraph::output::abandon_all();
            if removed > 0 {
                eprintln!(
                    "quotegraph: interrupted; {removed} unfinished output file{} removed, the targets are unchanged",
                    if removed == 1 { "" } else { "s" }
                );
            }
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    });
}

#[cfg(not(unix))]
fn remove_temporary_files_on_signals() {}

/// True when the error is, or was caused by, writing to a closed pipe (a
/// [`quotegraph::Error::Io`] holds its cause rather than chaining it).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(broken)
            || matches!(
                c.downcast_ref::<quotegraph::Error>(),
                Some(quotegraph::Error::Io { cause, .. }) if broken(cause)
            )
    })
}

fn extractor(lexicon: &Option<PathBuf>) -> Result<Extractor> {
    let lex = match lexicon {
        Some(dir) => Lexicon::from_dir(dir)?,
        None => Lexicon::embedded(),
    };
    Ok(Extractor::new(lex))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.cmd {
        Cmd::Extract {
            paths,
            format,
            output,
            read,
            run,
        } => {
            let ex = extractor(&cli.lexicon)?;
            let format = format.unwrap_or(if output.is_none() && std::io::stdout().is_terminal() {
                ExtractFormat::Table
            } else {
                ExtractFormat::Jsonl
            });
            let (inputs, problems) = input::expand_inputs(&paths);
            let mut out = match &output {
                Some(p) => Out::File(AtomicFile::create(p).map_err(|cause| {
                    quotegraph::Error::Unwritable {
                        path: p.display().to_string(),
                        cause,
                    }
                })?),
                None => Out::Stdout(std::io::BufWriter::with_capacity(
                    256 << 10,
                    std::io::stdout().lock(),
                )),
            };
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
            let opts = pipeline::Options {
                jobs: run.jobs.map_or(0, usize::from),
                ..pipeline::Options::default()
            };
            let mut first = true;
            let result = pipeline::run(
                &inputs,
                &read.options(),
                &opts,
                Some(&reporter.progress),
                |doc| render(&ex.extract(doc).to_record(), format),
                |ev| match ev {
                    Event::Doc(bytes) => {
                        if format == ExtractFormat::Json {
                            out.write_all(if first { b"[\n" } else { b",\n" })?;
                        }
                        first = false;
                        out.write_all(&bytes)
                    }
                    Event::Problem(p) => {
                        reporter.problem(&p);
                        Ok(())
                    }
                },
            )
            .and_then(|summary| {
                if format == ExtractFormat::Json {
                    out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
                }
                out.flush()?;
                Ok(summary)
            });
            reporter.finish();
            let summary = match result {
                Ok(s) => s,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("quotegraph: error: writing output: {e}");
                    return Ok(ExitCode::from(1));
                }
            };
            if let Out::File(f) = out {
                // only a run that wrote everything it could replaces the file
                if let Err(e) = f.commit() {
                    eprintln!("quotegraph: error: writing output: {e}");
                    return Ok(ExitCode::from(1));
                }
            }
            let summary = pipeline::Summary {
                errors: summary.errors + before.errors,
                warnings: summary.warnings + before.warnings,
                ..summary
            };
            reporter.summary(&summary);
            Ok(if summary.failed() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Cmd::Eval {
            gold,
            pred,
            paths,
            json,
        } => {
            let g = eval::Gold::load(&gold)?;
            g.warnings.iter().for_each(|w| eprintln!("warning: {w}"));
            let mut code = ExitCode::SUCCESS;
            let preds = match pred {
                Some(p) => g.predictions_from_jsonl(&p)?,
                None => {
                    let ex = extractor(&cli.lexicon)?;
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
        Cmd::Graph {
            paths,
            format,
            output,
            from_jsonl,
            decode,
        } => run_graph(&cli.lexicon, &paths, format, output, from_jsonl, &decode),
        Cmd::Build {
            paths,
            output,
            decode,
        } => run_build(&cli.lexicon, &paths, &output, &decode),
        Cmd::Query { question } => cli_query::run(&cli.lexicon, question),
    }
}

/// An extraction record and the text it was extracted from.
type TextRecord = (DocRecord, String);

/// Extract records from text inputs, each with the text it came from
/// (for the statements' sentence context), read and extracted as
/// `extract` does (in parallel, in input order); problems are per input.
fn extract_with_texts(
    ex: &Extractor,
    paths: &[String],
    opts: &ReadOptions,
) -> Result<(Vec<TextRecord>, Vec<Problem>)> {
    let (inputs, mut problems) = input::expand_inputs(paths);
    let mut docs = Vec::with_capacity(inputs.len());
    pipeline::run(
        &inputs,
        opts,
        &pipeline::Options::default(),
        None,
        |doc| (ex.extract(doc).to_record(), doc.text.clone()),
        |ev| {
            match ev {
                Event::Doc(d) => docs.push(d),
                Event::Problem(p) => problems.push(p),
            }
            Ok(())
        },
    )
    .context("reading inputs")?;
    Ok((docs, problems))
}

/// The graph of texts, with each statement's sentence attached.
fn graph_with_texts(ex: &Extractor, docs: &[TextRecord]) -> Result<QuoteGraph> {
    let docs = docs.iter().map(|(rec, text)| (rec, Some(text.as_str())));
    Ok(QuoteGraph::from_texts(docs, ex.lexicon())?)
}

/// Report input problems on stderr, one line each, as `extract` does;
/// the exit code is 1 when one of them is an error (something skipped).
fn report_problems(problems: &[Problem]) -> ExitCode {
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

fn run_graph(
    cli_lexicon: &Option<PathBuf>,
    paths: &[String],
    format: Option<Format>,
    output: Option<PathBuf>,
    from_jsonl: bool,
    decode: &DecodeArgs,
) -> Result<ExitCode> {
    let format = match (format, &output) {
        (Some(f), _) => f,
        (None, Some(o)) => Format::from_path(o).with_context(|| {
            format!(
                "cannot tell the format from {:?}: give --format",
                o.display().to_string()
            )
        })?,
        (None, None) => anyhow::bail!("give --format or -o FILE with a known extension"),
    };
    // an unusable -o location is a usage error (exit 2), found before any
    // work; a write failing later is an output error (`output_failed`)
    if let Some(o) = &output {
        format.check_target(o)?;
    }
    let (g, problems) = if from_jsonl {
        let (records, problems) = input::read_record_paths(paths);
        (QuoteGraph::from_extractions(&records)?, problems)
    } else {
        let ex = extractor(cli_lexicon)?;
        let (docs, problems) = extract_with_texts(&ex, paths, &decode.text_options())?;
        (graph_with_texts(&ex, &docs)?, problems)
    };
    let code = report_problems(&problems);
    eprintln!("quotegraph: graph: {}", g.summary());
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

/// Report output that could not be written after the work was done (the
/// old file, if any, is still in place): exit status 1, as for `extract`.
fn output_failed(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("quotegraph: error: writing output: {e}");
    ExitCode::from(1)
}

fn run_build(
    cli_lexicon: &Option<PathBuf>,
    paths: &[String],
    dir: &std::path::Path,
    decode: &DecodeArgs,
) -> Result<ExitCode> {
    let ex = extractor(cli_lexicon)?;
    quotegraph::output::check_target(dir, true)?;
    let (docs, problems) = extract_with_texts(&ex, paths, &decode.text_options())?;
    let g = graph_with_texts(&ex, &docs)?;
    // every file goes to a temporary file first; all replace the old ones
    // together at the end, so a failed or interrupted build leaves the
    // directory as it was
    let files = match write_build(dir, &docs, &g) {
        Ok(files) => files,
        Err(e) => return Ok(output_failed(format!("{e:#}"))),
    };
    let code = report_problems(&problems);
    eprintln!("quotegraph: graph: {}", g.summary());
    eprintln!(
        "quotegraph: wrote {} files to {}",
        files.len(),
        dir.display()
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_who_said_what(&mut out, &g)?;
    out.flush().context("writing output")?;
    Ok(code)
}

/// Stage every file of a `build` directory, then commit them together.
fn write_build(dir: &std::path::Path, docs: &[TextRecord], g: &QuoteGraph) -> Result<Vec<PathBuf>> {
    let jsonl = dir.join("extractions.jsonl");
    let mut staged = Vec::new();
    let mut out = AtomicFile::create(&jsonl).with_context(|| jsonl.display().to_string())?;
    for (r, _) in docs {
        serde_json::to_writer(&mut out, r).with_context(|| jsonl.display().to_string())?;
        out.write_all(b"\n")
            .with_context(|| jsonl.display().to_string())?;
    }
    staged.push(out);
    staged.extend(export::stage_all(g, dir)?);
    let schema = dir.join("ladybug_schema.cypher");
    let mut out = AtomicFile::create(&schema).with_context(|| schema.display().to_string())?;
    out.write_all(export::ladybug_schema().as_bytes())
        .with_context(|| schema.display().to_string())?;
    staged.push(out);
    Ok(quotegraph::output::commit_all(staged)?)
}

/// The busiest speakers: how much they said, where, who relayed it.
fn write_who_said_what(out: &mut impl Write, g: &QuoteGraph) -> Result<()> {
    const TOP: usize = 20;
    let speakers = g.speakers();
    writeln!(
        out,
        "{:<26} {:>5} {:>5}  {:<20} FIRST STATEMENT",
        "SPEAKER", "SAID", "DOCS", "RELAYED BY"
    )?;
    for s in speakers.iter().take(TOP) {
        let relayed: Vec<&str> = s.relayed_by.iter().map(|n| n.name()).collect();
        let relayed = if relayed.is_empty() {
            "-".to_string()
        } else {
            relayed.join(", ")
        };
        writeln!(
            out,
            "{:<26} {:>5} {:>5}  {:<20} {}",
            clip(s.speaker.name(), 26),
            s.statements.len(),
            s.documents,
            clip(&relayed, 20),
            clip(s.statements[0].name(), 60)
        )?;
    }
    if speakers.len() > TOP {
        writeln!(out, "… and {} more speakers", speakers.len() - TOP)?;
    }
    Ok(())
}

/// Where output goes.
enum Out<'a> {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'a>>),
    File(AtomicFile),
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

/// Render one record in the output format, on a worker thread.
fn render(rec: &DocRecord, format: ExtractFormat) -> Vec<u8> {
    let mut buf = Vec::with_capacity(4096);
    match format {
        ExtractFormat::Jsonl => {
            serde_json::to_writer(&mut buf, rec).expect("records serialize");
            buf.push(b'\n');
        }
        ExtractFormat::Json => {
            // an element of a pretty-printed array: every line indented
            let pretty = serde_json::to_vec_pretty(rec).expect("records serialize");
            for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
                if i > 0 {
                    buf.push(b'\n');
                }
                buf.extend_from_slice(b"  ");
                buf.extend_from_slice(line);
            }
        }
        ExtractFormat::Table => write_table(&mut buf, rec).expect("writing to memory"),
    }
    buf
}

/// Problems and the progress bar on stderr.
struct Reporter {
    progress: Arc<Progress>,
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    started: Instant,
    done: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    fn new(inputs: &[input::Input], quiet: bool) -> Reporter {
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
        let total: Option<u64> = inputs
            .iter()
            .map(|i| match i {
                input::Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                input::Input::Stdin => None,
            })
            .sum();
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
                b.set_position(progress.raw_bytes.load(Ordering::Relaxed));
                b.set_message(format!(
                    "{docs} docs, {:.0} docs/s, {:.1} MB/s",
                    docs as f64 / secs,
                    bytes as f64 / secs / 1e6
                ));
                std::thread::sleep(Duration::from_millis(200));
            }
        }));
        r.bar = Some(bar);
        r
    }

    fn problem(&self, p: &Problem) {
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

    fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }

    fn summary(&self, s: &pipeline::Summary) {
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

fn clip(s: &str, n: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn write_table(out: &mut impl Write, rec: &DocRecord) -> Result<()> {
    writeln!(
        out,
        "== {} ({} attributions)",
        rec.doc,
        rec.attributions.len()
    )?;
    let name = |m: &Option<quotegraph::record::MentionRecord>| match m {
        Some(m) => match m.entity.as_deref().and_then(|id| rec.entity(id)) {
            Some(e) if e.name != m.text => format!("{} ({})", m.text, e.name),
            _ => m.text.clone(),
        },
        None => "-".into(),
    };
    writeln!(
        out,
        "{:<4} {:<28} {:<14} {:<18} {:<16} CONTENT",
        "ID", "SPEAKER", "CUE", "SOURCE", "TO"
    )?;
    for a in &rec.attributions {
        writeln!(
            out,
            "{:<4} {:<28} {:<14} {:<18} {:<16} {}",
            a.id,
            clip(&name(&a.speaker), 28),
            clip(&a.cue.text, 14),
            clip(&name(&a.source), 18),
            clip(&name(&a.addressee), 16),
            clip(&a.content.text, 70)
        )?;
    }
    writeln!(out)?;
    Ok(())
}
