//! Library errors as Python exceptions, with the CLI's messages.

use std::io::ErrorKind;

use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIsADirectoryError, PyNotADirectoryError, PyOSError,
    PyPermissionError, PyRuntimeError, PyValueError,
};
use pyo3::PyErr;
use quotegraph::Error;

/// The exception for a library error. The message is the error's `Display`,
/// which is what the CLI prints after `quotegraph: ` (or
/// `quotegraph: error: `).
///
/// - reading or writing a file failed, or an output location cannot be
///   written (the CLI's "cannot write PATH: …", checked before any work by
///   the library's `output::check_target`): `OSError`, or the subclass
///   Python itself raises for that cause (`FileNotFoundError`,
///   `PermissionError`, `IsADirectoryError`, `NotADirectoryError`,
///   `FileExistsError`);
/// - an input path that does not exist or cannot be read (the CLI's
///   "no such file or directory", "permission denied", "Input/output error
///   (os error 5)"…): the same;
/// - everything else (empty or non-UTF-8 text, a malformed lexicon or
///   extraction record, a document added twice, an export that cannot be
///   written in a format): `ValueError`.
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

/// The I/O cause of an input error, when its message is one: the library's
/// input reader words a few causes itself (`describe_io` in
/// `quotegraph::input`) and gives the others as the operating system's
/// text, which ends in `(os error N)`. Anything else (empty, binary or
/// non-UTF-8 text, a corrupt gzip member) is a problem with the data.
fn input_io_kind(message: &str) -> Option<ErrorKind> {
    match message {
        "no such file or directory" => return Some(ErrorKind::NotFound),
        "permission denied" => return Some(ErrorKind::PermissionDenied),
        "is a directory" => return Some(ErrorKind::IsADirectory),
        "too many levels of symbolic links (loop)" => return Some(ErrorKind::Other),
        _ => {}
    }
    let code: i32 = message
        .strip_suffix(')')?
        .rsplit_once("(os error ")?
        .1
        .parse()
        .ok()?;
    let os = std::io::Error::from_raw_os_error(code);
    // exactly the operating system's text for that code, nothing added
    (os.to_string() == message).then(|| os.kind())
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
