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

use std::io::{BufWriter, Read, Write};

use rmp::encode::ValueWriteError;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::graph::{shared, Edge, Node, QuoteGraph};

/// The first bytes of every snapshot: `QGSNAP`, then the version (1).
pub const MAGIC: &[u8; 8] = b"QGSNAP\x00\x01";

/// The file name extension of snapshots.
pub const EXTENSION: &str = "qgs";

/// What a snapshot holds, serialized straight from the graph (no copy of
/// its nodes or edges is collected first).
struct FileRef<'a>(&'a QuoteGraph);

impl Serialize for FileRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let gr = self.0.graph();
        let mut file = s.serialize_struct("FileRef", 2)?;
        file.serialize_field("nodes", &Seq(|| gr.node_weights()))?;
        let edges = || {
            gr.raw_edges().iter().map(|e| {
                let ends = (e.source().index() as u32, e.target().index() as u32);
                (ends.0, ends.1, &e.weight)
            })
        };
        file.serialize_field("edges", &Seq(edges))?;
        file.end()
    }
}

/// A sequence serialized from the iterator `0()` makes.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
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

/// Write `g` as a snapshot, streamed into `out` as it is serialized.
pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let mut out = BufWriter::new(out);
    let io = |e: std::io::Error| Error::io("snapshot", e);
    out.write_all(MAGIC).map_err(io)?;
    rmp_serde::encode::write_named(&mut out, &FileRef(g)).map_err(|e| match e {
        rmp_serde::encode::Error::InvalidValueWrite(
            ValueWriteError::InvalidMarkerWrite(e) | ValueWriteError::InvalidDataWrite(e),
        ) => io(e),
        other => Error::Export {
            format: "snapshot",
            message: other.to_string(),
        },
    })?;
    out.flush().map_err(io)
}

/// Read a snapshot written by [`write`].
pub fn read(bytes: &[u8]) -> Result<QuoteGraph> {
    read_from(bytes)
}

/// Read a snapshot written by [`write`] from `input` (a file, through a
/// buffer), without holding its bytes: the graph is built as they are
/// read, and equal strings share one copy, as they did in the graph
/// written.
pub fn read_from(mut input: impl Read) -> Result<QuoteGraph> {
    let bad = |message: String| Error::Graph {
        message: format!("snapshot: {message}"),
    };
    let mut head = [0u8; 8];
    let got = read_head(&mut input, &mut head).map_err(|e| bad(e.to_string()))?;
    if !is_snapshot(&head[..got]) {
        return Err(bad("not a quotegraph snapshot (no QGSNAP header)".into()));
    }
    if got < head.len() {
        return Err(bad("truncated after its header".into()));
    }
    if head[6..8] != MAGIC[6..8] {
        return Err(bad(format!(
            "version {}.{} is not supported (this quotegraph reads {}.{}); build the graph again",
            head[6], head[7], MAGIC[6], MAGIC[7]
        )));
    }
    let (file, strings) = shared::interning(|| rmp_serde::from_read::<_, File>(input));
    let file = file.map_err(|e| bad(e.to_string()))?;
    let mut g = QuoteGraph::from_indexed_parts(
        file.nodes,
        file.edges
            .into_iter()
            .map(|(a, b, e)| (a as usize, b as usize, e)),
    )?;
    g.adopt_strings(strings);
    Ok(g)
}

/// Fill `head` as far as `input` goes; how many bytes it got.
fn read_head(input: &mut impl Read, head: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < head.len() {
        match input.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor};

    fn graph() -> QuoteGraph {
        let ex = Extractor::default();
        let recs: Vec<_> = ["a.txt", "b.txt"]
            .into_iter()
            .map(|name| {
                let text = "\u{201c}The bridge will open in May,\u{201d} Mayor Ilse Brandt said.";
                ex.extract(&Document::new(name, text)).to_record()
            })
            .collect();
        QuoteGraph::from_extractions(&recs).unwrap()
    }

    #[test]
    fn a_snapshot_read_back_shares_the_words_its_statements_share() {
        let g = graph();
        let mut bytes = Vec::new();
        write(&g, &mut bytes).unwrap();
        let back = read_from(&bytes[..]).unwrap();
        assert_eq!(back, g);
        let texts: Vec<&crate::graph::SharedStr> = back
            .nodes()
            .filter_map(|n| n.statement())
            .map(|s| &s.text)
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(std::sync::Arc::ptr_eq(&texts[0].0, &texts[1].0));
    }

    #[test]
    fn a_short_or_foreign_file_is_an_error_not_a_panic() {
        for bytes in [&b""[..], b"QGSNAP", b"QGSNAP\x00", b"{\"nodes\": []}"] {
            assert!(read(bytes).is_err(), "{bytes:?}");
        }
        let mut bytes = Vec::new();
        write(&graph(), &mut bytes).unwrap();
        let err = read(&bytes[..bytes.len() / 2]).unwrap_err().to_string();
        assert!(err.contains("snapshot"), "{err}");
    }
}
