//! The knowledge graph as a Python class: built from texts, files,
//! documents or JSONL; exported in every format; listed as nodes and
//! edges; asked traversal questions.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use quotegraph::export::{edge_attributes, node_attributes, xml_chars, AttrValue, Format};
use quotegraph::graph::{EdgeKind, Node, NodeKind, QuoteGraph};
use quotegraph::DocRecord;

use crate::args;
use crate::errors::to_py;
use crate::extract::{self, PyExtractor};
use crate::query::{self, Party, Provenance};
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

fn graph_of(py: Python<'_>, records: Vec<DocRecord>) -> PyResult<PyGraph> {
    let g = py
        .detach(move || QuoteGraph::from_extractions(&records))
        .map_err(to_py)?;
    Ok(PyGraph { g })
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
    /// graph. Raises ``ValueError`` if two documents have the same name.
    #[new]
    #[pyo3(signature = (documents = None))]
    fn new(py: Python<'_>, documents: Option<&Bound<'_, PyAny>>) -> PyResult<PyGraph> {
        let mut records = Vec::new();
        if let Some(docs) = documents {
            for (i, d) in docs.try_iter()?.enumerate() {
                let d = d?;
                let doc = d.cast::<PyDocument>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "Graph: item {i}: expected a Document, got {}",
                        args::type_name(&d)
                    ))
                })?;
                records.push((*doc.get().record).clone());
            }
        }
        graph_of(py, records)
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
        let pool = args::pool(threads)?;
        let ex = extractor_arg(extractor);
        let g = py.detach(move || {
            let out = extract::extract_all(&ex, items, pool.as_ref())?;
            let records: Vec<DocRecord> = out.into_iter().map(|(r, _)| r).collect();
            QuoteGraph::from_extractions(&records).map_err(to_py)
        })?;
        Ok(PyGraph { g })
    }

    /// Extract from files and directories and build the graph, as
    /// ``quotegraph graph PATH…`` does (directories walked for ``*.txt``,
    /// documents named by their paths as given). The first unusable path
    /// raises.
    #[staticmethod]
    #[pyo3(signature = (paths, *, threads = None, extractor = None))]
    fn from_paths(
        py: Python<'_>,
        paths: &Bound<'_, PyAny>,
        threads: Option<usize>,
        extractor: Option<&Bound<'_, PyExtractor>>,
    ) -> PyResult<PyGraph> {
        let paths = args::paths("Graph.from_paths", paths)?;
        let pool = args::pool(threads)?;
        let ex = extractor_arg(extractor);
        let g = py.detach(move || {
            let out = extract::extract_inputs(&ex, &paths, pool.as_ref())?;
            let records: Vec<DocRecord> = out.into_iter().map(|(r, _)| r).collect();
            QuoteGraph::from_extractions(&records).map_err(to_py)
        })?;
        Ok(PyGraph { g })
    }

    /// The graph of extraction records in JSONL files (one path or a list),
    /// as ``quotegraph graph --from-jsonl PATH…`` builds it.
    #[staticmethod]
    fn from_jsonl(py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<PyGraph> {
        let paths = args::paths("Graph.from_jsonl", paths)?;
        let g = py.detach(move || {
            let records = extract::read_jsonl_records(&paths)?;
            QuoteGraph::from_extractions(&records).map_err(to_py)
        })?;
        Ok(PyGraph { g })
    }

    /// Write the graph to ``path`` in ``format`` (a name from
    /// ``quotegraph.FORMATS``: ``"graphml"``, ``"gexf"``, ``"json"``,
    /// ``"dot"``, ``"cytoscape"``, ``"csv"``, ``"cypher"``, ``"ron"``,
    /// ``"ttl"``), or the format of the file extension when ``format`` is
    /// not given (a directory means ``csv``). Parent directories are
    /// created. Returns the files written (``csv`` writes two).
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
            .detach(|| format.exporter().write_path(&self.g, &path))
            .map_err(to_py)?;
        Ok(files.iter().map(|p| p.display().to_string()).collect())
    }

    /// The graph in ``format`` as a string (every format but ``csv``,
    /// which is two files: use ``export``).
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

    /// The id of the node named by ``key``: a node id, or the one entity
    /// whose name or alias is ``key`` (ignoring case; a name wins over
    /// aliases). Raises ``ValueError`` when there is none or more than one.
    fn find(&self, key: &str) -> PyResult<String> {
        let ix = query::resolve(&self.g, key).map_err(PyValueError::new_err)?;
        Ok(self.g.graph()[ix].id.clone())
    }

    /// Who said it: every statement whose text contains ``words`` (ignoring
    /// case and whitespace runs; or the statement with that id), in graph
    /// order, each as ``provenance()`` describes it. The speaker is
    /// ``result["speaker"]["name"]``.
    fn who_said<'py>(&self, py: Python<'py>, words: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if words.trim().is_empty() {
            return Err(PyValueError::new_err(
                "who_said: give some words of the statement",
            ));
        }
        query::who_said(&self.g, words)
            .into_iter()
            .filter_map(|ix| query::provenance(&self.g, ix))
            .map(|p| provenance_dict(py, &p))
            .collect()
    }

    /// Where a statement comes from: ``statement`` is a statement id, or
    /// words that occur in exactly one statement. Returns a dict with the
    /// statement's ``id``, ``text``, ``quote_kind``, ``cue``,
    /// ``cue_text``, ``spans``, ``date``, ``rule``; ``speaker`` (``{"id",
    /// "name", "text"}`` or ``None``); ``reported_by`` and ``addressed_to``
    /// (lists of those); ``mentions`` (entity ids); and ``document``
    /// (``{"id", "path", "date", "dateline", "place"}``). ``id`` and
    /// ``name`` are ``None`` for words that resolved to no entity.
    fn provenance<'py>(&self, py: Python<'py>, statement: &str) -> PyResult<Bound<'py, PyDict>> {
        let found = query::who_said(&self.g, statement);
        let ix = match found.as_slice() {
            [one] => *one,
            [] => {
                return Err(PyValueError::new_err(format!(
                    "no statement with id or text {statement:?}"
                )))
            }
            many => {
                return Err(PyValueError::new_err(format!(
                    "{statement:?} occurs in {} statements: give a statement id",
                    many.len()
                )))
            }
        };
        let p = query::provenance(&self.g, ix).expect("who_said finds statements");
        provenance_dict(py, &p)
    }

    /// A shortest path between two nodes (ids, or entity names as
    /// ``find`` reads them), as the list of node ids from ``source`` to
    /// ``target``; ``None`` if they are not connected. Edges are followed
    /// both ways unless ``directed``.
    #[pyo3(signature = (source, target, *, directed = false))]
    fn path(&self, source: &str, target: &str, directed: bool) -> PyResult<Option<Vec<String>>> {
        let a = query::resolve(&self.g, source).map_err(PyValueError::new_err)?;
        let b = query::resolve(&self.g, target).map_err(PyValueError::new_err)?;
        let gr = self.g.graph();
        Ok(query::path(&self.g, a, b, directed)
            .map(|p| p.into_iter().map(|ix| gr[ix].id.clone()).collect()))
    }

    /// The graph around a node (an id, or an entity name as ``find`` reads
    /// it): every node at most ``radius`` edges away and the edges between
    /// them, as a new ``Graph`` with the same ids. The default radius, 2,
    /// reaches from a person through their statements to whom they spoke,
    /// who relayed them and what they named. Edges are followed both ways
    /// unless ``directed``.
    #[pyo3(signature = (node, radius = 2, *, directed = false))]
    fn ego(&self, py: Python<'_>, node: &str, radius: usize, directed: bool) -> PyResult<PyGraph> {
        let center = query::resolve(&self.g, node).map_err(PyValueError::new_err)?;
        let g = py
            .detach(|| {
                let keep = query::ego(&self.g, center, radius, directed);
                query::subgraph(&self.g, &keep)
            })
            .map_err(to_py)?;
        Ok(PyGraph { g })
    }

    fn __repr__(&self) -> String {
        format!("<Graph: {}>", self.g.summary())
    }
}

