//! The lexicon files as they are written: one struct per RON file in
//! `data/lexicon/`.

use serde::Deserialize;

/// How a cue relates its speaker to its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
pub enum CueClass {
    /// Verbs of saying: say, tell, note, claim. Take quotes, inversion,
    /// and clausal content.
    #[default]
    Speech,
    /// Verbs of thinking and knowing: believe, think, fear, expect.
    Belief,
    /// Verbs of wanting and planning, with a `to`-infinitive: want, plan, refuse.
    Intention,
    /// Evidence and findings: show, find, indicate, suggest (of reports).
    Evidence,
}

/// A sense a cue verb reports besides its [`CueClass`]: what
/// [`AttributionClass`](crate::class::AttributionClass) it gives when its
/// frame does not decide otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum CueSense {
    /// Written, not spoken: write, tweet, post, email.
    Writing,
    /// Asks for something to be done: urge, demand, call on, implore.
    Request,
    /// Perceived: notice, watch, witness, seem, appear.
    Perception,
}

/// One reporting verb (or verb + particle, "point out").
#[derive(Debug, Clone, Deserialize)]
pub struct VerbEntry {
    /// Base form: "say", "point out".
    pub lemma: String,
    /// Inflected forms (the lemma itself need not be repeated).
    #[serde(default)]
    pub forms: Vec<String>,
    /// Semantic class.
    #[serde(default)]
    pub class: CueClass,
    /// Takes a person object who is the addressee ("told Carlson", "assured
    /// him", "warned reporters").
    #[serde(default)]
    pub addressee_object: bool,
    /// Needs an explicit complement (`that`, a quote, or `to`) to count;
    /// such verbs never fire in the inverted "…, X verb." pattern.
    #[serde(default)]
    pub needs_complement: bool,
    /// Takes a to-infinitive as content ("promised to act", "urged them to
    /// act"); Intention verbs always do.
    #[serde(default)]
    pub infinitive: bool,
    /// Its object is the content ("endorsed Sanders", "called the plan a
    /// mistake").
    #[serde(default)]
    pub object: bool,
    /// Never takes a bare clause without "that" as content: "continued
    /// her attack", "responded to the request", "added to his lead" are
    /// not reports, though "added that …" and "…, he added." are.
    #[serde(default)]
    pub no_bare_clause: bool,
    /// The attribution class it reports when not its [`CueClass`]'s
    /// ("write": writing, "urge": a request).
    #[serde(default)]
    pub sense: Option<CueSense>,
    /// Reports that the speaker denies the content ("deny", "refute"):
    /// the attribution's polarity is negated.
    #[serde(default)]
    pub negative: bool,
}

/// A multi-word or nominal cue ("according to", "in a statement").
#[derive(Debug, Clone, Deserialize)]
pub struct PhraseEntry {
    /// Canonical form.
    pub lemma: String,
    /// Surface forms, lowercase, words separated by single spaces.
    #[serde(default)]
    pub forms: Vec<String>,
}

/// `cues.ron`: every cue the rules know.
#[derive(Debug, Clone, Deserialize)]
pub struct CueLexicon {
    /// Reporting verbs.
    pub verbs: Vec<VerbEntry>,
    /// Prepositional cues whose object is the speaker: "according to X",
    /// "as per X".
    pub according: Vec<PhraseEntry>,
    /// Nouns of communication that can stand as cues ("statement",
    /// "remarks", "interview").
    pub nouns: Vec<PhraseEntry>,
}

/// A title or role noun ("foreign minister", "spokesman").
#[derive(Debug, Clone, Deserialize)]
pub struct TitleEntry {
    /// The title, lowercase.
    pub title: String,
    /// Other spellings and plurals.
    #[serde(default)]
    pub forms: Vec<String>,
    /// "male", "female" or absent.
    #[serde(default)]
    pub gender: Option<String>,
    /// True for honorific titles written before names ("Mr.", "Gov.").
    #[serde(default)]
    pub honorific: bool,
    /// What a later description may call the holder: a "foreign minister"
    /// is also "the minister" and "the top diplomat".
    #[serde(default)]
    pub implies: Vec<String>,
}

/// `titles.ron`.
#[derive(Debug, Clone, Deserialize)]
pub struct TitleLexicon {
    /// Titles and roles.
    pub titles: Vec<TitleEntry>,
    /// Nouns for people that are not titles but can be speakers
    /// ("officials", "sources", "analysts", "residents").
    pub person_nouns: Vec<String>,
    /// Person nouns that name things, not people or bodies ("poll",
    /// "study", "data"): a speaker headed by one is no unnamed person.
    #[serde(default)]
    pub thing_nouns: Vec<String>,
}

/// A known organization.
#[derive(Debug, Clone, Deserialize)]
pub struct OrgEntry {
    /// Canonical name.
    pub name: String,
    /// Other names ("TASS news agency").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A news outlet or agency (relays statements).
    #[serde(default)]
    pub outlet: bool,
}

