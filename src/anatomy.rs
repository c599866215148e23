//! Article anatomy: the parts of a news page around its body.
//!
//! A page as it arrives holds more than the article: a headline, a byline
//! ("By Jane Doe, Political Correspondent"), a dateline on any of the first
//! lines ("DENVER, March 3 (Reuters) -"), photo captions and credits
//! ("Picture: PA", "… (AP Photo/Jane Doe)"), lists of other stories under
//! "Related stories" or "Read more", tag and category lines, video-embed
//! labels ("WATCH: …"), labels in capitals ("KEEPING SCORE:"), live-blog
//! timestamps ("14:32 GMT"), press-release boilerplate ("About Acme",
//! "Forward-looking statements", "Media contact") and interview markers
//! ("Q:", "A:"). [`read`] sorts each line (or the label opening it) into a
//! [`Zone`]; only the body makes statements and entities: the extractor
//! leaves every sentence (or sentence start) inside another zone out. The
//! words come from `anatomy.ron`, so a house style is a lexicon edit.

use std::sync::LazyLock;

use regex::Regex;

use crate::dateline::{self, Dateline};
use crate::lexicon::Lexicon;
use crate::span::Span;

/// What part of a page a stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// The article's text: the only zone that makes statements.
    Body,
    /// The headline (the first line, before a byline or a dateline). It
    /// reads as body: headlines report statements ("Mayor says bridge will
    /// open"), and corpora such as PolNeAR annotate them.
    Headline,
    /// "By Jane Doe, Political Correspondent".
    Byline,
    /// "DENVER, March 3 (Reuters) -".
    Dateline,
    /// "Published: …", "Updated …".
    Meta,
    /// A photo caption or credit.
    Caption,
    /// A list of other stories' headlines and its header.
    Related,
    /// Tags and categories.
    Tag,
    /// A video or gallery embed ("WATCH: …").
    Embed,
    /// A label in capitals opening a line ("KEEPING SCORE:").
    Label,
    /// A live-blog timestamp ("14:32 GMT", "2.15pm").
    Timestamp,
    /// Press-release boilerplate, from its header to the end.
    Boilerplate,
    /// An interviewer's question ("Q: …").
    Question,
    /// The marker of an interviewee's answer ("A:"); the answer after it
    /// is body.
    Answer,
}

impl Zone {
    /// True for the zones whose sentences the rules read: the body and the
    /// headline.
    pub fn is_read(self) -> bool {
        matches!(self, Zone::Body | Zone::Headline)
    }

    /// The zone's name as written in documentation and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Body => "body",
            Zone::Headline => "headline",
            Zone::Byline => "byline",
            Zone::Dateline => "dateline",
            Zone::Meta => "meta",
            Zone::Caption => "caption",
            Zone::Related => "related",
            Zone::Tag => "tag",
            Zone::Embed => "embed",
            Zone::Label => "label",
            Zone::Timestamp => "timestamp",
            Zone::Boilerplate => "boilerplate",
            Zone::Question => "question",
            Zone::Answer => "answer",
        }
    }
}

/// A stretch of the page outside the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneSpan {
    /// Which zone.
    pub zone: Zone,
    /// Its bytes (a whole line, or the label opening one).
    pub span: Span,
}

/// The anatomy of one document.
#[derive(Debug, Clone, Default)]
pub struct Anatomy {
    /// Stretches outside the body, in text order, not overlapping.
    pub zones: Vec<ZoneSpan>,
    /// The dateline, and the byte where the body after it starts.
    pub dateline: Option<(Dateline, usize)>,
}

/// How many lines from the top a dateline, a byline or metadata may sit on.
const HEAD_LINES: usize = 6;

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?)(?:\s*(?:GMT|BST|UTC|CET|CEST|ET|EST|EDT|CT|PT|PST|PDT|AEST|AEDT|AWST|IST))?(?:\s*[-—–:|]\s*|\s+|$)",
    )
    .expect("valid regex")
});

