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

/// `syntax.ron`: the small word lists that single patterns of the phrase
/// finder, the rules and the resolver test (see the file's comments for
/// what reads each).
#[derive(Debug, Clone, Deserialize)]
pub struct SyntaxLexicon {
    /// What may split off after an apostrophe as a clitic token ("'s", "'d", "'ll"), matched all lowercase or all capitals.
    pub clitics: Vec<String>,
    /// The possessive clitic ("'s", also written "’s").
    pub possessives: Vec<String>,
    /// Relative pronouns ("who", "which", "that").
    pub relatives: Vec<String>,
    /// Relative pronouns that can be a speaker ("…, who said").
    pub subject_relatives: Vec<String>,
    /// Lowercase words that may join the capitalized words of one name ("van", "bin").
    pub name_joiners: Vec<String>,
    /// Prepositions whose phrase belongs to a description before them ("the top aide of X").
    pub head_postmodifiers: Vec<String>,
    /// Determiners that do not make the noun after them a speaker's phrase ("that", "all").
    pub weak_determiners: Vec<String>,
    /// Articles, dropped from the front of a description used as an alias.
    pub articles: Vec<String>,
    /// Pronouns that may stand for an organization that has spoken ("it", "they").
    pub organization_pronouns: Vec<String>,
    /// Number words that count people ("six in 10").
    pub number_words: Vec<String>,
    /// Words between the two numbers of a ratio ("in", "of").
    pub ratio_words: Vec<String>,
    /// Words that head a quantity phrase standing for people ("half", "most").
    pub quantity_heads: Vec<String>,
    /// Words before a quantity that belong to it ("nearly", "a slim").
    pub quantity_modifiers: Vec<String>,
    /// Comparatives before "than" in a quantity ("more than half").
    pub comparatives: Vec<String>,
    /// Words before "of" that make the phrase after it part of a subject ("one of").
    pub partitives: Vec<String>,
    /// Determiners after which a cue word is still a verb ("that said", "all say").
    pub determiners_before_verbs: Vec<String>,
    /// Words that open a time phrase between a subject and its verb ("on Friday").
    pub time_openers: Vec<String>,
    /// Words in -ly that are not adverbs ("rally", "family").
    pub ly_non_adverbs: Vec<String>,
    /// Words in -ly that start a cue's content rather than modify it ("only").
    pub ly_content_words: Vec<String>,
    /// Manner and time adverbs that may follow a cue ("again", "later").
    pub cue_adverbs: Vec<String>,
    /// Words that make a time word after them a time phrase ("last week").
    pub relative_time: Vec<String>,
    /// Forms of "be" that make a participle progressive ("is saying").
    pub be_forms: Vec<String>,
    /// Forms of "be" that make a participle passive ("was quoted", "is expected").
    pub passive_be_forms: Vec<String>,
    /// Prepositions after a cue that begin its content ("that", "about").
    pub content_prepositions: Vec<String>,
    /// Nouns of an interview, whose "with"/"to" phrase names the addressee.
    pub interview_nouns: Vec<String>,
    /// Nouns of one interview between a speaker and the cue ("in an interview with").
    pub interview_asides: Vec<String>,
    /// Prepositions after an interview noun that name the partner ("with").
    pub partner_prepositions: Vec<String>,
    /// Participles before "by" naming a relaying outlet ("cited by").
    pub relay_participles: Vec<String>,
    /// Participles of citing ("cited X as saying", "was quoted as saying").
    pub citing_participles: Vec<String>,
    /// Relative pronouns that open a clause after a comma ("…, who votes …").
    pub clause_relatives: Vec<String>,
    /// Prepositions that tie a place or body to a name ("Zeldin of New York").
    pub name_postmodifiers: Vec<String>,
    /// Words that carry an inverted speaker's phrase on ("…, said X, who …").
    pub speaker_continuations: Vec<String>,
    /// Words that open a subordinate clause, so the phrase after them is a subject.
    pub subordinators: Vec<String>,
    /// Words opening a fronted subordinate clause whose report ends at its comma.
    pub fronted_subordinators: Vec<String>,
    /// Words a sentence may open with before a fronted clause ("But while").
    pub sentence_lead_ins: Vec<String>,
    /// Words that can be the subject opening a content clause ("there", "nothing").
    pub clause_subjects: Vec<String>,
    /// Words that open a wh-complement ("whether", "how").
    pub wh_words: Vec<String>,
    /// Relative words standing for what a cue describes ("which … described as").
    pub object_relatives: Vec<String>,
    /// Reflexive objects that are no report with `reflexive_idiom_verbs`.
    pub reflexives: Vec<String>,
    /// Particles after a verb that start no object ("off", "down").
    pub particles: Vec<String>,
    /// Conjunctions that join a second verb phrase or clause ("and", "but").
    pub coordinators: Vec<String>,
    /// Conjunctions after a comma that begin a clause with its own subject.
    pub clause_coordinators: Vec<String>,
    /// Words after a comma where the author's own words begin ("while", "despite").
    pub author_openers: Vec<String>,
    /// Prepositions of a dated adjunct that ends object content ("in October").
    pub date_prepositions: Vec<String>,
    /// Verbs of impression ("seemed", "appears").
    pub seem_verbs: Vec<String>,
    /// Words after a verb of impression that open it ("to", "like").
    pub seem_complements: Vec<String>,
    /// Words before "asked" that make it a frame ("when asked").
    pub asked_openers: Vec<String>,
    /// Nouns of studies and records that frame a sentence ("In a new poll, …").
    pub frame_nouns: Vec<String>,
    /// Prepositions between a headline's speaker and its topic ("X to Y: …").
    pub headline_topics: Vec<String>,
    /// Lemmas of verbs whose passive raises the reported subject ("is expected to").
    pub raising_verbs: Vec<String>,
    /// Lemmas of verbs of citing ("cite", "quote").
    pub citing_verbs: Vec<String>,
    /// Lemmas of verbs whose reflexive object is no report ("found himself").
    pub reflexive_idiom_verbs: Vec<String>,
}
