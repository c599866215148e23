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
//! Stages, one module each: [`token`] → [`sentence`] → [`quote`] →
//! [`mention`] → [`rules`] → [`resolve`] → [`extract`] (and [`record`] for
//! the output contract; [`eval`] scores them against brat gold);
//! [`graph`] assembles records into a knowledge graph and [`export`]
//! writes it for Graphviz, networkx, Gephi, Cytoscape.js, Neo4j and RDF
//! tools.
//!
//! Around them: [`input`] reads every kind of input, [`corpus`] is the one
//! path from inputs to records and a graph (with [`pipeline`] extracting
//! in parallel), [`render`] and [`build`] write what the command line
//! prints and the `build` directory, [`query`] answers questions.

#![deny(missing_docs)]

pub mod build;
pub mod claims;
pub mod class;
pub mod corpus;
pub mod date;
pub mod dateline;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod mention;
pub mod output;
pub mod pipeline;
pub mod query;
pub mod quote;
pub mod record;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod sentence;
pub mod span;
pub mod token;

pub use class::{AttributionClass, ContentType, Polarity, Scope};
pub use error::{Error, Result};
pub use export::{Exporter, Format};
pub use extract::{Attribution, Cue, Document, Extraction, Extractor, MentionRef};
pub use graph::QuoteGraph;
pub use lexicon::Lexicon;
pub use record::{AttributionRecord, DocRecord, EntityKind, EntityRecord, QuoteKind};
pub use rules::RuleId;
pub use span::Span;
