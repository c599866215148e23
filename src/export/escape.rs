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

    #[test]
    fn backslash_quoting_escapes_its_quote_and_controls() {
        // Cypher
        assert_eq!(
            backslash_quoted("a'b\\c\nd\u{0}", '\''),
            "'a\\'b\\\\c\\nd\\u0000'"
        );
        assert_eq!(backslash_quoted("'); DROP", '\''), "'\\'); DROP'");
        assert_eq!(backslash_quoted("say \"hi\"", '\''), "'say \"hi\"'");
        // Turtle
        assert_eq!(
            backslash_quoted("a\"b\\\n\u{0}", '"'),
            "\"a\\\"b\\\\\\n\\u0000\""
        );
        assert_eq!(backslash_quoted("it's\t", '"'), "\"it's\\t\"");
    }

    #[test]
    fn dot_strings_escape_quotes_entities_and_breaks() {
        assert_eq!(
            dot_quoted("a\"b\\c&d\ne<f>"),
            "\"a\\\"b\\\\c&amp;d\\ne<f>\""
        );
        assert_eq!(dot_quoted("x\"];"), "\"x\\\"];\"");
        assert_eq!(dot_quoted("a\rb\u{1}"), "\"a\\rb\u{FFFD}\"");
    }

    #[test]
    fn xml_escape_keeps_whitespace_and_drops_forbidden() {
        assert_eq!(
            xml_escape("a<b>&\"'\n\t\r\u{0}z"),
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#9;&#13;\u{FFFD}z"
        );
        assert!(matches!(xml_chars("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn html_text_is_escaped() {
        assert_eq!(
            html_escape("<a href=\"x\">'&"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
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

    #[test]
    fn formula_cells_are_neutralized() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@x"), "'@x");
        assert_eq!(csv_cell("plain"), "plain");
    }

    #[test]
    fn percent_encoding_keeps_unreserved_bytes() {
        let mut out = String::new();
        percent_encode(&mut out, "statement:a b.txt#2/ü~");
        assert_eq!(out, "statement:a%20b.txt%232/%C3%BC~");
    }
}
