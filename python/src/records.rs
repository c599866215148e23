//! Extraction results as Python objects: a `Document` per text, holding
//! the crate's [`DocRecord`] — the JSONL contract — and the text.
//!
//! Sub-objects (`Attribution`, `Entity`, `Mention`…) are built when asked
//! for. Every class has `to_dict()`, which is the record serialized with
//! `serde_json` (exactly what `quotegraph extract --format jsonl` writes)
//! and read back with `json.loads`, so dictionaries equal the CLI's output
//! by construction. Attributes give spans as `(start, end)` tuples of code
//! point offsets, which index Python strings directly; in `to_dict()` they
//! are lists, as in the JSON.
//!
//! Nothing here computes anything the library computes: the classes are
//! pyo3 wrappers around the library's record types (`DocRecord`,
//! `AttributionRecord`…), which cannot carry `#[pyclass]` themselves
//! without making the library depend on pyo3. Their data, JSON and
//! equality are the library's; what remains is accessors, `to_dict()`
//! through `json.loads`, and Python-style `repr`s.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;
use quotegraph::graph::shorten;
use quotegraph::record::{
    AttributionRecord, ContentRecord, CueRecord, DatelineRecord, EntityRecord, MentionRecord,
    RoleRecord,
};
use quotegraph::DocRecord;
use serde::Serialize;

/// Python's `json.loads` of `text`.
pub(crate) fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((text,))
}

/// `value` as serde_json writes it.
fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `value` as the dict `json.loads` makes of its JSON.
fn to_dict<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    json_loads(py, &to_json(value)?)
}

fn span(s: [usize; 2]) -> (usize, usize) {
    (s[0], s[1])
}

/// Python's `repr` of a string.
fn r(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn opt_r(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), r)
}

/// Everything extracted from one text: its dateline, the entities its
/// attributions refer to, and the attributions in text order.
///
/// ``to_dict()`` is exactly one line of ``quotegraph extract --format
/// jsonl`` (as a dict); ``to_json()`` is that line as text.
#[pyclass(module = "quotegraph", name = "Document", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDocument {
    pub(crate) record: Arc<DocRecord>,
    pub(crate) text: Option<String>,
}

impl PyDocument {
    /// A document from a record and the text it was extracted from.
    pub(crate) fn new(record: DocRecord, text: Option<String>) -> PyDocument {
        PyDocument {
            record: Arc::new(record),
            text,
        }
    }
}

#[pymethods]
impl PyDocument {
    /// The document's name: the ``doc`` argument, the path as given, or
    /// the position in ``extract_many``'s input.
    #[getter]
    fn doc(&self) -> &str {
        &self.record.doc
    }

    /// The text extracted from (``None`` for documents read from JSONL).
    /// Spans index this string.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The dateline at the start of the article ("Moscow, December 6"), if
    /// any.
    #[getter]
    fn dateline(&self) -> Option<PyDateline> {
        self.record.dateline.clone().map(PyDateline)
    }

    /// The entities the attributions refer to, in order of first
    /// appearance.
    #[getter]
    fn entities(&self) -> Vec<PyEntity> {
        (0..self.record.entities.len())
            .map(|ix| PyEntity {
                doc: self.record.clone(),
                ix,
            })
            .collect()
    }

    /// The attributions, in text order.
    #[getter]
    fn attributions(&self) -> Vec<PyAttribution> {
        (0..self.record.attributions.len())
            .map(|ix| PyAttribution {
                doc: self.record.clone(),
                ix,
            })
            .collect()
    }

    /// Extra fields carried through from the input (empty for texts).
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.record.meta)
    }

    /// The entity with this id (``"person:sergey-lavrov"``), or ``None``.
    fn entity(&self, id: &str) -> Option<PyEntity> {
        self.record
            .entities
            .iter()
            .position(|e| e.id == id)
            .map(|ix| PyEntity {
                doc: self.record.clone(),
                ix,
            })
    }

    /// The record as a dict: equal to ``json.loads`` of the CLI's JSONL
    /// line for this document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &*self.record)
    }

    /// The record as the CLI's JSONL line (without the newline).
    fn to_json(&self) -> PyResult<String> {
        to_json(&*self.record)
    }

    /// A document from one JSONL line of ``quotegraph extract`` (a str),
    /// optionally with the text it came from. Raises ``ValueError`` if the
    /// line is not an extraction record.
    #[staticmethod]
    #[pyo3(signature = (line, text = None))]
    fn from_json(line: &str, text: Option<String>) -> PyResult<PyDocument> {
        let record: DocRecord = serde_json::from_str(line)
            .map_err(|e| PyValueError::new_err(format!("not an extraction record: {e}")))?;
        Ok(PyDocument::new(record, text))
    }

    /// A document from a dict shaped like ``to_dict()``'s.
    #[staticmethod]
    #[pyo3(signature = (record, text = None))]
    fn from_dict(
        py: Python<'_>,
        record: &Bound<'_, PyAny>,
        text: Option<String>,
    ) -> PyResult<PyDocument> {
        let line: String = py
            .import("json")?
            .call_method1("dumps", (record,))?
            .extract()?;
        PyDocument::from_json(&line, text)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let from_json = py.get_type::<PyDocument>().getattr("from_json")?;
        let args = (me.to_json()?, me.text.clone());
        PyTuple::new(py, [from_json, args.into_pyobject(py)?.into_any()])
    }

    fn __repr__(&self) -> String {
        format!(
            "<Document {}: {} attributions, {} entities>",
            r(&self.record.doc),
            self.record.attributions.len(),
            self.record.entities.len()
        )
    }
}

