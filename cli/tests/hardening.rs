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

#[path = "../../tests/common/mod.rs"]
mod common;

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

#[test]
fn empty_and_whitespace_only_files() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let e = d.path().join("empty.txt");
    std::fs::write(&e, "").unwrap();
    let w = d.path().join("blank.txt");
    std::fs::write(&w, " \n\t\r\n  \u{feff}\n").unwrap();
    let o = extract(&[&a, &e, &w], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [a.display().to_string()]);
    assert!(o.line_with("empty.txt").contains("empty"));
    assert!(o.line_with("blank.txt").contains("empty"));
}

fn png_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    b.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    b
}

fn zip_bytes() -> Vec<u8> {
    // a local file header, some stored data, a central directory end record
    let mut b = b"PK\x03\x04\x14\0\0\0\0\0".to_vec();
    b.extend_from_slice(&[0; 16]);
    b.extend_from_slice(b"\x08\0\0\0note.txtHello, zip");
    b.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    b.extend_from_slice(&[0; 10]);
    b
}

#[test]
fn binary_files() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let png = d.path().join("image.txt");
    std::fs::write(&png, png_bytes()).unwrap();
    let zip = d.path().join("archive.txt");
    std::fs::write(&zip, zip_bytes()).unwrap();
    // random bytes without NUL: caught by the share of bad bytes
    let noise = d.path().join("noise.txt");
    let bytes: Vec<u8> = (1..5000u32)
        .map(|i| ((i.wrapping_mul(2654435761) >> 7) as u8) | 0x80)
        .collect();
    std::fs::write(&noise, bytes).unwrap();
    let o = extract(&[&png, &a, &zip, &noise], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [a.display().to_string()]);
    for name in ["image.txt", "archive.txt", "noise.txt"] {
        assert!(o.line_with(name).contains("binary"), "{}", o.stderr);
    }
    // the same through a directory walk and as JSONL
    let j = d.path().join("image.jsonl");
    std::fs::write(&j, png_bytes()).unwrap();
    let o = extract(&[d.path()], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.records().len(), 1);
    assert!(o.line_with("image.jsonl").contains("JSON"));
}

#[test]
fn directory_of_10000_files_with_a_few_bad() {
    let d = tmp();
    let mut rng = common::synth::Rng(5);
    let first = ["Anna", "Boris", "Carla", "Dmitri", "Elena"];
    let last = ["Berg", "Castillo", "Dumont", "Eriksen", "Fischer"];
    let bad = [17usize, 2500, 5003, 7777, 9999];
    for i in 0..10_000usize {
        let p = d.path().join(format!("sub{}/f{i:05}.txt", i % 10));
        if i < 10 {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        }
        let body: Vec<u8> = match bad.iter().position(|&b| b == i) {
            Some(0) => Vec::new(),
            Some(1) => png_bytes(),
            Some(2) => b"   \n".to_vec(),
            Some(3) => zip_bytes(),
            Some(_) => b"\xff\xfeU\0T\0F\0-\x001\x006\0".to_vec(),
            None => format!(
                "“We will talk,” {} {} said. It rained, {} added.\n",
                rng.pick(&first),
                rng.pick(&last),
                rng.pick(&last)
            )
            .into_bytes(),
        };
        std::fs::write(&p, body).unwrap();
    }
    // non-input files are ignored
    std::fs::write(d.path().join("README.md"), "ignore me").unwrap();
    let o = extract(&[d.path()], &["-j", "2"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let docs = o.docs();
    assert_eq!(docs.len(), 10_000 - bad.len());
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted, "output follows the sorted input order");
    let errors: Vec<&str> = o.stderr.lines().collect();
    assert_eq!(errors.len(), bad.len(), "{}", o.stderr);
    for b in bad {
        o.line_with(&format!("f{b:05}.txt"));
    }
    assert!(o.line_with("f05003.txt").contains("empty"));
    assert!(o.line_with("f09999.txt").contains("UTF-16"));
}

#[test]
fn missing_path_among_good_ones() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let b = good(d.path(), "b.txt");
    let missing = d.path().join("nope.txt");
    let o = extract(&[&a, &missing, &b], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs().len(), 2);
    assert!(o.line_with("nope.txt").contains("no such file"));
}

