//! What a rule produces: a draft attribution in token indices, before
//! entity resolution.

use crate::class::{AttributionClass, ContentType, Polarity};
use crate::mention::Np;
use crate::span::Span;

use super::id::RuleId;

/// A cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueWord {
    /// A reporting verb (index into the lexicon's verbs).
    Verb(u32),
    /// "according to"-type phrase (index into `cues.according`).
    According(u32),
    /// A colon introducing a quotation or a claim.
    Colon,
    /// A framing preposition ("In a new poll, …").
    Frame,
    /// A communication noun ("his claim that …").
    Noun,
}

/// An attribution before entity resolution, in token indices.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Speaker phrase.
    pub speaker: Option<Np>,
    /// Cue tokens `[start, end)`.
    pub cue: (usize, usize),
    /// The cue.
    pub cue_word: CueWord,
    /// Content fragments (bytes).
    pub content: Vec<Span>,
    /// Relaying outlet phrase.
    pub source: Option<Np>,
    /// Addressee phrase.
    pub addressee: Option<Np>,
    /// Rule id.
    pub rule: RuleId,
    /// Sentence of the cue.
    pub sent: usize,
    /// The rule took the cue's object as content ("endorsed Sanders"),
    /// whatever id it carries (a participle or a coordinated verb).
    pub object: bool,
    /// How the speaker relates to the content (set by the sense pass).
    pub class: AttributionClass,
    /// What the content is when it is not all quoted (set by the sense
    /// pass; the extractor makes it a quote when it is).
    pub content_type: ContentType,
    /// Affirmed, or negated ("did not say", "denied").
    pub polarity: Polarity,
}

impl Draft {
    /// A draft with no source or addressee.
    pub(crate) fn new(
        speaker: Option<Np>,
        cue: (usize, usize),
        cue_word: CueWord,
        content: Vec<Span>,
        rule: RuleId,
        sent: usize,
    ) -> Draft {
        Draft {
            speaker,
            cue,
            cue_word,
            content,
            source: None,
            addressee: None,
            rule,
            sent,
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        }
    }

    /// The token after the tag: after the last of its cue, speaker,
    /// addressee and source.
    pub(crate) fn tag_end(&self) -> usize {
        [self.speaker, self.addressee, self.source]
            .into_iter()
            .flatten()
            .fold(self.cue.1, |end, np| end.max(np.end))
    }
}
