//! The last word on an entity's kind: a name is a person's only with
//! evidence that it names a person. Capitals alone say nothing: "Wells
//! Fargo", "Zero Hedge", a subhead's "Little Relief" or "Latest" are
//! capitalized runs like "Maria Lopez". Evidence is a given name
//! (`names.ron`), an honorific or a title held, a middle initial or a
//! suffix ("Jr."), its surname used alone, a surname shared with
//! another person of the document, or a "he" or "she" that refers to a
//! name written twice or more (not one ending in a time word, "Labor
//! Day", nor one written after an article, "a Purple Heart"). A name
//! of two words or more with none of these is an organization: news
//! names without a person's marks are mostly companies, sites and
//! bodies; when it speaks, it stays a person unless its capitals, a
//! time word, an article or its words (all common English words,
//! "Little Relief", "Zero Hedge") say otherwise. A single word
//! ("Trump", "Politifact") stays a person unless the text writes it
//! after "the" or "at" (an organization: "the Onion", "at Politifact"; a
//! group when plural: "the Nazarenes"), it is a demonym's plural (people
//! described: "Mexicans", an unnamed group) or, speaking, it is a common
//! English word that names no kind of person ("Video", not "Mother").

use crate::lexicon::with_lower;
use crate::record::EntityKind;

use super::{Entity, Resolver};

/// Generational suffixes that end people's names.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