/// The user id unreadable-file tests run the binary as when they run as
/// root (for whom mode 000 does not stop reading): `nobody`.
#[cfg(unix)]
const NOBODY: u32 = 65534;

/// A copy of the binary `nobody` can run, when the built one is not (its
/// directory may be private, e.g. under /root): the path, and the
/// directory holding the copy (dropped after the test). `None` when
/// `nobody` cannot run it at all (no such user switch possible here).
#[cfg(unix)]
fn binary_for_nobody() -> Option<(PathBuf, Option<tempfile::TempDir>)> {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let runs = |bin: &Path| {
        Command::new(bin)
            .arg("--version")
            .uid(NOBODY)
            .gid(NOBODY)
            .current_dir("/")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if runs(Path::new(BIN)) {
        return Some((PathBuf::from(BIN), None));
    }
    let d = tempfile::tempdir().ok()?;
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).ok()?;
    let copy = d.path().join("quotegraph");
    std::fs::copy(BIN, &copy).ok()?;
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).ok()?;
    runs(&copy).then_some((copy, Some(d)))
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    let d = tmp();
    // others may enter the test directory and read a.txt, nothing else
    mode(d.path(), 0o755).unwrap();
    let a = good(d.path(), "a.txt");
    mode(&a, 0o644).unwrap();
    let locked = good(d.path(), "locked.txt");
    mode(&locked, 0o000).unwrap();
    let sub = d.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    good(&sub, "hidden.txt");
    mode(&sub, 0o000).unwrap();
    // as root, mode 000 still reads: run as nobody, so the error paths run
    let root = unsafe { libc::geteuid() } == 0;
    let (bin, _copy_dir) = if root {
        match binary_for_nobody() {
            Some(b) => b,
            None => {
                eprintln!(
                    "note: skipping unreadable_file_and_directory: running as root and cannot run the binary as uid {NOBODY}"
                );
                mode(&sub, 0o755).unwrap();
                return;
            }
        }
    } else {
        (PathBuf::from(BIN), None)
    };
    let mut cmd = Command::new(&bin);
    cmd.args(["extract", "--format", "jsonl"])
        .arg(d.path())
        .arg(&locked)
        .current_dir("/");
    if root {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    let o = output_of(&mut cmd);
    mode(&sub, 0o755).unwrap();
    mode(&locked, 0o644).unwrap();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(o.docs(), [a.display().to_string()], "{}", o.stderr);
    let lines: Vec<&str> = o.stderr.lines().collect();
    // locked.txt found by the walk and given by name; sub/ unreadable
    assert_eq!(lines.len(), 3, "{}", o.stderr);
    assert!(lines
        .iter()
        .all(|l| l.starts_with("quotegraph: error: ") && l.ends_with("permission denied")));
    assert_eq!(
        lines.iter().filter(|l| l.contains("locked.txt")).count(),
        2,
        "{}",
        o.stderr
    );
    assert!(o
        .line_with(&sub.display().to_string())
        .contains("permission denied"));
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    let d = tmp();
    let root = d.path().join("corpus");
    std::fs::create_dir_all(root.join("inner")).unwrap();
    good(&root, "a.txt");
    good(&root.join("inner"), "b.txt");
    std::os::unix::fs::symlink(&root, root.join("inner/loop")).unwrap();
    std::os::unix::fs::symlink("x.txt", root.join("y.txt")).unwrap();
    std::os::unix::fs::symlink("y.txt", root.join("x.txt")).unwrap();
    let o = extract(&[&root], &[]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(o.docs().len(), 2, "each real file once: {:?}", o.docs());
    assert!(o.line_with("inner/loop").contains("symlink loop"));
    assert!(o.line_with("x.txt").contains("symbolic links"));
}

#[test]
fn invalid_utf8_and_latin1() {
    let d = tmp();
    let latin1 = d.path().join("latin1.txt");
    let mut bytes = b"Caf\xe9 owners were angry.\n\n".to_vec();
    bytes.extend_from_slice("“We are ready,” Anna Berg said.\n".as_bytes());
    std::fs::write(&latin1, &bytes).unwrap();
    let o = extract(&[&latin1], &[]);
    assert_eq!(o.code, 0, "a warning is not a failure");
    let line = o.line_with("latin1.txt");
    assert!(
        line.contains("warning") && line.contains("offset 3"),
        "{line}"
    );
    let recs = o.records();
    assert_eq!(recs.len(), 1);
    let decoded = String::from_utf8_lossy(&bytes);
    assert!(decoded.contains('\u{fffd}'));
    common::check_record(&decoded, &recs[0]).unwrap();
    assert_eq!(recs[0]["attributions"][0]["speaker"]["text"], "Anna Berg");

    let o = extract(&[&latin1], &["--strict"]);
    assert_eq!(o.code, 1);
    assert!(o.records().is_empty());
    assert!(o.line_with("latin1.txt").contains("offset 3"));

    // --quiet drops warnings but not errors
    let o = extract(&[&latin1], &["--quiet"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
}

#[test]
fn byte_order_mark() {
    let text = "\u{feff}“We are ready,” Anna Berg said.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let r = &o.records()[0];
    assert_eq!(r["attributions"][0]["speaker"]["text"], "Anna Berg");
}

#[test]
fn crlf_and_cr_line_endings() {
    for nl in ["\r\n", "\r"] {
        let text = format!(
            "Moscow, Dec. 6 — “We are ready,” Anna Berg said.{nl}{nl}The talks will resume, Berg told reporters.{nl}“Née café,” said Zoë Lindqvist.{nl}"
        );
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
        assert!(o.records()[0]["attributions"].as_array().unwrap().len() >= 2);
    }
}

#[test]
fn giant_file_without_newline() {
    let mb: usize = std::env::var("QG_HARDENING_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let d = tmp();
    let p = d.path().join("giant.txt");
    let unit = GOOD.replace('\n', " ");
    let mut text = String::with_capacity(mb << 20);
    while text.len() + unit.len() <= mb << 20 {
        text.push_str(&unit);
    }
    std::fs::write(&p, &text).unwrap();
    let small = good(d.path(), "small.txt");
    // over the limit: reported and skipped, the rest still extracted
    let limit = format!("{}", (mb << 20) / 2);
    let o = extract(&[&p, &small], &["--max-doc-bytes", &limit]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [small.display().to_string()]);
    assert!(o.line_with("giant.txt").contains("--max-doc-bytes"));
    // within the limit: extracted whole, spans exact
    let limit = format!("{}", (mb << 20) + 1);
    let o = extract(&[&p], &["--max-doc-bytes", &limit]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = o.records();
    let atts = recs[0]["attributions"].as_array().unwrap();
    assert!(atts.len() > 1000, "{} attributions", atts.len());
    common::check_record(&text, &recs[0]).unwrap();
}

#[test]
fn quote_never_closed() {
    let text = "“We are ready to talk and we will never stop talking, Anna Berg said.\n\nThe talks, Berg said, will resume.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let text = "Berg said: \"This quote runs on and on";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
}

#[test]
fn ten_thousand_quotation_marks() {
    for mark in ["\"", "“", "”", "''", "``", "«"] {
        let text = format!("Berg said {} that. {}", mark.repeat(10_000), GOOD);
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
    }
}

#[test]
fn deeply_nested_quotes() {
    let mut text = String::from("Berg said ");
    for i in 0..2000 {
        text.push_str(if i % 2 == 0 { "“" } else { "‘" });
        text.push_str("Anna said ");
    }
    text.push_str("yes");
    for i in (0..2000).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
        text.push_str(", Berg told reporters");
    }
    text.push_str(". ");
    text.push_str(GOOD);
    let o = extract_text_checked(text.as_bytes(), &text);
    assert_eq!(o.code, 0);
}

#[test]
fn ten_kilobyte_name() {
    let one_word = format!("“We are ready,” {} said.\n", "Xy".repeat(5000));
    let many_words = format!(
        "“We are ready,” {}said.\n\nThe talks will resume, {}told reporters.\n",
        "Anna ".repeat(2000),
        "Mc".repeat(2500) + " "
    );
    for text in [one_word, many_words] {
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
    }
}

#[test]
fn right_to_left_and_combining_characters() {
    let text = "“نحن مستعدون للحوار,” said Anna Berg.\n\n\u{202b}“אנחנו מוכנים,”\u{202c} Zoe\u{0308} Lindqvist told re\u{0301}porters.\n\nThe talks will resume, Ame\u{0301}lie Dumont said.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let atts = o.records()[0]["attributions"].as_array().unwrap().len();
    assert!(atts >= 2, "{}", o.stdout);
}

#[test]
fn html_markup_left_in_text() {
    let text = "<html><body><p class=\"lead\">“We are ready,” <b>Anna Berg</b> said.</p>\n<p>The talks will resume, Berg told <a href=\"https://x.example/?a=1&amp;b=2\">reporters</a>.</p><script>var s = \"said\";</script></body></html>\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
}

#[test]
fn jsonl_bad_lines_and_fields_carried_through() {
    let d = tmp();
    let p = d.path().join("news.jsonl");
    let lines = [
        r#"{"id": "a", "text": "“We are ready,” Anna Berg said.", "date": "2024-05-01", "outlet": "TASS", "url": "https://x.example/a"}"#,
        r#"{"id": "b", "text": "unterminated"#,
        "not json at all",
        r#"{"id": "c", "body": "no text field"}"#,
        r#"{"id": 4, "text": "The talks will resume, Berg said."}"#,
        "",
        r#"{"text": "“Fine,” Berg said."}"#,
    ];
    std::fs::write(&p, lines.join("\n")).unwrap();
    let o = extract(&[&p], &[]);
    assert_eq!(o.code, 1);
    let path = p.display().to_string();
    assert_eq!(o.docs(), ["a", "4", &format!("{path}:7")]);
    let r = &o.records()[0];
    assert_eq!(r["meta"]["date"], "2024-05-01");
    assert_eq!(r["meta"]["outlet"], "TASS");
    assert_eq!(r["meta"]["url"], "https://x.example/a");
    assert!(o.line_with(":2:").contains("JSON"));
    assert!(o.line_with(":3:").contains("JSON"));
    assert!(o.line_with(":4:").contains("\"text\""));
    // other field names
    let q = d.path().join("other.jsonl");
    std::fs::write(&q, r#"{"key": "k1", "body": "“Yes,” Berg said."}"#).unwrap();
    let o = extract(&[&q], &["--text-field", "body", "--id-field", "key"]);
    assert_eq!((o.code, o.docs()), (0, vec!["k1".to_string()]));
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzip_inputs_and_a_corrupt_member() {
    let d = tmp();
    let line = |id: &str| {
        format!("{{\"id\": \"{id}\", \"text\": \"“We are ready,” Anna Berg said. It will rain, she added.\"}}\n")
    };
    let members: Vec<String> = (0..3)
        .map(|m| (0..50).map(|i| line(&format!("m{m}-{i}"))).collect())
        .collect();
    let mut good_gz = Vec::new();
    for m in &members {
        good_gz.extend(gz(m.as_bytes()));
    }
    let p = d.path().join("multi.jsonl.gz");
    std::fs::write(&p, &good_gz).unwrap();
    let o = extract(&[&p], &[]);
    assert_eq!((o.code, o.docs().len()), (0, 150), "{}", o.stderr);

    // damage the middle member
    let first = gz(members[0].as_bytes());
    let mut second = gz(members[1].as_bytes());
    let mid = second.len() / 2;
    for b in &mut second[mid..mid + 16] {
        *b ^= 0xa5;
    }
    let mut bytes = first.clone();
    bytes.extend(&second);
    bytes.extend(gz(members[2].as_bytes()));
    let bad = d.path().join("bad.jsonl.gz");
    std::fs::write(&bad, &bytes).unwrap();
    let o = extract(&[&bad], &[]);
    assert_eq!(o.code, 1);
    let docs = o.docs();
    assert!(docs.iter().filter(|d| d.starts_with("m0-")).count() == 50);
    assert!(docs.iter().filter(|d| d.starts_with("m2-")).count() == 50);
    // damaged data decoded before the checksum fails is reported line by
    // line as bad JSON; then the member itself
    assert!(
        o.stderr
            .lines()
            .any(|l| l.contains("bad.jsonl.gz") && l.contains("corrupt gzip member #2")),
        "{}",
        o.stderr
    );

    // a gzipped text file, and a truncated one
    let t = d.path().join("a.txt.gz");
    std::fs::write(&t, gz(GOOD.as_bytes())).unwrap();
    let cut = d.path().join("cut.txt.gz");
    let whole = gz(GOOD.repeat(50).as_bytes());
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let o = extract(&[&t, &cut], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs()[0], t.display().to_string());
    assert!(o.line_with("cut.txt.gz").contains("gzip"));
}

#[test]
fn stdin_text_and_jsonl() {
    let o = qg_in(
        &["extract", "--format", "jsonl", "-"],
        Some(GOOD.as_bytes()),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["-".to_string()]));
    let jsonl = "{\"id\": \"x\", \"text\": \"“Yes,” Berg said.\"}\n";
    let o = qg_in(
        &[
            "extract",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(jsonl.as_bytes()),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["x".to_string()]));
    let o = qg_in(
        &[
            "extract",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(&gz(jsonl.as_bytes())),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["x".to_string()]));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(qg(&["extract"]).code, 2);
    assert_eq!(qg(&["extract", "--no-such-flag", "x"]).code, 2);
    assert_eq!(qg(&["extract", "-j", "0", "x"]).code, 2);
    assert_eq!(qg(&["extract", "--max-doc-bytes", "lots", "x"]).code, 2);
    assert_eq!(qg(&["frobnicate"]).code, 2);
    let o = qg(&["extract", "-o", "/nonexistent-dir/out.jsonl", "-"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("/nonexistent-dir/out.jsonl"),
        "{}",
        o.stderr
    );
}

#[test]
fn output_file_is_written_atomically() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let out = d.path().join("out.jsonl");
    std::fs::write(&out, "previous\n").unwrap();
    let o = qg(&["extract", "-o", out.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    let written = std::fs::read_to_string(&out).unwrap();
    let direct = extract(&[&a], &[]);
    assert_eq!(written, direct.stdout);
    let names: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

/// Run quotegraph with `args` + a generated 2,000-article JSONL file, read
/// the first line of its output, close the pipe (like `| head -1`) and
/// return the exit code, that line and stderr.
fn read_one_line_then_close(seed: u64, args: &[&str]) -> (Option<i32>, String, String) {
    let d = tmp();
    let p = d.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    for i in 0..2_000 {
        let a = common::synth::article(seed, i);
        f.write_all(common::synth::jsonl_line(&a).as_bytes())
            .unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let mut child = Command::new(BIN)
        .args(args)
        .arg(p.to_str().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is closed here, with megabytes still to write
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), first, err)
}

#[test]
fn closed_pipe_ends_quietly() {
    let (code, first, err) = read_one_line_then_close(3, &["extract", "--format", "jsonl"]);
    assert!(first.starts_with("{\"doc\":\"doc-000000\""));
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

#[test]
fn closed_pipe_ends_a_graph_export_quietly() {
    // the exporters report a failed write as quotegraph::Error::Io, which
    // holds its io::Error rather than chaining it
    let (code, first, err) = read_one_line_then_close(4, &["graph", "--format", "json"]);
    assert!(first.starts_with('{'), "{first}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        lines.len() == 1 && lines[0].starts_with("quotegraph: graph: "),
        "{err}"
    );
}

#[test]
fn the_same_output_for_any_thread_count() {
    let d = tmp();
    let p = d.path().join("c.jsonl");
    let mut s = String::new();
    for i in 0..300 {
        s.push_str(&common::synth::jsonl_line(&common::synth::article(9, i)));
    }
    std::fs::write(&p, s).unwrap();
    let one = extract(&[&p], &["-j", "1"]);
    let three = extract(&[&p], &["-j", "3"]);
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout, three.stdout);
    assert_eq!(one.records().len(), 300);
}

// ---- graph, build and query read texts as extract does ----

/// A Latin-1 file, a good one and one of 2 KB, in `dir`.
fn mixed_inputs(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let latin1 = dir.join("latin1.txt");
    let mut bytes = b"Caf\xe9 owners were angry.\n\n".to_vec();
    bytes.extend_from_slice("“We are ready,” Anna Berg said.\n".as_bytes());
    std::fs::write(&latin1, &bytes).unwrap();
    let a = dir.join("a.txt");
    std::fs::write(&a, "“The talks will resume,” Carla Dumont said.\n").unwrap();
    let big = dir.join("big.txt");
    std::fs::write(&big, GOOD.repeat(2048 / GOOD.len() + 1)).unwrap();
    (latin1, a, big)
}

/// The documents of a node-link JSON graph.
fn graph_docs(json: &str) -> Vec<String> {
    let g: Value = serde_json::from_str(json).expect("node-link JSON");
    let mut docs: Vec<String> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "document")
        .map(|n| n["path"].as_str().unwrap().to_string())
        .collect();
    docs.sort();
    docs
}

#[test]
fn graph_build_and_query_read_texts_as_extract_does() {
    let d = tmp();
    let (latin1, a, big) = mixed_inputs(d.path());
    let paths = [&latin1, &a, &big].map(|p| p.to_str().unwrap());
    let name = |p: &Path| p.display().to_string();

    // Latin-1: a warning naming the offset, the text still in the graph;
    // over --max-doc-bytes: an error, skipped; the rest in the graph
    let mut args = vec!["graph", "--format", "json", "--max-doc-bytes", "1K"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a), name(&latin1)]);
    let w = o.line_with("latin1.txt");
    assert!(
        w.starts_with("quotegraph: warning: ") && w.contains("offset 3"),
        "{w}"
    );
    let e = o.line_with("big.txt");
    assert!(
        e.starts_with("quotegraph: error: ") && e.contains("--max-doc-bytes 1024"),
        "{e}"
    );
    assert!(
        o.stdout.contains("\"speaker_text\":\"Anna Berg\""),
        "{}",
        o.stdout
    );

    // without a problem that skips something: exit 0, warnings allowed
    let o = qg(&["graph", "--format", "json", paths[0], paths[1]]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a), name(&latin1)]);

    // --strict: invalid UTF-8 is an error and the file is skipped
    let o = qg(&["graph", "--format", "json", "--strict", paths[0], paths[1]]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a)]);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));

    // build and query take the same flags and report the same way
    let out = d.path().join("out");
    let mut args = vec!["build", "-o", out.to_str().unwrap(), "--strict"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));
    let jsonl = std::fs::read_to_string(out.join("extractions.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2, "a.txt and big.txt (under 16 MiB)");

    let mut args = vec!["query", "top-speakers", "--max-doc-bytes", "1K"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.contains("Anna Berg") && o.stdout.contains("Carla Dumont"));
    assert!(o.line_with("latin1.txt").contains("warning"));
    assert!(o.line_with("big.txt").contains("--max-doc-bytes"));
    let o = qg(&[
        "query",
        "mention-network",
        "--strict",
        "--format",
        "json",
        paths[0],
        paths[1],
    ]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));
}

