//! Pass 3, inverted and parenthetical indirect speech: content, then the
//! speaker and cue (`indirect.inverted`, `indirect.inverted-cue-speaker`),
//! or the tag between two parts of the content (`indirect.parenthetical`).

use crate::lexicon::{flags, lists, CueClass};
use crate::mention::MentionKind;
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl<'a> Ctx<'a> {
    pub(super) fn inverted(&mut self, out: &mut Vec<Draft>) {
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
                if let Some(d) = self.inverted_at(i, lo, hi, si) {
                    let next = d.cue.1;
                    self.commit(d, out);
                    i = next;
                    continue;
                }
                i += 1;
            }
        }
    }

    pub(super) fn inverted_at(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        si: usize,
    ) -> Option<Draft> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, ao, needs) = self.verb_info(cw);
        // "…, Lavrov was cited as saying / was quoted": a passive verb of
        // citing stands without its complement
        let passive = (self.skip_verb_group_left(i, lo)..i)
            .any(|j| self.in_list(j, lists::PASSIVE_BE_FORMS))
            && self.word(i).ends_with("ed");
        if !matches!(cw, CueWord::Verb(_))
            || class == CueClass::Intention
            || (needs && class == CueClass::Speech && !passive)
        {
            return None;
        }
        let w = self.word(i);
        if w.ends_with("ing") {
            return None;
        }
        // form A: "…, Lavrov said …"  form B: "…, said Lavrov …"
        let mut quote_end = None;
        let (speaker, comma, cue, rule) = if let Some((np, _)) = self.subject(i, lo) {
            let mut c = np.start;
            if c > lo && self.toks[c - 1].is_quote() {
                c -= 1;
            }
            if c <= lo || !(self.toks[c - 1].is_punct(',') || self.toks[c - 1].is_punct('—')) {
                return None;
            }
            (np, c - 1, (i, ce), RuleId::IndirectInverted)
        } else {
            let mut c = i;
            while c > lo && self.toks[c - 1].is_word() && self.toks[c - 1].has(flags::ADV) {
                c -= 1;
            }
            // "This is a “raw time,” said Axelrod": the comma inside a
            // closing quotation mark
            if c > lo + 1 && self.toks[c - 1].is_quote() && self.toks[c - 2].is_punct(',') {
                quote_end = Some(c);
                c -= 1;
            }
            if c <= lo || !self.toks[c - 1].is_punct(',') {
                return None;
            }
            let np = self.np.np_right(ce, hi, ce)?;
            if np.kind == MentionKind::Relative {
                return None;
            }
            (np, c - 1, (i, ce), RuleId::IndirectInvertedCueSpeaker)
        };
        if comma <= lo {
            return None;
        }
        // "Christie said that A — no different, he said, from B": the
        // earlier cue with its own subject is the outer attribution
        let earlier_cue = (lo..comma).any(|j| {
            !self.in_quote(j)
                && !self.taken[j]
                && self.toks[j].has(flags::CUE_VERB)
                && self.toks[j]
                    .verb()
                    .is_some_and(|v| self.lex.verb(v).class == CueClass::Speech)
                && (self.is(j + 1, "that")
                    || self.toks.get(j + 1).is_some_and(|t| t.pronoun().is_some()))
                && self.subject(j, lo).is_some()
        });
        if earlier_cue {
            return None;
        }
        let after_from = if rule == RuleId::IndirectInverted {
            ce
        } else {
            speaker.end
        };
        let (mut k, addr, src) = self.after_cue(after_from, hi, ao, lo);
        if rule == RuleId::IndirectInvertedCueSpeaker && k < hi {
            // "…, said David Axelrod, a longtime ally.", "…, said a handful
            // of Democrats who point to …": the speaker's apposition or
            // relative clause ends the sentence
            let relative = self.in_list(k, lists::SPEAKER_CONTINUATIONS);
            let apposition = self.toks[k].is_punct(',')
                && self.np.np_right(k + 1, hi, lo).is_some_and(|a| {
                    a.end >= hi || self.toks[a.end].is_punct(',') && self.is(a.end + 1, "who")
                });
            if relative || apposition {
                k = hi;
            }
        }
        let mut content = vec![self.span_of(lo, quote_end.unwrap_or(comma))?];
        let mut rule = rule;
        if k < hi {
            // parenthetical: "A, X said, B."
            if matches!(
                self.toks[k].kind,
                TokKind::Punct('—' | '–' | '-' | '(' | ';')
            ) || (self.toks[k].is_punct(',') && self.in_list(k + 1, lists::COORDINATORS))
            {
                // "…, the office reported on Tuesday -- a development that…"
            } else if self.toks[k].is_punct(',')
                && k + 1 < hi
                && !self.is(k + 1, "and")
                && !self.is(k + 1, "adding")
                && self.toks[k + 1].verb().is_none()
            {
                content.push(self.span_of(k + 1, hi)?);
                rule = RuleId::IndirectParenthetical;
            } else {
                return None;
            }
        }
        // the content before must look like a clause, not a subordinate
        // phrase: at least three words
        let words = (lo..comma).filter(|&j| self.toks[j].is_word()).count();
        let pp_led = self.toks[lo].has(flags::PREP) && !self.toks[lo].has(flags::CONJ);
        if (words < 3 || (pp_led && words < 8)) && content.len() == 1 {
            return None;
        }
        if content.iter().any(|c| self.is_taken_span(*c)) {
            return None;
        }
        let mut d = Draft {
            speaker: Some(speaker),
            cue,
            cue_word: cw,
            content,
            source: src,
            addressee: addr,
            rule,
            sent: si,
        };
        let _ = class;
        self.relay_and_partner(&mut d, &[], lo);
        Some(d)
    }
}
