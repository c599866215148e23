//! Pass 6, forward indirect speech: a speaker and cue, then the content
//! (`indirect.that`, `indirect.clause`, `indirect.infinitive`,
//! `indirect.object`, `indirect.relative`, `indirect.raised`, and for a
//! participle or a second verb of the sentence's speaker
//! `indirect.participle`, `indirect.coordinated`).

use crate::lexicon::{flags, lists, verb_lists, CueClass};
use crate::mention::{MentionKind, Np};
use crate::span::Span;
use crate::token::TokKind;

use super::ctx::{Ctx, NONE};
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl<'a> Ctx<'a> {
    pub(super) fn forward(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut i = lo;
            while let Some(t) = self.next_trigger(&mut at, i, hi) {
                i = t;
                if self.taken[i] || self.in_quote(i) {
                    i += 1;
                    continue;
                }
                match self.forward_at(i, lo, hi, si, out) {
                    Some(d) => {
                        let next = d.cue.1;
                        self.commit(d, out);
                        i = next;
                    }
                    None => i += 1,
                }
            }
        }
    }

    pub(super) fn forward_at(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        si: usize,
        out: &[Draft],
    ) -> Option<Draft> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, ao, needs) = self.verb_info(cw);
        if !matches!(cw, CueWord::Verb(_)) {
            return None;
        }
        // "TASS cited Lavrov as saying …": the attribution belongs to
        // "saying", with TASS as the source
        if self.verb_in(cw, verb_lists::CITING) {
            let k = self.np.np_right(ce, hi, lo).map_or(ce, |n| n.end);
            if self.is(k, "as")
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.verb().is_some() && self.word(k + 1).ends_with("ing"))
            {
                return None;
            }
        }
        let (speaker, extras, rule_hint) = self.speaker_for_cue(i, lo, si, out)?;
        if speaker.is_none()
            || speaker.is_some_and(|sp| {
                sp.kind == MentionKind::Pronoun && self.is(sp.start, "it") && self.passive_it(i, lo)
            })
        {
            // "It is said that…": an empty subject is no speaker
            if self.passive_it(i, lo) {
                return self.forward_content(
                    i, ce, cw, None, lo, hi, si, class, ao, needs, &extras, rule_hint,
                );
            }
        }
        // "The snow is expected to ease", "Trump is said to favor …": a
        // raised passive names no speaker; its subject belongs to the
        // content, split around the verb
        let raised = speaker.filter(|sp| {
            sp.kind != MentionKind::Relative
                && self.is(ce, "to")
                && self.word(i).ends_with("ed")
                && self.verb_in(cw, verb_lists::RAISING)
                && (self.skip_verb_group_left(i, lo)..i)
                    .any(|j| self.in_list(j, lists::PASSIVE_BE_FORMS))
        });
        if let Some(sp) = raised {
            let mut d = self.forward_content(
                i, ce, cw, None, lo, hi, si, class, ao, needs, &extras, rule_hint,
            )?;
            d.content.insert(0, sp.span(self.toks));
            d.rule = RuleId::IndirectRaised;
            return Some(d);
        }
        self.forward_content(
            i, ce, cw, speaker, lo, hi, si, class, ao, needs, &extras, rule_hint,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn forward_content(
        &mut self,
        i: usize,
        ce: usize,
        cw: CueWord,
        speaker: Option<Np>,
        lo: usize,
        hi: usize,
        si: usize,
        class: CueClass,
        ao: bool,
        needs: bool,
        extras: &[Np],
        rule_hint: Option<RuleId>,
    ) -> Option<Draft> {
        let (k, addr, src) = self.after_cue(ce, hi, ao, lo);
        if k >= hi {
            return None;
        }
        let t = &self.toks[k];
        let mut start = k;
        let rule;
        if self.is(k, "that") {
            rule = RuleId::IndirectThat;
        } else if t.is_quote() {
            rule = RuleId::IndirectObject;
        } else if t.is_punct(':') || t.is_punct(',') {
            // "said: the plan…" / "said, the plan…"
            if k + 1 >= hi || class != CueClass::Speech || t.is_punct(',') {
                return None;
            }
            start = k + 1;
            rule = RuleId::IndirectClause;
        } else if self.is(k, "to")
            && self
                .toks
                .get(k + 1)
                .is_some_and(|u| (u.is_word() && !u.cap) || u.is_quote())
        {
            let takes_inf = match cw {
                CueWord::Verb(v) => self.lex.verb(v).infinitive || ao,
                _ => false,
            };
            if !matches!(class, CueClass::Intention | CueClass::Belief) && !takes_inf {
                return None;
            }
            rule = RuleId::IndirectInfinitive;
            // "urged her peers to act", "called on Muslims to stand up":
            // the one urged belongs to the content
            if let Some(a) = addr {
                if a.end == k {
                    start = a.start;
                }
            }
        } else if t.in_list(lists::WH_WORDS) && class != CueClass::Intention {
            rule = RuleId::IndirectClause;
        } else if self.is(k, "about")
            && class == CueClass::Speech
            && k + 1 < hi
            && self.object_start(k + 1, hi)
        {
            // "warned us about those rapists", "joked about the economy":
            // annotators mostly leave the "about" out of the content
            start = k + 1;
            rule = RuleId::IndirectObject;
        } else if !(class == CueClass::Intention
            || needs
            || matches!(cw, CueWord::Verb(v) if self.lex.verb(v).no_bare_clause))
            && (self.clause_start(k, hi)
                || (class == CueClass::Speech && self.loose_clause_start(k, hi)))
        {
            rule = RuleId::IndirectClause;
        } else if self.is_object_verb(cw)
            && self.object_start(k, hi)
            && !(self.written(k, lists::REFLEXIVES)
                && self.verb_in(cw, verb_lists::REFLEXIVE_IDIOM))
        {
            // "endorsed Sanders in the primary", "called the plan a mistake":
            // the object, to the end of its clause
            rule = RuleId::IndirectObject;
        } else if self.is(k, "as") && k + 1 < hi {
            // "the candidate, whom he described as “volatile,”": the
            // relative pronoun stands for what is described
            let sp = speaker?;
            if sp.start <= lo || !self.in_list(sp.start - 1, lists::OBJECT_RELATIVES) {
                return None;
            }
            let rel = self.toks[sp.start - 1].span;
            let end = (k + 1..hi)
                .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
                .unwrap_or(hi);
            let mut d = Draft {
                speaker,
                cue: (i, ce),
                cue_word: cw,
                content: vec![rel, self.span_of(k, end)?],
                source: src,
                addressee: addr,
                rule: RuleId::IndirectRelative,
                sent: si,
            };
            if d.content.iter().any(|c| self.is_taken_span(*c)) {
                return None;
            }
            self.relay_and_partner(&mut d, extras, lo);
            return Some(d);
        } else {
            return None;
        }
        if t.is_word() && t.has(flags::CONJ) && !self.is(k, "that") && !t.in_list(lists::WH_WORDS) {
            return None;
        }
        // the content: to the sentence end, or across sentences to the end
        // of a quotation that it opens; a relative clause (", who said …,")
        // ends at its closing comma
        let mut end_tok = hi;
        if speaker.is_some_and(|sp| sp.kind == MentionKind::Relative) {
            if let Some(c) = (start..hi).find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
            {
                end_tok = c;
            }
        }
        let qi = if self.toks[start].is_quote() {
            Some(self.quote_open[start])
                .filter(|&q| q != NONE)
                .map(|q| q as usize)
        } else {
            None
        };
        let mut span = self.span_of(start, end_tok)?;
        if let Some(qi) = qi {
            let q = self.quotes[qi];
            if q.span.end > span.end {
                span = Span::new(span.start, q.span.end);
                end_tok = q.end;
            }
        }
        // end the content before what the author adds: ", which …",
        // ", while …", a dash clause, a semicolon, ", and they …"
        if qi.is_none() {
            let tail = self.content_tail(start, end_tok);
            let tight = if matches!(rule, RuleId::IndirectObject | RuleId::IndirectInfinitive) {
                self.object_tail(start, end_tok)
            } else {
                None
            };
            if let Some(c) = [tail, tight].into_iter().flatten().min() {
                end_tok = c;
                span = self.span_of(start, c)?;
            }
        }
        // "…, as cited by TASS": the outlet that relayed the report
        let mut src = src;
        if src.is_none() && end_tok < hi && self.toks[end_tok].is_punct(',') {
            if let Some(o) = self.relay_at(end_tok + 1) {
                let stop = (o..hi)
                    .find(|&k| self.toks[k].is_punct(',') || self.toks[k].is_quote())
                    .unwrap_or(hi);
                if let Some(np) = self.np.np_right(o, stop, o) {
                    if np.end == stop && !(o..stop).any(|k| self.taken[k]) {
                        src = Some(np);
                    }
                }
            }
        }
        if rule == RuleId::IndirectObject {
            if let Some(c) = (start + 1..end_tok).find(|&j| {
                !self.in_quote(j)
                    && (matches!(
                        self.toks[j].kind,
                        TokKind::Punct(';' | '—' | '–' | '(' | ':')
                    ) || self.toks[j].is_punct(',')
                        || self.toks[j].is_punct('-') && self.toks[j].space_before)
            }) {
                end_tok = c;
                span = self.span_of(start, c)?;
            }
        }
        // "While Ramos said that A, he appears …": a report inside a
        // fronted subordinate clause ends where the clause does
        if qi.is_none() {
            let subordinate = speaker.is_some_and(|sp| {
                sp.start > lo
                    && self.in_list(sp.start - 1, lists::FRONTED_SUBORDINATORS)
                    && (sp.start - 1 == lo || self.in_list(lo, lists::SENTENCE_LEAD_INS))
            });
            if subordinate {
                if let Some(c) =
                    (start + 1..end_tok).find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
                {
                    end_tok = c;
                    span = self.span_of(start, c)?;
                }
            }
        }
        // "… tweeted a photo and said she had been hurt": a second cue
        // verb coordinated with this one starts its own attribution
        if qi.is_none() {
            let cut = (start + 1..end_tok).find(|&j| {
                self.in_list(j, lists::COORDINATORS) && !self.in_quote(j) && {
                    let v = self.skip_adverbs_right(j + 1, end_tok);
                    v < end_tok
                        && self.toks[v]
                            .verb()
                            .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
                        && !self.word(v).ends_with("ing")
                }
            });
            if let Some(c) = cut {
                let mut e = c;
                while e > start && matches!(self.toks[e - 1].kind, TokKind::Punct(',' | ';')) {
                    e -= 1;
                }
                span = self.span_of(start, e)?;
            }
        }
        if self.is_taken_span(span) {
            // content overlaps an earlier attribution: trim at it
            let first_taken = (start..hi).find(|&j| self.taken[j])?;
            let mut e = first_taken;
            while e > start
                && matches!(
                    self.toks[e - 1].kind,
                    TokKind::Punct(',' | ';' | ':' | '—' | '-')
                )
            {
                e -= 1;
            }
            span = self.span_of(start, e)?;
            let words = (start..e).filter(|&j| self.toks[j].is_word()).count();
            if words < 2 {
                return None;
            }
        }
        let mut d = Draft {
            speaker,
            cue: (i, ce),
            cue_word: cw,
            content: vec![span],
            source: src,
            addressee: addr,
            rule: rule_hint.unwrap_or(rule),
            sent: si,
        };
        self.relay_and_partner(&mut d, extras, lo);
        Some(d)
    }
}
