//! GEXF 1.3 (Gephi's format) with typed attributes and `viz` colours,
//! written with quick-xml. Lists are JSON text; the node label is the
//! node's `label` XML attribute rather than an attribute value.

use std::io::Write;

use quick_xml::events::BytesStart;

use super::attrs::position;
use super::xml::{self, attr, XmlWriter};
use super::{color, edge_attributes, node_attributes, Attr, AttrValue};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::graph::{EdgeRef, Node, NodeKind, QuoteGraph};

/// Node attributes written as attribute values (`label` is the XML
/// attribute).
fn node_attrs() -> impl Iterator<Item = (usize, &'static Attr)> {
    NODE_ATTRS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name != "label")
}

/// Edge attributes written as attribute values: an edge's weight is
/// GEXF's own `weight`, which Gephi reads as the edge's Weight; declaring
/// it again would clash with it.
fn edge_attrs() -> impl Iterator<Item = (usize, &'static Attr)> {
    EDGE_ATTRS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name != "weight")
}

fn shape(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "disc",
        NodeKind::Organization => "square",
        NodeKind::Place => "triangle",
        NodeKind::Statement => "diamond",
        NodeKind::Document => "square",
        NodeKind::Claim => "diamond",
    }
}

/// Write the graph as GEXF.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut root = BytesStart::new("gexf");
    root.push_attribute(("xmlns", "http://gexf.net/1.3"));
    root.push_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    ));
    root.push_attribute(("version", "1.3"));
    xml::document(out, root, |w| {
        xml::element(w, "meta", &[], |w| {
            xml::text_element(w, "creator", &[], "quotegraph")?;
            let about = "Who said what, to whom, and who reported it";
            xml::text_element(w, "description", &[], about)
        })?;
        let graph = [attr("defaultedgetype", "directed"), attr("mode", "static")];
        xml::element(w, "graph", &graph, |w| {
            declare(w, "node", node_attrs())?;
            declare(w, "edge", edge_attrs())?;
            xml::element(w, "nodes", &[], |w| g.nodes().try_for_each(|n| node(w, n)))?;
            xml::element(w, "edges", &[], |w| {
                g.edges().enumerate().try_for_each(|(i, e)| edge(w, i, &e))
            })
        })
    })
}

/// The `attributes` of a class (`node`, `edge`): each with its place in
/// [`NODE_ATTRS`] or [`EDGE_ATTRS`] as id.
fn declare<'a>(
    w: &mut XmlWriter<'_>,
    class: &str,
    attrs: impl Iterator<Item = (usize, &'a Attr)>,
) -> std::io::Result<()> {
    xml::element(w, "attributes", &[attr("class", class)], |w| {
        for (i, a) in attrs {
            let [title, ty] = xml::name_and_type(a, ["title", "type"]);
            xml::empty(w, "attribute", &[attr("id", &i.to_string()), title, ty])?;
        }
        Ok(())
    })
}

/// The `attvalues` of a node or edge: `values` but the one named `skip`
/// (written as an XML attribute), each for its place in `attrs`.
fn attvalues(
    w: &mut XmlWriter<'_>,
    attrs: &[Attr],
    values: Vec<(&str, AttrValue<'_>)>,
    skip: &str,
) -> std::io::Result<()> {
    xml::element(w, "attvalues", &[], |w| {
        for (name, v) in values.into_iter().filter(|(name, _)| *name != skip) {
            let value = [
                attr("for", &position(attrs, name).to_string()),
                attr("value", &v.to_text()),
            ];
            xml::empty(w, "attvalue", &value)?;
        }
        Ok(())
    })
}

/// A node: id, label, attribute values, colour and shape.
fn node(w: &mut XmlWriter<'_>, n: &Node) -> std::io::Result<()> {
    let el = [attr("id", &n.id), attr("label", &n.label())];
    xml::element(w, "node", &el, |w| {
        attvalues(w, NODE_ATTRS, node_attributes(n), "label")?;
        let (r, gr, b) = color(n.kind());
        let rgba = [
            attr("r", &r.to_string()),
            attr("g", &gr.to_string()),
            attr("b", &b.to_string()),
            attr("a", "1.0"),
        ];
        xml::empty(w, "viz:color", &rgba)?;
        xml::empty(w, "viz:shape", &[attr("value", shape(n.kind()))])
    })
}

/// The `i`th edge: ends, kind as label, weight if any, attribute values.
fn edge(w: &mut XmlWriter<'_>, i: usize, e: &EdgeRef<'_>) -> std::io::Result<()> {
    let mut el = vec![
        attr("id", &i.to_string()),
        attr("source", &e.from.id),
        attr("target", &e.to.id),
        attr("label", e.edge.kind.as_str()),
    ];
    if let Some(weight) = e.edge.weight() {
        el.push(attr("weight", &weight.to_string()));
    }
    xml::element(w, "edge", &el, |w| {
        attvalues(w, EDGE_ATTRS, edge_attributes(e.edge), "weight")
    })
}
