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

/// Bits for the word lists of `syntax.ron` a word form is in
/// ([`WordInfo::lists`], copied to each token), one per list, named as
/// the list.
pub(crate) mod lists {
    /// `possessives`.
    pub(crate) const POSSESSIVES: u64 = 1 << 0;
    /// `subject_relatives`.
    pub(crate) const SUBJECT_RELATIVES: u64 = 1 << 1;
    /// `name_joiners`.
    pub(crate) const NAME_JOINERS: u64 = 1 << 2;
    /// `head_postmodifiers`.
    pub(crate) const HEAD_POSTMODIFIERS: u64 = 1 << 3;
    /// `weak_determiners`.
    pub(crate) const WEAK_DETERMINERS: u64 = 1 << 4;
    /// `articles`.
    pub(crate) const ARTICLES: u64 = 1 << 5;
    /// `organization_pronouns`.
    pub(crate) const ORGANIZATION_PRONOUNS: u64 = 1 << 6;
    /// `number_words`.
    pub(crate) const NUMBER_WORDS: u64 = 1 << 7;
    /// `ratio_words`.
    pub(crate) const RATIO_WORDS: u64 = 1 << 8;
    /// `quantity_heads`.
    pub(crate) const QUANTITY_HEADS: u64 = 1 << 9;
    /// `quantity_modifiers`.
    pub(crate) const QUANTITY_MODIFIERS: u64 = 1 << 10;
    /// `comparatives`.
    pub(crate) const COMPARATIVES: u64 = 1 << 11;
    /// `partitives`.
    pub(crate) const PARTITIVES: u64 = 1 << 12;
    /// `determiners_before_verbs`.
    pub(crate) const DETERMINERS_BEFORE_VERBS: u64 = 1 << 13;
    /// `time_openers`.
    pub(crate) const TIME_OPENERS: u64 = 1 << 14;
    /// `ly_non_adverbs`.
    pub(crate) const LY_NON_ADVERBS: u64 = 1 << 15;
    /// `ly_content_words`.
    pub(crate) const LY_CONTENT_WORDS: u64 = 1 << 16;
    /// `cue_adverbs`.
    pub(crate) const CUE_ADVERBS: u64 = 1 << 17;
    /// `relative_time`.
    pub(crate) const RELATIVE_TIME: u64 = 1 << 18;
    /// `be_forms`.
    pub(crate) const BE_FORMS: u64 = 1 << 19;
    /// `content_prepositions`.
    pub(crate) const CONTENT_PREPOSITIONS: u64 = 1 << 20;
    /// `interview_nouns`.
    pub(crate) const INTERVIEW_NOUNS: u64 = 1 << 21;
    /// `relay_participles`.
    pub(crate) const RELAY_PARTICIPLES: u64 = 1 << 22;
    /// `citing_participles`.
    pub(crate) const CITING_PARTICIPLES: u64 = 1 << 23;
    /// `clause_relatives`.
    pub(crate) const CLAUSE_RELATIVES: u64 = 1 << 24;
    /// `name_postmodifiers`.
    pub(crate) const NAME_POSTMODIFIERS: u64 = 1 << 25;
    /// `speaker_continuations`.
    pub(crate) const SPEAKER_CONTINUATIONS: u64 = 1 << 26;
    /// `subordinators`.
    pub(crate) const SUBORDINATORS: u64 = 1 << 27;
    /// `fronted_subordinators`.
    pub(crate) const FRONTED_SUBORDINATORS: u64 = 1 << 28;
    /// `sentence_lead_ins`.
    pub(crate) const SENTENCE_LEAD_INS: u64 = 1 << 29;
    /// `clause_subjects`.
    pub(crate) const CLAUSE_SUBJECTS: u64 = 1 << 30;
    /// `wh_words`.
    pub(crate) const WH_WORDS: u64 = 1 << 31;
    /// `object_relatives`.
    pub(crate) const OBJECT_RELATIVES: u64 = 1 << 32;
    /// `reflexives`.
    pub(crate) const REFLEXIVES: u64 = 1 << 33;
    /// `particles`.
    pub(crate) const PARTICLES: u64 = 1 << 34;
    /// `coordinators`.
    pub(crate) const COORDINATORS: u64 = 1 << 35;
    /// `clause_coordinators`.
    pub(crate) const CLAUSE_COORDINATORS: u64 = 1 << 36;
    /// `author_openers`.
    pub(crate) const AUTHOR_OPENERS: u64 = 1 << 37;
    /// `date_prepositions`.
    pub(crate) const DATE_PREPOSITIONS: u64 = 1 << 38;
    /// `seem_verbs`.
    pub(crate) const SEEM_VERBS: u64 = 1 << 39;
    /// `asked_openers`.
    pub(crate) const ASKED_OPENERS: u64 = 1 << 40;
    /// `frame_nouns`.
    pub(crate) const FRAME_NOUNS: u64 = 1 << 41;
    /// `headline_topics`.
    pub(crate) const HEADLINE_TOPICS: u64 = 1 << 42;
    /// `partner_prepositions`.
    pub(crate) const PARTNER_PREPOSITIONS: u64 = 1 << 43;
    /// `seem_complements`.
    pub(crate) const SEEM_COMPLEMENTS: u64 = 1 << 44;
    /// `interview_asides`.
    pub(crate) const INTERVIEW_ASIDES: u64 = 1 << 45;
    /// `passive_be_forms`.
    pub(crate) const PASSIVE_BE_FORMS: u64 = 1 << 46;
}

/// Bits for the verb lists of `syntax.ron` (lemmas) a reporting verb is
/// in ([`Lexicon::verb_in`](super::Lexicon::verb_in)).
pub(crate) mod verb_lists {
    /// `raising_verbs`.
    pub(crate) const RAISING: u8 = 1 << 0;
    /// `citing_verbs`.
    pub(crate) const CITING: u8 = 1 << 1;
    /// `reflexive_idiom_verbs`.
    pub(crate) const REFLEXIVE_IDIOM: u8 = 1 << 2;
}
