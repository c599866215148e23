//! Word lists that drive the rules: reporting verbs and other cues, titles
//! and roles, organizations, places and demonyms, pronouns, the small
//! grammar words the rules look at, and the word lists of single patterns.
//!
//! Each list is a RON file in `data/lexicon/` (one struct per file:
//! [`CueLexicon`], [`TitleLexicon`], [`OrgLexicon`], [`PlaceLexicon`],
//! [`PronounLexicon`], [`GrammarLexicon`], [`SyntaxLexicon`],
//! [`AnatomyLexicon`], [`NameLexicon`]), embedded in
//! the binary at compile time.
//! [`Lexicon::from_dir`] reads a directory of the same files instead; any
//! file it lacks falls back to the embedded one, so a user can override
//! just `organizations.ron`. Loading compiles the lists once into a table
//! of word forms ([`WordInfo`]), whose flags every token carries from
//! tokenization on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::Error;

mod compile;
mod files;
mod hash;
mod syntax;
mod word;

pub use files::{
    AnatomyLexicon, CueClass, CueLexicon, CueSense, GrammarLexicon, NameLexicon, OrgEntry,
    OrgLexicon, PhraseEntry, PlaceEntry, PlaceLexicon, PronounEntry, PronounLexicon, TitleEntry,
    TitleLexicon, VerbEntry,
};
pub use syntax::SyntaxLexicon;
pub(crate) use syntax::{lists, verb_lists};
pub use word::{flags, MultiTarget, MultiWord, WordInfo};

pub(crate) use hash::FastHash;

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
    /// The word lists of single patterns.
    pub syntax: SyntaxLexicon,
    /// The words that mark the parts of a page around an article's body.
    pub anatomy: AnatomyLexicon,
    /// Given names.
    pub names: NameLexicon,
    words: HashMap<Box<str>, WordInfo, FastHash>,
    /// Multi-word entries by number ([`WordInfo::multi`]), so a token
    /// carries its list's id from tokenization on instead of lowercasing
    /// and hashing again.
    multi_lists: Vec<Vec<MultiWord>>,
    /// For each multi-word list, its entries' positions ordered by their
    /// second word (single words first, list order among equals), so a
    /// match at a token looks only at the entries its next token allows.
    multi_seconds: Vec<Vec<u32>>,
    /// [`verb_lists`] bits of each reporting verb, by index.
    verb_lists: Vec<u8>,
}

/// The lexicon files and their embedded defaults.
pub const FILES: [(&str, &str); 9] = [
    ("cues.ron", include_str!("../../data/lexicon/cues.ron")),
    ("titles.ron", include_str!("../../data/lexicon/titles.ron")),
    (
        "organizations.ron",
        include_str!("../../data/lexicon/organizations.ron"),
    ),
    ("places.ron", include_str!("../../data/lexicon/places.ron")),
    (
        "pronouns.ron",
        include_str!("../../data/lexicon/pronouns.ron"),
    ),
    (
        "grammar.ron",
        include_str!("../../data/lexicon/grammar.ron"),
    ),
    ("syntax.ron", include_str!("../../data/lexicon/syntax.ron")),
    (
        "anatomy.ron",
        include_str!("../../data/lexicon/anatomy.ron"),
    ),
    ("names.ron", include_str!("../../data/lexicon/names.ron")),
];

/// Lists of at most this many entries are read whole: a binary search
/// costs more than reading them.
const SHORT_MULTI: usize = 8;

/// Each list's entry positions, ordered by [`MultiWord::second`] (a stable
/// sort: list order among equals); short lists keep list order.
fn by_second_word(lists: &[Vec<MultiWord>]) -> Vec<Vec<u32>> {
    lists
        .iter()
        .map(|list| {
            let mut order: Vec<u32> = (0..list.len() as u32).collect();
            if list.len() > SHORT_MULTI {
                order.sort_by_key(|&i| list[i as usize].second());
            }
            order
        })
        .collect()
}

/// The longest word [`with_lower`] lowercases without allocating.
const STACK_WORD: usize = 48;