fn party<'py>(py: Python<'py>, p: &Party<'_>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", p.node.map(|n| n.id.as_str()))?;
    d.set_item("name", p.node.map(Node::name))?;
    d.set_item("text", p.text)?;
    Ok(d)
}

fn provenance_dict<'py>(py: Python<'py>, p: &Provenance<'_>) -> PyResult<Bound<'py, PyDict>> {
    let st = p
        .statement
        .statement()
        .expect("provenance is of statements");
    let d = PyDict::new(py);
    d.set_item("id", &p.statement.id)?;
    d.set_item("text", &st.text)?;
    d.set_item("quote_kind", st.quote_kind.as_str())?;
    d.set_item("cue", &st.cue)?;
    d.set_item("cue_text", &st.cue_text)?;
    d.set_item(
        "spans",
        st.spans.iter().map(|s| (s[0], s[1])).collect::<Vec<_>>(),
    )?;
    d.set_item("date", &st.date)?;
    d.set_item("rule", &st.rule)?;
    d.set_item(
        "speaker",
        p.speaker.as_ref().map(|s| party(py, s)).transpose()?,
    )?;
    d.set_item(
        "reported_by",
        p.reported_by
            .iter()
            .map(|s| party(py, s))
            .collect::<PyResult<Vec<_>>>()?,
    )?;
    d.set_item(
        "addressed_to",
        p.addressed_to
            .iter()
            .map(|s| party(py, s))
            .collect::<PyResult<Vec<_>>>()?,
    )?;
    d.set_item(
        "mentions",
        p.mentions.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
    )?;
    let doc = match p.document {
        Some(n) => {
            let dd = PyDict::new(py);
            let doc = n.document().expect("appears_in ends at a document");
            dd.set_item("id", &n.id)?;
            dd.set_item("path", &doc.path)?;
            dd.set_item("date", &doc.date)?;
            dd.set_item("dateline", &doc.dateline)?;
            dd.set_item("place", &doc.place)?;
            Some(dd)
        }
        None => None,
    };
    d.set_item("document", doc)?;
    Ok(d)
}
