//! Proper-name cores of person names, for merging entities across documents.
//!
//! A record entity's names mix proper names and descriptions: "Sergey
//! Lavrov", "Lavrov", "Russian foreign minister Sergey Lavrov", "the top
//! Russian diplomat". The *core* of a name is the proper name at its end
//! once titles and descriptions are cut off: "Sergey Lavrov", "Lavrov",
//! "Sergey Lavrov", none. A core of two or more words is a *full name*; a
//! one-word core is a bare name (usually a surname).

use std::collections::{HashMap, HashSet};

use crate::lexicon::Lexicon;

/// Word lists that decide where a person's proper name starts.
#[derive(Debug, Clone)]
pub(crate) struct NameRules {
    /// Multi-word titles as lowercase words ("secretary of state"), by
    /// first word, longest first.
    phrases: HashMap<String, Vec<Vec<String>>>,
    /// One-word titles and honorifics ("president", "mr.").
    titles: HashSet<String>,
    /// Prepositions: an unmarked one before the core means the name
    /// describes someone else ("aide of President Putin").
    prepositions: HashSet<String>,
    /// Words that are never part of a name ("the", "he").
    not_names: HashSet<String>,
    /// Capitalized words that describe a person before a name (demonyms,
    /// parties, "Former", "Rival"): cut from the core when a name follows.
    descriptors: HashSet<String>,
    /// Gender of gendered titles and honorifics ("mr." → male).
    genders: HashMap<String, Gender>,
    /// Given names (`names.ron`), as [`spelling`] keys.
    given: HashSet<String>,
}

/// What a name's honorifics and titles say of a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Mr., Sir, spokesman.
    Male,
    /// Mrs., Ms., spokeswoman.
    Female,
}

/// Capitalized descriptors that stand before names without being part of
/// them: party labels and words of time or rivalry.
const DESCRIPTORS: &[&str] = &[
    "democrat",
    "democratic",
    "republican",
    "gop",
    "conservative",
    "labour",
    "liberal",
    "rival",
    "former",
    "retired",
    "late",
    "then",
    "independent",
    "candidate",
    "nominee",
];

/// Lowercase name particles that may sit inside a name ("von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin", "ibn",
    "al", "el", "ter", "ten", "dos", "das", "y",
];

/// Generational suffixes skipped when taking the surname.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

impl NameRules {
    pub(crate) fn new(lex: &Lexicon) -> NameRules {
        let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut titles = HashSet::new();
        let mut genders = HashMap::new();
        for t in &lex.titles.titles {
            let gender = match t.gender.as_deref() {
                Some("male") => Some(Gender::Male),
                Some("female") => Some(Gender::Female),
                _ => None,
            };
            for form in std::iter::once(&t.title).chain(t.forms.iter()) {
                if let Some(g) = gender {
                    genders.insert(form.to_lowercase(), g);
                }
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                match words.len() {
                    0 => {}
                    1 => {
                        titles.insert(words[0].clone());
                    }
                    _ => phrases.entry(words[0].clone()).or_default().push(words),
                }
            }
        }
        // longest phrase first, so "secretary of state" beats "secretary"
        for list in phrases.values_mut() {
            list.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        }
        let lower = |v: &Vec<String>| v.iter().map(|w| w.to_lowercase()).collect();
        let mut not_names: HashSet<String> = lower(&lex.grammar.not_names);
        for p in &lex.pronouns.pronouns {
            not_names.insert(p.form.to_lowercase());
        }
        for d in &lex.grammar.determiners {
            not_names.insert(d.to_lowercase());
        }
        let mut descriptors: HashSet<String> = DESCRIPTORS.iter().map(|d| d.to_string()).collect();
        for p in &lex.places.places {
            descriptors.extend(p.demonyms.iter().map(|d| d.to_lowercase()));
        }
        let n = &lex.names;
        let given = n.male.iter().chain(&n.female).chain(&n.other);
        NameRules {
            phrases,
            titles,
            prepositions: lower(&lex.grammar.prepositions),
            not_names,
            descriptors,
            genders,
            given: given.map(|g| spelling(g)).collect(),
        }
    }

