//! The directory `quotegraph build` writes: `extractions.jsonl`, the graph
//! in every export format (`graph.dot`, …, `neo4j/*.csv`) and
//! `ladybug_schema.cypher`, all replaced together.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export;
use crate::graph::QuoteGraph;
use crate::output::{self, AtomicFile};
use crate::record::DocRecord;

/// Write `records` and their graph `g` into `dir`. Every file goes to a
/// temporary file beside its target first, and all replace the old ones
/// together at the end, so a failed or interrupted build leaves the
/// directory as it was. Returns the files written; an error names the file
/// it happened to.
///
/// ```
/// use quotegraph::{build, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "Russia is ready to talk, Lavrov said."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(std::slice::from_ref(&rec)).unwrap();
/// let dir = tempfile::tempdir().unwrap();
/// let files = build::write(dir.path(), &[rec], &g).unwrap();
/// assert!(files.contains(&dir.path().join("extractions.jsonl")));
/// assert!(dir.path().join("graph.dot").exists());
/// ```
pub fn write(dir: &Path, records: &[DocRecord], g: &QuoteGraph) -> Result<Vec<PathBuf>> {
    let jsonl = dir.join("extractions.jsonl");
    let extractions = stage(&jsonl, |out| {
        for r in records {
            serde_json::to_writer(&mut *out, r).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    write_staged(dir, extractions, g)
}

/// The temporary file of `dir/extractions.jsonl`, for the records to be
/// written into as they are extracted (see
/// [`corpus::read_graph`](crate::corpus::read_graph)) and committed by
/// [`write_staged`] with the rest: how `quotegraph build` writes a corpus
/// without holding its records.
pub fn stage_extractions(dir: &Path) -> Result<AtomicFile> {
    stage(&dir.join("extractions.jsonl"), |_| Ok(()))
}

/// [`write`], with the records already written into `extractions` (from
/// [`stage_extractions`]).
pub fn write_staged(dir: &Path, extractions: AtomicFile, g: &QuoteGraph) -> Result<Vec<PathBuf>> {
    let mut staged = vec![extractions];
    staged.extend(export::stage_all(g, dir)?);
    // the form `quotegraph query DIR` loads fastest
    let snap = dir.join(format!("graph.{}", crate::snapshot::EXTENSION));
    staged.push(stage(&snap, |out| {
        crate::snapshot::write(g, out).map_err(|e| match e {
            Error::Io { cause, .. } => cause,
            other => std::io::Error::other(other.to_string()),
        })
    })?);
    let schema = dir.join("ladybug_schema.cypher");
    staged.push(stage(&schema, |out| {
        out.write_all(export::ladybug_schema().as_bytes())
    })?);
    output::commit_all(staged)
}

/// A temporary file for `target`, written by `fill`.
fn stage(
    target: &Path,
    fill: impl FnOnce(&mut AtomicFile) -> std::io::Result<()>,
) -> Result<AtomicFile> {
    let mut out =
        AtomicFile::create(target).map_err(|e| Error::io(target.display().to_string(), e))?;
    fill(&mut out).map_err(|e| Error::io(target.display().to_string(), e))?;
    Ok(out)
}
