//! GEXF 1.3 (Gephi's format) with typed attributes and `viz` colours,
//! written with quick-xml. Lists are JSON text; the node label is the
//! node's `label` XML attribute rather than an attribute value.

use std::io::Write;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::graphml::attr;
use super::{
    color, edge_attributes, node_attributes, stream_err, Attr, AttrType, Exporter, Format,
};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::error::Result;
use crate::graph::{NodeKind, QuoteGraph};

/// The GEXF exporter.
pub(crate) struct Gexf;

impl Exporter for Gexf {
    fn format(&self) -> Format {
        Format::Gexf
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        write(g, out).map_err(stream_err)
    }
}

fn gexf_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Str | AttrType::List => "string",
        AttrType::Int => "long",
        AttrType::Bool => "boolean",
    }
}

/// Node attributes written as attribute values (`label` is the XML
/// attribute).
fn node_attrs() -> impl Iterator<Item = (usize, &'static Attr)> {
    NODE_ATTRS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name != "label")
}

fn shape(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "disc",
        NodeKind::Organization => "square",
        NodeKind::Place => "triangle",
        NodeKind::Statement => "diamond",
        NodeKind::Document => "square",
    }
}

fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("gexf");
    root.push_attribute(("xmlns", "http://gexf.net/1.3"));
    root.push_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    ));
    root.push_attribute(("version", "1.3"));
    w.write_event(Event::Start(root))?;
    w.write_event(Event::Start(BytesStart::new("meta")))?;
    for (tag, text) in [
        ("creator", "quotegraph"),
        ("description", "Who said what, to whom, and who reported it"),
    ] {
        w.write_event(Event::Start(BytesStart::new(tag)))?;
        w.write_event(Event::Text(BytesText::new(text)))?;
        w.write_event(Event::End(BytesEnd::new(tag)))?;
    }
    w.write_event(Event::End(BytesEnd::new("meta")))?;
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("defaultedgetype", "directed"));
    graph.push_attribute(("mode", "static"));
    w.write_event(Event::Start(graph))?;

    let declare = |w: &mut Writer<&mut dyn Write>,
                   class: &str,
                   attrs: &mut dyn Iterator<Item = (usize, &Attr)>| {
        let mut el = BytesStart::new("attributes");
        el.push_attribute(("class", class));
        w.write_event(Event::Start(el))?;
        for (i, a) in attrs {
            let mut el = BytesStart::new("attribute");
            el.push_attribute(attr("id", &i.to_string()));
            el.push_attribute(attr("title", a.name));
            el.push_attribute(("type", gexf_type(a.ty)));
            w.write_event(Event::Empty(el))?;
        }
        w.write_event(Event::End(BytesEnd::new("attributes")))
    };
    declare(&mut w, "node", &mut node_attrs())?;
    // an edge's weight is GEXF's own `weight`, which Gephi reads as the
    // edge's Weight; declaring it again would clash with it
    let edge_attrs = || {
        EDGE_ATTRS
            .iter()
            .enumerate()
            .filter(|(_, a)| a.name != "weight")
    };
    declare(&mut w, "edge", &mut edge_attrs())?;

    let attvalues = |w: &mut Writer<&mut dyn Write>, values: Vec<(usize, String)>| {
        w.write_event(Event::Start(BytesStart::new("attvalues")))?;
        for (i, v) in values {
            let mut el = BytesStart::new("attvalue");
            el.push_attribute(attr("for", &i.to_string()));
            el.push_attribute(attr("value", &v));
            w.write_event(Event::Empty(el))?;
        }
        w.write_event(Event::End(BytesEnd::new("attvalues")))
    };

    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    for n in g.nodes() {
        let mut el = BytesStart::new("node");
        el.push_attribute(attr("id", &n.id));
        el.push_attribute(attr("label", &n.label()));
        w.write_event(Event::Start(el))?;
        let values = node_attributes(n)
            .into_iter()
            .filter(|(name, _)| *name != "label")
            .map(|(name, v)| {
                let i = NODE_ATTRS.iter().position(|a| a.name == name);
                (i.expect("declared"), v.to_text().into_owned())
            })
            .collect();
        attvalues(&mut w, values)?;
        let (r, gr, b) = color(n.kind());
        let mut c = BytesStart::new("viz:color");
        c.push_attribute(("r", r.to_string().as_str()));
        c.push_attribute(("g", gr.to_string().as_str()));
        c.push_attribute(("b", b.to_string().as_str()));
        c.push_attribute(("a", "1.0"));
        w.write_event(Event::Empty(c))?;
        let mut sh = BytesStart::new("viz:shape");
        sh.push_attribute(("value", shape(n.kind())));
        w.write_event(Event::Empty(sh))?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    w.write_event(Event::End(BytesEnd::new("nodes")))?;

    w.write_event(Event::Start(BytesStart::new("edges")))?;
    for (i, e) in g.edges().enumerate() {
        let mut el = BytesStart::new("edge");
        el.push_attribute(attr("id", &i.to_string()));
        el.push_attribute(attr("source", &e.from.id));
        el.push_attribute(attr("target", &e.to.id));
        el.push_attribute(attr("label", e.edge.kind.as_str()));
        if let Some(weight) = e.edge.weight {
            el.push_attribute(("weight", weight.to_string().as_str()));
        }
        w.write_event(Event::Start(el))?;
        let values = edge_attributes(e.edge)
            .into_iter()
            .filter(|(name, _)| *name != "weight")
            .map(|(name, v)| {
                let i = EDGE_ATTRS.iter().position(|a| a.name == name);
                (i.expect("declared"), v.to_text().into_owned())
            })
            .collect();
        attvalues(&mut w, values)?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("edges")))?;
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    w.get_mut().write_all(b"\n")
}
