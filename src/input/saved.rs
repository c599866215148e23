//! Saved graphs: the node-link JSON and RON exports read back, so a graph
//! built once can be queried (or extended) again.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::export::read_ron;
use crate::graph::{
    ClaimNode, DocumentNode, Edge, EdgeKind, EntityNode, Node, NodeData, QuoteGraph, StatementNode,
};
use crate::record::{EntityKind, QuoteKind};

/// Is `path` a saved graph, by its extension: `.ron` (the RON exporter)
/// or `.json` (the node-link JSON exporter)?
pub(crate) fn is_saved_graph(path: &str) -> bool {
    saved_format(path).is_some()
}

/// `Some(true)` for RON, `Some(false)` for node-link JSON.
fn saved_format(path: &str) -> Option<bool> {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ron") => Some(true),
        Some("json") => Some(false),
        _ => None,
    }
}

/// Read the graph saved in `path` by the RON (`*.ron`) or node-link JSON
/// (`*.json`) exporter. Errors name the file.
pub(crate) fn read_saved_graph(path: &str) -> Result<QuoteGraph> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let g = if saved_format(path) == Some(true) {
        read_ron(&text)
    } else {
        read_node_link(&text)
    };
    g.map_err(|e| Error::Input {
        path: path.to_string(),
        message: e.to_string(),
    })
}

fn bad(message: impl Into<String>) -> Error {
    Error::Graph {
        message: format!("node-link JSON: {}", message.into()),
    }
}

/// Read a graph written by the node-link JSON exporter
/// ([`Format::Json`](crate::export::Format::Json)); the result equals the
/// graph that was written.
///
/// ```
/// use quotegraph::{input, Document, Extractor, QuoteGraph};
/// use quotegraph::export::Format;
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "“We are ready,” Lavrov told Reuters."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let mut out = Vec::new();
/// Format::Json.exporter().write(&g, &mut out).unwrap();
/// assert_eq!(input::read_node_link(std::str::from_utf8(&out).unwrap()).unwrap(), g);
/// ```
pub fn read_node_link(text: &str) -> Result<QuoteGraph> {
    let doc: Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let list = |key: &str| -> Result<&Vec<Value>> {
        doc.get(key)
            .and_then(Value::as_array)
            .ok_or_else(|| bad(format!("no {key:?} array")))
    };
    let nodes = list("nodes")?
        .iter()
        .map(node_from_json)
        .collect::<Result<Vec<Node>>>()?;
    let edges = list("edges")?
        .iter()
        .map(edge_from_json)
        .collect::<Result<Vec<(String, String, Edge)>>>()?;
    QuoteGraph::from_parts(nodes, edges)
}

fn string(v: &Value, key: &str) -> Result<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| bad(format!("{key:?} missing or not text in {v}")))
}

fn opt_string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn int(v: &Value, key: &str) -> Result<usize> {
    v.get(key)
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| bad(format!("{key:?} missing or not a number in {v}")))
}

fn parse<T: serde::de::DeserializeOwned>(v: &Value, key: &str) -> Result<T> {
    let s = v
        .get(key)
        .ok_or_else(|| bad(format!("no {key:?} in {v}")))?;
    serde_json::from_value(s.clone()).map_err(|e| bad(format!("{key:?}: {e}")))
}

fn node_from_json(v: &Value) -> Result<Node> {
    let id = string(v, "id")?;
    let kind = string(v, "kind")?;
    let data = match kind.as_str() {
        "person" | "organization" | "place" => NodeData::Entity(EntityNode {
            kind: parse::<EntityKind>(v, "kind")?,
            name: string(v, "name")?,
            aliases: strings(v, "aliases"),
            titles: strings(v, "titles"),
            outlet: v.get("outlet").and_then(Value::as_bool).unwrap_or(false),
        }),
        "statement" => NodeData::Statement(StatementNode {
            text: string(v, "text")?,
            quote_kind: parse::<QuoteKind>(v, "quote_kind")?,
            cue: string(v, "cue")?,
            cue_text: string(v, "cue_text")?,
            doc: string(v, "doc")?,
            span: [int(v, "span_start")?, int(v, "span_end")?],
            spans: parse::<Vec<[usize; 2]>>(v, "spans")?,
            date: opt_string(v, "date"),
            speaker_text: opt_string(v, "speaker_text"),
            source_text: opt_string(v, "source_text"),
            addressee_text: opt_string(v, "addressee_text"),
            rule: string(v, "rule")?,
            class: parse(v, "class").unwrap_or_default(),
            content_type: parse(v, "content_type").unwrap_or_default(),
            polarity: parse(v, "polarity").unwrap_or_default(),
            // the node-link JSON carries no sentence context
            context: None,
        }),
        "document" => NodeData::Document(DocumentNode {
            path: string(v, "path")?,
            dateline: opt_string(v, "dateline"),
            date: opt_string(v, "date"),
            place: opt_string(v, "place"),
        }),
        "claim" => NodeData::Claim(ClaimNode {
            text: string(v, "text")?,
            speaker: string(v, "speaker")?,
            speaker_name: string(v, "speaker_name")?,
            reports: int(v, "reports")?,
            first_date: opt_string(v, "first_date"),
            last_date: opt_string(v, "last_date"),
            first_reported: string(v, "first_reported")?,
            chain: strings(v, "chain"),
        }),
        other => return Err(bad(format!("node {id:?} has unknown kind {other:?}"))),
    };
    Ok(Node { id, data })
}

fn edge_from_json(v: &Value) -> Result<(String, String, Edge)> {
    Ok((
        string(v, "source")?,
        string(v, "target")?,
        Edge {
            kind: parse::<EdgeKind>(v, "kind")?,
            title: opt_string(v, "title"),
            mention: opt_string(v, "mention"),
            weight: v
                .get("weight")
                .and_then(Value::as_u64)
                .map(|w| u32::try_from(w).unwrap_or(u32::MAX)),
        },
    ))
}
