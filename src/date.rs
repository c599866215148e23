//! Dates as articles write them, typed: a year when the text gives one, a
//! month and a day, with the one table of month names the library reads
//! and writes them by (datelines, the timeline of `quotegraph query`).
//!
//! The lexicon's `months` (`data/lexicon/grammar.ron`) are a word class —
//! which words the tokenizer and rules treat as month words, editable like
//! any other list — while this table is the calendar: which month a word
//! names, and how a month is written back. A test checks that every month
//! word of the embedded lexicon names a month here.

use std::cmp::Ordering;
use std::fmt;

/// The months, January first: a month is written as its name or as an
/// abbreviation of at least three letters that begins it ("Dec", "Sept").
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations datelines write besides a name's first three letters.
const LONGER_ABBREVIATIONS: [&str; 1] = ["sept"];

/// The month (1–12) an English month name or abbreviation names, ignoring
/// case: the name or a beginning of it of at least three letters.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u8 + 1)
}

/// The spellings of months a dateline is read with, as a regular
/// expression alternation: each month's first three letters capitalized,
/// optionally followed by the rest of its name ("Dec", "December"), and
/// the longer abbreviations ("Sept").
pub(crate) fn month_pattern() -> String {
    let capital = |w: &str| w[..1].to_uppercase() + &w[1..];
    let mut alternatives: Vec<String> = MONTHS
        .iter()
        .map(|m| match &m[3..] {
            "" => capital(m),
            rest => format!("{}(?:{rest})?", capital(&m[..3])),
        })
        .collect();
    alternatives.extend(LONGER_ABBREVIATIONS.iter().map(|a| capital(a)));
    format!("(?:{})", alternatives.join("|"))
}

/// A calendar date from an article: a year when the text gives one, a
/// month and a day.
///
/// A date with a year is written `YYYY-MM-DD`; one without is written as
/// the text wrote it ("Dec 6", "6 December"): no year is guessed. Dates
/// compare by year (undated years last), month and day, whatever their
/// spelling.
///
/// ```
/// use quotegraph::date::Date;
///
/// let d = Date::parse("2024-12-06").unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (Some(2024), 12, 6));
/// assert_eq!(d.to_string(), "2024-12-06");
/// let md = Date::parse("Dec. 6").unwrap();
/// assert_eq!(md.to_string(), "Dec. 6");
/// assert_eq!(md.iso(), "--12-06");
/// assert_eq!(md, Date::parse("6 December").unwrap());
/// assert!(Date::parse("spring").is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Date {
    year: Option<u16>,
    month: u8,
    day: u8,
    /// How a date without a year was written, which is how it prints.
    written: Option<Box<str>>,
}

impl Date {
    /// The date `year`-`month`-`day`, or `None` when the month is not
    /// 1–12 or the day not 1–31.
    pub fn new(year: Option<u16>, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date {
            year,
            month,
            day,
            written: None,
        })
    }

    /// A date without a year, written as `written` ("Dec 6").
    pub(crate) fn written(month: u8, day: u8, written: &str) -> Option<Date> {
        let mut d = Date::new(None, month, day)?;
        d.written = Some(written.into());
        Some(d)
    }

    /// Read a date: ISO `YYYY-MM-DD`, ISO's month-day `--MM-DD`, or a month
    /// and a day in either order ("Dec 6", "6 December", "Dec. 6,"), which
    /// keeps its spelling.
    pub fn parse(s: &str) -> Option<Date> {
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let small = |n: u32| u8::try_from(n).ok();
        if let Some(md) = s.strip_prefix("--") {
            let (m, d) = md.split_once('-')?;
            return Date::new(None, small(num(m)?)?, small(num(d)?)?);
        }
        let parts: Vec<&str> = s.split('-').collect();
        if let [y, m, d] = parts.as_slice() {
            if let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) {
                return Date::new(Some(u16::try_from(y).ok()?), small(m)?, small(d)?);
            }
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        let [a, b] = words.as_slice() else {
            return None;
        };
        let (m, d) = match (month_number(a), num(b), month_number(b), num(a)) {
            (Some(m), Some(d), _, _) | (_, _, Some(m), Some(d)) => (m, d),
            _ => return None,
        };
        Date::written(m, small(d)?, s)
    }

    /// The year, when the text gave one.
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// The month's abbreviation: "Jan" … "Dec".
    pub fn month_abbreviation(&self) -> String {
        let name = MONTHS[usize::from(self.month) - 1];
        name[..1].to_uppercase() + &name[1..3]
    }

    /// ISO 8601: `YYYY-MM-DD`, or the month-day `--MM-DD` without a year.
    pub fn iso(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    fn key(&self) -> (bool, u16, u8, u8) {
        (
            self.year.is_none(),
            self.year.unwrap_or(0),
            self.month,
            self.day,
        )
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`; without a year, as written ("Dec 6"), or the month's
    /// abbreviation and the day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, &self.written) {
            (Some(_), _) => f.write_str(&self.iso()),
            (None, Some(w)) => f.write_str(w),
            (None, None) => write!(f, "{} {}", self.month_abbreviation(), self.day),
        }
    }
}

impl PartialEq for Date {
    fn eq(&self, other: &Date) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Date {}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> Ordering {
        self.key().cmp(&other.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn month_words() {
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("Ma"), None);
    }

    #[test]
    fn every_lexicon_month_word_names_a_month() {
        let lex = Lexicon::embedded();
        assert!(!lex.grammar.months.is_empty());
        for w in &lex.grammar.months {
            assert!(month_number(w).is_some(), "{w}");
        }
    }

    #[test]
    fn the_dateline_pattern_reads_every_spelling() {
        let re = regex::Regex::new(&format!("^{}$", month_pattern())).unwrap();
        for w in [
            "Jan",
            "January",
            "May",
            "Jun",
            "June",
            "Sep",
            "Sept",
            "September",
        ] {
            assert!(re.is_match(w), "{w}");
        }
        for w in ["Ma", "Juni", "Sepember", "december"] {
            assert!(!re.is_match(w), "{w}");
        }
    }

    #[test]
    fn parsing_and_printing() {
        assert_eq!(Date::parse("2024-1-2").unwrap().to_string(), "2024-01-02");
        assert_eq!(Date::parse("--03-07").unwrap().to_string(), "Mar 7");
        assert_eq!(Date::parse("3 March").unwrap().to_string(), "3 March");
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("Mar 32").is_none());
        assert!(Date::parse("Ma 3").is_none());
        // dated before yearless, then by month and day
        let mut v: Vec<Date> = ["Jan 5", "2024-12-06", "2023-01-01", "Dec 1"]
            .iter()
            .map(|s| Date::parse(s).unwrap())
            .collect();
        v.sort();
        let shown: Vec<String> = v.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2023-01-01", "2024-12-06", "Jan 5", "Dec 1"]);
    }
}
