//! The `quotegraph` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use quotegraph::{eval, input, DocRecord, Extractor, Lexicon};

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
