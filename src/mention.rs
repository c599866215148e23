//! Mentions: the noun phrases that can be speakers, sources and addressees —
//! names ("Russian foreign minister Sergey Lavrov"), descriptions ("the top
//! Russian diplomat"), pronouns ("He"), relative pronouns ("who") — found by
//! looking left or right of a token over the lexicon flags. No parser: a
//! phrase is a run of words whose classes fit together.

use crate::lexicon::{flags, lists, Lexicon, MultiTarget};
use crate::span::Span;
use crate::token::{lower_into, TokKind, Token};

/// What kind of phrase a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name (person, or unknown).
    Name,
    /// A known or recognised organization name.
    Org,
    /// A known place name.
    Place,
    /// A personal pronoun.
    Pronoun,
    /// A relative pronoun (who, which).
    Relative,
    /// A common-noun description ("the top Russian diplomat", "officials").
    Description,
}

/// A noun phrase found in the token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The head token (the name's last word, the description's noun).
    pub head: usize,
    /// What kind of phrase.
    pub kind: MentionKind,
    /// The proper-name part, when there is one (token range).
    pub name: Option<(usize, usize)>,
    /// A known organization or place the name matched.
    pub known: Option<MultiTarget>,
}

impl Np {
    /// A common-noun phrase over tokens `[start, end)` with its head.
    pub fn description(start: usize, end: usize, head: usize) -> Np {
        Np {
            start,
            end,
            head,
            kind: MentionKind::Description,
            name: None,
            known: None,
        }
    }

    /// A phrase of the one token `i` (a pronoun, a relative pronoun).
    pub(crate) fn single(i: usize, kind: MentionKind) -> Np {
        Np {
            start: i,
            end: i + 1,
            head: i,
            kind,
            name: None,
            known: None,
        }
    }

    /// Byte span over tokens.
    pub fn span(&self, toks: &[Token]) -> Span {
        Span::new(toks[self.start].span.start, toks[self.end - 1].span.end)
    }
}

/// Looks for noun phrases around positions in one document's tokens.
pub struct Phrases<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token],
    /// The lexicon.
    pub lex: &'a Lexicon,
}

/// Modifiers that may precede a title or a name in a description.
fn is_modifier_word(t: &Token, w: &str) -> bool {
    if !t.is_word() || t.cap {
        return false;
    }
    if t.has(
        flags::TITLE | flags::PERSON_NOUN | flags::DEMONYM | flags::ORG_HEAD | flags::OUTLET_NOUN,
    ) {
        return true;
    }
    if t.has(
        flags::AUX
            | flags::PREP
            | flags::CONJ
            | flags::CUE_VERB
            | flags::PRONOUN
            | flags::RELATIVE
            | flags::DET
            | flags::ADV
            | flags::ACCORDING,
    ) {
        return false;
    }
    // unknown lowercase content words: adjectives and noun modifiers
    // ("state-owned" and "long-time" are adjectives whatever their ending)
    w.contains('-') || (!w.ends_with("ly") && !w.ends_with("ing") && !w.ends_with("ed"))
}

