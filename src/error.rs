//! Library errors.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
///
/// Each message is complete: no variant repeats a cause that it also
/// returns as its [`source`](std::error::Error::source).
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
    ///
    /// The cause is part of the message, so it is not also the error's
    /// [`source`](std::error::Error::source): a report that prints the
    /// chain of sources (anyhow's `{:#}`, as the CLI does) shows it once.
    /// Match this variant to get at the [`std::io::Error`].
    #[error("{path}: {cause}")]
    Io {
        /// The file, or a name for the stream.
        path: String,
        /// The cause.
        cause: std::io::Error,
    },
    /// An output location cannot take the output: found before any work
    /// is done, by [`output::check_target`](crate::output::check_target).
    /// As for [`Error::Io`], the cause is part of the message, not the
    /// error's source.
    #[error("cannot write {path}: {cause}")]
    Unwritable {
        /// The output as named by the user.
        path: String,
        /// The cause.
        cause: std::io::Error,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            cause: source,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    /// The message with its chain of sources, as anyhow's `{:#}` prints it.
    fn chain(e: &Error) -> String {
        let mut s = e.to_string();
        let mut cause = e.source();
        while let Some(c) = cause {
            s.push_str(&format!(": {c}"));
            cause = c.source();
        }
        s
    }

    #[test]
    fn every_cause_is_reported_once() {
        let io = || std::io::Error::from_raw_os_error(20);
        let cause = io().to_string();
        let all = [
            Error::Lexicon {
                file: "lex/cues.ron".into(),
                line: 1,
                column: 2,
                message: "expected `(`".into(),
            },
            Error::Input {
                path: "a.txt".into(),
                message: cause.clone(),
            },
            Error::Eval {
                path: "gold".into(),
                message: cause.clone(),
            },
            Error::Graph {
                message: "document \"a\" is already in the graph".into(),
            },
            Error::Export {
                format: "csv",
                message: "give a directory".into(),
            },
            Error::UnknownName {
                name: "Lavrov".into(),
                what: "entity",
                suggestions: vec!["Sergey Lavrov".into()],
            },
            Error::AmbiguousName {
                name: "Smith".into(),
                candidates: vec!["A Smith (person:a-smith)".into()],
            },
            Error::io("out/g.dot", io()),
            Error::Unwritable {
                path: "out/sub/g.dot".into(),
                cause: io(),
            },
        ];
        for e in &all {
            // a new variant must be added to `all`
            match e {
                Error::Lexicon { .. }
                | Error::Input { .. }
                | Error::Eval { .. }
                | Error::Graph { .. }
                | Error::Export { .. }
                | Error::UnknownName { .. }
                | Error::AmbiguousName { .. }
                | Error::Io { .. }
                | Error::Unwritable { .. } => {}
            }
            assert_eq!(chain(e), e.to_string());
        }
        let e = Error::io("out/g.dot", io());
        assert_eq!(chain(&e), format!("out/g.dot: {cause}"));
        assert_eq!(chain(&e).matches(&cause).count(), 1);
    }
}
