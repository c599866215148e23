//! The founding article (Lavrov's interview with Tucker Carlson, as cited
//! by TASS): every attribution a careful reader finds, with its speaker
//! entity, cue, content, source and addressee. The expectations are the
//! reader's; the extractor knows nothing of this article.

use quotegraph::{DocRecord, Document, Extractor};

fn record() -> DocRecord {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/000_lavrov_carlson_tass.txt"
    );
    let text = std::fs::read_to_string(path).expect("bundled founding article");
    Extractor::default()
        .extract(&Document::new("000_lavrov_carlson_tass.txt", text))
        .to_record()
}

/// (speaker entity, cue lemma, content starts with, source entity, addressee entity)
type Expect = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const LAVROV: &str = "person:sergey-lavrov";
const CARLSON: &str = "person:tucker-carlson";
const TASS: &str = "organization:tass";

const EXPECTED: &[Expect] = &[
    (
        LAVROV,
        "say",
        "that the new hypersonic missile",
        None,
        Some(CARLSON),
    ),
    (
        LAVROV,
        "say",
        "Russia is ready to send additional messages",
        Some(TASS),
        Some(CARLSON),
    ),
    (
        // "The top aide of Russian President Vladimir Putin": the one
        // official named before who serves where Putin does (issue 16)
        LAVROV,
        "note",
        "that a peaceful settlement",
        None,
        None,
    ),
    (
        "person:vladimir-putin",
        "say",
        "that Russia had used its new Oreshnik",
        None,
        None,
    ),
    (
        "person:dmitry-peskov",
        "clarify",
        "that the Dnipro attack was an answer",
        None,
        None,
    ),
    (
        LAVROV,
        "tell",
        "Western thinking that Russia's \"red lines\"",
        None,
        Some(CARLSON),
    ),
    (
        LAVROV,
        "point out",
        "\"If they are following the logic",
        None,
        None,
    ),
    (
        LAVROV,
        "note",
        "that statements by some NATO officials",
        None,
        None,
    ),
    (
        LAVROV,
        "tell",
        "\"We don't have any intention",
        Some("organization:russian-state-media"),
        Some(CARLSON),
    ),
    (
        LAVROV,
        "state",
        "that Russia wants normal relations",
        Some(TASS),
        Some(CARLSON),
    ),
    (
        LAVROV,
        "clarify",
        "that Russia will judge the administration",
        None,
        None,
    ),
    (
        LAVROV,
        "cite",
        "Trump is a strong and friendly politician",
        Some(TASS),
        None,
    ),
    (
        LAVROV,
        "as per",
        "The ball in Russia's contacts",
        None,
        None,
    ),
    (
        "person:donald-trump",
        "say",
        "that he will end the Russia-Ukraine war",
        None,
        None,
    ),
    (LAVROV, "say", "that many in Russia would like", None, None),
    // "… Lavrov pointed out in his interview with Carlson."
    (
        LAVROV,
        "point out",
        "\"And we learned a lot",
        None,
        Some(CARLSON),
    ),
];

#[test]
fn every_attribution_comes_out_right() {
    let rec = record();
    for (speaker, lemma, content, source, addressee) in EXPECTED {
        let a = rec
            .attributions
            .iter()
            .find(|a| a.content.text.starts_with(content))
            .unwrap_or_else(|| panic!("no attribution with content {content:?}"));
        let who = a.speaker.as_ref().and_then(|s| s.entity.as_deref());
        assert_eq!(who, Some(*speaker), "speaker of {content:?}");
        assert_eq!(a.cue.lemma, *lemma, "cue of {content:?}");
        assert_eq!(
            a.source.as_ref().and_then(|s| s.entity.as_deref()),
            *source,
            "source of {content:?}"
        );
        assert_eq!(
            a.addressee.as_ref().and_then(|s| s.entity.as_deref()),
            *addressee,
            "addressee of {content:?}"
        );
    }
    // the 16 above, plus "As per reports, …" (an unnamed source), and
    // nothing else
    assert_eq!(
        rec.attributions.len(),
        EXPECTED.len() + 1,
        "{:#?}",
        rec.attributions
    );
    let reports = rec
        .attributions
        .iter()
        .find(|a| a.cue.text == "As per")
        .expect("as per reports");
    assert_eq!(
        reports.speaker.as_ref().map(|s| s.text.as_str()),
        Some("reports")
    );
}

#[test]
fn putin_trap_does_not_fire() {
    let rec = record();
    let a = rec
        .attributions
        .iter()
        .find(|a| a.content.text.starts_with("that a peaceful settlement"))
        .unwrap();
    let sp = a.speaker.as_ref().unwrap();
    assert_eq!(sp.text, "The top aide of Russian President Vladimir Putin");
    assert_ne!(sp.entity.as_deref(), Some("person:vladimir-putin"));
    assert_eq!(sp.entity.as_deref(), Some(LAVROV));
    let lavrov = rec.entity(LAVROV).unwrap();
    assert!(lavrov
        .aliases
        .iter()
        .any(|a| a == "top aide of Russian President Vladimir Putin"));
}

#[test]
fn spans_are_code_points_and_texts_match() {
    let rec = record();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/000_lavrov_carlson_tass.txt"
    );
    let chars: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
    let slice = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    for a in &rec.attributions {
        assert_eq!(slice(a.cue.span), a.cue.text);
        let joined: Vec<String> = a.content.spans.iter().map(|s| slice(*s)).collect();
        assert_eq!(joined.join(" "), a.content.text);
        for m in [&a.speaker, &a.source, &a.addressee].into_iter().flatten() {
            assert_eq!(slice(m.span), m.text);
        }
    }
}

#[test]
fn entities_roles_and_dateline() {
    let rec = record();
    let lavrov = rec.entity(LAVROV).unwrap();
    assert!(lavrov.aliases.iter().any(|a| a == "Lavrov"));
    assert!(lavrov
        .aliases
        .iter()
        .any(|a| a.contains("Russian diplomat")));
    assert!(lavrov
        .roles
        .iter()
        .any(|r| r.title == "foreign minister" && r.of.as_deref() == Some("place:russia")));
    let peskov = rec.entity("person:dmitry-peskov").unwrap();
    assert!(peskov
        .roles
        .iter()
        .any(|r| r.title == "spokesman" && r.of.as_deref() == Some("person:vladimir-putin")));
    let carlson = rec.entity(CARLSON).unwrap();
    assert!(carlson
        .roles
        .iter()
        .any(|r| r.title == "journalist" && r.of.as_deref() == Some("place:united-states")));
    assert!(rec.entity(TASS).unwrap().outlet);
    let dl = rec.dateline.as_ref().unwrap();
    assert_eq!(dl.place.as_deref(), Some("Moscow"));
    assert_eq!(dl.date.as_deref(), Some("2024-12-06"));
    // multi-sentence quote stays one attribution; "He" resolves to Lavrov
    let he = rec
        .attributions
        .iter()
        .find(|a| a.speaker.as_ref().is_some_and(|s| s.text == "He"))
        .unwrap();
    assert_eq!(he.speaker.as_ref().unwrap().entity.as_deref(), Some(LAVROV));
}
