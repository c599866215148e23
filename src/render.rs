//! Output for people and pipes: the formats `quotegraph extract` writes
//! records in (JSONL, a JSON array, a table) and the who-said-what report
//! `quotegraph build` prints.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// How wide the tables of `extract --format table` and `query` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableWidth {
    /// Fixed column widths, long texts cut (for pipes and files).
    Fixed,
    /// Fit this many columns (a terminal's width): the text columns
    /// share what is left, long texts cut.
    Columns(usize),
    /// Nothing cut (`--wide`).
    Unlimited,
}

/// 0: fixed, `usize::MAX`: unlimited, else columns.
static TABLE_WIDTH: AtomicUsize = AtomicUsize::new(0);

/// Set how wide tables are for the rest of the process (the command line
/// sets it once, from `--wide`, `COLUMNS` or the terminal).
pub fn set_table_width(w: TableWidth) {
    let v = match w {
        TableWidth::Fixed => 0,
        TableWidth::Columns(n) => n.clamp(1, usize::MAX - 1),
        TableWidth::Unlimited => usize::MAX,
    };
    TABLE_WIDTH.store(v, Ordering::Relaxed);
}

/// How wide tables are ([`set_table_width`]; fixed unless set).
pub fn table_width() -> TableWidth {
    match TABLE_WIDTH.load(Ordering::Relaxed) {
        0 => TableWidth::Fixed,
        usize::MAX => TableWidth::Unlimited,
        n => TableWidth::Columns(n),
    }
}

/// Column widths fitting `natural` widths (each cell's widest) into
/// `width` characters with `sep` between columns: the widest shrinkable
/// column gives up a character at a time, none below its `min`.
pub(crate) fn fit_widths(natural: &[usize], min: &[usize], sep: usize, width: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    let total = |w: &[usize]| w.iter().sum::<usize>() + sep * w.len().saturating_sub(1);
    let mut t = total(&w);
    while t > width {
        let widest = (0..w.len())
            .filter(|&i| w[i] > min[i])
            .max_by_key(|&i| (w[i], std::cmp::Reverse(i)));
        let Some(i) = widest else { break };
        // shrink in one step down to the next widest (or what is needed)
        let next = (0..w.len())
            .filter(|&j| j != i)
            .map(|j| w[j])
            .filter(|&x| x < w[i])
            .max()
            .unwrap_or(0)
            .max(min[i]);
        let cut = (w[i] - next).max(1).min(t - width).min(w[i] - min[i]);
        w[i] -= cut;
        t -= cut;
    }
    w
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
    const HEADERS: [&str; 6] = ["ID", "SPEAKER", "CUE", "SOURCE", "TO", "CONTENT"];
    const FIXED: [usize; 6] = [4, 28, 14, 18, 16, 70];
    let rows: Vec<[String; 6]> = rec
        .attributions
        .iter()
        .map(|a| {
            [
                a.id.clone(),
                name(&a.speaker),
                a.cue.text.clone(),
                name(&a.source),
                name(&a.addressee),
                a.content.text.clone(),
            ]
            .map(|c| clip(&c, usize::MAX))
        })
        .collect();
    let natural: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([HEADERS[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let widths: Vec<usize> = match table_width() {
        TableWidth::Fixed => FIXED.to_vec(),
        TableWidth::Unlimited => natural.clone(),
        TableWidth::Columns(w) => {
            let min: Vec<usize> = [4, 12, 8, 8, 8, 20]
                .iter()
                .zip(&natural)
                .map(|(m, n)| *m.min(n))
                .collect();
            fit_widths(&natural, &min, 1, w)
        }
    };
    let mut line = |cells: [&str; 6]| -> io::Result<()> {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                l.push(' ');
            }
            // ids are never cut
            let c = if i == 0 {
                (*c).to_string()
            } else {
                clip(c, widths[i])
            };
            l.push_str(&c);
            if i + 1 < cells.len() {
                let pad = widths[i].saturating_sub(c.chars().count());
                l.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{l}")
    };
    line(HEADERS)?;
    for r in &rows {
        line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]].map(String::as_str))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_by_cutting_the_widest_columns_first() {
        // 4 + 30 + 100 and two separators: 136 into 60
        let w = fit_widths(&[4, 30, 100], &[4, 10, 20], 1, 60);
        assert_eq!(w.iter().sum::<usize>() + 2, 60);
        assert_eq!(w[0], 4);
        assert!(w[2] >= w[1], "{w:?}");
        // nothing below the minimums, even when it cannot fit
        assert_eq!(fit_widths(&[4, 30, 100], &[4, 10, 20], 1, 10), [4, 10, 20]);
        // what fits stays
        assert_eq!(fit_widths(&[4, 5], &[4, 5], 2, 80), [4, 5]);
    }
}
