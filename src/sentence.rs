//! Sentence and paragraph boundaries over tokens.
//!
//! Hand-written: the `sentencex` crate splits well but returns strings and
//! knows nothing of our tokens; here a boundary is a decision on tokens we
//! already have (final punctuation, closing quotes, abbreviations from the
//! lexicon), so it costs one pass and no allocation per sentence.

use std::ops::Range;

use crate::lexicon::flags;
use crate::span::Span;
use crate::token::{QuoteDir, TokKind, Token};

/// A sentence: a run of tokens inside one paragraph.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Bytes from the first to the last token.
    pub span: Span,
    /// Token indices.
    pub tokens: Range<usize>,
    /// Paragraph number (0-based; paragraphs are separated by line breaks).
    pub para: usize,
}

/// Split tokens into sentences.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut start = None::<usize>;
    let mut para = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
        if e > s {
            out.push(Sentence {
                span: Span::new(tokens[s].span.start, tokens[e - 1].span.end),
                tokens: s..e,
                para,
            });
        }
    };
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokKind::Newline {
            if let Some(s) = start.take() {
                push(&mut out, s, i, para);
            }
            if out.last().is_some_and(|s| s.para == para) {
                para += 1;
            }
            i += 1;
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        if t.is_final() || ends_with_period(t, text) {
            // absorb closing quotes / brackets / more final punctuation
            let mut j = i + 1;
            while j < tokens.len() {
                let u = &tokens[j];
                let closing = match u.kind {
                    TokKind::Quote(QuoteDir::Close | QuoteDir::SingleClose) => true,
                    TokKind::Quote(QuoteDir::Either) => !u.space_before,
                    TokKind::Punct(')' | ']' | '.' | '!' | '?' | '’' | '\'') => true,
                    _ => false,
                };
                if closing {
                    j += 1;
                } else {
                    break;
                }
            }
            if is_boundary(text, tokens, i, j) {
                push(&mut out, start.take().expect("set above"), j, para);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        push(&mut out, s, tokens.len(), para);
    }
    out
}

fn ends_with_period(t: &Token, text: &str) -> bool {
    t.is_word() && t.span.len() > 2 && t.span.slice(text).ends_with('.')
}

/// Is there a sentence boundary after final punctuation at `i`, with the
/// next token at `j`?
fn is_boundary(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let Some(next) = tokens.get(j) else {
        return true;
    };
    let next_starts = match next.kind {
        TokKind::Newline => return true,
        TokKind::Word => next.cap,
        TokKind::Number => true,
        TokKind::Quote(QuoteDir::Open | QuoteDir::Either | QuoteDir::SingleOpen) => true,
        TokKind::Punct('(' | '[' | '—' | '-' | '–') => true,
        _ => false,
    };
    if !next_starts || !next.space_before {
        return false;
    }
    let t = &tokens[i];
    if !t.is_punct('.') {
        if t.is_word() {
            // acronym with its own final period ("U.S."): a boundary only
            // when the next word cannot continue a name
            return next.has(flags::NOT_NAME) || next.has(flags::PRONOUN);
        }
        return true; // ! or ?
    }
    if i == 0 {
        return true;
    }
    let prev = &tokens[i - 1];
    if prev.is_word() && !tokens[i].space_before {
        let w = prev.span.slice(text);
        let one_letter = w.chars().count() == 1 && prev.cap;
        if prev.has(flags::HONORIFIC) || one_letter {
            return false;
        }
        if prev.has(flags::ABBREV) {
            return next.has(flags::NOT_NAME) || next.has(flags::PRONOUN);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::tokenize;

    fn sents(text: &str) -> Vec<String> {
        crate::token::texts_of(text, |t| split(text, t), |s| s.span)
    }

    #[test]
    fn abbreviations_and_quotes() {
        assert_eq!(
            sents("Mr. Smith said “No.” He left. Then Gen. Ray spoke."),
            ["Mr. Smith said “No.”", "He left.", "Then Gen. Ray spoke."]
        );
        assert_eq!(
            sents("It rose in the U.S. The end."),
            ["It rose in the U.S.", "The end."]
        );
        assert_eq!(sents("One\n\nTwo"), ["One", "Two"]);
        let lex = Lexicon::embedded();
        let text = "A b. C d.\nE f.";
        let paras: Vec<usize> = split(text, &tokenize(text, &lex))
            .iter()
            .map(|s| s.para)
            .collect();
        assert_eq!(paras, [0, 0, 1]);
    }
}
