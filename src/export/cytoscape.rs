//! Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": …}],
//! "edges": [{"data": …}]}}`, with the node kind (and edge kind) as class
//! for styling. Load with `cytoscape({elements: json.elements})`.

use std::io::Write;

use serde_json::{json, Map, Value};

use super::{edge_attributes, node_attributes, stream_err, Exporter, Format};
use crate::error::Result;
use crate::graph::QuoteGraph;

/// The Cytoscape.js exporter.
pub(crate) struct Cytoscape;

impl Exporter for Cytoscape {
    fn format(&self) -> Format {
        Format::Cytoscape
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        let nodes: Vec<Value> = g
            .nodes()
            .map(|n| {
                let mut m = Map::new();
                m.insert("id".into(), json!(n.id));
                for (k, v) in node_attributes(n) {
                    m.insert(k.into(), v.to_json());
                }
                json!({"data": m, "classes": n.kind().as_str()})
            })
            .collect();
        // edge ids never contain ':', node ids always do
        let edges: Vec<Value> = g
            .edges()
            .enumerate()
            .map(|(i, e)| {
                let mut m = Map::new();
                m.insert("id".into(), json!(format!("e{i}")));
                m.insert("source".into(), json!(e.from.id));
                m.insert("target".into(), json!(e.to.id));
                for (k, v) in edge_attributes(e.edge) {
                    m.insert(k.into(), v.to_json());
                }
                json!({"data": m, "classes": e.edge.kind.as_str()})
            })
            .collect();
        let doc = json!({"elements": {"nodes": nodes, "edges": edges}});
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| stream_err(e.into()))?;
        out.write_all(b"\n").map_err(stream_err)
    }
}
