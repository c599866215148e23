//! Compiling the lists into the word table: every word form gets the
//! flags of the lists it is in, and multi-word entries are numbered by
//! their first word.

use std::collections::HashMap;

use super::files::{CueLexicon, GrammarLexicon, TitleLexicon, VerbEntry};
use super::hash::FastHash;
use super::syntax::{verb_lists, SyntaxLexicon};
use super::word::{flags, MultiTarget, MultiWord, WordInfo};
use super::Lexicon;

/// The word table while it is being built.
#[derive(Default)]
struct Table {
    words: HashMap<Box<str>, WordInfo, FastHash>,
    /// Multi-word entries keyed by their first word, numbered at the end.
    multi: HashMap<Box<str>, Vec<MultiWord>, FastHash>,
}

/// A lemma or name followed by its other forms.
fn forms<'a>(first: &'a str, rest: &'a [String]) -> impl Iterator<Item = &'a str> {
    std::iter::once(first).chain(rest.iter().map(String::as_str))
}

impl Lexicon {
    /// Build the word table from the lists. The order matters where a
    /// form is in two entries: the first verb, title, demonym or pronoun
    /// entry of a form is the one its tokens point to.
    pub(super) fn compile(&mut self) {
        let mut t = Table::default();
        t.verbs(&self.cues.verbs);
        t.cue_phrases(&self.cues);
        t.titles(&self.titles);
        for (i, o) in self.orgs.organizations.iter().enumerate() {
            for f in forms(&o.name, &o.aliases) {
                t.add_multi(f, MultiTarget::Org(i as u32));
            }
        }
        t.flag_all(&self.orgs.org_heads, flags::ORG_HEAD);
        t.flag_all(&self.orgs.outlet_nouns, flags::OUTLET_NOUN);
        for (i, p) in self.places.places.iter().enumerate() {
            for f in forms(&p.name, &p.aliases) {
                t.add_multi(f, MultiTarget::Place(i as u32));
            }
            for d in &p.demonyms {
                let w = t.word(d);
                w.flags |= flags::DEMONYM;
                w.demonym.get_or_insert(i as u32);
            }
        }
        for (i, p) in self.pronouns.pronouns.iter().enumerate() {
            let w = t.word(&p.form);
            w.flags |= flags::PRONOUN;
            w.pronoun.get_or_insert(i as u32);
        }
        t.grammar(&self.grammar);
        t.flag_all(&self.syntax.relatives, flags::RELATIVE);
        t.flag_all(
            &self.syntax.person_postmodifiers,
            flags::PERSON_POSTMODIFIER,
        );
        t.syntax(&self.syntax);
        let n = &self.names;
        t.given_names(n.male.iter().chain(&n.female).chain(&n.other));
        self.names.common.sort_unstable();
        self.verb_lists = verb_lists_of(&self.cues.verbs, &self.syntax);
        self.multi_lists = t.number_multi();
        self.multi_seconds = super::by_second_word(&self.multi_lists);
        self.words = t.words;
    }
}

/// The [`verb_lists`] bits of each verb, by its lemma.
fn verb_lists_of(verbs: &[VerbEntry], s: &SyntaxLexicon) -> Vec<u8> {
    let lists = [
        (&s.raising_verbs, verb_lists::RAISING),
        (&s.citing_verbs, verb_lists::CITING),
        (&s.reflexive_idiom_verbs, verb_lists::REFLEXIVE_IDIOM),
    ];
    verbs
        .iter()
        .map(|v| {
            lists
                .iter()
                .filter(|(l, _)| l.contains(&v.lemma))
                .fold(0, |bits, (_, b)| bits | b)
        })
        .collect()
}

impl Table {
    fn word(&mut self, w: &str) -> &mut WordInfo {
        self.words
            .entry(w.to_lowercase().into_boxed_str())
            .or_default()
    }

