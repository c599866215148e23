//! Datelines: "Moscow \[Russia\], December 6 :", "WASHINGTON (Reuters) —",
//! "LONDON, Dec. 6, 2024 —" at the start of an article, plus a leading
//! "date YYYY-MM-DD" header line when a corpus supplies one.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::{self, Date};
use crate::span::Span;

/// A dateline found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Bytes of the dateline (without its trailing separator).
    pub span: Span,
    /// Bytes of the place name.
    pub place: Option<Span>,
    /// The place's entity in [`Extraction::entities`](crate::Extraction::entities),
    /// once the extractor has resolved it (`None` until then).
    pub place_entity: Option<usize>,
    /// The date, when the dateline gives a month and a day (its year, or
    /// the header's), or the header gives one.
    pub date: Option<Date>,
    /// Bytes of the wire service in brackets ("Reuters" in "DENVER,
    /// March 3 (Reuters) -"): the document's source, not a mention.
    pub agency: Option<Span>,
}

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = date::month_pattern();
    Regex::new(&format!(
        r"^\s*(?P<dl>(?P<place>\p{{Lu}}[\p{{L}}.'\-]+(?:[ \t]+\p{{Lu}}[\p{{L}}.'\-]+){{0,3}})(?:[ \t]*[\[(](?P<country>\p{{Lu}}[\p{{L}} .]+)[\])])?(?:[ \t]*,[ \t]*(?P<region>\p{{Lu}}[\p{{L}}.]+(?:[ \t]+\p{{Lu}}[\p{{L}}.]+)?))?(?:[ \t]*,[ \t]*(?:(?P<month>{month})\.?[ \t]+(?P<day>\d{{1,2}})(?:,[ \t]*(?P<year>\d{{4}}))?|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{month})\.?(?:,?[ \t]+(?P<year2>\d{{4}}))?))?(?:[ \t]*\((?P<agency>[\p{{L}} .\-]+)\))?)[ \t]*(?:[:—–]|-{{1,2}}|\s-\s)"
    ))
    .expect("valid regex")
});

/// Find the dateline at the start of `text`. Returns the dateline and the
/// byte offset where the article body starts.
pub fn find(text: &str) -> Option<(Dateline, usize)> {
    let mut base = 0;
    let mut header_year = None;
    let mut header_date = None;
    if let Some(h) = HEADER.captures(text) {
        let whole = h.get(0).expect("match");
        base = whole.end();
        let year: Option<u16> = h[1].parse().ok();
        header_year = year;
        header_date = Date::new(year, h[2].parse().unwrap_or(0), h[3].parse().unwrap_or(0));
    }
    find_at(text, base, header_year, header_date)
}

/// Find a dateline that opens the line starting at byte `line` of `text`
/// (after a headline and a byline). Returns it and where the body starts.
pub fn find_on_line(text: &str, line: usize) -> Option<(Dateline, usize)> {
    find_at(text, line, None, None)
}

/// A place in capitals alone on the line starting at byte `line` of
/// `text` ("BENGALURU" under a byline): the dateline, and where it ends
/// (the body starts on the next line). At most three words of capitals.
pub fn find_alone(line: usize, words: &str) -> Option<(Dateline, usize)> {
    let ok = (1..=3).contains(&words.split_whitespace().count())
        && words.chars().any(char::is_alphabetic)
        && words
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    if !ok {
        return None;
    }
    let span = Span::new(line, line + words.len());
    Some((
        Dateline {
            span,
            place: Some(span),
            place_entity: None,
            date: None,
            agency: None,
        },
        span.end,
    ))
}

