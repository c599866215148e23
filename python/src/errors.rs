//! Library errors as Python exceptions, with the CLI's messages.

use std::io::ErrorKind;

use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIsADirectoryError, PyNotADirectoryError, PyOSError,
    PyPermissionError, PyRuntimeError, PyValueError,
};
use pyo3::PyErr;
use quotegraph::input::{describe_io, Problem};
use quotegraph::Error;

/// The exception for a library error, worded as the CLI words an error
/// that ends its run: the error's `Display`, which the CLI prints after
/// `quotegraph: error: ` (an unusable export target, an unknown name, a
/// malformed lexicon, a document added twice…). Problems with inputs are
/// [`problem_to_py`].
///
/// - reading or writing a file failed, or an output location cannot be
///   written (the CLI's "cannot write PATH: …", checked before any work by
///   the library's `output::check_target`): `OSError`, or the subclass
///   Python itself raises for that cause (`FileNotFoundError`,
///   `PermissionError`, `IsADirectoryError`, `NotADirectoryError`,
///   `FileExistsError`);
/// - everything else (a malformed lexicon or extraction record, a document
///   added twice, an export that cannot be written in a format, an unknown
///   or ambiguous name): `ValueError`.
pub(crate) fn to_py(e: Error) -> PyErr {
    let msg = e.to_string();
    match &e {
        Error::Io { cause, .. } | Error::Unwritable { cause, .. } => os_error(cause.kind(), msg),
        Error::Input { message, .. } => match input_io_kind(message) {
            Some(kind) => os_error(kind, msg),
            None => PyValueError::new_err(msg),
        },
        _ => PyValueError::new_err(msg),
    }
}

/// The exception for a problem with an input — a text, a text file, a file
/// or directory of extraction records — as the library's reader reports
/// it ([`Problem`], the words the CLI prints), so an I/O cause reads "no
/// such file or directory" (not the operating system's "No such file or
/// directory (os error 2)") and control characters in a path are escaped.
///
/// - the input is missing or cannot be read: `OSError` or its subclass for
///   the cause, as [`to_py`];
/// - its content is bad (blank, binary or non-UTF-8 text, a line that is
///   not a record, bytes that are not UTF-8 or not gzip in a JSONL file):
///   `ValueError`;
/// - a bug in quotegraph (a panic while extracting, caught):
///   `RuntimeError`.
pub(crate) fn problem_to_py(p: &Problem) -> PyErr {
    let msg = p.to_string();
    if p.is_internal() {
        return PyRuntimeError::new_err(msg);
    }
    match input_io_kind(&p.message) {
        Some(kind) => os_error(kind, msg),
        None => PyValueError::new_err(msg),
    }
}

/// [`problem_to_py`] for an input error ([`to_py`] for any other error).
pub(crate) fn input_to_py(e: Error) -> PyErr {
    match e {
        Error::Input { .. } | Error::Io { .. } => problem_to_py(&e.into()),
        _ => to_py(e),
    }
}

/// `OSError`, or its subclass for `kind`.
fn os_error(kind: ErrorKind, msg: String) -> PyErr {
    match kind {
        ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
        ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
        ErrorKind::IsADirectory => PyIsADirectoryError::new_err(msg),
        ErrorKind::NotADirectory => PyNotADirectoryError::new_err(msg),
        ErrorKind::AlreadyExists => PyFileExistsError::new_err(msg),
        _ => PyOSError::new_err(msg),
    }
}

/// The I/O cause of an input error, when its message is one: the kind of
/// the operating system error the library's input reader describes in
/// these words ([`describe_io`]: a few causes in its own words, the others
/// in the operating system's, ending in `(os error N)`). Anything else
/// (empty, binary or non-UTF-8 text, a corrupt gzip member) is a problem
/// with the data.
fn input_io_kind(message: &str) -> Option<ErrorKind> {
    let given = message
        .strip_suffix(')')
        .and_then(|m| m.rsplit_once("(os error "))
        .and_then(|(_, n)| n.parse::<i32>().ok());
    // the number the message gives, else every error number there is
    given
        .into_iter()
        .chain(1..256)
        .map(std::io::Error::from_raw_os_error)
        .find(|e| describe_io(e) == message)
        .map(|e| e.kind())
}

/// A panic inside the library, caught so it reaches Python as a
/// `RuntimeError` naming the document rather than as a `PanicException`
/// that `except Exception` would not catch.
pub(crate) fn panic_error(doc: &str, payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    PyRuntimeError::new_err(format!(
        "{doc}: internal error in quotegraph (please report): {what}"
    ))
}