#[test]
fn hundred_megabytes_without_a_newline_at_the_default_limit() {
    const SIZE: u64 = 100_000_000;
    let d = tmp();
    // text at the start, then a hole: 100 MB on paper, no time to write
    let p = d.path().join("giant.txt");
    let f = std::fs::File::create(&p).unwrap();
    (&f).write_all(GOOD.replace('\n', " ").repeat(1000).as_bytes())
        .unwrap();
    f.set_len(SIZE).unwrap();
    drop(f);
    let small = good(d.path(), "small.txt");
    let limit = format!("--max-doc-bytes {}", 16 << 20);
    for cmd in ["extract", "graph"] {
        let started = std::time::Instant::now();
        let o = match cmd {
            "extract" => extract(&[&p, &small], &[]),
            _ => qg(&[
                "graph",
                "--format",
                "json",
                p.to_str().unwrap(),
                small.to_str().unwrap(),
            ]),
        };
        let secs = started.elapsed().as_secs_f64();
        assert_eq!(o.code, 1, "{cmd}: {}", o.stderr);
        let line = o.line_with("giant.txt");
        assert!(
            line.contains(&format!("document of {SIZE} bytes")) && line.contains(&limit),
            "{cmd}: {line}"
        );
        assert_eq!(o.stderr.lines().count(), 1 + usize::from(cmd == "graph"));
        let docs = match cmd {
            "extract" => o.docs(),
            _ => graph_docs(&o.stdout),
        };
        assert_eq!(docs, [small.display().to_string()], "{cmd}");
        // skipped before a byte of it is read
        assert!(secs < 10.0, "{cmd} took {secs:.1} s");
        eprintln!("{cmd}: 100 MB file skipped, the other extracted, in {secs:.2} s");
    }

    // from stdin the size is not known up front: reading stops at the limit
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "jsonl", "-", small.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let chunk = GOOD.replace('\n', " ").repeat(4096);
        let mut sent = 0u64;
        while sent < SIZE {
            if w.write_all(chunk.as_bytes()).is_err() {
                break; // quotegraph stopped reading
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    let out = child.wait_with_output().unwrap();
    let sent = feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .starts_with("quotegraph: error: -: document is larger than --max-doc-bytes 16777216"),
        "{stderr}"
    );
    assert!(sent < SIZE, "stdin was read to the end ({sent} bytes)");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with(&format!("{{\"doc\":\"{}\"", small.display())));
}

