//! RON: the graph's own data, nodes then edges by node id, read back by
//! [`read_ron`] into an equal graph.

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::stream_err;
use crate::error::{Error, Result};
use crate::graph::{Edge, EdgeKind, Node, QuoteGraph};

/// What the RON file holds.
#[derive(Deserialize)]
struct GraphFile {
    /// Format version.
    version: u32,
    nodes: Vec<Node>,
    edges: Vec<EdgeLine>,
}

/// The same, borrowed from a graph for writing.
#[derive(Serialize)]
struct GraphFileRef<'a> {
    version: u32,
    nodes: Vec<&'a Node>,
    edges: Vec<EdgeLineRef<'a>>,
}

#[derive(Serialize)]
struct EdgeLineRef<'a> {
    from: &'a str,
    to: &'a str,
    kind: EdgeKind,
    title: Option<&'a str>,
    mention: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<u32>,
}

#[derive(Deserialize)]
struct EdgeLine {
    from: String,
    to: String,
    kind: EdgeKind,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    mention: Option<String>,
    #[serde(default)]
    weight: Option<u32>,
}

/// Write the graph as RON.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let file = GraphFileRef {
        version: 1,
        nodes: g.nodes().collect(),
        edges: g
            .edges()
            .map(|e| EdgeLineRef {
                from: &e.from.id,
                to: &e.to.id,
                kind: e.edge.kind,
                title: e.edge.title(),
                mention: e.edge.mention(),
                weight: e.edge.weight(),
            })
            .collect(),
    };
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .struct_names(false);
    // ron keeps only the message of an I/O error: keep the error itself
    let mut w = Track {
        inner: out,
        err: None,
    };
    let res = ron::Options::default().to_io_writer_pretty(&mut w, &file, config);
    if let Some(e) = w.err.take() {
        return Err(stream_err(e));
    }
    res.map_err(|e| Error::Export {
        format: "ron",
        message: e.to_string(),
    })?;
    out.write_all(b"\n").map_err(stream_err)
}

/// A writer that remembers the first I/O error.
struct Track<'a> {
    inner: &'a mut dyn Write,
    err: Option<std::io::Error>,
}

impl Write for Track<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| {
            self.err
                .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Read a graph written by the RON exporter.
///
/// ```
/// use quotegraph::{Document, Extractor, QuoteGraph};
/// use quotegraph::export::{read_ron, Format};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "“We are ready,” Lavrov said."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let mut out = Vec::new();
/// Format::Ron.exporter().write(&g, &mut out).unwrap();
/// assert_eq!(read_ron(std::str::from_utf8(&out).unwrap()).unwrap(), g);
/// ```
pub fn read_ron(text: &str) -> Result<QuoteGraph> {
    let file: GraphFile = ron::from_str(text).map_err(|e| Error::Graph {
        message: format!("RON {}:{}: {}", e.span.start.line, e.span.start.col, e.code),
    })?;
    if file.version != 1 {
        return Err(Error::Graph {
            message: format!("RON graph version {} is not supported", file.version),
        });
    }
    QuoteGraph::from_parts(
        file.nodes,
        file.edges.into_iter().map(|e| {
            (
                e.from,
                e.to,
                Edge::with_parts(e.kind, e.title.as_deref(), e.mention.as_deref(), e.weight),
            )
        }),
    )
}
