//! Speakers: the subject of a cue, through appositions, partitives,
//! relative and participle phrases and prepositional phrases (the other
//! ways to find a speaker are in `speaker.rs`).

use crate::lexicon::{flags, lists};
use crate::mention::{MentionKind, Np};

use super::ctx::Ctx;

impl<'a> Ctx<'a> {
    /// The subject of a cue at `cue_start`: the phrase left of the verb
    /// group, through appositives, or at the clause start when a
    /// prepositional phrase separates it from the verb. Returns it with
    /// the phrases found on the way (appositions, interview partners).
    pub(super) fn subject(&self, cue_start: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        let i = self.subject_end(cue_start, lo);
        if i <= lo {
            return None;
        }
        if self.toks[i - 1].is_punct(',') || self.toks[i - 1].is_punct(')') {
            return self.apposed_subject(i - 1, lo);
        }
        // "Lee, who calls the plan a “scam,” said": the comma closing the
        // relative clause sits inside the quotation mark
        if i >= lo + 2 && self.toks[i - 1].is_quote() && self.toks[i - 2].is_punct(',') {
            let open = self.quoted_relative_open(i - 2, lo)?;
            return self.subject_before_apposition(open, i - 2, lo, 1);
        }
        self.plain_subject(i, lo)
    }

    /// "Lee, who calls the plan a “scam,” said": when the comma `c` ends
    /// a quotation inside a relative clause opened by a comma, that
    /// comma.
    pub(super) fn quoted_relative_open(&self, c: usize, lo: usize) -> Option<usize> {
        let mut quotes = 0;
        let mut k = c;
        while k > lo && c - k < 40 {
            k -= 1;
            let t = &self.toks[k];
            if t.is_final() || t.is_punct(';') || t.is_punct(':') {
                return None;
            }
            if t.is_quote() {
                quotes += 1;
            } else if t.is_punct(',') {
                return (quotes > 0 && self.in_list(k + 1, lists::CLAUSE_RELATIVES)).then_some(k);
            }
        }
        None
    }

    /// Where the subject of a cue at `cue_start` ends: left of the verb
    /// group, and for "Pence went on to say", "I am here to tell you",
    /// "she began to argue" left of the verb governing the infinitive.
    fn subject_end(&self, cue_start: usize, lo: usize) -> usize {
        let i = self.skip_verb_group_left(cue_start, lo);
        if i > lo + 1 && self.is(i - 1, "to") {
            let mut j = i - 1;
            let mut n = 0;
            while j > lo && n < 3 {
                let t = &self.toks[j - 1];
                if !t.is_word()
                    || t.cap
                    || t.pronoun().is_some()
                    || t.has(flags::DET)
                    || (t.has(flags::PREP) && !self.is(j - 1, "on"))
                {
                    break;
                }
                j -= 1;
                n += 1;
            }
            if n > 0 {
                return self.skip_verb_group_left(j, lo);
            }
        }
        i
    }

    /// A subject before appositives that end at the comma or parenthesis
    /// `close`: "Lavrov, Russia's foreign minister, said", "Anna Berg, 41,
    /// a teacher from Ohio, said", "Sanders (I-Vt.) said".
    fn apposed_subject(&self, close: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        let paren = self.toks[close].is_punct(')');
        let mut k = close;
        let mut segments = 0;
        // a cue verb seen in the current segment: only a relative
        // clause ("Barkley, who votes for Democrats, said") may hold one
        let mut verb_in_segment = false;
        while k > lo && close - k < 60 {
            k -= 1;
            let t = &self.toks[k];
            // "Sanders (I-Vt.) said": an abbreviation's period inside
            // the parentheses does not end anything
            if (t.is_final() && !(paren && t.is_punct('.')))
                || t.is_quote()
                || t.is_punct(';')
                || t.is_punct(':')
            {
                return None;
            }
            let noun_use = k > lo
                && (self.toks[k - 1].has(flags::DET | flags::PREP)
                    || self.written(k - 1, lists::POSSESSIVES));
            if t.verb().is_some() && t.has(flags::CUE_VERB) && !t.cap && !noun_use {
                verb_in_segment = true;
            }
            let opener = if paren {
                t.is_punct('(')
            } else {
                t.is_punct(',')
            };
            if !opener {
                continue;
            }
            // "Lee, speaking to reporters, said": a participle phrase may
            // hold one too
            let participle = k + 1 < close
                && self.toks[k + 1].verb().is_some()
                && !self.toks[k + 1].cap
                && self.word(k + 1).ends_with("ing");
            if verb_in_segment
                && !participle
                && !(k + 1 < close && self.in_list(k + 1, lists::CLAUSE_RELATIVES))
            {
                return None;
            }
            verb_in_segment = false;
            segments += 1;
            if let Some(found) = self.subject_before_apposition(k, close, lo, segments) {
                return Some(found);
            }
            if segments >= 3 || paren {
                return None;
            }
        }
        None
    }

