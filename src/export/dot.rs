//! Graphviz DOT: names as labels, statements as shortened claim text,
//! colours and shapes by node kind. Render with `dot -Tsvg graph.dot`.

use std::io::Write;

use super::{color, stream_err, xml_chars, Exporter, Format};
use crate::error::Result;
use crate::graph::{EdgeKind, Node, NodeKind, QuoteGraph};

/// The DOT exporter.
pub(crate) struct Dot;

impl Exporter for Dot {
    fn format(&self) -> Format {
        Format::Dot
    }

    fn write(&self, g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
        write(g, out).map_err(stream_err)
    }
}

fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "digraph quotegraph {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];"
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, style=filled];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\"];"
    )?;
    for n in g.nodes() {
        let (r, gr, b) = color(n.kind());
        writeln!(
            out,
            "  {} [label={}, shape={}, fillcolor=\"#{r:02x}{gr:02x}{b:02x}\"];",
            id(&n.id),
            label(&node_label(n)),
            shape(n),
        )?;
    }
    for e in g.edges() {
        let mut text = e.edge.kind.as_str().to_string();
        if let Some(t) = &e.edge.title {
            text = format!("{text}: {t}");
        }
        // a weighted edge (a derived graph's count) shows it, and thickens
        let weight = match e.edge.weight {
            Some(w) => {
                text = format!("{text} ×{w}");
                format!(", weight={w}, penwidth={}", 1 + w.min(8))
            }
            None => String::new(),
        };
        writeln!(
            out,
            "  {} -> {} [label={}{}{weight}];",
            id(&e.from.id),
            id(&e.to.id),
            label(&text),
            edge_style(e.edge.kind)
        )?;
    }
    writeln!(out, "}}")
}

/// Statements wrap at about 30 characters; other labels stay whole.
fn node_label(n: &Node) -> String {
    let l = n.label();
    if n.kind() != NodeKind::Statement {
        return l;
    }
    let mut lines: Vec<String> = Vec::new();
    for w in l.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + w.chars().count() <= 30 => {
                line.push(' ');
                line.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    lines.join("\n")
}

fn shape(n: &Node) -> &'static str {
    match n.kind() {
        NodeKind::Person => "ellipse",
        NodeKind::Organization if n.entity().is_some_and(|e| e.outlet) => "box3d",
        NodeKind::Organization => "box",
        NodeKind::Place => "house",
        NodeKind::Statement => "note",
        NodeKind::Document => "folder",
    }
}

fn edge_style(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Said => ", color=\"#1b9e77\", penwidth=1.5",
        EdgeKind::ReportedBy => ", color=\"#d95f02\", style=dashed",
        EdgeKind::AddressedTo => ", color=\"#7570b3\"",
        EdgeKind::Mentions => ", color=\"#999999\", style=dotted",
        EdgeKind::HoldsRole => ", color=\"#e7298a\"",
        EdgeKind::AppearsIn | EdgeKind::Datelined => ", color=\"#cccccc\"",
    }
}

/// A node id as a DOT quoted string. Graphviz keeps a doubled backslash
/// in names as two characters, so backslashes in ids show doubled in its
/// output; `&` is written as an entity, which Graphviz decodes.
fn id(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in xml_chars(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A label as a DOT escString: backslashes and quotes escaped, `&` as an
/// entity (Graphviz decodes entities in every string), line breaks as
/// `\n`, characters XML cannot hold (the usual output is SVG) as U+FFFD.
fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    for c in xml_chars(&s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_escape_dot_and_entities() {
        assert_eq!(label("a\"b\\c&d\ne<f>"), "\"a\\\"b\\\\c&amp;d\\ne<f>\"");
        assert_eq!(id("x\"];"), "\"x\\\"];\"");
    }
}
