//! Output for people and pipes: the formats `quotegraph extract` writes
//! records in (JSONL, a JSON array, a table) and the who-said-what report
//! `quotegraph build` prints.

use std::io::{self, Write};

use crate::graph::QuoteGraph;
use crate::record::{DocRecord, MentionRecord};

/// How `quotegraph extract` writes records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// One JSON object a line (the output contract).
    Jsonl,
    /// One pretty-printed JSON array.
    Json,
    /// A table per document, for reading.
    Table,
}

impl RecordFormat {
    /// One record in this format, on any thread: a JSONL line, an element
    /// of the JSON array (every line indented), or the document's table.
    /// [`RecordWriter`] puts them together.
    ///
    /// ```
    /// use quotegraph::render::RecordFormat;
    /// use quotegraph::{Document, Extractor};
    ///
    /// let rec = Extractor::default()
    ///     .extract(&Document::new("a.txt", "Russia is ready to talk, Lavrov said."))
    ///     .to_record();
    /// let table = String::from_utf8(RecordFormat::Table.render(&rec)).unwrap();
    /// assert!(table.starts_with("== a.txt (1 attribution)\n"));
    /// ```
    pub fn render(self, rec: &DocRecord) -> Vec<u8> {
        let mut buf = Vec::with_capacity(4096);
        match self {
            RecordFormat::Jsonl => {
                serde_json::to_writer(&mut buf, rec).expect("records serialize");
                buf.push(b'\n');
            }
            RecordFormat::Json => {
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
            RecordFormat::Table => write_table(&mut buf, rec).expect("writing to memory"),
        }
        buf
    }
}

/// Writes records rendered by [`RecordFormat::render`] to `out`, in the
/// order given, with what the format puts around them (a JSON array's
/// brackets and commas).
#[derive(Debug)]
pub struct RecordWriter<W: Write> {
    out: W,
    format: RecordFormat,
    first: bool,
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` records to `out`.
    pub fn new(out: W, format: RecordFormat) -> Self {
        RecordWriter {
            out,
            format,
            first: true,
        }
    }

    /// Write one rendered record.
    pub fn write(&mut self, rendered: &[u8]) -> io::Result<()> {
        if self.format == RecordFormat::Json {
            self.out
                .write_all(if self.first { b"[\n" } else { b",\n" })?;
        }
        self.first = false;
        self.out.write_all(rendered)
    }

    /// End the output (a JSON array is closed, `[]` when empty), flush it
    /// and give back `out`.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == RecordFormat::Json {
            self.out
                .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// `s` on one line (line breaks and tabs as spaces, other control
/// characters escaped so input text cannot drive the terminal), cut to
/// `n` characters ending in "…".
fn clip(s: &str, n: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    let s = crate::input::escape_controls(&s).into_owned();
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn write_table(out: &mut impl Write, rec: &DocRecord) -> io::Result<()> {
    let n = rec.attributions.len();
    writeln!(
        out,
        "== {} ({n} attribution{})",
        crate::input::escape_controls(&rec.doc),
        if n == 1 { "" } else { "s" }
    )?;
    let name = |m: &Option<MentionRecord>| match m {
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
    writeln!(out)
}

/// The busiest `top` speakers of `g` — how much they said, in how many
/// documents, who relayed it, their first statement — as `quotegraph
/// build` prints them, from the one ranking of speakers
/// ([`QuoteGraph::speakers`], which [`crate::query::top_speakers`] lists
/// too), with a line for the rest.
///
/// ```
/// use quotegraph::{render, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "Russia is ready to talk, Lavrov said."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let report = render::who_said_what(&g, 20);
/// assert!(report.lines().nth(1).unwrap().starts_with("Lavrov"));
/// ```
pub fn who_said_what(g: &QuoteGraph, top: usize) -> String {
    use std::fmt::Write as _;
    let speakers = g.speakers();
    let mut out = format!(
        "{:<26} {:>5} {:>5}  {:<20} FIRST STATEMENT\n",
        "SPEAKER", "SAID", "DOCS", "RELAYED BY"
    );
    for s in speakers.iter().take(top) {
        let relayed: Vec<&str> = s.relayed_by.iter().map(|n| n.name()).collect();
        let relayed = if relayed.is_empty() {
            "-".to_string()
        } else {
            relayed.join(", ")
        };
        let _ = writeln!(
            out,
            "{:<26} {:>5} {:>5}  {:<20} {}",
            clip(s.speaker.name(), 26),
            s.statements.len(),
            s.documents,
            clip(&relayed, 20),
            clip(s.statements[0].name(), 60)
        );
    }
    if speakers.len() > top {
        let _ = writeln!(out, "… and {} more speakers", speakers.len() - top);
    }
    out
}
