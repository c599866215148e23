//! The speaker when it is not the cue's plain subject: the sentence's
//! subject for participles and coordinated verbs, an inverted tag's, the
//! one cited or let speak, the controller of an infinitive cue, none for
//! an imperative, the fallback subject and the empty subject of "It is
//! said".

use crate::lexicon::{flags, lists, CueClass};
use crate::mention::{MentionKind, Np};
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::Draft;
use super::id::RuleId;

impl<'a> Ctx<'a> {
    /// The subject of the sentence starting at `lo`, after introductory
    /// phrases that end with a comma ("In Texas, half of voters …", an
    /// adverb: "Instead, the senator …"), a place or a time phrase set off by a
    /// comma or dash ("In Salem, Oregon, on Monday, Berg …", "This week,
    /// two groups …", "OSLO — The minister …").
    pub(super) fn sentence_subject(&self, lo: usize, before: usize) -> Option<Np> {
        let mut start = lo;
        for _ in 0..4 {
            if start + 1 >= before {
                return None;
            }
            let t = &self.toks[start];
            let opener = t.has(flags::PREP | flags::ADV | flags::CONJ)
                || self.word(start).ends_with("ing")
                || (self.toks[start + 1].is_punct(',')
                    && (self.is_ly_adverb(start) || self.in_list(start, lists::CUE_ADVERBS)));
            // "Then Berg went on, saying …": a lone adverb or conjunction
            // opens the sentence without a comma
            if start == lo
                && (t.has(flags::ADV) || self.in_list(start, lists::SENTENCE_LEAD_INS))
                && !t.has(flags::PREP | flags::DET)
                && self.toks[start + 1].is_word()
                && self.toks[start + 1].cap
            {
                start += 1;
                continue;
            }
            if opener {
                let comma =
                    (start..before.min(start + 15)).find(|&k| self.toks[k].is_punct(','))?;
                start = comma + 1;
                continue;
            }
            let np = self.np.np_right(start, before, start)?;
            let set_off = np.end + 1 < before
                && matches!(self.toks[np.end].kind, TokKind::Punct(',' | '—' | '–'));
            // a bare place ("Oregon,"), not "Senator Berg of Oregon,"
            let bare_place = np.kind == MentionKind::Place
                && !(np.start..np.end).any(|k| self.toks[k].has(flags::PREP | flags::TITLE));
            let place_or_time = bare_place || self.toks[np.head].has(flags::TIME | flags::MONTH);
            if set_off && place_or_time {
                start = np.end + 1;
                continue;
            }
            return (np.kind != MentionKind::Relative && np.end < before).then_some(np);
        }
        None
    }

    /// The speaker of a reporting tag that ends, with a comma, right
    /// before token `g` ("…, Berg said, adding …", "…, said Berg, adding
    /// …"): a participle after it goes on with that report.
    fn tag_before(&self, g: usize, lo: usize) -> Option<Np> {
        if g < lo + 4 || !self.toks[g - 1].is_punct(',') {
            return None;
        }
        // a finite verb of speech right after the content's comma or
        // closing quotation mark
        let speech = |k: usize| {
            let t = &self.toks[k];
            t.has(flags::CUE_VERB)
                && !t.cap
                && !self.word(k).ends_with("ing")
                && t.verb()
                    .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
        };
        let after_content =
            |k: usize| k > lo && (self.toks[k - 1].is_punct(',') || self.toks[k - 1].is_quote());
        let v = g - 2;
        if speech(v) {
            let np = self.np.np_left(v, lo, lo)?;
            let ok = np.end == v
                && matches!(
                    np.kind,
                    MentionKind::Name | MentionKind::Pronoun | MentionKind::Description
                )
                && after_content(np.start);
            return ok.then_some(np);
        }
        let np = self.np.np_left(g - 1, lo, lo)?;
        let ok = np.end == g - 1
            && np.kind == MentionKind::Name
            && np.start > lo
            && speech(np.start - 1)
            && after_content(np.start - 1);
        ok.then_some(np)
    }