impl Resolver<'_> {
    /// The entities, with every named person that has no evidence of
    /// being one made an organization (see the module's notes).
    pub fn into_entities(mut self) -> Vec<Entity> {
        // each person's evidence, weighed once: both passes ask
        let mut evidence: Vec<Option<bool>> = vec![None; self.entities.len()];
        let mut surnames: Vec<String> = Vec::new();
        for (i, en) in self.entities.iter().enumerate() {
            if en.kind != EntityKind::Person || en.unnamed || en.name.split_whitespace().count() < 2
            {
                continue;
            }
            let has = self.person_evidence(en);
            evidence[i] = Some(has);
            if has {
                surnames.extend(en.name.split_whitespace().last().map(Self::key));
            }
        }
        for (i, weighed) in evidence.into_iter().enumerate() {
            let en = &self.entities[i];
            if en.kind != EntityKind::Person || en.unnamed || en.outlet {
                continue;
            }
            let words = en.name.split_whitespace().count();
            let shared = words >= 2
                && en
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|l| surnames.contains(&Self::key(l)));
            if words == 1 && self.plural_of_people(&en.name) || self.title_without_name(&en.name) {
                // "Rabbis", "Nevadans": people described; "Army Capt":
                // whoever holds the title
                self.entities[i].unnamed = true;
                continue;
            }
            if shared || weighed.unwrap_or_else(|| self.person_evidence(en)) {
                continue;
            }
            if self.followed_by_which(&en.name) {
                // "Acme, which opposed the bill": people are "who"
                self.entities[i].kind = EntityKind::Organization;
                continue;
            }
            let article = words == 1 && self.after_word(en, "the");
            // "the Nazarenes" are people described; "the Commons", "the
            // Greens": the plural of a common word that names no kind of
            // person is a body's name
            let thing_plural = article
                && en
                    .name
                    .strip_suffix('s')
                    .is_some_and(|stem| self.common_noun_alone(stem));
            if self.plural_demonym(&en.name) || article && plural(&en.name) && !thing_plural {
                // "African-Americans", "the Nazarenes": people described,
                // not named
                self.entities[i].unnamed = true;
            } else if article || self.evidence_less_body(en, words) {
                self.entities[i].kind = EntityKind::Organization;
            }
        }
        self.entities
    }

    /// Is `en`, a name with no person evidence, a body? A name of two
    /// words or more that only appears, or whose capitals, time word or
    /// article say it is no one's (a speaker otherwise stays a person:
    /// "Sergey Lavrov said …" with a given name no list knows); a single
    /// word after "at" ("at Politifact": where people work) or a speaker
    /// named by a common word that names no kind of person.
    fn evidence_less_body(&self, en: &Entity, words: usize) -> bool {
        match words {
            0 => return false,
            1 => {
                return self.after_word(en, "at")
                    || en.spoke > 0 && self.common_noun_alone(&en.name)
            }
            _ => {}
        }
        en.spoke == 0
            || shouted(&en.name)
            || self.ends_in_time_word(en)
            || self.after_article(&en.name)
            || self.common_words_only(&en.name)
    }

    /// Is the single word `name` a common English word that names no
    /// kind of person ("Session", "Video": a label or a subhead, not
    /// "Mother" nor "Senator")?
    fn common_noun_alone(&self, name: &str) -> bool {
        use crate::lexicon::flags::{PERSON_NOUN, PRONOUN, TITLE};
        name.chars().count() >= 2
            && self.common_words_only(name)
            && self
                .lex
                .lookup(&name.to_lowercase())
                .is_none_or(|i| i.flags & (PERSON_NOUN | TITLE | PRONOUN) == 0)
    }

    /// Is `name` made only of common English words (`names.ron`'s
    /// `common`: "Little Relief", "Zero Hedge", "Limited Tools")? A
    /// subhead's phrase or a body named by what it does, not a person
    /// (given names and common surnames are not in the list).
    fn common_words_only(&self, name: &str) -> bool {
        name.split_whitespace().all(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            !w.is_empty() && self.lex.is_common_word(w)
        })
    }

    /// Is the name of `en` written after the word `word` somewhere in
    /// the text ("the Latest", "the Onion": people's names never are;
    /// "at Politifact"), not as a possessive ("at Smith's home"), or does
    /// a mention of it open with the word?
    fn after_word(&self, en: &Entity, word: &str) -> bool {
        let n = word.len();
        let opens = en.spans.iter().any(|s| {
            let text = s.slice(self.text);
            // `get`, not indexing: a name may start with any letters
            text.get(..n + 1).is_some_and(|h| {
                h.ends_with(' ') && h.get(..n).is_some_and(|p| p.eq_ignore_ascii_case(word))
            })
        });
        opens
            || self.written_at(&en.name).any(|at| {
                let before = self.text[..at].trim_end_matches([' ', '\t']);
                let after = &self.text[at + en.name.len()..];
                let whole = !after.chars().next().is_some_and(char::is_alphanumeric);
                // "the Onion said", "at Politifact.", not "the Trump
                // campaign" or "at Trump rallies"
                let next = after.trim_start_matches([' ', '\t']);
                let word_end = next
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(next.len());
                let ends_phrase = word_end == 0
                    || self
                        .lex
                        .lookup(&next[..word_end].to_lowercase())
                        .is_some_and(|i| {
                            use crate::lexicon::flags::{AUX, CUE_VERB};
                            i.flags & (AUX | CUE_VERB) != 0
                        });
                let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
                whole
                    && ends_phrase
                    && !possessive
                    && before.len() < at
                    && before.len() >= n
                    && before.is_char_boundary(before.len() - n)
                    && before[before.len() - n..].eq_ignore_ascii_case(word)
                    && !before[..before.len() - n]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
    }

    /// Where `name` is written in the text (byte offsets, left to right,
    /// not overlapping). memchr's vectorised search: the standard
    /// library's `match_indices`, run over the whole text once per
    /// entity and question, was 7% of `extract`'s time.
    fn written_at<'s>(&'s self, name: &'s str) -> impl Iterator<Item = usize> + 's {
        memchr::memmem::find_iter(self.text.as_bytes(), name.as_bytes())
    }

    /// Is `name` written after "the", "a" or "an" somewhere ("a Purple
    /// Heart", "the Gold Star")? A person's full name is not.
    fn after_article(&self, name: &str) -> bool {
        self.written_at(name).any(|at| {
            let before = self.text[..at].trim_end_matches([' ', '\t']);
            let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            before.len() < at
                && ["the", "a", "an"]
                    .iter()
                    .any(|a| before[word_start..].eq_ignore_ascii_case(a))
        })
    }

    /// Does the name of `en` end in a time word ("Labor Day")? A
    /// pronoun after it is no evidence of a person.
    fn ends_in_time_word(&self, en: &Entity) -> bool {
        en.name.split_whitespace().last().is_some_and(|w| {
            self.lex
                .lookup(&w.to_lowercase())
                .is_some_and(|i| i.flags & crate::lexicon::flags::TIME != 0)
        })
    }

    /// Is the single word `name` the plural of a demonym, alone or as a
    /// hyphenated word's last part ("Mexicans", "African-Americans")?
    fn plural_demonym(&self, name: &str) -> bool {
        let last = name.rsplit('-').next().unwrap_or(name);
        let Some(stem) = last.strip_suffix('s') else {
            return false;
        };
        self.lex
            .lookup(&stem.to_lowercase())
            .is_some_and(|i| i.flags & crate::lexicon::flags::DEMONYM != 0)
    }

    /// Does anything but capitals say that `en` is a person?
    fn person_evidence(&self, en: &Entity) -> bool {
        // cheapest first: the pronoun's test reads the whole text
        let pronoun = || {
            en.gender.is_some()
                && self.named_twice(en)
                && !self.ends_in_time_word(en)
                && !self.after_article(&en.name)
        };
        if !en.roles.is_empty()
            || en.spans.iter().any(|s| self.person_noun_before(s.start))
            || pronoun()
        {
            return true;
        }
        let words: Vec<&str> = en.name.split_whitespace().collect();
        if let [.., last] = words.as_slice() {
            // the surname used alone: "Figueroa" after "Melezia Figueroa"
            if words.len() >= 2 && en.aliases.iter().any(|a| Self::key(a) == Self::key(last)) {
                return true;
            }
        }
        let said = en.spans.iter().map(|s| s.slice(self.text));
        std::iter::once(en.name.as_str())
            .chain(en.aliases.iter().map(String::as_str))
            .chain(said)
            .any(|n| self.name_marks_person(n))
    }

    /// Is `name` written before "which" ("Acme, which opposed …")? A
    /// relative clause about a person opens with "who".
    fn followed_by_which(&self, name: &str) -> bool {
        self.written_at(name).any(|at| {
            let after = &self.text[at + name.len()..];
            let after = after.strip_prefix(',').unwrap_or(after);
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix("which"))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    }

    /// Is `name` a title after words that are no given name ("Army
    /// Capt", "Acme CEO"), not a person's name? Not "Ada King": a given
    /// name says the last word is a surname.
    fn title_without_name(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let [rest @ .., last] = words.as_slice() else {
            return false;
        };
        !rest.is_empty()
            && self.lex.is_title_word(last)
            && !self.lex.is_given_name(last)
            && !rest
                .iter()
                .any(|w| self.lex.is_given_name(w) || self.honorific_word(w))
    }

    /// Is the word just before byte `at` a lowercase noun of a person
    /// or a title ("the prominent critic Ada Vorel", "the company's
    /// founder Ada Vorel")? An apposition that says the name is a
    /// person's. Not a determiner or pronoun that is also a noun of
    /// people ("many", "others").
    fn person_noun_before(&self, at: usize) -> bool {
        use crate::lexicon::flags::{DET, HONORIFIC, PERSON_NOUN, PRONOUN, TITLE};
        let before = self.text[..at].trim_end_matches([' ', '\t']);
        if before.len() == at {
            return false; // no space: part of a longer word
        }
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        word.chars().next().is_some_and(char::is_lowercase)
            && self.lex.lookup(word).is_some_and(|i| {
                i.flags & (PERSON_NOUN | TITLE) != 0 && i.flags & (DET | PRONOUN | HONORIFIC) == 0
            })
    }

    /// Is `en` named (not only referred to by a pronoun) at two places
    /// or more? Then a "he" or "she" that refers to it is evidence; a
    /// name met once, then taken up by a pronoun meant for someone else,
    /// is not.
    fn named_twice(&self, en: &Entity) -> bool {
        let mut starts = en
            .spans
            .iter()
            .filter(|s| {
                let t = s.slice(self.text);
                t.chars().next().is_some_and(char::is_uppercase)
                    && with_lower(t, "", |l| {
                        self.lex
                            .lookup(l)
                            .is_none_or(|i| i.flags & crate::lexicon::flags::PRONOUN == 0)
                    })
            })
            .map(|s| s.start);
        let first = starts.next();
        starts.any(|s| Some(s) != first)
    }

    /// Does the name `n` carry a person's marks: an honorific, a given
    /// name first (or a hyphenated part of it: "Jo-Renee"), a middle
    /// initial ("Vann R. Newkirk", "J.M. Berger") or a suffix ("Jr.")?
    fn name_marks_person(&self, n: &str) -> bool {
        let words: Vec<&str> = n.split_whitespace().collect();
        let Some(first) = words.iter().position(|w| !self.honorific_word(w)) else {
            return false;
        };
        if first > 0 && words.len() > first {
            return true; // "Mr. Trump", "Sen. Warren"
        }
        let name = &words[first..];
        let given = name[0]
            .split('-')
            .any(|p| p.len() >= 2 && self.lex.is_given_name(p));
        let initial = name.len() >= 2 && name[..name.len() - 1].iter().any(|w| is_initials(w));
        let suffix =
            name.len() >= 2 && with_lower(name[name.len() - 1], "", |l| SUFFIXES.contains(&l));
        given || initial || suffix
    }

    /// Is `w` an honorific written before names ("Mr.", "Sen.", "Dr"
    /// without its period)?
    fn honorific_word(&self, w: &str) -> bool {
        let honorific = |form: &str| {
            self.lex
                .lookup(form)
                .and_then(|i| i.title)
                .is_some_and(|t| self.lex.titles.titles[t as usize].honorific)
        };
        with_lower(w, "", honorific) || !w.ends_with('.') && with_lower(w, ".", honorific)
    }
}

/// Does the word look plural ("Nazarenes", not "Onion", "Congress",
/// "Times" is an outlet before it gets here)?
fn plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
}

/// "R.", "J.M.", "J": capital letters each with an optional period.
fn is_initials(w: &str) -> bool {
    let mut letters = 0;
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
        if chars.peek() == Some(&'.') {
            chars.next();
        }
    }
    (1..=3).contains(&letters) && (letters == 1 || w.contains('.'))
}

/// Is a word of `name` written in capitals, four letters or more
/// ("QUESTIONABLE MEDICAL CLAIMS", "BORROWING Back")? A headline's
/// shouting, not a person's name.
fn shouted(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !w.chars().any(char::is_lowercase)
    })
}
