//! Interviews in question-and-answer form: after an answer marker ("A:",
//! "Answer:", found by [`anatomy`](crate::anatomy) as a [`Zone::Answer`]),
//! or the interviewee's surname and a colon opening a line ("RUIZ: …",
//! once the interview has begun), the rest of the line is the
//! interviewee's statement. The interviewee
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
    taken: &[Draft],
) -> Vec<Draft> {
    let Some(first) = zones
        .iter()
        .find(|z| matches!(z.zone, Zone::Answer | Zone::Question))
    else {
        return Vec::new();
    };
    let people = introduced(text, toks, sents, first.span.start, lex);
    let Some(&who) = people.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut markers: Vec<(usize, usize, Np)> = zones
        .iter()
        .filter(|z| z.zone == Zone::Answer)
        .map(|z| {
            let lo = toks.partition_point(|t| t.span.end <= z.span.start);
            (lo, toks.partition_point(|t| t.span.start < z.span.end), who)
        })
        .collect();
    // the surname of someone the introduction names and a colon opening
    // a line ("RUIZ: …"): that person's answer
    for s in sents.iter().filter(|s| s.span.start > first.span.start) {
        let i = s.tokens.start;
        let opens_line = i == 0 || toks[i - 1].kind == TokKind::Newline;
        if !opens_line
            || !toks.get(i + 1).is_some_and(|t| t.is_punct(':'))
            || taken.iter().any(|d| d.cue.0 >= i && d.cue.0 <= i + 1)
        {
            continue;
        }
        let label = toks[i].span.slice(text);
        if let Some(p) = people
            .iter()
            .find(|p| toks[p.end - 1].span.slice(text).eq_ignore_ascii_case(label))
        {
            markers.push((i, i + 2, *p));
        }
    }
    markers.sort_unstable_by_key(|m| (m.0, m.1));
    for (cue_lo, cue_hi, who) in markers {
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
            if s.tokens.end <= cue_hi || s.tokens.start >= line_end {
                continue;
            }
            let from = s
                .span
                .start
                .max(toks[cue_hi.min(toks.len() - 1)].span.start);
            if from >= s.span.end {
                continue;
            }
            content = Some(match content {
                None => (Span::new(from, s.span.end), k),
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

/// The people named (two name words or more) in the sentences before
/// byte `before`, in order: the first is the interviewee.
fn introduced(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    before: usize,
    lex: &Lexicon,
) -> Vec<Np> {
    let ph = Phrases { text, toks, lex };
    let mut out = Vec::new();
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
                        out.push(Np {
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
    out
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor};

    /// Answers after "A:" and after the interviewee's surname are the
    /// interviewee's; the questions are nobody's statements.
    #[test]
    fn answers_are_the_interviewees() {
        let text = "Ana Ruiz opened her first restaurant in 2015.\n\
                    Q: Did the star surprise you?\n\
                    A: Completely. We were closed that day.\n\
                    Q: What now?\n\
                    RUIZ: Nothing changes in the kitchen.";
        let rec = Extractor::default()
            .extract(&Document::new("t", text))
            .to_record();
        let got: Vec<(String, String)> = rec
            .attributions
            .iter()
            .map(|a| {
                let who = a.speaker.as_ref().and_then(|m| m.entity.as_deref());
                let name = who.and_then(|id| rec.entity(id)).map(|e| e.name.clone());
                (name.unwrap_or_default(), a.content.text.clone())
            })
            .collect();
        // "RUIZ: …" may be taken by the headline colon rule first: either
        // way, the interviewee says it
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "Ana Ruiz");
        assert_eq!(got[0].1, "Completely. We were closed that day.");
        assert_eq!(got[1].0, "Ana Ruiz");
        assert!(got[1].1.starts_with("Nothing changes in the kitchen"));
    }

    /// A press conference's answers after the surname of someone the
    /// introduction names, not its first name (a reporter's byline), are
    /// that person's, even when the answer opens with two words.
    #[test]
    fn answers_after_a_named_persons_surname() {
        let text = "By Lena Vos\n\
                    Coach Pavel Dorn faced questions after the match.\n\
                    Q: Was it a penalty?\n\
                    DORN: No chance. The striker dived and everyone saw it.";
        let rec = Extractor::default()
            .extract(&Document::new("t", text))
            .to_record();
        let answer = rec
            .attributions
            .iter()
            .find(|a| a.content.text.contains("The striker dived"))
            .expect("the answer");
        let who = answer.speaker.as_ref().and_then(|m| m.entity.as_deref());
        let name = who.and_then(|id| rec.entity(id)).map(|e| e.name.as_str());
        assert_eq!(name, Some("Pavel Dorn"));
    }
}
