//! The attributes every format writes, in one order: what nodes and edges
//! may have ([`NODE_ATTRS`], [`EDGE_ATTRS`]) and what one node or edge has
//! ([`node_attributes`], [`edge_attributes`]).

use std::borrow::Cow;

use serde_json::json;

use crate::graph::{Edge, Node, NodeData, NodeKind};

/// The value types of attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    /// Text.
    Str,
    /// An integer.
    Int,
    /// True or false.
    Bool,
    /// A list (written as JSON text by formats without lists).
    List,
    /// A list of texts: JSON text like [`List`](Self::List), but Neo4j's
    /// CSV writes it as a `string[]` array.
    Texts,
}

/// An attribute that nodes or edges may have.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub name: &'static str,
    pub ty: AttrType,
    /// The node kinds that have it (empty for edge attributes).
    pub kinds: &'static [NodeKind],
}

const ENT: &[NodeKind] = &[NodeKind::Person, NodeKind::Organization, NodeKind::Place];
const ST: &[NodeKind] = &[NodeKind::Statement];
const DOC: &[NodeKind] = &[NodeKind::Document];
const ALL_KINDS: &[NodeKind] = &NodeKind::ALL;
const ST_DOC: &[NodeKind] = &[NodeKind::Statement, NodeKind::Document];
const CLAIM: &[NodeKind] = &[NodeKind::Claim];
const ST_CLAIM: &[NodeKind] = &[NodeKind::Statement, NodeKind::Claim];

const fn a(name: &'static str, ty: AttrType, kinds: &'static [NodeKind]) -> Attr {
    Attr { name, ty, kinds }
}

/// Node attributes, in the order every format writes them.
pub(crate) const NODE_ATTRS: &[Attr] = &[
    a("kind", AttrType::Str, ALL_KINDS),
    a("label", AttrType::Str, ALL_KINDS),
    a("name", AttrType::Str, ENT),
    a("aliases", AttrType::Texts, ENT),
    a("titles", AttrType::Texts, ENT),
    a("outlet", AttrType::Bool, ENT),
    a("text", AttrType::Str, ST_CLAIM),
    a("quote_kind", AttrType::Str, ST),
    a("cue", AttrType::Str, ST),
    a("cue_text", AttrType::Str, ST),
    a("doc", AttrType::Str, ST),
    a("span_start", AttrType::Int, ST),
    a("span_end", AttrType::Int, ST),
    a("spans", AttrType::List, ST),
    a("date", AttrType::Str, ST_DOC),
    a("speaker_text", AttrType::Str, ST),
    a("source_text", AttrType::Str, ST),
    a("addressee_text", AttrType::Str, ST),
    a("rule", AttrType::Str, ST),
    a("class", AttrType::Str, ST),
    a("content_type", AttrType::Str, ST),
    a("polarity", AttrType::Str, ST),
    a("path", AttrType::Str, DOC),
    a("dateline", AttrType::Str, DOC),
    a("place", AttrType::Str, DOC),
    a("publisher", AttrType::Str, DOC),
    a("speaker", AttrType::Str, CLAIM),
    a("speaker_name", AttrType::Str, CLAIM),
    a("reports", AttrType::Int, CLAIM),
    a("first_date", AttrType::Str, CLAIM),
    a("last_date", AttrType::Str, CLAIM),
    a("first_reported", AttrType::Str, CLAIM),
    a("chain", AttrType::Texts, CLAIM),
];

/// Edge attributes.
pub(crate) const EDGE_ATTRS: &[Attr] = &[
    a("kind", AttrType::Str, &[]),
    a("title", AttrType::Str, &[]),
    a("mention", AttrType::Str, &[]),
    a("weight", AttrType::Int, &[]),
];

/// One attribute value, as the exporters write it.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue<'a> {
    /// Text.
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// True or false.
    Bool(bool),
    /// A list (a JSON array).
    List(serde_json::Value),
}

impl AttrValue<'_> {
    /// The value as text, lists as JSON.
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            AttrValue::Str(s) => Cow::Borrowed(s),
            AttrValue::Int(i) => Cow::Owned(i.to_string()),
            AttrValue::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            AttrValue::List(v) => Cow::Owned(v.to_string()),
        }
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            AttrValue::Str(s) => json!(s),
            AttrValue::Int(i) => json!(i),
            AttrValue::Bool(b) => json!(b),
            AttrValue::List(v) => v.clone(),
        }
    }
}

fn s(v: &str) -> AttrValue<'_> {
    AttrValue::Str(Cow::Borrowed(v))
}

fn opt<'a>(out: &mut Vec<(&'static str, AttrValue<'a>)>, name: &'static str, v: Option<&'a str>) {
    if let Some(v) = v {
        out.push((name, s(v)));
    }
}