    /// The subject before an apposition that opens at `open` and closes at
    /// `close`, the `segments`th apposition counted from the verb.
    fn subject_before_apposition(
        &self,
        open: usize,
        close: usize,
        lo: usize,
        segments: usize,
    ) -> Option<(Np, Vec<Np>)> {
        // "Ed Rendell (D), a Clinton supporter, said"
        let mut end = open;
        if end > lo && self.toks[end - 1].is_punct(')') {
            if let Some(paren) = (end.saturating_sub(8).max(lo)..end - 1)
                .rev()
                .find(|&x| self.toks[x].is_punct('('))
            {
                end = paren;
            }
        }
        let mut np = self.partitive(self.np.np_left(end, lo, lo)?, lo);
        let apposition = || self.np.np_right(open + 1, close, lo);
        let strong = matches!(
            np.kind,
            MentionKind::Name | MentionKind::Org | MentionKind::Pronoun
        ) || (np.kind == MentionKind::Description && segments == 1);
        let mut cs = self.clause_start_before(np.start, lo);
        // "But Mayor Lee, who …, said": a lead-in word opens the clause
        if cs < np.start && self.in_list(cs, lists::SENTENCE_LEAD_INS) {
            cs += 1;
        }
        // "State Senator Ann Lee, who …, said": capitalized words the
        // name left out at the clause start belong to it
        if np.kind == MentionKind::Name
            && cs < np.start
            && np.start - cs <= 2
            && (cs..np.start).all(|k| self.toks[k].is_word() && self.toks[k].cap)
        {
            np.start = cs;
        }
        if strong && np.start == cs {
            let Some(app) = apposition() else {
                return Some((np, Vec::new()));
            };
            // "The spokesman, Victor Rusu, told": the name in the
            // apposition names the described speaker
            if np.kind == MentionKind::Description
                && app.kind == MentionKind::Name
                && app.end == close
            {
                let named = Np {
                    start: np.start,
                    end: app.end,
                    head: app.head,
                    kind: MentionKind::Name,
                    name: app.name,
                    known: None,
                };
                return Some((named, Vec::new()));
            }
            return Some((np, vec![app]));
        }
        // "Lee Zeldin of New York, a supporter, said": the phrase before
        // the apposition ends in a post-modifier
        if np.start > cs && self.toks[np.start - 1].has(flags::PREP) {
            let head = self.np.np_right(cs, np.start, lo)?;
            if head.end < np.start
                && self.written(head.end, lists::NAME_POSTMODIFIERS)
                && matches!(head.kind, MentionKind::Name | MentionKind::Description)
            {
                return Some((head, apposition().into_iter().collect()));
            }
        }
        None
    }