    /// The speaker of a verb cue at `i`: its subject; for a participle
    /// (", saying …") or a second coordinated verb ("… and said …") the
    /// sentence's speaker; for "It is said" none. Returns the speaker,
    /// phrases found between subject and verb, and a rule id override.
    #[allow(clippy::type_complexity)]
    pub(super) fn speaker_for_cue(
        &self,
        i: usize,
        lo: usize,
        si: usize,
        out: &[Draft],
        verb: u32,
    ) -> Option<(Option<Np>, Vec<Np>, Option<RuleId>)> {
        let w = self.word(i);
        // "saying" after "is"/"was"/"been" is a progressive verb, not a
        // participle
        let g = self.skip_verb_group_left(i, lo);
        let progressive = (g..i).any(|j| self.in_list(j, lists::BE_FORMS));
        let gerund = w.ends_with("ing") && !progressive;
        if gerund && i > lo + 1 && self.is(i - 1, "as") {
            if let Some((np, ex)) = self.cited_as(i, lo) {
                return Some((Some(np), ex, None));
            }
        }
        if !gerund && g == i && g >= lo + 2 && self.is(g - 2, "let") {
            if let Some(np) = self.let_object(g) {
                return Some((Some(np), Vec::new(), None));
            }
        }
        // "Remember that …", "Please make sure the door is shut": a base
        // form opening its sentence is an imperative with no speaker (the
        // polite word before it is no subject either)
        if !gerund && self.imperative_at(i, g, lo, verb) {
            return Some((None, Vec::new(), Some(RuleId::IndirectImperative)));
        }
        if let Some((np, ex)) = self.subject(i, lo) {
            // a participle's subject only after cited/quoted: "Lavrov
            // telling Carlson"
            let p = np.start;
            let cited = p > lo
                && (self.in_list(p - 1, lists::CITING_PARTICIPLES)
                    || (self.is(p - 1, "as") && p > lo + 1));
            if !gerund || cited {
                return Some((Some(np), ex, None));
            }
        }
        if gerund && g > lo && self.toks[g - 1].is_word() {
            if let Some(np) = self.people_before_participle(g, lo) {
                return Some((Some(np), Vec::new(), Some(RuleId::IndirectParticiple)));
            }
        }
        let after_comma = g > lo
            && (self.toks[g - 1].is_punct(',')
                || self.toks[g - 1].is_punct('—')
                || self.toks[g - 1].is_punct('–'));
        let coordinated = g > lo && self.in_list(g - 1, lists::COORDINATORS);
        if (gerund && after_comma) || coordinated {
            let prev = self
                .drafts_of(si, out)
                .find(|d| d.speaker.is_some() && d.cue.1 <= i)
                .and_then(|d| d.speaker)
                .or_else(|| self.tag_before(g, lo))
                .or_else(|| self.sentence_subject(lo, i))?;
            let hint = if gerund {
                RuleId::IndirectParticiple
            } else {
                RuleId::IndirectCoordinated
            };
            return Some((Some(prev), Vec::new(), Some(hint)));
        }
        if self.passive_it(i, lo) {
            return Some((None, Vec::new(), None));
        }
        if !gerund {
            if let Some(np) = self.fallback_subject(i, lo) {
                return Some((Some(np), Vec::new(), None));
            }
        }
        // "it is fair to note that …", "led the voters to believe that …":
        // a cue in a to-infinitive whose subject is not next to it
        if !gerund && g > lo + 1 && g == i && self.is(g - 1, "to") {
            let sp = self.infinitive_controller(g - 1, lo);
            return Some((sp, Vec::new(), Some(RuleId::IndirectInfinitival)));
        }
        None
    }