/// Call `f` with `word` lowercased (as `str::to_lowercase` does) and
/// `suffix` (lowercase already) appended. An ASCII word, as nearly every
/// name and title is, is lowercased into an array on the stack: the
/// checks that call this run for every name of every article, and a new
/// `String` each was much of their time.
pub(crate) fn with_lower<R>(word: &str, suffix: &str, f: impl FnOnce(&str) -> R) -> R {
    let n = word.len() + suffix.len();
    let mut buf = [0u8; STACK_WORD];
    let owned;
    let lower = if word.is_ascii() && n <= STACK_WORD {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        buf[word.len()..n].copy_from_slice(suffix.as_bytes());
        // ASCII followed by a `str`: always UTF-8
        std::str::from_utf8(&buf[..n]).unwrap_or_default()
    } else {
        owned = word.to_lowercase() + suffix;
        owned.as_str()
    };
    f(lower)
}

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

    /// Parse each file (`read` gives its path and, unless the embedded
    /// default stands, its text), then compile the word table.
    fn load(
        mut read: impl FnMut(&str) -> Result<(PathBuf, Option<String>), Error>,
    ) -> Result<Lexicon, Error> {
        let mut files = FILES.iter().map(|&(name, embedded)| {
            let (path, text) = read(name)?;
            Ok::<_, Error>((path, text.unwrap_or_else(|| embedded.to_string())))
        });
        let mut next = || files.next().expect("one entry per file");
        let mut lex = Lexicon {
            cues: next().and_then(|(p, t)| parse(&p, &t))?,
            titles: next().and_then(|(p, t)| parse(&p, &t))?,
            orgs: next().and_then(|(p, t)| parse(&p, &t))?,
            places: next().and_then(|(p, t)| parse(&p, &t))?,
            pronouns: next().and_then(|(p, t)| parse(&p, &t))?,
            grammar: next().and_then(|(p, t)| parse(&p, &t))?,
            syntax: next().and_then(|(p, t)| parse(&p, &t))?,
            anatomy: next().and_then(|(p, t)| parse(&p, &t))?,
            names: next().and_then(|(p, t)| parse(&p, &t))?,
            words: HashMap::default(),
            multi_lists: Vec::new(),
            multi_seconds: Vec::new(),
            verb_lists: Vec::new(),
        };
        lex.compile();
        Ok(lex)
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

    /// Multi-word entries by the id in [`WordInfo::multi`] (also on tokens).
    pub fn multi_list(&self, id: u32) -> &[MultiWord] {
        &self.multi_lists[id as usize]
    }

    /// The entries of multi-word list `id` that the tokens from a word
    /// can spell when the next token reads `second` (lowercase, without
    /// a final period; `None` when no token follows): the list's single
    /// words, then its entries with that second word, each in list order.
    /// Lists under common first words ("the", "new") run to hundreds of
    /// entries; this reads a few.
    pub fn multi_candidates<'s>(
        &'s self,
        id: u32,
        second: Option<&str>,
    ) -> impl Iterator<Item = &'s MultiWord> + 's {
        let list = &self.multi_lists[id as usize];
        let order = &self.multi_seconds[id as usize];
        let (singles, lo, hi) = if list.len() <= SHORT_MULTI {
            (order.len(), 0, 0) // unsorted: all of it, in list order
        } else {
            let key = |i: &u32| list[*i as usize].second();
            let singles = order.partition_point(|i| key(i).is_none());
            let (lo, hi) = match second {
                Some(w) => {
                    let lo = order.partition_point(|i| key(i) < Some(w));
                    let n = order[lo..].iter().take_while(|i| key(i) == Some(w)).count();
                    (lo, lo + n)
                }
                None => (singles, singles),
            };
            (singles, lo, hi)
        };
        order[..singles]
            .iter()
            .chain(&order[lo..hi])
            .map(move |&i| &list[i as usize])
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

    /// Whether the verb at an index is in a verb list of `syntax.ron`
    /// (a [`verb_lists`] bit).
    pub(crate) fn verb_in(&self, i: u32, list: u8) -> bool {
        self.verb_lists[i as usize] & list != 0
    }

    /// Whether `word` (any case) is a given name of `names.ron` that is
    /// no grammar word, month or time word: evidence of a person.
    pub fn is_given_name(&self, word: &str) -> bool {
        with_lower(word, "", |l| {
            self.words
                .get(l)
                .is_some_and(|i| i.flags & flags::GIVEN_NAME != 0)
        })
    }

    /// Whether `word` (any case), as written or with the period that
    /// `titles.ron` writes after an abbreviation ("Capt" as "capt."), is
    /// a title.
    pub(crate) fn is_title_word(&self, word: &str) -> bool {
        let bare = word.trim_end_matches('.');
        let title = |form: &str| {
            self.words
                .get(form)
                .is_some_and(|i| i.flags & flags::TITLE != 0)
        };
        with_lower(bare, "", title) || with_lower(bare, ".", title)
    }

    /// Whether `word` (any case) is a common English word of `names.ron`
    /// (no given name): evidence against a person.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lower(word, "", |l| {
            self.names
                .common
                .binary_search_by(|w| w.as_str().cmp(l))
                .is_ok()
        })
    }

    /// Whether the word `s` after an apostrophe makes it an elision ("n"
    /// in "rock 'n' roll", "Tis"): an `anatomy.ron` elision, any case.
    pub(crate) fn is_elision(&self, s: &str) -> bool {
        s.len() <= 5
            && self
                .anatomy
                .elisions
                .iter()
                .any(|e| e.eq_ignore_ascii_case(s))
    }

    /// Whether `s`, after an apostrophe, splits off as a clitic ("s" in
    /// "Putin's"): a `syntax.ron` clitic, all lowercase or all capitals.
    pub(crate) fn is_clitic(&self, s: &str) -> bool {
        let one_case = !s.bytes().any(|b| b.is_ascii_uppercase())
            || !s.bytes().any(|b| b.is_ascii_lowercase());
        one_case
            && self
                .syntax
                .clitics
                .iter()
                .any(|c| c.eq_ignore_ascii_case(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_candidates_are_the_entries_a_second_word_allows() {
        let lex = Lexicon::embedded();
        let mut long = 0;
        for (id, list) in lex.multi_lists.iter().enumerate() {
            long += usize::from(list.len() > SHORT_MULTI);
            for mw in list {
                let second = mw.second();
                let got: Vec<*const MultiWord> = lex
                    .multi_candidates(id as u32, second)
                    .map(std::ptr::from_ref)
                    .collect();
                // every entry that can match, in list order
                let want: Vec<*const MultiWord> = list
                    .iter()
                    .filter(|m| m.words.len() == 1 || m.second() == second)
                    .map(std::ptr::from_ref)
                    .collect();
                if list.len() > SHORT_MULTI {
                    assert_eq!(got, want, "list {id}, second word {second:?}");
                } else {
                    assert_eq!(got.len(), list.len(), "a short list is read whole");
                }
            }
        }
        assert!(long > 0, "no list is long enough to be searched");
    }

    #[test]
    fn with_lower_lowercases_as_to_lowercase_does() {
        for (word, suffix) in [
            ("Capt", "."),
            ("McALLISTER", ""),
            ("Élodie", ""),
            ("ÇELİK", "."),
            ("Tshabalala-Msimang-Hlongwane-Dlamini-Zuma-Mkhize", "."),
            ("", "."),
        ] {
            let want = word.to_lowercase() + suffix;
            assert_eq!(with_lower(word, suffix, str::to_string), want, "{word}");
        }
    }

    #[test]
    fn embedded_lexicon_parses() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.verb_lemma("Said"), Some("say"));
        assert!(lex.lookup("he").unwrap().flags & flags::PRONOUN != 0);
    }

    /// The lists of `syntax.ron` reach the word table and the verbs.
    #[test]
    fn syntax_lists_are_compiled() {
        let lex = Lexicon::embedded();
        let lists_of = |w: &str| lex.lookup(w).map_or(0, |i| i.lists);
        assert!(lists_of("whether") & lists::WH_WORDS != 0);
        assert!(lists_of("'s") & lists::POSSESSIVES != 0);
        assert_eq!(lists_of("said") & lists::WH_WORDS, 0);
        assert!(lex.lookup("whom").unwrap().flags & flags::RELATIVE != 0);
        let expect = lex.lookup("expected").and_then(|i| i.verb).unwrap();
        assert!(lex.verb_in(expect, verb_lists::RAISING));
        assert!(!lex.verb_in(expect, verb_lists::CITING));
        assert!(lex.is_clitic("s") && lex.is_clitic("LL") && !lex.is_clitic("Ll"));
        assert!(!lex.is_clitic("t"));
    }

    /// A directory's `syntax.ron` replaces the embedded lists; the other
    /// files still come from the embedded ones.
    #[test]
    fn syntax_lists_can_be_overridden() {
        let dir = std::env::temp_dir().join(format!("qg-syntax-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (_, embedded) = FILES.iter().find(|f| f.0 == "syntax.ron").unwrap();
        let own = embedded.replace("wh_words: [\"whether\", ", "wh_words: [");
        assert_ne!(&own, embedded);
        std::fs::write(dir.join("syntax.ron"), own).unwrap();
        let lex = Lexicon::from_dir(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let lists_of = |w: &str| lex.lookup(w).map_or(0, |i| i.lists);
        assert_eq!(lists_of("whether") & lists::WH_WORDS, 0);
        assert!(lists_of("how") & lists::WH_WORDS != 0);
        assert_eq!(lex.verb_lemma("said"), Some("say"));
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
