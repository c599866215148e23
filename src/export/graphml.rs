//! GraphML with typed keys (`kind`, `name`, `text`, `cue`, `date`…),
//! written with quick-xml. Lists are JSON text.

use std::io::Write;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use super::{
    edge_attributes, node_attributes, stream_err, xml_escape, Attr, AttrType, Exporter, Format,
};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::error::Result;
use crate::graph::QuoteGraph;

/// The GraphML exporter.
pub(crate) struct Graphml;

impl Exporter for Graphml {
    fn format(&self) -> Format {
        Format::Graphml
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        write(g, out).map_err(stream_err)
    }
}

/// An attribute whose value quick-xml writes as given: `value` is escaped
/// with [`xml_escape`] (which also keeps newlines and tabs).
pub(crate) fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    Attribute {
        key: QName(key.as_bytes()),
        value: xml_escape(value).into_bytes().into(),
    }
}

fn graphml_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Str | AttrType::List => "string",
        AttrType::Int => "long",
        AttrType::Bool => "boolean",
    }
}

/// Key ids `d0`, `d1`…: node keys first, then edge keys.
fn key_id(edge: bool, i: usize) -> String {
    let offset = if edge { NODE_ATTRS.len() } else { 0 };
    format!("d{}", i + offset)
}

fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    ));
    w.write_event(Event::Start(root))?;
    let keys = |w: &mut Writer<&mut dyn Write>, attrs: &[Attr], for_: &str, edge: bool| {
        for (i, a) in attrs.iter().enumerate() {
            let id = key_id(edge, i);
            let mut k = BytesStart::new("key");
            k.push_attribute(attr("id", &id));
            k.push_attribute(("for", for_));
            k.push_attribute(attr("attr.name", a.name));
            k.push_attribute(("attr.type", graphml_type(a.ty)));
            w.write_event(Event::Empty(k))?;
        }
        Ok::<(), std::io::Error>(())
    };
    keys(&mut w, NODE_ATTRS, "node", false)?;
    keys(&mut w, EDGE_ATTRS, "edge", true)?;
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "quotegraph"));
    graph.push_attribute(("edgedefault", "directed"));
    w.write_event(Event::Start(graph))?;
    let data = |w: &mut Writer<&mut dyn Write>, key: String, text: &str| {
        let mut d = BytesStart::new("data");
        d.push_attribute(attr("key", &key));
        w.write_event(Event::Start(d))?;
        w.write_event(Event::Text(BytesText::from_escaped(xml_escape(text))))?;
        w.write_event(Event::End(BytesEnd::new("data")))
    };
    for n in g.nodes() {
        let mut el = BytesStart::new("node");
        el.push_attribute(attr("id", &n.id));
        w.write_event(Event::Start(el))?;
        for (name, v) in node_attributes(n) {
            let i = NODE_ATTRS
                .iter()
                .position(|a| a.name == name)
                .expect("declared");
            data(&mut w, key_id(false, i), &v.to_text())?;
        }
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for (i, e) in g.edges().enumerate() {
        let mut el = BytesStart::new("edge");
        el.push_attribute(attr("id", &format!("e{i}")));
        el.push_attribute(attr("source", &e.from.id));
        el.push_attribute(attr("target", &e.to.id));
        w.write_event(Event::Start(el))?;
        for (name, v) in edge_attributes(e.edge) {
            let i = EDGE_ATTRS
                .iter()
                .position(|a| a.name == name)
                .expect("declared");
            data(&mut w, key_id(true, i), &v.to_text())?;
        }
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.get_mut().write_all(b"\n")
}
