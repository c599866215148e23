//! # quotegraph
//!
//! Who said what, to whom, and who reported it. quotegraph reads news text
//! and finds attributions — speaker, cue, content, the outlet that relayed
//! it (source) and the addressee — resolves who each speaker is, and
//! assembles them into a knowledge graph.
//!
//! ```
//! use quotegraph::{Document, Extractor};
//!
//! let text = "Russia is ready to talk, Lavrov told Carlson, as cited by TASS.";
//! let record = Extractor::default().extract(&Document::new("a.txt", text)).to_record();
//! let a = &record.attributions[0];
//! assert_eq!(a.speaker.as_ref().unwrap().text, "Lavrov");
//! assert_eq!(a.addressee.as_ref().unwrap().text, "Carlson");
//! assert_eq!(a.source.as_ref().unwrap().text, "TASS");
//! assert_eq!(a.content.text, "Russia is ready to talk");
//! ```
//!
//! Stages, one module each: `token` → `sentence` → `quote` → `mention` →
//! `rules` → `resolve` → [`extract`] (the stages before `extract` are the
//! crate's own; [`record`] is the output contract, [`class`] the kinds of
//! attribution, and [`eval`] scores records against brat gold);
//! [`graph`] assembles records into a knowledge graph and [`export`]
//! writes it for Graphviz, networkx, Gephi, Cytoscape.js, Neo4j and RDF
//! tools.
//!
//! Around them: [`input`] reads every kind of input, [`corpus`] is the one
//! path from inputs to records and a graph (with [`pipeline`] extracting
//! in parallel), [`render`] and [`build`] write what the command line
//! prints and the `build` directory, [`query`] answers questions, and
//! [`diff`] compares two extraction runs.

#![deny(missing_docs)]

// The stages inside extraction are the crate's own: the public API is
// `Extractor` and what it returns. The `internals` feature (for the
// per-stage benchmark, `cargo bench --features internals --bench stages`)
// makes them public, hidden from the docs, with no promise of stability.
// Each is declared twice, not through a macro, so that `cargo fmt`
// reaches their files.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod dateline;
#[cfg(not(feature = "internals"))]
mod dateline;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod mention;
#[cfg(not(feature = "internals"))]
mod mention;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod quote;
#[cfg(not(feature = "internals"))]
mod quote;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod resolve;
#[cfg(not(feature = "internals"))]
mod resolve;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod rules;
#[cfg(not(feature = "internals"))]
mod rules;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod sentence;
#[cfg(not(feature = "internals"))]
mod sentence;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod token;
#[cfg(not(feature = "internals"))]
mod token;

pub mod anatomy;
pub mod build;
pub mod claims;
pub mod class;
pub mod corpus;
pub mod date;
pub mod diff;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod query;
pub mod record;
pub mod render;
pub mod snapshot;
mod sorted;
pub mod span;

pub use class::{AttributionClass, ContentType, Polarity, Scope};
pub use error::{Error, Result};
pub use export::{Exporter, Format};
pub use extract::{Attribution, Cue, Document, Extraction, Extractor, MentionRef};
pub use graph::QuoteGraph;
pub use lexicon::Lexicon;
pub use record::{AttributionRecord, DocRecord, EntityKind, EntityRecord, QuoteKind};
pub use rules::{RuleId, RULES};
pub use span::Span;
