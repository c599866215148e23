//! Graphviz DOT: names as labels, statements as shortened claim text,
//! colours and shapes by node kind. Render with `dot -Tsvg graph.dot`.

use std::io::Write;

use super::color;
use super::escape::dot_quoted;
use crate::graph::{EdgeKind, Node, NodeKind, QuoteGraph};

/// Write the graph as a DOT digraph.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
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
            dot_quoted(&n.id),
            label(&node_label(n)),
            shape(n),
        )?;
    }
    for e in g.edges() {
        let mut text = e.edge.kind.as_str().to_string();
        if let Some(t) = e.edge.title() {
            text = format!("{text}: {t}");
        }
        // a weighted edge (a derived graph's count) shows it, and thickens
        let weight = match e.edge.weight() {
            Some(w) => {
                text = format!("{text} ×{w}");
                format!(", weight={w}, penwidth={}", 1 + w.min(8))
            }
            None => String::new(),
        };
        writeln!(
            out,
            "  {} -> {} [label={}{}{weight}];",
            dot_quoted(&e.from.id),
            dot_quoted(&e.to.id),
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
        NodeKind::Claim => "component",
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
        EdgeKind::Reports => ", color=\"#66a61e\", style=bold",
    }
}

/// A label as a DOT quoted string, line breaks (`\r\n`, `\r`) as `\n`.
fn label(s: &str) -> String {
    dot_quoted(&s.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_line_breaks_become_one_escape() {
        assert_eq!(label("a\r\nb\rc\nd"), "\"a\\nb\\nc\\nd\"");
    }
}