    /// "X was cited (by TASS) as saying", "TASS quoted X as saying": the
    /// one cited, for the participle cue at `i` after "as" (`i - 1`).
    fn cited_as(&self, i: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        let mut v = i - 1;
        // passive with an optional by-phrase
        if let Some(by) = (v.saturating_sub(10).max(lo)..v)
            .rev()
            .find(|&j| self.is(j, "by"))
        {
            if by > lo && self.in_list(by - 1, lists::CITING_PARTICIPLES) {
                v = by;
            }
        }
        if v > lo && self.in_list(v - 1, lists::CITING_PARTICIPLES) {
            let a = self.skip_verb_group_left(v - 1, lo);
            if a < v - 1 {
                if let Some(found) = self.subject(v - 1, lo) {
                    return Some(found);
                }
            }
        }
        // active: the phrase between cited/quoted and "as"
        let np = self.np.np_left(i - 1, lo, lo)?;
        (np.start > lo && self.in_list(np.start - 1, lists::CITING_PARTICIPLES))
            .then(|| (np, Vec::new()))
    }

    /// "let us ensure", "let me say", "let's imagine": the one let speak
    /// or think, the word before the cue's verb group at `g` ("let" at
    /// `g - 2`), when it is an object pronoun.
    fn let_object(&self, g: usize) -> Option<Np> {
        let o = &self.toks[g - 1];
        let object = self.written(g - 1, lists::POSSESSIVES)
            || o.pronoun()
                .is_some_and(|p| !self.lex.pronouns.pronouns[p as usize].possessive);
        object.then(|| Np::single(g - 1, MentionKind::Pronoun))
    }

    /// "with 30 percent of voters saying …", "left supporters telling
    /// …": the noun phrase for people right before a participle whose
    /// verb group starts at `g`, which reports what they say (not a
    /// verb's object).
    fn people_before_participle(&self, g: usize, lo: usize) -> Option<Np> {
        let np = self.np.np_left(g, lo, lo)?;
        let people = match np.kind {
            MentionKind::Name | MentionKind::Org => true,
            MentionKind::Description => {
                self.toks[np.head]
                    .has(flags::TITLE | flags::PERSON_NOUN | flags::ORG_HEAD | flags::OUTLET_NOUN)
                    || self.np.quantity_left(np.end, np.start).is_some()
            }
            _ => false,
        };
        let after_verb_object = np.start > lo
            && (self.toks[np.start - 1].verb().is_some()
                || self.toks[np.start - 1].has(flags::AUX));
        (people && !after_verb_object).then_some(np)
    }

    /// Is the cue at token `i` (its verb group starting at `g`) a verb in
    /// its base form with only a polite or linking word ("please",
    /// "also", "and") before it in the sentence starting at `lo`?
    /// `verb` is the cue's lexicon entry (a multi-word cue's first word,
    /// "Make" of "Make sure", has none of its own).
    fn imperative_at(&self, i: usize, g: usize, lo: usize, verb: u32) -> bool {
        if g != i
            || !((lo..g)
                .all(|j| self.toks[j].is_word() && self.in_list(j, lists::IMPERATIVE_LEADS))
                || self.opening_phrase_before(g, lo))
        {
            return false;
        }
        let lemma = &self.lex.verb(verb).lemma;
        let first = lemma.split(' ').next().unwrap_or(lemma);
        self.word(i).eq_ignore_ascii_case(first)
    }

    /// Does a short opening phrase and a comma ("For example, …", "Now,
    /// …", "In other words, …"), or a semicolon, come right before token
    /// `g` of the sentence starting at `lo`? A verb in its base form
    /// after it is an imperative.
    fn opening_phrase_before(&self, g: usize, lo: usize) -> bool {
        if g <= lo {
            return false;
        }
        let p = &self.toks[g - 1];
        if p.is_punct(';') || (p.is_punct(',') && self.fronted_clause_before(g - 1, lo)) {
            return true;
        }
        p.is_punct(',')
            && (1..=3).contains(&(g - 1 - lo))
            && (lo..g - 1).all(|j| {
                let t = &self.toks[j];
                t.is_word() && t.pronoun().is_none() && t.verb().is_none() && !t.has(flags::AUX)
            })
            && self.toks[lo].has(flags::PREP | flags::ADV)
    }