/// Sort the lines of `text` into zones.
pub fn read(text: &str, lex: &Lexicon) -> Anatomy {
    let mut a = Anatomy::default();
    let mut lines = Lines::new(text);
    let head: Vec<(usize, &str)> = lines.by_ref().take(HEAD_LINES).collect();
    a.dateline = dateline::find(text);
    let mut body_line = 0;
    if a.dateline.is_none() {
        // a dateline after a headline, a byline or metadata
        for (k, &(start, line)) in head.iter().enumerate().skip(1) {
            // above it only a headline, a byline and metadata: no prose
            if head[..k]
                .iter()
                .any(|(_, l)| more_words_than(l, 30) || is_prose(l))
            {
                break;
            }
            let alone = || {
                // "BENGALURU" alone on the line under a byline
                let an = &lex.anatomy;
                let label = || {
                    header(line).is_some_and(|h| {
                        [&an.embeds, &an.related, &an.boilerplate]
                            .iter()
                            .any(|l| has(l, &h))
                    })
                };
                (is_byline(head[k - 1].1, an) && !label())
                    .then(|| dateline::find_alone(start, line))
                    .flatten()
            };
            if let Some(d) = dateline::find_on_line(text, start).or_else(alone) {
                // "RUIZ: We were closed" is a speaker's label, not a place
                let colon = text[d.0.span.end..d.1].contains(':');
                if colon && d.0.date.is_none() && d.0.agency.is_none() {
                    continue;
                }
                a.dateline = Some(d);
                body_line = k;
                break;
            }
        }
    }
    let lex = &lex.anatomy;
    let mut state = State::Body;
    let bylined = head.iter().take(3).skip(1).any(|(_, l)| is_byline(l, lex));
    for (k, &(start, line)) in head.iter().enumerate() {
        let span = Span::new(start, start + line.len());
        if k < body_line {
            let zone = if k == 0 {
                Zone::Headline
            } else {
                head_zone(line, lex).unwrap_or(Zone::Headline)
            };
            a.zones.push(ZoneSpan { zone, span });
            continue;
        }
        if k == body_line {
            if let Some((d, body)) = &a.dateline {
                let start_dl = d.span.start.min(start);
                a.zones.push(ZoneSpan {
                    zone: Zone::Dateline,
                    span: Span::new(start_dl, *body),
                });
                if *body >= start + line.len() {
                    continue;
                }
                let rest = Span::new(*body, start + line.len());
                line_zones(text, rest, lex, &mut state, &mut a.zones);
                continue;
            }
        }
        if k == 0 && bylined {
            a.zones.push(ZoneSpan {
                zone: Zone::Headline,
                span,
            });
            continue;
        }
        if let Some(zone) = head_zone(line, lex) {
            a.zones.push(ZoneSpan { zone, span });
            continue;
        }
        line_zones(text, span, lex, &mut state, &mut a.zones);
    }
    for (start, line) in lines {
        let span = Span::new(start, start + line.len());
        line_zones(text, span, lex, &mut state, &mut a.zones);
    }
    a
}

/// Where the reading of lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Body,
    /// Under a "Related stories" header.
    Related,
    /// Past a boilerplate header: to the end.
    Boilerplate,
}

/// Non-empty lines with their byte offsets, trimmed.
struct Lines<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { text, at: 0 }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        while self.at < self.text.len() {
            let rest = &self.text[self.at..];
            let len = rest.find('\n').unwrap_or(rest.len());
            let line = &rest[..len];
            let start = self.at;
            self.at += len + 1;
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                return Some((start + lead, trimmed));
            }
        }
        None
    }
}

/// Whether `line` has more than `n` words; stops counting at `n + 1`, so
/// a paragraph-long line costs no more than a short one.
fn more_words_than(line: &str, n: usize) -> bool {
    line.split_whitespace().nth(n).is_some()
}

/// The label before a colon opening `line` (at most five words), lowercase.
fn colon_label(line: &str) -> Option<(String, usize)> {
    // only a colon among the first 41 bytes counts: look no further
    let head = &line.as_bytes()[..line.len().min(41)];
    let colon = head.iter().position(|&b| b == b':')?;
    if colon == 0 {
        return None;
    }
    let label = &line[..colon];
    if more_words_than(label, 5) || label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((label.trim().to_lowercase(), colon + 1))
}

/// True when `list` holds `s`.
fn has(list: &[String], s: &str) -> bool {
    list.iter().any(|x| x == s)
}

/// The line as a header: lowercase, without a trailing colon or bullet.
fn header(line: &str) -> Option<String> {
    if line.len() > 60 {
        return None;
    }
    let h = line.trim_end_matches([':', ' ', '.']).trim();
    Some(h.to_lowercase())
}