/// One attribution: who (``speaker``) said what (``content``) with which
/// words (``cue``), relayed by whom (``source``), to whom (``addressee``).
#[pyclass(module = "quotegraph", name = "Attribution", frozen, eq)]
#[derive(Debug, Clone)]
pub struct PyAttribution {
    doc: Arc<DocRecord>,
    ix: usize,
}

impl PartialEq for PyAttribution {
    fn eq(&self, other: &Self) -> bool {
        self.doc.doc == other.doc.doc && self.rec() == other.rec()
    }
}

impl PyAttribution {
    fn rec(&self) -> &AttributionRecord {
        &self.doc.attributions[self.ix]
    }
}

#[pymethods]
impl PyAttribution {
    /// ``"a1"``, ``"a2"``… in text order within the document.
    #[getter]
    fn id(&self) -> &str {
        &self.rec().id
    }

    /// The name of the document it is in.
    #[getter]
    fn doc(&self) -> &str {
        &self.doc.doc
    }

    /// ``"direct"``, ``"indirect"`` or ``"mixed"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.rec().kind.as_str()
    }

    /// Who is reported as saying it, if found.
    #[getter]
    fn speaker(&self) -> Option<PyMention> {
        self.rec().speaker.clone().map(PyMention)
    }

    /// The reporting word or phrase.
    #[getter]
    fn cue(&self) -> PyCue {
        PyCue(self.rec().cue.clone())
    }

    /// The claim.
    #[getter]
    fn content(&self) -> PyContent {
        PyContent(self.rec().content.clone())
    }

    /// The outlet or channel that relayed it ("TASS"), if any.
    #[getter]
    fn source(&self) -> Option<PyMention> {
        self.rec().source.clone().map(PyMention)
    }

    /// Whom it was said to, if anyone.
    #[getter]
    fn addressee(&self) -> Option<PyMention> {
        self.rec().addressee.clone().map(PyMention)
    }

    /// Ids of the entities named in the content.
    #[getter]
    fn mentions(&self) -> Vec<String> {
        self.rec().mentions.clone()
    }

    /// The id of the rule that found it.
    #[getter]
    fn rule(&self) -> &str {
        &self.rec().rule
    }

    /// The attribution as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, self.rec())
    }

    fn __repr__(&self) -> String {
        let a = self.rec();
        let who = a.speaker.as_ref().map(|m| m.text.as_str());
        format!(
            "<Attribution {} {}: speaker={} cue={} content={}>",
            r(&self.doc.doc),
            a.id,
            opt_r(who),
            r(&a.cue.text),
            r(&shorten(&a.content.text, 50))
        )
    }
}

/// A person, organization or place that an attribution refers to.
#[pyclass(module = "quotegraph", name = "Entity", frozen, eq)]
#[derive(Debug, Clone)]
pub struct PyEntity {
    doc: Arc<DocRecord>,
    ix: usize,
}

impl PartialEq for PyEntity {
    fn eq(&self, other: &Self) -> bool {
        self.doc.doc == other.doc.doc && self.rec() == other.rec()
    }
}

impl PyEntity {
    fn rec(&self) -> &EntityRecord {
        &self.doc.entities[self.ix]
    }
}

#[pymethods]
impl PyEntity {
    /// Stable, readable id within the document: ``"person:sergey-lavrov"``.
    #[getter]
    fn id(&self) -> &str {
        &self.rec().id
    }