    /// Is the [`spelling`] key `w` a given name of the lexicon?
    pub(crate) fn is_given(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    /// The gender a name's honorific or title gives ("Mr. Trump" → male),
    /// if any.
    pub(crate) fn gender(&self, name: &str) -> Option<Gender> {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        // two-word titles first ("congress woman" is rare; one word is enough)
        words.iter().find_map(|w| self.genders.get(*w).copied())
    }

    /// The proper-name core of `name` as words, or `None` when the name is
    /// a description ("the top Russian diplomat") or names a relation
    /// ("top aide of President Putin").
    pub(crate) fn core<'a>(&self, name: &'a str) -> Option<Vec<&'a str>> {
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '"' | '“' | '”' | '(' | ')')))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        // mark words that belong to a title
        let mut title = vec![false; words.len()];
        let mut i = 0;
        while i < words.len() {
            let phrase = self.phrases.get(lower[i].as_str()).and_then(|list| {
                list.iter()
                    .find(|p| lower.len() >= i + p.len() && lower[i..i + p.len()] == p[..])
            });
            if let Some(p) = phrase {
                title[i..i + p.len()].fill(true);
                i += p.len();
                continue;
            }
            if self.titles.contains(lower[i].as_str()) {
                title[i] = true;
            }
            i += 1;
        }
        let is_name_word = |i: usize| {
            let w = words[i];
            let l = lower[i].as_str();
            if title[i] || self.not_names.contains(l) || is_possessive(w) {
                return false;
            }
            let first = w.chars().next().unwrap_or(' ');
            first.is_uppercase() || (PARTICLES.contains(&l) && i > 0)
        };
        let mut start = words.len();
        while start > 0 && is_name_word(start - 1) {
            start -= 1;
        }
        // a name does not start with a particle, nor with a descriptor
        // ("Democrat Hillary Clinton", "Former Gov") while a name follows
        while start < words.len()
            && (PARTICLES.contains(&lower[start].as_str())
                || (start + 1 < words.len() && self.descriptors.contains(lower[start].as_str())))
        {
            start += 1;
        }
        if start == words.len() {
            return None;
        }
        let relation =
            (0..start).any(|i| !title[i] && self.prepositions.contains(lower[i].as_str()));
        if relation {
            return None;
        }
        Some(words[start..].to_vec())
    }
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// Lowercase words joined by one space, with typographic apostrophes made
/// plain: the key under which names are compared.
pub(crate) fn key<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' | '`' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The surname of a core: its last word, skipping "Jr." and the like,
/// as a [`spelling`] key.
pub(crate) fn surname(core: &[&str]) -> String {
    let w = core
        .iter()
        .rev()
        .find(|w| !SUFFIXES.contains(&w.to_lowercase().as_str()))
        .unwrap_or(&core[core.len() - 1]);
    spelling(w)
}

/// The key under which full names are compared across documents: lowercase,
/// without middle initials ("Donald J. Trump" = "Donald Trump") and with
/// each word a [`spelling`] key ("José" = "Jose", "Zelenskyy" = "Zelensky").
pub(crate) fn full_key(core: &[&str]) -> String {
    let last = core.len().saturating_sub(1);
    let mut out = String::new();
    for (i, w) in core.iter().enumerate() {
        if i > 0 && i < last && is_initial(w) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&spelling(w));
    }
    out
}

/// "J." or "J": a middle initial.
fn is_initial(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// One word as a spelling key: lowercase, plain apostrophes, Latin letters
/// without diacritics, and the common transliteration variants of a final
/// y ("-yy", "-iy", "-ii", "-ij" → "-y"; "-ei" → "-ey").
pub(crate) fn spelling(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c => out.extend(c.to_lowercase().map(fold_diacritic)),
        }
    }
    for (from, to) in [
        ("yy", "y"),
        ("iy", "y"),
        ("ii", "y"),
        ("ij", "y"),
        ("ei", "ey"),
    ] {
        if out.chars().count() > 4 && out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
            break;
        }
    }
    out
}

/// A lowercase Latin letter without its diacritic.
fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Key for an organization or place name: lowercase, without a leading
/// "the".
pub(crate) fn plain_key(name: &str) -> String {
    let k = key(name.split_whitespace());
    match k.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => k,
    }
}

/// The longest full-name core, as written (first wins ties).
pub(crate) fn best_full(cores: &[Option<Vec<&str>>]) -> Option<String> {
    let mut best: Option<&Vec<&str>> = None;
    for c in cores.iter().flatten() {
        if c.len() >= 2 && best.is_none_or(|b| c.len() > b.len()) {
            best = Some(c);
        }
    }
    best.map(|c| c.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn core(name: &str) -> Option<String> {
        let rules = NameRules::new(&Lexicon::embedded());
        rules.core(name).map(|w| w.join(" "))
    }

    #[test]
    fn cores_cut_titles_and_descriptions() {
        let cases = [
            ("Sergey Lavrov", Some("Sergey Lavrov")),
            ("Lavrov", Some("Lavrov")),
            (
                "Russian foreign minister Sergey Lavrov",
                Some("Sergey Lavrov"),
            ),
            ("Russian President Vladimir Putin", Some("Vladimir Putin")),
            ("Foreign Minister Anna Berg", Some("Anna Berg")),
            ("Putin's spokesman Dmitry Peskov", Some("Dmitry Peskov")),
            ("Mr. Smith", Some("Smith")),
            ("Ursula von der Leyen", Some("Ursula von der Leyen")),
            ("Сергей Лавров", Some("Сергей Лавров")),
            ("the top Russian diplomat", None),
            ("He", None),
            ("top aide of Russian President Vladimir Putin", None),
        ];
        for (name, want) in cases {
            assert_eq!(core(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn the_longest_full_core_is_the_best_first_wins_ties() {
        let cores = [
            Some(vec!["Lavrov"]),
            None,
            Some(vec!["Sergey", "Lavrov"]),
            Some(vec!["Sergei", "Lavrov"]),
        ];
        assert_eq!(best_full(&cores).as_deref(), Some("Sergey Lavrov"));
        assert_eq!(best_full(&[Some(vec!["Lavrov"])]), None);
    }

    #[test]
    fn full_keys_ignore_initials_diacritics_and_transliteration() {
        let k = |s: &str| full_key(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(k("Donald J. Trump"), k("Donald Trump"));
        assert_eq!(k("José Martínez"), k("Jose Martinez"));
        assert_eq!(k("Volodymyr Zelenskyy"), k("Volodymyr Zelensky"));
        assert_eq!(spelling("Zelenskiy"), spelling("Zelensky"));
        assert_eq!(k("Sergei Lavrov"), k("Sergey Lavrov"));
        assert_ne!(k("Barack Obama"), k("Michelle Obama"));
        assert_eq!(
            core("Democrat Hillary Clinton").as_deref(),
            Some("Hillary Clinton")
        );
        assert_eq!(core("Former").as_deref(), Some("Former"));
        let rules = NameRules::new(&Lexicon::embedded());
        assert_eq!(rules.gender("Mrs. Clinton"), Some(Gender::Female));
        assert_eq!(rules.gender("Mr. Trump"), Some(Gender::Male));
        assert_eq!(rules.gender("Trump"), None);
    }

    #[test]
    fn surnames_skip_suffixes() {
        assert_eq!(surname(&["Martin", "Luther", "King", "Jr."]), "king");
        assert_eq!(surname(&["Lavrov"]), "lavrov");
    }

    #[test]
    fn plain_keys_drop_the() {
        assert_eq!(plain_key("The New York Times"), "new york times");
        assert_eq!(plain_key("TASS"), "tass");
    }
}
