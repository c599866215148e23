//! Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": …}],
//! "edges": [{"data": …}]}}`, with the node kind (and edge kind) as class
//! for styling. Load with `cytoscape({elements: json.elements})`.

use std::io::Write;

use serde::Serialize;

use super::json::{write_array, EdgeObject, NodeObject};
use super::stream_err;
use crate::error::Result;
use crate::graph::QuoteGraph;

#[derive(Serialize)]
struct Element<T> {
    data: T,
    classes: &'static str,
}

/// Write the graph as Cytoscape.js elements.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    out.write_all(b"{\n  \"elements\": {\n    \"nodes\": ")
        .map_err(stream_err)?;
    write_array(
        out,
        "      ",
        g.nodes().map(|n| Element {
            data: NodeObject(n),
            classes: n.kind().as_str(),
        }),
    )?;
    out.write_all(b",\n    \"edges\": ").map_err(stream_err)?;
    write_array(
        out,
        "      ",
        g.edges().enumerate().map(|(number, edge)| Element {
            data: EdgeObject {
                edge,
                number,
                cytoscape: true,
            },
            classes: edge.edge.kind.as_str(),
        }),
    )?;
    out.write_all(b"\n  }\n}\n").map_err(stream_err)
}
