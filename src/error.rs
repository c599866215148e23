//! Library errors.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon file is malformed.
    #[error("{}:{line}:{column}: malformed lexicon: {message}", file.display())]
    Lexicon {
        /// The file.
        file: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An input could not be read or is not usable text.
    #[error("{path}: {message}")]
    Input {
        /// The input as named by the user.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A gold annotation directory or prediction file is unusable.
    #[error("{path}: {message}")]
    Eval {
        /// The file or directory.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Records cannot be assembled into a graph, or an imported graph is
    /// inconsistent.
    #[error("graph: {message}")]
    Graph {
        /// What is wrong.
        message: String,
    },
    /// A graph cannot be written in a format.
    #[error("{format}: {message}")]
    Export {
        /// The format's name.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A name given to a query matches nothing in the graph.
    #[error("no {what} named {name:?} in the graph{}", closest_names(suggestions))]
    UnknownName {
        /// The name as given.
        name: String,
        /// What was looked for ("entity", "statement").
        what: &'static str,
        /// The closest known names, nearest first.
        suggestions: Vec<String>,
    },
    /// A name given to a query matches several entities equally well.
    #[error(
        "{name:?} is ambiguous: it could be {}; give the full name or the id",
        some_names(candidates)
    )]
    AmbiguousName {
        /// The name as given.
        name: String,
        /// The matches, as "Name (id)".
        candidates: Vec<String>,
    },
    /// Reading or writing a file or stream failed.
    #[error("{path}: {source}")]
    Io {
        /// The file, or a name for the stream.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The first ten names, and how many more.
fn some_names(names: &[String]) -> String {
    const SHOWN: usize = 10;
    if names.len() <= SHOWN {
        names.join(", ")
    } else {
        format!(
            "{} and {} more",
            names[..SHOWN].join(", "),
            names.len() - SHOWN
        )
    }
}

fn closest_names(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; closest known names: {}", names.join(", "))
    }
}

/// Library result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