/// `organizations.ron`.
#[derive(Debug, Clone, Deserialize)]
pub struct OrgLexicon {
    /// Known organizations.
    pub organizations: Vec<OrgEntry>,
    /// Head nouns that make a capitalized phrase an organization
    /// ("Ministry", "Party", "Agency", "News").
    pub org_heads: Vec<String>,
    /// Generic outlet descriptions ("state media", "news agency").
    pub outlet_nouns: Vec<String>,
}

/// A known place.
#[derive(Debug, Clone, Deserialize)]
pub struct PlaceEntry {
    /// Canonical name.
    pub name: String,
    /// Other names ("US", "U.S.", "America").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives of the place ("Russian", "American").
    #[serde(default)]
    pub demonyms: Vec<String>,
}

/// `places.ron`.
#[derive(Debug, Clone, Deserialize)]
pub struct PlaceLexicon {
    /// Known places.
    pub places: Vec<PlaceEntry>,
}

/// A personal pronoun.
#[derive(Debug, Clone, Deserialize)]
pub struct PronounEntry {
    /// The form, lowercase.
    pub form: String,
    /// "male", "female", "neuter" or "any".
    pub gender: String,
    /// True for plural forms.
    #[serde(default)]
    pub plural: bool,
    /// True for subject forms usable as speakers (he, she, they).
    #[serde(default)]
    pub subject: bool,
    /// True for possessives (his, her, their).
    #[serde(default)]
    pub possessive: bool,
}

/// `pronouns.ron`.
#[derive(Debug, Clone, Deserialize)]
pub struct PronounLexicon {
    /// Personal pronouns.
    pub pronouns: Vec<PronounEntry>,
}

/// `grammar.ron`: closed-class words the rules look at.
#[derive(Debug, Clone, Deserialize)]
pub struct GrammarLexicon {
    /// Abbreviations that end with a period but do not end a sentence.
    pub abbreviations: Vec<String>,
    /// Determiners and quantifiers.
    pub determiners: Vec<String>,
    /// Auxiliary and modal verbs.
    pub auxiliaries: Vec<String>,
    /// Adverbs that may sit between a subject and its verb ("also", "later").
    pub adverbs: Vec<String>,
    /// Prepositions.
    pub prepositions: Vec<String>,
    /// Conjunctions and other clause openers.
    pub conjunctions: Vec<String>,
    /// Month names (datelines).
    pub months: Vec<String>,
    /// Time words that may follow a cue ("said Tuesday").
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Capitalized words that are never names (sentence-initial function
    /// words, weekdays).
    pub not_names: Vec<String>,
}

/// `names.ron`: given names, lowercase: evidence that a capitalized name
/// names a person ("Maria Lopez", not "Wells Fargo"). Generated from the
/// public-domain 1990 US Census first-name lists by
/// `scripts/make_given_names.py`.
#[derive(Debug, Clone, Deserialize)]
pub struct NameLexicon {
    /// Given names of men.
    pub male: Vec<String>,
    /// Given names of women.
    pub female: Vec<String>,
    /// Given names the census lists lack (from other countries).
    #[serde(default)]
    pub other: Vec<String>,
    /// Common English words that are no given names:
    /// evidence that a capitalized name made only of them ("Little
    /// Relief", "Zero Hedge") is no person's. Sorted when compiled.
    #[serde(default)]
    pub common: Vec<String>,
}

/// `anatomy.ron`: the words that mark the parts of a news page around its
/// body ([`crate::anatomy`]). Lowercase.
#[derive(Debug, Clone, Deserialize)]
pub struct AnatomyLexicon {
    /// Words after an apostrophe that make it an elision ('n', 'tis).
    pub elisions: Vec<String>,
    /// Caption and credit labels before a colon ("picture", "image credit").
    pub captions: Vec<String>,
    /// Bracketed credits that end a caption line ("ap photo").
    pub caption_credits: Vec<String>,
    /// Headers of lists of other stories ("related stories", "read more").
    pub related: Vec<String>,
    /// Tag and category labels before a colon.
    pub tags: Vec<String>,
    /// Labels of embedded videos and galleries ("watch").
    pub embeds: Vec<String>,
    /// Headers that open press-release boilerplate.
    pub boilerplate: Vec<String>,
    /// Words that open a byline ("by").
    pub bylines: Vec<String>,
    /// Bylines without a name, each a whole line ("staff reporter").
    #[serde(default)]
    pub staff_bylines: Vec<String>,
    /// Labels of metadata lines ("published", "updated").
    pub metadata: Vec<String>,
    /// Question markers of interviews ("q", "question").
    pub questions: Vec<String>,
    /// Answer markers of interviews ("a", "answer").
    pub answers: Vec<String>,
}
