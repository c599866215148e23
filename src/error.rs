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

/// Library result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
