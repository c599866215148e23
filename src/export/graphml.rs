//! GraphML with typed keys (`kind`, `name`, `text`, `cue`, `date`…),
//! written with quick-xml. Lists are JSON text.

use std::io::Write;

use quick_xml::events::BytesStart;

use super::attrs::position;
use super::xml::{self, attr, XmlWriter};
use super::{edge_attributes, node_attributes, Attr, AttrValue};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::graph::QuoteGraph;

/// Key ids `d0`, `d1`…: node keys first, then edge keys.
fn key_id(edge: bool, i: usize) -> String {
    let offset = if edge { NODE_ATTRS.len() } else { 0 };
    format!("d{}", i + offset)
}

/// Write the graph as GraphML.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    ));
    xml::document(out, root, |w| {
        keys(w, NODE_ATTRS, "node", false)?;
        keys(w, EDGE_ATTRS, "edge", true)?;
        let graph = [attr("id", "quotegraph"), attr("edgedefault", "directed")];
        xml::element(w, "graph", &graph, |w| {
            for n in g.nodes() {
                xml::element(w, "node", &[attr("id", &n.id)], |w| {
                    data(w, false, node_attributes(n))
                })?;
            }
            for (i, e) in g.edges().enumerate() {
                let ends = [
                    attr("id", &format!("e{i}")),
                    attr("source", &e.from.id),
                    attr("target", &e.to.id),
                ];
                xml::element(w, "edge", &ends, |w| data(w, true, edge_attributes(e.edge)))?;
            }
            Ok(())
        })
    })
}

/// A `key` per attribute that nodes (or edges) may have.
fn keys(w: &mut XmlWriter<'_>, attrs: &[Attr], for_: &str, edge: bool) -> std::io::Result<()> {
    for (i, a) in attrs.iter().enumerate() {
        let [name, ty] = xml::name_and_type(a, ["attr.name", "attr.type"]);
        let key = [attr("id", &key_id(edge, i)), attr("for", for_), name, ty];
        xml::empty(w, "key", &key)?;
    }
    Ok(())
}

/// A `data` element per value of a node (or edge), keyed by its attribute.
fn data(
    w: &mut XmlWriter<'_>,
    edge: bool,
    values: Vec<(&str, AttrValue<'_>)>,
) -> std::io::Result<()> {
    let attrs = if edge { EDGE_ATTRS } else { NODE_ATTRS };
    for (name, v) in values {
        let key = key_id(edge, position(attrs, name));
        xml::text_element(w, "data", &[attr("key", &key)], &v.to_text())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_keys_follow_node_keys() {
        assert_eq!(key_id(false, 0), "d0");
        assert_eq!(key_id(true, 0), format!("d{}", NODE_ATTRS.len()));
    }
}
