//! Saved graphs: the node-link JSON and RON exports read back, so a graph
//! built once can be queried (or extended) again.

use std::path::Path;
use std::sync::atomic::AtomicU64;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::export::read_ron;
use crate::graph::{
    span32, ClaimNode, DocumentNode, Edge, EdgeKind, EntityNode, Node, NodeData, QuoteGraph,
    StatementNode,
};
use crate::record::{EntityKind, QuoteKind};

/// The saved-graph formats `quotegraph query` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Saved {
    Ron,
    NodeLink,
    Snapshot,
}

/// Is `path` a saved graph: by its extension `.ron` (the RON exporter),
/// `.json` (the node-link JSON exporter) or `.qgs` (a
/// [snapshot](crate::snapshot)), or a `build` output directory holding
/// `graph.qgs`?
pub(crate) fn is_saved_graph(path: &str) -> bool {
    saved_format(path).is_some() || build_snapshot(path).is_some()
}

/// The snapshot of a `build` output directory.
fn build_snapshot(path: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(path);
    let snap = p.join(format!("graph.{}", crate::snapshot::EXTENSION));
    (p.is_dir() && snap.is_file()).then_some(snap)
}

fn saved_format(path: &str) -> Option<Saved> {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ron") => Some(Saved::Ron),
        Some("json") => Some(Saved::NodeLink),
        Some(e) if e == crate::snapshot::EXTENSION => Some(Saved::Snapshot),
        _ => None,
    }
}

/// Why `path` cannot be queried, when its name says it is a graph export
/// that cannot be read back (GraphML, GEXF, DOT, Cytoscape, Cypher,
/// Turtle, CSV, HTML): `query` would otherwise read it as a text.
pub(crate) fn unreadable_export(path: &str) -> Option<String> {
    let ext = Path::new(path).extension()?.to_str()?;
    let f = crate::export::Format::from_extension(ext)?;
    (saved_format(path).is_none()).then(|| {
        format!(
            "a {} export cannot be queried: give the graph.qgs snapshot (or the directory) \
             that `quotegraph build` wrote, a node-link .json or .ron graph, \
             extraction records or texts",
            f.name()
        )
    })
}

/// Read the graph saved in `path` by the RON (`*.ron`) or node-link JSON
/// (`*.json`) exporter, a snapshot (`*.qgs`, or any file starting like
/// one), or the snapshot of a `build` output directory. Errors name the
/// file.
pub(crate) fn read_saved_graph(path: &str, read_bytes: Option<&AtomicU64>) -> Result<QuoteGraph> {
    let (path, format) = match build_snapshot(path) {
        Some(snap) => (snap.display().to_string(), Saved::Snapshot),
        None => (
            path.to_string(),
            saved_format(path).unwrap_or(Saved::NodeLink),
        ),
    };
    let io = |e| Error::io(path.as_str(), e);
    let file = std::fs::File::open(&path).map_err(io)?;
    // counted for the progress display: a big snapshot takes a while
    let counted = super::Counting {
        inner: file,
        counter: read_bytes,
    };
    let mut file = std::io::BufReader::with_capacity(1 << 16, counted);
    // a snapshot is read as it streams in, never held whole
    let head = std::io::BufRead::fill_buf(&mut file).map_err(io)?;
    let g = if format == Saved::Snapshot || crate::snapshot::is_snapshot(head) {
        crate::snapshot::read_from(file)
    } else {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
        match std::str::from_utf8(&bytes) {
            Err(e) => Err(Error::Graph {
                message: format!("not UTF-8 text ({e}), so not a saved graph"),
            }),
            Ok(text) if format == Saved::Ron => read_ron(text),
            Ok(text) => read_node_link(text),
        }
    };
    g.map_err(|e| Error::Input {
        path,
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
            text: string(v, "text")?.into(),
            quote_kind: parse::<QuoteKind>(v, "quote_kind")?,
            cue: string(v, "cue")?.into(),
            cue_text: string(v, "cue_text")?.into(),
            doc: string(v, "doc")?.into(),
            span: span32([int(v, "span_start")?, int(v, "span_end")?]),
            spans: parse::<Vec<[usize; 2]>>(v, "spans")?
                .into_iter()
                .map(span32)
                .collect(),
            date: opt_string(v, "date").map(Into::into),
            speaker_text: opt_string(v, "speaker_text").map(Into::into),
            source_text: opt_string(v, "source_text").map(Into::into),
            addressee_text: opt_string(v, "addressee_text").map(Into::into),
            rule: string(v, "rule")?.into(),
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
            publisher: opt_string(v, "publisher"),
        }),
        "claim" => NodeData::Claim(Box::new(ClaimNode {
            text: string(v, "text")?,
            speaker: string(v, "speaker")?,
            speaker_name: string(v, "speaker_name")?,
            reports: int(v, "reports")?,
            first_date: opt_string(v, "first_date"),
            last_date: opt_string(v, "last_date"),
            first_reported: string(v, "first_reported")?,
            chain: strings(v, "chain"),
        })),
        other => return Err(bad(format!("node {id:?} has unknown kind {other:?}"))),
    };
    Ok(Node { id, data })
}

fn edge_from_json(v: &Value) -> Result<(String, String, Edge)> {
    Ok((
        string(v, "source")?,
        string(v, "target")?,
        Edge::with_parts(
            parse::<EdgeKind>(v, "kind")?,
            opt_string(v, "title").as_deref(),
            opt_string(v, "mention").as_deref(),
            v.get("weight")
                .and_then(Value::as_u64)
                .map(|w| u32::try_from(w).unwrap_or(u32::MAX)),
        ),
    ))
}