    /// Does a fronted subordinate clause with a subject or an auxiliary
    /// of its own ("If you are driving, …", "Therefore, when it rains,
    /// …") run from the sentence start `lo` (after a lone adverb and its
    /// comma) to the comma at `comma`? A verb in its base form after it is
    /// an imperative ("… make sure that …"); "As expected, say analysts"
    /// has neither, and stays an inverted tag.
    fn fronted_clause_before(&self, comma: usize, lo: usize) -> bool {
        let mut s = lo;
        if s + 1 < comma && self.toks[s].has(flags::ADV) && self.toks[s + 1].is_punct(',') {
            s += 2;
        }
        s + 3 <= comma
            && comma - s <= 30
            && self.toks[s].is_word()
            && self.in_list(s, lists::FRONTED_SUBORDINATORS)
            && (s + 1..comma).all(|k| {
                let t = &self.toks[k];
                !(t.is_quote() || matches!(t.kind, TokKind::Punct(',' | ';' | ':')))
            })
            && (s + 1..comma).any(|k| {
                let t = &self.toks[k];
                t.has(flags::AUX)
                    || t.pronoun()
                        .is_some_and(|x| self.lex.pronouns.pronouns[x as usize].subject)
            })
    }

    /// Who thinks or says what a to-infinitive cue reports, "to" at
    /// `to`: the phrase for people right before it ("led the voters to
    /// believe"), else the nearest subject before it that names people:
    /// a personal pronoun ("we left them out to make sure", "I would
    /// like to remind you") or a name before its verb; none for an empty
    /// "it" ("it is fair to note").
    fn infinitive_controller(&self, to: usize, lo: usize) -> Option<Np> {
        if let Some(np) = self.np.np_left(to, lo, lo).filter(|n| n.end == to) {
            let people = match np.kind {
                MentionKind::Name | MentionKind::Org => !self.toks[np.end].is_punct(','),
                MentionKind::Pronoun => !self.is(np.start, "it"),
                MentionKind::Description => {
                    self.toks[np.head].has(flags::PERSON_NOUN | flags::TITLE | flags::ORG_HEAD)
                }
                _ => false,
            };
            if people {
                return Some(np);
            }
        }
        (lo..to.saturating_sub(1)).rev().find_map(|j| {
            let t = &self.toks[j];
            let pronoun = t
                .pronoun()
                .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                && !self.is(j, "it");
            let n = &self.toks[j + 1];
            let name_before_verb = t.cap
                && t.is_word()
                && n.is_word()
                && !n.cap
                && (n.has(flags::AUX) || n.verb().is_some());
            if !(pronoun || name_before_verb) {
                return None;
            }
            self.np.np_left(j + 1, lo, lo).filter(|np| {
                matches!(
                    np.kind,
                    MentionKind::Pronoun | MentionKind::Name | MentionKind::Org
                ) && !self.is(np.start, "it")
            })
        })
    }

