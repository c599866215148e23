//! `syntax.ron`: the small word lists that single patterns of the phrase
//! finder, the rules and the resolver test (the file's comments say what
//! reads each). Each list is declared once below: a list of word forms
//! becomes a bit that every token of those forms carries
//! ([`lists`]); the rest are read as they are.

use serde::Deserialize;

/// Declares [`SyntaxLexicon`], the [`lists`] bits and the table between
/// them from one line per list: its field and, for a list of word forms,
/// its bit.
macro_rules! syntax_lists {
    (
        bits { $($(#[doc = $doc:literal])* $field:ident => $bit:ident;)* }
        others { $($(#[doc = $odoc:literal])* $other:ident;)* }
    ) => {
        /// `syntax.ron`: the small word lists that single patterns of the
        /// phrase finder, the rules and the resolver test.
        #[derive(Debug, Clone, Deserialize)]
        pub struct SyntaxLexicon {
            $($(#[doc = $doc])* pub $field: Vec<String>,)*
            $($(#[doc = $odoc])* pub $other: Vec<String>,)*
        }

        /// Bits for the word lists of `syntax.ron` a word form is in
        /// ([`WordInfo::lists`](super::WordInfo), copied to each token),
        /// one per list, named as the list.
        pub(crate) mod lists {
            /// The bits' positions.
            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            enum Bit {
                $($bit,)*
            }
            $(
                #[doc = concat!("`", stringify!($field), "`.")]
                pub(crate) const $bit: u64 = 1 << Bit::$bit as u32;
            )*
        }

        impl SyntaxLexicon {
            /// Each list of word forms with its bit.
            pub(super) fn token_lists(&self) -> impl Iterator<Item = (&[String], u64)> {
                [$((self.$field.as_slice(), lists::$bit),)*].into_iter()
            }
        }
    };
}

syntax_lists! {
    bits {
        /// The possessive clitic ("'s", also written "’s").
        possessives => POSSESSIVES;
        /// Relative pronouns that can be a speaker ("…, who said").
        subject_relatives => SUBJECT_RELATIVES;
        /// Lowercase words that may join the capitalized words of one name ("van", "bin").
        name_joiners => NAME_JOINERS;
        /// Prepositions whose phrase belongs to a description before them ("the top aide of X").
        head_postmodifiers => HEAD_POSTMODIFIERS;
        /// Determiners that do not make the noun after them a speaker's phrase ("that", "all").
        weak_determiners => WEAK_DETERMINERS;
        /// Articles, dropped from the front of a description used as an alias.
        articles => ARTICLES;
        /// Pronouns that may stand for an organization that has spoken ("it", "they").
        organization_pronouns => ORGANIZATION_PRONOUNS;
        /// Number words that count people ("six in 10").
        number_words => NUMBER_WORDS;
        /// Words between the two numbers of a ratio ("in", "of").
        ratio_words => RATIO_WORDS;
        /// Words that head a quantity phrase standing for people ("half", "most").
        quantity_heads => QUANTITY_HEADS;
        /// Words before a quantity that belong to it ("nearly", "a slim").
        quantity_modifiers => QUANTITY_MODIFIERS;
        /// Comparatives before "than" in a quantity ("more than half").
        comparatives => COMPARATIVES;
        /// Words before "of" that make the phrase after it part of a subject ("one of").
        partitives => PARTITIVES;
        /// Determiners after which a cue word is still a verb ("that said", "all say").
        determiners_before_verbs => DETERMINERS_BEFORE_VERBS;
        /// Words that open a time phrase between a subject and its verb ("on Friday").
        time_openers => TIME_OPENERS;
        /// Words in -ly that are not adverbs ("rally", "family").
        ly_non_adverbs => LY_NON_ADVERBS;
        /// Words in -ly that start a cue's content rather than modify it ("only").
        ly_content_words => LY_CONTENT_WORDS;
        /// Manner and time adverbs that may follow a cue ("again", "later").
        cue_adverbs => CUE_ADVERBS;
        /// Words that make a time word after them a time phrase ("last week").
        relative_time => RELATIVE_TIME;
        /// Forms of "be" that make a participle progressive ("is saying").
        be_forms => BE_FORMS;
        /// Prepositions after a cue that begin its content ("that", "about").
        content_prepositions => CONTENT_PREPOSITIONS;
        /// Nouns of an interview, whose "with"/"to" phrase names the addressee.
        interview_nouns => INTERVIEW_NOUNS;
        /// Participles before "by" naming a relaying outlet ("cited by").
        relay_participles => RELAY_PARTICIPLES;
        /// Participles of citing ("cited X as saying", "was quoted as saying").
        citing_participles => CITING_PARTICIPLES;
        /// Relative pronouns that open a clause after a comma ("…, who votes …").
        clause_relatives => CLAUSE_RELATIVES;
        /// Prepositions that tie a place or body to a name ("Zeldin of New York").
        name_postmodifiers => NAME_POSTMODIFIERS;
        /// Words that carry an inverted speaker's phrase on ("…, said X, who …").
        speaker_continuations => SPEAKER_CONTINUATIONS;
        /// Words that open a subordinate clause, so the phrase after them is a subject.
        subordinators => SUBORDINATORS;
        /// Words opening a fronted subordinate clause whose report ends at its comma.
        fronted_subordinators => FRONTED_SUBORDINATORS;
        /// Words a sentence may open with before a fronted clause ("But while").
        sentence_lead_ins => SENTENCE_LEAD_INS;
        /// Words that can be the subject opening a content clause ("there", "nothing").
        clause_subjects => CLAUSE_SUBJECTS;
        /// Words that open a wh-complement ("whether", "how").
        wh_words => WH_WORDS;
        /// Relative words standing for what a cue describes ("which … described as").
        object_relatives => OBJECT_RELATIVES;
        /// Reflexive objects that are no report with `reflexive_idiom_verbs`.
        reflexives => REFLEXIVES;
        /// Particles after a verb that start no object ("off", "down").
        particles => PARTICLES;
        /// Bodies that hear evidence rather than give it ("the court heard that …").
        hearing_bodies => HEARING_BODIES;
        /// Past participles of cue verbs that do not end in -ed ("told", "shown").
        irregular_participles => IRREGULAR_PARTICIPLES;
        /// Words of a broadcaster's name that a channel number may follow ("News 9").
        channel_words => CHANNEL_WORDS;
        /// Conjunctions that join a second verb phrase or clause ("and", "but").
        coordinators => COORDINATORS;
        /// Conjunctions after a comma that begin a clause with its own subject.
        clause_coordinators => CLAUSE_COORDINATORS;
        /// Words after a comma where the author's own words begin ("while", "despite").
        author_openers => AUTHOR_OPENERS;
        /// Prepositions of a dated adjunct that ends object content ("in October").
        date_prepositions => DATE_PREPOSITIONS;
        /// Verbs of impression ("seemed", "appears").
        seem_verbs => SEEM_VERBS;
        /// Words before "asked" that make it a frame ("when asked").
        asked_openers => ASKED_OPENERS;
        /// Nouns of studies and records that frame a sentence ("In a new poll, …").
        frame_nouns => FRAME_NOUNS;
        /// Prepositions between a headline's speaker and its topic ("X to Y: …").
        headline_topics => HEADLINE_TOPICS;
        /// Prepositions after an interview noun that name the partner ("with").
        partner_prepositions => PARTNER_PREPOSITIONS;
        /// Words after a verb of impression that open it ("to", "like").
        seem_complements => SEEM_COMPLEMENTS;
        /// Determiners of one thing only ("a", "every"): a cue word in its base form after one and a modifier is a noun ("a good joke").
        singular_determiners => SINGULAR_DETERMINERS;
        /// Last words that make a capitalized phrase a place ("Capitol Hill", "Port Hutt").
        place_heads => PLACE_HEADS;
        /// First words that make a capitalized phrase a place ("Mount Kenya", "Lake Tahoe").
        place_openers => PLACE_OPENERS;
        /// Last words that make a capitalized phrase an organization, though no noun of bodies lowercase ("Dunmore Research").
        name_org_heads => NAME_ORG_HEADS;
        /// Last words that make a capitalized phrase people from a place, no name ("Pacific Islander").
        group_name_heads => GROUP_NAME_HEADS;
        /// Titles whose capitalized common-noun modifier is a portfolio, not an owner ("Health Minister").
        portfolio_titles => PORTFOLIO_TITLES;
        /// Titles of a government's portfolios, whose run of capitalized common words is one ("Local Government Minister").
        cabinet_titles => CABINET_TITLES;
        /// Adjectives of a title's holder, never a name's first word ("former", "local").
        title_modifiers => TITLE_MODIFIERS;
        /// Nouns of one interview between a speaker and the cue ("in an interview with").
        interview_asides => INTERVIEW_ASIDES;
        /// Forms of "be" that make a participle passive ("was quoted", "is expected").
        passive_be_forms => PASSIVE_BE_FORMS;
        /// Words that may come before an imperative opening a sentence ("please", "also").
        imperative_leads => IMPERATIVE_LEADS;
        /// Demonstratives that may be a verb's subject ("this means").
        demonstratives => DEMONSTRATIVES;
        /// Pronouns that stand for the people a relative clause describes ("those who").
        group_pronouns => GROUP_PRONOUNS;
        /// Plurals of nouns of people that do not end in "s" ("men", "people").
        irregular_people_plurals => IRREGULAR_PEOPLE_PLURALS;
        /// Indefinite pronouns that, as written, are a cue's object rather
        /// than a clause's subject when no auxiliary follows ("said nothing").
        indefinite_objects => INDEFINITE_OBJECTS;
        /// Hedges that may open a bare reported clause ("I think maybe …").
        clause_hedges => CLAUSE_HEDGES;
    }
    others {
        /// What may split off after an apostrophe as a clitic token ("'s", "'d", "'ll"), matched all lowercase or all capitals.
        clitics;
        /// Relative pronouns ("who", "which", "that").
        relatives;
        /// Lemmas of verbs whose passive raises the reported subject ("is expected to").
        raising_verbs;
        /// Lemmas of verbs of citing ("cite", "quote").
        citing_verbs;
        /// Lemmas of verbs whose reflexive object is no report ("found himself").
        reflexive_idiom_verbs;
        /// Adjectives and participles whose phrase may follow a person noun ("a source close to X").
        person_postmodifiers;
    }
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
