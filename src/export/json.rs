//! networkx node-link JSON (`networkx.node_link_graph(data, edges="edges")`):
//! a directed multigraph, one object per node and edge, lists as arrays.

use std::io::Write;

use serde_json::{json, Map, Value};

use super::{edge_attributes, node_attributes, stream_err, Exporter, Format};
use crate::error::Result;
use crate::graph::QuoteGraph;

/// The node-link JSON exporter.
pub(crate) struct NodeLink;

impl Exporter for NodeLink {
    fn format(&self) -> Format {
        Format::Json
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
                Value::Object(m)
            })
            .collect();
        let edges: Vec<Value> = g
            .edges()
            .enumerate()
            .map(|(i, e)| {
                let mut m = Map::new();
                m.insert("source".into(), json!(e.from.id));
                m.insert("target".into(), json!(e.to.id));
                m.insert("key".into(), json!(i));
                for (k, v) in edge_attributes(e.edge) {
                    m.insert(k.into(), v.to_json());
                }
                Value::Object(m)
            })
            .collect();
        let doc = json!({
            "directed": true,
            "multigraph": true,
            "graph": {"name": "quotegraph"},
            "nodes": nodes,
            "edges": edges,
        });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| stream_err(e.into()))?;
        out.write_all(b"\n").map_err(stream_err)
    }
}
