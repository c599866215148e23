//! networkx node-link JSON (`networkx.node_link_graph(data, edges="edges")`):
//! a directed multigraph, one object per node and edge (one per line),
//! lists as arrays. Written as it goes, one object at a time.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{edge_attributes, node_attributes, stream_err, AttrValue};
use crate::error::{Error, Result};
use crate::graph::{EdgeRef, Node, QuoteGraph};

impl Serialize for AttrValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            AttrValue::Str(v) => s.serialize_str(v),
            AttrValue::Int(v) => s.serialize_i64(*v),
            AttrValue::Bool(v) => s.serialize_bool(*v),
            AttrValue::List(v) => v.serialize(s),
        }
    }
}

/// A node as a JSON object: `id`, then its attributes.
pub(crate) struct NodeObject<'a>(pub &'a Node);

impl Serialize for NodeObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let attrs = node_attributes(self.0);
        let mut m = s.serialize_map(Some(attrs.len() + 1))?;
        m.serialize_entry("id", &self.0.id)?;
        for (k, v) in &attrs {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// An edge as a JSON object: `id` (Cytoscape) or `key` (networkx),
/// `source`, `target`, then its attributes.
pub(crate) struct EdgeObject<'a> {
    pub edge: EdgeRef<'a>,
    pub number: usize,
    pub cytoscape: bool,
}

impl Serialize for EdgeObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let attrs = edge_attributes(self.edge.edge);
        let mut m = s.serialize_map(Some(attrs.len() + 3))?;
        if self.cytoscape {
            // edge ids never contain ':', node ids made by the graph do
            m.serialize_entry("id", &format!("e{}", self.number))?;
        }
        m.serialize_entry("source", &self.edge.from.id)?;
        m.serialize_entry("target", &self.edge.to.id)?;
        if !self.cytoscape {
            m.serialize_entry("key", &self.number)?;
        }
        for (k, v) in &attrs {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

pub(crate) fn json_err(e: serde_json::Error) -> Error {
    stream_err(e.into())
}

/// Write `items` as the elements of a JSON array, one per line.
pub(crate) fn write_array<T: Serialize>(
    out: &mut dyn Write,
    indent: &str,
    items: impl Iterator<Item = T>,
) -> Result<()> {
    out.write_all(b"[").map_err(stream_err)?;
    for (i, item) in items.enumerate() {
        let sep: &[u8] = if i == 0 { b"\n" } else { b",\n" };
        out.write_all(sep).map_err(stream_err)?;
        out.write_all(indent.as_bytes()).map_err(stream_err)?;
        serde_json::to_writer(&mut *out, &item).map_err(json_err)?;
    }
    write!(out, "\n{}]", &indent[..indent.len().saturating_sub(2)]).map_err(stream_err)
}

/// Write the graph as node-link JSON.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    out.write_all(
        b"{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {\"name\": \"quotegraph\"},\n  \"nodes\": ",
    )
    .map_err(stream_err)?;
    write_array(out, "    ", g.nodes().map(NodeObject))?;
    out.write_all(b",\n  \"edges\": ").map_err(stream_err)?;
    write_array(
        out,
        "    ",
        g.edges().enumerate().map(|(number, edge)| EdgeObject {
            edge,
            number,
            cytoscape: false,
        }),
    )?;
    out.write_all(b"\n}\n").map_err(stream_err)
}
