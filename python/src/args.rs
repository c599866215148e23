//! Reading Python arguments: texts, (doc, text) pairs, paths, thread counts.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use quotegraph::{input, Document};

/// A text as given: `str` (already decoded) or `bytes` (decoded as the
/// CLI decodes a file).
pub(crate) enum Text {
    /// A Python `str`.
    Str(String),
    /// Python `bytes`.
    Bytes(Vec<u8>),
}

impl Text {
    /// The document `name` with this text, checked by the library's input
    /// path, so a bad text is refused in the words the CLI uses for a file
    /// holding it.
    pub(crate) fn document(self, name: &str) -> Result<Document, quotegraph::Error> {
        match self {
            Text::Str(s) => input::document_from_text(name, s),
            Text::Bytes(b) => input::document_from_bytes(name, b),
        }
    }
}

/// `obj` as a [`Text`], or `None` if it is neither `str` nor `bytes`.
pub(crate) fn text(obj: &Bound<'_, PyAny>) -> Option<PyResult<Text>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Some(s.to_cow().map(|c| Text::Str(c.into_owned())));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Some(Ok(Text::Bytes(b.as_bytes().to_vec())));
    }
    None
}

/// The Python type name of `obj`, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// The items of `extract_many` / `Graph.from_texts`: each a text (`str` or
/// `bytes`, named by its position: `"0"`, `"1"`…) or a `(doc, text)` pair.
pub(crate) fn texts(what: &str, texts: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Text)>> {
    if texts.cast::<PyString>().is_ok() || texts.cast::<PyBytes>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected an iterable of texts, got one text (use extract() for one)"
        )));
    }
    let mut out = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if let Some(t) = text(&item) {
            out.push((i.to_string(), t?));
            continue;
        }
        let pair = item
            .cast::<PyTuple>()
            .map(|t| t.as_any().clone())
            .or_else(|_| item.cast::<PyList>().map(|l| l.as_any().clone()));
        if let Ok(pair) = pair {
            if pair.len()? == 2 {
                let name = pair.get_item(0)?;
                let given = pair.get_item(1)?;
                let name = name.cast::<PyString>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "{what}: item {i}: the doc name must be a str, got {}",
                        type_name(&name)
                    ))
                })?;
                let given = text(&given).ok_or_else(|| {
                    PyTypeError::new_err(format!(
                        "{what}: item {i}: the text must be str or bytes, got {}",
                        type_name(&given)
                    ))
                })??;
                out.push((name.to_cow()?.into_owned(), given));
                continue;
            }
        }
        return Err(PyTypeError::new_err(format!(
            "{what}: item {i}: expected str, bytes or a (doc, text) pair, got {}",
            type_name(&item)
        )));
    }
    Ok(out)
}

/// One path (`str` or `os.PathLike`) as text.
fn path(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if obj.hasattr("__fspath__")? {
        let p = obj.call_method0("__fspath__")?;
        return match p.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{what}: paths must be str or os.PathLike of str, got {}",
                type_name(&p)
            ))),
        };
    }
    Ok(None)
}

/// A path or an iterable of paths.
pub(crate) fn paths(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if let Some(p) = path(what, obj)? {
        return Ok(vec![p]);
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}: expected a path or an iterable of paths, got {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in iter {
        let item = item?;
        match path(what, &item)? {
            Some(p) => out.push(p),
            None => {
                return Err(PyTypeError::new_err(format!(
                    "{what}: expected a path (str or os.PathLike), got {}",
                    type_name(&item)
                )))
            }
        }
    }
    if out.is_empty() {
        return Err(PyValueError::new_err(format!("{what}: no paths given")));
    }
    Ok(out)
}

/// The worker threads of `threads=`: 0 (one per core) when not given; 0
/// given is an error.
pub(crate) fn jobs(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        None => Ok(0),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
    }
}