    /// ``"person"``, ``"organization"`` or ``"place"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.rec().kind.as_str()
    }

    /// Canonical name: the longest proper name seen.
    #[getter]
    fn name(&self) -> &str {
        &self.rec().name
    }

    /// Other names and descriptions that referred to it.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.rec().aliases.clone()
    }

    /// Titles and roles ("foreign minister" of Russia).
    #[getter]
    fn roles(&self) -> Vec<PyRole> {
        self.rec().roles.iter().cloned().map(PyRole).collect()
    }

    /// True for news outlets and agencies.
    #[getter]
    fn outlet(&self) -> bool {
        self.rec().outlet
    }

    /// True when no proper name was seen ("I", "officials"): the graph
    /// makes no node of it.
    #[getter]
    fn unnamed(&self) -> bool {
        self.rec().unnamed
    }

    /// Code-point spans ``(start, end)`` of every mention of it in the
    /// document (names, pronouns, descriptions), in text order.
    #[getter]
    fn mentions(&self) -> Vec<(usize, usize)> {
        self.rec().mentions.iter().copied().map(span).collect()
    }

    /// The entity as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, self.rec())
    }

    fn __repr__(&self) -> String {
        format!("<Entity {} {}>", self.rec().id, r(&self.rec().name))
    }
}

/// Words in the text that name a speaker, source or addressee.
#[pyclass(module = "quotegraph", name = "Mention", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyMention(MentionRecord);

#[pymethods]
impl PyMention {
    /// The words as written ("the top Russian diplomat").
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// ``(start, end)`` in code points of the document's text.
    #[getter]
    fn span(&self) -> (usize, usize) {
        span(self.0.span)
    }

    /// The id of the entity it resolves to, if it resolved.
    #[getter]
    fn entity(&self) -> Option<&str> {
        self.0.entity.as_deref()
    }

    /// The mention as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Mention {} {:?} entity={}>",
            r(&self.0.text),
            span(self.0.span),
            opt_r(self.0.entity.as_deref())
        )
    }
}

/// The reporting word or phrase ("pointed out", "according to").
#[pyclass(module = "quotegraph", name = "Cue", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyCue(CueRecord);

#[pymethods]
impl PyCue {
    /// The cue as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// ``(start, end)`` in code points.
    #[getter]
    fn span(&self) -> (usize, usize) {
        span(self.0.span)
    }

    /// Lemma: ``"say"``, ``"point out"``, ``"according to"``.
    #[getter]
    fn lemma(&self) -> &str {
        &self.0.lemma
    }

    /// The cue as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("<Cue {} lemma={}>", r(&self.0.text), r(&self.0.lemma))
    }
}

/// The attributed claim; may be made of several fragments.
#[pyclass(module = "quotegraph", name = "Content", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyContent(ContentRecord);

#[pymethods]
impl PyContent {
    /// The fragments' texts joined by one space.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// The first fragment, ``(start, end)`` in code points.
    #[getter]
    fn span(&self) -> (usize, usize) {
        span(self.0.span)
    }

    /// Every fragment, in text order.
    #[getter]
    fn spans(&self) -> Vec<(usize, usize)> {
        self.0.spans.iter().copied().map(span).collect()
    }

    /// The content as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Content {} spans={:?}>",
            r(&shorten(&self.0.text, 60)),
            self.0.spans
        )
    }
}

/// The place and date line at the start of an article.
#[pyclass(module = "quotegraph", name = "Dateline", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDateline(DatelineRecord);

#[pymethods]
impl PyDateline {
    /// The dateline as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// ``(start, end)`` in code points.
    #[getter]
    fn span(&self) -> (usize, usize) {
        span(self.0.span)
    }

    /// The place named, if any.
    #[getter]
    fn place(&self) -> Option<&str> {
        self.0.place.as_deref()
    }

    /// The date: ISO ``YYYY-MM-DD`` when the year is known, else as
    /// written.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.0.date.as_deref()
    }

    /// The place's entity id, if it resolved to one.
    #[getter]
    fn place_entity(&self) -> Option<&str> {
        self.0.place_entity.as_deref()
    }

    /// The dateline as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Dateline {} place={} date={}>",
            r(&self.0.text),
            opt_r(self.0.place.as_deref()),
            opt_r(self.0.date.as_deref())
        )
    }
}

/// A title held by a person, optionally of another entity.
#[pyclass(module = "quotegraph", name = "Role", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyRole(RoleRecord);

#[pymethods]
impl PyRole {
    /// The title: ``"foreign minister"``.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The id of the entity the title is of (Russia), if known.
    #[getter]
    fn of(&self) -> Option<&str> {
        self.0.of.as_deref()
    }

    /// The role as in the JSONL contract.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Role {} of={}>",
            r(&self.0.title),
            opt_r(self.0.of.as_deref())
        )
    }
}
