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
}

/// Library result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
