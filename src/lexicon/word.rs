//! What the lexicon knows about one word form: the classes it is in
//! ([`flags`], and the lists of `syntax.ron`), the reporting verb,
//! pronoun, title or demonym it is, and the multi-word entries it starts.

/// Bit flags for a word form: which lists it is in.
pub mod flags {
    /// A reporting verb form.
    pub const CUE_VERB: u32 = 1 << 0;
    /// First word of an "according to"-type phrase.
    pub const ACCORDING: u32 = 1 << 1;
    /// A communication noun.
    pub const CUE_NOUN: u32 = 1 << 2;
    /// A title or role word.
    pub const TITLE: u32 = 1 << 3;
    /// A person noun.
    pub const PERSON_NOUN: u32 = 1 << 4;
    /// A personal pronoun.
    pub const PRONOUN: u32 = 1 << 5;
    /// Determiner or quantifier.
    pub const DET: u32 = 1 << 6;
    /// Auxiliary or modal verb.
    pub const AUX: u32 = 1 << 7;
    /// Adverb.
    pub const ADV: u32 = 1 << 8;
    /// Preposition.
    pub const PREP: u32 = 1 << 9;
    /// Conjunction.
    pub const CONJ: u32 = 1 << 10;
    /// Month name.
    pub const MONTH: u32 = 1 << 11;
    /// Never a name even when capitalized.
    pub const NOT_NAME: u32 = 1 << 12;
    /// Abbreviation.
    pub const ABBREV: u32 = 1 << 13;
    /// Demonym.
    pub const DEMONYM: u32 = 1 << 14;
    /// Organization head noun.
    pub const ORG_HEAD: u32 = 1 << 15;
    /// Outlet noun ("media", "agency").
    pub const OUTLET_NOUN: u32 = 1 << 16;
    /// Honorific ("Mr.").
    pub const HONORIFIC: u32 = 1 << 17;
    /// Relative pronoun (who, which, that).
    pub const RELATIVE: u32 = 1 << 18;
    /// Time word ("Tuesday", "yesterday", "week").
    pub const TIME: u32 = 1 << 19;
    /// First word of some multi-word entry (with or without a final
    /// period): the only tokens worth a multi-word lookup.
    pub const MULTI_FIRST: u32 = 1 << 20;
    /// First word (exact form) of a multi-word cue ("according to",
    /// "went on to say"): a place where a rule pass may start.
    pub const MULTI_CUE_FIRST: u32 = 1 << 21;
    /// A given name (`names.ron`) that is no grammar, month or time word.
    pub const GIVEN_NAME: u32 = 1 << 22;
    /// An adjective or participle whose phrase may follow a person noun
    /// ("a source close to X", "officials familiar with X").
    pub const PERSON_POSTMODIFIER: u32 = 1 << 23;
}

/// Everything known about one lowercase word form.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    /// [`flags`] bits.
    pub flags: u32,
    /// Bits of the `syntax.ron` lists it is in.
    pub(crate) lists: u64,
    /// Index into [`Lexicon::verb`](super::Lexicon::verb) when a cue verb form.
    pub verb: Option<u32>,
    /// Index into [`Lexicon::pronouns`](super::Lexicon::pronouns) when a pronoun.
    pub pronoun: Option<u32>,
    /// Index into [`Lexicon::titles`](super::Lexicon::titles) when a title's (last) word.
    pub title: Option<u32>,
    /// Index into [`Lexicon::places`](super::Lexicon::places) when a demonym.
    pub demonym: Option<u32>,
    /// Id of the multi-word entries starting with this exact form
    /// ([`Lexicon::multi_list`](super::Lexicon::multi_list)).
    pub multi: Option<u32>,
}

/// A multi-word name or phrase in the lexicon, stored as lowercase words.
#[derive(Debug, Clone)]
pub struct MultiWord {
    /// Lowercase words.
    pub words: Vec<String>,
    /// What it names.
    pub target: MultiTarget,
}

impl MultiWord {
    /// The second word without its final period, as a token is compared
    /// with it; `None` for a single word.
    pub(crate) fn second(&self) -> Option<&str> {
        self.words.get(1).map(|w| w.trim_end_matches('.'))
    }
}

/// What a multi-word lexicon entry refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultiTarget {
    /// A verb + particle ("point out"): index into verbs.
    Verb(u32),
    /// An "according to" phrase: index into `cues.according`.
    According(u32),
    /// A nominal cue.
    Noun(u32),
    /// A title ("foreign minister").
    Title(u32),
    /// A known organization.
    Org(u32),
    /// A known place.
    Place(u32),
}
