//! One snapshot per sample article in `data/articles/`: what the extractor
//! finds, rendered for a person to review — each attribution's speaker and
//! the entity it resolves to, the cue and its lemma, every content
//! fragment, source, addressee and the entities named in the content; then
//! the entities with their aliases and roles, and the dateline.
//!
//! Snapshots live in the top-level `snapshots/` folder, one per article,
//! named by the article's file stem. When the rules change, review the
//! diffs and re-accept (`INSTA_UPDATE=always cargo test --release --test
//! snapshots`, or `cargo insta review`).

use std::fmt::Write as _;

use quotegraph::record::MentionRecord;
use quotegraph::{DocRecord, Document, Extractor};

/// Text between guillemets, on one line.
fn q(s: &str) -> String {
    format!("«{}»", s.replace('\n', "⏎"))
}

/// "«words» → Canonical Name (kind:id)", or "-".
fn mention(rec: &DocRecord, m: &Option<MentionRecord>) -> String {
    let Some(m) = m else { return "-".into() };
    match m.entity.as_deref() {
        Some(id) => {
            let name = rec.entity(id).map_or("?", |e| e.name.as_str());
            format!("{} → {} ({})", q(&m.text), name, id)
        }
        None => format!("{} → (unresolved)", q(&m.text)),
    }
}

/// The rendering of one article's record; `text` is the article.
fn render(rec: &DocRecord, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "doc: {}", rec.doc).unwrap();
    match &rec.dateline {
        Some(d) => {
            let place = d.place.as_deref().map_or("-".to_string(), q);
            let ent = d.place_entity.as_deref().unwrap_or("-");
            let date = d.date.as_deref().unwrap_or("-");
            writeln!(
                w,
                "dateline: {} — place {place} → {ent}, date {date}",
                q(&d.text)
            )
            .unwrap();
        }
        None => writeln!(w, "dateline: -").unwrap(),
    }

    writeln!(w, "\nattributions ({}):", rec.attributions.len()).unwrap();
    for a in &rec.attributions {
        writeln!(w, "  {} {} · {}", a.id, a.kind.as_str(), a.rule).unwrap();
        writeln!(w, "    speaker:   {}", mention(rec, &a.speaker)).unwrap();
        writeln!(w, "    cue:       {} ({})", q(&a.cue.text), a.cue.lemma).unwrap();
        for (n, span) in a.content.spans.iter().enumerate() {
            let frag: String = chars[span[0]..span[1]].iter().collect();
            let label = if n == 0 { "content:  " } else { "   …      " };
            writeln!(w, "    {label} {}", q(&frag)).unwrap();
        }
        writeln!(w, "    source:    {}", mention(rec, &a.source)).unwrap();
        writeln!(w, "    addressee: {}", mention(rec, &a.addressee)).unwrap();
        let mentions = if a.mentions.is_empty() {
            "-".to_string()
        } else {
            a.mentions.join(", ")
        };
        writeln!(w, "    mentions:  {mentions}").unwrap();
    }

    writeln!(w, "\nentities ({}):", rec.entities.len()).unwrap();
    for e in &rec.entities {
        let outlet = if e.outlet { " [outlet]" } else { "" };
        writeln!(w, "  {} — {}{outlet}", e.id, e.name).unwrap();
        if !e.aliases.is_empty() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| q(a)).collect();
            writeln!(w, "    aliases: {}", aliases.join(", ")).unwrap();
        }
        for r in &e.roles {
            match &r.of {
                Some(of) => writeln!(w, "    role:    {} of {of}", r.title).unwrap(),
                None => writeln!(w, "    role:    {}", r.title).unwrap(),
            }
        }
    }
    out
}

#[test]
fn every_article() {
    let extractor = Extractor::default();
    insta::glob!("../data/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("readable article");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 name");
        let stem = path
            .file_stem()
            .and_then(|n| n.to_str())
            .expect("utf-8 stem");
        let rec = extractor
            .extract(&Document::new(name, text.as_str()))
            .to_record();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        // one file per article, named by its stem alone (glob! would add
        // the file name as a suffix)
        settings.remove_snapshot_suffix();
        settings.set_description(format!("data/articles/{name}"));
        settings.bind(|| insta::assert_snapshot!(stem, render(&rec, &text)));
    });
}
