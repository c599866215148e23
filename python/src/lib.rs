//! Python binding of quotegraph: the extractor and the knowledge graph of
//! the `quotegraph` crate, compiled into the Python extension module
//! `quotegraph._quotegraph`. The `quotegraph` Python package
//! (`python/quotegraph/__init__.py`) re-exports it and adds the pure-Python
//! helpers (`to_dataframe`, `Graph.to_networkx`).
//!
//! The binding is a thin layer: texts, files and JSONL records are read,
//! checked and extracted by the library's one reading path
//! (`quotegraph::corpus`, over `quotegraph::input`), as the CLI reads them;
//! graphs are `Corpus::graph` / `QuoteGraph::from_texts` (as `quotegraph
//! graph` builds them, sentence context included), exports are the crate's
//! exporters, traversals are `quotegraph::query`, and errors carry the
//! crate's messages — the same words the CLI prints after `quotegraph: `.
//! What is left here is converting arguments and answers between Rust and
//! Python, running extraction in parallel without the GIL, and turning
//! panics into exceptions.

#![deny(missing_docs)]

mod args;
mod errors;
mod extract;
mod graph;
mod records;

use pyo3::prelude::*;

/// quotegraph: who said what, to whom, and who reported it.
///
/// The native part of the `quotegraph` package; import `quotegraph`
/// instead.
#[pymodule]
fn _quotegraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "FORMATS",
        quotegraph::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<extract::PyExtractor>()?;
    m.add_class::<records::PyDocument>()?;
    m.add_class::<records::PyAttribution>()?;
    m.add_class::<records::PyEntity>()?;
    m.add_class::<records::PyMention>()?;
    m.add_class::<records::PyCue>()?;
    m.add_class::<records::PyContent>()?;
    m.add_class::<records::PyDateline>()?;
    m.add_class::<records::PyRole>()?;
    m.add_class::<graph::PyGraph>()?;
    m.add_function(wrap_pyfunction!(extract::extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract::extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract::extract_paths, m)?)?;
    m.add_function(wrap_pyfunction!(extract::read_jsonl, m)?)?;
    Ok(())
}
