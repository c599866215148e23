//! `quotegraph query claims` and `query spread` on short articles in which
//! one quote travels through several outlets, and claims from Spark-style
//! JSONL shards.

mod common;

use common::qg;

use std::path::PathBuf;

use serde_json::Value;

const ARTICLES: &str = "tests/fixtures/claims/articles";

fn json(args: &[&str]) -> Value {
    let o = qg(args);
    assert!(o.status.success(), "{o:?}");
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn dir(name: &str) -> PathBuf {
    common::scratch("claims_cli", name)
}

/// The claim of `speaker` whose reports include a statement of `doc`
/// with `words` in it.
fn claim_with<'a>(claims: &'a [Value], speaker: &str, doc: &str, words: &str) -> &'a Value {
    claims
        .iter()
        .find(|c| {
            c["speaker"] == speaker
                && c["reports"].as_array().unwrap().iter().any(|r| {
                    r["doc"].as_str().unwrap().ends_with(doc)
                        && r["text"].as_str().unwrap().contains(words)
                })
        })
        .unwrap_or_else(|| panic!("no claim of {speaker} in {doc} with {words:?}"))
}

fn docs(c: &Value) -> Vec<String> {
    c["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let d = r["doc"].as_str().unwrap();
            d.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_travelling_quote_is_one_claim_and_another_speakers_words_another() {
    let all = json(&["query", "claims", ARTICLES, "--format", "json"]);
    let claims = all.as_array().unwrap();
    for c in claims {
        for key in ["id", "speaker", "speaker_name", "text", "first_reported"] {
            assert!(c[key].is_string(), "{key} in {c}");
        }
        for r in c["reports"].as_array().unwrap() {
            assert!(r["statement"].is_string() && r["doc"].is_string());
            assert!(r.get("date").is_some() && r.get("source").is_some());
        }
    }
    let zel = "person:volodymyr-zelensky";
    let quote = claim_with(claims, zel, "01_ukrinform_land.txt", "give up our land");
    // cut (Reuters quotes the first sentence, Kyiv Post the second) and
    // normalized ("won't") reports join the full quote, and so does AP's,
    // which spells the speaker "Zelenskyy"
    assert_eq!(
        docs(quote),
        [
            "01_ukrinform_land.txt",
            "02_reuters_land.txt",
            "03_ap_land.txt",
            "05_kyiv_post_land.txt"
        ]
    );
    assert!(quote["first_reported"]
        .as_str()
        .unwrap()
        .ends_with("01_ukrinform_land.txt"));
    assert_eq!(quote["text"].as_str().unwrap().chars().next(), Some('W'));
    // the same words from another speaker are another claim
    let koval = claim_with(
        claims,
        "person:maria-koval",
        "04_rally_koval.txt",
        "give up our land",
    );
    assert_ne!(koval["id"], quote["id"]);
    assert_eq!(docs(koval), ["04_rally_koval.txt"]);
    // a close paraphrase of an indirect report joins it, other content
    // of the same speaker does not
    let plant = claim_with(
        claims,
        zel,
        "01_ukrinform_land.txt",
        "would reopen in spring",
    );
    assert_eq!(
        docs(plant),
        [
            "01_ukrinform_land.txt",
            "02_reuters_land.txt",
            "05_kyiv_post_land.txt"
        ]
    );
    let taxes = claim_with(claims, zel, "05_kyiv_post_land.txt", "taxes");
    assert_eq!(docs(taxes).len(), 1);
    // most reported first
    let counts: Vec<usize> = claims
        .iter()
        .map(|c| c["reports"].as_array().unwrap().len())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // filters
    let two = json(&[
        "query",
        "claims",
        ARTICLES,
        "--min-reports",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(two.as_array().unwrap().len(), 2);
    let by = json(&[
        "query",
        "claims",
        ARTICLES,
        "--speaker",
        "Koval",
        "--format",
        "json",
    ]);
    assert!(by
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["speaker"] == "person:maria-koval"));
    assert_eq!(by.as_array().unwrap().len(), 2);
}

#[test]
fn a_quote_joins_its_claim_across_spellings_of_the_speaker() {
    let all = json(&["query", "claims", ARTICLES, "--format", "json"]);
    let quote = claim_with(
        all.as_array().unwrap(),
        "person:volodymyr-zelensky",
        "01_ukrinform_land.txt",
        "give up our land",
    );
    assert!(docs(quote).contains(&"03_ap_land.txt".to_string()));
}

#[test]
fn spread_lists_the_carriers_in_date_order_with_the_relay_chain() {
    let all = json(&["query", "claims", ARTICLES, "--format", "json"]);
    let id = all[0]["id"].as_str().unwrap();
    let s = json(&["query", "spread", id, ARTICLES, "--format", "json"]);
    assert_eq!(s["id"], id);
    let dates: Vec<&str> = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // Reuters cites Ukrinform: Ukrinform is the earlier link
    let chain: Vec<&str> = s["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let pos = |n: &str| chain.iter().position(|c| *c == n).unwrap();
    assert!(pos("Ukrinform") < pos("Reuters"), "{chain:?}");
    let reuters = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outlet"] == "Reuters")
        .unwrap();
    assert_eq!(reuters["source"], "Ukrinform");
    // a statement names its claim too; the table shows the wording
    let st = s["reports"][0]["statement"].as_str().unwrap();
    let by_statement = json(&["query", "spread", st, ARTICLES, "--format", "json"]);
    assert_eq!(by_statement["id"], id);
    let table = qg(&["query", "spread", id, ARTICLES]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("Reuters") && text.contains("won't give up"),
        "{text}"
    );
    let unknown = qg(&["query", "spread", "claim:nobody:nothing", ARTICLES]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no claim named"));
}

#[test]
fn claims_from_jsonl_shards_equal_those_of_one_run() {
    let d = dir("shards");
    let direct = json(&["query", "claims", ARTICLES, "--format", "json"]);
    let ex = qg(&["extract", ARTICLES, "--format", "jsonl"]);
    assert!(ex.status.success(), "{ex:?}");
    let text = String::from_utf8(ex.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let shards = d.join("out");
    std::fs::create_dir_all(&shards).unwrap();
    for (i, chunk) in lines.chunks(2).enumerate() {
        std::fs::write(
            shards.join(format!("part-{i:05}.jsonl")),
            chunk.join("\n") + "\n",
        )
        .unwrap();
    }
    let graph = d.join("g.json");
    let o = qg(&[
        "graph",
        "--from-jsonl",
        shards.to_str().unwrap(),
        "-o",
        graph.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{o:?}");
    let from_shards = json(&[
        "query",
        "claims",
        graph.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(direct, from_shards);
    assert!(direct.as_array().unwrap().len() > 5);
}
