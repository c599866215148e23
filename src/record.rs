//! The output contract: one [`DocRecord`] per document, as written by
//! `quotegraph extract --format jsonl` and read back by `graph --from-jsonl`.
//!
//! Spans here are `[start, end)` in Unicode **code points** of the input
//! text, and every `text` field equals the slice at its span. Content may be
//! discontinuous: `content.spans` lists every fragment, `content.span` is the
//! first fragment, and `content.text` is the fragments' texts joined by one
//! space.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::class::{AttributionClass, ContentType, Polarity};

/// Everything extracted from one document.
///
/// Two records are equal when everything written out is: the in-memory
/// [`sentences`](Self::sentences) are left out of the comparison, so a
/// record read back from JSONL equals the one that was written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocRecord {
    /// The document's name: the path as given, `-` for stdin, or the id
    /// field of a JSONL input line.
    pub doc: String,
    /// Place and date line at the start of the article, when it has one.
    pub dateline: Option<DatelineRecord>,
    /// Every entity that a speaker, source, addressee or content mention
    /// resolves to, in order of first appearance.
    pub entities: Vec<EntityRecord>,
    /// Attributions in text order.
    pub attributions: Vec<AttributionRecord>,
    /// Extra fields carried through from the input (JSONL inputs: `date`,
    /// `url`, `outlet`…). Omitted when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, serde_json::Value>,
    /// Code-point spans of the document's sentences (the body's, after the
    /// dateline), in order, when the record was extracted in this process:
    /// kept in memory only (never written, so empty in a record read back
    /// from JSONL), for the statements' sentence context in a graph
    /// ([`QuoteGraph::attach_text`](crate::QuoteGraph::attach_text)).
    #[serde(skip)]
    pub sentences: Vec<[usize; 2]>,
}

impl PartialEq for DocRecord {
    fn eq(&self, other: &DocRecord) -> bool {
        // every field but the in-memory sentences (named, so a new field
        // cannot be forgotten here)
        let DocRecord {
            doc,
            dateline,
            entities,
            attributions,
            meta,
            sentences: _,
        } = self;
        *doc == other.doc
            && *dateline == other.dateline
            && *entities == other.entities
            && *attributions == other.attributions
            && *meta == other.meta
    }
}

/// An article's dateline ("Moscow \[Russia\], December 6 :").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatelineRecord {
    /// The dateline as written.
    pub text: String,
    /// Its span in code points.
    pub span: [usize; 2],
    /// The place named, if any.
    pub place: Option<String>,
    /// The date, ISO `YYYY-MM-DD` when the year is known, else as written.
    pub date: Option<String>,
    /// The place's entity id, if the place resolved to one.
    #[serde(default)]
    pub place_entity: Option<String>,
    /// The wire service the dateline names ("Reuters" in "DENVER, March 3
    /// (Reuters) -"): the document's source. Omitted when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organization, including news outlets.
    Organization,
    /// A country, city or region.
    Place,
}

impl EntityKind {
    /// The lowercase name used in ids and output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A resolved entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Stable, human-readable id: `person:sergey-lavrov`.
    pub id: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Canonical name: the longest proper name seen.
    pub name: String,
    /// Other names and descriptions that referred to it in the document.
    pub aliases: Vec<String>,
    /// Titles and roles ("foreign minister" of Russia).
    pub roles: Vec<RoleRecord>,
    /// True for news outlets and agencies (they relay statements).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outlet: bool,
    /// True when no proper name was seen: a first- or second-person
    /// pronoun ("I", "we", "you") or a description of people ("the
    /// teachers", "officials"). The graph makes no node of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unnamed: bool,
    /// Code-point spans of every mention of it in the document (names,
    /// pronouns, descriptions), in text order.
    #[serde(default)]
    pub mentions: Vec<[usize; 2]>,
}

/// A title held by a person, optionally of another entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleRecord {
    /// The title: "foreign minister", "spokesman".
    pub title: String,
    /// Entity id of what the title is of (Russia, Putin), if known.
    pub of: Option<String>,
}

/// Direct (all quoted), indirect (no quotes) or mixed content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The content is a quotation.
    Direct,
    /// The content is reported speech without quotation marks.
    Indirect,
    /// Reported speech with quoted parts.
    Mixed,
}

impl QuoteKind {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A mention of an entity: a speaker, source or addressee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The words as written ("He", "the top Russian diplomat").
    pub text: String,
    /// Code-point span.
    pub span: [usize; 2],
    /// The entity it resolves to.
    pub entity: Option<String>,
}

/// The reporting word or phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueRecord {
    /// The cue as written ("pointed out", "according to").
    pub text: String,
    /// Code-point span.
    pub span: [usize; 2],
    /// Lemma ("point out", "according to", "say").
    pub lemma: String,
}

/// The attributed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentRecord {
    /// Fragments' texts joined by one space.
    pub text: String,
    /// The first fragment.
    pub span: [usize; 2],
    /// Every fragment, in text order.
    pub spans: Vec<[usize; 2]>,
}

/// One attribution: speaker, cue, content, source and addressee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    /// `a1`, `a2`… in text order within the document.
    pub id: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// How the speaker relates to the content: speech, writing, cognition,
    /// evidence, intention, request or perception (records written before
    /// it existed read as speech).
    #[serde(default)]
    pub class: AttributionClass,
    /// What the content is: quote, clause, topic, infinitive or question
    /// (clause when missing).
    #[serde(default)]
    pub content_type: ContentType,
    /// Affirmed or negated (affirmed when missing).
    #[serde(default)]
    pub polarity: Polarity,
    /// Who is reported as saying it.
    pub speaker: Option<MentionRecord>,
    /// The reporting word or phrase.
    pub cue: CueRecord,
    /// The claim.
    pub content: ContentRecord,
    /// The outlet or channel that relayed it ("TASS").
    pub source: Option<MentionRecord>,
    /// Whom it was said to ("Carlson").
    pub addressee: Option<MentionRecord>,
    /// Entity ids named in the content.
    pub mentions: Vec<String>,
    /// Id of the rule that produced it.
    pub rule: String,
}

impl DocRecord {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&EntityRecord> {
        self.entities.iter().find(|e| e.id == id)
    }
}
