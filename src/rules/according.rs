//! Pass 4, "according to" / "as per" phrases before or after the content
//! (`according.before`, `according.after`).

use crate::mention::Np;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;
use crate::class::{AttributionClass, ContentType, Polarity};
use crate::lexicon::flags;

impl<'a> Ctx<'a> {
    pub(super) fn according(&mut self, out: &mut Vec<Draft>) {
        self.scan_triggers(out, (0, 0), |ctx, i, (lo, hi, si), out| {
            let (ce, cw @ CueWord::According(_)) = ctx.cue_at(i)? else {
                return None;
            };
            match ctx.according_at(i, (ce, cw), lo, hi, si) {
                Some((d, end)) => {
                    ctx.commit(d, out);
                    Some(end)
                }
                None => Some(ce),
            }
        });
    }

    /// "According to Berg, …" and "…, according to Berg.": the cue at
    /// tokens `i..ce` in the sentence `si` of tokens `lo..hi`; its object,
    /// to the next comma or the sentence end, is the speaker. Returns the
    /// draft and the end of the object.
    fn according_at(
        &self,
        i: usize,
        (ce, cw): (usize, CueWord),
        lo: usize,
        hi: usize,
        si: usize,
    ) -> Option<(Draft, usize)> {
        // the object runs to the next comma or the sentence end:
        // "according to a count by The Associated Press"
        let stop = (ce..hi)
            .find(|&k| {
                self.toks[k].is_punct(',') || self.toks[k].is_punct('—') || self.toks[k].is_quote()
            })
            .unwrap_or(hi);
        // "According to the ministry the plan failed": no comma, so the
        // speaker is the phrase and the content the clause after it
        let stop = if stop == hi && i == lo {
            match self.np.np_right(ce, hi, lo) {
                Some(n) if n.end < hi && self.clause_start(n.end, hi) => n.end,
                _ => self.object_end_without_comma(ce, hi).unwrap_or(stop),
            }
        } else {
            stop
        };
        if stop == ce || stop - ce > 20 {
            return None;
        }
        let mut np = self
            .np
            .np_right(ce, stop, ce)
            .unwrap_or(Np::description(ce, stop, stop - 1));
        np.end = np.end.max(stop);
        let before = if i > lo && self.toks[i - 1].is_punct(',') {
            i - 1
        } else {
            i
        };
        // "Moreover, according to Berg, …": an opening connective is no
        // content; the clause after the phrase is
        let opener_only = before > lo
            && (lo..before).all(|k| {
                let t = &self.toks[k];
                (t.is_word() && t.has(flags::ADV | flags::CONJ)) || t.is_punct(',')
            });
        let before = if opener_only { lo } else { before };
        let mut content = Vec::new();
        if before > lo {
            content.extend(self.span_of(lo, before));
        }
        let mut a = stop;
        if a < hi && self.toks[a].is_punct(',') {
            a += 1;
        }
        if a < hi && (before == lo || self.toks[stop].is_punct(',')) {
            content.extend(self.span_of(a, hi));
        }
        if content.is_empty() || content.iter().any(|c| self.is_taken_span(*c)) {
            return None;
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
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        };
        Some((d, stop))
    }
}

impl Ctx<'_> {
    /// Where the object of a sentence-opening "According to" ends when no
    /// comma closes it and the phrase finder reads on into the clause: at
    /// a determiner after a noun ("According to the charge sheet | the
    /// company received …"), or where a run of capitalized words gives way
    /// to a lowercase noun ("According to the National Weather Service |
    /// temperatures dropped …"). At least three words must follow.
    fn object_end_without_comma(&self, ce: usize, hi: usize) -> Option<usize> {
        let lim = hi.min(ce + 10);
        let mut caps = 0;
        for k in ce..lim {
            let t = &self.toks[k];
            if !t.is_word() {
                return None;
            }
            if k > ce && hi - k >= 3 {
                let p = &self.toks[k - 1];
                let after_noun = p.is_word() && !p.has(flags::DET | flags::PREP | flags::CONJ);
                if after_noun && t.has(flags::DET) && !t.has(flags::PRONOUN) {
                    return Some(k);
                }
                if caps >= 1
                    && p.cap
                    && !t.cap
                    && !t.has(flags::DET | flags::PREP | flags::CONJ | flags::AUX | flags::ADV)
                    && t.verb().is_none()
                {
                    return Some(k);
                }
            }
            if t.cap {
                caps += 1;
            } else if k > ce && !t.has(flags::DET) && !self.toks[k - 1].has(flags::DET) {
                // a lowercase noun after a lowercase word: no capitalized run
                caps = 0;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    #[test]
    fn according_to_before_or_after_the_content() {
        assert_eq!(
            found("According to Berg, the bridge will open in May."),
            ["according.before | Berg | According to | the bridge will open in May"]
        );
        assert_eq!(
            found("The bridge will open in May, according to the mayor."),
            ["according.after | the mayor | according to | The bridge will open in May"]
        );
        // an opening connective is no content
        assert_eq!(
            found("Moreover, according to Berg, the bridge will open in May."),
            ["according.before | Berg | according to | the bridge will open in May"]
        );
    }

    /// Without a comma after its object, "According to" ends its speaker
    /// at the next determiner or where a capitalized name gives way to a
    /// lowercase noun.
    #[test]
    fn according_to_without_a_comma() {
        assert_eq!(
            found("According to the court papers the firm made 12 payments."),
            ["according.before | the court papers | According to | the firm made 12 payments"]
        );
        assert_eq!(
            found("According to the Coast Guard Service winds reached 90 mph."),
            ["according.before | the Coast Guard Service | According to | winds reached 90 mph"]
        );
    }
}
