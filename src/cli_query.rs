//! `quotegraph query`: questions to the graph, over `quotegraph::query`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use quotegraph::export::Format;
use quotegraph::input::Problem;
use quotegraph::output::AtomicFile;
use quotegraph::query::{self, ToTable};
use quotegraph::{Extractor, QuoteGraph};
use serde::Serialize;

use crate::DecodeArgs;

/// Where the graph comes from and how to print the answer.
#[derive(Args)]
pub struct Input {
    /// Texts (files, directories of *.txt, - for stdin), extraction records
    /// (*.jsonl), or one saved graph (*.ron, node-link *.json).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Answer as a readable table or as JSON.
    #[arg(long, short, value_enum, default_value_t = Answer::Table)]
    format: Answer,
    #[command(flatten)]
    decode: DecodeArgs,
}

/// Where the graph comes from, for answers that are graphs.
#[derive(Args)]
pub struct GraphInput {
    /// Texts (files, directories of *.txt, - for stdin), extraction records
    /// (*.jsonl), or one saved graph (*.ron, node-link *.json).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// `table` (a readable summary), or any export format: dot, graphml,
    /// gexf, json, cytoscape, csv, cypher, ron, ttl (default: table, or
    /// from the -o extension).
    #[arg(long, short)]
    format: Option<String>,
    /// Write the graph (or the table) here instead of stdout (csv: a
    /// directory), atomically: a temporary file beside it is renamed into
    /// place when complete.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    decode: DecodeArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Answer {
    Table,
    Json,
}

/// The questions.
#[derive(Subcommand)]
pub enum Question {
    /// Every statement of an entity (name, alias, a word of the name, or
    /// id; case-insensitive), with cue, date, document, outlet, addressee.
    WhoSaid {
        /// Who.
        name: String,
        #[command(flatten)]
        input: Input,
    },
    /// The chain outlet ← cited ← speaker → cue → addressee of a statement
    /// (`statement:<doc>#<n>` or `<file>#<n>`), or of every statement of an
    /// entity.
    Provenance {
        /// A statement id, or an entity.
        statement: String,
        #[command(flatten)]
        input: Input,
    },
    /// Every speaker an outlet relayed.
    RelayedBy {
        /// The outlet.
        outlet: String,
        #[command(flatten)]
        input: Input,
    },
    /// Who talks about an entity: speakers whose statements mention it,
    /// ranked.
    Mentions {
        /// Talked about.
        name: String,
        #[command(flatten)]
        input: Input,
    },
    /// The mention network between people (A's statements mention B):
    /// a table of links, or the network exported with --format.
    MentionNetwork {
        #[command(flatten)]
        input: GraphInput,
    },
    /// The shortest connection between two entities through statements.
    Path {
        /// From.
        from: String,
        /// To.
        to: String,
        #[command(flatten)]
        input: Input,
    },
    /// Speakers with the most statements.
    TopSpeakers {
        /// How many (0: all).
        #[arg(long, short = 'n', default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        input: Input,
    },
    /// Outlets that relayed the most statements.
    TopOutlets {
        /// How many (0: all).
        #[arg(long, short = 'n', default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        input: Input,
    },
    /// Statements and most-quoted speakers per document date.
    Timeline {
        #[command(flatten)]
        input: Input,
    },
    /// The neighbourhood within K hops of an entity, as a graph any
    /// exporter writes (--format), or a summary.
    Ego {
        /// The centre.
        name: String,
        /// Hops from the centre.
        #[arg(long, short = 'k', default_value_t = 2)]
        hops: usize,
        #[command(flatten)]
        input: GraphInput,
    },
    /// Connected components of the person–person network.
    Components {
        #[command(flatten)]
        input: Input,
    },
    /// Everyone holding a role of an organization or person, and the roles
    /// it holds.
    Roles {
        /// The organization or person.
        name: String,
        #[command(flatten)]
        input: Input,
    },
}

/// The graph, and the problems of inputs (warnings first, then errors).
fn load(
    lexicon: &Option<PathBuf>,
    paths: &[String],
    decode: &DecodeArgs,
) -> Result<(QuoteGraph, Vec<Problem>)> {
    let ex = match lexicon {
        Some(dir) => Extractor::new(quotegraph::Lexicon::from_dir(dir)?),
        None => Extractor::default(),
    };
    let loaded = query::load_with_options(&ex, paths, &decode.text_options())?;
    let mut problems = loaded.warnings;
    problems.extend(loaded.errors.into_iter().map(Problem::from));
    Ok((loaded.graph, problems))
}

fn print(text: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush().context("writing output")
}

fn answer<T: Serialize + ?Sized>(
    format: Answer,
    value: &T,
    table: impl FnOnce() -> String,
) -> Result<()> {
    match format {
        Answer::Table => print(&table()),
        Answer::Json => print(&(serde_json::to_string_pretty(value)? + "\n")),
    }
}

