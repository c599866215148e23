//! Interviews in question-and-answer form: after an answer marker ("A:",
//! "Answer:", found by [`anatomy`](crate::anatomy) as a [`Zone::Answer`]),
//! the rest of the line is the interviewee's statement. The interviewee
//! is the first person named in the introduction (the body before the
//! first question or answer, headline included). Questions are a zone of
//! their own ([`Zone::Question`]) that no rule reads: they are the
//! interviewer's, never statements.

use crate::anatomy::{Zone, ZoneSpan};
use crate::lexicon::Lexicon;
use crate::mention::{MentionKind, Np, Phrases};
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::{TokKind, Token};

use super::draft::{CueWord, Draft};
use super::id::RuleId;

/// The interviewee's answers in `sents`, one draft per answer.
pub fn answers(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    zones: &[ZoneSpan],
    lex: &Lexicon,
) -> Vec<Draft> {
    let Some(first) = zones
        .iter()
        .find(|z| matches!(z.zone, Zone::Answer | Zone::Question))
    else {
        return Vec::new();
    };
    let Some(who) = interviewee(text, toks, sents, first.span.start, lex) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for z in zones.iter().filter(|z| z.zone == Zone::Answer) {
        let cue_lo = toks.partition_point(|t| t.span.end <= z.span.start);
        let cue_hi = toks.partition_point(|t| t.span.start < z.span.end);
        if cue_hi <= cue_lo {
            continue;
        }
        // the answer: the sentences from the marker to the line's end
        let line_end = toks[cue_hi..]
            .iter()
            .position(|t| t.kind == TokKind::Newline)
            .map_or(toks.len(), |p| cue_hi + p);
        let mut content: Option<(Span, usize)> = None;
        for (k, s) in sents.iter().enumerate() {
            if s.tokens.start < cue_hi || s.tokens.start >= line_end {
                continue;
            }
            content = Some(match content {
                None => (s.span, k),
                Some((c, k0)) => (Span::new(c.start, s.span.end), k0),
            });
        }
        let Some((span, sent)) = content else {
            continue;
        };
        out.push(Draft::new(
            Some(who),
            (cue_lo, cue_hi),
            CueWord::Colon,
            vec![span],
            RuleId::InterviewAnswer,
            sent,
        ));
    }
    out
}

/// The first person named (two name words or more) in the sentences
/// before byte `before`.
fn interviewee(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    before: usize,
    lex: &Lexicon,
) -> Option<Np> {
    let ph = Phrases { text, toks, lex };
    for s in sents.iter().take_while(|s| s.span.start < before) {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if toks[i].cap && toks[i].is_word() {
                if let Some(np) = ph.np_right(i, s.tokens.end, s.tokens.start) {
                    let named = np.kind == MentionKind::Name
                        && np.known.is_none()
                        && np.name.is_some_and(|(a, b)| b >= a + 2);
                    if named {
                        let (a, b) = np.name.expect("checked");
                        return Some(Np {
                            start: a,
                            end: b,
                            head: b - 1,
                            ..np
                        });
                    }
                    i = np.end.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }
    None
}
