//! Getting a graph to query: from texts, extraction records, or a graph
//! saved by the RON or node-link JSON exporter.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::export::read_ron;
use crate::extract::Extractor;
use crate::graph::{
    read_jsonl, DocumentNode, Edge, EdgeKind, EntityNode, Node, NodeData, QuoteGraph, StatementNode,
};
use crate::input::{self, InputFormat, Problem, ReadOptions};
use crate::pipeline::{self, Event};
use crate::record::{DocRecord, EntityKind, QuoteKind};

/// A graph read from inputs, with the problems of inputs that were
/// skipped.
#[derive(Debug)]
pub struct Loaded {
    /// The graph.
    pub graph: QuoteGraph,
    /// One error per input that could not be read; the others are in the
    /// graph.
    pub errors: Vec<Error>,
    /// Problems with texts that were still read (invalid UTF-8 replaced
    /// with U+FFFD, a symlink loop not followed).
    pub warnings: Vec<Problem>,
}

/// What a command-line path holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A graph written by the RON exporter.
    Ron,
    /// A graph written by the node-link JSON exporter.
    NodeLink,
    /// Extraction records, one JSON object a line.
    Jsonl,
    /// Texts: a file, a directory of `*.txt`, or `-`.
    Text,
}

fn kind_of(p: &str) -> Kind {
    let ext = Path::new(p)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ron") => Kind::Ron,
        Some("json") => Kind::NodeLink,
        Some("jsonl") => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// Read a graph from `paths`, each one of:
/// - texts: a file, a directory (recursive, `*.txt`) or `-` for stdin,
///   extracted with `ex`;
/// - extraction records (`*.jsonl`, as `quotegraph extract --format jsonl`
///   writes them);
/// - a saved graph: `*.ron` (the RON exporter) or `*.json` (the node-link
///   JSON exporter). At most one; texts and records given with it are
///   added to it.
///
/// An input that cannot be read is reported in [`Loaded::errors`] and
/// skipped; a saved graph that cannot be read, a second saved graph, or
/// records that do not fit in one graph (the same document twice) are
/// errors.
///
/// Texts are read with the default [`ReadOptions`], as `quotegraph
/// extract` reads them: invalid UTF-8 is replaced with U+FFFD (a warning
/// in [`Loaded::warnings`]) and texts over 16 MiB are skipped. See
/// [`load_with_options`].
pub fn load_with(ex: &Extractor, paths: &[String]) -> Result<Loaded> {
    load_with_options(ex, paths, &ReadOptions::default())
}

/// [`load_with`], reading texts with `opts`' size limit and decoding
/// ([`ReadOptions::max_doc_bytes`], [`ReadOptions::strict`]); every text
/// input is one document (its `format` is not used). Texts are extracted
/// in parallel, in input order, by [`pipeline::run`].
pub fn load_with_options(ex: &Extractor, paths: &[String], opts: &ReadOptions) -> Result<Loaded> {
    let text_opts = ReadOptions {
        format: InputFormat::Text,
        ..opts.clone()
    };
    let mut saved: Option<(String, QuoteGraph)> = None;
    let mut records: Vec<DocRecord> = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for p in paths {
        match kind_of(p) {
            k @ (Kind::Ron | Kind::NodeLink) => {
                if let Some((first, _)) = &saved {
                    return Err(Error::Input {
                        path: p.clone(),
                        message: format!(
                            "only one saved graph can be queried at a time (already read {first})"
                        ),
                    });
                }
                let text = std::fs::read_to_string(p).map_err(|e| Error::io(p.as_str(), e))?;
                let g = if k == Kind::Ron {
                    read_ron(&text)
                } else {
                    read_node_link(&text)
                }
                .map_err(|e| Error::Input {
                    path: p.clone(),
                    message: e.to_string(),
                })?;
                saved = Some((p.clone(), g));
            }
            Kind::Jsonl => {
                let read = std::fs::File::open(p)
                    .map_err(|e| Error::io(p.as_str(), e))
                    .and_then(|f| read_jsonl(std::io::BufReader::new(f), p));
                match read {
                    Ok(r) => records.extend(r),
                    Err(e) => errors.push(e),
                }
            }
            Kind::Text => {
                let (inputs, problems) = input::expand_inputs(std::slice::from_ref(p));
                let mut sort = |p: Problem| {
                    if p.is_error() {
                        errors.push(Error::Input {
                            path: p.path,
                            message: p.message,
                        });
                    } else {
                        warnings.push(p);
                    }
                };
                problems.into_iter().for_each(&mut sort);
                pipeline::run(
                    &inputs,
                    &text_opts,
                    &pipeline::Options::default(),
                    None,
                    |doc| ex.extract(doc).to_record(),
                    |ev| {
                        match ev {
                            Event::Doc(r) => records.push(r),
                            Event::Problem(p) => sort(p),
                        }
                        Ok(())
                    },
                )
                .map_err(|e| Error::io(p.as_str(), e))?;
            }
        }
    }
    let graph = match saved {
        Some((_, mut g)) => {
            g.extend(&records)?;
            g
        }
        None => QuoteGraph::from_extractions(&records)?,
    };
    Ok(Loaded {
        graph,
        errors,
        warnings,
    })
}

/// [`load_with`] the default extractor, failing on the first input that
/// cannot be read.
///
/// ```no_run
/// let g = quotegraph::query::load(&["data/articles"]).unwrap();
/// println!("{}", g.summary());
/// ```
pub fn load<S: AsRef<str>>(paths: &[S]) -> Result<QuoteGraph> {
    let paths: Vec<String> = paths.iter().map(|p| p.as_ref().to_string()).collect();
    let loaded = load_with(&Extractor::default(), &paths)?;
    match loaded.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(loaded.graph),
    }
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
/// use quotegraph::{query, Document, Extractor, QuoteGraph};
/// use quotegraph::export::Format;
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "“We are ready,” Lavrov told Reuters."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// let mut out = Vec::new();
/// Format::Json.exporter().write(&g, &mut out).unwrap();
/// assert_eq!(query::read_node_link(std::str::from_utf8(&out).unwrap()).unwrap(), g);
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
            // the node-link JSON carries no sentence context
            context: None,
        }),
        "document" => NodeData::Document(DocumentNode {
            path: string(v, "path")?,
            dateline: opt_string(v, "dateline"),
            date: opt_string(v, "date"),
            place: opt_string(v, "place"),
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