fn find_at(
    text: &str,
    base: usize,
    header_year: Option<u16>,
    header_date: Option<Date>,
) -> Option<(Dateline, usize)> {
    let rest = &text[base..];
    let c = DATELINE.captures(rest)?;
    let dl = c.name("dl")?;
    let has_date = c.name("month").is_some() || c.name("month2").is_some();
    let has_agency = c.name("agency").is_some();
    let place = c.name("place")?;
    // without a date or an agency, only an ALL-CAPS place counts
    // ("WASHINGTON —"), or a place with a bracketed country
    let caps = place
        .as_str()
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if !has_date && !has_agency && !caps && c.name("country").is_none() {
        return None;
    }
    if place.as_str().split_whitespace().count() > 3 && !caps {
        return None;
    }
    let year = c.name("year").or(c.name("year2"));
    let date = match (
        c.name("month").or(c.name("month2")),
        c.name("day").or(c.name("day2")),
    ) {
        (Some(m), Some(d)) => {
            let mn = date::month_number(m.as_str())?;
            let day: u8 = d.as_str().parse().ok()?;
            let year = year.and_then(|y| y.as_str().parse().ok()).or(header_year);
            match year {
                Some(_) => Date::new(year, mn, day),
                None if d.start() < m.start() => {
                    Date::written(mn, day, &format!("{} {}", d.as_str(), m.as_str()))
                }
                None => Date::written(mn, day, &format!("{} {}", m.as_str(), d.as_str())),
            }
        }
        _ => header_date,
    };
    let whole_end = base + c.get(0)?.end();
    Some((
        Dateline {
            span: Span::new(base + dl.start(), base + dl.end()),
            place: Some(Span::new(base + place.start(), base + place.end())),
            place_entity: None,
            date,
            agency: c
                .name("agency")
                .map(|a| Span::new(base + a.start(), base + a.end())),
        },
        whole_end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let t = " date 2024-12-06 Moscow [Russia], December 6 : Russian foreign minister said";
        let (d, _) = find(t).unwrap();
        assert_eq!(d.span.slice(t), "Moscow [Russia], December 6");
        assert_eq!(d.place.unwrap().slice(t), "Moscow");
        assert_eq!(d.date.unwrap().to_string(), "2024-12-06");
        let t = "WASHINGTON (Reuters) — The senator said";
        assert_eq!(find(t).unwrap().0.place.unwrap().slice(t), "WASHINGTON");
        assert!(find("The minister said: yes").is_none());
        let t = "MANCHESTER, England, May 18 — The manager said";
        let (d, _) = find(t).unwrap();
        assert_eq!(d.place.unwrap().slice(t), "MANCHESTER");
        assert_eq!(d.date.unwrap().to_string(), "May 18");
        let t = "LONDON, Sept. 06 — The minister said";
        assert_eq!(find(t).unwrap().0.date.unwrap().to_string(), "Sept 06");
    }

    /// Wire datelines on a later line, day-first dates, and the agency.
    #[test]
    fn a_place_alone_on_its_line() {
        let t = "Staff Reporter\nMUMBAI\nThe council said it would meet.";
        let (d, end) = find_alone(15, "MUMBAI").expect("a dateline");
        assert_eq!(d.place.map(|p| p.slice(t)), Some("MUMBAI"));
        assert_eq!(&t[end..], "\nThe council said it would meet.");
        assert!(find_alone(0, "Staff Reporter").is_none());
    }

    #[test]
    fn wire_datelines_on_a_later_line() {
        let t = "Headline here\nBy Jane Doe\nDENVER, March 3 (Reuters) - The mayor said";
        let line = t.find("DENVER").unwrap();
        let (d, body) = find_on_line(t, line).unwrap();
        assert_eq!(d.place.unwrap().slice(t), "DENVER");
        assert_eq!(d.agency.unwrap().slice(t), "Reuters");
        assert_eq!(t[body..].trim_start(), "The mayor said");
        let t = "PERTH, Aug 9 (AAP) — Police said";
        assert_eq!(find(t).unwrap().0.agency.unwrap().slice(t), "AAP");
        let t = "PORTO, 3 March — The coach said";
        assert_eq!(find(t).unwrap().0.date.unwrap().to_string(), "3 March");
        let t = "NANTES, France, June 5, 2024 – The club said";
        assert_eq!(find(t).unwrap().0.date.unwrap().to_string(), "2024-06-05");
    }
}
