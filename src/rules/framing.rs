//! Pass 5, frames at the start of a sentence: a headline's colon
//! (`headline.colon`) or title-case reporting verb (`headline.verb`), a
//! study or poll (`according.frame`), and the question in "Asked whether
//! …" (`indirect.asked`).

use crate::lexicon::{flags, lists, CueClass};
use crate::mention::{MentionKind, Np};
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl<'a> Ctx<'a> {
    /// "Berg: Talks Will Resume" (headline colon), "Asked whether …, X
    /// said" (the question, with no source), "In a new poll, 40 percent …"
    /// (a study or statement framing the sentence).
    pub(super) fn framing(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let (lo, hi) = self.sentence_bounds(si);
            if hi <= lo + 2 {
                continue;
            }
            let free_start = !self.taken[lo] && !self.in_quote(lo);
            let framed = free_start.then(|| {
                self.headline_colon(lo, hi, si)
                    .or_else(|| self.headline_verb(lo, hi, si))
                    .or_else(|| self.framing_in(lo, hi, si))
            });
            if let Some(d) = framed.flatten() {
                if !d.content.iter().any(|c| self.is_taken_span(*c)) {
                    self.commit(d, out);
                }
            }
            // "Asked about X, she said …", "… he said when asked whether …"
            let mut next = lo;
            while let Some(a) = self.next_trigger(&mut at, next, hi) {
                next = a + 1;
                if self.taken[a] || self.in_quote(a) || !self.word(a).eq_ignore_ascii_case("asked")
                {
                    continue;
                }
                if let Some(d) = self.asked(a, lo, hi, si) {
                    if !d.content.iter().any(|c| self.is_taken_span(*c)) {
                        self.commit(d, out);
                    }
                }
            }
        }
    }

    pub(super) fn headline_colon(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let colon = (lo + 1..(lo + 7).min(hi)).find(|&k| self.toks[k].is_punct(':'))?;
        if colon + 3 > hi || self.toks[colon + 1].is_quote() {
            return None;
        }
        // a headline opens its line, or follows a label in capitals there
        // ("EXCLUSIVE – Berg: …"): inside a paragraph, "Its Title: A
        // Subtitle" names a book, no one's claim
        let before = &self.text[..self.toks[lo].span.start];
        let line = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
        if line.chars().any(char::is_lowercase) {
            return None;
        }
        // a headline's claim opens as a sentence does; a lowercase start
        // is a list entry's description ("Old Town: quiet and green")
        if self.toks[colon + 1].is_word() && !self.toks[colon + 1].cap {
            return None;
        }
        // "Born: June 1, 1990", "Phone: 555 0100": a field and its value,
        // not a claim
        let first = &self.toks[colon + 1];
        if first.kind == TokKind::Number || first.has(flags::MONTH | flags::TIME) {
            return None;
        }
        // "The Latest: Mayor says …": a label before a report that names
        // its own speaker
        if self.reported_clause_at(colon + 1, hi) {
            return None;
        }
        let mut np = self.np.np_left(colon, lo, lo)?;
        if np.start != lo {
            // "Clinton to Planned Parenthood: …", "CNN President On Trump:
            // …": the speaker, then whom or what the headline is about
            let first = self.np.np_right(lo, colon, lo)?;
            if first.end >= colon || !self.in_list(first.end, lists::HEADLINE_TOPICS) {
                return None;
            }
            np = first;
        }
        if !matches!(
            np.kind,
            MentionKind::Name | MentionKind::Org | MentionKind::Description
        ) {
            return None;
        }
        if np.kind == MentionKind::Description
            && !self.toks[np.head]
                .has(flags::TITLE | flags::PERSON_NOUN | flags::ORG_HEAD | flags::OUTLET_NOUN)
        {
            return None;
        }
        let words = (colon + 1..hi).filter(|&k| self.toks[k].is_word()).count();
        if words < 3 {
            return None;
        }
        self.frame_draft(
            np,
            colon,
            CueWord::Colon,
            (colon + 1, hi),
            RuleId::HeadlineColon,
            si,
        )
    }

    /// "Rubio Says Abandoning Reform Was a Sign of Leadership", "… Is Like
    /// a Lawyer's Client, Trevor Noah Says": in a title-case headline
    /// every word is capitalized, so the verb is found by its form.
    pub(super) fn headline_verb(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let words: Vec<usize> = (lo..hi).filter(|&k| self.toks[k].is_word()).collect();
        let caps = words.iter().filter(|&&k| self.toks[k].cap).count();
        if words.len() < 4 || caps * 4 < words.len() * 3 || words.len() > 25 {
            return None;
        }
        let (i, v) = (lo + 1..hi).find_map(|k| {
            let t = &self.toks[k];
            let v = t.verb()?;
            let e = self.lex.verb(v);
            // finite forms only: "Says", "Slams", "Endorses", "Tells"
            (t.cap
                && t.has(flags::CUE_VERB)
                && !matches!(e.class, CueClass::Intention)
                && self.word(k).ends_with('s')
                && self.word(k).to_lowercase() != e.lemma)
                .then_some((k, v))
        })?;
        let cw = CueWord::Verb(v);
        let speaker_at = |end: usize, start: usize| {
            self.np.np_left(end, start, start).filter(|np| {
                matches!(np.kind, MentionKind::Name | MentionKind::Org)
                    || (np.kind == MentionKind::Description
                        && self.toks[np.head].has(
                            flags::TITLE
                                | flags::PERSON_NOUN
                                | flags::ORG_HEAD
                                | flags::OUTLET_NOUN,
                        ))
            })
        };
        // "…, Trevor Noah Says."
        if i + 1 >= hi {
            let np = speaker_at(i, lo)?;
            if np.start <= lo + 1 || !self.toks[np.start - 1].is_punct(',') {
                return None;
            }
            return self.frame_draft(np, i, cw, (lo, np.start - 1), RuleId::HeadlineVerb, si);
        }
        let np = speaker_at(i, lo)?;
        if np.start != lo {
            return None;
        }
        let mut k = i + 1;
        if self.word(k).eq_ignore_ascii_case("that") {
            k += 1;
        }
        if (k..hi).filter(|&j| self.toks[j].is_word()).count() < 2 {
            return None;
        }
        self.frame_draft(np, i, cw, (k, hi), RuleId::HeadlineVerb, si)
    }

    /// "Asked about X, …", "When asked whether …, …", "… she said when
    /// asked by a reporter if …": the question is the content; the one who
    /// asked, when named with "by", the speaker.
    pub(super) fn asked(&mut self, a: usize, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let mut p = a;
        if p > lo && self.is(p - 1, "being") {
            p -= 1;
        }
        if p > lo && self.in_list(p - 1, lists::ASKED_OPENERS) {
            p -= 1;
        }
        // a participial frame at a clause start, not "she asked him …"
        let frame_start =
            p == lo || self.toks[p - 1].is_punct(',') || self.toks[p - 1].is_quote() || p < a;
        if !frame_start {
            return None;
        }
        let (ce, cw) = self
            .cue_at(a)
            .or_else(|| self.toks[a].verb().map(|v| (a + 1, CueWord::Verb(v))))?;
        let mut k = ce;
        let mut speaker = None;
        if self.is(k, "by") {
            let np = self.np.np_right(k + 1, hi, lo)?;
            speaker = Some(np);
            k = np.end;
        }
        k = self.skip_adverbs_right(k, hi);
        // "asked at a briefing Monday about …": an occasion first
        if k < hi && self.toks[k].has(flags::PREP) && !self.is(k, "about") {
            k = (k + 1..(k + 10).min(hi))
                .take_while(|&j| !self.toks[j].is_punct(',') && !self.toks[j].is_quote())
                .find(|&j| self.is(j, "about") || self.in_list(j, lists::WH_WORDS))?;
        }
        if self.is(k, "about") {
            k += 1;
        } else if !self.in_list(k, lists::WH_WORDS) {
            return None;
        }
        if k >= hi {
            return None;
        }
        let end = (k..hi)
            .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
            .unwrap_or(hi);
        if end <= k {
            return None;
        }
        Some(Draft::new(
            speaker,
            (a, ce),
            cw,
            vec![self.span_of(k, end)?],
            RuleId::IndirectAsked,
            si,
        ))
    }

    pub(super) fn framing_in(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        if !self.is(lo, "in") {
            return None;
        }
        let comma = (lo + 1..(lo + 14).min(hi)).find(|&j| self.toks[j].is_punct(','))?;
        let frame = (lo + 1..comma).find(|&j| self.in_list(j, lists::FRAME_NOUNS))?;
        let np = self
            .np
            .np_right(lo + 1, comma, lo + 1)
            .unwrap_or(Np::description(lo + 1, comma, frame));
        let np = Np { end: comma, ..np };
        if comma + 3 > hi
            || (comma + 1..hi).any(|j| self.toks[j].has(flags::CUE_VERB) && !self.in_quote(j))
        {
            return None;
        }
        self.frame_draft(
            np,
            lo,
            CueWord::Frame,
            (comma + 1, hi),
            RuleId::AccordingFrame,
            si,
        )
    }

    /// The draft of a frame with a one-token cue (a headline's colon or
    /// verb, the "In" of "In a new poll, …"): speaker `np`, the cue at
    /// token `cue`, content tokens `[content.0, content.1)` (no draft when
    /// that is empty), rule `rule`, sentence `si`.
    fn frame_draft(
        &self,
        np: Np,
        cue: usize,
        cue_word: CueWord,
        content: (usize, usize),
        rule: RuleId,
        si: usize,
    ) -> Option<Draft> {
        let span = self.span_of(content.0, content.1)?;
        Some(Draft::new(
            Some(np),
            (cue, cue + 1),
            cue_word,
            vec![span],
            rule,
            si,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_found, found};

    #[test]
    fn headlines() {
        assert_eq!(
            found("Berg: Bridge Will Open in May"),
            ["headline.colon | Berg | : | Bridge Will Open in May"]
        );
        assert_eq!(
            found("Mayor Anna Berg Says Bridge Will Open in May"),
            ["headline.verb | Mayor Anna Berg | Says | Bridge Will Open in May"]
        );
    }

    /// A headline opens its line, or follows a label in capitals there;
    /// a book's title inside a paragraph is no headline.
    #[test]
    fn headlines_open_their_line() {
        assert_eq!(
            found("EXCLUSIVE – Berg: Bridge Will Open in May"),
            ["headline.colon | Berg | : | Bridge Will Open in May"]
        );
        let got =
            found("She wrote two books. Harbours: Their Trade and Tides (1931) is the better one.");
        assert!(
            got.iter().all(|l| !l.starts_with("headline.colon")),
            "{got:?}"
        );
    }

    /// A label before a colon is no speaker when the report after it
    /// names its own.
    #[test]
    fn a_label_before_a_report_is_no_speaker() {
        let text = "Update: Mayor Anna Berg says the bridge will open in May.";
        let got = found(text);
        assert!(
            got.iter().all(|l| !l.starts_with("headline.colon")),
            "{got:?}"
        );
        assert_found(text, "| says | the bridge will open in May");
    }

    #[test]
    fn a_study_framing_the_sentence() {
        assert_eq!(
            found("In a new survey, most voters are still undecided."),
            ["according.frame | a new survey | In | most voters are still undecided"]
        );
    }

    /// The question is the content, with no speaker; the answer is an
    /// attribution of its own.
    #[test]
    fn the_question_in_asked_about() {
        assert_eq!(
            found("Asked about the bridge, Berg said it would open."),
            [
                "indirect.asked | - | Asked | the bridge",
                "indirect.clause | Berg | said | it would open",
            ]
        );
    }

    /// "asked" as a document's last word (once an out-of-bounds read).
    #[test]
    fn asked_at_the_very_end() {
        assert!(found("Yes, asked").is_empty());
    }
}
