//! Phrases that end at a token: the subject before a verb ("Norwegian
//! foreign minister Amara Osei said", "six in 10 Democratic voters
//! said").

use crate::lexicon::{flags, lists, MultiTarget};
use crate::token::TokKind;

use super::{is_modifier_word, MentionKind, Np, Phrases};

impl<'a> Phrases<'a> {
    /// The noun phrase that ends right before token `end`, not reaching
    /// before `lo`.
    pub fn np_left(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        let mut np = self.np_left_simple(end, lo, sent_start)?;
        // "six in 10 Democratic voters"
        if np.kind == MentionKind::Description && np.head != np.start {
            if let Some(q) = self.quantity_left(np.start, lo) {
                np.start = q;
            }
        }
        // "the top aide of Russian President Vladimir Putin": a description
        // whose head is left of an of/for/at-phrase
        if np.start >= lo + 2
            && np.kind != MentionKind::Pronoun
            && np.kind != MentionKind::Relative
            && self.toks[np.start - 1].is_word()
            && self.written(np.start - 1, lists::HEAD_POSTMODIFIERS)
        {
            if let Some(whole) = self
                .np_left_simple(np.start - 1, lo, sent_start)
                .and_then(|left| self.person_before(left, np.end))
            {
                np = whole;
            }
        }
        if let Some(left) = self.postmodified_person(&np, lo, sent_start) {
            np = left;
        }
        Some(np)
    }

    /// "a source close to the mayor", "officials familiar with the talks":
    /// the phrase `np` after an adjective or participle of
    /// `person_postmodifiers` and a preposition belongs to the person
    /// noun before them, which heads the whole phrase.
    fn postmodified_person(&self, np: &Np, lo: usize, sent_start: usize) -> Option<Np> {
        if np.start < lo + 3 || matches!(np.kind, MentionKind::Pronoun | MentionKind::Relative) {
            return None;
        }
        let (p, a) = (&self.toks[np.start - 1], &self.toks[np.start - 2]);
        let adjective = a.is_word() && !a.cap && a.has(flags::PERSON_POSTMODIFIER);
        if !(p.is_word() && p.has(flags::PREP) && adjective) {
            return None;
        }
        let left = self.np_left_simple(np.start - 2, lo, sent_start)?;
        self.person_before(left, np.end)
    }

    /// The phrase from `left`, a description headed by a title or a noun
    /// of a person, to `end`: the person heads what follows them.
    fn person_before(&self, left: Np, end: usize) -> Option<Np> {
        (left.kind == MentionKind::Description
            && self.toks[left.head].has(flags::TITLE | flags::PERSON_NOUN))
        .then_some(Np {
            start: left.start,
            end,
            head: left.head,
            kind: MentionKind::Description,
            name: left.name,
            known: None,
        })
    }

    /// A quantity phrase ending at `end`: "half", "55 percent", "26%",
    /// "six in 10", "more than a third", "most", "a majority" — the
    /// subjects of poll reports ("six in 10 said …"). Returns its start.
    pub fn quantity_left(&self, end: usize, lo: usize) -> Option<usize> {
        if end <= lo {
            return None;
        }
        let i = end - 1;
        let t = &self.toks[i];
        let is_num = |k: usize| {
            self.toks[k].kind == TokKind::Number
                || (self.toks[k].is_word() && self.toks[k].in_list(lists::NUMBER_WORDS))
        };
        let percent = (t.is_punct('%') && i > lo && self.toks[i - 1].kind == TokKind::Number)
            || (t.is_word()
                && self.word(i).eq_ignore_ascii_case("percent")
                && i > lo
                && is_num(i - 1));
        let mut start = if percent {
            i - 1
        } else if is_num(i)
            && i >= lo + 2
            && self.written(i - 1, lists::RATIO_WORDS)
            && is_num(i - 2)
        {
            // "six in 10", "two out of three"
            let mut k = i - 2;
            if k > lo && self.word(k - 1) == "out" && self.word(i - 1) == "of" && k >= lo + 2 {
                k = i - 3;
                if !is_num(k) {
                    return None;
                }
            }
            k
        } else if t.is_word() && t.in_list(lists::QUANTITY_HEADS) && (!t.cap || i == lo) {
            i
        } else {
            return None;
        };
        // "more than", "nearly", "about", "a", "the other"
        while start > lo {
            let p = &self.toks[start - 1];
            if p.in_list(lists::QUANTITY_MODIFIERS)
                || (p.in_list(lists::COMPARATIVES) && self.word(start).eq_ignore_ascii_case("than"))
            {
                start -= 1;
            } else {
                break;
            }
        }
        Some(start)
    }

