//! Pairing quotation marks into quotations.
//!
//! Curly marks say which way they face; straight `"` toggles; `''` closes
//! (New York Times house style). Pairing never crosses a paragraph break
//! except by the news convention that an unclosed quote runs to the end of
//! its paragraph, so an unbalanced mark can never swallow the article.

use crate::span::Span;
use crate::token::{QuoteDir, TokKind, Token};

/// One quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, if it has one in the paragraph.
    pub close: Option<usize>,
    /// Token index one past the last token inside (the closing mark, or the
    /// end of the paragraph).
    pub end: usize,
    /// Bytes from the opening mark to the closing mark (or paragraph end).
    pub span: Span,
    /// Bytes between the marks.
    pub inner: Span,
    /// Number of word tokens inside.
    pub words: usize,
}

/// Find the quotations in a token stream.
pub fn pair(tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let finish = |out: &mut Vec<Quote>, o: usize, close: Option<usize>, end: usize| {
        let last = if end > o + 1 {
            tokens[end - 1].span.end
        } else {
            tokens[o].span.end
        };
        let span_end = close.map_or(last, |c| tokens[c].span.end);
        let inner_end = close
            .map_or(last, |c| tokens[c].span.start)
            .max(tokens[o].span.end);
        let words = tokens[o + 1..end]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokKind::Number)
            .count();
        out.push(Quote {
            open: o,
            close,
            end,
            span: Span::new(tokens[o].span.start, span_end),
            inner: Span::new(tokens[o].span.end, inner_end),
            words,
        });
    };
    // single marks inside a double quotation (and double inside single)
    // are nested quotations: part of the outer one
    let mut single = false;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokKind::Newline => {
                if let Some(o) = open.take() {
                    finish(&mut out, o, None, i);
                }
            }
            TokKind::Quote(dir) => {
                if open.is_some() && dir.is_single() != single {
                    continue;
                }
                match (dir, open) {
                    (QuoteDir::Open | QuoteDir::SingleOpen, None) => open = Some(i),
                    (QuoteDir::Open | QuoteDir::SingleOpen, Some(o)) => {
                        // a second opening mark: the first was never closed
                        finish(&mut out, o, None, i);
                        open = Some(i);
                    }
                    (QuoteDir::Close | QuoteDir::Either | QuoteDir::SingleClose, Some(o)) => {
                        finish(&mut out, o, Some(i), i);
                        open = None;
                    }
                    (QuoteDir::Either, None) => open = Some(i),
                    (QuoteDir::Close | QuoteDir::SingleClose, None) => {} // stray closing mark
                }
                if open == Some(i) {
                    single = dir.is_single();
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        finish(&mut out, o, None, tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        crate::token::texts_of(text, pair, |q| q.inner)
    }

    #[test]
    fn pairs_curly_straight_and_nyt_marks() {
        assert_eq!(
            quotes("“A,” he said, \"B.\" ``C,'' she said"),
            ["A,", "B.", "C,"]
        );
    }

    /// British single quotation marks, straight or curly, told apart
    /// from apostrophes; nested quotations stay inside the outer one.
    #[test]
    fn single_quotes_and_apostrophes() {
        assert_eq!(
            quotes("'This is a disgrace,' she said. 'Nobody can pay that.'"),
            ["This is a disgrace,", "Nobody can pay that."]
        );
        assert_eq!(
            quotes("‘It’s the Smiths’ house,’ he said of rock ’n’ roll in the ’90s."),
            ["It’s the Smiths’ house,"]
        );
        assert_eq!(
            quotes("James' car is at the Smiths' house at 5 o'clock, ‘Tis said."),
            Vec::<String>::new()
        );
        assert_eq!(
            quotes("'He told me \"never\" twice,' she said. \"It was 'fine',\" he said."),
            ["He told me \"never\" twice,", "It was 'fine',"]
        );
        assert_eq!(
            quotes("'We love the players' commitment,' she said."),
            ["We love the players' commitment,"]
        );
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        assert_eq!(quotes("“Open and\nnext “x”"), ["Open and", "x"]);
    }
}
