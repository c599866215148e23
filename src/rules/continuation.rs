//! Pass 2, continuations: a quotation that carries on the attributed
//! quotation before it, in the same or the next paragraph, joins that
//! attribution (its rule becomes the `…+continuation` form).

use crate::lexicon::flags;
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::Draft;

impl<'a> Ctx<'a> {
    pub(super) fn continuations(&mut self, out: &mut [Draft]) {
        // drafts in order of their first content fragment (as the direct
        // pass makes them): the search for the one before a quote can
        // start at the quote instead of at the end of the document
        let first = |d: &Draft| d.content.first().map_or(0, |c| c.start);
        // only the direct pass's drafts: in the window being worked
        // through, the later passes have not run yet, and in earlier
        // windows their drafts must not hide the attribution
        let ordered = self.direct_sorted;
        for qi in self.qwin.clone() {
            let q = self.quotes[qi];
            if self.taken[q.open] || q.words == 0 {
                continue;
            }
            // the nearest attribution before the quote (a draft starting
            // at or after the quote cannot end before it)
            let at = self.toks[q.open].span.start;
            let direct = &self.direct_drafts;
            let upto = if ordered {
                direct.partition_point(|&j| first(&out[j as usize]) < at)
            } else {
                direct.len()
            };
            let Some(prev) = direct[..upto]
                .iter()
                .rposition(|&j| out[j as usize].content.last().is_some_and(|c| c.end <= at))
                .map(|k| direct[k] as usize)
            else {
                continue;
            };
            let pd = &out[prev];
            if !pd.rule.is_direct() {
                continue;
            }
            let pq = self.sents[pd.sent].para;
            let qs = self.sent_of(q.open);
            let same_para = qs.para == pq;
            let next_para = qs.para == pq + 1;
            // the quote must start its sentence and (in a new paragraph)
            // make up the paragraph's opening
            let starts_sentence = qs.tokens.start == q.open;
            // "“A,” she said, “B.”": the quote right after the tag's comma
            let tag_end = pd.tag_end();
            let after_tag = same_para
                && q.open == tag_end + 1
                && matches!(self.toks[tag_end].kind, TokKind::Punct(',' | ':'));
            if !(starts_sentence || after_tag) || !(same_para || next_para) {
                continue;
            }
            // nothing attributed between them
            let last_end = pd
                .content
                .last()
                .expect("content")
                .end
                .max(self.toks[pd.cue.1 - 1].span.end);
            let gap_lo = self.bounds.ending_by(last_end);
            if (gap_lo..q.open).any(|i| self.toks[i].is_quote() && !self.taken[i]) {
                continue;
            }
            // “No!” she wails. / “Fine,” he shrugged.: a quotation tagged
            // by a pronoun and a verb the lexicon does not know is
            // someone's own line, never the last speaker's next one
            if self.tagged_by_pronoun(q.end) {
                continue;
            }
            // the paragraph must not hold a cue of its own
            if next_para {
                let para_has_cue = (q.end..self.toks.len())
                    .take_while(|&i| self.toks[i].kind != TokKind::Newline)
                    .any(|i| self.toks[i].has(flags::CUE_VERB) && !self.in_quote(i));
                if para_has_cue {
                    continue;
                }
            }
            let span = q.span;
            let d = &mut out[prev];
            d.content.push(span);
            d.rule = d.rule.continued();
            self.mark(q.open, (q.end + 1).min(self.toks.len()));
        }
    }
}

impl Ctx<'_> {
    /// After the closing mark at `close`, a lowercase subject pronoun and
    /// a lowercase word ("…!” she wails", "…,” he shrugged"), when the
    /// quotation ends in a comma, "!" or "?" (not a full stop: "“….” She
    /// smiled." starts a new sentence).
    fn tagged_by_pronoun(&self, close: usize) -> bool {
        let open_end =
            close > 0 && matches!(self.toks[close - 1].kind, TokKind::Punct(',' | '!' | '?'));
        let (Some(p), Some(v)) = (self.toks.get(close + 1), self.toks.get(close + 2)) else {
            return false;
        };
        open_end
            && p.is_word()
            && !p.cap
            && p.pronoun()
                .is_some_and(|x| self.lex.pronouns.pronouns[x as usize].subject)
            && v.is_word()
            && !v.cap
            && !v.has(flags::AUX)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// A quotation opening the next paragraph carries the one before on.
    #[test]
    fn the_next_paragraphs_quotation_continues() {
        assert_eq!(
            found("“The bridge will open,” Berg said.\n\n“It will be free.”"),
            ["direct.quote-speaker-cue+continuation | Berg | said | “The bridge will open,” “It will be free.”"]
        );
    }

    /// ... nor when a pronoun and a verb of its own tag it.
    #[test]
    fn a_quotation_tagged_by_a_pronoun_does_not_continue() {
        let got = found("“The bridge will open,” Berg said.\n\n“Never!” she sobs.");
        assert_eq!(
            got,
            [
                "direct.quote-speaker-cue | Berg | said | “The bridge will open,”",
                "direct.quote-speaker-cue | she | sobs | “Never!”"
            ]
        );
    }

    /// ... unless that paragraph has a cue of its own.
    #[test]
    fn a_paragraph_with_its_own_tag_does_not_continue() {
        assert_eq!(
            found("“The bridge will open,” Berg said.\n\n“It will be free,” Ashby said."),
            [
                "direct.quote-speaker-cue | Berg | said | “The bridge will open,”",
                "direct.quote-speaker-cue | Ashby | said | “It will be free,”",
            ]
        );
    }
}