/// A node's attributes that have values, in the order every format writes
/// them: `kind`, `label`, then `name`, `aliases`, `titles`, `outlet` for
/// entities; `text`, `quote_kind`, `cue`, `cue_text`, `doc`, `span_start`,
/// `span_end`, `spans`, `date`, `speaker_text`, `source_text`,
/// `addressee_text`, `rule`, `class`, `content_type`, `polarity` for
/// statements; `date`, `path`, `dateline`,
/// `place` for documents; `text`, `speaker`, `speaker_name`, `reports`,
/// `first_date`, `last_date`, `first_reported`, `chain` for claims. Formats without lists write lists as JSON text
/// ([`AttrValue::to_text`]).
pub fn node_attributes(n: &Node) -> Vec<(&'static str, AttrValue<'_>)> {
    let mut out = vec![
        ("kind", s(n.kind().as_str())),
        ("label", AttrValue::Str(Cow::Owned(n.label()))),
    ];
    match &n.data {
        NodeData::Entity(e) => {
            out.push(("name", s(&e.name)));
            out.push(("aliases", AttrValue::List(json!(e.aliases))));
            out.push(("titles", AttrValue::List(json!(e.titles))));
            out.push(("outlet", AttrValue::Bool(e.outlet)));
        }
        NodeData::Statement(st) => {
            out.push(("text", s(&st.text)));
            out.push(("quote_kind", s(st.quote_kind.as_str())));
            out.push(("cue", s(&st.cue)));
            out.push(("cue_text", s(&st.cue_text)));
            out.push(("doc", s(&st.doc)));
            out.push(("span_start", AttrValue::Int(st.span[0] as i64)));
            out.push(("span_end", AttrValue::Int(st.span[1] as i64)));
            out.push(("spans", AttrValue::List(json!(st.spans))));
            opt(&mut out, "date", st.date.as_deref());
            opt(&mut out, "speaker_text", st.speaker_text.as_deref());
            opt(&mut out, "source_text", st.source_text.as_deref());
            opt(&mut out, "addressee_text", st.addressee_text.as_deref());
            out.push(("rule", s(&st.rule)));
            out.push(("class", s(st.class.as_str())));
            out.push(("content_type", s(st.content_type.as_str())));
            out.push(("polarity", s(st.polarity.as_str())));
        }
        NodeData::Document(d) => {
            opt(&mut out, "date", d.date.as_deref());
            out.push(("path", s(&d.path)));
            opt(&mut out, "dateline", d.dateline.as_deref());
            opt(&mut out, "place", d.place.as_deref());
            opt(&mut out, "publisher", d.publisher.as_deref());
        }
        NodeData::Claim(c) => {
            out.push(("text", s(&c.text)));
            out.push(("speaker", s(&c.speaker)));
            out.push(("speaker_name", s(&c.speaker_name)));
            out.push(("reports", AttrValue::Int(c.reports as i64)));
            opt(&mut out, "first_date", c.first_date.as_deref());
            opt(&mut out, "last_date", c.last_date.as_deref());
            out.push(("first_reported", s(&c.first_reported)));
            out.push(("chain", AttrValue::List(json!(c.chain))));
        }
    }
    out
}

/// An edge's attributes that have values: `kind`, then `title`
/// (`holds_role`), `mention` (the words that named the speaker, source
/// or addressee) and `weight` (statements a derived edge stands for).
pub fn edge_attributes(e: &Edge) -> Vec<(&'static str, AttrValue<'_>)> {
    let mut out = vec![("kind", s(e.kind.as_str()))];
    opt(&mut out, "title", e.title());
    opt(&mut out, "mention", e.mention());
    if let Some(w) = e.weight() {
        out.push(("weight", AttrValue::Int(i64::from(w))));
    }
    out
}

/// The position of the attribute `name` in `attrs`, where every format
/// declares it (GraphML key `d3`, GEXF attribute `3`).
pub(crate) fn position(attrs: &[Attr], name: &str) -> usize {
    attrs
        .iter()
        .position(|a| a.name == name)
        .expect("every attribute a node or edge has is declared")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_value_is_declared_for_its_kind() {
        let g = crate::graph::tests::sample_graph();
        for n in g.nodes() {
            for (name, v) in node_attributes(n) {
                let attr = NODE_ATTRS.iter().find(|a| a.name == name).unwrap();
                assert!(attr.kinds.contains(&n.kind()), "{name} on {:?}", n.kind());
                let ty = match v {
                    AttrValue::Str(_) => AttrType::Str,
                    AttrValue::Int(_) => AttrType::Int,
                    AttrValue::Bool(_) => AttrType::Bool,
                    AttrValue::List(_) if attr.ty == AttrType::Texts => AttrType::Texts,
                    AttrValue::List(_) => AttrType::List,
                };
                assert_eq!(attr.ty, ty, "{name}");
            }
        }
    }

    #[test]
    fn edges_have_declared_attributes_in_order() {
        let e = Edge::with_title("spokesman").with_weight(Some(2));
        let names: Vec<&str> = edge_attributes(&e).iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["kind", "title", "weight"]);
        assert_eq!(position(EDGE_ATTRS, "weight"), 3);
        assert_eq!(edge_attributes(&e)[0].1.to_text(), "holds_role");
    }
}
