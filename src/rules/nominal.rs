//! Passes 7 and 8: a communication noun with a possessor and a
//! that-clause (`nominal.that`), and an impression with no named source
//! (`evidential.seem`).

use crate::lexicon::{flags, lists};
use crate::mention::{MentionKind, Np};

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl<'a> Ctx<'a> {
    /// "his claim that …", "Trump's argument that …", "concerns that …":
    /// the noun is the cue, the possessor the speaker (none when absent).
    pub(super) fn nominal(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut next = lo;
            while let Some(i) = self.next_trigger(&mut at, next, hi.saturating_sub(2)) {
                next = i + 1;
                let t = &self.toks[i];
                if !t.has(flags::CUE_NOUN)
                    || t.cap
                    || self.taken[i]
                    || self.in_quote(i)
                    || !self.is(i + 1, "that")
                {
                    continue;
                }
                // "the report that was released" is a relative clause: the
                // word after "that" must open a clause
                if !self.clause_start(i + 2, hi) {
                    continue;
                }
                // the possessor: "his", "Trump's", "the senator's"
                let mut j = i;
                while j > lo
                    && self.toks[j - 1].is_word()
                    && !self.toks[j - 1].cap
                    && self.toks[j - 1].pronoun().is_none()
                    && !self.toks[j - 1]
                        .has(flags::DET | flags::PREP | flags::CONJ | flags::AUX | flags::CUE_VERB)
                    && i - j < 3
                {
                    j -= 1;
                }
                let speaker = if j > lo {
                    let p = &self.toks[j - 1];
                    if p.pronoun()
                        .is_some_and(|x| self.lex.pronouns.pronouns[x as usize].possessive)
                    {
                        Some(Np {
                            start: j - 1,
                            end: j,
                            head: j - 1,
                            kind: MentionKind::Pronoun,
                            name: None,
                            known: None,
                        })
                    } else if self.written(j - 1, lists::POSSESSIVES) {
                        self.np.np_left(j - 1, lo, lo)
                    } else {
                        None
                    }
                } else {
                    None
                };
                if speaker.is_none() {
                    continue; // without a possessor the noun is usually the author's
                }
                let start = i + 1;
                let end = self.content_tail(start, hi).unwrap_or(hi);
                let Some(span) = self.span_of(start, end) else {
                    continue;
                };
                if self.is_taken_span(span) {
                    continue;
                }
                let d = Draft {
                    speaker,
                    cue: (i, i + 1),
                    cue_word: CueWord::Noun,
                    content: vec![span],
                    source: None,
                    addressee: None,
                    rule: RuleId::NominalThat,
                    sent: si,
                };
                self.commit(d, out);
            }
        }
    }

    /// "The senator seemed to waver", "Both objections appear weak": an
    /// impression with no named source; the content is the subject and
    /// what it seems to be.
    pub(super) fn seem(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut next = lo + 1;
            while let Some(i) = self.next_trigger(&mut at, next, hi.saturating_sub(1)) {
                next = i + 1;
                if self.taken[i] || self.in_quote(i) || !self.written(i, lists::SEEM_VERBS) {
                    continue;
                }
                let Some((np, _)) = self.subject(i, lo) else {
                    continue;
                };
                if matches!(np.kind, MentionKind::Relative) {
                    continue;
                }
                let k = self.skip_adverbs_right(i + 1, hi);
                if k >= hi
                    || !(self.in_list(k, lists::SEEM_COMPLEMENTS)
                        || (self.toks[k].is_word()
                            && !self.toks[k].has(flags::PREP | flags::CONJ | flags::DET)))
                {
                    continue;
                }
                let end = self.content_tail(k, hi).unwrap_or(hi);
                let (Some(subj), Some(rest)) =
                    (self.span_of(np.start, np.end), self.span_of(k, end))
                else {
                    continue;
                };
                if self.is_taken_span(subj) || self.is_taken_span(rest) {
                    continue;
                }
                let cw = match self.toks[i].verb() {
                    Some(v) => CueWord::Verb(v),
                    None => CueWord::Noun,
                };
                let d = Draft {
                    speaker: None,
                    cue: (i, i + 1),
                    cue_word: cw,
                    content: vec![subj, rest],
                    source: None,
                    addressee: None,
                    rule: RuleId::EvidentialSeem,
                    sent: si,
                };
                self.commit(d, out);
            }
        }
    }
}
