//! Phrases that start at a token: the object after a cue or a
//! preposition ("according to the Harrow Gazette", "told reporters").

use crate::lexicon::{flags, lists, MultiTarget};

use super::{is_modifier_word, MentionKind, Np, Phrases};

impl<'a> Phrases<'a> {
    /// The noun phrase starting at `start` (for "according to X", "told X",
    /// "said X"), not reaching `hi`.
    pub fn np_right(&self, start: usize, hi: usize, sent_start: usize) -> Option<Np> {
        if start >= hi {
            return None;
        }
        let t = &self.toks[start];
        if !t.is_word() {
            return None;
        }
        // "his wins", "her supporters": a possessive before a noun is a
        // determiner of a longer phrase, not the phrase
        let determiner = t.pronoun().is_some_and(|p| {
            self.lex.pronouns.pronouns[p as usize].possessive
                && self.toks.get(start + 1).is_some_and(|n| {
                    start + 1 < hi
                        && n.is_word()
                        && !n.has(flags::PREP | flags::DET | flags::CONJ | flags::AUX | flags::ADV)
                        && n.pronoun().is_none()
                        && n.verb().is_none()
                })
        });
        if t.pronoun().is_some() && !determiner && !(t.cap && self.is_name_word(start, usize::MAX))
        {
            return Some(Np::single(start, MentionKind::Pronoun));
        }
        // walk right over determiners, modifiers and names, remembering the
        // last head-like word
        let mut walk = Walk {
            start,
            hi,
            sent_start,
            determiner,
            k: start,
            head: None,
            name: None,
            known: None,
        };
        let mut buf = String::new();
        while walk.k < hi && walk.k < start + 12 && self.walk_right(&mut walk, &mut buf) {}
        self.phrase_walked(&walk)
    }

