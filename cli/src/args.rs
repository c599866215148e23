//! Arguments shared by several commands, and what they mean to the
//! library.

use clap::{Args, ValueEnum};
use quotegraph::corpus::{self, Holds};
use quotegraph::export::Format;
use quotegraph::input::{InputFormat, ReadOptions};
use quotegraph::render::RecordFormat;
use quotegraph::Scope;

/// The `--format` of commands that export a graph: the export formats'
/// names.
pub fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Format::ALL.map(|f| f.name()))
        .map(|s| s.parse::<Format>().expect("listed formats parse"))
}

/// How inputs are read (shared by commands that read articles).
#[derive(Args, Debug, Clone)]
pub struct ReadArgs {
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

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
}

impl ReadArgs {
    /// The library's reading options.
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            },
            text_field: self.text_field.clone(),
            id_field: self.id_field.clone(),
            ..self.decode.text_options()
        }
    }

    /// A corpus of paths holding `holds`, read as `extract` reads them
    /// (the same format detection and JSONL fields).
    pub fn corpus(&self, holds: Holds) -> corpus::Options {
        corpus::Options {
            read: self.options(),
            holds,
            ..corpus::Options::default()
        }
    }

    /// Run `read` with [`corpus`](Self::corpus)'s options and a progress
    /// bar on stderr while the texts are read (only when stderr is a
    /// terminal): `graph`, `build` and `query` on a big corpus show that
    /// they are working.
    pub fn with_progress<T>(&self, holds: Holds, read: impl FnOnce(&corpus::Options) -> T) -> T {
        let reporter = crate::report::Reporter::new(&[], false);
        let opts = corpus::Options {
            progress: Some(reporter.progress.clone()),
            ..self.corpus(holds)
        };
        let got = read(&opts);
        reporter.finish();
        got
    }
}

/// How texts are decoded and how big one may be (shared by every command
/// that reads texts: extract, graph, build, query).
#[derive(Args, Debug, Clone)]
pub struct DecodeArgs {
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
pub struct RunArgs {
    /// Worker threads, 1 to 256 (default: all cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// No progress bar and no warnings (errors are still reported).
    #[arg(long, short)]
    pub quiet: bool,
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

/// `extract --format`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    Jsonl,
    Json,
    Table,
}

impl From<ExtractFormat> for RecordFormat {
    fn from(f: ExtractFormat) -> RecordFormat {
        match f {
            ExtractFormat::Jsonl => RecordFormat::Jsonl,
            ExtractFormat::Json => RecordFormat::Json,
            ExtractFormat::Table => RecordFormat::Table,
        }
    }
}

/// `diff --format`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
}

/// `--scope`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ScopeArg {
    Claims,
    All,
}

impl From<ScopeArg> for Scope {
    fn from(s: ScopeArg) -> Scope {
        match s {
            ScopeArg::Claims => Scope::Claims,
            ScopeArg::All => Scope::All,
        }
    }
}