// ---- hostile file names ----

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_escaped() {
    let d = tmp();
    let dir = d.path().join("names");
    std::fs::create_dir(&dir).unwrap();
    good(&dir, "ok.txt");
    std::fs::write(dir.join("bad\nname.txt"), "").unwrap();
    std::fs::write(dir.join("esc\x1b[31mred.txt"), " \n").unwrap();
    std::fs::write(dir.join("cr\rtab\t.txt"), b"Caf\xe9 said.\n").unwrap();
    let check = |o: &Out, lines: usize| {
        let got: Vec<&str> = o.stderr.lines().collect();
        assert_eq!(got.len(), lines, "one line per problem:\n{}", o.stderr);
        assert!(got.iter().all(|l| l.starts_with("quotegraph: ")), "{got:?}");
        assert!(!o.stderr.contains(['\x1b', '\r', '\t']), "{:?}", o.stderr);
        assert!(o.line_with("bad\\nname.txt").contains("empty"));
        assert!(o.line_with("esc\\u{1b}[31mred.txt").contains("empty"));
        assert!(o.line_with("cr\\rtab\\t.txt").contains("offset 3"));
    };
    let o = extract(&[&dir], &[]);
    assert_eq!(o.code, 1);
    check(&o, 3);
    // graph reports the same way (plus its summary line)
    let o = qg(&["graph", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    check(&o, 4);
}

// ---- atomic outputs ----

/// A corpus of synthetic articles, as text files.
fn corpus(dir: &Path, n: u64) -> PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    for i in 0..n {
        let a = common::synth::article(21, i);
        std::fs::write(c.join(format!("{}.txt", a.id)), a.text).unwrap();
    }
    c
}

/// Every file under `dir` (relative path → content).
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn is_temporary(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap();
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Run quotegraph with files limited to `max_file` bytes (RLIMIT_FSIZE):
/// a write past it fails with EFBIG when `ignore` (SIGXFSZ ignored), or
/// kills the process with SIGXFSZ mid-write otherwise.
#[cfg(unix)]
fn run_with_file_limit(args: &[&str], max_file: u64, ignore: bool) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls between fork and exec
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: max_file as libc::rlim_t,
                rlim_max: max_file as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if ignore {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[cfg(unix)]
#[test]
fn failed_and_killed_writes_keep_the_previous_output() {
    use std::os::unix::process::ExitStatusExt;
    let d = tmp();
    let c = corpus(d.path(), 60);
    let c = c.to_str().unwrap();
    let out = d.path().join("out");
    let o = |name: &str| out.join(name).display().to_string();
    let (dot, csv, graphml, table, ex) = (
        o("g.dot"),
        o("neo4j"),
        o("net.graphml"),
        o("net.txt"),
        o("e.jsonl"),
    );
    let build = o("build");
    let cases: Vec<Vec<&str>> = vec![
        vec!["graph", "--format", "dot", "-o", &dot, c],
        vec!["graph", "--format", "csv", "-o", &csv, c],
        vec![
            "query",
            "mention-network",
            "-f",
            "graphml",
            "-o",
            &graphml,
            c,
        ],
        vec!["query", "mention-network", "-f", "table", "-o", &table, c],
        vec!["extract", "-o", &ex, c],
        vec!["build", "-o", &build, c],
    ];
    for args in &cases {
        // a complete run, then every file it wrote marked as the old one
        std::fs::create_dir_all(&out).unwrap();
        let o = qg(args);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
        let mut written = tree(&out);
        let largest = written.values().map(Vec::len).max().unwrap() as u64;
        assert!(
            largest > 1000,
            "{args:?}: {largest} bytes is too small a test"
        );
        for (rel, content) in written.iter_mut() {
            *content = format!("previous {rel}\n").into_bytes();
            std::fs::write(out.join(rel), &content).unwrap();
        }
        // a write fails halfway: exit 1, the old files, no temporary file
        let r = run_with_file_limit(args, largest / 2, true);
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("writing output"), "{args:?}: {stderr}");
        assert!(stderr.contains("too large"), "{args:?}: {stderr}");
        assert_eq!(tree(&out), written, "{args:?}: old files changed");
        // killed halfway through a write: the old files are still whole
        // (the temporary file of a process killed by SIGXFSZ stays)
        let r = run_with_file_limit(args, largest / 2, false);
        assert_eq!(r.status.signal(), Some(libc::SIGXFSZ), "{args:?}");
        let now = tree(&out);
        let kept: std::collections::BTreeMap<_, _> = now
            .iter()
            .filter(|(rel, _)| !is_temporary(rel))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(kept, written, "{args:?}: old files changed");
        std::fs::remove_dir_all(&out).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn signals_remove_temporary_files_and_keep_the_old_output() {
    use std::os::unix::process::ExitStatusExt;
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let d = tmp();
        let out = d.path().join("e.jsonl");
        std::fs::write(&out, "previous\n").unwrap();
        // stdin stays open: the run waits with its temporary file created
        let mut child = Command::new(BIN)
            .args(["extract", "-o", out.to_str().unwrap(), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(GOOD.as_bytes()).unwrap();
        let started = std::time::Instant::now();
        while !tree(d.path()).keys().any(|k| is_temporary(k)) {
            assert!(started.elapsed().as_secs() < 30, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // SAFETY: kill(2) on our own child's pid
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, sig) }, 0);
        let r = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(r.status.signal(), Some(sig), "ends as the signal would");
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert!(
            stderr.contains("interrupted; 1 unfinished output file removed"),
            "{stderr}"
        );
        let files = tree(d.path());
        assert_eq!(files.len(), 1, "signal {sig}: {:?}", files.keys());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
    }
}
