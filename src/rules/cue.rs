//! Finding a cue: the reporting verb or multi-word cue that starts at a
//! token, and what the lexicon says about it.

use crate::lexicon::{flags, lists, CueClass, MultiTarget};

use super::ctx::Ctx;
use super::draft::CueWord;

impl<'a> Ctx<'a> {
    /// The cue that starts at token `i`: (end token, cue).
    pub(super) fn cue_at(&mut self, i: usize) -> Option<(usize, CueWord)> {
        let t = self.toks.get(i)?; // callers may pass the end of the text
        if !t.is_word() {
            return None;
        }
        // a capitalized cue word inside a sentence is a name or a headline
        // word ("the Islamic State", "Jobs Report Gives …"), not a verb
        if t.cap && !self.title_case_ok(i) {
            return None;
        }
        // after a determiner or a possessive the word is a noun: "a
        // district judge", "his state", "Trump's home state"
        if i > 0 && t.has(flags::CUE_VERB) {
            let p = &self.toks[i - 1];
            // ... but a quantity standing for people is a subject: "most
            // say", "many fear", "some believed" (not "many reports")
            let quantity_subject = p.in_list(lists::QUANTITY_HEADS)
                && p.has(flags::DET)
                && !self.word(i).ends_with('s')
                // "two in three said" (a past form; "one report" is a noun)
                || p.in_list(lists::NUMBER_WORDS)
                    && !self.present_form(i)
                    && !self.word(i).ends_with("ing");
            // ... and so is a demonstrative that the verb agrees with:
            // "this means", "that showed", "these suggest" (not "this
            // report", "these claims")
            let demonstrative_subject = p.in_list(lists::DEMONSTRATIVES) && {
                let w = self.word(i);
                let d = self.word(i - 1);
                let singular = d.eq_ignore_ascii_case("this") || d.eq_ignore_ascii_case("that");
                if self.present_form(i) {
                    // "this means", "these mean"; "this report" is a noun
                    let third = t
                        .verb()
                        .is_some_and(|v| w.len() > self.lex.verb(v).lemma.len());
                    third == singular
                } else {
                    !w.ends_with("ing")
                }
            };
            if (p.has(flags::DET)
                && !self.written(i - 1, lists::DETERMINERS_BEFORE_VERBS)
                && !quantity_subject
                && !demonstrative_subject)
                || (self.written(i - 1, lists::POSSESSIVES) && !self.contracted_be(i - 1))
            {
                return None;
            }
        }
        // "a good joke pleases", "an honest answer is": a base form after
        // a singular determiner and a modifier is a noun
        if i > 1
            && t.has(flags::CUE_VERB)
            && !t.cap
            && self.toks[i - 2].in_list(lists::SINGULAR_DETERMINERS)
            && self.toks[i - 1].is_word()
            && !self.toks[i - 1].cap
            && self.toks[i - 1].verb().is_none()
            && !self.toks[i - 1].has(flags::AUX | flags::ADV)
            && t.verb()
                .is_some_and(|v| self.word(i).eq_ignore_ascii_case(&self.lex.verb(v).lemma))
        {
            return None;
        }
        // a plural noun before an auxiliary: "good jokes have details",
        // "the answers are clear" (a verb in -s takes no auxiliary after it)
        if t.has(flags::CUE_VERB)
            && self.word(i).ends_with('s')
            && self.toks.get(i + 1).is_some_and(|n| {
                n.is_word() && !n.cap && n.has(flags::AUX) && !self.word(i + 1).starts_with('\'')
            })
        {
            return None;
        }
        // right after a subordinator a cue word in its base or -s form
        // is the subject of the clause it opens, not its verb: "as
        // demand slows", "because reports differ" (a past participle may
        // stand alone there: "as reported")
        if i > 0
            && t.has(flags::CUE_VERB)
            && !t.cap
            && self.toks[i - 1].is_word()
            && self.in_list(i - 1, lists::SUBORDINATORS)
            && self.present_form(i)
        {
            return None;
        }
        // a plural noun before a verb of saying: "estimates suggest",
        // "reports say", "polls showed"
        if t.has(flags::CUE_VERB)
            && self.word(i).ends_with('s')
            && self.toks.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && !n.cap
                    && n.has(flags::CUE_VERB)
                    && !self.word(i + 1).ends_with("ing")
                    && !self.word(i + 1).ends_with('s')
            })
        {
            return None;
        }
        // (a multi-word cue starts with a lowercase word unless flagged,
        // or at its sentence's start: "Make sure …")
        if t.has(flags::CUE_VERB | flags::ACCORDING)
            || (t.has(flags::MULTI_FIRST) && (!t.cap || i == self.sent_of(i).tokens.start))
        {
            match self.multi_at(i) {
                Some((e, MultiTarget::Verb(v))) => return Some((e, CueWord::Verb(v))),
                Some((e, MultiTarget::According(a))) => return Some((e, CueWord::According(a))),
                _ => {}
            }
        }
        t.verb().map(|v| (i + 1, CueWord::Verb(v)))
    }

    /// Is the "'s" at `k` a contracted "is" or "has" after a subject
    /// pronoun ("he's sure", "she's convinced"), not a possessive?
    fn contracted_be(&self, k: usize) -> bool {
        k > 0
            && self.toks[k - 1].pronoun().is_some_and(|p| {
                let p = &self.lex.pronouns.pronouns[p as usize];
                p.subject && !p.possessive
            })
    }

    /// Is the cue verb at `i` in its base or -s form ("demand",
    /// "demands"), not a past form or participle ("said", "reported")?
    fn present_form(&self, i: usize) -> bool {
        let Some(v) = self.toks[i].verb() else {
            return false;
        };
        let lemma = &self.lex.verb(v).lemma;
        let w = self.word(i);
        w.len() >= lemma.len()
            && w[..lemma.len()].eq_ignore_ascii_case(lemma)
            && matches!(&w[lemma.len()..], "" | "s" | "es")
    }

    /// A capitalized word may be a cue only at its sentence's start (or
    /// after an opening quotation mark), and not in a title-case headline.
    pub(super) fn title_case_ok(&self, i: usize) -> bool {
        let s = self.sent_of(i);
        let first =
            i == s.tokens.start || self.toks[i - 1].is_quote() || self.toks[i - 1].is_punct(':');
        // "Murphy, the head of the group, Tweeted on Friday": a stray
        // capital after punctuation is still a verb
        let after_punct =
            i > s.tokens.start && self.toks[i - 1].is_punct(',') && self.word(i).ends_with("ed");
        if !first && !after_punct {
            return false;
        }
        // headline: most words after it capitalized
        let (words, caps) = self.toks[s.tokens.clone()]
            .iter()
            .filter(|t| t.is_word())
            .fold((0, 0), |(w, c), t| (w + 1, c + usize::from(t.cap)));
        !(words >= 4 && caps * 4 >= words * 3)
    }

    pub(super) fn verb_class(&self, c: CueWord) -> Option<(CueClass, bool, bool)> {
        match c {
            CueWord::Verb(v) => {
                let e = self.lex.verb(v);
                Some((e.class, e.addressee_object, e.needs_complement))
            }
            _ => None,
        }
    }

    pub(super) fn verb_info(&self, cw: CueWord) -> (CueClass, bool, bool, bool) {
        match self.verb_class(cw) {
            Some((c, ao, nc)) => (c, true, ao, nc),
            None => (CueClass::Speech, false, false, false),
        }
    }

    /// Whether the cue is a verb of a `syntax.ron` verb list (a
    /// `verb_lists` bit).
    pub(super) fn verb_in(&self, cw: CueWord, list: u8) -> bool {
        matches!(cw, CueWord::Verb(v) if self.lex.verb_in(v, list))
    }

    pub(super) fn is_object_verb(&self, cw: CueWord) -> bool {
        matches!(cw, CueWord::Verb(v) if self.lex.verb(v).object)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// A plural noun before a verb of saying is no cue: the verb after
    /// it is (the phrase "Early estimates" as a speaker is the noun-phrase
    /// finder's, which stops at a word it knows as a verb).
    #[test]
    fn a_plural_noun_before_a_verb_of_saying() {
        let got = found("Early estimates suggest the river will rise.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].ends_with("| suggest | the river will rise"),
            "{got:?}"
        );
    }

    /// After a determiner a cue word is a noun, but a quantity standing
    /// for people is a subject.
    #[test]
    fn a_verb_or_a_noun_after_a_determiner() {
        assert!(found("A district judge ruled on Monday.").is_empty());
        assert_eq!(
            found("Most say the bridge will open."),
            ["indirect.clause | Most | say | the bridge will open"]
        );
    }

    /// Right after a subordinator a cue word in its base or -s form is
    /// a noun, the subject of the clause; a past form still reports.
    #[test]
    fn a_cue_word_after_a_subordinator() {
        assert!(found("Shares of the mill fell as demand slows.").is_empty());
        assert_eq!(
            found("Berg once said the bridge would open."),
            ["indirect.clause | Berg | said | the bridge would open"]
        );
    }

    /// Fiction's manner verbs tag a quotation, and only a quotation.
    #[test]
    fn manner_verbs_tag_quotations() {
        assert_eq!(
            found("\u{201c}Not the river again,\u{201d} she gasped."),
            ["direct.quote-speaker-cue | she | gasped | \u{201c}Not the river again,\u{201d}"]
        );
        assert!(found("The old dog growled.").is_empty());
    }
    /// "'s" after a subject pronoun is "is" or "has", not a possessive:
    /// the word after it may be a cue; and an adjective of certainty or
    /// fear carries a clause.
    #[test]
    fn a_contracted_is_before_an_adjective_cue() {
        assert_eq!(
            found("He's sure that the ferry left on time."),
            ["indirect.that | He | sure | that the ferry left on time"]
        );
        assert_eq!(
            found("She was afraid that the roof would leak."),
            ["indirect.that | She | afraid | that the roof would leak"]
        );
    }
    /// Phrases of thinking that are cues as a whole ("came to the
    /// conclusion", "keep in mind"), and a degree word before a cue's
    /// adverb ("feel very strongly that").
    #[test]
    fn phrases_of_thinking_and_a_degree_word() {
        assert_eq!(
            found("Later, the council came to the conclusion that the dam was safe."),
            ["indirect.that | the council | came to the conclusion | that the dam was safe"]
        );
        assert_eq!(
            found("Keep in mind that the museum closes early."),
            ["indirect.imperative | - | Keep in mind | that the museum closes early"]
        );
        assert_eq!(
            found("I feel very strongly that the rule is unfair."),
            ["indirect.that | I | feel | that the rule is unfair"]
        );
    }
    /// After a singular determiner and a modifier, a cue word in its base
    /// form is a noun.
    #[test]
    fn a_base_form_after_a_and_a_modifier_is_a_noun() {
        assert!(found("A short answer is often the best one.").is_empty());
        assert_eq!(
            found("A spokesman for the club said that the match was off."),
            ["indirect.that | A spokesman for the club | said | that the match was off"]
        );
    }
}
