//! Where forward content starts and ends: clause and object openings, and
//! the places where the author's own words take over.

use crate::lexicon::{flags, lists, CueClass};
use crate::token::{TokKind, Token};

use super::ctx::Ctx;

impl<'a> Ctx<'a> {
    /// Where reported content gives way to the author's own words: the
    /// first `, which/who/while/though/despite…`, dash, semicolon, or
    /// `, and/but` + a new subject, outside quotations.
    pub(super) fn content_tail(&self, start: usize, end: usize) -> Option<usize> {
        let mut j = start + 1;
        while j < end {
            if self.in_quote(j) || self.toks[j].is_quote() {
                j += 1;
                continue;
            }
            let t = &self.toks[j];
            // "…,” and said that …": a second report by the same speaker
            if t.is_word() && self.written(j, lists::COORDINATORS) {
                let v = self.skip_adverbs_right(j + 1, end);
                if v < end
                    && !self.word(v).ends_with("ing")
                    && self.toks[v].has(flags::CUE_VERB)
                    && self.toks[v]
                        .verb()
                        .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
                {
                    let mut e = j;
                    while e > start + 1 && self.toks[e - 1].is_punct(',') {
                        e -= 1;
                    }
                    return Some(e);
                }
            }
            // "… fares are high while others say …": without a comma too,
            // a contrast opens another speaker's report
            if t.is_word()
                && self.in_list(j, lists::AUTHOR_OPENERS)
                && self.reported_clause_at(j + 1, end)
            {
                return Some(j);
            }
            // "…, and that the rest would follow": a second that-clause
            // of the same report carries the content on
            if matches!(t.kind, TokKind::Punct(',' | '—' | '–' | '-'))
                && self.second_that_clause(j + 1, end)
            {
                j += 3;
                continue;
            }
            match t.kind {
                TokKind::Punct(';') => return Some(j),
                TokKind::Punct('—' | '–' | '-') if t.space_before || !t.is_punct('-') => {
                    // "— Iowa's biggest media market —": a pair of dashes
                    // sets off an aside inside the content; a single dash
                    // starts the author's addition
                    let is_dash = |u: &Token| {
                        matches!(u.kind, TokKind::Punct('—' | '–'))
                            || (u.is_punct('-') && u.space_before)
                    };
                    match (j + 1..end).find(|&m| is_dash(&self.toks[m]) && !self.in_quote(m)) {
                        Some(m) => {
                            j = m + 1;
                            continue;
                        }
                        None => return Some(j),
                    }
                }
                TokKind::Punct(',') if j + 1 < end => {
                    let n = &self.toks[j + 1];
                    if n.in_list(lists::AUTHOR_OPENERS) || self.relay_at(j + 1).is_some() {
                        return Some(j);
                    }
                    // ", adding that …", ", insisting …": a participle cue
                    // reports a second claim of its own
                    let p = self.skip_adverbs_right(j + 1, end);
                    if p < end
                        && self.toks[p].verb().is_some()
                        && self.word(p).ends_with("ing")
                        && self.toks[p].has(flags::CUE_VERB)
                    {
                        return Some(j);
                    }
                    // ", one of the prosecutors said …", ", and most said …":
                    // another speaker's report begins
                    // (", after half said so …": a subordinator too)
                    let k = if n.in_list(lists::COORDINATORS) || n.in_list(lists::SUBORDINATORS) {
                        j + 2
                    } else {
                        j + 1
                    };
                    if self.reported_clause_at(k, end) {
                        return Some(j);
                    }
                    if n.in_list(lists::CLAUSE_COORDINATORS) && j + 2 < end {
                        let s2 = &self.toks[j + 2];
                        let new_subject = s2
                            .pronoun()
                            .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                            || (s2.has(flags::DET) && !s2.has(flags::PRONOUN))
                            || (s2.cap && s2.is_word());
                        if new_subject {
                            return Some(j);
                        }
                    }
                }
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// Does "and that" / "but that" and a clause start at `k` (a second
    /// complement of the same cue: "said the bridge would open, and that
    /// the road would follow")?
    fn second_that_clause(&self, k: usize, end: usize) -> bool {
        k + 2 < end
            && self.written(k, lists::CLAUSE_COORDINATORS)
            && self.is(k + 1, "that")
            && self.clause_start(k + 2, end)
    }

    /// Does a short subject followed by a finite reporting verb start at
    /// `k` ("one of the former prosecutors said", "three-quarters say")?
    pub(super) fn reported_clause_at(&self, k: usize, end: usize) -> bool {
        if k >= end || !matches!(self.toks[k].kind, TokKind::Word | TokKind::Number) {
            return false;
        }
        // ", even some allies said …": a lead-in word before the subject
        let k = if self.in_list(k, lists::SENTENCE_LEAD_INS) {
            k + 1
        } else {
            k
        };
        if k >= end {
            return false;
        }
        let first = &self.toks[k];
        let subject_like = first
            .pronoun()
            .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
            || first.has(flags::DET)
            || first.cap
            || first.kind == TokKind::Number
            || self.np.quantity_left(k + 1, k).is_some()
            // "more than 4 in 10 said"
            || (k + 2..end.min(k + 6)).any(|e| self.np.quantity_left(e, k) == Some(k))
            // ", but analysts said …": a bare plural noun
            || (first.is_word()
                && first.verb().is_none()
                && !first.has(flags::PREP | flags::CONJ | flags::AUX)
                && self.word(k).len() > 3
                && self.word(k).ends_with('s'));
        if !subject_like {
            return false;
        }
        for m in k + 1..end.min(k + 9) {
            let t = &self.toks[m];
            if !(t.is_word() || t.kind == TokKind::Number || t.is_punct('-') || t.is_punct('.'))
                || self.in_quote(m)
            {
                return false;
            }
            if let Some(v) = t.verb() {
                if t.has(flags::CUE_VERB)
                    && !t.cap
                    && !self.word(m).ends_with("ing")
                    && !self.toks[m - 1].has(flags::DET | flags::PREP)
                {
                    return self.lex.verb(v).class == CueClass::Speech;
                }
            }
        }
        false
    }

    /// For object and infinitive content, also stop at a second verb
    /// phrase ("to vote in May but is undecided", "Clinton and attacked
    /// Sanders") and at a dated adjunct ("in October"). Clauses with
    /// "during", "after", "when" and bare time words stay in: annotators
    /// mostly keep them.
    pub(super) fn object_tail(&self, start: usize, end: usize) -> Option<usize> {
        (start + 1..end.saturating_sub(1)).find(|&j| {
            if self.in_quote(j) || self.toks[j].is_quote() {
                return false;
            }
            let n = &self.toks[j + 1];
            let second_verb = self.written(j, lists::COORDINATORS)
                && n.is_word()
                && !n.cap
                && (n.has(flags::AUX) || n.verb().is_some() || self.word(j + 1).ends_with("ed"));
            let dated = self.written(j, lists::DATE_PREPOSITIONS)
                && n.has(flags::TIME | flags::MONTH)
                && n.cap;
            second_verb || dated
        })
    }

    /// Can an object phrase start at `k`?
    pub(super) fn object_start(&self, k: usize, hi: usize) -> bool {
        let t = &self.toks[k];
        k < hi
            && (t.is_word() || t.kind == TokKind::Number || t.is_quote())
            && !t.has(flags::PREP | flags::CONJ | flags::AUX)
            && !t.in_list_as_written(lists::PARTICLES, self.text)
    }

    /// After a verb of saying almost anything is content ("says going
    /// through it helped", "said yes"), but not a preposition, a
    /// conjunction or the end.
    pub(super) fn loose_clause_start(&self, k: usize, hi: usize) -> bool {
        if self.at_least(k) {
            return true;
        }
        let t = &self.toks[k];
        // not inside a phrase the cue's prepositional phrase has begun
        // ("respond to the | request")
        let mid_phrase = k > 0
            && (self.toks[k - 1].has(flags::DET)
                || self.toks[k - 1]
                    .pronoun()
                    .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].possessive));
        k < hi
            && !mid_phrase
            && (t.is_word() || t.kind == TokKind::Number)
            && !t.has(flags::PREP | flags::CONJ | flags::RELATIVE | flags::TIME)
    }

    /// "at least" / "at most" before a quantity: a subject's start ("said
    /// at least two bridges were closed"), not a place.
    pub(super) fn at_least(&self, k: usize) -> bool {
        self.is(k, "at") && (self.is(k + 1, "least") || self.is(k + 1, "most"))
    }

    /// Does a finite clause plainly start at `k`: a subject pronoun ("we
    /// could", "she was"), "there" and a form of "be", or a short phrase
    /// (determiner, name, "it", "you", "this") and an auxiliary within a
    /// few words, with no punctuation, preposition or relative word
    /// between ("the plan is", "it will")?
    pub(super) fn finite_clause_start(&self, k: usize, hi: usize) -> bool {
        if k + 1 >= hi {
            return false;
        }
        let t = &self.toks[k];
        if !t.is_word() {
            return false;
        }
        if self.is(k, "there") {
            return self.in_list(k + 1, lists::BE_FORMS);
        }
        let loose = self.is(k, "it") || self.is(k, "you") || self.is(k, "this");
        if let Some(p) = t.pronoun() {
            let p = &self.lex.pronouns.pronouns[p as usize];
            if p.subject && !p.possessive && !loose {
                return true;
            }
            if !loose {
                return false;
            }
        } else if !(loose
            || t.has(flags::DET)
            || (t.cap && !t.has(flags::PREP | flags::CONJ))
            || self.bare_noun(k))
        {
            return false;
        }
        for j in k + 1..hi.min(k + 6) {
            let u = &self.toks[j];
            if !u.is_word() || u.has(flags::PREP | flags::RELATIVE | flags::CONJ) {
                return false;
            }
            if u.has(flags::AUX) && !u.cap {
                return true;
            }
        }
        false
    }

    /// Can the lowercase word at `k` open a subject without a determiner
    /// ("small parties have", "most people are")? Not a function word,
    /// an adverb or a verb form.
    fn bare_noun(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.is_word()
            && !t.cap
            && t.verb().is_none()
            && !t.has(flags::PREP | flags::CONJ | flags::AUX | flags::ADV | flags::RELATIVE)
            && !t.in_list(lists::WH_WORDS)
            && !self.word(k).ends_with("ly")
    }

    /// Does a clause (subject + more) start at `k`? Pronouns, determiners,
    /// names and numbers open one.
    pub(super) fn clause_start(&self, k: usize, hi: usize) -> bool {
        if k + 1 >= hi {
            return false;
        }
        if self.at_least(k) {
            return true;
        }
        let t = &self.toks[k];
        if let Some(p) = t.pronoun() {
            return self.lex.pronouns.pronouns[p as usize].subject
                || self.lex.pronouns.pronouns[p as usize].possessive;
        }
        if t.has(flags::DET) || t.kind == TokKind::Number {
            return true;
        }
        if t.is_word() && t.cap && !t.has(flags::PREP | flags::CONJ) {
            return true;
        }
        t.is_word() && t.in_list_as_written(lists::CLAUSE_SUBJECTS, self.text)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// "… while others say …": a contrast without a comma opens another
    /// speaker's report too.
    #[test]
    fn a_contrast_without_a_comma_starts_another_report() {
        assert_eq!(
            found("Most growers say the frost spared them while others say it ruined the crop."),
            [
                "indirect.clause | Most growers | say | the frost spared them",
                "indirect.clause | others | say | it ruined the crop"
            ]
        );
    }

    /// ", but analysts said …": a bare plural subject and a verb of
    /// saying start another speaker's report, which ends the first.
    /// A quantity ("more than 4 in 10"), a lead-in word (", even some
    /// …") or a subordinator (", after half …") before another report.
    #[test]
    fn quantities_and_lead_ins_start_another_report() {
        assert_eq!(
            found("Most riders said fares were high, and more than 3 in 10 said the trains were late."),
            [
                "indirect.clause | Most riders | said | fares were high",
                "indirect.clause | more than 3 in 10 | said | the trains were late",
            ]
        );
        assert_eq!(
            found("Many members say they trust the board, even some founders said it was slow."),
            [
                "indirect.clause | Many members | say | they trust the board",
                "indirect.clause | some founders | said | it was slow",
            ]
        );
    }

    #[test]
    fn a_bare_plural_subject_starts_another_report() {
        assert_eq!(
            found("Voss said she met the builders twice, but inspectors said those visits were brief."),
            [
                "indirect.clause | Voss | said | she met the builders twice",
                "indirect.clause | inspectors | said | those visits were brief",
            ]
        );
    }

    /// The content ends where the author's own words begin.
    #[test]
    fn the_content_ends_before_the_authors_words() {
        for text in [
            "Berg said the bridge would open, while critics doubted it.",
            "Berg said the bridge would open; critics doubted it.",
        ] {
            assert_eq!(
                found(text),
                ["indirect.clause | Berg | said | the bridge would open"],
                "{text}"
            );
        }
    }

    /// A second that-clause after "and" or "but" belongs to the same
    /// report; a demonstrative "that" opening a new sentence part does not.
    #[test]
    fn a_second_that_clause_carries_the_content_on() {
        assert_eq!(
            found("Berg said the bridge would open in May, and that the road would follow."),
            ["indirect.clause | Berg | said | the bridge would open in May, and that the road would follow"]
        );
        assert_eq!(
            found("Berg said that fares would rise — but that the trams would run."),
            ["indirect.that | Berg | said | that fares would rise — but that the trams would run"]
        );
        assert_eq!(
            found("Berg said the bridge would open, and that was the end of it."),
            ["indirect.clause | Berg | said | the bridge would open"]
        );
    }

    /// An object ends before a dated adjunct.
    #[test]
    fn an_object_ends_before_its_date() {
        assert_eq!(
            found("Berg endorsed the plan in October."),
            ["indirect.object | Berg | endorsed | the plan"]
        );
    }
    /// After a verb of knowing, a bare clause may open with a subject
    /// that has no determiner ("small shops have …").
    #[test]
    fn a_bare_clause_with_a_bare_subject() {
        assert_eq!(
            found("I understand small shops have no chance."),
            ["indirect.clause | I | understand | small shops have no chance"]
        );
    }
}