/// The export format of a graph answer, `None` for a table.
fn graph_format(input: &GraphInput) -> Result<Option<Format>> {
    Ok(match (&input.format, &input.output) {
        (Some(f), _) if f.eq_ignore_ascii_case("table") => None,
        (Some(f), _) => Some(f.parse::<Format>().map_err(anyhow::Error::msg)?),
        (None, Some(o)) => Some(Format::from_path(o).with_context(|| {
            format!(
                "cannot tell the format from {:?}: give --format",
                o.display().to_string()
            )
        })?),
        (None, None) => None,
    })
}

/// Write a graph answer: a table, or an export. `-o` files are written
/// atomically; `false` when one could not be written (reported, the old
/// file kept).
fn graph_answer(
    g: &QuoteGraph,
    input: &GraphInput,
    table: impl FnOnce() -> String,
) -> Result<bool> {
    let format = graph_format(input)?;
    match (format, &input.output) {
        (None, None) => print(&table())?,
        (None, Some(o)) => {
            let written = AtomicFile::create(o).and_then(|mut f| {
                f.write_all(table().as_bytes())?;
                f.commit()
            });
            if let Err(e) = written {
                crate::output_failed(format!("{}: {e}", o.display()));
                return Ok(false);
            }
        }
        (Some(f), Some(o)) => match f.exporter().write_path(g, o) {
            Err(quotegraph::Error::Io { path, cause }) => {
                crate::output_failed(format!("{path}: {cause}"));
                return Ok(false);
            }
            other => {
                other?;
            }
        },
        (Some(f), None) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            f.exporter().write(g, &mut out)?;
            out.flush().context("writing output")?;
        }
    }
    Ok(true)
}

/// Run one question; input problems are reported and make the exit code 1.
pub fn run(lexicon: &Option<PathBuf>, q: Question) -> Result<ExitCode> {
    let (paths, decode) = match &q {
        Question::WhoSaid { input, .. }
        | Question::Provenance { input, .. }
        | Question::RelayedBy { input, .. }
        | Question::Mentions { input, .. }
        | Question::Path { input, .. }
        | Question::TopSpeakers { input, .. }
        | Question::TopOutlets { input, .. }
        | Question::Timeline { input }
        | Question::Components { input }
        | Question::Roles { input, .. } => (&input.paths, &input.decode),
        Question::MentionNetwork { input } | Question::Ego { input, .. } => {
            (&input.paths, &input.decode)
        }
    };
    if let Question::MentionNetwork { input } | Question::Ego { input, .. } = &q {
        if let Some(o) = &input.output {
            crate::check_output(o, graph_format(input)? == Some(Format::Csv))?;
        }
    }
    let (g, problems) = load(lexicon, paths, decode)?;
    crate::report_problems(&problems);
    let failed = problems.iter().any(Problem::is_error);
    // false: no path found, or an output file could not be written
    let mut found = true;
    match q {
        Question::WhoSaid { name, input } => {
            let w = query::who_said(&g, &name)?;
            answer(input.format, &w.statements, || w.to_table())?;
        }
        Question::Provenance { statement, input } => {
            let p = query::provenance(&g, &statement)?;
            answer(input.format, &p, || p.to_table())?;
        }
        Question::RelayedBy { outlet, input } => {
            let r = query::relayed_by(&g, &outlet)?;
            answer(input.format, &r, || r.to_table())?;
        }
        Question::Mentions { name, input } => {
            let m = query::mentioners(&g, &name)?;
            answer(input.format, &m, || m.to_table())?;
        }
        Question::MentionNetwork { input } => {
            let net = query::mention_network(&g);
            found = graph_answer(&net, &input, || query::mention_links(&g).to_table())?;
        }
        Question::Path { from, to, input } => {
            let c = query::path(&g, &from, &to)?;
            found = c.is_some();
            answer(input.format, &c, || match &c {
                Some(c) => c.to_table(),
                None => format!("no connection between {from:?} and {to:?} through statements\n"),
            })?;
        }
        Question::TopSpeakers { top, input } => {
            let s = query::top_speakers(&g, top);
            answer(input.format, &s, || s.to_table())?;
        }
        Question::TopOutlets { top, input } => {
            let o = query::top_outlets(&g, top);
            answer(input.format, &o, || o.to_table())?;
        }
        Question::Timeline { input } => {
            let t = query::timeline(&g);
            answer(input.format, &t, || t.to_table())?;
        }
        Question::Ego { name, hops, input } => {
            let center = query::resolve(&g, &name)?;
            let sub = query::ego(&g, &name, hops)?;
            found = graph_answer(&sub, &input, || {
                format!(
                    "within {hops} hop{} of {} ({}):\n{}",
                    if hops == 1 { "" } else { "s" },
                    center.name(),
                    center.id,
                    query::outline(&sub)
                )
            })?;
        }
        Question::Components { input } => {
            let c = query::components(&g);
            answer(input.format, &c, || c.to_table())?;
        }
        Question::Roles { name, input } => {
            let r = query::role_holders(&g, &name)?;
            answer(input.format, &r, || r.to_table())?;
        }
    }
    Ok(if failed || !found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
