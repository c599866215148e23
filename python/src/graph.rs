//! The knowledge graph as a Python class: built from texts, files,
//! documents or JSONL; exported in every format; listed as nodes and
//! edges; asked traversal questions.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use quotegraph::export::{edge_attributes, node_attributes, xml_chars, AttrValue, Format};
use quotegraph::graph::{EdgeKind, NodeKind, QuoteGraph};
use quotegraph::query;

use crate::args;
use crate::errors::to_py;
use crate::extract::{self, PyExtractor};
use crate::records::PyDocument;

/// A JSON value as plain Python objects.
fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let items = a
                .iter()
                .map(|x| json_to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// A serde value (a query answer) as plain Python objects.
fn serde_to_py<'py, T: serde::Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(v).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_to_py(py, &v)
}

/// An attribute value as a Python object: lists as lists.
fn value<'py>(py: Python<'py>, v: &AttrValue<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        AttrValue::Str(s) => s.as_ref().into_pyobject(py)?.into_any(),
        AttrValue::Int(i) => i.into_pyobject(py)?.into_any(),
        AttrValue::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        AttrValue::List(l) => json_to_py(py, l)?,
    })
}

/// An attribute value as networkx reads it back from the GraphML export:
/// integers and booleans typed, text (lists as JSON text) with the
/// characters XML cannot hold as U+FFFD. (Empty text stays `""`, as
/// networkx 3.6 reads an empty `<data>`.)
fn graphml_value<'py>(py: Python<'py>, v: &AttrValue<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        AttrValue::Int(i) => i.into_pyobject(py)?.into_any(),
        AttrValue::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        AttrValue::Str(_) | AttrValue::List(_) => xml_chars(&v.to_text())
            .as_ref()
            .into_pyobject(py)?
            .into_any(),
    })
}

fn attrs_dict<'py>(
    py: Python<'py>,
    attrs: &[(&'static str, AttrValue<'_>)],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, v) in attrs {
        d.set_item(*k, value(py, v)?)?;
    }
    Ok(d)
}

fn node_kind(kind: &str) -> PyResult<NodeKind> {
    NodeKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(|| {
            let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
            PyValueError::new_err(format!(
                "unknown node kind {kind:?} (one of: {})",
                names.join(", ")
            ))
        })
}

fn edge_kind(kind: &str) -> PyResult<EdgeKind> {
    EdgeKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(|| {
            let names: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();
            PyValueError::new_err(format!(
                "unknown edge kind {kind:?} (one of: {})",
                names.join(", ")
            ))
        })
}

fn format_arg(format: &str) -> PyResult<Format> {
    format.parse::<Format>().map_err(PyValueError::new_err)
}

/// The extractor behind an `extractor=` argument.
fn extractor_arg(ex: Option<&Bound<'_, PyExtractor>>) -> std::sync::Arc<quotegraph::Extractor> {
    ex.map_or_else(extract::default_extractor, |e| e.get().ex.clone())
}

/// The knowledge graph of people, organizations, places, statements and
/// documents — what ``quotegraph graph`` builds and exports.
///
/// Node ids are stable and readable (``person:sergey-lavrov``,
/// ``statement:<doc>#<n>``, ``document:<doc>``). Entities merge across
/// documents by name; statements never merge. Build one with
/// ``Graph.from_texts``, ``Graph.from_paths``, ``Graph.from_jsonl`` or
/// ``Graph(documents)``; a graph does not change once built.
#[pyclass(module = "quotegraph", name = "Graph", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyGraph {
    pub(crate) g: QuoteGraph,
}