impl<'a> Phrases<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks[i].span.slice(self.text)
    }

    /// Whether token `i` is in any of the `syntax.ron` lists `l` as
    /// written there (without capitals).
    fn written(&self, i: usize, l: u64) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.in_list_as_written(l, self.text))
    }

    /// A single capitalized word that is a known organization or place
    /// ("US", "NATO", "Moscow").
    pub fn known_single(&self, i: usize) -> Option<MultiTarget> {
        let t = &self.toks[i];
        if !t.is_word() || !t.cap || !t.has(flags::MULTI_FIRST) {
            return None;
        }
        let mut buf = String::new();
        lower_into(self.word(i), &mut buf);
        let key = buf.trim_end_matches('.');
        self.lex
            .multi(key)
            .iter()
            .chain(self.lex.multi(&buf).iter())
            .find(|mw| mw.words.len() == 1)
            .map(|mw| mw.target)
    }

    /// A capitalized word that can be part of a name.
    pub fn is_name_word(&self, i: usize, sent_start: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() || !t.cap {
            return false;
        }
        let w = self.word(i);
        if w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && self.known_single(i).is_some() {
            return true; // "US", "NATO"
        }
        let all_caps = w.len() > 1 && w.chars().all(|c| !c.is_lowercase());
        if t.has(flags::NOT_NAME | flags::PRONOUN | flags::MONTH)
            && !t.has(flags::TITLE)
            && !(all_caps
                && w.len() > 2
                && !t.has(flags::PRONOUN | flags::DET | flags::PREP | flags::CONJ))
        {
            return false;
        }
        if i == sent_start
            && t.has(
                flags::CUE_VERB | flags::DET | flags::PREP | flags::CONJ | flags::ADV | flags::AUX,
            )
        {
            return false;
        }
        true
    }

    /// Match a multi-word lexicon entry (organization, place, title) that
    /// ends exactly at token `end` (exclusive), starting at or after `lo`.
    pub fn multi_ending_at(
        &self,
        end: usize,
        lo: usize,
        buf: &mut String,
    ) -> Option<(usize, MultiTarget)> {
        // try starts from furthest left (longest match) within 6 tokens
        let from = end.saturating_sub(6).max(lo);
        for s in from..end {
            let Some(id) = self.toks[s].multi().filter(|_| self.toks[s].is_word()) else {
                continue;
            };
            for mw in self.lex.multi_list(id) {
                if s + mw.words.len() == end && self.words_match(s, &mw.words, buf) {
                    return Some((s, mw.target));
                }
            }
        }
        None
    }

    /// Match a multi-word lexicon entry starting at `start`; longest wins.
    pub fn multi_starting_at(
        &self,
        start: usize,
        hi: usize,
        buf: &mut String,
    ) -> Option<(usize, MultiTarget)> {
        let id = self.toks[start]
            .multi()
            .filter(|_| self.toks[start].is_word())?;
        let mut best: Option<(usize, MultiTarget)> = None;
        for mw in self.lex.multi_list(id) {
            let end = start + mw.words.len();
            if end <= hi
                && self.words_match(start, &mw.words, buf)
                && best.is_none_or(|b| end > b.0)
            {
                best = Some((end, mw.target));
            }
        }
        best
    }

    /// Do the tokens from `start` spell `words`? The first word already
    /// matched through the token's multi-word list id.
    pub fn words_match(&self, start: usize, words: &[String], buf: &mut String) -> bool {
        for (k, w) in (start..).zip(words.iter()).skip(1) {
            // skip nothing: tokens must line up one to one
            let Some(t) = self.toks.get(k) else {
                return false;
            };
            if !matches!(t.kind, TokKind::Word | TokKind::Number | TokKind::Punct(_)) {
                return false;
            }
            let word = t.span.slice(self.text);
            let want = w.trim_end_matches('.');
            if word.is_ascii() {
                // no lowercasing copy for the common case
                if !word.trim_end_matches('.').eq_ignore_ascii_case(want) {
                    return false;
                }
                continue;
            }
            lower_into(word, buf);
            if buf.trim_end_matches('.') != want {
                return false;
            }
        }
        true
    }

    /// The noun phrase that ends right before token `end`, not reaching
    /// before `lo`.
    pub fn np_left(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        let mut np = self.np_left_simple(end, lo, sent_start)?;
        // "six in 10 Democratic voters"
        if np.kind == MentionKind::Description && np.head != np.start {
            if let Some(q) = self.quantity_left(np.start, lo) {
                np.start = q;
            }
        }
        // "the top aide of Russian President Vladimir Putin": a description
        // whose head is left of an of/for/at-phrase
        if np.start >= lo + 2
            && np.kind != MentionKind::Pronoun
            && np.kind != MentionKind::Relative
            && self.toks[np.start - 1].is_word()
            && self.written(np.start - 1, lists::HEAD_POSTMODIFIERS)
        {
            if let Some(left) = self.np_left_simple(np.start - 1, lo, sent_start) {
                if left.kind == MentionKind::Description
                    && self.toks[left.head].has(flags::TITLE | flags::PERSON_NOUN)
                {
                    np = Np {
                        start: left.start,
                        end: np.end,
                        head: left.head,
                        kind: MentionKind::Description,
                        name: left.name,
                        known: None,
                    };
                }
            }
        }
        Some(np)
    }

    /// A quantity phrase ending at `end`: "half", "55 percent", "26%",
    /// "six in 10", "more than a third", "most", "a majority" — the
    /// subjects of poll reports ("six in 10 said …"). Returns its start.
    pub fn quantity_left(&self, end: usize, lo: usize) -> Option<usize> {
        if end <= lo {
            return None;
        }
        let i = end - 1;
        let t = &self.toks[i];
        let is_num = |k: usize| {
            self.toks[k].kind == TokKind::Number
                || (self.toks[k].is_word() && self.toks[k].in_list(lists::NUMBER_WORDS))
        };
        let percent = (t.is_punct('%') && i > lo && self.toks[i - 1].kind == TokKind::Number)
            || (t.is_word()
                && self.word(i).eq_ignore_ascii_case("percent")
                && i > lo
                && is_num(i - 1));
        let mut start = if percent {
            i - 1
        } else if is_num(i)
            && i >= lo + 2
            && self.written(i - 1, lists::RATIO_WORDS)
            && is_num(i - 2)
        {
            // "six in 10", "two out of three"
            let mut k = i - 2;
            if k > lo && self.word(k - 1) == "out" && self.word(i - 1) == "of" && k >= lo + 2 {
                k = i - 3;
                if !is_num(k) {
                    return None;
                }
            }
            k
        } else if t.is_word() && t.in_list(lists::QUANTITY_HEADS) && (!t.cap || i == lo) {
            i
        } else {
            return None;
        };
        // "more than", "nearly", "about", "a", "the other"
        while start > lo {
            let p = &self.toks[start - 1];
            if p.in_list(lists::QUANTITY_MODIFIERS)
                || (p.in_list(lists::COMPARATIVES) && self.word(start).eq_ignore_ascii_case("than"))
            {
                start -= 1;
            } else {
                break;
            }
        }
        Some(start)
    }

    /// The phrase ending right before `end` without a post-modifier: a
    /// quantity, a pronoun, a relative pronoun, a name or a description.
    fn np_left_simple(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        if end <= lo {
            return None;
        }
        let i = end - 1;
        let t = &self.toks[i];
        if let Some(start) = self.quantity_left(end, lo) {
            return Some(Np::description(start, end, i));
        }
        if !t.is_word() {
            return None;
        }
        if let Some(p) = t.pronoun() {
            let subject = self.lex.pronouns.pronouns[p as usize].subject;
            return subject.then(|| Np::single(i, MentionKind::Pronoun));
        }
        if t.has(flags::RELATIVE) && self.written(i, lists::SUBJECT_RELATIVES) {
            return Some(Np::single(i, MentionKind::Relative));
        }
        let name_word = self.is_name_word(i, sent_start);
        let mut buf = String::new();
        let known = if name_word || t.cap {
            self.multi_ending_at(end, lo, &mut buf)
        } else {
            None
        };
        if name_word || (t.cap && known.is_some()) {
            return Some(self.name_left(end, lo, sent_start, known));
        }
        self.description_left(end, lo, sent_start)
    }

    /// The name ending right before `end`, a capitalized run with its
    /// initials and joiners ("George W. Bush", "Osama bin Laden") or the
    /// known organization or place `known` that ends there, with the
    /// titles and modifiers before it.
    fn name_left(
        &self,
        end: usize,
        lo: usize,
        sent_start: usize,
        known: Option<(usize, MultiTarget)>,
    ) -> Np {
        let i = end - 1;
        let mut j = i;
        while j > lo {
            let p = &self.toks[j - 1];
            if p.is_punct('.')
                && j >= lo + 2
                && self.word(j - 2).chars().count() == 1
                && self.toks[j - 2].cap
            {
                // an initial: "George W. Bush"
                j -= 2;
            } else if (self.is_name_word(j - 1, sent_start)
                && !p.has(flags::DEMONYM)
                && !p.has(flags::TITLE))
                || (p.is_word()
                    && self.written(j - 1, lists::NAME_JOINERS)
                    && j >= lo + 2
                    && self.is_name_word(j - 2, sent_start)
                    && !self.toks[j - 2].has(flags::TITLE | flags::DEMONYM))
            {
                j -= 1;
            } else {
                break;
            }
        }
        let name_start = known.map_or(j, |(s, _)| j.min(s));
        let kind = match known.map(|k| k.1) {
            Some(MultiTarget::Org(_)) => MentionKind::Org,
            Some(MultiTarget::Place(_)) => MentionKind::Place,
            _ if self.toks[i].has(flags::ORG_HEAD) => MentionKind::Org,
            _ => MentionKind::Name,
        };
        Np {
            start: self.modifiers_left(name_start, lo, sent_start),
            end,
            head: i,
            kind,
            name: Some((name_start, end)),
            known: known.map(|k| k.1),
        }
    }

    /// The description ending right before `end`: a title or person noun
    /// ("the President", "his spokesman"), a bare plural of people at a
    /// clause's start ("Election scholars"), or a noun with a determiner
    /// or possessor within reach ("the billionaire real estate magnate").
    fn description_left(&self, end: usize, lo: usize, sent_start: usize) -> Option<Np> {
        let i = end - 1;
        let t = &self.toks[i];
        let w = self.word(i);
        let people = flags::TITLE | flags::PERSON_NOUN | flags::ORG_HEAD;
        if (t.cap && t.has(people) && !t.has(flags::PRONOUN))
            || (!t.cap && t.has(people | flags::OUTLET_NOUN))
        {
            let start = self.modifiers_left(i, lo, sent_start);
            return Some(Np::description(start, end, i));
        }
        if t.cap || !is_modifier_word(t, w) {
            return None;
        }
        // a bare plural of people-like nouns: "Election scholars", "critics"
        if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
            let mut start = self.modifiers_left(i, lo, sent_start);
            // "six in 10 Democratic voters"
            if let Some(q) = self.quantity_left(start, lo) {
                start = q;
            }
            let at_clause = start == lo
                || self.toks[start - 1].is_punct(',')
                || self.toks[start - 1].has(flags::CONJ)
                || self.toks[start - 1].is_quote();
            if at_clause {
                return Some(Np::description(start, end, i));
            }
        }
        // any other noun with a determiner or possessor within reach:
        // "the billionaire real estate magnate", "her campaign"
        let start = self.modifiers_left(i, lo, sent_start);
        if start >= i {
            return None;
        }
        let s = &self.toks[start];
        let determined = (s.has(flags::DET) && !self.written(start, lists::WEAK_DETERMINERS))
            || s.pronoun()
                .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].possessive)
            || (start + 1 < end && self.written(start + 1, lists::POSSESSIVES));
        determined.then(|| Np::description(start, end, i))
    }

    /// Extend a phrase leftwards over titles, demonyms, possessives,
    /// adjectives and one determiner.
    fn modifiers_left(&self, from: usize, lo: usize, sent_start: usize) -> usize {
        let mut j = from;
        let mut steps = 0;
        while j > lo && steps < 8 {
            let p = &self.toks[j - 1];
            let pw = self.word(j - 1);
            steps += 1;
            // "Mr. Verdery", "Gen. Ray": an honorific's period
            if p.is_punct('.') && j >= lo + 2 && self.toks[j - 2].has(flags::HONORIFIC) {
                j -= 2;
                continue;
            }
            if p.has(flags::DET) && !p.has(flags::PRONOUN) {
                // "the", "a", "some": include and stop; also "his"-type
                // possessive determiners ("his spokesman")
                j -= 1;
                break;
            }
            if p.is_word() && self.written(j - 1, lists::POSSESSIVES) && j >= lo + 2 {
                // possessor: "Putin's spokesman"
                if let Some(owner) = self.np_left_simple(j - 1, lo, sent_start) {
                    if owner.kind != MentionKind::Relative {
                        j = owner.start;
                        break;
                    }
                }
                break;
            }
            if p.cap && p.pronoun().is_some() && self.is_name_word(j - 1, sent_start) {
                // "US journalist": an all-caps known name, not "us"
                j -= 1;
                continue;
            }
            if let Some(pr) = p.pronoun() {
                if self.lex.pronouns.pronouns[pr as usize].possessive {
                    j -= 1;
                }
                break;
            }
            if p.has(flags::TITLE | flags::DEMONYM)
                || (p.cap
                    && self.is_name_word(j - 1, sent_start)
                    && self.toks[from].has(flags::TITLE))
            {
                j -= 1;
                continue;
            }
            if p.is_punct('-')
                || (p.is_word()
                    && (pw.ends_with("-elect") || pw.starts_with("then-") || pw.starts_with("ex-")))
            {
                j -= 1;
                continue;
            }
            if p.cap && (self.is_name_word(j - 1, sent_start) || self.known_single(j - 1).is_some())
            {
                // "US journalist", "Kremlin spokesman" — capitalized modifiers
                j -= 1;
                continue;
            }
            if !p.cap
                && p.verb()
                    .is_some_and(|v| self.lex.verb(v).lemma == pw.to_lowercase())
                && !p.has(flags::AUX | flags::PREP)
            {
                // a verb's base form used as a noun modifier: "state media"
                j -= 1;
                continue;
            }
            if is_modifier_word(p, pw) {
                j -= 1;
                continue;
            }
            break;
        }
        j
    }

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
        if !u.is_word() && !u.is_punct('-') {
            return false;
        }
        match self.multi_starting_at(k, w.hi, buf) {
            Some((e, target @ (MultiTarget::Org(_) | MultiTarget::Place(_)))) => {
                w.name = Some((w.name.map_or(k, |n| n.0), e));
                w.known = Some(target);
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
            // possessor then more: "Putin's spokesman"
            w.name = None;
            w.known = None;
            w.head = None;
            w.k += 1;
            return true;
        }
        if u.cap && self.is_name_word(k, w.sent_start)
            || (u.cap && k == w.start && u.has(flags::TITLE))
        {
            self.walk_name(w);
            return true;
        }
        let joins_name = w.name.is_some()
            && self.written(k, lists::NAME_JOINERS)
            && self.toks.get(k + 1).is_some_and(|n| n.cap);
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
        let joined =
            |n: (usize, usize)| n.1 == k || (n.1 + 1 == k && self.toks[k - 1].is_punct('.'));
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

#[cfg(test)]
mod tests {
    use super::{MentionKind, Phrases};
    use crate::lexicon::Lexicon;
    use crate::token::{tokenize, Token};

    /// The phrases found in `text` around its first `word`: by
    /// [`Phrases::np_left`] ending before it (`left`) or by
    /// [`Phrases::np_right`] starting at it (`right`), as the phrase's text,
    /// its kind and the text of its name.
    struct Doc {
        text: &'static str,
        lex: Lexicon,
        toks: Vec<Token>,
    }

    type Found = Option<(String, MentionKind, Option<String>)>;

    impl Doc {
        fn new(text: &'static str) -> Doc {
            let lex = Lexicon::embedded();
            let toks = tokenize(text, &lex);
            Doc { text, lex, toks }
        }

        fn at(&self, word: &str) -> usize {
            self.toks
                .iter()
                .position(|t| t.span.slice(self.text) == word)
                .unwrap_or_else(|| panic!("no {word:?} in {:?}", self.text))
        }

        fn show(&self, np: Option<super::Np>) -> Found {
            let slice = |s: usize, e: usize| {
                self.text[self.toks[s].span.start..self.toks[e - 1].span.end].to_string()
            };
            np.map(|np| {
                let name = np.name.map(|(s, e)| slice(s, e));
                (slice(np.start, np.end), np.kind, name)
            })
        }

        fn phrases(&self) -> Phrases<'_> {
            Phrases {
                text: self.text,
                toks: &self.toks,
                lex: &self.lex,
            }
        }

        fn left(&self, before: &str) -> Found {
            self.show(self.phrases().np_left(self.at(before), 0, 0))
        }

        fn right(&self, from: &str) -> Found {
            let len = self.toks.len();
            self.show(self.phrases().np_right(self.at(from), len, 0))
        }
    }

    fn found(text: &str, kind: MentionKind, name: Option<&str>) -> Found {
        Some((text.to_string(), kind, name.map(str::to_string)))
    }

    /// Titles and demonyms before a name belong to the phrase, not to the
    /// name; initials and joiners do.
    #[test]
    fn names_with_what_comes_before_them() {
        use MentionKind::Name;
        let cases = [
            (
                "Norwegian foreign minister Amara Osei said it.",
                "Norwegian foreign minister Amara Osei",
                "Amara Osei",
            ),
            ("Then Anna K. Berg said it.", "Anna K. Berg", "Anna K. Berg"),
            (
                "Then Ludo van Berg said it.",
                "Ludo van Berg",
                "Ludo van Berg",
            ),
        ];
        for (text, phrase, name) in cases {
            assert_eq!(
                Doc::new(text).left("said"),
                found(phrase, Name, Some(name)),
                "{text}"
            );
        }
    }

    #[test]
    fn descriptions() {
        use MentionKind::Description;
        let cases = [
            (
                "Then the top Norwegian diplomat said it.",
                "the top Norwegian diplomat",
            ),
            (
                "Then Anna Berg's spokesman said it.",
                "Anna Berg's spokesman",
            ),
            (
                "Then the spokesman for Mayor Tom Ashby said it.",
                "the spokesman for Mayor Tom Ashby",
            ),
        ];
        for (text, phrase) in cases {
            assert_eq!(
                Doc::new(text).left("said"),
                found(phrase, Description, None),
                "{text}"
            );
        }
    }

    /// The subjects of poll reports.
    #[test]
    fn quantities_standing_for_people() {
        use MentionKind::Description;
        for (text, phrase) in [
            (
                "Then six in 10 Democratic voters said so.",
                "six in 10 Democratic voters",
            ),
            ("Then more than half said so.", "more than half"),
            ("Then 55 percent said so.", "55 percent"),
        ] {
            assert_eq!(
                Doc::new(text).left("said"),
                found(phrase, Description, None),
                "{text}"
            );
        }
    }

    #[test]
    fn pronouns_relatives_and_known_names() {
        let doc = Doc::new("Later he said that Berg, who said it first, had asked Reuters.");
        assert_eq!(doc.left("said"), found("he", MentionKind::Pronoun, None));
        assert_eq!(
            doc.right("Reuters"),
            found("Reuters", MentionKind::Org, Some("Reuters"))
        );
        let doc = Doc::new("Berg, who said it first, left.");
        assert_eq!(doc.left("said"), found("who", MentionKind::Relative, None));
        let doc = Doc::new("Then Norway said it.");
        assert_eq!(
            doc.left("said"),
            found("Norway", MentionKind::Place, Some("Norway"))
        );
        // a capitalized run ending in an organization's head word
        let doc = Doc::new("Then Harrow Council said it.");
        assert_eq!(
            doc.left("said"),
            found("Harrow Council", MentionKind::Org, Some("Harrow Council"))
        );
    }

    /// Phrases after a cue ("told X", "said X", "according to X").
    #[test]
    fn phrases_to_the_right() {
        let doc = Doc::new("Berg told reporters that it was said by Anna Berg, the mayor.");
        assert_eq!(
            doc.right("reporters"),
            found("reporters", MentionKind::Description, None)
        );
        assert_eq!(
            doc.right("Anna"),
            found("Anna Berg", MentionKind::Name, Some("Anna Berg"))
        );
        // a possessive is the determiner of a longer phrase
        let doc = Doc::new("It angered his supporters.");
        assert_eq!(
            doc.right("his"),
            found("his supporters", MentionKind::Description, None)
        );
        // but alone it is a pronoun
        let doc = Doc::new("It angered him.");
        assert_eq!(doc.right("him"), found("him", MentionKind::Pronoun, None));
    }
}
