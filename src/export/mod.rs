//! Writing a [`QuoteGraph`] in the formats that visualization and graph
//! tools read: one file per format behind the [`Exporter`] trait, picked
//! through the [`Format`] enum.
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

mod csv;
mod cypher;
mod cytoscape;
mod dot;
mod gexf;
mod graphml;
mod html;
mod json;
mod ron;
mod ttl;

use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde_json::json;

use crate::error::{Error, Result};
use crate::graph::{Edge, Node, NodeData, NodeKind, QuoteGraph};
use crate::output::{self, AtomicFile};

pub use self::cypher::ladybug_schema;
pub use self::ron::read_ron;

/// Writes a graph in one format.
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

    /// The writer for this format.
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Dot => Box::new(dot::Dot),
            Format::Graphml => Box::new(graphml::Graphml),
            Format::Gexf => Box::new(gexf::Gexf),
            Format::Json => Box::new(json::NodeLink),
            Format::Cytoscape => Box::new(cytoscape::Cytoscape),
            Format::Csv => Box::new(csv::Neo4jCsv),
            Format::Cypher => Box::new(cypher::Cypher),
            Format::Ron => Box::new(ron::Ron),
            Format::Ttl => Box::new(ttl::Turtle),
            Format::Html => Box::new(html::Html),
        }
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
    let mut files = Vec::new();
    for f in Format::ALL {
        files.extend(
            f.exporter()
                .stage_path(g, &dir.join(f.default_file_name()))?,
        );
    }
    Ok(files)
}

/// The value types of attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    /// Text.
    Str,
    /// An integer.
    Int,
    /// True or false.
    Bool,
    /// A list (written as JSON text by formats without lists).
    List,
}

/// An attribute that nodes or edges may have.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub name: &'static str,
    pub ty: AttrType,
    /// The node kinds that have it (empty for edge attributes).
    pub kinds: &'static [NodeKind],
}

const ENT: &[NodeKind] = &[NodeKind::Person, NodeKind::Organization, NodeKind::Place];
const ST: &[NodeKind] = &[NodeKind::Statement];
const DOC: &[NodeKind] = &[NodeKind::Document];
const ALL_KINDS: &[NodeKind] = &NodeKind::ALL;
const ST_DOC: &[NodeKind] = &[NodeKind::Statement, NodeKind::Document];

const fn a(name: &'static str, ty: AttrType, kinds: &'static [NodeKind]) -> Attr {
    Attr { name, ty, kinds }
}

/// Node attributes, in the order every format writes them.
pub(crate) const NODE_ATTRS: &[Attr] = &[
    a("kind", AttrType::Str, ALL_KINDS),
    a("label", AttrType::Str, ALL_KINDS),
    a("name", AttrType::Str, ENT),
    a("aliases", AttrType::List, ENT),
    a("titles", AttrType::List, ENT),
    a("outlet", AttrType::Bool, ENT),
    a("text", AttrType::Str, ST),
    a("quote_kind", AttrType::Str, ST),
    a("cue", AttrType::Str, ST),
    a("cue_text", AttrType::Str, ST),
    a("doc", AttrType::Str, ST),
    a("span_start", AttrType::Int, ST),
    a("span_end", AttrType::Int, ST),
    a("spans", AttrType::List, ST),
    a("date", AttrType::Str, ST_DOC),
    a("speaker_text", AttrType::Str, ST),
    a("source_text", AttrType::Str, ST),
    a("addressee_text", AttrType::Str, ST),
    a("rule", AttrType::Str, ST),
    a("path", AttrType::Str, DOC),
    a("dateline", AttrType::Str, DOC),
    a("place", AttrType::Str, DOC),
];

/// Edge attributes.
pub(crate) const EDGE_ATTRS: &[Attr] = &[
    a("kind", AttrType::Str, &[]),
    a("title", AttrType::Str, &[]),
    a("mention", AttrType::Str, &[]),
    a("weight", AttrType::Int, &[]),
];

/// One attribute value, as the exporters write it.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue<'a> {
    /// Text.
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// True or false.
    Bool(bool),
    /// A list (a JSON array).
    List(serde_json::Value),
}

impl AttrValue<'_> {
    /// The value as text, lists as JSON.
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            AttrValue::Str(s) => Cow::Borrowed(s),
            AttrValue::Int(i) => Cow::Owned(i.to_string()),
            AttrValue::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            AttrValue::List(v) => Cow::Owned(v.to_string()),
        }
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            AttrValue::Str(s) => json!(s),
            AttrValue::Int(i) => json!(i),
            AttrValue::Bool(b) => json!(b),
            AttrValue::List(v) => v.clone(),
        }
    }
}

fn s(v: &str) -> AttrValue<'_> {
    AttrValue::Str(Cow::Borrowed(v))
}

fn opt<'a>(
    out: &mut Vec<(&'static str, AttrValue<'a>)>,
    name: &'static str,
    v: &'a Option<String>,
) {
    if let Some(v) = v {
        out.push((name, s(v)));
    }
}