#[pymethods]
impl PyGraph {
    /// The graph of ``documents`` (``Document`` objects from ``extract``,
    /// ``extract_many``…), added in order; no documents gives an empty
    /// graph. Documents that carry their text give their statements the
    /// sentence context, as ``quotegraph graph`` does (documents read from
    /// JSONL have none). Raises ``ValueError`` if two documents have the
    /// same name.
    #[new]
    #[pyo3(signature = (documents = None))]
    fn new(py: Python<'_>, documents: Option<&Bound<'_, PyAny>>) -> PyResult<PyGraph> {
        let mut docs = Vec::new();
        if let Some(documents) = documents {
            for (i, d) in documents.try_iter()?.enumerate() {
                let d = d?;
                let doc = d.cast::<PyDocument>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "Graph: item {i}: expected a Document, got {}",
                        args::type_name(&d)
                    ))
                })?;
                let doc = doc.get();
                docs.push((doc.record.clone(), doc.text.clone()));
            }
        }
        let ex = extract::default_extractor();
        let g = py
            .detach(move || {
                let docs = docs.iter().map(|(rec, text)| (&**rec, text.as_deref()));
                QuoteGraph::from_texts(docs, ex.lexicon())
            })
            .map_err(to_py)?;
        Ok(PyGraph { g })
    }

    /// The graph of ``documents``, added in order (same as
    /// ``Graph(documents)``).
    #[staticmethod]
    fn from_documents(py: Python<'_>, documents: &Bound<'_, PyAny>) -> PyResult<PyGraph> {
        PyGraph::new(py, Some(documents))
    }

    /// Extract from ``texts`` (as ``extract_many``: texts or ``(doc,
    /// text)`` pairs, in parallel without the GIL) and build the graph.
    #[staticmethod]
    #[pyo3(signature = (texts, *, threads = None, extractor = None))]
    fn from_texts(
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        extractor: Option<&Bound<'_, PyExtractor>>,
    ) -> PyResult<PyGraph> {
        let items = args::texts("Graph.from_texts", texts)?;
        let jobs = args::jobs(threads)?;
        let ex = extractor_arg(extractor);
        let g = py.detach(move || {
            let corpus = extract::extract_texts(&ex, items, jobs)?;
            corpus.graph(ex.lexicon()).map_err(to_py)
        })?;
        Ok(PyGraph { g })
    }

    /// Extract from files and directories and build the graph, as
    /// ``quotegraph graph PATH…`` does (directories walked for ``*.txt``,
    /// documents named by their paths as given), extracting each text and
    /// spooling its record, so a corpus's records are never all held at
    /// once. The first unusable path raises.
    #[staticmethod]
    #[pyo3(signature = (paths, *, threads = None, extractor = None))]
    fn from_paths(
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        threads: Option<usize>,
        extractor: Option<&Bound<'_, PyExtractor>>,
    ) -> PyResult<PyGraph> {
        let paths = args::paths("Graph.from_paths", paths)?;
        let jobs = args::jobs(threads)?;
        let ex = extractor_arg(extractor);
        let g = py.detach(move || extract::graph_of_texts(&ex, &paths, jobs))?;
        Ok(PyGraph { g })
    }

    /// The graph of extraction records in JSONL files (one path or a list;
    /// ``.gz`` files and directories of shards as ``read_jsonl`` reads
    /// them), streamed into the graph one at a time as ``quotegraph graph
    /// --from-jsonl PATH…`` builds it. Records
    /// carry no text, so statements have no sentence context. The first
    /// file that cannot be used raises as in ``read_jsonl``.
    #[staticmethod]
    fn from_jsonl(py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<PyGraph> {
        let paths = args::paths("Graph.from_jsonl", paths)?;
        let g = py.detach(move || extract::graph_of_records(&paths))?;
        Ok(PyGraph { g })
    }

    /// Write the graph to ``path`` in ``format`` (a name from
    /// ``quotegraph.FORMATS``: ``"dot"``, ``"graphml"``, ``"gexf"``,
    /// ``"json"``, ``"cytoscape"``, ``"csv"``, ``"cypher"``, ``"ron"``,
    /// ``"ttl"``, ``"html"``), or the format of the file extension when
    /// ``format`` is not given (a directory means ``csv``). Parent
    /// directories are created. Returns the files written (``csv`` writes
    /// two). Before any work, as ``quotegraph graph -o PATH`` does, the
    /// location is checked: one that cannot be written raises ``OSError``
    /// (``NotADirectoryError``, ``IsADirectoryError``…) with the CLI's
    /// message, ``"cannot write PATH: …"``.
    #[pyo3(signature = (path, format = None))]
    fn export(&self, py: Python<'_>, path: PathBuf, format: Option<&str>) -> PyResult<Vec<String>> {
        let format = match format {
            Some(f) => format_arg(f)?,
            None => Format::from_path(&path).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "cannot tell the format from {:?}: give format=",
                    path.display().to_string()
                ))
            })?,
        };
        let files = py
            .detach(|| {
                format.check_target(&path)?;
                format.exporter().write_path(&self.g, &path)
            })
            .map_err(to_py)?;
        Ok(files.iter().map(|p| p.display().to_string()).collect())
    }

    /// The graph in ``format`` as a string: ``"dot"``, ``"graphml"``,
    /// ``"gexf"``, ``"json"``, ``"cytoscape"``, ``"cypher"``, ``"ron"``,
    /// ``"ttl"`` or ``"html"`` (every name in ``quotegraph.FORMATS`` but
    /// ``"csv"``, which is two files: use ``export``).
    fn dumps(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format = format_arg(format)?;
        let bytes = py
            .detach(|| {
                let mut out = Vec::new();
                format.exporter().write(&self.g, &mut out).map(|()| out)
            })
            .map_err(to_py)?;
        String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Number of nodes.
    fn __len__(&self) -> usize {
        self.g.node_count()
    }

    /// True if a node has this id.
    fn __contains__(&self, id: &str) -> bool {
        self.g.index_of(id).is_some()
    }

    /// Number of nodes.
    #[getter]
    fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// Number of edges.
    #[getter]
    fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// Node and edge counts by kind: ``{"nodes": {"person": 12, …},
    /// "edges": {"said": 33, …}}``.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.g.summary();
        let nodes = PyDict::new(py);
        for (k, n) in &s.nodes {
            nodes.set_item(k.as_str(), n)?;
        }
        let edges = PyDict::new(py);
        for (k, n) in &s.edges {
            edges.set_item(k.as_str(), n)?;
        }
        let d = PyDict::new(py);
        d.set_item("nodes", nodes)?;
        d.set_item("edges", edges)?;
        Ok(d)
    }

    /// The attributes of the node with this id (as in the exports: ``kind``,
    /// ``label``, then per kind ``name``, ``aliases``… or ``text``,
    /// ``cue``, ``doc``, ``span_start``…), lists as lists; ``None`` if
    /// there is no such node.
    fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.g
            .node(id)
            .map(|n| attrs_dict(py, &node_attributes(n)))
            .transpose()
    }

    /// Every node as ``(id, attributes)`` in graph order, or only those of
    /// one ``kind`` (``"person"``, ``"organization"``, ``"place"``,
    /// ``"statement"``, ``"document"``).
    #[pyo3(signature = (kind = None))]
    fn nodes<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
    ) -> PyResult<Vec<(String, Bound<'py, PyDict>)>> {
        let kind = kind.map(node_kind).transpose()?;
        self.g
            .nodes()
            .filter(|n| kind.is_none_or(|k| n.kind() == k))
            .map(|n| Ok((n.id.clone(), attrs_dict(py, &node_attributes(n))?)))
            .collect()
    }

    /// Every edge as ``(source id, target id, attributes)`` in graph order,
    /// or only those of one ``kind`` (``"said"``, ``"reported_by"``,
    /// ``"addressed_to"``, ``"mentions"``, ``"holds_role"``,
    /// ``"appears_in"``, ``"datelined"``).
    #[pyo3(signature = (kind = None))]
    fn edges<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
    ) -> PyResult<Vec<(String, String, Bound<'py, PyDict>)>> {
        let kind = kind.map(edge_kind).transpose()?;
        self.g
            .edges()
            .filter(|e| kind.is_none_or(|k| e.edge.kind == k))
            .map(|e| {
                Ok((
                    e.from.id.clone(),
                    e.to.id.clone(),
                    attrs_dict(py, &edge_attributes(e.edge))?,
                ))
            })
            .collect()
    }

    /// Nodes and edges as ``networkx.read_graphml`` reads the GraphML
    /// export: ``([(id, attrs)], [(source, target, key, attrs)])`` with
    /// edge keys ``"e0"``, ``"e1"``…, lists as JSON text and characters
    /// XML cannot hold as U+FFFD. Used by ``to_networkx``.
    #[allow(clippy::type_complexity)]
    fn _graphml_view<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        Vec<(String, Bound<'py, PyDict>)>,
        Vec<(String, String, String, Bound<'py, PyDict>)>,
    )> {
        let view = |attrs: Vec<(&'static str, AttrValue<'_>)>| -> PyResult<Bound<'py, PyDict>> {
            let d = PyDict::new(py);
            for (k, v) in &attrs {
                d.set_item(*k, graphml_value(py, v)?)?;
            }
            Ok(d)
        };
        let nodes = self
            .g
            .nodes()
            .map(|n| Ok((xml_chars(&n.id).into_owned(), view(node_attributes(n))?)))
            .collect::<PyResult<Vec<_>>>()?;
        let edges = self
            .g
            .edges()
            .enumerate()
            .map(|(i, e)| {
                Ok((
                    xml_chars(&e.from.id).into_owned(),
                    xml_chars(&e.to.id).into_owned(),
                    format!("e{i}"),
                    view(edge_attributes(e.edge))?,
                ))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok((nodes, edges))
    }

    /// The graph as a ``networkx.MultiDiGraph`` equal to
    /// ``networkx.read_graphml(path, force_multigraph=True)`` of the
    /// GraphML export: same node ids, edge keys (``"e0"``…) and attributes
    /// (lists as JSON text). Needs networkx.
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("quotegraph._helpers")?
            .call_method1("to_networkx", (slf,))
    }

    /// Everyone who said something, most statements first: dicts with
    /// ``id``, ``name``, ``statements`` (statement ids), ``documents``
    /// (how many) and ``relayed_by`` (outlet ids) — the table ``quotegraph
    /// build`` prints.
    fn speakers<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.g
            .speakers()
            .iter()
            .map(|s| {
                let d = PyDict::new(py);
                d.set_item("id", &s.speaker.id)?;
                d.set_item("name", s.speaker.name())?;
                d.set_item(
                    "statements",
                    s.statements
                        .iter()
                        .map(|n| n.id.as_str())
                        .collect::<Vec<_>>(),
                )?;
                d.set_item("documents", s.documents)?;
                d.set_item(
                    "relayed_by",
                    s.relayed_by
                        .iter()
                        .map(|n| n.id.as_str())
                        .collect::<Vec<_>>(),
                )?;
                Ok(d)
            })
            .collect()
    }

    /// The id of the node ``name`` names: a node id, a statement as
    /// ``"<file>#<n>"``, or an entity by name, alias or one word of its
    /// name, ignoring case and a leading "the" (earlier ways win). Raises
    /// ``ValueError`` for an unknown or ambiguous name ("Smith" when there
    /// are two).
    fn find(&self, name: &str) -> PyResult<String> {
        Ok(query::resolve(&self.g, name).map_err(to_py)?.id.clone())
    }

    /// Every statement of the person, organization or place ``name`` names
    /// (see ``find``): ``{"speaker": {"id", "name", "kind"}, "statements":
    /// [row, …]}``, statements by date (undated last). A row has ``id``,
    /// ``doc``, ``date``, ``speaker`` (or ``None`` if unresolved),
    /// ``speaker_text``, ``cue``, ``cue_text``, ``quote_kind``, ``text``,
    /// ``relayed_by``, ``addressed_to`` and ``mentions`` (lists of ``{"id",
    /// "name", "kind"}``).
    fn who_said<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let answer = query::who_said(&self.g, name).map_err(to_py)?;
        serde_to_py(py, &answer)
    }

    /// Claims: statements of one speaker reported by several documents
    /// (identical after normalizing, cut or extended, or close
    /// paraphrases), most reported first: dicts with ``id``, ``speaker``
    /// (entity id), ``speaker_name``, ``text``, ``report_count``,
    /// ``reports`` (dicts with ``statement``, ``doc``, ``outlet``, ``date``,
    /// ``source``, ``quote_kind``, ``text``, earliest first),
    /// ``first_reported`` (the earliest report's document), ``first_date``,
    /// ``last_date`` and ``chain`` — as ``quotegraph query claims`` prints.
    /// ``speaker`` keeps one speaker's (see ``find``).
    #[pyo3(signature = (speaker=None, min_reports=1))]
    fn claims<'py>(
        &self,
        py: Python<'py>,
        speaker: Option<&str>,
        min_reports: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let answer = query::claims(&self.g, speaker, min_reports).map_err(to_py)?;
        serde_to_py(py, &answer)
    }

    /// Who carried a claim (its id, or a statement that reports it), in
    /// date order: one dict as in ``claims``.
    fn spread<'py>(&self, py: Python<'py>, claim: &str) -> PyResult<Bound<'py, PyAny>> {
        let answer = query::spread(&self.g, claim).map_err(to_py)?;
        serde_to_py(py, &answer)
    }

    /// Where statements come from: for a statement (its id or
    /// ``"<file>#<n>"``) a one-item list, for an entity one item per
    /// statement it made, by date. Each item is a ``who_said`` row plus
    /// ``chain``: ``"TASS ← cited ← Sergey Lavrov → told → Tucker
    /// Carlson"``.
    fn provenance<'py>(&self, py: Python<'py>, query: &str) -> PyResult<Bound<'py, PyAny>> {
        let answer = query::provenance(&self.g, query).map_err(to_py)?;
        serde_to_py(py, &answer)
    }

    /// Statements whose text contains ``words`` (ignoring case and runs of
    /// whitespace), in graph order, as ``who_said`` rows: who said this?
    fn search<'py>(&self, py: Python<'py>, words: &str) -> PyResult<Bound<'py, PyAny>> {
        if words.trim().is_empty() {
            return Err(PyValueError::new_err(
                "search: give some words of the statement",
            ));
        }
        serde_to_py(py, &query::search(&self.g, words))
    }

    /// The shortest connection between what ``source`` and ``target`` name
    /// (see ``find``), through statements (said, addressed to, relayed by,
    /// mentions) and roles, edges taken either way, never through a
    /// document; ``None`` if they are not connected. A dict with ``from``,
    /// ``to`` (``{"id", "name", "kind"}``), ``length`` (edges), ``chain``
    /// (``"Dmitry Peskov —spokesman of→ Vladimir Putin …"``) and ``steps``
    /// (``{"node", "via": {"kind", "forward", "label"} or None}``).
    fn path<'py>(
        &self,
        py: Python<'py>,
        source: &str,
        target: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let answer = query::path(&self.g, source, target).map_err(to_py)?;
        answer.map(|c| serde_to_py(py, &c)).transpose()
    }

    /// The graph within ``hops`` edges of what ``name`` names (see
    /// ``find``), edges followed either way, documents included but not
    /// walked through; every edge between the nodes kept. A new ``Graph``
    /// with the same ids, so it exports and converts like any other.
    #[pyo3(signature = (name, hops = 2))]
    fn ego(&self, py: Python<'_>, name: &str, hops: usize) -> PyResult<PyGraph> {
        let g = py
            .detach(|| query::ego(&self.g, name, hops))
            .map_err(to_py)?;
        Ok(PyGraph { g })
    }

    fn __repr__(&self) -> String {
        format!("<Graph: {}>", self.g.summary())
    }
}
