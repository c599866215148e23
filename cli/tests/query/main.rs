//! The query API on a corpus whose answers are known because we wrote it
//! (tests/fixtures/query/, invented people), on the founding article, and
//! through `quotegraph query`.
//!
//! The fixture world: Foreign Minister Mara Velsen tells journalist Piet
//! Oduya something (cited by Reuters) and mentions her spokesman Tomas
//! Reyk; Reyk (Velsen's spokesman) mentions Velsen and Finance Minister
//! Ines Calder, once cited by Reuters; Calder is cited by AFP and talks to
//! the BBC. Separately, Beatriz Lemos mentions Mayor Rui Tavira, and Jonas
//! and Clara Brandt each say one thing about nobody. At the BBC, editor
//! Hana Ruiz and correspondent Omar Field hold roles of the BBC, and two of
//! Ruiz's statements mention Field.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use quotegraph::export::Format;
use quotegraph::graph::{Edge, EdgeKind, Node, NodeData, NodeKind};
use quotegraph::query::{self, EntityRef, ToTable, Via};
use quotegraph::{Error, QuoteGraph};

const FIXTURES: &str = "tests/fixtures/query";
const FOUNDING: &str = "data/articles/000_lavrov_carlson_tass.txt";

/// Relative paths (and so document ids) are the repository's, as in the
/// README: the tests of this crate start in cli/, so move to the root once.
fn at_root() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .expect("repository root")
    });
}

fn fixtures() -> &'static QuoteGraph {
    static G: OnceLock<QuoteGraph> = OnceLock::new();
    at_root();
    G.get_or_init(|| query::load(&[FIXTURES]).expect("fixtures load"))
}

fn founding() -> &'static QuoteGraph {
    static G: OnceLock<QuoteGraph> = OnceLock::new();
    at_root();
    G.get_or_init(|| query::load(&[FOUNDING]).expect("founding article loads"))
}

/// `statement:tests/fixtures/query/<file>#<n>`.
fn st(file_n: &str) -> String {
    format!("statement:{FIXTURES}/{file_n}")
}

fn names(v: &[EntityRef]) -> Vec<&str> {
    v.iter().map(|e| e.name.as_str()).collect()
}

mod cli;
mod questions;
mod saved;
