//! Neo4j `neo4j-admin database import` CSV: a directory with `nodes.csv`
//! (`id:ID`, `:LABEL`, properties) and `relationships.csv` (`:START_ID`,
//! `:END_ID`, `:TYPE`, properties). Import with
//! `neo4j-admin database import full --nodes=nodes.csv
//! --relationships=relationships.csv --multiline-fields=true`.
//!
//! A list of texts (aliases, titles, a claim's chain) is a Neo4j array,
//! `name:string[]`, its items joined by `;` (the importer's default
//! `--array-delimiter`); the importer has no escape for the delimiter, so a
//! `;` inside an item is written as the full-width `；` (U+FF1B). Other
//! lists (a statement's spans) are JSON text. A text cell that a
//! spreadsheet would run as a formula (first character `=`, `+`, `-`,
//! `@`, tab or carriage return) is written with a leading `'`.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use super::escape::csv_cell;
use super::{edge_attributes, node_attributes, stage_file, Attr, AttrType, AttrValue};
use super::{EDGE_ATTRS, NODE_ATTRS};
use crate::error::{Error, Result};
use crate::graph::QuoteGraph;
use crate::output::AtomicFile;

/// The node file's name inside the output directory.
const NODES_FILE: &str = "nodes.csv";
/// The relationship file's name inside the output directory.
const RELATIONSHIPS_FILE: &str = "relationships.csv";

/// CSV is two files, not a stream: the error for writing it to one.
pub(crate) fn not_a_stream() -> Error {
    Error::Export {
        format: "csv",
        message: "writes two files (nodes.csv, relationships.csv): give an output directory".into(),
    }
}

/// Stage `nodes.csv` and `relationships.csv` in the directory `path`
/// (created if missing), to be replaced together on commit.
pub(crate) fn stage_dir(g: &QuoteGraph, path: &Path) -> Result<Vec<AtomicFile>> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Err(Error::Export {
            format: "csv",
            message: format!(
                "{}: CSV output is a directory (for nodes.csv and relationships.csv), not a .csv file",
                path.display()
            ),
        });
    }
    let nodes = path.join(NODES_FILE);
    let rels = path.join(RELATIONSHIPS_FILE);
    let nodes = stage_file(&nodes, |out| write_nodes(g, out))?;
    let rels = stage_file(&rels, |out| write_relationships(g, out))?;
    Ok(vec![nodes, rels])
}

fn header(name: &str, ty: AttrType) -> String {
    match ty {
        AttrType::Str | AttrType::List => name.to_string(),
        AttrType::Texts => format!("{name}:string[]"),
        AttrType::Int => format!("{name}:long"),
        AttrType::Bool => format!("{name}:boolean"),
    }
}

fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::io("output", e),
        other => Error::Export {
            format: "csv",
            message: format!("{other:?}"),
        },
    }
}

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out)
}

/// Append a cell per attribute of `attrs` to `row`: its value in
/// `values` as text (text neutralized for spreadsheets, [`csv_cell`]), or
/// empty.
fn push_cells(row: &mut Vec<Cow<'_, str>>, attrs: &[&Attr], values: &[(&str, AttrValue<'_>)]) {
    for a in attrs {
        row.push(match values.iter().find(|(k, _)| *k == a.name) {
            None => Cow::Borrowed(""),
            Some((_, v)) if a.ty == AttrType::Str => {
                Cow::Owned(csv_cell(&v.to_text()).into_owned())
            }
            Some((_, v)) if a.ty == AttrType::Texts => Cow::Owned(csv_cell(&array(v)).into_owned()),
            Some((_, v)) => Cow::Owned(v.to_text().into_owned()),
        });
    }
}

/// A list of texts as one Neo4j array cell: items joined by `;`, a `;`
/// inside an item written as `；`.
fn array(v: &AttrValue<'_>) -> String {
    let json = v.to_json();
    let items = json.as_array().map(Vec::as_slice).unwrap_or_default();
    let texts: Vec<String> = items
        .iter()
        .map(|i| i.as_str().unwrap_or_default().replace(';', "\u{ff1b}"))
        .collect();
    texts.join(";")
}

/// Write `nodes.csv`.
fn write_nodes(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
    // the kind is the label
    let attrs: Vec<_> = NODE_ATTRS.iter().filter(|a| a.name != "kind").collect();
    let mut head = vec!["id:ID".to_string(), ":LABEL".to_string()];
    head.extend(attrs.iter().map(|a| header(a.name, a.ty)));
    w.write_record(&head).map_err(csv_err)?;
    let mut row: Vec<Cow<str>> = Vec::with_capacity(head.len());
    for n in g.nodes() {
        row.clear();
        row.push(Cow::Borrowed(&n.id));
        row.push(Cow::Borrowed(n.kind().label()));
        push_cells(&mut row, &attrs, &node_attributes(n));
        w.write_record(row.iter().map(|c| c.as_bytes()))
            .map_err(csv_err)?;
    }
    w.flush().map_err(|e| Error::io("output", e))
}

/// Write `relationships.csv`.
fn write_relationships(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let mut w = writer(out);
    let attrs: Vec<_> = EDGE_ATTRS.iter().filter(|a| a.name != "kind").collect();
    let mut head = vec![
        ":START_ID".to_string(),
        ":END_ID".to_string(),
        ":TYPE".to_string(),
    ];
    head.extend(attrs.iter().map(|a| header(a.name, a.ty)));
    w.write_record(&head).map_err(csv_err)?;
    for e in g.edges() {
        let mut row: Vec<Cow<str>> = vec![
            Cow::Borrowed(&e.from.id),
            Cow::Borrowed(&e.to.id),
            Cow::Borrowed(e.edge.kind.rel_type()),
        ];
        push_cells(&mut row, &attrs, &edge_attributes(e.edge));
        w.write_record(row.iter().map(|c| c.as_bytes()))
            .map_err(csv_err)?;
    }
    w.flush().map_err(|e| Error::io("output", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_neutralized_and_missing_ones_empty() {
        let attrs: Vec<&Attr> = EDGE_ATTRS.iter().filter(|a| a.name != "kind").collect();
        let values = [
            ("title", AttrValue::Str("=1+1".into())),
            ("weight", AttrValue::Int(2)),
        ];
        let mut row = Vec::new();
        push_cells(&mut row, &attrs, &values);
        assert_eq!(row, ["'=1+1", "", "2"]);
    }

    #[test]
    fn lists_of_texts_are_neo4j_arrays() {
        assert_eq!(header("aliases", AttrType::Texts), "aliases:string[]");
        let v = AttrValue::List(serde_json::json!(["Zelenskyy", "a;b"]));
        assert_eq!(array(&v), "Zelenskyy;a\u{ff1b}b");
        assert_eq!(array(&AttrValue::List(serde_json::json!([]))), "");
    }
}