/// A node's attributes that have values, in the order every format writes
/// them: `kind`, `label`, then `name`, `aliases`, `titles`, `outlet` for
/// entities; `text`, `quote_kind`, `cue`, `cue_text`, `doc`, `span_start`,
/// `span_end`, `spans`, `date`, `speaker_text`, `source_text`,
/// `addressee_text`, `rule` for statements; `date`, `path`, `dateline`,
/// `place` for documents. Formats without lists write lists as JSON text
/// ([`AttrValue::to_text`]).
pub fn node_attributes(n: &Node) -> Vec<(&'static str, AttrValue<'_>)> {
    let mut out = vec![
        ("kind", s(n.kind().as_str())),
        ("label", AttrValue::Str(Cow::Owned(n.label()))),
    ];
    match &n.data {
        NodeData::Entity(e) => {
            out.push(("name", s(&e.name)));
            out.push(("aliases", AttrValue::List(json!(e.aliases))));
            out.push(("titles", AttrValue::List(json!(e.titles))));
            out.push(("outlet", AttrValue::Bool(e.outlet)));
        }
        NodeData::Statement(st) => {
            out.push(("text", s(&st.text)));
            out.push(("quote_kind", s(st.quote_kind.as_str())));
            out.push(("cue", s(&st.cue)));
            out.push(("cue_text", s(&st.cue_text)));
            out.push(("doc", s(&st.doc)));
            out.push(("span_start", AttrValue::Int(st.span[0] as i64)));
            out.push(("span_end", AttrValue::Int(st.span[1] as i64)));
            out.push(("spans", AttrValue::List(json!(st.spans))));
            opt(&mut out, "date", &st.date);
            opt(&mut out, "speaker_text", &st.speaker_text);
            opt(&mut out, "source_text", &st.source_text);
            opt(&mut out, "addressee_text", &st.addressee_text);
            out.push(("rule", s(&st.rule)));
        }
        NodeData::Document(d) => {
            opt(&mut out, "date", &d.date);
            out.push(("path", s(&d.path)));
            opt(&mut out, "dateline", &d.dateline);
            opt(&mut out, "place", &d.place);
        }
    }
    out
}

/// An edge's attributes that have values: `kind`, then `title`
/// (`holds_role`), `mention` (the words that named the speaker, source
/// or addressee) and `weight` (statements a derived edge stands for).
pub fn edge_attributes(e: &Edge) -> Vec<(&'static str, AttrValue<'_>)> {
    let mut out = vec![("kind", s(e.kind.as_str()))];
    opt(&mut out, "title", &e.title);
    opt(&mut out, "mention", &e.mention);
    if let Some(w) = e.weight {
        out.push(("weight", AttrValue::Int(i64::from(w))));
    }
    out
}

/// Text that XML 1.0 can hold: characters it forbids (most C0 controls,
/// U+FFFE, U+FFFF) become U+FFFD.
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.chars().any(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Escape for an XML attribute value or text: quick-xml's escaping of
/// `< > & ' "`, plus character references for tab, newline and carriage
/// return, which XML parsers would otherwise normalize away.
pub(crate) fn xml_escape(s: &str) -> String {
    let clean = xml_chars(s);
    let esc = quick_xml::escape::escape(clean.as_ref());
    if esc.contains(['\t', '\n', '\r']) {
        esc.replace('\t', "&#9;")
            .replace('\n', "&#10;")
            .replace('\r', "&#13;")
    } else {
        esc.into_owned()
    }
}

/// Node colours by kind, for formats that draw (hex RGB).
pub(crate) fn color(kind: NodeKind) -> (u8, u8, u8) {
    match kind {
        NodeKind::Person => (0x8d, 0xd3, 0xc7),
        NodeKind::Organization => (0x80, 0xb1, 0xd3),
        NodeKind::Place => (0xb3, 0xde, 0x69),
        NodeKind::Statement => (0xff, 0xff, 0xb3),
        NodeKind::Document => (0xd9, 0xd9, 0xd9),
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

    #[test]
    fn every_node_value_is_declared_for_its_kind() {
        let g = crate::graph::tests::sample_graph();
        for n in g.nodes() {
            for (name, v) in node_attributes(n) {
                let attr = NODE_ATTRS.iter().find(|a| a.name == name).unwrap();
                assert!(attr.kinds.contains(&n.kind()), "{name} on {:?}", n.kind());
                let ty = match v {
                    AttrValue::Str(_) => AttrType::Str,
                    AttrValue::Int(_) => AttrType::Int,
                    AttrValue::Bool(_) => AttrType::Bool,
                    AttrValue::List(_) => AttrType::List,
                };
                assert_eq!(attr.ty, ty, "{name}");
            }
        }
    }

    #[test]
    fn xml_escape_keeps_whitespace_and_drops_forbidden() {
        assert_eq!(
            xml_escape("a<b>&\"'\n\t\r\u{0}z"),
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#9;&#13;\u{FFFD}z"
        );
    }
}
