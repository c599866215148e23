//! The questions through `quotegraph query`.

use super::*;

// ------------------------------------------------------------ CLI

fn qg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn cli_who_said_json_is_one_object_per_statement() {
    let o = qg(&["query", "who-said", "Velsen", FIXTURES, "--format", "json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(a[0]["speaker"]["name"], "Mara Velsen");
    assert_eq!(a[0]["cue_text"], "told");
    assert_eq!(a[0]["date"], "2025-05-03");
    assert_eq!(a[0]["relayed_by"][0]["name"], "Reuters");
    assert_eq!(a[0]["addressed_to"][0]["id"], "person:piet-oduya");
}

#[test]
fn cli_tables_are_the_default() {
    let o = qg(&["query", "provenance", "q1_velsen_interview.txt#1", FIXTURES]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "q1_velsen_interview.txt#1  2025-05-03\n  \
         Reuters ← cited ← Mara Velsen → told → Piet Oduya\n  \
         “Norway would join the fisheries pact”\n"
    );
    let o = qg(&["query", "components", FIXTURES]);
    assert_eq!(
        stdout(&o),
        "#  PEOPLE  LINKS  MEMBERS\n\
         1       4      3  Ines Calder, Mara Velsen, Piet Oduya, Tomas Reyk\n\
         2       2      1  Beatriz Lemos, Rui Tavira\n\
         3       2      1  Hana Ruiz, Omar Field\n\
         2 linked to no one: Clara Brandt, Jonas Brandt\n"
    );
}

#[test]
fn cli_unknown_and_ambiguous_names_are_clear_errors() {
    let o = qg(&["query", "who-said", "Velsn", FIXTURES]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no entity named \"Velsn\"")
            && err.contains("closest known names: Mara Velsen"),
        "{err}"
    );
    let o = qg(&["query", "mentions", "brandt", FIXTURES]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Clara Brandt (person:clara-brandt)"), "{err}");
}

#[test]
fn cli_path_without_a_connection_exits_1() {
    let o = qg(&["query", "path", "Oduya", "Tavira", FIXTURES]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("no connection between"));
    let o = qg(&["query", "path", "Oduya", "Tavira", FIXTURES, "-f", "json"]);
    assert_eq!(stdout(&o), "null\n");
}

#[test]
fn cli_ego_and_mention_network_export_in_any_format() {
    let o = qg(&[
        "query", "ego", "Velsen", "--hops", "1", FIXTURES, "--format", "dot",
    ]);
    assert!(o.status.success(), "{o:?}");
    let dot = stdout(&o);
    assert!(dot.starts_with("digraph quotegraph {"), "{dot}");
    assert!(dot.contains("Tomas Reyk") && !dot.contains("Piet Oduya"));

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("velsen.graphml");
    let o = qg(&[
        "query",
        "ego",
        "Velsen",
        FIXTURES,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{o:?}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<?xml"));

    // people only by default, with the statements on request
    let o = qg(&["query", "mention-network", FIXTURES, "--format", "json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 7);
    assert_eq!(v["edges"][4]["weight"], 2);
    let o = qg(&[
        "query",
        "mention-network",
        "--with-statements",
        FIXTURES,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 12);

    let o = qg(&["query", "ego", "Velsen", FIXTURES, "--format", "png"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn cli_reads_a_saved_graph() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_cli_saved");
    std::fs::create_dir_all(&dir).unwrap();
    let ron = dir.join("g.ron");
    let o = qg(&["graph", FIXTURES, "-o", ron.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let from_texts = qg(&["query", "top-speakers", FIXTURES]);
    let from_ron = qg(&["query", "top-speakers", ron.to_str().unwrap()]);
    assert!(from_ron.status.success(), "{from_ron:?}");
    assert_eq!(stdout(&from_texts), stdout(&from_ron));
    assert!(stdout(&from_ron).starts_with("#  SPEAKER "));
}

/// Every question through the binary with `--format json`: exit status 0,
/// the output parses, and it has the answer's shape.
#[test]
fn cli_every_question_answers_json() {
    let cases: &[(&[&str], &str)] = &[
        (&["who-said", "Velsen"], "array of statements"),
        (
            &["provenance", "q1_velsen_interview.txt#1"],
            "array of chains",
        ),
        (&["relayed-by", "Reuters"], "outlet"),
        (&["mentions", "Velsen"], "mentioners"),
        (&["mention-network"], "graph"),
        (&["path", "Oduya", "Calder"], "connection"),
        (
            &["path", "Reyk", "Velsen", "--via", "statements"],
            "connection",
        ),
        (&["top-speakers", "-n", "3"], "array of speakers"),
        (&["top-outlets"], "array of outlets"),
        (&["timeline"], "array of days"),
        (&["ego", "Velsen", "--hops", "1"], "graph"),
        (&["components"], "array of components"),
        (&["roles", "BBC"], "roles"),
        (&["claims", "--min-reports", "1"], "array of claims"),
        (&["spread", "q1_velsen_interview.txt#1"], "claim"),
    ];
    let mut asked: Vec<&str> = Vec::new();
    for (args, shape) in cases {
        let mut all = vec!["query"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[FIXTURES, "--format", "json"]);
        let o = qg(&all);
        assert!(o.status.success(), "{args:?}: {o:?}");
        assert!(o.stderr.is_empty(), "{args:?}: {o:?}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)));
        let field = |path: &[&str]| {
            path.iter()
                .fold(&v, |v, k| match k.parse::<usize>() {
                    Ok(i) => &v[i],
                    Err(_) => &v[*k],
                })
                .clone()
        };
        match *shape {
            "array of statements" => {
                assert_eq!(v.as_array().unwrap().len(), 3);
                assert_eq!(field(&["0", "speaker", "id"]), "person:mara-velsen");
            }
            "array of chains" => assert_eq!(
                field(&["0", "chain"]),
                "Reuters ← cited ← Mara Velsen → told → Piet Oduya"
            ),
            "outlet" => {
                assert_eq!(field(&["outlet", "id"]), "organization:reuters");
                assert_eq!(field(&["news_outlet"]), true);
                assert_eq!(field(&["statements"]), 2);
                assert_eq!(field(&["speakers", "1", "entity", "name"]), "Tomas Reyk");
            }
            "mentioners" => {
                assert_eq!(field(&["mentioned_in"]), 1);
                assert_eq!(field(&["speakers", "0", "entity", "name"]), "Tomas Reyk");
            }
            "graph" => {
                assert_eq!(field(&["directed"]), true);
                assert!(!v["nodes"].as_array().unwrap().is_empty());
                assert!(!v["edges"].as_array().unwrap().is_empty());
            }
            "connection" => {
                let steps = v["steps"].as_array().unwrap();
                assert_eq!(v["length"].as_u64().unwrap() as usize + 1, steps.len());
                assert_eq!(steps[0]["via"], serde_json::Value::Null);
                assert!(v["chain"].as_str().unwrap().contains("mentions"));
            }
            "array of speakers" => {
                assert_eq!(v.as_array().unwrap().len(), 3);
                assert_eq!(field(&["0", "speaker", "name"]), "Hana Ruiz");
                assert_eq!(field(&["0", "statements"]), 3);
            }
            "array of outlets" => {
                assert_eq!(v.as_array().unwrap().len(), 3);
                assert_eq!(field(&["0", "outlet", "name"]), "Reuters");
                assert_eq!(field(&["0", "relayed"]), 2);
            }
            "array of days" => {
                assert_eq!(v.as_array().unwrap().len(), 5);
                assert_eq!(field(&["0", "date"]), "2025-05-03");
                assert_eq!(field(&["0", "year_known"]), true);
            }
            "array of components" => {
                assert_eq!(v.as_array().unwrap().len(), 5);
                assert_eq!(field(&["0", "links"]), 3);
                assert_eq!(field(&["0", "people", "0", "name"]), "Ines Calder");
            }
            "roles" => {
                assert_eq!(field(&["entity", "id"]), "organization:bbc");
                assert_eq!(field(&["holders", "1", "title"]), "correspondent");
            }
            "array of claims" => {
                let claims = v.as_array().unwrap();
                assert!(!claims.is_empty());
                assert!(field(&["0", "id"]).as_str().unwrap().starts_with("claim:"));
                assert!(field(&["0", "speaker"])
                    .as_str()
                    .unwrap()
                    .starts_with("person:"));
            }
            "claim" => {
                let reports = field(&["reports"]);
                assert!(reports.as_array().unwrap().iter().any(|r| r["statement"]
                    .as_str()
                    .unwrap()
                    .ends_with("q1_velsen_interview.txt#1")));
            }
            other => panic!("{other}"),
        }
        asked.push(args[0]);
    }
    // every subcommand of `query` is asked
    let help = stdout(&qg(&["query", "--help"]));
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert_eq!(commands.len(), 14, "{help}");
    for c in commands {
        assert!(asked.contains(&c), "{c} is not asked with --format json");
    }
}

/// A known name whose answer is empty gets a sentence, not an empty
/// table, and exit status 1; JSON stays the empty answer, the sentence
/// goes to stderr.
#[test]
fn cli_empty_answers_about_known_names_say_so() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["who-said", "Oduya"],
            "Piet Oduya (person:piet-oduya) said nothing in these texts",
            "[]",
        ),
        (
            &["provenance", "Oduya"],
            "Piet Oduya (person:piet-oduya) said nothing in these texts",
            "[]",
        ),
        (
            &["relayed-by", "Velsen"],
            "Mara Velsen (person:mara-velsen) is not an outlet: it relayed no statements in these texts",
            "",
        ),
        (
            &["mentions", "Oduya"],
            "no statement in these texts mentions Piet Oduya (person:piet-oduya)",
            "",
        ),
        (
            &["roles", "Lemos"],
            "Beatriz Lemos (person:beatriz-lemos) holds no role and no one holds a role of it in these texts",
            "",
        ),
        (
            &["path", "Calder", "Ruiz", "--via", "statements"],
            "no connection between \"Calder\" and \"Ruiz\" through statements",
            "null",
        ),
    ];
    for (args, note, json) in cases {
        let mut all = vec!["query"];
        all.extend_from_slice(args);
        all.push(FIXTURES);
        let o = qg(&all);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {o:?}");
        assert_eq!(stdout(&o), format!("{note}\n"), "{args:?}");
        assert!(o.stderr.is_empty(), "{args:?}: {o:?}");
        all.extend_from_slice(&["-f", "json"]);
        let o = qg(&all);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {o:?}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            format!("quotegraph: {note}\n")
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        if !json.is_empty() {
            assert_eq!(v.to_string(), *json, "{args:?}");
        }
    }
    // an outlet that relayed nothing is still an outlet
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_cli_outlet");
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("a.txt");
    std::fs::write(&doc, "Anna Berg said that Reuters had closed its office.\n").unwrap();
    let o = qg(&["query", "relayed-by", "Reuters", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(
        stdout(&o),
        "Reuters (organization:reuters) relayed no statements in these texts\n"
    );
}

#[test]
fn cli_reads_a_saved_node_link_json_graph() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_cli_saved_json");
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("g.json");
    let o = qg(&["graph", FIXTURES, "-o", json.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let json = json.to_str().unwrap();
    for args in [
        &["who-said", "Velsen", "-f", "json"][..],
        &["path", "Oduya", "Calder"],
        &["roles", "BBC"],
        &["timeline"],
        &["mention-network", "-f", "gexf"],
    ] {
        let with = |input: &str| {
            let mut all = vec!["query", args[0]];
            all.extend_from_slice(&args[1..]);
            all.push(input);
            qg(&all)
        };
        let (texts, saved) = (with(FIXTURES), with(json));
        assert!(saved.status.success(), "{args:?}: {saved:?}");
        assert!(!saved.stdout.is_empty());
        assert_eq!(stdout(&texts), stdout(&saved), "{args:?}");
    }
}

/// `query ego -o FILE` in every export format writes exactly what the
/// library's exporter writes for `query::ego`.
#[test]
fn cli_ego_exports_in_every_format() {
    let g = fixtures();
    let ego = query::ego(g, "Velsen", 1).unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_cli_ego");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    for f in Format::ALL {
        let cli = dir.join(f.default_file_name());
        let o = qg(&[
            "query",
            "ego",
            "Velsen",
            "-k",
            "1",
            FIXTURES,
            "--format",
            f.name(),
            "-o",
            cli.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{f}: {o:?}");
        let lib = dir.join("lib").join(f.default_file_name());
        f.exporter().write_path(&ego, &lib).unwrap();
        let files = |p: &Path| -> Vec<(String, Vec<u8>)> {
            if p.is_dir() {
                let mut v: Vec<_> = std::fs::read_dir(p)
                    .unwrap()
                    .map(|e| {
                        let e = e.unwrap();
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            std::fs::read(e.path()).unwrap(),
                        )
                    })
                    .collect();
                v.sort();
                v
            } else {
                vec![(String::new(), std::fs::read(p).unwrap())]
            }
        };
        let (a, b) = (files(&cli), files(&lib));
        assert!(
            !a.is_empty() && a.iter().all(|(_, bytes)| !bytes.is_empty()),
            "{f}"
        );
        assert_eq!(a, b, "{f}");
    }
}
