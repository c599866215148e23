//! Pass 4, "according to" / "as per" phrases before or after the content
//! (`according.before`, `according.after`).

use crate::mention::Np;
use crate::span::Span;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl<'a> Ctx<'a> {
    pub(super) fn according(&mut self, out: &mut Vec<Draft>) {
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
                let Some((ce, cw @ CueWord::According(_))) = self.cue_at(i) else {
                    i += 1;
                    continue;
                };
                // the object runs to the next comma or the sentence end:
                // "according to a count by The Associated Press"
                let stop = (ce..hi)
                    .find(|&k| {
                        self.toks[k].is_punct(',')
                            || self.toks[k].is_punct('—')
                            || self.toks[k].is_quote()
                    })
                    .unwrap_or(hi);
                if stop == ce || stop - ce > 20 {
                    i = ce;
                    continue;
                }
                let mut np =
                    self.np
                        .np_right(ce, stop, ce)
                        .unwrap_or(Np::description(ce, stop, stop - 1));
                np.end = np.end.max(stop);
                let end = stop;
                let mut content = Vec::new();
                let before = if i > lo && self.toks[i - 1].is_punct(',') {
                    i - 1
                } else {
                    i
                };
                if before > lo {
                    content.push(self.span_of(lo, before));
                }
                let mut a = end;
                if a < hi && self.toks[a].is_punct(',') {
                    a += 1;
                }
                if a < hi && (before == lo || self.toks[end].is_punct(',')) {
                    content.push(self.span_of(a, hi));
                }
                let content: Vec<Span> = content.into_iter().flatten().collect();
                if content.is_empty() || content.iter().any(|c| self.is_taken_span(*c)) {
                    i = ce;
                    continue;
                }
                let d = Draft {
                    speaker: Some(np),
                    cue: (i, ce),
                    cue_word: cw,
                    content,
                    source: None,
                    addressee: None,
                    rule: if before == lo {
                        RuleId::AccordingBefore
                    } else {
                        RuleId::AccordingAfter
                    },
                    sent: si,
                };
                self.commit(d, out);
                i = end;
            }
        }
    }
}
