//! Every escaper the exporters use, one per need:
//!
//! | need | function | used by |
//! | --- | --- | --- |
//! | a string literal with backslash escapes | [`backslash_quoted`] | Cypher (`'…'`), Turtle (`"…"`) |
//! | a DOT quoted string | [`dot_quoted`] | DOT ids and labels |
//! | text XML 1.0 can hold | [`xml_chars`] | GraphML, GEXF, DOT |
//! | an XML attribute value or text | [`xml_escape`] | GraphML, GEXF |
//! | HTML text and attribute values | [`html_escape`] | the HTML page's title |
//! | JSON inside a `<script>` element | [`script_json`] | the HTML page's data |
//! | a CSV cell a spreadsheet will not run | [`csv_cell`] | Neo4j CSV |
//! | an IRI path without reserved bytes | [`percent_encode`] | Turtle node IRIs |

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` between two `quote`s, with `quote`, backslash, newline, carriage
/// return and tab escaped by a backslash (`\'`, `\\`, `\n`, `\r`, `\t`)
/// and every other control character as `\uXXXX`: a Cypher string with
/// `'`, a Turtle string with `"`.
pub(crate) fn backslash_quoted(s: &str, quote: char) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `s` as a DOT quoted string (an escString): quotes and backslashes
/// escaped, `&` as an entity (Graphviz decodes entities in every string),
/// newline and carriage return as `\n` and `\r`, characters XML cannot
/// hold (the usual output is SVG) as U+FFFD. Graphviz keeps a doubled
/// backslash in names as two characters, so backslashes in ids show
/// doubled in its output.
pub(crate) fn dot_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in xml_chars(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text that XML 1.0 can hold: characters it forbids (most C0 controls,
/// U+FFFE, U+FFFF) become U+FFFD.
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.chars().any(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Escape for an XML attribute value or text: quick-xml's escaping of
/// `< > & ' "`, plus character references for tab, newline and carriage
/// return, which XML parsers would otherwise normalize away; characters
/// XML cannot hold become U+FFFD ([`xml_chars`]).
pub(crate) fn xml_escape(s: &str) -> String {
    let clean = xml_chars(s);
    let esc = quick_xml::escape::escape(clean.as_ref());
    if esc.contains(['\t', '\n', '\r']) {
        esc.replace('\t', "&#9;")
            .replace('\n', "&#10;")
            .replace('\r', "&#13;")
    } else {
        esc.into_owned()
    }
}

/// Escape text for HTML element content and attribute values.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` (so
/// no `</script>` or `<!--` can appear) and the JavaScript line
/// terminators U+2028/U+2029 become `\u` escapes. They can only occur
/// inside strings, where the escapes mean the same characters.
pub(crate) fn script_json(v: &serde_json::Value) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 50);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A text cell a spreadsheet will not run as a formula: one starting
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
pub(crate) fn csv_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` with every byte outside `A-Z a-z 0-9 - . _ ~ : /` percent-encoded
/// (`%20`), appended to `out`.
pub(crate) fn percent_encode(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `escape` turns each text into what its format reads back as it.
    fn check(escape: impl Fn(&str) -> String, cases: &[(&str, &str)]) {
        for (text, want) in cases {
            assert_eq!(escape(text), *want, "{text:?}");
        }
    }

    #[test]
    fn each_need_escapes_what_its_format_reads() {
        let cypher = |s: &str| backslash_quoted(s, '\'');
        check(cypher, &[("a'b\\c\nd\u{0}", "'a\\'b\\\\c\\nd\\u0000'")]);
        check(cypher, &[("'); DROP \"x\"", "'\\'); DROP \"x\"'")]);
        let turtle = |s: &str| backslash_quoted(s, '"');
        check(turtle, &[("a\"b\\\n\u{0}", "\"a\\\"b\\\\\\n\\u0000\"")]);
        check(turtle, &[("it's\t", "\"it's\\t\"")]);
        check(
            dot_quoted,
            &[("a\"b\\c&d\ne<f>", "\"a\\\"b\\\\c&amp;d\\ne<f>\"")],
        );
        check(dot_quoted, &[("x\"];\rb\u{1}", "\"x\\\"];\\rb\u{FFFD}\"")]);
        let xml = (
            "a<b>&\"'\n\t\r\u{0}z",
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#9;&#13;\u{FFFD}z",
        );
        check(xml_escape, &[xml]);
        assert!(matches!(xml_chars("plain"), Cow::Borrowed("plain")));
        let html = ("<a href=\"x\">'&", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
        check(html_escape, &[html]);
        let csv = |s: &str| csv_cell(s).into_owned();
        let formula = ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")");
        check(
            csv,
            &[formula, ("-1", "'-1"), ("@x", "'@x"), ("plain", "plain")],
        );
        let iri = |s: &str| {
            let mut out = String::new();
            percent_encode(&mut out, s);
            out
        };
        check(
            iri,
            &[("statement:a b.txt#2/ü~", "statement:a%20b.txt%232/%C3%BC~")],
        );
    }

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script> <!-- & \u{2028}\u{2029}"});
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert!(!s.contains('\u{2028}') && !s.contains('\u{2029}'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
