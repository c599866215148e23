//! RON: the graph's own data, nodes then edges by node id, read back by
//! [`read_ron`] into an equal graph.

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::{stream_err, Exporter, Format};
use crate::error::{Error, Result};
use crate::graph::{Edge, EdgeKind, Node, QuoteGraph};

/// The RON exporter.
pub(crate) struct Ron;

/// What the RON file holds.
#[derive(Serialize, Deserialize)]
struct GraphFile {
    /// Format version.
    version: u32,
    nodes: Vec<Node>,
    edges: Vec<EdgeLine>,
}

#[derive(Serialize, Deserialize)]
struct EdgeLine {
    from: String,
    to: String,
    kind: EdgeKind,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    mention: Option<String>,
}

impl Exporter for Ron {
    fn format(&self) -> Format {
        Format::Ron
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        let file = GraphFile {
            version: 1,
            nodes: g.nodes().cloned().collect(),
            edges: g
                .edges()
                .map(|e| EdgeLine {
                    from: e.from.id.clone(),
                    to: e.to.id.clone(),
                    kind: e.edge.kind,
                    title: e.edge.title.clone(),
                    mention: e.edge.mention.clone(),
                })
                .collect(),
        };
        let config = ron::ser::PrettyConfig::new()
            .depth_limit(4)
            .struct_names(false);
        let text = ron::ser::to_string_pretty(&file, config).map_err(|e| Error::Export {
            format: "ron",
            message: e.to_string(),
        })?;
        out.write_all(text.as_bytes()).map_err(stream_err)?;
        out.write_all(b"\n").map_err(stream_err)
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
                Edge {
                    kind: e.kind,
                    title: e.title,
                    mention: e.mention,
                },
            )
        }),
    )
}
