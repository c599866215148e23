//! Word lists that drive the rules: reporting verbs and other cues, titles
//! and roles, organizations, places and demonyms, pronouns, and the small
//! grammar words the rules look at.
//!
//! Each list is a RON file in `data/lexicon/`, embedded in the binary at
//! compile time. [`Lexicon::from_dir`] reads a directory of the same files
//! instead; any file it lacks falls back to the embedded one, so a user can
//! override just `organizations.ron`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;

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
    /// Index into [`Lexicon::verbs`] when a cue verb form.
    pub verb: Option<u32>,
    /// Index into [`Lexicon::pronouns`] when a pronoun.
    pub pronoun: Option<u32>,
    /// Index into [`Lexicon::titles`] when a title's (last) word.
    pub title: Option<u32>,
    /// Index into [`Lexicon::places`] when a demonym.
    pub demonym: Option<u32>,
    /// Id of the multi-word entries starting with this exact form
    /// ([`Lexicon::multi_list`]).
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

/// All word lists, compiled for lookup.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Cue lists.
    pub cues: CueLexicon,
    /// Titles.
    pub titles: TitleLexicon,
    /// Organizations.
    pub orgs: OrgLexicon,
    /// Places.
    pub places: PlaceLexicon,
    /// Pronouns.
    pub pronouns: PronounLexicon,
    /// Grammar words.
    pub grammar: GrammarLexicon,
    words: HashMap<Box<str>, WordInfo, FastHash>,
    /// Multi-word entries keyed by their first word while compiling; moved
    /// into `multi_lists` (and emptied) at its end.
    multi: HashMap<Box<str>, Vec<MultiWord>, FastHash>,
    /// The same lists by number ([`WordInfo::multi`]), so a token carries
    /// its list's id from tokenization on instead of lowercasing and
    /// hashing again.
    multi_lists: Vec<Vec<MultiWord>>,
}

/// Word lookups happen for every token (and again in the rules), so the
/// maps use a small multiply-rotate hash (the Fx hash of rustc) instead of
/// SipHash. The keys are the lexicon's own words, so hash flooding is not
/// a concern, and nothing iterates over the maps, so order cannot change.
type FastHash = BuildHasherDefault<FxHasher>;

#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The lexicon files and their embedded defaults.
pub const FILES: [(&str, &str); 6] = [
    ("cues.ron", include_str!("../data/lexicon/cues.ron")),
    ("titles.ron", include_str!("../data/lexicon/titles.ron")),
    (
        "organizations.ron",
        include_str!("../data/lexicon/organizations.ron"),
    ),
    ("places.ron", include_str!("../data/lexicon/places.ron")),
    ("pronouns.ron", include_str!("../data/lexicon/pronouns.ron")),
    ("grammar.ron", include_str!("../data/lexicon/grammar.ron")),
];