    /// The phrase ending right before `end` without a post-modifier: a
    /// quantity, a pronoun, a relative pronoun, a name or a description.
    fn np_left_simple(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        if end <= lo {
            return None;
        }
        let i = end - 1;
        let t = &self.toks[i];
        if let Some(start) = self.quantity_left(end, lo) {
            return Some(Np::description(start, end, i));
        }
        if !t.is_word() {
            return None;
        }
        if let Some(p) = t.pronoun() {
            // "many of them", "some of us": an object pronoun after a
            // partitive "of" ends the subject the quantity opens
            let subject = self.lex.pronouns.pronouns[p as usize].subject
                || (!self.lex.pronouns.pronouns[p as usize].possessive
                    && i >= lo + 2
                    && self.is_word_of(i - 1)
                    && (self.quantity_left(i - 1, lo).is_some()
                        || self.toks[i - 2].in_list(lists::PARTITIVES)));
            return subject.then(|| Np::single(i, MentionKind::Pronoun));
        }
        if t.has(flags::RELATIVE) && self.written(i, lists::SUBJECT_RELATIVES) {
            return Some(Np::single(i, MentionKind::Relative));
        }
        let name_word = self.is_name_word(i, sent_start);
        let mut buf = String::new();
        let known = if name_word || t.cap {
            self.multi_ending_at(end, lo, &mut buf)
        } else {
            None
        };
        if name_word || (t.cap && known.is_some()) {
            return Some(self.name_left(end, lo, sent_start, known));
        }
        self.description_left(end, lo, sent_start)
    }

    /// The name ending right before `end`, a capitalized run with its
    /// initials and joiners ("George W. Bush", "Osama bin Laden") or the
    /// known organization or place `known` that ends there, with the
    /// titles and modifiers before it.
    fn name_left(
        &self,
        end: usize,
        lo: usize,
        sent_start: usize,
        known: Option<(usize, MultiTarget)>,
    ) -> Np {
        let i = end - 1;
        let mut j = i;
        while j > lo {
            let p = &self.toks[j - 1];
            if p.is_punct('.')
                && j >= lo + 2
                && self.word(j - 2).chars().count() == 1
                && self.toks[j - 2].cap
            {
                // an initial: "George W. Bush"
                j -= 2;
            } else if (self.is_name_word(j - 1, sent_start)
                && !p.has(flags::DEMONYM)
                && !p.has(flags::TITLE))
                || (p.is_word()
                    && self.written(j - 1, lists::NAME_JOINERS)
                    && j >= lo + 2
                    && self.is_name_word(j - 2, sent_start)
                    && !self.toks[j - 2].has(flags::TITLE | flags::DEMONYM))
            {
                j -= 1;
            } else if j >= lo + 3
                && p.is_word()
                && self.written(j - 1, lists::NAME_JOINERS)
                && self.written(j - 2, lists::NAME_JOINERS)
                && self.is_name_word(j - 3, sent_start)
                && !self.toks[j - 3].has(flags::TITLE | flags::DEMONYM)
            {
                // two joiners: "Pieter van der Berg"
                j -= 2;
            } else if p.is_word()
                && p.cap
                && !p.has(flags::TITLE)
                && j < end
                && j >= lo + 2
                && self.org_noun(j - 2)
            {
                // "energy company Western Power": after an organization
                // noun, a capitalized word (a demonym, a compass point)
                // opens the organization's name
                j -= 1;
                break;
            } else if self.possessor_of_body(j, i, lo) {
                // "the Kent County Sheriff's Office": the possessor is part
                // of the body's name
                j -= 2;
            } else {
                break;
            }
        }
        let name_start = known.map_or(j, |(s, _)| j.min(s));
        let kind = match known.map(|k| k.1) {
            Some(MultiTarget::Org(_)) => MentionKind::Org,
            Some(MultiTarget::Place(_)) => MentionKind::Place,
            _ if self.toks[i].has(flags::ORG_HEAD) => MentionKind::Org,
            _ => MentionKind::Name,
        };
        Np {
            start: self.modifiers_left(name_start, lo, sent_start),
            end,
            head: i,
            kind,
            name: Some((name_start, end)),
            known: known.map(|k| k.1),
        }
    }

    /// Is the capitalized organization head at `j` (the name's last word
    /// `i`) after a capitalized possessor ("Sheriff's Office", "Children's
    /// Hospital"), so that the possessor is part of the body's name?
    fn possessor_of_body(&self, j: usize, i: usize, lo: usize) -> bool {
        j == i
            && j >= lo + 2
            && self.toks[i].cap
            && self.toks[i].has(flags::ORG_HEAD)
            && self.written(j - 1, lists::POSSESSIVES)
            && self.toks[j - 2].is_word()
            && self.toks[j - 2].cap
    }

