//! The `quotegraph` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use quotegraph::export::{self, Format};
use quotegraph::graph::{self, QuoteGraph};
use quotegraph::{input, DocRecord, Extractor, Lexicon};

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
    Extract {
        /// Files, directories (recursive, *.txt) or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format (default: table on a terminal, jsonl otherwise).
        #[arg(long, short)]
        format: Option<ExtractFormat>,
    },
    /// Build the knowledge graph from texts (or extractions) and export it.
    Graph {
        /// Files, directories (recursive, *.txt) or - for stdin; with
        /// --from-jsonl, JSONL files written by `extract --format jsonl`.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Export format (default: from the -o file extension; a directory
        /// means csv).
        #[arg(long, short, value_parser = format_parser())]
        format: Option<Format>,
        /// Write here instead of stdout (csv: a directory).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Read extraction records (JSONL) instead of texts.
        #[arg(long)]
        from_jsonl: bool,
    },
    /// Extract, build the graph, and write everything into a directory:
    /// extractions.jsonl, graph.* in every format, neo4j/*.csv.
    Build {
        /// Files, directories (recursive, *.txt) or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output directory.
        #[arg(long, short, value_name = "DIR", default_value = "out")]
        output: PathBuf,
    },
}

fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Format::ALL.map(|f| f.name()))
        .map(|s| s.parse::<Format>().expect("listed formats parse"))
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    Jsonl,
    Json,
    Table,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
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
        Cmd::Extract { paths, format } => {
            let ex = extractor(&cli.lexicon)?;
            let format = format.unwrap_or(if std::io::stdout().is_terminal() {
                ExtractFormat::Table
            } else {
                ExtractFormat::Jsonl
            });
            let (inputs, mut errors) = input::expand(&paths);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut all = Vec::new();
            for inp in &inputs {
                match input::read(inp) {
                    Ok(doc) => {
                        let rec = ex.extract(&doc).to_record();
                        match format {
                            ExtractFormat::Jsonl => {
                                serde_json::to_writer(&mut out, &rec)?;
                                out.write_all(b"\n")?;
                            }
                            ExtractFormat::Table => write_table(&mut out, &rec)?,
                            ExtractFormat::Json => all.push(rec),
                        }
                    }
                    Err(e) => errors.push(e),
                }
            }
            if format == ExtractFormat::Json {
                serde_json::to_writer_pretty(&mut out, &all)?;
                out.write_all(b"\n")?;
            }
            out.flush().context("writing output")?;
            for e in &errors {
                eprintln!("quotegraph: {e}");
            }
            Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Cmd::Graph {
            paths,
            format,
            output,
            from_jsonl,
        } => run_graph(&cli.lexicon, &paths, format, output, from_jsonl),
        Cmd::Build { paths, output } => run_build(&cli.lexicon, &paths, &output),
    }
}

/// Extract records from text inputs, each with the text it came from
/// (for the statements' sentence context); errors are per input.
fn extract_with_texts(
    ex: &Extractor,
    paths: &[String],
) -> (Vec<(DocRecord, String)>, Vec<quotegraph::Error>) {
    let (inputs, mut errors) = input::expand(paths);
    let mut docs = Vec::with_capacity(inputs.len());
    for inp in &inputs {
        match input::read(inp) {
            Ok(doc) => docs.push((ex.extract(&doc).to_record(), doc.text)),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

/// The graph of texts, with each statement's sentence attached.
fn graph_with_texts(ex: &Extractor, docs: &[(DocRecord, String)]) -> Result<QuoteGraph> {
    let records: Vec<DocRecord> = docs.iter().map(|(r, _)| r.clone()).collect();
    let mut g = QuoteGraph::from_extractions(&records)?;
    for (rec, text) in docs {
        g.attach_text(rec, text, ex.lexicon());
    }
    Ok(g)
}

/// Read extraction records from JSONL files or stdin.
fn read_jsonl_all(paths: &[String]) -> (Vec<DocRecord>, Vec<quotegraph::Error>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let read = if p == "-" {
            graph::read_jsonl(std::io::stdin().lock(), "-")
        } else {
            std::fs::File::open(p)
                .map_err(|e| quotegraph::Error::io(p.as_str(), e))
                .and_then(|f| graph::read_jsonl(std::io::BufReader::new(f), p))
        };
        match read {
            Ok(r) => records.extend(r),
            Err(e) => errors.push(e),
        }
    }
    (records, errors)
}

fn exit_code(errors: &[quotegraph::Error]) -> ExitCode {
    for e in errors {
        eprintln!("quotegraph: {e}");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_graph(
    cli_lexicon: &Option<PathBuf>,
    paths: &[String],
    format: Option<Format>,
    output: Option<PathBuf>,
    from_jsonl: bool,
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
    let (g, errors) = if from_jsonl {
        let (records, errors) = read_jsonl_all(paths);
        (QuoteGraph::from_extractions(&records)?, errors)
    } else {
        let ex = extractor(cli_lexicon)?;
        let (docs, errors) = extract_with_texts(&ex, paths);
        (graph_with_texts(&ex, &docs)?, errors)
    };
    eprintln!("quotegraph: graph: {}", g.summary());
    let exporter = format.exporter();
    match output {
        Some(o) => {
            exporter.write_path(&g, &o)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            exporter.write(&g, &mut out)?;
            out.flush().context("writing output")?;
        }
    }
    Ok(exit_code(&errors))
}

fn run_build(
    cli_lexicon: &Option<PathBuf>,
    paths: &[String],
    dir: &std::path::Path,
) -> Result<ExitCode> {
    let ex = extractor(cli_lexicon)?;
    let (docs, errors) = extract_with_texts(&ex, paths);
    let records: Vec<&DocRecord> = docs.iter().map(|(r, _)| r).collect();
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let jsonl = dir.join("extractions.jsonl");
    {
        let f = std::fs::File::create(&jsonl)
            .with_context(|| format!("creating {}", jsonl.display()))?;
        let mut out = std::io::BufWriter::new(f);
        for r in &records {
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")?;
        }
        out.flush()
            .with_context(|| format!("writing {}", jsonl.display()))?;
    }
    let g = graph_with_texts(&ex, &docs)?;
    let mut files = vec![jsonl];
    files.extend(export::write_all(&g, dir)?);
    let schema = dir.join("ladybug_schema.cypher");
    std::fs::write(&schema, export::ladybug_schema())
        .with_context(|| format!("writing {}", schema.display()))?;
    files.push(schema);
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
    Ok(exit_code(&errors))
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
