//! Command-line paths to inputs: `-` is stdin, a file is itself, a
//! directory is walked recursively for the files a reader takes.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{describe_io, escape_controls, Input, Problem};

/// File names a directory walk picks up.
pub fn is_input_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

pub(super) fn is_jsonl_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// Expand command-line paths into inputs: directories are walked
/// recursively for `*.txt`, `*.jsonl`, `*.ndjson` and their `.gz` versions
/// (sorted, so output order is stable); symbolic links are followed, and a
/// directory reached twice (a symlink loop) is read once. A file reached
/// twice (two spellings of one path, a link, a file and its directory) is
/// read once, with a warning. Returns the inputs
/// and a problem for each unusable path.
pub fn expand_inputs(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    expand_inputs_seen(paths, &mut FilesSeen::default())
}

/// The files read so far, by canonical path, with the path first naming
/// each: several [`expand_inputs_seen`] calls share it so a file is read
/// once across them.
pub(crate) type FilesSeen = HashMap<PathBuf, String>;

/// [`expand_inputs`], files already in `files_seen` skipped (and added
/// to it).
pub(crate) fn expand_inputs_seen(
    paths: &[String],
    files_seen: &mut FilesSeen,
) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    // a file is its canonical path: the first path reaching it reads it
    let mut first_time = |path: &Path| -> Result<(), String> {
        let Ok(real) = std::fs::canonicalize(path) else {
            return Ok(()); // reported when it is read
        };
        match files_seen.entry(real) {
            Entry::Occupied(e) => Err(e.get().clone()),
            Entry::Vacant(v) => {
                v.insert(path.display().to_string());
                Ok(())
            }
        }
    };
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => problems.push(Problem::error(p, None, describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                let mut stack = Vec::new();
                // each directory walk has its own loop guard; files reached
                // twice are caught below
                let mut seen = HashSet::new();
                walk(path, &mut files, &mut problems, &mut seen, &mut stack);
                files.sort();
                if files.is_empty() {
                    problems.push(Problem::error(
                        p,
                        None,
                        "directory holds no .txt or .jsonl files (nor .gz of them)",
                    ));
                }
                let total = files.len();
                let mut again = 0;
                for f in files {
                    match first_time(&f) {
                        Ok(()) => inputs.push(Input::File(f)),
                        Err(_) => again += 1,
                    }
                }
                if again > 0 {
                    problems.push(Problem::warning(
                        p,
                        None,
                        format!(
                            "{again} of its {total} files were already given (through another path or link); each is read once"
                        ),
                    ));
                }
            }
            Ok(_) => match first_time(path) {
                Ok(()) => inputs.push(Input::File(path.to_path_buf())),
                Err(first) => problems.push(Problem::warning(
                    p,
                    None,
                    format!(
                        "the same file as {} (given twice); read once",
                        escape_controls(&first)
                    ),
                )),
            },
        }
    }
    (inputs, problems)
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen: &mut HashSet<PathBuf>,
    stack: &mut Vec<PathBuf>,
) {
    let name = dir.display().to_string();
    let io_problem = |e: std::io::Error| Problem::error(&name, None, describe_io(&e));
    let real = match std::fs::canonicalize(dir) {
        Ok(r) => r,
        Err(e) => return problems.push(io_problem(e)),
    };
    if stack.contains(&real) {
        problems.push(Problem::warning(
            &name,
            None,
            format!(
                "symlink loop (leads back to {}); not followed",
                escape_controls(&real.display().to_string())
            ),
        ));
        return;
    }
    if !seen.insert(real.clone()) {
        return; // reached twice through links: read once
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return problems.push(io_problem(e)),
    };
    stack.push(real);
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(io_problem(e));
                continue;
            }
        };
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out, problems, seen, stack);
        } else if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk(&path, out, problems, seen, stack),
                Ok(m) if m.is_file() && is_input_name(&path) => out.push(path),
                Ok(_) => {}
                Err(e) if is_input_name(&path) || e.raw_os_error() == Some(40) => problems.push(
                    Problem::error(&path.display().to_string(), None, describe_io(&e)),
                ),
                Err(_) => {} // a dangling link that would not be read anyway
            }
        } else if ft.is_file() && is_input_name(&path) {
            out.push(path);
        }
    }
    stack.pop();
}
