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
        self.scan_drafts(out, (0, 2), |ctx, i, (lo, hi, si), _| {
            ctx.nominal_at(i, lo, hi, si)
        });
    }

    /// A communication noun at token `i` followed by a that-clause, in the
    /// sentence `si` of tokens `lo..hi`.
    fn nominal_at(&self, i: usize, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let t = &self.toks[i];
        // "the report that was released" is a relative clause: the word
        // after "that" must open a clause
        if !t.has(flags::CUE_NOUN)
            || t.cap
            || !self.is(i + 1, "that")
            || !self.clause_start(i + 2, hi)
        {
            return None;
        }
        // without a possessor the noun is usually the author's
        let speaker = self.possessor_before(i, lo)?;
        let start = i + 1;
        let end = self.content_tail(start, hi).unwrap_or(hi);
        let span = self.span_of(start, end)?;
        if self.is_taken_span(span) {
            return None;
        }
        Some(Draft::new(
            Some(speaker),
            (i, i + 1),
            CueWord::Noun,
            vec![span],
            RuleId::NominalThat,
            si,
        ))
    }

    /// The possessor of the noun at `i`, across up to two modifiers: "his",
    /// "Trump's", "the senator's".
    fn possessor_before(&self, i: usize, lo: usize) -> Option<Np> {
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
        if j <= lo {
            return None;
        }
        let p = &self.toks[j - 1];
        if p.pronoun()
            .is_some_and(|x| self.lex.pronouns.pronouns[x as usize].possessive)
        {
            Some(Np::single(j - 1, MentionKind::Pronoun))
        } else if self.written(j - 1, lists::POSSESSIVES) {
            self.np.np_left(j - 1, lo, lo)
        } else {
            None
        }
    }

    /// "The senator seemed to waver", "Both objections appear weak": an
    /// impression with no named source; the content is the subject and
    /// what it seems to be.
    pub(super) fn seem(&mut self, out: &mut Vec<Draft>) {
        self.scan_drafts(out, (1, 1), |ctx, i, (lo, hi, si), _| {
            ctx.seem_at(i, lo, hi, si)
        });
    }

    /// A verb of impression at token `i`, in the sentence `si` of tokens
    /// `lo..hi`.
    fn seem_at(&self, i: usize, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        if !self.written(i, lists::SEEM_VERBS) {
            return None;
        }
        let (np, _) = self.subject(i, lo)?;
        if matches!(np.kind, MentionKind::Relative) {
            return None;
        }
        let k = self.skip_adverbs_right(i + 1, hi);
        if k >= hi
            || !(self.in_list(k, lists::SEEM_COMPLEMENTS)
                || (self.toks[k].is_word()
                    && !self.toks[k].has(flags::PREP | flags::CONJ | flags::DET)))
        {
            return None;
        }
        let end = self.content_tail(k, hi).unwrap_or(hi);
        let subj = self.span_of(np.start, np.end)?;
        let rest = self.span_of(k, end)?;
        if self.is_taken_span(subj) || self.is_taken_span(rest) {
            return None;
        }
        let cw = match self.toks[i].verb() {
            Some(v) => CueWord::Verb(v),
            None => CueWord::Noun,
        };
        Some(Draft::new(
            None,
            (i, i + 1),
            cw,
            vec![subj, rest],
            RuleId::EvidentialSeem,
            si,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    #[test]
    fn a_communication_noun_with_its_possessor() {
        assert_eq!(
            found("It was Berg's claim that the bridge would open."),
            ["nominal.that | Berg | claim | that the bridge would open"]
        );
        assert_eq!(
            found("Voters remember his promise that the bridge would open."),
            ["nominal.that | his | promise | that the bridge would open"]
        );
    }

    /// Without a possessor the noun is usually the author's.
    #[test]
    fn no_possessor_no_speaker() {
        assert!(found("It was the claim that the bridge would open.").is_empty());
    }

    /// The content is the subject and what it seems to be.
    #[test]
    fn an_impression_without_a_source() {
        assert_eq!(
            found("The mayor seemed to waver on the bridge."),
            ["evidential.seem | - | seemed | The mayor to waver on the bridge"]
        );
    }
}
