//! `quotegraph query`: questions to the graph, over `quotegraph::query`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use quotegraph::corpus::Holds;
use quotegraph::export::Format;
use quotegraph::graph::NodeKind;
use quotegraph::input::Problem;
use quotegraph::output::AtomicFile;
use quotegraph::query::{self, ToTable};
use quotegraph::QuoteGraph;
use serde::Serialize;

use crate::args::ReadArgs;
use crate::commands::Setup;
use crate::report::{output_failed, report_problems};

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
    read: ReadArgs,
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
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Answer {
    Table,
    Json,
}

/// `--via` of `path`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Via {
    /// Statements and roles.
    Any,
    /// Statement edges only.
    Statements,
}

/// The questions.
#[derive(Subcommand)]
pub enum Question {
    /// Every statement of an entity (name, alias, a word of the name, or
    /// id; case-insensitive), with cue, date, document, outlet, addressee.
    WhoSaid {
        /// Who.
        name: String,
        /// Only statements of this class (speech, writing, cognition,
        /// evidence, intention, request, perception).
        #[arg(long = "class", value_name = "CLASS")]
        class: Option<quotegraph::AttributionClass>,
        /// Only affirmed or only negated statements.
        #[arg(long, value_name = "POLARITY")]
        polarity: Option<quotegraph::Polarity>,
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
    /// a table of links, or with --format a graph of people only, one
    /// `mentions` edge A → B per pair weighted by the statements.
    MentionNetwork {
        /// Export the statements too (A → said → statement → mentions →
        /// B) instead of weighted person → person edges.
        #[arg(long)]
        with_statements: bool,
        #[command(flatten)]
        input: GraphInput,
    },
    /// The shortest connection between two entities through statements
    /// (and roles, unless --via statements).
    Path {
        /// From.
        from: String,
        /// To.
        to: String,
        /// The edges the path may use: `any` (statements and roles) or
        /// `statements` (said, addressed to, relayed by, mentions).
        #[arg(long, value_enum, default_value_t = Via::Any)]
        via: Via,
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
    /// Statements and most-quoted speakers per document date, oldest
    /// first; dates written without a year come after the dated ones,
    /// marked "year unknown".
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
    /// Claims: statements of one speaker reported by several documents
    /// (quotes identical after normalizing, cut or extended, or close
    /// paraphrases), most reported first.
    Claims {
        /// Only this speaker's claims (name, alias or id).
        #[arg(long)]
        speaker: Option<String>,
        /// Only claims with at least this many reports.
        #[arg(long, default_value_t = 1)]
        min_reports: usize,
        #[command(flatten)]
        input: Input,
    },
    /// Who carried a claim (its id from `query claims`, or a statement
    /// that reports it), in date order, with each report's outlet and
    /// wording.
    Spread {
        /// The claim.
        claim: String,
        #[command(flatten)]
        input: Input,
    },
}

/// The graph, and the problems of inputs (warnings first, then errors).
fn load(setup: Setup<'_>, paths: &[String], read: &ReadArgs) -> Result<(QuoteGraph, Vec<Problem>)> {
    let ex = setup.extractor()?;
    let got = read.with_progress(Holds::ByName, |o| {
        quotegraph::corpus::read_graph(paths, o, &ex, None, true)
    })?;
    let mut problems = got.problems;
    problems.sort_by_key(Problem::is_error);
    Ok((got.graph, problems))
}

/// `text` on stdout, control characters from the input escaped (tables,
/// notes; JSON holds none unescaped).
fn print(text: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(crate::report::escape_lines(text).as_bytes())?;
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

/// [`answer`] for answers about a known name that may be empty: the table
/// is then the note saying so; JSON stays the (empty) answer, with the
/// note on stderr. True when the answer has something in it.
fn noted<T: Serialize + ?Sized>(
    format: Answer,
    value: &T,
    note: Option<String>,
    table: impl FnOnce() -> String,
) -> Result<bool> {
    match (&note, format) {
        (Some(n), Answer::Table) => print(&format!("{n}\n"))?,
        (Some(n), Answer::Json) => {
            eprintln!("quotegraph: {}", crate::report::escape_lines(n));
            answer(format, value, table)?;
        }
        (None, _) => answer(format, value, table)?,
    }
    Ok(note.is_none())
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
                output_failed(format!("{}: {e}", o.display()));
                return Ok(false);
            }
        }
        (Some(f), Some(o)) => match f.exporter().write_path(g, o) {
            Err(quotegraph::Error::Io { path, cause }) => {
                output_failed(format!("{path}: {cause}"));
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

/// Where the graph of a question comes from.
fn source(q: &Question) -> (&[String], &ReadArgs) {
    match q {
        Question::WhoSaid { input, .. }
        | Question::Provenance { input, .. }
        | Question::RelayedBy { input, .. }
        | Question::Mentions { input, .. }
        | Question::Path { input, .. }
        | Question::TopSpeakers { input, .. }
        | Question::TopOutlets { input, .. }
        | Question::Timeline { input }
        | Question::Components { input }
        | Question::Roles { input, .. }
        | Question::Claims { input, .. }
        | Question::Spread { input, .. } => (&input.paths, &input.read),
        Question::MentionNetwork { input, .. } | Question::Ego { input, .. } => {
            (&input.paths, &input.read)
        }
    }
}

/// Run one question. Input problems are reported; they, an empty answer
/// about a known name (with a note saying so), a path not found and an
/// output file that could not be written make the exit code 1.
pub fn run(setup: Setup<'_>, q: Question) -> Result<ExitCode> {
    if let Question::MentionNetwork { input, .. } | Question::Ego { input, .. } = &q {
        if let Some(o) = &input.output {
            if let Some(f) = graph_format(input)? {
                f.check_target(o)?;
            } else {
                quotegraph::output::check_target(o, false)?;
            }
        }
    }
    let (paths, decode) = source(&q);
    let (g, problems) = load(setup, paths, decode)?;
    report_problems(&problems);
    if let Some(code) =
        crate::commands::nothing_found(&g, g.nodes_of_kind(NodeKind::Document).count(), None)
    {
        return Ok(code);
    }
    let failed = problems.iter().any(Problem::is_error);
    // false: no path found, or an output file could not be written
    let found = ask(&g, q)?;
    Ok(if failed || !found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Answer `q` on stdout (or its -o file); false when there is nothing to
/// say about a known name, no path, or an output file not written.
fn ask(g: &QuoteGraph, q: Question) -> Result<bool> {
    let mut found = true;
    match q {
        Question::WhoSaid {
            name,
            class,
            polarity,
            input,
        } => {
            let mut w = query::who_said(g, &name)?;
            w.statements.retain(|s| {
                class.is_none_or(|c| s.class == c) && polarity.is_none_or(|p| s.polarity == p)
            });
            found = noted(input.format, &w.statements, w.empty_note(), || w.to_table())?;
        }
        Question::Provenance { statement, input } => {
            let p = query::provenance(g, &statement)?;
            let note = p.is_empty().then(|| {
                let e = query::resolve(g, &statement).expect("resolved by provenance");
                format!("{} ({}) said nothing in these texts", e.name(), e.id)
            });
            found = noted(input.format, &p, note, || p.to_table())?;
        }
        Question::RelayedBy { outlet, input } => {
            let r = query::relayed_by(g, &outlet)?;
            found = noted(input.format, &r, r.empty_note(), || r.to_table())?;
        }
        Question::Mentions { name, input } => {
            let m = query::mentioners(g, &name)?;
            found = noted(input.format, &m, m.empty_note(), || m.to_table())?;
        }
        Question::MentionNetwork {
            with_statements,
            input,
        } => {
            let net = if with_statements {
                query::mention_network_with_statements(g)
            } else {
                query::mention_network(g)
            };
            found = graph_answer(&net, &input, || query::mention_links(g).to_table())?;
        }
        Question::Path {
            from,
            to,
            via,
            input,
        } => found = path(g, &from, &to, via, input.format)?,
        Question::TopSpeakers { top, input } => {
            let s = query::top_speakers(g, top);
            answer(input.format, &s, || s.to_table())?;
        }
        Question::TopOutlets { top, input } => {
            let o = query::top_outlets(g, top);
            answer(input.format, &o, || o.to_table())?;
        }
        Question::Timeline { input } => {
            let t = query::timeline(g);
            answer(input.format, &t, || t.to_table())?;
        }
        Question::Ego { name, hops, input } => found = ego(g, &name, hops, &input)?,
        Question::Components { input } => {
            let c = query::components(g);
            answer(input.format, &c, || c.to_table())?;
        }
        Question::Roles { name, input } => {
            let r = query::role_holders(g, &name)?;
            found = noted(input.format, &r, r.empty_note(), || r.to_table())?;
        }
        Question::Claims {
            speaker,
            min_reports,
            input,
        } => {
            let c = query::claims(g, speaker.as_deref(), min_reports)?;
            answer(input.format, &c, || c.to_table())?;
        }
        Question::Spread { claim, input } => {
            let c = query::spread(g, &claim)?;
            answer(input.format, &c, || c.to_table())?;
        }
    }
    Ok(found)
}

/// `path`: the connection, or a note that there is none.
fn path(g: &QuoteGraph, from: &str, to: &str, via: Via, format: Answer) -> Result<bool> {
    let via = match via {
        Via::Any => query::Via::Any,
        Via::Statements => query::Via::Statements,
    };
    let c = query::path_via(g, from, to, via)?;
    let through = match via {
        query::Via::Any => "statements or roles",
        query::Via::Statements => "statements",
    };
    let note = c
        .is_none()
        .then(|| format!("no connection between {from:?} and {to:?} through {through}"));
    noted(format, &c, note, || {
        c.as_ref().map(ToTable::to_table).unwrap_or_default()
    })
}

/// `ego`: the neighbourhood, as a graph or an outline.
fn ego(g: &QuoteGraph, name: &str, hops: usize, input: &GraphInput) -> Result<bool> {
    let center = query::resolve(g, name)?;
    let sub = query::ego(g, name, hops)?;
    graph_answer(&sub, input, || {
        format!(
            "within {hops} hop{} of {} ({}):\n{}",
            if hops == 1 { "" } else { "s" },
            center.name(),
            center.id,
            query::outline(&sub)
        )
    })
}