fn is_byline(line: &str, lex: &crate::lexicon::AnatomyLexicon) -> bool {
    if lex
        .staff_bylines
        .iter()
        .any(|b| line.eq_ignore_ascii_case(b))
    {
        return true; // "Staff Reporter"
    }
    if line.ends_with(['.', '!', '?', '"', '”']) && !line.ends_with(" Jr.")
        || !may_start_with(line, &lex.bylines)
        || more_words_than(line, 14)
    {
        return false;
    }
    let lower = line.to_lowercase();
    lex.bylines.iter().any(|b| {
        lower.starts_with(b.as_str())
            && lower[b.len()..].starts_with(' ')
            && line[b.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
    })
}

/// False when the lowercased `line` cannot start with any word of `list`:
/// a line opening with an ASCII character lowercases to that character
/// in ASCII lowercase, which must be some word's first byte. A cheap test
/// before counting words and lowercasing the whole line.
fn may_start_with(line: &str, list: &[String]) -> bool {
    let Some(&first) = line.as_bytes().first() else {
        return true;
    };
    !first.is_ascii()
        || list.iter().any(|w| {
            w.as_bytes()
                .first()
                .is_none_or(|&b| b == first.to_ascii_lowercase())
        })
}

/// A line near the top that is a byline or metadata.
fn head_zone(line: &str, lex: &crate::lexicon::AnatomyLexicon) -> Option<Zone> {
    if is_byline(line, lex) {
        return Some(Zone::Byline);
    }
    if line.ends_with('.') || !may_start_with(line, &lex.metadata) || more_words_than(line, 10) {
        return None;
    }
    let lower = line.to_lowercase();
    let meta = lex.metadata.iter().any(|m| {
        lower.starts_with(m.as_str())
            && lower[m.len()..].starts_with([':', ' '])
            && lower[m.len()..]
                .trim_start_matches([':', ' '])
                .starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
    });
    meta.then_some(Zone::Meta)
}

/// True when the line reads as a sentence of body text.
fn is_prose(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '”', '’', '\''])
        && !line.starts_with(['-', '•', '*', '–', '—'])
        && more_words_than(line, 8)
}

/// The zones of one line of the page (or of its rest after a dateline).
fn line_zones(
    text: &str,
    span: Span,
    lex: &crate::lexicon::AnatomyLexicon,
    state: &mut State,
    out: &mut Vec<ZoneSpan>,
) {
    let line = span.slice(text);
    let whole = |zone| ZoneSpan { zone, span };
    if *state == State::Boilerplate {
        out.push(whole(Zone::Boilerplate));
        return;
    }
    if *state == State::Related {
        if is_prose(line) {
            *state = State::Body;
        } else {
            out.push(whole(Zone::Related));
            return;
        }
    }
    if let Some(h) = header(line) {
        if has(&lex.related, &h) {
            *state = State::Related;
            out.push(whole(Zone::Related));
            return;
        }
        let about = h.strip_prefix("about ").is_some_and(|rest| {
            !more_words_than(rest, 5) && line[6..].starts_with(|c: char| c.is_uppercase())
        }) && !line.ends_with('.');
        if about || has(&lex.boilerplate, &h) {
            *state = State::Boilerplate;
            out.push(whole(Zone::Boilerplate));
            return;
        }
        if has(&lex.embeds, &h) {
            out.push(whole(Zone::Embed));
            return;
        }
    }
    if line.contains("forward-looking statements") {
        *state = State::Boilerplate;
        out.push(whole(Zone::Boilerplate));
        return;
    }
    if let Some((label, after)) = colon_label(line) {
        let zone = if has(&lex.captions, &label) {
            Some(Zone::Caption)
        } else if has(&lex.tags, &label) {
            Some(Zone::Tag)
        } else if has(&lex.related, &label) {
            Some(Zone::Related)
        } else if has(&lex.embeds, &label) {
            Some(Zone::Embed)
        } else if has(&lex.questions, &label) {
            Some(Zone::Question)
        } else {
            None
        };
        if let Some(zone) = zone {
            out.push(whole(zone));
            return;
        }
        let marker = Span::new(span.start, span.start + after);
        if has(&lex.answers, &label) {
            out.push(ZoneSpan {
                zone: Zone::Answer,
                span: marker,
            });
            return;
        }
        let label_text = &line[..after - 1];
        let caps = label_text.split_whitespace().count() >= 2
            && label_text
                .chars()
                .all(|c| !c.is_lowercase() && (c.is_alphabetic() || c == ' ' || c == '\''));
        if caps {
            out.push(ZoneSpan {
                zone: Zone::Label,
                span: marker,
            });
            return;
        }
    }
    if is_caption_credit(line, lex) {
        out.push(whole(Zone::Caption));
        return;
    }
    if line.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(m) = TIMESTAMP.find(line) {
            let ts = Span::new(span.start, span.start + m.end());
            out.push(ZoneSpan {
                zone: Zone::Timestamp,
                span: if m.end() >= line.len() { span } else { ts },
            });
        }
    }
}

