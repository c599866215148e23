//! Every question example in `examples/` runs on `data/articles/`, and its
//! output is snapshotted in `snapshots/example_<name>.snap`.
//!
//! Each example is a thin `main` around `pub fn report(&QuoteGraph) ->
//! Result<String>`; this test includes the example file as a module and
//! calls the same `report`, so what is snapshotted is exactly what
//! `cargo run --example <name>` prints. After a deliberate change (new
//! articles, better extraction rules), review and accept with
//! `INSTA_UPDATE=always cargo test --release --test examples_snapshots`.

use std::sync::OnceLock;

use quotegraph::{query, QuoteGraph};

macro_rules! examples {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let out = examples::$name::report(articles()).expect(stringify!($name));
                snapshot(stringify!($name), &out);
            }
        )*

        /// Every example above, so a new file in examples/ is not forgotten.
        const SNAPSHOTTED: &[&str] = &[$(stringify!($name)),*];
    };
}

/// The example files themselves; their `main`s go unused here.
#[allow(dead_code)]
#[path = "../examples"]
mod examples {
    pub mod components_roles;
    pub mod ego_network;
    pub mod path;
    pub mod provenance;
    pub mod talks_about;
    pub mod top_speakers;
    pub mod who_said;
}

examples!(
    who_said,
    provenance,
    talks_about,
    path,
    top_speakers,
    ego_network,
    components_roles,
);

/// The graph of data/articles/, as the examples load it (the test runs in
/// the crate root, like `cargo run --example`).
fn articles() -> &'static QuoteGraph {
    static G: OnceLock<QuoteGraph> = OnceLock::new();
    G.get_or_init(|| query::load(&["data/articles"]).expect("data/articles loads"))
}

fn snapshot(name: &str, out: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!("cargo run --example {name}"));
    settings.bind(|| insta::assert_snapshot!(format!("example_{name}"), out));
}

/// Every example that answers a question (it has a `report` over a
/// graph) is snapshotted; other examples (benchmarks, generators) are not.
#[test]
fn every_question_example_is_snapshotted() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".rs")?.to_string();
            let src = std::fs::read_to_string(&path).ok()?;
            src.contains("pub fn report(g: &QuoteGraph)")
                .then_some(name)
        })
        .collect();
    found.sort();
    let mut listed: Vec<&str> = SNAPSHOTTED.to_vec();
    listed.sort();
    assert_eq!(found, listed, "add new examples to examples!(…) above");
}

#[test]
fn examples_are_short_and_documented() {
    for name in SNAPSHOTTED {
        let path = format!("{}/examples/{name}.rs", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).unwrap();
        assert!(src.starts_with("//! "), "{name}: no doc comment at the top");
        assert!(
            src.contains(&format!("cargo run --example {name}")),
            "{name}: the doc comment should say how to run it"
        );
        let lines = src.lines().count();
        assert!(lines <= 60, "{name}: {lines} lines");
    }
}

