//! Command-line paths to inputs: `-` is stdin, a file is itself, a
//! directory is walked recursively for the files a reader takes.

use std::collections::HashSet;
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
/// directory reached twice (a symlink loop) is read once. Returns the inputs
/// and a problem for each unusable path.
pub fn expand_inputs(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
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
                walk(path, &mut files, &mut problems, &mut seen, &mut stack);
                files.sort();
                if files.is_empty() {
                    problems.push(Problem::error(
                        p,
                        None,
                        "directory holds no .txt or .jsonl files (nor .gz of them)",
                    ));
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
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