/// A line ending in a bracketed credit: "… (AP Photo/Jane Doe)",
/// "… (Photo: Reuters)".
fn is_caption_credit(line: &str, lex: &crate::lexicon::AnatomyLexicon) -> bool {
    if !line.ends_with(')') {
        return false;
    }
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let inside = line[open + 1..].to_lowercase();
    lex.caption_credits.iter().any(|c| {
        inside.starts_with(c.as_str()) && inside[c.len()..].starts_with(['/', ':', ')', ' '])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<(&'static str, &str)> {
        let lex = Lexicon::embedded();
        read(text, &lex)
            .zones
            .iter()
            .map(|z| (z.zone.as_str(), z.span.slice(text)))
            .collect()
    }

    #[test]
    fn headline_byline_and_a_later_dateline() {
        let t = "Council backs bridge plan\nBy Jane Doe, Political Correspondent\nDENVER, March 3 (Reuters) - The mayor said it was done.";
        assert_eq!(
            zones(t),
            [
                ("headline", "Council backs bridge plan"),
                ("byline", "By Jane Doe, Political Correspondent"),
                ("dateline", "DENVER, March 3 (Reuters) -"),
            ]
        );
    }

    #[test]
    fn a_staff_byline_and_a_place_alone() {
        let t = "Fares to rise in June\nStaff Reporter\nMUMBAI\nThe council said fares would rise.";
        assert_eq!(
            zones(t),
            [
                ("headline", "Fares to rise in June"),
                ("byline", "Staff Reporter"),
                ("dateline", "MUMBAI"),
            ]
        );
        let t = "Fares to rise in June\nStaff Reporter\nWATCH\nThe council said fares would rise.";
        assert!(!zones(t).iter().any(|z| z.0 == "dateline"));
    }

    #[test]
    fn captions_related_tags_and_labels() {
        let t = "The mayor said it was done and that the bridge would open in May.\n\
                 Picture: PA\n\
                 Crowds on the bridge in May. (AP Photo/Jane Doe)\n\
                 Related stories\n\
                 Mayor defends bridge plan\n\
                 Council votes on budget\n\
                 The council will meet again on Tuesday, a spokesman for the mayor said.\n\
                 KEEPING SCORE: The team has won five straight.\n\
                 WATCH: The mayor opens the bridge\n\
                 Tags: Denver, bridges";
        assert_eq!(
            zones(t),
            [
                ("caption", "Picture: PA"),
                (
                    "caption",
                    "Crowds on the bridge in May. (AP Photo/Jane Doe)"
                ),
                ("related", "Related stories"),
                ("related", "Mayor defends bridge plan"),
                ("related", "Council votes on budget"),
                ("label", "KEEPING SCORE:"),
                ("embed", "WATCH: The mayor opens the bridge"),
                ("tag", "Tags: Denver, bridges"),
            ]
        );
    }

    /// A related-stories word and a colon open a line that is one other
    /// story's headline; a live blog's "Key events" heads a list of them.
    #[test]
    fn related_headlines_one_a_line() {
        let t = "The council said the pool would reopen in the spring after the repairs.\n\
                 MORE: Mayor defends pool closure\n\
                 Read more: Council votes on budget\n\
                 Key events\n\
                 2h ago Pool to reopen in spring";
        assert_eq!(
            zones(t),
            [
                ("related", "MORE: Mayor defends pool closure"),
                ("related", "Read more: Council votes on budget"),
                ("related", "Key events"),
                ("related", "2h ago Pool to reopen in spring"),
            ]
        );
    }

    /// A surname in capitals before a colon under the headline is a
    /// speaker's label in an interview, not a dateline.
    #[test]
    fn a_capital_label_is_no_dateline() {
        let t = "Chef Ana Ruiz on her star\nQ: Why?\nRUIZ: Because we cook well.";
        assert_eq!(zones(t), [("question", "Q: Why?")]);
    }

    #[test]
    fn timestamps_boilerplate_and_interviews() {
        let t = "14:32 GMT\n2.15pm The mayor said it was over.\nQ: Was it hard?\nA: It was.\nAbout Acme\nAcme said it makes widgets.";
        assert_eq!(
            zones(t),
            [
                ("timestamp", "14:32 GMT"),
                ("timestamp", "2.15pm "),
                ("question", "Q: Was it hard?"),
                ("answer", "A:"),
                ("boilerplate", "About Acme"),
                ("boilerplate", "Acme said it makes widgets."),
            ]
        );
    }
}
