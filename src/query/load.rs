//! A graph to query, read by the one reading path ([`crate::corpus`]).

use crate::corpus::{self, Holds};
use crate::error::Result;
use crate::extract::Extractor;
use crate::graph::QuoteGraph;

pub use crate::input::read_node_link;

/// The graph of `paths` as `quotegraph query` reads them
/// ([`Holds::ByName`]): texts (files, directories, `-`) extracted with the
/// default extractor, extraction records (`*.jsonl`), and at most one saved
/// graph (`*.ron`, node-link `*.json`) the rest is added to. Statements of
/// texts get their sentence context. Neither the texts nor all their
/// records are held ([`corpus::read_graph`]). Fails with the first input
/// that could not be read.
///
/// ```no_run
/// let g = quotegraph::query::load(&["data/articles"]).unwrap();
/// println!("{}", g.summary());
/// ```
pub fn load<S: AsRef<str>>(paths: &[S]) -> Result<QuoteGraph> {
    let paths: Vec<String> = paths.iter().map(|p| p.as_ref().to_string()).collect();
    let ex = Extractor::default();
    let opts = corpus::Options {
        holds: Holds::ByName,
        ..corpus::Options::default()
    };
    let read = corpus::read_graph(&paths, &opts, &ex, None, true)?;
    if let Some(p) = read.problems.iter().find(|p| p.is_error()) {
        return Err(p.clone().into());
    }
    Ok(read.graph)
}
