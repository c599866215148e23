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

/// Examples that are not questions about data/articles (they take
/// arguments, generate corpora or time things), so they have no snapshot;
/// `.ci/run` runs `extract_one` (its output is the founding article's
/// attributions, which `snapshots/000_*.snap` already holds).
const NOT_SNAPSHOTTED: &[&str] = &["graph_bench", "gen_corpus", "extract_one"];

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

#[test]
fn every_example_is_snapshotted() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".rs").map(str::to_string)
        })
        .filter(|n| !NOT_SNAPSHOTTED.contains(&n.as_str()))
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