/// The example outputs shown in README.md and docs/query.md are the
/// snapshots, so the docs cannot drift from what the examples print.
///
/// The convention: a fenced block shows an example's output when the
/// paragraph right above it (its lines up to the blank line before the
/// fence) names `cargo run --example NAME` or `cargo run --release
/// --example NAME`; the block must then be exactly the body of
/// `snapshots/example_NAME.snap`. A paragraph naming two examples above a
/// fence is an error. After re-accepting example snapshots, refresh the
/// blocks with `QG_UPDATE_DOCS=1 cargo test --release --test
/// examples_snapshots` and read the diff.
#[test]
fn example_outputs_in_the_docs_are_the_snapshots() {
    let root = env!("CARGO_MANIFEST_DIR");
    let update = std::env::var_os("QG_UPDATE_DOCS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for (doc, at_least) in [("README.md", 2), ("docs/query.md", 2)] {
        let path = format!("{root}/{doc}");
        let text = std::fs::read_to_string(&path).unwrap();
        let blocks = example_blocks(&text).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let mut shown: Vec<&str> = blocks.iter().map(|b| b.example.as_str()).collect();
        shown.sort();
        shown.dedup();
        assert!(
            shown.len() >= at_least,
            "{doc} shows the output of {shown:?}: at least {at_least} examples wanted"
        );
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        // from the last block up, so line numbers above stay valid
        for b in blocks.iter().rev() {
            let snap = format!("{root}/snapshots/example_{}.snap", b.example);
            let snap = std::fs::read_to_string(&snap).unwrap();
            let body = snapshot_body(&snap);
            let shown = lines[b.body.clone()].join("\n");
            if shown.trim_end() != body {
                if update {
                    lines.splice(b.body.clone(), body.lines().map(str::to_string));
                } else {
                    failures.push(format!(
                        "{doc}:{}: the output of `cargo run --example {}` is not \
                         snapshots/example_{}.snap; it prints:\n{body}\n",
                        b.body.start, b.example, b.example
                    ));
                }
            }
        }
        if update {
            std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        }
    }
    assert!(
        failures.is_empty(),
        "{}(QG_UPDATE_DOCS=1 rewrites these blocks)",
        failures.concat()
    );
}

/// A fenced block introduced as an example's output.
#[derive(Debug, PartialEq)]
struct ExampleBlock {
    /// The example's name.
    example: String,
    /// The block's lines (0-based, fences excluded).
    body: std::ops::Range<usize>,
}

/// Every fenced block whose paragraph above names one `--example NAME`
/// after `cargo run`.
fn example_blocks(text: &str) -> Result<Vec<ExampleBlock>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with("```") {
            i += 1;
            continue;
        }
        let open = i;
        let close = (open + 1..lines.len())
            .find(|&j| lines[j].starts_with("```"))
            .ok_or_else(|| format!("line {}: unclosed fence", open + 1))?;
        // the paragraph above: skip blank lines, then take lines up to
        // the next blank line or fence
        let mut j = open;
        while j > 0 && lines[j - 1].trim().is_empty() {
            j -= 1;
        }
        let end = j;
        while j > 0 && !lines[j - 1].trim().is_empty() && !lines[j - 1].starts_with("```") {
            j -= 1;
        }
        let para = lines[j..end].join(" ");
        let names: Vec<&str> = para
            .match_indices("--example ")
            .filter(|(at, _)| para[..*at].contains("cargo run"))
            .filter_map(|(at, m)| {
                para[at + m.len()..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
            })
            .collect();
        match names.as_slice() {
            [] => {}
            [name] => out.push(ExampleBlock {
                example: name.to_string(),
                body: open + 1..close,
            }),
            more => {
                return Err(format!(
                    "line {}: the paragraph above the block names {more:?}: name one example",
                    open + 1
                ))
            }
        }
        i = close + 1;
    }
    Ok(out)
}

/// An insta snapshot file without its `---` header, trailing blank lines
/// trimmed.
fn snapshot_body(snap: &str) -> &str {
    let rest = snap.strip_prefix("---\n").expect("an insta header");
    let at = rest.find("\n---\n").expect("the header's end");
    rest[at + 5..].trim_end()
}

#[test]
fn example_blocks_follow_the_convention() {
    let doc = "Intro naming `cargo run --example a_b` in passing.\n\nno fence here\n\n\
               `cargo run --release --example path` prints:\n\n```text\nx\ny\n```\n\n\
               A plain block:\n\n```\nz\n```\n";
    assert_eq!(
        example_blocks(doc).unwrap(),
        [ExampleBlock {
            example: "path".into(),
            body: 7..9
        }]
    );
    let two = "`cargo run --example a` and `cargo run --example b`:\n\n```\nx\n```\n";
    assert!(example_blocks(two).unwrap_err().contains("[\"a\", \"b\"]"));
    assert_eq!(
        snapshot_body("---\nsource: x\ndescription: y\n---\nline\n\n"),
        "line"
    );
}
