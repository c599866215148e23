//! A Cypher script: one `CREATE` per node, then one `MATCH … CREATE` per
//! relationship, labels `Person`, `Organization`, `Place`, `Statement`,
//! `Document` and relationship types `SAID`, `REPORTED_BY`… Runs as is in
//! Neo4j or Memgraph; an embedded database with typed tables (ladybug,
//! Kùzu) first needs the tables of [`ladybug_schema`].
//!
//! Strings are single-quoted with backslash escapes (`\'`, `\\`, `\n`,
//! `\uXXXX` for other control characters); lists are JSON text.

use std::fmt::Write as _;
use std::io::Write;

use super::escape::backslash_quoted;
use super::{edge_attributes, node_attributes, AttrType, AttrValue};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

/// A Cypher string literal.
fn string(s: &str) -> String {
    backslash_quoted(s, '\'')
}

fn literal(v: &AttrValue) -> String {
    match v {
        AttrValue::Int(i) => i.to_string(),
        AttrValue::Bool(b) => b.to_string(),
        v => string(&v.to_text()),
    }
}

fn props<'a>(values: impl Iterator<Item = (&'static str, AttrValue<'a>)>) -> String {
    let parts: Vec<String> = values
        .map(|(k, v)| format!("`{k}`: {}", literal(&v)))
        .collect();
    parts.join(", ")
}

/// Write the graph as a Cypher script.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let s = g.summary();
    writeln!(
        out,
        "// quotegraph: {} nodes, {} relationships",
        s.node_total(),
        s.edge_total()
    )?;
    for n in g.nodes() {
        let values = std::iter::once(("id", AttrValue::Str(n.id.as_str().into())))
            .chain(node_attributes(n).into_iter().filter(|(k, _)| *k != "kind"));
        writeln!(out, "CREATE (:{} {{{}}});", n.kind().label(), props(values))?;
    }
    for e in g.edges() {
        let values = edge_attributes(e.edge)
            .into_iter()
            .filter(|(k, _)| *k != "kind");
        let p = props(values);
        let p = if p.is_empty() {
            String::new()
        } else {
            format!(" {{{p}}}")
        };
        writeln!(
            out,
            "MATCH (a:{} {{`id`: {}}}), (b:{} {{`id`: {}}}) CREATE (a)-[:{}{p}]->(b);",
            e.from.kind().label(),
            string(&e.from.id),
            e.to.kind().label(),
            string(&e.to.id),
            e.edge.kind.rel_type()
        )?;
    }
    Ok(())
}

fn column_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Str | AttrType::List | AttrType::Texts => "STRING",
        AttrType::Int => "INT64",
        AttrType::Bool => "BOOLEAN",
    }
}

/// The tables an embedded Cypher database with typed tables (ladybug, a
/// maintained Kùzu fork) needs before it can run the script or load the
/// CSV files: one node table per label with the properties that label
/// has, one relationship table per type with every pair of labels it may
/// join, each with `title`, `mention` and `weight`.
pub fn ladybug_schema() -> String {
    let mut out = String::new();
    for k in NodeKind::ALL {
        let mut cols = vec!["`id` STRING".to_string()];
        for a in NODE_ATTRS
            .iter()
            .filter(|a| a.name != "kind" && a.kinds.contains(&k))
        {
            cols.push(format!("`{}` {}", a.name, column_type(a.ty)));
        }
        cols.push("PRIMARY KEY(`id`)".into());
        let _ = writeln!(out, "CREATE NODE TABLE {}({});", k.label(), cols.join(", "));
    }
    for k in EdgeKind::ALL {
        let (from, to) = k.endpoints();
        let mut parts: Vec<String> = Vec::new();
        for f in from {
            for t in to {
                parts.push(format!("FROM {} TO {}", f.label(), t.label()));
            }
        }
        for a in EDGE_ATTRS.iter().filter(|a| a.name != "kind") {
            parts.push(format!("`{}` {}", a.name, column_type(a.ty)));
        }
        let _ = writeln!(
            out,
            "CREATE REL TABLE {}({});",
            k.rel_type(),
            parts.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_quote_text_and_lists_only() {
        assert_eq!(literal(&AttrValue::Int(3)), "3");
        assert_eq!(literal(&AttrValue::Bool(true)), "true");
        assert_eq!(literal(&AttrValue::Str("it's".into())), "'it\\'s'");
        let list = AttrValue::List(serde_json::json!(["a"]));
        assert_eq!(literal(&list), "'[\"a\"]'");
    }
}
