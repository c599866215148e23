//! Datelines: "Moscow [Russia], December 6 :", "WASHINGTON (Reuters) —",
//! "LONDON, Dec. 6, 2024 —" at the start of an article, plus a leading
//! "date YYYY-MM-DD" header line when a corpus supplies one.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// A dateline found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Bytes of the dateline (without its trailing separator).
    pub span: Span,
    /// Bytes of the place name.
    pub place: Option<Span>,
    /// ISO date when the year is known, else as written.
    pub date: Option<String>,
}

static HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date:?\s+(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<dl>(?P<place>\p{{Lu}}[\p{{L}}.'\-]+(?:[ \t]+\p{{Lu}}[\p{{L}}.'\-]+){{0,3}})(?:[ \t]*[\[(](?P<country>\p{{Lu}}[\p{{L}} .]+)[\])])?(?:[ \t]*,[ \t]*(?P<region>\p{{Lu}}[\p{{L}}.]+(?:[ \t]+\p{{Lu}}[\p{{L}}.]+)?))?(?:[ \t]*,[ \t]*(?P<month>{MONTH})\.?[ \t]+(?P<day>\d{{1,2}})(?:,[ \t]*(?P<year>\d{{4}}))?)?(?:[ \t]*\((?P<agency>[\p{{L}} .\-]+)\))?)[ \t]*(?:[:—–]|-{{1,2}}|\s-\s)"
    ))
    .expect("valid regex")
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as u32 + 1)
}

/// Find the dateline at the start of `text`. Returns the dateline and the
/// byte offset where the article body starts.
pub fn find(text: &str) -> Option<(Dateline, usize)> {
    let mut base = 0;
    let mut header_year = None;
    let mut header_date = None;
    if let Some(h) = HEADER.captures(text) {
        let whole = h.get(0).expect("match");
        base = whole.end();
        header_year = Some(h[1].to_string());
        header_date = Some(format!("{}-{}-{}", &h[1], &h[2], &h[3]));
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
            let mn = month_number(m.as_str())?;
            let day: u32 = d.as_str().parse().ok()?;
            let year = c
                .name("year")
                .map(|y| y.as_str().to_string())
                .or(header_year);
            Some(match year {
                Some(y) => format!("{y}-{mn:02}-{day:02}"),
                None => format!("{} {}", m.as_str(), d.as_str()),
            })
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
        assert_eq!(d.date.as_deref(), Some("2024-12-06"));
        let t = "WASHINGTON (Reuters) — The senator said";
        assert_eq!(find(t).unwrap().0.place.unwrap().slice(t), "WASHINGTON");
        assert!(find("The minister said: yes").is_none());
        let t = "MANCHESTER, England, May 18 — The manager said";
        let (d, _) = find(t).unwrap();
        assert_eq!(d.place.unwrap().slice(t), "MANCHESTER");
        assert_eq!(d.date.as_deref(), Some("May 18"));
    }
}