    /// The phrase right before the verb group ending at `i`, through a
    /// partitive ("one of the former prosecutors said"); when it is a
    /// preposition's object, the clause's subject before the prepositional
    /// phrases ("Smith, in an interview with X, said").
    fn plain_subject(&self, i: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        // "those surveyed say", "those polled said": a demonstrative
        // with a past participle names the people asked
        if i >= lo + 2 && self.is(i - 2, "those") && self.word(i - 1).ends_with("ed") {
            return Some((Np::description(i - 2, i, i - 2), Vec::new()));
        }
        let np = self.partitive(self.np.np_left(i, lo, lo)?, lo);
        if let Some(head_np) = self.participle_modified(&np, lo) {
            return Some((head_np, Vec::new()));
        }
        if let Some(head_np) = self.relative_modified(&np, lo) {
            return Some((head_np, Vec::new()));
        }
        if np.start > lo && !matches!(np.kind, MentionKind::Relative | MentionKind::Pronoun) {
            let p = &self.toks[np.start - 1];
            let subordinator = p.in_list(lists::SUBORDINATORS);
            if p.is_word() && p.has(flags::PREP) && !p.cap && !subordinator {
                let mut cs = self.clause_start_before(np.start - 1, lo);
                // "…, even though a number of voters said": the words
                // opening a subordinate clause come before its subject
                while cs + 1 < np.start
                    && (self.in_list(cs, lists::SENTENCE_LEAD_INS)
                        || self.in_list(cs, lists::FRONTED_SUBORDINATORS)
                        || self.in_list(cs, lists::SUBORDINATORS))
                {
                    cs += 1;
                }
                if i - cs > 30 {
                    return None;
                }
                let subj = self.np.np_right(cs, np.start, lo)?;
                let after = &self.toks[subj.end];
                if subj.end < np.start
                    && after.is_word()
                    && (after.has(flags::PREP) || self.word(subj.end) == "as")
                {
                    // "Bureau of Meteorology senior forecaster Gemma Lowe
                    // said": a titled name right before the verb is the
                    // speaker, the phrase before it says where they serve
                    let titled_name = np.kind == MentionKind::Name
                        && subj.end + 1 == np.start
                        && self.is(subj.end, "of")
                        && np.name.is_some_and(|(s, _)| {
                            s > np.start && {
                                let t = &self.toks[s - 1];
                                let w = self.word(s - 1);
                                t.has(flags::TITLE | flags::PERSON_NOUN)
                                    || (t.is_word()
                                        && !t.cap
                                        && w.len() > 4
                                        && (w.ends_with("er")
                                            || w.ends_with("or")
                                            || w.ends_with("ist")))
                            }
                        });
                    if titled_name {
                        return Some((
                            Np {
                                start: subj.start,
                                ..np
                            },
                            Vec::new(),
                        ));
                    }
                    // keep interview partners and relays found in between
                    return Some((subj, vec![np]));
                }
                return None;
            }
        }
        Some((np, Vec::new()))
    }

    /// "one of the former prosecutors", "many of them": a partitive "of"
    /// belongs to the phrase `np`, which then starts at the quantity.
    fn partitive(&self, mut np: Np, lo: usize) -> Np {
        while np.start >= lo + 2 && self.is(np.start - 1, "of") {
            let q = &self.toks[np.start - 2];
            let partitive = q.has(flags::DET | flags::PERSON_NOUN | flags::TITLE)
                || self.np.quantity_left(np.start - 1, lo).is_some()
                || q.in_list(lists::PARTITIVES);
            if !partitive {
                break;
            }
            let mut st = np.start - 2;
            if let Some(left) = self.np.np_left(np.start - 1, lo, lo) {
                st = left.start.min(st);
            }
            np = Np { start: st, ..np };
        }
        np
    }

    /// "Voters in Iowa who watched the debate said": the phrase `np` found
    /// before the verb ends a relative clause without commas; the
    /// subject is the phrase before "who".
    fn relative_modified(&self, np: &Np, lo: usize) -> Option<Np> {
        if matches!(np.kind, MentionKind::Relative | MentionKind::Pronoun) {
            return None;
        }
        let from = np.start.saturating_sub(8).max(lo + 1);
        let who = (from..np.start)
            .rev()
            .find(|&k| !self.toks[k].is_word() || self.is(k, "who"))?;
        if !self.is(who, "who") || who + 1 >= np.start {
            return None;
        }
        // "who" is the relative clause's subject: its verb follows
        let v = &self.toks[who + 1];
        if !v.is_word() || v.cap || v.has(flags::DET | flags::PREP | flags::PRONOUN) {
            return None;
        }
        let mut head = self.np.np_left(who, lo, lo)?;
        if matches!(head.kind, MentionKind::Relative | MentionKind::Pronoun) {
            return None;
        }
        // "voters in Iowa who …": the phrase a prepositional phrase
        // modifies
        if head.start > lo + 1 {
            let p = &self.toks[head.start - 1];
            if p.is_word() && p.has(flags::PREP) && !p.cap {
                if let Some(left) = self.np.np_left(head.start - 1, lo, lo) {
                    head = Np { end: who, ..left };
                }
            }
        }
        Some(self.partitive(head, lo))
    }

