//! What a rule produces: a draft attribution in token indices, before
//! entity resolution.

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
