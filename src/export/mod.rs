//! Writing a [`QuoteGraph`] in the formats that visualization and graph
//! tools read: one file per format, each with a `write` function, and the
//! [`Format`] enum, which names them and is their [`Exporter`]. Adding a
//! format is a file and a variant (with its name, extensions and `write`
//! arm). The escaping every format needs is in one place, `escape.rs`.
//!
//! Every writer escapes what it writes with the format's own rules (an XML
//! writer for GraphML and GEXF, `serde_json` for JSON), so names and claims
//! with quotes, `<`, `&`, backslashes, newlines or any script come back
//! unchanged through the format's readers. Two exceptions, both forced by
//! the formats: XML 1.0 and Graphviz cannot hold most control characters,
//! which GraphML, GEXF and DOT write as U+FFFD; and CSV cells that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) get a leading `'`.
//!
//! ```
//! use quotegraph::{Document, Extractor, QuoteGraph};
//! use quotegraph::export::Format;
//!
//! let rec = Extractor::default()
//!     .extract(&Document::new("a.txt", "Russia is ready to talk, Lavrov said."))
//!     .to_record();
//! let g = QuoteGraph::from_extractions(&[rec]).unwrap();
//! let mut dot = Vec::new();
//! Format::Dot.exporter().write(&g, &mut dot).unwrap();
//! assert!(String::from_utf8(dot).unwrap().starts_with("digraph quotegraph {"));
//! assert_eq!(Format::from_extension("graphml"), Some(Format::Graphml));
//! ```

mod attrs;
mod csv;
mod cypher;
mod cytoscape;
mod dot;
mod escape;
mod gexf;
mod graphml;
mod html;
mod json;
mod ron;
mod ttl;
mod xml;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::graph::{NodeKind, QuoteGraph};
use crate::output::{self, AtomicFile};

pub use self::attrs::{edge_attributes, node_attributes, AttrValue};
pub(crate) use self::attrs::{Attr, AttrType, EDGE_ATTRS, NODE_ATTRS};
pub use self::cypher::ladybug_schema;
pub use self::escape::xml_chars;
pub use self::ron::read_ron;

/// Writes a graph in one format.
///
/// Every [`Format`] is one ([`Format::exporter`] hands it out boxed):
/// its `write` calls the `write` function of the format's own file.
pub trait Exporter {
    /// The format.
    fn format(&self) -> Format;

    /// Write the graph to a stream.
    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()>;

    /// Write the graph to `path` and return the files written. Files are
    /// written atomically ([`stage_path`](Self::stage_path), then
    /// [`output::commit_all`]): an error or interruption leaves what was
    /// at `path` before.
    fn write_path(&self, g: &QuoteGraph, path: &Path) -> Result<Vec<PathBuf>> {
        output::commit_all(self.stage_path(g, path)?)
    }

    /// Write the graph to temporary files that replace `path` when
    /// committed ([`output::commit_all`]), and nothing before. The default
    /// creates `path`'s parent directories and calls
    /// [`write`](Self::write); formats made of several files treat `path`
    /// as a directory.
    fn stage_path(&self, g: &QuoteGraph, path: &Path) -> Result<Vec<AtomicFile>> {
        Ok(vec![stage_file(path, |out| self.write(g, out))?])
    }
}

impl Exporter for Format {
    fn format(&self) -> Format {
        *self
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        match self {
            Format::Dot => dot::write(g, out).map_err(stream_err),
            Format::Graphml => graphml::write(g, out).map_err(stream_err),
            Format::Gexf => gexf::write(g, out).map_err(stream_err),
            Format::Json => json::write(g, out),
            Format::Cytoscape => cytoscape::write(g, out),
            Format::Csv => Err(csv::not_a_stream()),
            Format::Cypher => cypher::write(g, out).map_err(stream_err),
            Format::Ron => ron::write(g, out),
            Format::Ttl => ttl::write(g, out).map_err(stream_err),
            Format::Html => html::write(g, out),
        }
    }

    /// CSV is a directory of two files; every other format one file.
    fn stage_path(&self, g: &QuoteGraph, path: &Path) -> Result<Vec<AtomicFile>> {
        match self {
            Format::Csv => csv::stage_dir(g, path),
            _ => Ok(vec![stage_file(path, |out| self.write(g, out))?]),
        }
    }
}

/// Create `path`'s directories and a temporary file that replaces `path`
/// when committed, and run `f` on it; errors name the path.
pub(crate) fn stage_file(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<AtomicFile> {
    let name = path.display().to_string();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
    }
    let mut file = AtomicFile::create(path).map_err(|e| Error::io(&name, e))?;
    f(&mut file).map_err(|e| match e {
        Error::Io { cause, .. } => Error::io(&name, cause),
        e => e,
    })?;
    file.flush().map_err(|e| Error::io(&name, e))?;
    Ok(file)
}