    /// "The union representing workers at the plant said": a lowercase
    /// participle right before the phrase found, after the noun phrase
    /// that opens the clause, makes that phrase its object; the subject is
    /// the opening phrase with its participle phrase.
    fn participle_modified(&self, np: &Np, lo: usize) -> Option<Np> {
        if matches!(np.kind, MentionKind::Relative | MentionKind::Pronoun) {
            return None;
        }
        // back over the object's prepositional phrases ("drivers at the
        // depot") to the participle
        let mut start = np.start;
        for _ in 0..3 {
            if start < lo + 2 {
                return None;
            }
            let p = start - 1;
            let t = &self.toks[p];
            if !t.is_word() || t.cap || t.has(flags::AUX | flags::CUE_VERB) {
                return None;
            }
            if t.has(flags::PREP) {
                // the phrase before the preposition, or one plain word
                // the mention finder does not know as a noun ("drivers")
                let bare = p > lo && {
                    let w = &self.toks[p - 1];
                    w.is_word()
                        && !w.cap
                        && !w.has(flags::DET | flags::PREP | flags::AUX | flags::CONJ)
                };
                start = match self.np.np_left(p, lo, lo) {
                    Some(n) => n.start,
                    None if bare => p - 1,
                    None => return None,
                };
                continue;
            }
            // "Chilean mining executive X", "the ruling party leader": an
            // -ing word before a lowercase singular noun modifies it
            let next = &self.toks[p + 1];
            let modifies_next = next.is_word()
                && !next.cap
                && !next.has(flags::DET | flags::PRONOUN | flags::PREP | flags::CONJ)
                && !self.word(p + 1).ends_with('s');
            if !self.word(p).ends_with("ing") || modifies_next {
                return None;
            }
            let left = self.np.np_left(p, lo, lo)?;
            if self.toks[left.head].has(flags::DEMONYM) {
                return None;
            }
            let opens_clause = left.start == self.clause_start_before(p, lo);
            let named_or_described = matches!(
                left.kind,
                MentionKind::Description | MentionKind::Name | MentionKind::Org
            );
            return (opens_clause && named_or_described).then_some(Np {
                end: np.end,
                ..left
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_found, found};

    /// Appositions, parentheses and relative clauses between the subject
    /// and its verb.
    #[test]
    fn a_subject_through_what_comes_between() {
        for text in [
            "Anna Berg, the mayor of Harrow, said the bridge would open.",
            "Anna Berg, who chairs the panel, said the bridge would open.",
            "Anna Berg (the mayor) said the bridge would open.",
        ] {
            assert_eq!(
                found(text),
                ["indirect.clause | Anna Berg | said | the bridge would open"],
                "{text}"
            );
        }
    }

    /// A described speaker named by the apposition.
    #[test]
    fn a_description_named_by_its_apposition() {
        assert_eq!(
            found("The spokesman, Tom Ashby, said the bridge would open."),
            ["indirect.clause | The spokesman, Tom Ashby | said | the bridge would open"]
        );
    }

    /// A ratio of number words is a poll's subject ("two in five said");
    /// a number word before a noun is not ("one report").
    #[test]
    fn a_ratio_of_number_words() {
        assert_eq!(
            found("Two in five said the bridge should close."),
            ["indirect.clause | Two in five | said | the bridge should close"]
        );
        assert!(found("One report was late.").is_empty());
    }

    /// A participle phrase after the opening noun phrase belongs to the
    /// subject; its object is not the speaker.
    #[test]
    fn a_subject_with_a_participle_phrase() {
        assert_eq!(
            found("The union representing drivers at the depot said it had not been asked."),
            ["indirect.clause | The union representing drivers at the depot | said | it had not been asked"]
        );
        assert_eq!(
            found("Residents fleeing the fire said the road was blocked."),
            ["indirect.clause | Residents fleeing the fire | said | the road was blocked"]
        );
        assert_eq!(
            found("Chilean mining executive Ana Ruiz said prices would rise."),
            ["indirect.clause | executive Ana Ruiz | said | prices would rise"]
        );
    }

    /// A participle after a comma reports for the sentence's subject,
    /// not for an opening word, place or time phrase set off before it.
    #[test]
    fn a_participle_speaker_after_opening_phrases() {
        for (text, speaker) in [
            (
                "In Harrow, Oregon, on Monday, Anna Berg went after the plan, saying it was reckless.",
                "Anna Berg",
            ),
            (
                "Instead, the senator stuck to his message, saying the plan was reckless.",
                "the senator",
            ),
            (
                "Last month, Anna Berg rolled out ads, saying the plan was reckless.",
                "Anna Berg",
            ),
        ] {
            let lines = found(text);
            assert!(
                lines.contains(&format!(
                    "indirect.participle | {speaker} | saying | the plan was reckless"
                )) || lines.contains(&format!(
                    "indirect.participle | {speaker} | saying | it was reckless"
                )),
                "{text}: {lines:?}"
            );
        }
    }

    /// A participle after an inverted tag goes on with the tag's report.
    #[test]
    fn a_participle_after_an_inverted_tag() {
        assert_found(
            "The talks will resume in May, Berg said, adding: “We are ready.”",
            "direct.speaker-cue-quote | Berg | adding",
        );
    }

    #[test]
    fn a_partitive_subject() {
        assert_eq!(
            found("One of the lawyers said the case was closed."),
            ["indirect.clause | One of the lawyers | said | the case was closed"]
        );
        // an object pronoun after the partitive "of"
        assert_eq!(
            found("Many of them said the ferry was late."),
            ["indirect.clause | Many of them | said | the ferry was late"]
        );
        assert_eq!(
            found("Some of us believe that the fee is too high."),
            ["indirect.that | Some of us | believe | that the fee is too high"]
        );
    }

    /// A lone adverb before the sentence's subject, without a comma, is
    /// no subject of a participle.
    #[test]
    fn a_participle_after_a_lone_opening_adverb() {
        assert_eq!(
            found("Then Voss went on the attack, saying the fund was empty."),
            ["indirect.participle | Voss | saying | the fund was empty"]
        );
    }

    /// "those surveyed", a phrase before a relative clause without
    /// commas, and a participle phrase set off by commas.
    #[test]
    fn subjects_with_their_modifiers() {
        assert_eq!(
            found("Those asked said the park should stay open."),
            ["indirect.clause | Those asked | said | the park should stay open"]
        );
        assert_eq!(
            found("Farmers in Kent who lost their crops said the rain came too late."),
            ["indirect.clause | Farmers in Kent | said | the rain came too late"]
        );
        assert_eq!(
            found("Voss, speaking to reporters on the train, said the line would reopen."),
            ["indirect.clause | Voss | said | the line would reopen"]
        );
    }

    /// Before an apposition, a partitive subject, a title the name left
    /// out at the sentence start, and a lead-in word before the name.
    /// The subject after the words opening a subordinate clause ("even
    /// though a number of …"), and before a relative clause whose object
    /// the phrase finder does not take for a phrase ("who spoke to us").
    #[test]
    fn subjects_after_subordinators_and_before_relatives() {
        assert_eq!(
            found("The hall was full, even though a number of members said they had stayed home."),
            ["indirect.clause | a number of members | said | they had stayed home"]
        );
        assert_eq!(
            found("Three riders who spoke to us said the ferry was late."),
            ["indirect.clause | Three riders | said | the ferry was late"]
        );
    }

    #[test]
    fn a_subject_before_an_apposition_at_the_clause_start() {
        assert_eq!(
            found("One of her aides, Tom Reyes, said the vote would wait."),
            ["indirect.clause | One of her aides, Tom Reyes | said | the vote would wait"]
        );
        assert_eq!(
            found("State Senator Ann Voss, who chairs the panel, said crews built a ramp."),
            ["indirect.clause | State Senator Ann Voss | said | crews built a ramp"]
        );
        assert_eq!(
            found("But Ann Voss, who chairs the panel, said crews built a ramp."),
            ["indirect.clause | Ann Voss | said | crews built a ramp"]
        );
    }

    /// A word and a comma opening the sentence, or a phrase opened by a
    /// capitalized -ing word, is no speaker: the subject after it is.
    #[test]
    fn an_opening_word_is_not_the_speaker() {
        assert_eq!(
            found("Still, the new figures suggest that the lake is drying."),
            ["indirect.that | the new figures | suggest | that the lake is drying"]
        );
        // a connective without a comma
        assert_eq!(
            found("Together these figures suggest that the lake is drying."),
            ["indirect.that | these figures | suggest | that the lake is drying"]
        );
        assert_eq!(
            found("Waving to the crowd, the mayor promised that the bridge would open."),
            ["indirect.that | the mayor | promised | that the bridge would open"]
        );
        // a name before an apposition is still the subject
        assert_eq!(
            found("Harding, 41, said the bridge would open."),
            ["indirect.clause | Harding | said | the bridge would open"]
        );
    }

    /// A cue in a to-infinitive whose subject is not next to it: the
    /// people before "to", else the nearest personal subject; an empty
    /// "it" is nobody.
    #[test]
    fn the_subject_of_an_infinitive_cue() {
        assert_eq!(
            found("In our view we have every reason to believe that the dam is safe."),
            ["indirect.infinitival | we | believe | that the dam is safe"]
        );
        assert_eq!(
            found("There is no reason to doubt that the dam is safe."),
            ["indirect.infinitival | - | doubt | that the dam is safe"]
        );
        assert_eq!(
            found("It is my duty to note that the dam is safe."),
            ["indirect.infinitival | - | note | that the dam is safe"]
        );
        // an object, not a clause, is no report here
        assert!(found("There is no time to explain the plan.").is_empty());
    }

    /// An imperative keeps no speaker, with a polite word before it and
    /// for a cue of two words ("make sure").
    #[test]
    fn a_polite_imperative_has_no_speaker() {
        assert_eq!(
            found("Water the roses daily. Please make sure the soil is damp."),
            ["indirect.imperative | - | make sure | the soil is damp"]
        );
        assert_eq!(
            found("Water the roses daily. Make sure that the soil is damp."),
            ["indirect.imperative | - | Make sure | that the soil is damp"]
        );
    }

    /// A titled name after "X of Y" is the speaker, with where they
    /// serve.
    #[test]
    fn a_titled_name_after_an_organization() {
        assert_eq!(
            found("Office of Rivers chief engineer Dana Holt said the dam would hold."),
            ["indirect.clause | Office of Rivers chief engineer Dana Holt | said | the dam would hold"]
        );
    }
    /// "let us …", "let me …", "let's …": the one let speak or think is
    /// the speaker.
    #[test]
    fn the_one_let_speak() {
        assert_eq!(
            found("Let us ensure that the new road opens in spring."),
            ["indirect.that | us | ensure | that the new road opens in spring"]
        );
        assert_eq!(
            found("Let me say that the choir sang well."),
            ["indirect.that | me | say | that the choir sang well"]
        );
    }

    /// A base verb after a short opening phrase and its comma, or after a
    /// semicolon, is an imperative: no speaker.
    #[test]
    fn an_imperative_after_an_opening_phrase() {
        assert_eq!(
            found("For example, imagine that the ferry is late."),
            ["indirect.imperative | - | imagine | that the ferry is late"]
        );
        assert_eq!(
            found("The path is steep; note that the gate shuts at dusk."),
            ["indirect.imperative | - | note | that the gate shuts at dusk"]
        );
        // after a fronted clause with a subject of its own
        assert_eq!(
            found("Therefore, if you are driving, make sure that the tank is full."),
            ["indirect.imperative | - | make sure | that the tank is full"]
        );
    }
}
