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
    /// The date, when the dateline gives a month and a day (its year, or
    /// the header's), or the header gives one.
    pub date: Option<Date>,
}

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = date::month_pattern();
    Regex::new(&format!(
        r"^\s*(?P<dl>(?P<place>\p{{Lu}}[\p{{L}}.'\-]+(?:[ \t]+\p{{Lu}}[\p{{L}}.'\-]+){{0,3}})(?:[ \t]*[\[(](?P<country>\p{{Lu}}[\p{{L}} .]+)[\])])?(?:[ \t]*,[ \t]*(?P<region>\p{{Lu}}[\p{{L}}.]+(?:[ \t]+\p{{Lu}}[\p{{L}}.]+)?))?(?:[ \t]*,[ \t]*(?P<month>{month})\.?[ \t]+(?P<day>\d{{1,2}})(?:,[ \t]*(?P<year>\d{{4}}))?)?(?:[ \t]*\((?P<agency>[\p{{L}} .\-]+)\))?)[ \t]*(?:[:—–]|-{{1,2}}|\s-\s)"
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
    let rest = &text[base..];
    let c = DATELINE.captures(rest)?;
    let dl = c.name("dl")?;
    let has_date = c.name("month").is_some();
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
    let date = match (c.name("month"), c.name("day")) {
        (Some(m), Some(d)) => {
            let mn = date::month_number(m.as_str())?;
            let day: u8 = d.as_str().parse().ok()?;
            let year = c
                .name("year")
                .and_then(|y| y.as_str().parse().ok())
                .or(header_year);
            match year {
                Some(_) => Date::new(year, mn, day),
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
            date,
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
}
