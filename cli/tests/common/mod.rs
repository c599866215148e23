//! What the command-line test binaries share: running `quotegraph` from
//! the repository root, and a fresh scratch directory per test.
// each test binary uses its own part of this module
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `quotegraph ARGS…` run from the repository root.
pub fn qg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("runs")
}

/// An empty directory `TARGET_TMPDIR/binary/name`, emptied if it exists.
pub fn scratch(binary: &str, name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(binary)
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A path as the `&str` an argument list takes.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// How many sample articles `data/articles` holds (the tests that read
/// it whole count its documents).
pub fn article_count() -> usize {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/articles"))
        .expect("data/articles")
        .count()
}
