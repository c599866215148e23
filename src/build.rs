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
    Ok(write_formats(dir, extractions, g, &export::Format::ALL)?.0)
}

/// [`write_staged`] with only some export formats (`quotegraph build
/// --formats`): `extractions.jsonl` and the snapshot `graph.qgs` (what
/// `quotegraph query DIR` loads) are always written, and
/// `ladybug_schema.cypher` goes with the Cypher format. Exports of the
/// formats left out that an earlier build wrote into `dir` are removed
/// once the new files are in place, so the directory never mixes two
/// builds; the paths removed are the second part of the result.
pub fn write_formats(
    dir: &Path,
    extractions: AtomicFile,
    g: &QuoteGraph,
    formats: &[export::Format],
) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut staged = vec![extractions];
    staged.extend(export::stage_formats(g, dir, formats)?);
    // the form `quotegraph query DIR` loads fastest
    let snap = dir.join(format!("graph.{}", crate::snapshot::EXTENSION));
    staged.push(stage(&snap, |out| {
        crate::snapshot::write(g, out).map_err(|e| match e {
            Error::Io { cause, .. } => cause,
            other => std::io::Error::other(other.to_string()),
        })
    })?);
    if formats.contains(&export::Format::Cypher) {
        let schema = dir.join(SCHEMA);
        staged.push(stage(&schema, |out| {
            out.write_all(export::ladybug_schema().as_bytes())
        })?);
    }
    let written = output::commit_all(staged)?;
    let removed = remove_left_out(dir, formats)?;
    Ok((written, removed))
}

/// The Ladybug/Kùzu schema file written beside `graph.cypher`.
const SCHEMA: &str = "ladybug_schema.cypher";

/// Remove the files an earlier build wrote for formats not in `formats`
/// (only the names `build` itself gives them); returns those removed.
fn remove_left_out(dir: &Path, formats: &[export::Format]) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let mut remove = |path: PathBuf| -> Result<()> {
        match std::fs::remove_file(&path) {
            Ok(()) => {
                removed.push(path);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(path.display().to_string(), e)),
        }
    };
    for f in export::Format::ALL
        .into_iter()
        .filter(|f| !formats.contains(f))
    {
        let path = dir.join(f.default_file_name());
        if f == export::Format::Csv {
            for name in ["nodes.csv", "relationships.csv"] {
                remove(path.join(name))?;
            }
            // only if nothing else is in it
            let _ = std::fs::remove_dir(&path);
        } else {
            remove(path)?;
        }
        if f == export::Format::Cypher {
            remove(dir.join(SCHEMA))?;
        }
    }
    Ok(removed)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::{Document, Extractor};

    fn built(dir: &Path, formats: &[Format]) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let rec = Extractor::default()
            .extract(&Document::new(
                "a.txt",
                "Talks will resume, the minister said.",
            ))
            .to_record();
        let g = QuoteGraph::from_extractions(std::slice::from_ref(&rec)).unwrap();
        let staged = stage_extractions(dir).unwrap();
        write_formats(dir, staged, &g, formats).unwrap()
    }

    #[test]
    fn a_build_of_some_formats_removes_the_others_an_earlier_build_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let (all, removed) = built(dir.path(), &Format::ALL);
        assert!(removed.is_empty());
        assert!(all.contains(&dir.path().join("graph.dot")));
        assert!(dir.path().join("neo4j/nodes.csv").exists());
        assert!(dir.path().join(SCHEMA).exists());

        let (some, removed) = built(dir.path(), &[Format::Gexf, Format::Gexf]);
        let names: Vec<_> = some.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["extractions.jsonl", "graph.gexf", "graph.qgs"]);
        assert!(removed.contains(&dir.path().join("graph.dot")));
        assert!(removed.contains(&dir.path().join(SCHEMA)));
        for gone in ["graph.dot", "graph.html", "graph.ttl", "neo4j", SCHEMA] {
            assert!(!dir.path().join(gone).exists(), "{gone} left behind");
        }
        // a file of the user's own is no export and stays
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let (_, removed) = built(dir.path(), &[Format::Html]);
        assert!(removed.contains(&dir.path().join("graph.gexf")));
        assert!(dir.path().join("notes.txt").exists());
    }
}
