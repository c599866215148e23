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
}

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
        for t in &lex.titles.titles {
            for form in std::iter::once(&t.title).chain(t.forms.iter()) {
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
        NameRules {
            phrases,
            titles,
            prepositions: lower(&lex.grammar.prepositions),
            not_names,
        }
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
        // a name does not start with a particle
        while start < words.len() && PARTICLES.contains(&lower[start].as_str()) {
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

/// The surname of a core: its last word, skipping "Jr." and the like.
pub(crate) fn surname(core: &[&str]) -> String {
    let w = core
        .iter()
        .rev()
        .find(|w| !SUFFIXES.contains(&w.to_lowercase().as_str()))
        .unwrap_or(&core[core.len() - 1]);
    key([*w])
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