/// An I/O error while writing to a stream.
pub(crate) fn stream_err(e: std::io::Error) -> Error {
    Error::io("output", e)
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// GraphML (networkx, yEd, Gephi).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// networkx node-link JSON.
    Json,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// Neo4j `neo4j-admin import` CSV: a directory with `nodes.csv` and
    /// `relationships.csv`.
    Csv,
    /// A Cypher script of `CREATE` statements.
    Cypher,
    /// RON, read back by [`read_ron`].
    Ron,
    /// RDF Turtle with schema.org and PROV terms.
    Ttl,
    /// One self-contained HTML page that draws the graph (no network).
    Html,
}

impl Format {
    /// Does this format write the statements' sentence context (the
    /// HTML explorer shows it, RON keeps every field)? Graphs for the
    /// others need not hold it.
    pub fn keeps_context(self) -> bool {
        matches!(self, Format::Html | Format::Ron)
    }

    /// Every format.
    pub const ALL: [Format; 10] = [
        Format::Dot,
        Format::Graphml,
        Format::Gexf,
        Format::Json,
        Format::Cytoscape,
        Format::Csv,
        Format::Cypher,
        Format::Ron,
        Format::Ttl,
        Format::Html,
    ];

    /// The writer for this format: the format itself, boxed.
    pub fn exporter(self) -> Box<dyn Exporter> {
        Box::new(self)
    }

    /// The name used on the command line ("graphml").
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Json => "json",
            Format::Cytoscape => "cytoscape",
            Format::Csv => "csv",
            Format::Cypher => "cypher",
            Format::Ron => "ron",
            Format::Ttl => "ttl",
            Format::Html => "html",
        }
    }

    /// File name extensions, the usual one first. CSV has none: it is
    /// written to a directory.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Dot => &["dot", "gv"],
            Format::Graphml => &["graphml"],
            Format::Gexf => &["gexf"],
            Format::Json => &["json"],
            Format::Cytoscape => &["cyjs"],
            Format::Csv => &[],
            Format::Cypher => &["cypher", "cql"],
            Format::Ron => &["ron"],
            Format::Ttl => &["ttl"],
            Format::Html => &["html", "htm"],
        }
    }

    /// The format written to files with this extension (case-insensitive,
    /// without the dot).
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The format for an output path: by extension, or CSV for a path
    /// that is a directory or ends in `/`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let s = path.as_os_str().to_string_lossy();
        if s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
            return Some(Format::Csv);
        }
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    }

    /// Check before any work that this format can be written to `path`
    /// (a directory for CSV, a file otherwise), with
    /// [`output::check_target`].
    pub fn check_target(self, path: &Path) -> Result<()> {
        output::check_target(path, self == Format::Csv)
    }

    /// The file (or, for CSV, directory) name this format gets in a
    /// `build` output directory: `graph.dot`…, `neo4j`.
    pub fn default_file_name(self) -> String {
        match self.extensions().first() {
            Some(ext) => format!("graph.{ext}"),
            None => "neo4j".to_string(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// Write the graph in every format into `dir` (`graph.dot`, …,
/// `neo4j/nodes.csv`), and return the files written. Every file is
/// replaced only once all are written ([`stage_all`]).
pub fn write_all(g: &QuoteGraph, dir: &Path) -> Result<Vec<PathBuf>> {
    output::commit_all(stage_all(g, dir)?)
}

/// [`write_all`] without the commit: the temporary files that replace
/// `dir`'s `graph.dot`, … when given to [`output::commit_all`] (with
/// others, for a whole output directory).
pub fn stage_all(g: &QuoteGraph, dir: &Path) -> Result<Vec<AtomicFile>> {
    stage_formats(g, dir, &Format::ALL)
}

/// [`stage_all`] for some formats only (each once, in the order given).
pub fn stage_formats(g: &QuoteGraph, dir: &Path, formats: &[Format]) -> Result<Vec<AtomicFile>> {
    let mut files = Vec::new();
    for (i, &f) in formats.iter().enumerate() {
        if formats[..i].contains(&f) {
            continue;
        }
        files.extend(
            f.exporter()
                .stage_path(g, &dir.join(f.default_file_name()))?,
        );
    }
    Ok(files)
}

/// Node colours by kind, for formats that draw (hex RGB).
pub(crate) fn color(kind: NodeKind) -> (u8, u8, u8) {
    match kind {
        NodeKind::Person => (0x8d, 0xd3, 0xc7),
        NodeKind::Organization => (0x80, 0xb1, 0xd3),
        NodeKind::Place => (0xb3, 0xde, 0x69),
        NodeKind::Statement => (0xff, 0xff, 0xb3),
        NodeKind::Document => (0xd9, 0xd9, 0xd9),
        NodeKind::Claim => (0xfd, 0xb4, 0x62),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_extension() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            for e in f.extensions() {
                assert_eq!(Format::from_extension(e), Some(f));
            }
        }
        assert_eq!(Format::from_path(Path::new("x/g.GEXF")), Some(Format::Gexf));
        assert_eq!(
            Format::from_path(Path::new("out/neo4j/")),
            Some(Format::Csv)
        );
        assert_eq!(Format::from_path(Path::new("g.txt")), None);
        assert!("png".parse::<Format>().is_err());
    }
}
