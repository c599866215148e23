//! Mentions: the noun phrases that can be speakers, sources and addressees —
//! names ("Russian foreign minister Sergey Lavrov"), descriptions ("the top
//! Russian diplomat"), pronouns ("He"), relative pronouns ("who") — found by
//! looking left or right of a token over the lexicon flags. No parser: a
//! phrase is a run of words whose classes fit together.

use crate::lexicon::{flags, with_lower, Lexicon, MultiTarget};
use crate::span::Span;
use crate::token::{lower_into, TokKind, Token};

mod left;
mod right;
#[cfg(test)]
mod tests;

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
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.toks[i].span.slice(self.text)
    }

    /// Whether token `i` is in any of the `syntax.ron` lists `l` as
    /// written there (without capitals).
    pub(super) fn written(&self, i: usize, l: u64) -> bool {
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

    /// Is token `i` a lowercase noun of organizations ("company",
    /// "agency", "newspaper")?
    pub fn org_noun(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.cap && t.has(flags::ORG_HEAD | flags::OUTLET_NOUN)
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
        let caps_name = all_caps
            && w.len() > 2
            && !t.has(flags::PRONOUN | flags::DET | flags::PREP | flags::CONJ);
        if t.has(flags::NOT_NAME | flags::PRONOUN | flags::MONTH)
            && !t.has(flags::TITLE)
            && !caps_name
            && !self.opens_name_inside_sentence(i, sent_start)
            && !self.opens_known_name(i)
        {
            return false;
        }
        if i == sent_start
            && t.has(
                flags::CUE_VERB | flags::DET | flags::PREP | flags::CONJ | flags::ADV | flags::AUX,
            )
            && !self.opens_known_name(i)
        {
            return false;
        }
        true
    }

    /// Is token `i` the first word of a known place or organization of
    /// several words ("New Jersey", "South Africa", "New Zealand"), even as
    /// a sentence's first word, where "New" or "South" alone is no name?
    fn opens_known_name(&self, i: usize) -> bool {
        self.toks[i].multi().is_some()
            && matches!(
                self.multi_starting_at(i, self.toks.len(), &mut String::new()),
                Some((end, MultiTarget::Org(_) | MultiTarget::Place(_))) if end > i + 1
            )
    }

    /// Is token `i`, a capitalized word that never makes a name alone
    /// ("Southern", "New"), the first word of a longer name inside a
    /// sentence ("a spokeswoman for Southern Water"): not the sentence's
    /// first word, no function word, and a capitalized name word follows?
    fn opens_name_inside_sentence(&self, i: usize, sent_start: usize) -> bool {
        let t = &self.toks[i];
        let Some(n) = self.toks.get(i + 1) else {
            return false;
        };
        i != sent_start
            && sent_start != usize::MAX
            && !t.has(
                flags::PRONOUN
                    | flags::DET
                    | flags::PREP
                    | flags::CONJ
                    | flags::AUX
                    | flags::ADV
                    | flags::MONTH
                    | flags::TIME,
            )
            && n.is_word()
            && n.cap
            && !n.has(flags::NOT_NAME | flags::PRONOUN | flags::MONTH | flags::TITLE)
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
        let mut longest = |second: Option<&str>| {
            for mw in self.lex.multi_candidates(id, second) {
                let end = start + mw.words.len();
                // a short list is read whole: its other second words
                // cannot match
                if end <= hi
                    && (end == start + 1 || mw.second() == second)
                    && self.words_match(start, &mw.words, buf)
                    && best.is_none_or(|b| end > b.0)
                {
                    best = Some((end, mw.target));
                }
            }
        };
        // the next token as `words_match` compares it
        match self.toks.get(start + 1).map(|t| t.span.slice(self.text)) {
            Some(w) if w.is_ascii() => {
                with_lower(w, "", |l| longest(Some(l.trim_end_matches('.'))))
            }
            Some(w) => {
                let mut lower = String::new();
                lower_into(w, &mut lower);
                longest(Some(lower.trim_end_matches('.')));
            }
            None => longest(None),
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
}