    /// Set `flag` on every word of `list`.
    fn flag_all(&mut self, list: &[String], flag: u32) {
        for w in list {
            self.word(w).flags |= flag;
        }
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

    /// Each form: one of several words as a multi-word entry naming
    /// `target`, a single word through `single`.
    fn add_forms<'f>(
        &mut self,
        forms: impl Iterator<Item = &'f str>,
        target: MultiTarget,
        mut single: impl FnMut(&mut WordInfo),
    ) {
        for f in forms {
            if f.contains(' ') {
                self.add_multi(f, target);
            } else {
                single(self.word(f));
            }
        }
    }

    fn verbs(&mut self, verbs: &[VerbEntry]) {
        for (i, v) in verbs.iter().enumerate() {
            let i = i as u32;
            self.add_forms(forms(&v.lemma, &v.forms), MultiTarget::Verb(i), |w| {
                w.flags |= flags::CUE_VERB;
                w.verb.get_or_insert(i);
            });
        }
    }

    /// "According to" phrases and communication nouns.
    fn cue_phrases(&mut self, cues: &CueLexicon) {
        for (i, p) in cues.according.iter().enumerate() {
            for f in forms(&p.lemma, &p.forms) {
                self.add_multi(f, MultiTarget::According(i as u32));
                if let Some(first) = f.split_whitespace().next() {
                    self.word(first).flags |= flags::ACCORDING;
                }
            }
        }
        for (i, p) in cues.nouns.iter().enumerate() {
            let target = MultiTarget::Noun(i as u32);
            self.add_forms(forms(&p.lemma, &p.forms), target, |w| {
                w.flags |= flags::CUE_NOUN;
            });
        }
    }

    fn titles(&mut self, titles: &TitleLexicon) {
        for (i, t) in titles.titles.iter().enumerate() {
            let i = i as u32;
            self.add_forms(forms(&t.title, &t.forms), MultiTarget::Title(i), |w| {
                w.flags |= flags::TITLE;
                if t.honorific {
                    w.flags |= flags::HONORIFIC;
                }
                w.title.get_or_insert(i);
            });
        }
        self.flag_all(&titles.person_nouns, flags::PERSON_NOUN);
    }

    fn grammar(&mut self, g: &GrammarLexicon) {
        use flags::*;
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
            self.flag_all(list, flag);
        }
    }

    /// Flag the given names, except words of the closed classes, months
    /// and time words ("Will", "June", "Sunday" are read as those).
    fn given_names<'n>(&mut self, names: impl Iterator<Item = &'n String>) {
        use flags::*;
        let closed = DET | AUX | PREP | CONJ | PRONOUN | MONTH | NOT_NAME | TIME | ADV;
        for n in names {
            let w = self.word(n);
            if w.flags & closed == 0 {
                w.flags |= GIVEN_NAME;
            }
        }
    }

    /// The word lists of `syntax.ron` become their bits on each form.
    fn syntax(&mut self, s: &SyntaxLexicon) {
        for (list, bit) in s.token_lists() {
            for w in list {
                self.word(w).lists |= bit;
            }
        }
    }

    /// Number the multi-word lists in the order of their first words and
    /// mark those first words, returning the lists by number.
    fn number_multi(&mut self) -> Vec<Vec<MultiWord>> {
        let mut firsts: Vec<(Box<str>, Vec<MultiWord>)> =
            std::mem::take(&mut self.multi).into_iter().collect();
        firsts.sort_by(|a, b| a.0.cmp(&b.0));
        let mut numbered = Vec::with_capacity(firsts.len());
        for (id, (k, list)) in firsts.iter_mut().enumerate() {
            let cue = list
                .iter()
                .any(|mw| matches!(mw.target, MultiTarget::Verb(_) | MultiTarget::According(_)));
            numbered.push(std::mem::take(list));
            let info = self.word(k);
            info.multi = Some(id as u32);
            if cue {
                info.flags |= flags::MULTI_CUE_FIRST;
            }
        }
        for (k, _) in firsts {
            let bare = k.trim_end_matches('.');
            self.word(bare).flags |= flags::MULTI_FIRST;
            self.word(&format!("{bare}.")).flags |= flags::MULTI_FIRST;
        }
        numbered
    }
}
