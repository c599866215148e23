//! Library errors as Python exceptions, with the CLI's messages.

use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyRuntimeError, PyValueError,
};
use pyo3::PyErr;
use quotegraph::Error;

/// The exception for a library error. The message is the error's `Display`,
/// which is what the CLI prints after `quotegraph: ` (or
/// `quotegraph: error: `).
///
/// - reading or writing a file failed: `OSError` — `FileNotFoundError` or
///   `PermissionError` when that is the cause;
/// - an input path that does not exist or cannot be read (the CLI's
///   "no such file or directory", "permission denied"): the same;
/// - everything else (empty or non-UTF-8 text, a malformed lexicon or
///   extraction record, a document added twice, an export that cannot be
///   written in a format): `ValueError`.
pub(crate) fn to_py(e: Error) -> PyErr {
    let msg = e.to_string();
    match &e {
        Error::Io { cause, .. } => match cause.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
            _ => PyOSError::new_err(msg),
        },
        // input::expand and input::read describe these two I/O causes in
        // words of their own
        Error::Input { message, .. } if message == "no such file or directory" => {
            PyFileNotFoundError::new_err(msg)
        }
        Error::Input { message, .. } if message == "permission denied" => {
            PyPermissionError::new_err(msg)
        }
        _ => PyValueError::new_err(msg),
    }
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
