//! Inputs `quotegraph extract` (and `graph`, `build`, `query`, which read
//! texts the same way) must survive: for each, no panic, one clear line on
//! stderr naming the file and the problem, every other input still
//! extracted, and exit status 0 (all good), 1 (some input skipped) or 2
//! (usage error). And outputs: `-o` files are replaced atomically, so a
//! failed, killed or interrupted run keeps the previous file and leaves no
//! temporary file behind (except after SIGKILL or another signal nothing
//! can catch).
//!
//! The giant one-line file extracted whole is 10 MB by default; set
//! `QG_HARDENING_BIG_MB` (e.g. 100) for a bigger one. A 100 MB one is
//! always checked against the default `--max-doc-bytes` (a sparse file,
//! so it costs no time).

#[path = "../../../tests/common/mod.rs"]
mod common;
mod inputs;
mod outputs;
mod readers;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_quotegraph");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("stdout is JSONL"))
            .collect()
    }

    fn docs(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|r| r["doc"].as_str().unwrap().to_string())
            .collect()
    }

    /// The stderr line mentioning `needle`.
    fn line_with(&self, needle: &str) -> &str {
        self.stderr
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no stderr line mentions {needle:?}:\n{}", self.stderr))
    }
}

/// Run a prepared command (stdin, stdout and stderr are set here) to its
/// end; it must exit normally and not panic.
fn output_of(cmd: &mut Command) -> Out {
    checked(cmd.stdin(Stdio::null()).output().expect("run quotegraph"))
}

/// What a run printed; it must have exited normally and not panicked.
fn checked(out: std::process::Output) -> Out {
    let o = Out {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !o.stderr.contains("panicked"),
        "quotegraph panicked:\n{}",
        o.stderr
    );
    o
}

fn qg_in(args: &[&str], stdin: Option<&[u8]>, dir: Option<&Path>) -> Out {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("run quotegraph");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    checked(child.wait_with_output().unwrap())
}

fn qg(args: &[&str]) -> Out {
    qg_in(args, None, None)
}

fn extract(paths: &[&Path], extra: &[&str]) -> Out {
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend_from_slice(extra);
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    qg(&args)
}

const GOOD: &str = "“We are ready to talk,” Anna Berg said on Monday.\n\nThe talks will resume in May, Berg told reporters.\n";

fn good(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, GOOD).unwrap();
    p
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Extract one text (as a file) and check every span of the result.
fn extract_text_checked(bytes: &[u8], decoded: &str) -> Out {
    let d = tmp();
    let p = d.path().join("t.txt");
    std::fs::write(&p, bytes).unwrap();
    let o = extract(&[&p], &[]);
    for r in o.records() {
        common::check_record(decoded, &r).unwrap_or_else(|e| panic!("{e}"));
    }
    o
}