    /// One step of `np_right`'s walk at `w.k`: false where the phrase
    /// ends.
    fn walk_right(&self, w: &mut Walk, buf: &mut String) -> bool {
        let k = w.k;
        let u = &self.toks[k];
        // an initial's or honorific's period: "Benjamin J. Rhodes", "Mr. Kim"
        if u.is_punct('.')
            && w.name.is_some_and(|n| n.1 == k)
            && (self.word(k - 1).chars().count() == 1 || self.toks[k - 1].has(flags::HONORIFIC))
            && self
                .toks
                .get(k + 1)
                .is_some_and(|n| n.cap && n.space_before)
        {
            w.k += 1;
            return true;
        }
        if self.channel_number(k, w) {
            // "KRVT News 9", "Channel 4 News": the channel's number
            w.name = w.name.map(|n| (n.0, k + 1));
            w.head = Some(k);
            w.k += 1;
            return true;
        }
        if !u.is_word() && !u.is_punct('-') {
            return false;
        }
        match self.multi_starting_at(k, w.hi, buf) {
            Some((e, target @ (MultiTarget::Org(_) | MultiTarget::Place(_)))) => {
                // a place closing a longer name is part of a body's name
                // ("BBC Radio Scotland", "Police Scotland"), not the place
                let place_closing_a_name =
                    matches!(target, MultiTarget::Place(_)) && w.name.is_some_and(|n| n.1 == k);
                w.name = Some((w.name.map_or(k, |n| n.0), e));
                if !place_closing_a_name {
                    w.known = Some(target);
                }
                w.head = Some(e - 1);
                w.k = e;
                return true;
            }
            Some((e, MultiTarget::Title(_))) => {
                w.head = Some(e - 1);
                w.k = e;
                return true;
            }
            _ => {}
        }
        if k > w.start && self.written(k, lists::POSSESSIVES) {
            // possessor then more: "Putin's spokesman"; but a capitalized
            // possessor and a body's head make one name ("the Kent County
            // Sheriff's Office")
            let body = w.name.is_some_and(|n| n.1 == k)
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.is_word() && n.cap && n.has(flags::ORG_HEAD));
            if !body {
                w.name = None;
                w.known = None;
                w.head = None;
            }
            w.k += 1;
            return true;
        }
        if u.cap && self.is_name_word(k, w.sent_start)
            || (u.cap && k == w.start && u.has(flags::TITLE))
        {
            self.walk_name(w);
            return true;
        }
        // one or two joiners before the next capitalized word ("van der")
        let joins_name = w.name.is_some()
            && self.written(k, lists::NAME_JOINERS)
            && (self.toks.get(k + 1).is_some_and(|n| n.cap)
                || (w.name.is_some_and(|n| n.1 == k)
                    && self.written(k + 1, lists::NAME_JOINERS)
                    && self.toks.get(k + 2).is_some_and(|n| n.cap)));
        if joins_name || (k == w.start && (u.has(flags::DET) || w.determiner)) {
            w.k += 1;
            return true;
        }
        if u.has(flags::TITLE | flags::PERSON_NOUN | flags::OUTLET_NOUN | flags::ORG_HEAD) && !u.cap
        {
            w.head = Some(k);
            w.k += 1;
            return true;
        }
        self.walk_modifier(w)
    }

    /// A channel number right after a capitalized broadcaster's word
    /// ending the walk's name ("News 9"): at most three digits, with no
    /// lowercase noun after it ("told KRVT News 9 people died" counts).
    fn channel_number(&self, k: usize, w: &Walk) -> bool {
        let u = &self.toks[k];
        let word = self.word(k);
        u.kind == crate::token::TokKind::Number
            && k > 0
            && w.name.is_some_and(|n| n.1 == k && n.0 < k)
            && self.toks[k - 1].cap
            && self.toks[k - 1].in_list(lists::CHANNEL_WORDS)
            && word.len() <= 3
            && word.bytes().all(|b| b.is_ascii_digit())
            && self.toks.get(k + 1).is_none_or(|n| {
                !n.is_word()
                    || n.cap
                    || n.verb().is_some()
                    || n.has(
                        flags::PREP
                            | flags::CONJ
                            | flags::DET
                            | flags::AUX
                            | flags::ADV
                            | flags::PRONOUN,
                    )
            })
    }

    /// A capitalized word of `np_right`'s walk: a demonym or title
    /// modifying what follows, or a word of a name.
    fn walk_name(&self, w: &mut Walk) {
        let k = w.k;
        let u = &self.toks[k];
        w.k += 1;
        let next_cap = self.toks.get(k + 1).is_some_and(|n| n.cap && n.is_word());
        if u.has(flags::DEMONYM) && !next_cap {
            // "the Russian minister": demonym as modifier
            return;
        }
        if next_cap && (u.has(flags::DEMONYM) || (u.has(flags::TITLE) && !u.has(flags::HONORIFIC)))
        {
            // "Russian President Vladimir Putin": titles and demonyms
            // before a name are modifiers, not the name
            w.name = None;
            w.known = None;
            return;
        }
        // a name goes on over an initial's period and over a joiner the
        // walk stepped across ("Bank of England", "Ludwig van Beethoven")
        let joined = |n: (usize, usize)| {
            n.1 == k
                || (n.1 + 1 == k
                    && (self.toks[k - 1].is_punct('.')
                        || self.written(k - 1, lists::NAME_JOINERS)
                        || (self.written(k - 1, lists::POSSESSIVES) && u.has(flags::ORG_HEAD))))
                || (n.1 + 2 == k
                    && self.written(k - 2, lists::NAME_JOINERS)
                    && self.written(k - 1, lists::NAME_JOINERS))
        };
        if !w.name.is_some_and(joined) {
            w.known = None; // a new name run: "US journalist Tucker Carlson"
        }
        w.name = Some((w.name.map_or(k, |n| if joined(n) { n.0 } else { k }), k + 1));
        w.head = Some(k);
    }

    /// A common word of `np_right`'s walk: an adjective or modifier goes
    /// on ("the presumptive Republican presidential nominee") unless it
    /// follows a name with no title after it; false where the phrase
    /// ends.
    fn walk_modifier(&self, w: &mut Walk) -> bool {
        let k = w.k;
        let u = &self.toks[k];
        let word = self.word(k);
        let participle_modifier = !u.cap
            && (word.ends_with("ed") || word.ends_with("ing"))
            && !u.has(flags::CUE_VERB | flags::AUX)
            && self.toks.get(k + 1).is_some_and(|n| {
                n.has(flags::TITLE | flags::PERSON_NOUN) || (n.cap && n.is_word())
            });
        if !(is_modifier_word(u, word) || participle_modifier) || u.has(flags::CUE_VERB) {
            return false;
        }
        // common words after a capitalized modifier continue the phrase
        if w.name.is_some() {
            let title_follows = (k + 1..(k + 3).min(w.hi))
                .any(|j| self.toks[j].has(flags::TITLE | flags::PERSON_NOUN) && !self.toks[j].cap);
            if !title_follows {
                return false;
            }
            w.name = None;
            w.known = None;
        }
        w.k += 1;
        true
    }

    /// The phrase `np_right`'s walk went over: up to its head, named or
    /// described.
    fn phrase_walked(&self, w: &Walk) -> Option<Np> {
        let (start, hi, k) = (w.start, w.hi, w.k);
        let det_start = self.toks[start].has(flags::DET);
        // "the note says": a determiner, one common word, then the verb
        let one_word = || {
            k == start + 1
                && det_start
                && k < hi
                && self.toks[k].is_word()
                && !self.toks[k].cap
                && !self.toks[k]
                    .has(flags::AUX | flags::PREP | flags::CONJ | flags::PRONOUN | flags::DET)
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.has(flags::CUE_VERB | flags::AUX))
        };
        // "the real estate developer said": a determined run of common
        // words ending right before a verb-like word is a phrase too
        let run = || {
            k > start + 1
                && det_start
                && self.toks[k - 1].is_word()
                && self.toks.get(k).is_some_and(|n| {
                    n.has(flags::CUE_VERB | flags::AUX | flags::ADV)
                        || n.is_punct(',')
                        || (n.has(flags::PREP) && !n.cap)
                })
        };
        let head = match w.head {
            Some(h) => h,
            None if one_word() => k,
            None if run() => k - 1,
            None => return None,
        };
        let end = head + 1;
        let name = w.name.filter(|n| n.1 == end);
        let kind = match w.known {
            Some(MultiTarget::Org(_)) => MentionKind::Org,
            Some(MultiTarget::Place(_)) => MentionKind::Place,
            _ if name.is_some() && self.toks[head].has(flags::ORG_HEAD) => MentionKind::Org,
            _ if name.is_some() => MentionKind::Name,
            _ => MentionKind::Description,
        };
        Some(Np {
            start,
            end,
            head,
            kind,
            name,
            known: if name.is_some() { w.known } else { None },
        })
    }
}

/// The state of `np_right`'s walk over a phrase.
struct Walk {
    /// Where the phrase starts, the bound it may not reach, and its
    /// sentence's start.
    start: usize,
    hi: usize,
    sent_start: usize,
    /// The first word is a possessive determiner ("his wins").
    determiner: bool,
    /// The next token.
    k: usize,
    /// The last head-like word so far.
    head: Option<usize>,
    /// The name run so far (token range).
    name: Option<(usize, usize)>,
    /// The known organization or place the name run matched.
    known: Option<MultiTarget>,
}
