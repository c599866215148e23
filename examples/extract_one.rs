//! Extract attributions from one article and print one line each:
//! `speaker (entity) — cue — content [source → addressee]`.
//!
//! ```text
//! cargo run --release --example extract_one [ARTICLE.txt]
//! ```
//!
//! The path defaults to the founding article,
//! `data/articles/000_lavrov_carlson_tass.txt`.

use quotegraph::record::MentionRecord;
use quotegraph::{Document, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data/articles/000_lavrov_carlson_tass.txt".into());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let rec = Extractor::default()
        .extract(&Document::new(&path, text))
        .to_record();
    // "words (Entity Name)", or "-"
    let show = |m: &Option<MentionRecord>| match m {
        Some(m) => match m.entity.as_deref().and_then(|id| rec.entity(id)) {
            Some(e) => format!("{} ({})", m.text, e.name),
            None => m.text.clone(),
        },
        None => "-".into(),
    };
    for a in &rec.attributions {
        let (s, c) = (show(&a.speaker), &a.cue.text);
        let (src, to) = (show(&a.source), show(&a.addressee));
        println!("{s} — {c} — {} [{src} → {to}]", a.content.text);
    }
    Ok(())
}
