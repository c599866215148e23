//! The `quotegraph` command line: a thin layer over the library. This
//! file parses the arguments and hands each command to its module
//! (`commands`, `cli_query`); `report` shows progress and problems.

mod args;
mod cli_query;
mod commands;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use quotegraph::export::Format;

use args::{format_parser, DiffFormat, ExtractFormat, ReadArgs, RunArgs, ScopeArg};
use commands::Setup;

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
    /// Which attributions to keep: claims (propositions put forward by
    /// speech, writing, cognition or evidence; no intentions, requests,
    /// perceptions, noun-phrase topics or embedded questions) or all.
    /// Default: all for extract and eval (everything the rules find, as
    /// PolNeAR annotates it), claims for graph, build and query (a graph
    /// of who claimed what).
    #[arg(long, global = true, value_enum)]
    scope: Option<ScopeArg>,
    /// Tables (extract --format table, query) show whole texts instead of
    /// fitting the terminal's width (COLUMNS, else the terminal's size).
    #[arg(long, global = true)]
    wide: bool,
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
        /// .gz versions) or - for stdin (the default when stdin is a pipe
        /// or a file).
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
    /// Compare two extraction runs (`extract --format jsonl` output): per
    /// document, the attributions added, removed and changed, and which
    /// fields changed.
    ///
    /// Exit status: 0 when the runs hold the same attributions, 1 when
    /// anything differs, 2 on a usage error or a file that cannot be read.
    /// Bad lines are reported and the other records compared.
    Diff {
        /// The old run's records (JSONL, or .jsonl.gz).
        old: String,
        /// The new run's records.
        new: String,
        /// Readable text, or one JSON object.
        #[arg(long, short, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
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
        /// Files, directories (recursive: *.txt, *.jsonl, *.ndjson and their
        /// .gz versions; JSONL articles as in `extract`) or - for stdin;
        /// with --from-jsonl, JSONL(.gz) files written by `extract --format
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
        read: ReadArgs,
    },
    /// Extract, build the graph, and write everything into a directory:
    /// extractions.jsonl, graph.* in every format, neo4j/*.csv.
    ///
    /// Exit status: 0 when every input was read, 1 when some input was
    /// skipped (each reported on stderr), 2 on a usage error.
    Build {
        /// Files, directories (recursive: *.txt, *.jsonl, *.ndjson and their
        /// .gz versions; JSONL articles as in `extract`) or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output directory. Its files are replaced together once all are
        /// written (each through a temporary file beside it).
        #[arg(long, short, value_name = "DIR", default_value = "out")]
        output: PathBuf,
        /// Write only these export formats (comma-separated, e.g.
        /// `gexf,html`; default: all). extractions.jsonl and the snapshot
        /// graph.qgs, which `query` loads, are always written; exports of
        /// other formats left from an earlier build are removed.
        #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = format_parser())]
        formats: Vec<Format>,
        #[command(flatten)]
        read: ReadArgs,
    },
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
            if is_write_failure(&e) {
                // a full disk is not a usage error: exit 1, as for -o
                return report::output_failed(format!("{e:#}"));
            }
            eprintln!(
                "quotegraph: error: {}",
                report::escape_lines(&format!("{e:#}"))
            );
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

/// Is stdin a pipe or a redirected file (not a terminal, not
/// `/dev/null`)? `extract` without a path then reads it.
#[cfg(unix)]
fn stdin_is_piped() -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata("/dev/stdin").is_ok_and(|m| m.file_type().is_fifo() || m.is_file())
}

#[cfg(not(unix))]
fn stdin_is_piped() -> bool {
    use std::io::IsTerminal;
    !std::io::stdin().is_terminal()
}

/// True when the error is, or was caused by, output that could not be
/// written for want of room (a full disk or quota, a file too large):
/// stdout on `/dev/full`, which no check before the work can find.
fn is_write_failure(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind as K;
    let full = |io: &std::io::Error| {
        matches!(
            io.kind(),
            K::StorageFull | K::FileTooLarge | K::QuotaExceeded
        )
    };
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(full)
            || matches!(
                c.downcast_ref::<quotegraph::Error>(),
                Some(quotegraph::Error::Io { cause, .. }) if full(cause)
            )
    })
}

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

/// How wide tables are: whole texts with `--wide`; on a terminal its
/// width (`COLUMNS` first, then the terminal's size); else the fixed
/// column widths (pipes and files get the same table everywhere).
fn table_width(wide: bool) -> quotegraph::render::TableWidth {
    use quotegraph::render::TableWidth;
    use std::io::IsTerminal;
    if wide {
        return TableWidth::Unlimited;
    }
    if !std::io::stdout().is_terminal() {
        return TableWidth::Fixed;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(terminal_columns);
    columns.map_or(TableWidth::Fixed, TableWidth::Columns)
}

/// The width of the terminal on stdout.
#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    // SAFETY: TIOCGWINSZ fills the winsize struct given, nothing else
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    (ok && ws.ws_col > 0).then_some(usize::from(ws.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

fn run(cli: Cli) -> Result<ExitCode> {
    quotegraph::render::set_table_width(table_width(cli.wide));
    let lexicon = cli.lexicon.as_deref();
    let graphs = matches!(
        cli.cmd,
        Cmd::Graph { .. } | Cmd::Build { .. } | Cmd::Query { .. }
    );
    let default = if graphs {
        ScopeArg::Claims
    } else {
        ScopeArg::All
    };
    let scope = cli.scope.unwrap_or(default).into();
    match cli.cmd {
        Cmd::Extract {
            paths,
            format,
            output,
            read,
            run,
        } => {
            let paths = if paths.is_empty() {
                if !stdin_is_piped() {
                    anyhow::bail!("give a PATH to extract from (or - for stdin, or pipe text in)");
                }
                vec!["-".to_string()]
            } else {
                paths
            };
            let ex = (Setup { lexicon, scope }).extractor()?;
            commands::extract(&ex, &paths, format, output, &read, &run)
        }
        Cmd::Eval {
            gold,
            pred,
            paths,
            json,
        } => commands::eval(Setup { lexicon, scope }, &gold, pred, paths, json),
        Cmd::Graph {
            paths,
            format,
            output,
            from_jsonl,
            read,
        } => commands::graph(
            Setup { lexicon, scope },
            &paths,
            format,
            output,
            from_jsonl,
            &read,
        ),
        Cmd::Build {
            paths,
            output,
            formats,
            read,
        } => {
            let formats = if formats.is_empty() {
                Format::ALL.to_vec()
            } else {
                formats
            };
            let setup = Setup { lexicon, scope };
            commands::build(setup, &paths, &output, &formats, &read)
        }
        Cmd::Query { question } => cli_query::run(Setup { lexicon, scope }, question),
        Cmd::Diff { old, new, format } => commands::diff(&old, &new, format),
    }
}
