//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod synth;

use serde_json::Value;

/// The code points `[a, b)` of `chars`, or an error when out of bounds.
fn slice(chars: &[char], span: &Value, what: &str) -> Result<String, String> {
    let a = span[0].as_u64().ok_or(format!("{what}: bad span {span}"))? as usize;
    let b = span[1].as_u64().ok_or(format!("{what}: bad span {span}"))? as usize;
    if a > b || b > chars.len() {
        return Err(format!(
            "{what}: span [{a}, {b}) out of bounds (text has {} code points)",
            chars.len()
        ));
    }
    Ok(chars[a..b].iter().collect())
}

fn pair(span: &Value) -> (u64, u64) {
    (span[0].as_u64().unwrap(), span[1].as_u64().unwrap())
}

/// Check one output record against the text it came from: every span in
/// bounds, every `text` equal to the code-point slice at its span (content:
/// fragments joined by one space, `span` = first fragment), fragments in
/// order and disjoint, and content never overlapping its own cue.
pub fn check_record(text: &str, rec: &Value) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    if let Some(d) = rec.get("dateline").filter(|d| !d.is_null()) {
        let s = slice(&chars, &d["span"], "dateline")?;
        if s != d["text"].as_str().unwrap_or_default() {
            return Err(format!("dateline text {:?} != slice {s:?}", d["text"]));
        }
    }
    for a in rec["attributions"]
        .as_array()
        .ok_or("no attributions array")?
    {
        let id = a["id"].as_str().unwrap_or("?");
        for key in ["speaker", "source", "addressee", "cue"] {
            let m = &a[key];
            if m.is_null() {
                if key == "cue" {
                    return Err(format!("{id}: no cue"));
                }
                continue;
            }
            let s = slice(&chars, &m["span"], &format!("{id}.{key}"))?;
            if s != m["text"].as_str().unwrap_or_default() {
                return Err(format!("{id}.{key}: text {:?} != slice {s:?}", m["text"]));
            }
        }
        let c = &a["content"];
        let frags = c["spans"]
            .as_array()
            .ok_or(format!("{id}: no content spans"))?;
        if frags.is_empty() {
            return Err(format!("{id}: content has no fragments"));
        }
        if c["span"] != frags[0] {
            return Err(format!("{id}: content.span is not the first fragment"));
        }
        let mut parts = Vec::new();
        for f in frags {
            parts.push(slice(&chars, f, &format!("{id}.content"))?);
        }
        let joined = parts.join(" ");
        if joined != c["text"].as_str().unwrap_or_default() {
            return Err(format!(
                "{id}.content: text {:?} != fragments {joined:?}",
                c["text"]
            ));
        }
        for w in frags.windows(2) {
            if pair(&w[0]).1 > pair(&w[1]).0 {
                return Err(format!(
                    "{id}.content: fragments out of order or overlapping"
                ));
            }
        }
        let cue = pair(&a["cue"]["span"]);
        for f in frags {
            let f = pair(f);
            if f.0 < cue.1 && cue.0 < f.1 {
                return Err(format!("{id}: content {f:?} overlaps its cue {cue:?}"));
            }
        }
    }
    Ok(())
}
