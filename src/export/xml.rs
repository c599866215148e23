//! What the two XML formats (GraphML, GEXF) write alike, with quick-xml:
//! the document around the graph, escaped attributes, empty and text
//! elements, and attribute type names.

use std::io::Write;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use super::escape::xml_escape;
use super::{Attr, AttrType};

/// The writer both formats use: two-space indents, into any stream.
pub(crate) type XmlWriter<'a> = Writer<&'a mut dyn Write>;

/// Write an XML document to `out`: the declaration, `root` (with its
/// attributes) around what `body` writes, and a final newline.
pub(crate) fn document(
    out: &mut dyn Write,
    root: BytesStart<'_>,
    body: impl FnOnce(&mut XmlWriter<'_>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let end = root.to_end().into_owned();
    w.write_event(Event::Start(root))?;
    body(&mut w)?;
    w.write_event(Event::End(end))?;
    w.get_mut().write_all(b"\n")
}

/// An element with `attrs` around what `body` writes.
pub(crate) fn element(
    w: &mut XmlWriter<'_>,
    tag: &str,
    attrs: &[Attribute<'_>],
    body: impl FnOnce(&mut XmlWriter<'_>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut el = BytesStart::new(tag);
    el.extend_attributes(attrs.iter().cloned());
    w.write_event(Event::Start(el))?;
    body(w)?;
    w.write_event(Event::End(BytesEnd::new(tag)))
}

/// An empty element with `attrs`.
pub(crate) fn empty(
    w: &mut XmlWriter<'_>,
    tag: &str,
    attrs: &[Attribute<'_>],
) -> std::io::Result<()> {
    let mut el = BytesStart::new(tag);
    el.extend_attributes(attrs.iter().cloned());
    w.write_event(Event::Empty(el))
}

/// An element holding `text`, escaped with [`xml_escape`].
pub(crate) fn text_element(
    w: &mut XmlWriter<'_>,
    tag: &str,
    attrs: &[Attribute<'_>],
    text: &str,
) -> std::io::Result<()> {
    element(w, tag, attrs, |w| {
        w.write_event(Event::Text(BytesText::from_escaped(xml_escape(text))))
    })
}

/// An attribute whose value quick-xml writes as given: `value` is escaped
/// with [`xml_escape`] (which also keeps newlines and tabs).
pub(crate) fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    Attribute {
        key: QName(key.as_bytes()),
        value: xml_escape(value).into_bytes().into(),
    }
}

/// The XML attributes declaring graph attribute `a`: its name and the
/// type of its values (lists are JSON text) under `keys`, GraphML's
/// `attr.name` and `attr.type` or GEXF's `title` and `type`.
pub(crate) fn name_and_type<'a>(a: &Attr, keys: [&'a str; 2]) -> [Attribute<'a>; 2] {
    let ty = match a.ty {
        AttrType::Str | AttrType::List | AttrType::Texts => "string",
        AttrType::Int => "long",
        AttrType::Bool => "boolean",
    };
    [attr(keys[0], a.name), attr(keys[1], ty)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_indent_and_escape() {
        let mut out = Vec::new();
        let mut root = BytesStart::new("g");
        root.push_attribute(("version", "1"));
        document(&mut out, root, |w| {
            element(w, "a", &[attr("id", "x\"\n")], |w| {
                empty(w, "b", &[])?;
                text_element(w, "c", &[], "1 < 2\t")
            })
        })
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<g version=\"1\">\n  \
             <a id=\"x&quot;&#10;\">\n    <b/>\n    <c>1 &lt; 2&#9;</c>\n  </a>\n</g>\n"
        );
    }
}