fn parse<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, Error> {
    ron::from_str(text).map_err(|e| Error::Lexicon {
        file: file.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    ///
    /// ```
    /// let lex = quotegraph::Lexicon::embedded();
    /// assert!(lex.verb_lemma("said").is_some());
    /// ```
    pub fn embedded() -> Lexicon {
        Self::load(|name| Ok((PathBuf::from(format!("data/lexicon/{name}")), None)))
            .expect("embedded lexicon is valid (checked by tests)")
    }

    /// Read lexicon files from `dir`; files missing there come from the
    /// embedded defaults. A malformed file is an error naming the file, line
    /// and column.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, Error> {
        if !dir.is_dir() {
            return Err(Error::Input {
                path: dir.display().to_string(),
                message: "lexicon directory does not exist".into(),
            });
        }
        Self::load(|name| {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Input {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?;
                Ok((path, Some(text)))
            } else {
                Ok((path, None))
            }
        })
    }

    fn load(
        mut read: impl FnMut(&str) -> Result<(PathBuf, Option<String>), Error>,
    ) -> Result<Lexicon, Error> {
        let mut get = |i: usize| -> Result<(PathBuf, String), Error> {
            let (name, embedded) = FILES[i];
            let (path, text) = read(name)?;
            Ok((path, text.unwrap_or_else(|| embedded.to_string())))
        };
        let (p, t) = get(0)?;
        let cues: CueLexicon = parse(&p, &t)?;
        let (p, t) = get(1)?;
        let titles: TitleLexicon = parse(&p, &t)?;
        let (p, t) = get(2)?;
        let orgs: OrgLexicon = parse(&p, &t)?;
        let (p, t) = get(3)?;
        let places: PlaceLexicon = parse(&p, &t)?;
        let (p, t) = get(4)?;
        let pronouns: PronounLexicon = parse(&p, &t)?;
        let (p, t) = get(5)?;
        let grammar: GrammarLexicon = parse(&p, &t)?;
        let mut lex = Lexicon {
            cues,
            titles,
            orgs,
            places,
            pronouns,
            grammar,
            words: HashMap::default(),
            multi: HashMap::default(),
            multi_lists: Vec::new(),
        };
        lex.compile();
        Ok(lex)
    }

    fn word(&mut self, w: &str) -> &mut WordInfo {
        self.words
            .entry(w.to_lowercase().into_boxed_str())
            .or_default()
    }

    fn add_multi(&mut self, phrase: &str, target: MultiTarget) {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        // single words are kept only for names (organizations, places):
        // single-word cues and titles live in the word table
        if words.is_empty()
            || (words.len() == 1 && !matches!(target, MultiTarget::Org(_) | MultiTarget::Place(_)))
        {
            return;
        }
        self.multi
            .entry(words[0].clone().into_boxed_str())
            .or_default()
            .push(MultiWord { words, target });
    }

    fn compile(&mut self) {
        use flags::*;
        let verbs = self.cues.verbs.clone();
        for (i, v) in verbs.iter().enumerate() {
            let forms = std::iter::once(&v.lemma).chain(v.forms.iter());
            for f in forms {
                if f.contains(' ') {
                    self.add_multi(f, MultiTarget::Verb(i as u32));
                } else {
                    let w = self.word(f);
                    w.flags |= CUE_VERB;
                    w.verb.get_or_insert(i as u32);
                }
            }
        }
        let according = self.cues.according.clone();
        for (i, p) in according.iter().enumerate() {
            for f in std::iter::once(&p.lemma).chain(p.forms.iter()) {
                self.add_multi(f, MultiTarget::According(i as u32));
                if let Some(first) = f.split_whitespace().next() {
                    self.word(first).flags |= ACCORDING;
                }
            }
        }
        let nouns = self.cues.nouns.clone();
        for (i, p) in nouns.iter().enumerate() {
            for f in std::iter::once(&p.lemma).chain(p.forms.iter()) {
                if f.contains(' ') {
                    self.add_multi(f, MultiTarget::Noun(i as u32));
                } else {
                    self.word(f).flags |= CUE_NOUN;
                }
            }
        }
        let titles = self.titles.titles.clone();
        for (i, t) in titles.iter().enumerate() {
            for f in std::iter::once(&t.title).chain(t.forms.iter()) {
                if f.contains(' ') {
                    self.add_multi(f, MultiTarget::Title(i as u32));
                } else {
                    let w = self.word(f);
                    w.flags |= TITLE;
                    if t.honorific {
                        w.flags |= HONORIFIC;
                    }
                    w.title.get_or_insert(i as u32);
                }
            }
        }
        for n in self.titles.person_nouns.clone() {
            self.word(&n).flags |= PERSON_NOUN;
        }
        let orgs = self.orgs.organizations.clone();
        for (i, o) in orgs.iter().enumerate() {
            for f in std::iter::once(&o.name).chain(o.aliases.iter()) {
                self.add_multi(f, MultiTarget::Org(i as u32));
            }
        }
        for h in self.orgs.org_heads.clone() {
            self.word(&h).flags |= ORG_HEAD;
        }
        for h in self.orgs.outlet_nouns.clone() {
            self.word(&h).flags |= OUTLET_NOUN;
        }
        let places = self.places.places.clone();
        for (i, p) in places.iter().enumerate() {
            for f in std::iter::once(&p.name).chain(p.aliases.iter()) {
                self.add_multi(f, MultiTarget::Place(i as u32));
            }
            for d in &p.demonyms {
                let w = self.word(d);
                w.flags |= DEMONYM;
                w.demonym.get_or_insert(i as u32);
            }
        }
        let pronouns = self.pronouns.pronouns.clone();
        for (i, p) in pronouns.iter().enumerate() {
            let w = self.word(&p.form);
            w.flags |= PRONOUN;
            w.pronoun.get_or_insert(i as u32);
        }
        let g = self.grammar.clone();
        let lists: [(&Vec<String>, u32); 9] = [
            (&g.time_words, TIME),
            (&g.abbreviations, ABBREV),
            (&g.determiners, DET),
            (&g.auxiliaries, AUX),
            (&g.adverbs, ADV),
            (&g.prepositions, PREP),
            (&g.conjunctions, CONJ),
            (&g.months, MONTH),
            (&g.not_names, NOT_NAME),
        ];
        for (list, flag) in lists {
            for w in list {
                self.word(w).flags |= flag;
            }
        }
        for r in ["who", "which", "that", "whom", "whose"] {
            self.word(r).flags |= RELATIVE;
        }
        let mut firsts: Vec<(Box<str>, Vec<MultiWord>)> =
            std::mem::take(&mut self.multi).into_iter().collect();
        firsts.sort_by(|a, b| a.0.cmp(&b.0));
        for (id, (k, list)) in firsts.iter_mut().enumerate() {
            let cue = list
                .iter()
                .any(|mw| matches!(mw.target, MultiTarget::Verb(_) | MultiTarget::According(_)));
            self.multi_lists.push(std::mem::take(list));
            let info = self.word(k);
            info.multi = Some(id as u32);
            if cue {
                info.flags |= MULTI_CUE_FIRST;
            }
        }
        for (k, _) in firsts {
            let bare = k.trim_end_matches('.');
            self.word(bare).flags |= MULTI_FIRST;
            self.word(&format!("{bare}.")).flags |= MULTI_FIRST;
        }
    }

    /// Information about a lowercase word form, if it is in any list.
    pub fn lookup(&self, lower: &str) -> Option<&WordInfo> {
        self.words.get(lower)
    }

    /// Multi-word entries that start with this lowercase word.
    pub fn multi(&self, lower_first: &str) -> &[MultiWord] {
        self.words
            .get(lower_first)
            .and_then(|w| w.multi)
            .map_or(&[], |id| self.multi_list(id))
    }

    /// Multi-word entries by the id in [`WordInfo::multi`] (and
    /// [`Token::multi`](crate::token::Token::multi)).
    pub fn multi_list(&self, id: u32) -> &[MultiWord] {
        &self.multi_lists[id as usize]
    }

    /// The lemma of a single-word reporting verb form ("said" → "say").
    pub fn verb_lemma(&self, form: &str) -> Option<&str> {
        let info = self.words.get(form.to_lowercase().as_str())?;
        info.verb
            .map(|i| self.cues.verbs[i as usize].lemma.as_str())
    }

    /// The verb entry at an index.
    pub fn verb(&self, i: u32) -> &VerbEntry {
        &self.cues.verbs[i as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.verb_lemma("Said"), Some("say"));
        assert!(lex.lookup("he").unwrap().flags & flags::PRONOUN != 0);
    }

    #[test]
    fn malformed_file_names_line_and_column() {
        let dir = std::env::temp_dir().join(format!("qg-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("places.ron"),
            "(\n  places: [\n    (name: \"X\" oops)\n  ]\n)\n",
        )
        .unwrap();
        let err = Lexicon::from_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("places.ron"), "{err}");
        assert!(err.contains("3:"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
