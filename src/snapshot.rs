//! The compact snapshot of a graph (`graph.qgs`, written by `quotegraph
//! build`): what `quotegraph query` loads fastest, so a corpus is built
//! once and asked many questions.
//!
//! The file is the magic bytes `QGSNAP` followed by a format version byte
//! pair, then one MessagePack value (fields by name, so a reader of a later
//! version still takes an earlier file): the nodes in order, and the edges
//! as `(from, to, edge)` with node positions rather than ids. Reading it
//! back gives a graph equal to the one written, to which more records can
//! be added.
//!
//! ```
//! use quotegraph::{snapshot, Document, Extractor, QuoteGraph};
//!
//! let rec = Extractor::default()
//!     .extract(&Document::new("a.txt", "“We are ready,” Lavrov told Reuters."))
//!     .to_record();
//! let g = QuoteGraph::from_extractions(&[rec]).unwrap();
//! let mut bytes = Vec::new();
//! snapshot::write(&g, &mut bytes).unwrap();
//! assert!(snapshot::is_snapshot(&bytes));
//! assert_eq!(snapshot::read(&bytes).unwrap(), g);
//! ```

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::graph::{Edge, Node, QuoteGraph};

/// The first bytes of every snapshot: `QGSNAP`, then the version (1).
pub const MAGIC: &[u8; 8] = b"QGSNAP\x00\x01";

/// The file name extension of snapshots.
pub const EXTENSION: &str = "qgs";

#[derive(Serialize)]
struct FileRef<'a> {
    nodes: Vec<&'a Node>,
    edges: Vec<(u32, u32, &'a Edge)>,
}

#[derive(Deserialize)]
struct File {
    nodes: Vec<Node>,
    edges: Vec<(u32, u32, Edge)>,
}

/// Does `bytes` start like a snapshot?
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.len() >= 6 && bytes[..6] == MAGIC[..6]
}

/// Write `g` as a snapshot.
pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let gr = g.graph();
    let file = FileRef {
        nodes: g.nodes().collect(),
        edges: gr
            .raw_edges()
            .iter()
            .map(|e| {
                (
                    e.source().index() as u32,
                    e.target().index() as u32,
                    &e.weight,
                )
            })
            .collect(),
    };
    let body = rmp_serde::to_vec_named(&file).map_err(|e| Error::Export {
        format: "snapshot",
        message: e.to_string(),
    })?;
    let io = |e: std::io::Error| Error::io("snapshot", e);
    out.write_all(MAGIC).map_err(io)?;
    out.write_all(&body).map_err(io)
}

/// Read a snapshot written by [`write`].
pub fn read(bytes: &[u8]) -> Result<QuoteGraph> {
    let bad = |message: String| Error::Graph {
        message: format!("snapshot: {message}"),
    };
    if !is_snapshot(bytes) {
        return Err(bad("not a quotegraph snapshot (no QGSNAP header)".into()));
    }
    if bytes[6..8] != MAGIC[6..8] {
        return Err(bad(format!(
            "version {}.{} is not supported (this quotegraph reads {}.{}); build the graph again",
            bytes[6], bytes[7], MAGIC[6], MAGIC[7]
        )));
    }
    let file: File = rmp_serde::from_slice(&bytes[8..]).map_err(|e| bad(e.to_string()))?;
    QuoteGraph::from_indexed_parts(
        file.nodes,
        file.edges
            .into_iter()
            .map(|(a, b, e)| (a as usize, b as usize, e)),
    )
}