    /// The description ending right before `end`: a title or person noun
    /// ("the President", "his spokesman"), a bare plural of people at a
    /// clause's start ("Election scholars"), or a noun with a determiner
    /// or possessor within reach ("the billionaire real estate magnate").
    fn description_left(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        let i = end - 1;
        let t = &self.toks[i];
        let w = self.word(i);
        let people = flags::TITLE | flags::PERSON_NOUN | flags::ORG_HEAD;
        if (t.cap && t.has(people) && !t.has(flags::PRONOUN))
            || (!t.cap && t.has(people | flags::OUTLET_NOUN))
        {
            let start = self.modifiers_left(i, lo, sent_start);
            return Some(Np::description(start, end, i));
        }
        if t.cap || !is_modifier_word(t, w) {
            return None;
        }
        // a bare plural of people-like nouns: "Election scholars", "critics"
        if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
            let mut start = self.modifiers_left(i, lo, sent_start);
            // "six in 10 Democratic voters"
            if let Some(q) = self.quantity_left(start, lo) {
                start = q;
            }
            let at_clause = start == lo
                || self.only_adverbs(lo, start)
                || self.toks[start - 1].is_punct(',')
                || self.toks[start - 1].has(flags::CONJ)
                || self.toks[start - 1].is_quote();
            if at_clause {
                return Some(Np::description(start, end, i));
            }
        }
        // any other noun with a determiner or possessor within reach:
        // "the billionaire real estate magnate", "her campaign"
        let start = self.modifiers_left(i, lo, sent_start);
        if start >= i {
            return None;
        }
        let s = &self.toks[start];
        let determined = (s.has(flags::DET) && !self.written(start, lists::WEAK_DETERMINERS))
            || s.pronoun()
                .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].possessive)
            || (start + 1 < end && self.written(start + 1, lists::POSSESSIVES));
        determined.then(|| Np::description(start, end, i))
    }

    /// Is token `k` the word "of"?
    fn is_word_of(&self, k: usize) -> bool {
        self.toks[k].is_word() && self.word(k).eq_ignore_ascii_case("of")
    }

    /// Are the one or two tokens `lo..start` adverbs opening the clause
    /// ("Together these results", "Clearly these figures")?
    fn only_adverbs(&self, lo: usize, start: usize) -> bool {
        start > lo
            && start - lo <= 2
            && (lo..start).all(|k| self.toks[k].is_word() && self.toks[k].has(flags::ADV))
    }

    /// Is token `k` the apostrophe of a plural possessive ("the workers'
    /// union"): a lone apostrophe the tokenizer did not take for a quotation
    /// mark, right after a word ending in "s"?
    fn plural_possessive(&self, k: usize) -> bool {
        let t = &self.toks[k];
        matches!(t.kind, TokKind::Punct('\'' | '\u{2019}'))
            && !t.space_before
            && k > 0
            && self.toks[k - 1].is_word()
            && self.word(k - 1).ends_with(['s', 'S'])
    }

    /// Extend a phrase leftwards over titles, demonyms, possessives,
    /// adjectives and one determiner.
    fn modifiers_left(&self, from: usize, lo: usize, sent_start: usize) -> usize {
        let mut j = from;
        let mut steps = 0;
        while j > lo && steps < 8 {
            let p = &self.toks[j - 1];
            let pw = self.word(j - 1);
            steps += 1;
            // "Mr. Verdery", "Gen. Ray": an honorific's period
            if p.is_punct('.') && j >= lo + 2 && self.toks[j - 2].has(flags::HONORIFIC) {
                j -= 2;
                continue;
            }
            if p.has(flags::DET) && !p.has(flags::PRONOUN) {
                // "the", "a", "some": include and stop; also "his"-type
                // possessive determiners ("his spokesman")
                j -= 1;
                break;
            }
            if (p.is_word() && self.written(j - 1, lists::POSSESSIVES)
                || self.plural_possessive(j - 1))
                && j >= lo + 2
            {
                // possessor: "Putin's spokesman"
                if let Some(owner) = self.np_left_simple(j - 1, lo, sent_start) {
                    if owner.kind != MentionKind::Relative {
                        j = owner.start;
                        break;
                    }
                }
                break;
            }
            if p.cap && p.pronoun().is_some() && self.is_name_word(j - 1, sent_start) {
                // "US journalist": an all-caps known name, not "us"
                j -= 1;
                continue;
            }
            if let Some(pr) = p.pronoun() {
                if self.lex.pronouns.pronouns[pr as usize].possessive {
                    j -= 1;
                }
                break;
            }
            if p.has(flags::TITLE | flags::DEMONYM)
                || (p.cap
                    && self.is_name_word(j - 1, sent_start)
                    && self.toks[from].has(flags::TITLE))
            {
                j -= 1;
                continue;
            }
            if p.is_punct('-')
                || (p.is_word()
                    && (pw.ends_with("-elect") || pw.starts_with("then-") || pw.starts_with("ex-")))
            {
                j -= 1;
                continue;
            }
            if p.cap && (self.is_name_word(j - 1, sent_start) || self.known_single(j - 1).is_some())
            {
                // "US journalist", "Kremlin spokesman" — capitalized modifiers
                j -= 1;
                continue;
            }
            if !p.cap
                && p.verb()
                    .is_some_and(|v| self.lex.verb(v).lemma == pw.to_lowercase())
                && !p.has(flags::AUX | flags::PREP)
            {
                // a verb's base form used as a noun modifier: "state media"
                j -= 1;
                continue;
            }
            if is_modifier_word(p, pw) {
                j -= 1;
                continue;
            }
            break;
        }
        j
    }
}
