//! Output files written atomically: everything goes to a temporary file in
//! the same directory, which replaces the target only when complete, so a
//! reader never sees half a file and a failed run leaves the old one.
//!
//! Temporary files are named `.NAME.XXXXXX.tmp` beside the target `NAME`.
//! Every one not yet committed is registered, so a signal handler can
//! remove them with [`abandon_all`] before the process ends (the
//! `quotegraph` command does so on SIGINT, SIGTERM and SIGHUP).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::error::Error;

/// The regular file `target` names: itself, or where its links lead;
/// an error for anything else that exists there.
fn regular_target(target: &Path) -> io::Result<PathBuf> {
    let refuse = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what}, not a regular file: it would be replaced; write to stdout and redirect instead"),
        )
    };
    let Ok(link) = std::fs::symlink_metadata(target) else {
        return Ok(target.to_path_buf()); // a new file
    };
    let (path, m) = if link.file_type().is_symlink() {
        let real = std::fs::canonicalize(target)
            .map_err(|_| refuse("a symbolic link that leads nowhere"))?;
        let m = std::fs::metadata(&real)?;
        (real, m)
    } else {
        (target.to_path_buf(), link)
    };
    if m.is_file() || m.is_dir() {
        // a directory is refused by the rename, with its own message
        return Ok(path);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return Err(refuse("a FIFO"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Err(refuse("a device"));
        }
        if t.is_socket() {
            return Err(refuse("a socket"));
        }
    }
    Err(refuse("a special file"))
}

/// Temporary files created and neither committed nor dropped yet.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set by [`abandon_all`]: no temporary file is created or committed after.
static ABANDONED: AtomicBool = AtomicBool::new(false);

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // the list stays usable even if a thread panicked holding it
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

fn abandoned() -> io::Error {
    io::Error::new(
        io::ErrorKind::Interrupted,
        "interrupted: output abandoned, temporary files removed",
    )
}

/// Remove every temporary file of an [`AtomicFile`] that is neither
/// committed nor dropped, and make later [`AtomicFile::create`] and
/// [`AtomicFile::commit`] calls fail: for a signal handler about to end
/// the process, so an interrupted run leaves neither half a file nor a
/// temporary one. A commit in progress finishes first (the target is then
/// complete). Returns how many files were removed.
pub fn abandon_all() -> usize {
    let mut list = pending();
    ABANDONED.store(true, Ordering::SeqCst);
    let mut removed = 0;
    for p in list.drain(..) {
        if std::fs::remove_file(&p).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A file being written; [`AtomicFile::commit`] puts it in place, dropping
/// it without committing removes the temporary file.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    tmp_path: PathBuf,
    /// `None` once committed.
    tmp: Option<BufWriter<tempfile::NamedTempFile>>,
}

impl AtomicFile {
    /// Start writing `target` (a temporary file `.NAME.XXXXXX.tmp` is
    /// created beside it).
    ///
    /// A symbolic link is followed: the file it points to is replaced and
    /// the link stays. A target that is not a regular file (a FIFO, a
    /// device such as `/dev/null`, a socket) or a dangling link is refused
    /// (`InvalidInput`): renaming over it would replace it.
    pub fn create(target: impl AsRef<Path>) -> io::Result<AtomicFile> {
        let target = regular_target(target.as_ref())?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let mut list = pending();
        if ABANDONED.load(Ordering::SeqCst) {
            return Err(abandoned());
        }
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        let tmp_path = tmp.path().to_path_buf();
        list.push(tmp_path.clone());
        Ok(AtomicFile {
            target,
            tmp_path,
            tmp: Some(BufWriter::with_capacity(256 << 10, tmp)),
        })
    }

    /// The file this one replaces when committed.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flush, sync and rename the temporary file over the target. The
    /// target keeps its permissions if it existed (else gets `0644` on
    /// Unix, not the temporary file's `0600`).
    pub fn commit(mut self) -> io::Result<()> {
        self.prepare()?;
        self.persist()
    }

    /// Everything but the rename: flush, sync, permissions.
    fn prepare(&mut self) -> io::Result<()> {
        let w = self.tmp.as_mut().expect("not committed");
        w.flush()?;
        let f = w.get_ref().as_file();
        f.sync_all()?;
        set_permissions(f, &self.target)
    }

    /// The rename, after [`prepare`](Self::prepare).
    fn persist(&mut self) -> io::Result<()> {
        let mut list = pending();
        if ABANDONED.load(Ordering::SeqCst) {
            return Err(abandoned());
        }
        let w = self.tmp.take().expect("not committed");
        let result = w
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|tmp| tmp.persist(&self.target).map(drop).map_err(|e| e.error));
        // persisted, or removed when the error dropped the temporary file
        list.retain(|p| *p != self.tmp_path);
        result
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(w) = self.tmp.take() {
            let mut list = pending();
            // the temporary file is deleted here, with what was written
            drop(w.into_parts());
            list.retain(|p| *p != self.tmp_path);
        }
    }
}

