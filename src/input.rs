//! Reading inputs: files, directories (recursive, `*.txt`), and stdin.
//!
//! Every problem is an [`Error`] naming the input, so one bad file never
//! stops the others.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::extract::Document;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, with the name to report it by.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name documents from this input carry.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expand command-line paths into inputs: directories are walked
/// recursively for `*.txt` files (sorted, so output order is stable).
/// Returns the inputs and one error per unusable path.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => errors.push(Error::Input {
                path: p.clone(),
                message: describe_io(&e),
            }),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(path, &mut files, &mut errors, 0);
                files.sort();
                if files.is_empty() {
                    errors.push(Error::Input {
                        path: p.clone(),
                        message: "directory holds no .txt files".into(),
                    });
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
        }
    }
    (inputs, errors)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>, depth: usize) {
    if depth > 64 {
        errors.push(Error::Input {
            path: dir.display().to_string(),
            message: "directory nesting too deep (symlink loop?)".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Error::Input {
                path: dir.display().to_string(),
                message: describe_io(&e),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out, errors, depth + 1);
        } else if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk(&path, out, errors, depth + 1),
                Ok(_) if is_txt(&path) => out.push(path),
                Ok(_) => {}
                Err(e) => errors.push(Error::Input {
                    path: path.display().to_string(),
                    message: describe_io(&e),
                }),
            }
        } else if is_txt(&path) {
            out.push(path);
        }
    }
}

fn is_txt(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Read one input as a document. Errors name the input: unreadable,
/// empty, or not UTF-8 (with the byte offset of the first bad byte).
pub fn read(input: &Input) -> Result<Document, Error> {
    let name = input.name();
    let bytes = match input {
        Input::File(p) => std::fs::read(p).map_err(|e| Error::Input {
            path: name.clone(),
            message: describe_io(&e),
        })?,
        Input::Stdin => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| Error::Input {
                    path: name.clone(),
                    message: e.to_string(),
                })?;
            b
        }
    };
    document_from_bytes(&name, bytes)
}

/// Make a document from raw bytes, checking that it is non-empty UTF-8.
/// A byte-order mark is kept, so spans count it as Python does.
pub fn document_from_bytes(name: &str, bytes: Vec<u8>) -> Result<Document, Error> {
    let text = String::from_utf8(bytes).map_err(|e| Error::Input {
        path: name.to_string(),
        message: format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    if text.trim().is_empty() {
        return Err(Error::Input {
            path: name.to_string(),
            message: "empty file (no text)".into(),
        });
    }
    Ok(Document::new(name, text))
}