    /// When the subject parser gives up on a long subject ("Marlon
    /// Marshall, Clinton's director of state campaigns and political
    /// engagement, said", "Even the organizer of a rally said"): the first
    /// noun phrase of the clause, if what lies between it and the verb
    /// group is only post-modifiers, appositions and relative clauses.
    pub(super) fn fallback_subject(&self, i: usize, lo: usize) -> Option<Np> {
        let g = self.skip_verb_group_left(i, lo);
        // "… as cited by TASS": a verb right after a subordinator has no
        // subject of its own here
        if g <= lo || g - lo > 45 || self.in_list(g - 1, lists::SUBORDINATORS) {
            return None;
        }
        let mut cs = lo;
        // "But", "And even", "Still"
        while cs < g
            && self.toks[cs].is_word()
            && self.toks[cs].has(flags::CONJ | flags::ADV)
            && self.toks[cs].pronoun().is_none()
            && !self.toks[cs].has(flags::DET)
        {
            cs += 1;
        }
        // an introductory phrase: "In a statement Tuesday, X said",
        // "Speaking at the fair, X said" (a capitalized -ing word opens a
        // phrase when a lowercase word follows it, not a name: "Manning,
        // 41, said"); one word and a comma before a subject is an
        // introductory word: "Nonetheless, the figures mean", "Together,
        // these results suggest" (an apposition closes with a comma
        // before the verb: "Berg, 41, said")
        let opener_ing = self.word(cs).ends_with("ing")
            && (!self.toks[cs].cap
                || (cs == lo && self.toks.get(cs + 1).is_some_and(|n| n.is_word() && !n.cap)));
        let intro_word = cs + 2 < g
            && self.toks[cs].is_word()
            && self.toks[cs + 1].is_punct(',')
            && !self.toks[g - 1].is_punct(',')
            && self.toks[cs + 2].is_word();
        if cs < g && (self.toks[cs].has(flags::PREP) || opener_ing || intro_word) {
            let comma = (cs..g).find(|&k| self.toks[k].is_punct(','))?;
            cs = comma + 1;
        }
        let np = match self.np.np_right(cs, g, lo) {
            Some(np) => np,
            // "Two investors who spoke to us said": the phrase before a
            // relative clause
            None => {
                let who = (cs..g).find(|&k| self.written(k, lists::SUBJECT_RELATIVES))?;
                let np = self.np.np_left(who, cs, lo);
                np.filter(|n| n.start == cs)?
            }
        };
        if matches!(np.kind, MentionKind::Relative) || np.end >= g {
            return None;
        }
        let mut in_segment = false;
        let mut relative = false;
        let mut paren = false;
        for j in np.end..g {
            let t = &self.toks[j];
            // "(D-R.I.)": anything goes inside parentheses
            if t.is_punct('(') || t.is_punct(')') {
                paren = t.is_punct('(');
                continue;
            }
            if paren {
                continue;
            }
            if t.is_quote()
                || t.is_punct(';')
                || t.is_punct(':')
                || t.is_final() && !t.is_punct('.')
            {
                return None;
            }
            if t.is_punct(',') {
                in_segment = !in_segment;
                // (or "where": "the state, where she campaigned, …")
                relative = in_segment
                    && j + 1 < g
                    && (self.in_list(j + 1, lists::CLAUSE_RELATIVES) || self.is(j + 1, "where"));
                continue;
            }
            let w = self.word(j);
            if relative || !t.is_word() || self.written(j, lists::POSSESSIVES) {
                continue;
            }
            if self.written(j, lists::SUBJECT_RELATIVES) {
                // "the people who voted for him said"
                relative = true;
                continue;
            }
            if self.is(j, "that") && !in_segment {
                return None;
            }
            // a past form is a verb unless a determiner or preposition
            // makes it a noun; base and -s forms here are nouns ("a
            // pro-Trump rally", "state campaigns")
            let verbish = t.has(flags::AUX)
                || (t.verb().is_some()
                    && !t.cap
                    && w.ends_with("ed")
                    && !(j > lo && self.toks[j - 1].has(flags::PREP | flags::DET)));
            let subject_pronoun = t
                .pronoun()
                .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                && !w.eq_ignore_ascii_case("it");
            if verbish || subject_pronoun {
                return None;
            }
        }
        Some(np)
    }

    pub(super) fn passive_it(&self, i: usize, lo: usize) -> bool {
        // "It is said", "it was reported", "It has been suggested"
        let mut k = i;
        let mut aux = false;
        while k > lo && self.toks[k - 1].has(flags::AUX) {
            aux = true;
            k -= 1;
        }
        aux && k > lo && self.is(k - 1, "it") && self.word(i).ends_with("ed")
    }
}