/// Commit several files together: all are flushed and synced first, then
/// renamed one after the other, so an error or interruption while writing
/// leaves every target as it was. The renames hold an exclusive lock on
/// the first target's directory, so concurrent runs writing the same
/// directory never leave files of one run beside files of another. Returns the targets; an error names the
/// file it happened to.
pub fn commit_all(mut files: Vec<AtomicFile>) -> Result<Vec<PathBuf>, Error> {
    let name = |f: &AtomicFile| f.target.display().to_string();
    for f in &mut files {
        f.prepare().map_err(|e| Error::io(name(f), e))?;
    }
    // Two runs writing the same directory at once take turns renaming, so
    // its files all come from one run (the last), never a mix: the
    // renames happen under an exclusive lock on the directory itself (no
    // lock file is left behind). Where locking is not supported, renames
    // go on unlocked, as before.
    let _turn = match files.first().and_then(|f| f.target.parent()) {
        Some(dir) if files.len() > 1 => lock_dir(dir),
        _ => None,
    };
    let mut done = Vec::with_capacity(files.len());
    for mut f in files {
        f.persist().map_err(|e| Error::io(name(&f), e))?;
        done.push(f.target.clone());
    }
    Ok(done)
}

/// An exclusive lock on directory `dir` (empty: the current one), held
/// until the file is dropped; `None` when it cannot be taken.
#[cfg(unix)]
fn lock_dir(dir: &Path) -> Option<File> {
    use std::os::fd::AsRawFd;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let f = File::open(dir).ok()?;
    // SAFETY: flock on a descriptor this function owns; no memory involved
    let locked = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } == 0;
    locked.then_some(f)
}

#[cfg(not(unix))]
fn lock_dir(_dir: &Path) -> Option<File> {
    None
}

/// Check before any work that output can go to `target`: a file, or with
/// `dir` a directory of files. Its directory exists or can be made (it is
/// made), a file is not wanted where a directory is, and a new file can be
/// created beside the target (in it, for `dir`). The error is
/// [`Error::Unwritable`] naming `target`: what `quotegraph` reports for an
/// unusable `-o`, and what the Python binding's `Graph.export` raises.
///
/// ```
/// use quotegraph::output::check_target;
///
/// let dir = tempfile::tempdir().unwrap();
/// check_target(&dir.path().join("new/g.dot"), false).unwrap();
/// let afile = dir.path().join("afile");
/// std::fs::write(&afile, "x").unwrap();
/// let target = afile.join("g.dot");
/// let err = check_target(&target, false).unwrap_err().to_string();
/// assert!(err.starts_with(&format!("cannot write {}: ", target.display())), "{err}");
/// let err = check_target(dir.path(), false).unwrap_err().to_string();
/// assert_eq!(err, format!("cannot write {}: is a directory", dir.path().display()));
/// ```
pub fn check_target(target: &Path, dir: bool) -> Result<(), Error> {
    let unwritable = |cause| Error::Unwritable {
        path: target.display().to_string(),
        cause,
    };
    if !dir && target.is_dir() {
        return Err(unwritable(io::ErrorKind::IsADirectory.into()));
    }
    let probe = if dir {
        target.join("probe")
    } else {
        target.to_path_buf()
    };
    if let Some(d) = probe.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d).map_err(unwritable)?;
    }
    AtomicFile::create(&probe).map(drop).map_err(unwritable)
}

#[cfg(unix)]
fn set_permissions(f: &File, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let perm = match std::fs::metadata(target) {
        Ok(m) => m.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    f.set_permissions(perm)
}

#[cfg(not(unix))]
fn set_permissions(_: &File, _: &Path) -> io::Result<()> {
    Ok(())
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.as_mut().expect("not committed").write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.tmp.as_mut().expect("not committed").write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.as_mut().expect("not committed").flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.jsonl");
        std::fs::write(&p, "old\n").unwrap();
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old\n");
        let tmp = names(dir.path());
        assert_eq!(tmp.len(), 2);
        assert!(tmp[0].starts_with(".out.jsonl.") && tmp[0].ends_with(".tmp"));
        drop(f);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old\n");
        assert_eq!(names(dir.path()), ["out.jsonl"]);
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"new\n").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
        assert_eq!(names(dir.path()), ["out.jsonl"]);
    }

    #[test]
    fn commits_several_files_together() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        let mut fa = AtomicFile::create(&a).unwrap();
        let mut fb = AtomicFile::create(&b).unwrap();
        fa.write_all(b"a").unwrap();
        fb.write_all(b"b").unwrap();
        assert_eq!(names(dir.path()).len(), 2, "only temporary files yet");
        assert_eq!(commit_all(vec![fa, fb]).unwrap(), [a.clone(), b.clone()]);
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "b");
    }

    // `abandon_all` stops every later write in the process, so it is
    // tested through the command line (cli/tests/hardening/), not here.
}
