//! Unit tests of the resolver: small made-up documents with exact
//! expectations of whom each speaker resolves to.

use crate::record::EntityKind;
use crate::{Document, Extraction, Extractor};

fn extract(text: &str) -> Extraction {
    Extractor::default().extract(&Document::new("test", text))
}

/// For each attribution, the speaker's text and the name of the entity it
/// resolves to.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    let ex = extract(text);
    ex.attributions
        .iter()
        .map(|a| {
            let sp = a.speaker.expect("a speaker");
            let name = sp.entity.map(|e| ex.entities[e].name.clone());
            (ex.slice(sp.span).to_string(), name)
        })
        .collect()
}

/// Asserts that the attributions of `text` have these speakers, as
/// [`speakers`] gives them.
#[track_caller]
fn assert_speakers(text: &str, expected: &[(&str, Option<&str>)]) {
    let got = speakers(text);
    let got: Vec<_> = got
        .iter()
        .map(|(t, n)| (t.as_str(), n.as_deref()))
        .collect();
    assert_eq!(got, expected, "{text:?}");
}

/// A surname refers to the person already named in full; a name first
/// seen alone takes the longer form met later.
#[test]
fn surnames_and_full_names() {
    assert_speakers(
        "Tom Ashby said the bridge would open. Later, Berg said it would not. \
             Ashby said it would.",
        &[
            ("Tom Ashby", Some("Tom Ashby")),
            ("Berg", Some("Berg")),
            ("Ashby", Some("Tom Ashby")),
        ],
    );
    let ex = extract("Berg said the bridge would open. Anna Berg said it would be free.");
    let people: Vec<_> = ex.entities.iter().filter(|e| e.used).collect();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Anna Berg");
    assert_eq!(people[0].aliases, ["Berg"]);
}

/// A typographic apostrophe and a straight one spell one name: a
/// surname typed either way refers to the person named in full.
#[test]
fn apostrophes_of_either_kind() {
    let text = "The pier closed, according to Commissioner Niamh O\u{2019}Dowd. \
                \u{201c}It is not safe,\u{201d} said O'Dowd. O'Dowd said it would reopen.";
    assert_speakers(
        text,
        &[
            (
                "Commissioner Niamh O\u{2019}Dowd",
                Some("Niamh O\u{2019}Dowd"),
            ),
            ("O'Dowd", Some("Niamh O\u{2019}Dowd")),
            ("O'Dowd", Some("Niamh O\u{2019}Dowd")),
        ],
    );
}

/// A pronoun is the most recent speaker; "it" the most recent
/// organization that spoke.
#[test]
fn pronouns() {
    assert_speakers(
        "Anna Berg said the bridge would open. She said it would cost less.",
        &[("Anna Berg", Some("Anna Berg")), ("She", Some("Anna Berg"))],
    );
    let ex = extract("Harrow Council said the bridge would open. It said the cost would fall.");
    let it = ex.attributions[1].speaker.unwrap().entity.unwrap();
    assert_eq!(ex.entities[it].name, "Harrow Council");
    assert_eq!(ex.entities[it].kind, EntityKind::Organization);
}

/// A description refers to the latest person holding a title it may
/// name (a foreign minister is also "the top diplomat") of the place it
/// names, and becomes an alias.
#[test]
fn descriptions() {
    let text = "Norwegian foreign minister Amara Osei said talks would resume. \
                The top Norwegian diplomat said they would end soon.";
    assert_speakers(
        text,
        &[
            ("Norwegian foreign minister Amara Osei", Some("Amara Osei")),
            ("The top Norwegian diplomat", Some("Amara Osei")),
        ],
    );
    let ex = extract(text);
    let osei = ex.attributions[0].speaker.unwrap().entity.unwrap();
    let osei = &ex.entities[osei];
    assert_eq!(osei.aliases, ["top Norwegian diplomat"]);
    assert_eq!(osei.roles.len(), 1);
    assert_eq!(osei.roles[0].title, "foreign minister");
    let norway = osei.roles[0].of.expect("a role of Norway");
    assert_eq!(ex.entities[norway].name, "Norway");
    assert_eq!(ex.entities[norway].kind, EntityKind::Place);
}

/// A person named outside any attribution (found by the prescan, with
/// the role of the title before the name) is there for a later
/// description.
#[test]
fn a_description_of_someone_named_earlier() {
    assert_speakers(
        "Norwegian foreign minister Amara Osei met Tom Ashby. \
             The minister said talks would resume.",
        &[("The minister", Some("Amara Osei"))],
    );
}

/// "who" is the phrase before its comma; a generic noun capitalized at
/// the sentence's start is an unnamed group, not a person so named.
#[test]
fn relatives_and_generic_nouns() {
    assert_speakers(
        "Voters trust Anna Berg, who said the bridge would open.",
        &[("who", Some("Anna Berg"))],
    );
    let ex = extract("Economists said the bridge would cost more.");
    let sp = ex.attributions[0].speaker.expect("a speaker");
    let group = &ex.entities[sp.entity.expect("an entity")];
    assert_eq!(group.name, "Economists");
    assert!(group.unnamed);
}

/// Known organizations and places named inside the content are its
/// mentions; a name met nowhere else, with no title, is not.
#[test]
fn mentions_in_the_content() {
    let ex = extract("Tom Ashby said Reuters and Anna Berg had met in Norway.");
    let a = &ex.attributions[0];
    let names: Vec<_> = a
        .mentions
        .iter()
        .map(|&e| ex.entities[e].name.as_str())
        .collect();
    assert_eq!(names, ["Reuters", "Norway"]);
}

/// Titles and honorifics are roles, not parts of names; a bare title is
/// never a person; an organization before "spokeswoman for" is one.
#[test]
fn names_without_titles() {
    let text = "Green Party councillor Ruth Moss said the rise was unfair. \
        \"We cannot accept it,\" Councillor Ruth Moss told the meeting.\n\n\
        Health Secretary Tom Reyes said hospitals would get more staff. \
        The Finance Minister said the budget was balanced.\n\n\
        A spokeswoman for Thames Water said the pipe had been repaired. \
        Mrs Eileen Carter said the library would close.";
    assert_speakers(
        text,
        &[
            ("Green Party councillor Ruth Moss", Some("Ruth Moss")),
            ("Councillor Ruth Moss", Some("Ruth Moss")),
            ("Health Secretary Tom Reyes", Some("Tom Reyes")),
            ("The Finance Minister", None),
            (
                "A spokeswoman for Thames Water",
                Some("spokeswoman for Thames Water"),
            ),
            ("Mrs Eileen Carter", Some("Eileen Carter")),
        ],
    );
    let ex = extract(text);
    let water = ex
        .entities
        .iter()
        .find(|e| e.name == "Thames Water")
        .unwrap();
    assert_eq!(water.kind, crate::record::EntityKind::Organization);
    let reyes = ex.entities.iter().find(|e| e.name == "Tom Reyes").unwrap();
    assert!(
        reyes.roles.iter().all(|r| r.of.is_none()),
        "{:?}",
        reyes.roles
    );
}

/// The kinds of the entities the attributions reach, by name.
fn kinds(text: &str) -> Vec<(String, EntityKind)> {
    let ex = extract(text);
    ex.entities
        .iter()
        .filter(|e| e.used && !e.unnamed)
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

/// Asserts that the entities the attributions of `text` reach are these,
/// by name and kind, as [`kinds`] gives them.
#[track_caller]
fn assert_kinds(text: &str, expected: &[(&str, EntityKind)]) {
    let got = kinds(text);
    let got: Vec<_> = got.iter().map(|(n, k)| (n.as_str(), *k)).collect();
    assert_eq!(got, expected, "{text:?}");
}

/// A headline or subhead line (Title Case, a line of its own) makes no
/// entity: its names only refer to people the body names.
#[test]
fn headline_lines_make_no_entities() {
    let text = "Tom Ashby Slams Bridge Delay\n\nTom Ashby said the bridge would open.\n\n\
                Costs Keep Rising\n\nHe said the cost had doubled.\n";
    let ex = extract(text);
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Tom Ashby"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Slams") || n.contains("Costs")),
        "{names:?}"
    );
}

/// A sentence's opening adverb or participle, and an adjective of a
/// title's holder, are no part of a name nor an owner of the title.
#[test]
fn opening_words_and_holder_adjectives_are_not_names() {
    let sp = speakers("Tom Ashby spoke first. Interestingly Ashby said the bridge would open.");
    assert_eq!(sp.len(), 1);
    assert_eq!(sp[0].1.as_deref(), Some("Tom Ashby"));
    let ex = extract("Local shop owner Anna Berg said the water rose fast.");
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg"]);
    assert!(ex.entities[0].roles.iter().all(|r| r.of.is_none()));
}

/// An organization noun before a name makes an organization (and keeps a
/// compass word in its name), a plural noun of people a group, a label
/// before its number nobody.
#[test]
fn kinds_from_heads_and_nouns() {
    assert_kinds(
        "Energy company Western Power said 2,000 homes were without power.",
        &[("Western Power", EntityKind::Organization)],
    );
    assert_kinds("Conservative Christians said the law was unfair.", &[]);
    let ex = extract("As Figure 2 shows, the river rose. Figure 2 suggests the levee held.");
    assert!(!ex.attributions.is_empty());
    assert!(ex.entities.iter().all(|e| e.name != "Figure"));
}

/// What a spokesperson speaks for is typed by its name's own evidence:
/// a body's head word ("Corp", "Department of …"), an acronym opening it
/// ("ABX Lothian"); a titled name stays a person.
#[test]
fn spokespeople_speak_for_organizations() {
    let org_of = |text: &str| {
        let ex = extract(text);
        let m = ex.attributions[0].speaker.and_then(|m| m.entity);
        let sp = &ex.entities[m.expect("a speaker entity")];
        let of = sp
            .roles
            .iter()
            .find_map(|r| r.of)
            .expect("a role with an owner");
        (ex.entities[of].name.clone(), ex.entities[of].kind)
    };
    let org = EntityKind::Organization;
    for (text, name) in [
        (
            "A spokesman for ABX Lothian said the ward was full.",
            "ABX Lothian",
        ),
        (
            "A spokesman for Kestrel Corp said the plant would close.",
            "Kestrel Corp",
        ),
        (
            "A spokeswoman for the Department of Transport said the rules were clear.",
            "Department of Transport",
        ),
        (
            "A spokesman for the Bureau of Mines said the pit was safe.",
            "Bureau of Mines",
        ),
    ] {
        assert_eq!(org_of(text), (name.to_string(), org), "{text}");
    }
    let (name, kind) = org_of("A spokesman for Senator Anna Berg said she was abroad.");
    assert_eq!((name.as_str(), kind), ("Anna Berg", EntityKind::Person));
}

/// A name joined by "of", "van"… is one name wherever it stands: after
/// "according to", as an addressee, as a subject.
#[test]
fn names_with_joiners_stay_whole() {
    for (text, name) in [
        (
            "According to the Ministry of Fisheries, the catch fell.",
            "Ministry of Fisheries",
        ),
        (
            "She told the Bank of Arcadia that rates would rise.",
            "Bank of Arcadia",
        ),
        (
            "The University of Westmark said fees would rise.",
            "University of Westmark",
        ),
        (
            "The hall was cold, said Lena van Dorsten.",
            "Lena van Dorsten",
        ),
        (
            "Lena van Dorsten said the hall was cold.",
            "Lena van Dorsten",
        ),
        (
            "The club's lawyer, Pieter van der Laan, argued that the fee was fair.",
            "Pieter van der Laan",
        ),
        (
            "The hall was cold, said Pieter van der Laan.",
            "Pieter van der Laan",
        ),
    ] {
        let ex = extract(text);
        let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&name), "{text}: {names:?}");
    }
}

/// A channel number after a broadcaster's word belongs to its name; a
/// count of people after it does not.
#[test]
fn a_channel_number_is_part_of_the_name() {
    let ex = extract("The chief told WKTV News 4 at the scene that the pool would close.");
    let to = ex.attributions[0]
        .addressee
        .and_then(|m| m.entity)
        .expect("an addressee");
    assert_eq!(ex.entities[to].name, "WKTV News 4");
    let ex = extract("The chief told Channel 7 News that the pool would close.");
    let to = ex.attributions[0]
        .addressee
        .and_then(|m| m.entity)
        .expect("an addressee");
    assert_eq!(ex.entities[to].name, "Channel 7 News");
}

/// A known place closing a longer name is part of that name, not the
/// place: a station named for its region is told things, a person named
/// like a country is a person.
#[test]
fn a_place_closing_a_name_is_part_of_it() {
    let ex = extract("\"The beds are gone,\" she told QRT Radio Scotland on Tuesday.");
    let to = ex.attributions[0]
        .addressee
        .and_then(|m| m.entity)
        .expect("an addressee");
    assert_eq!(ex.entities[to].name, "QRT Radio Scotland");
    assert_eq!(ex.entities[to].kind, EntityKind::Organization);
    let ex = extract("The coach told Dana Jordan that the team would rest.");
    let to = ex.attributions[0]
        .addressee
        .and_then(|m| m.entity)
        .expect("an addressee");
    assert_eq!(
        (ex.entities[to].name.as_str(), ex.entities[to].kind),
        ("Dana Jordan", EntityKind::Person)
    );
}

/// A name is a person's only with evidence: a given name, an honorific,
/// a title, a middle initial, the surname used alone, or being a speaker.
/// Capitals alone make an organization; a single word after "the" is one
/// too, and a
/// demonym's plural is people described (no named entity).
#[test]
fn persons_need_evidence() {
    let person = |t: &str, name: &str| {
        let k = kinds(t);
        assert!(
            k.contains(&(name.to_string(), EntityKind::Person)),
            "{name} in {t:?}: {k:?}"
        );
    };
    person("Maria Okonkwo said the bridge would open.", "Maria Okonkwo");
    person("Dr Priya Nair said the bridge would open.", "Priya Nair");
    person(
        "Vann R. Newkirk said the bridge would open.",
        "Vann R. Newkirk",
    );
    person(
        "Tunde Bakare spoke first. Bakare said the bridge would open.",
        "Tunde Bakare",
    );
    assert_kinds(
        "Tom Reed told Bright Lantern that the bridge would open.",
        &[
            ("Tom Reed", EntityKind::Person),
            ("Bright Lantern", EntityKind::Organization),
        ],
    );
    assert_kinds(
        "The Latest said the bridge would open.",
        &[("Latest", EntityKind::Organization)],
    );
    assert_kinds("Mexicans said the bridge would open.", &[]);
}

/// Where a single word stands says what it is: "at X" is a place of
/// work; a holiday taken up by a pronoun is still no person.
#[test]
fn single_words_at_and_holidays() {
    let k = kinds("Jo Reed, a researcher at Quillfact, said the count was wrong. Quillfact said it stood by it.");
    assert!(
        k.contains(&("Quillfact".to_string(), EntityKind::Organization)),
        "{k:?}"
    );
    assert!(
        k.contains(&("Jo Reed".to_string(), EntityKind::Person)),
        "{k:?}"
    );
    let k =
        kinds("Harvest Day came early. Harvest Day said the crowds were big. He said so twice.");
    assert!(
        !k.iter().any(|(_, kind)| *kind == EntityKind::Person),
        "{k:?}"
    );
}

/// A surname before a noun ("the Tabor campaign") is no organization.
#[test]
fn a_name_before_a_noun_stays_a_person() {
    assert_kinds(
        "Tabor said the plan was sound. The Tabor campaign declined to comment.",
        &[("Tabor", EntityKind::Person)],
    );
}

/// A name written after an article ("a Purple Heart") is no person's,
/// whatever pronoun follows it.
#[test]
fn a_name_after_an_article_is_no_person() {
    let k = kinds(
        "Silver Cross was a medal. Silver Cross said the war was over, and \
         he wore a Silver Cross. He said it was heavy.",
    );
    assert!(
        !k.iter().any(|(_, kind)| *kind == EntityKind::Person),
        "{k:?}"
    );
}

/// A single word that opens an organization's name, met after it, is that
/// organization ("Kestrel" after "Kestrel Mining"), not a new person.
#[test]
fn the_short_form_of_an_organization() {
    let ex = extract(
        "Kestrel Mining said the pit would close. The council told Kestrel that it must pay.",
    );
    let names: Vec<_> = ex
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(!names.iter().any(|(n, _)| *n == "Kestrel"), "{names:?}");
    let to = ex.attributions[1]
        .addressee
        .and_then(|m| m.entity)
        .expect("an addressee entity");
    assert_eq!(ex.entities[to].name, "Kestrel Mining");
}

/// A speaker named by two words is a person when nothing says otherwise,
/// even with a given name no list knows; a headline's capitals are not.
#[test]
fn a_speaker_with_an_unlisted_given_name_is_a_person() {
    let ex = extract("Zbigniew Quarles said that talks would resume.");
    let sp = ex.attributions[0]
        .speaker
        .and_then(|m| m.entity)
        .expect("a speaker entity");
    assert_eq!(
        (ex.entities[sp].name.as_str(), ex.entities[sp].kind),
        ("Zbigniew Quarles", EntityKind::Person)
    );
}

/// A speaker named only by common English words is no person ("Quiet
/// Harbor" runs a site, "Ledger" is a label), unless something says so:
/// a given name, an honorific, a kinship word.
#[test]
fn a_speaker_named_by_common_words_is_no_person() {
    let kind_of = |text: &str| {
        let ex = extract(text);
        let sp = ex.attributions[0].speaker.and_then(|m| m.entity);
        sp.map(|sp| (ex.entities[sp].name.clone(), ex.entities[sp].kind))
    };
    let org = EntityKind::Organization;
    let person = EntityKind::Person;
    let said = |name: &str| kind_of(&format!("Prices will rise, {name} said."));
    assert_eq!(said("Steady Hands"), Some(("Steady Hands".into(), org)));
    assert_eq!(said("Bulletin"), Some(("Bulletin".into(), org)));
    assert_eq!(said("Mr. Hands"), Some(("Hands".into(), person)));
    assert_eq!(said("Grace Hands"), Some(("Grace Hands".into(), person)));
}

/// "I", "we" and "you" are the writer, a speaker or the reader: a "she"
/// or "he" after them refers back past them to the person named before.
#[test]
fn third_person_skips_first_and_second_person() {
    let text = "Marta Lind ran the ferry for years. I said the ferry was late. \
                She said the boat would sail at noon.";
    let got = speakers(text);
    assert_eq!(
        got.last(),
        Some(&("She".to_string(), Some("Marta Lind".to_string())))
    );
    assert!(got
        .iter()
        .any(|(t, e)| t == "I" && e.as_deref() == Some("I")));
}

/// Descriptions of people met outside the news (a teacher, a relative, a
/// scholar) are unnamed speakers, one entity when the description repeats.
#[test]
fn everyday_descriptions_of_people() {
    let text = "The instructor said the class would start late. \
                My mom said the bus was full. \
                The instructor said the room was cold.";
    assert_speakers(
        text,
        &[
            ("The instructor", Some("instructor")),
            ("My mom", Some("My mom")),
            ("The instructor", Some("instructor")),
        ],
    );
}

/// A given name of one gender tells which person "he" or "she" is: "he"
/// skips a woman named more recently.
#[test]
fn given_names_tell_he_from_she() {
    let text = "Peter Vasko said the dam would hold. Susan Orrin said the river was high. \
                He said the gates would stay shut.";
    assert_eq!(
        speakers(text).last(),
        Some(&("He".to_string(), Some("Peter Vasko".to_string())))
    );
}

/// A sentence's opening common noun before a given name and a surname
/// describes the person ("Neighbor Kelly Brandt" is Kelly Brandt), and a
/// common word capitalized only as a sentence's first word owns no title
/// ("Union president Ann Roy"); a compass word opens a company's name
/// inside a sentence ("Southern Water").
#[test]
fn opening_descriptions_and_owners() {
    let ex = extract(
        "Neighbor Kelly Brandt said she heard the crash. \
         Union president Ann Roy said wages were too low. \
         A spokeswoman for Southern Water said the pipe was fixed.",
    );
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Kelly Brandt"), "{names:?}");
    assert!(names.contains(&"Southern Water"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| *n == "Union" || n.starts_with("Neighbor")),
        "{names:?}"
    );
    let roy = ex.entities.iter().find(|e| e.name == "Ann Roy").unwrap();
    assert!(roy.roles.iter().all(|r| r.of.is_none()), "{:?}", roy.roles);
}

/// A capitalized plural of a noun of people ("Mourners", "Rabbis") or of
/// a known place's people ("Nevadans") describes a group; a title after
/// a body's name ("Acme CEO", "Army Capt") or a compound of titles
/// ("the Director-General") describes whoever holds it. None of them is
/// a person's name.
#[test]
fn groups_and_titles_are_no_names() {
    let named_person = |text: &str, name: &str| {
        extract(text)
            .entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Person && !e.unnamed)
    };
    let text = "The vote was close, and Nevadans said the tax was too high.";
    assert!(!named_person(text, "Nevadans"));
    let text = "After the storm, Rabbis and Mourners gathered by the river.";
    assert!(!named_person(text, "Rabbis"));
    assert!(!named_person(text, "Mourners"));
    let text = "The plant will close, the Acme CEO said on Monday.";
    assert!(!named_person(text, "Acme CEO"));
    let text = "The letter praised Navy Capt. Oren Tal, who led the rescue.";
    assert!(!named_person(text, "Navy Capt"));
    let ex = extract("However, the Director-General said the plan was feasible.");
    assert!(ex
        .entities
        .iter()
        .all(|e| e.name != "Director-General" || e.unnamed));
    // a body named by its members stays a body
    let ex = extract("The National Council of Hospital Executives said fees would rise.");
    let body = ex.attributions[0]
        .speaker
        .and_then(|s| s.entity)
        .map(|e| &ex.entities[e]);
    assert!(body.is_some_and(|b| b.kind == EntityKind::Organization && !b.unnamed));
}

/// A lowercase noun of a person just before a name ("the noted critic
/// Ottokar Vessely") says the name is a person's, even with no given
/// name any list knows.
#[test]
fn a_person_noun_before_a_name_makes_it_a_person() {
    let ex = extract(
        "The prize went to the noted critic Ottokar Vessely, a member of the jury. \
         The jury met in May.",
    );
    let en = ex.entities.iter().find(|e| e.name == "Ottokar Vessely");
    assert_eq!(en.map(|e| e.kind), Some(EntityKind::Person));
}

/// A name no evidence makes a person's is a body when a relative clause
/// about it opens with "which" (people take "who").
#[test]
fn which_tells_a_body() {
    let kind_of = |text: &str, name: &str| {
        extract(text)
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    };
    let text = "Local employers such as Quandrix, which opposed the bill, said it would cost jobs.";
    assert_eq!(kind_of(text, "Quandrix"), Some(EntityKind::Organization));
    let text =
        "Local employers such as Quandrix opposed the bill, and Quandrix said it would cost jobs.";
    assert_eq!(kind_of(text, "Quandrix"), Some(EntityKind::Person));
}

/// A person "of" a known place is named before the "of": the place says
/// where the person is from, it is not the person.
#[test]
fn a_name_of_a_known_place() {
    let ex = extract("Mayor Lina Ortmann of Cleveland said the roads would reopen.");
    let sp = ex.attributions[0]
        .speaker
        .and_then(|s| s.entity)
        .map(|e| &ex.entities[e]);
    assert_eq!(
        sp.map(|e| (e.name.as_str(), e.kind)),
        Some(("Lina Ortmann", EntityKind::Person))
    );
    // a body's head word before "of" keeps the whole name together
    let ex = extract("A spokesman for the Ohio Department of Parks said the trail was shut.");
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Ohio Department"), "{names:?}");
}

/// "They" after a plural noun of people that played no role refers to
/// the group that noun describes; "those who" and "anyone who" are the
/// people the clause describes; a compound of titles that no named
/// person holds is an unnamed person.
#[test]
fn groups_that_played_no_role() {
    let text =
        "The researchers cleaned the beach for a week. They said the sand was full of plastic.";
    let got = speakers(text);
    assert_eq!(
        got.last().map(|(t, e)| (t.as_str(), e.as_deref())),
        Some(("They", Some("researchers")))
    );
    let ex = extract("The ferry is late again, and those who complain say the schedule is wrong.");
    let linked = ex.attributions.iter().filter_map(|a| a.speaker).any(|s| {
        s.entity
            .is_some_and(|e| ex.entities[e].unnamed && ex.entities[e].name.starts_with("those who"))
    });
    assert!(linked, "{:?}", ex.attributions);
    assert_speakers(
        "However, the Director-General said the plan was feasible.",
        &[("the Director-General", Some("Director-General"))],
    );
}

/// One person named with "secretary" and with "health secretary" holds
/// one role, the more specific one.
#[test]
fn the_more_specific_of_two_titles() {
    let ex = extract(
        "Secretary Lina Ortmann said the clinics would open. \
         Later, Health Secretary Lina Ortmann said the wards would close.",
    );
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Lina Ortmann")
        .expect("the person");
    let titles: Vec<&str> = en.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["health secretary"]);
}

/// The office after a title and "of" is no part of the holder's name; a
/// common word before "Minister" is a portfolio, not an owner; a
/// capitalized phrase ending in "Research" is a body; "Pacific Islander"
/// names no one.
#[test]
fn offices_portfolios_and_bodies() {
    assert_speakers(
        "Secretary of State Miriam Okonkwo said the talks would resume.",
        &[("Secretary of State Miriam Okonkwo", Some("Miriam Okonkwo"))],
    );
    let ex = extract("Families Minister Ellen Marsh said the program would grow.");
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Ellen Marsh")
        .expect("the minister");
    assert!(en.roles.iter().all(|r| r.of.is_none()), "{:?}", en.roles);
    assert!(!ex.entities.iter().any(|e| e.name == "Families"));
    let ex = extract("Voters were tired, according to Dunmore Research.");
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Dunmore Research")
        .expect("the body");
    assert_eq!(en.kind, EntityKind::Organization);
    let ex =
        extract("Kiri Tane, who spoke for Pacific Islander voters, said the city had failed them.");
    assert!(!ex.entities.iter().any(|e| e.name == "Pacific Islander"));
}

/// "the Commons" (the plural of a common word that names no kind of
/// person) is a body, not people described; a capitalized possessor and a
/// body's head make one name ("the Kent County Sheriff's Office").
#[test]
fn bodies_named_by_plurals_and_possessors() {
    let ex = extract("Ellen Marsh told the Commons that the costs would fall.");
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Commons")
        .expect("the house");
    assert_eq!((en.kind, en.unnamed), (EntityKind::Organization, false));
    let ex = extract(
        "A spokesperson for the Kent County Sheriff's Office said deputies arrived at noon.",
    );
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Kent County Sheriff's Office"), "{names:?}");
    assert!(!names.contains(&"Office"), "{names:?}");
    let ex = extract("The Kent County Sheriff's Office said the road was closed.");
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Kent County Sheriff's Office"), "{names:?}");
}

/// "he" and "she" refer to people only: a programme's name told
/// something, which the end of the article finds to be no person's, is
/// not the "he" of the next paragraph.
#[test]
fn he_is_never_a_programme() {
    let ex = extract(
        "Mayor Helen Ruatara says the council had no choice.\n\n\
         \"We looked at every option,\" she says.\n\n\
         Ngāti Rangi spokesperson Tama Walker told Morning Report the iwi had been promised a seat.\n\n\
         \"It is a step backwards,\" he says.",
    );
    let a = ex.attributions.last().expect("the quote");
    let sp = a.speaker.expect("a speaker");
    assert_eq!(ex.slice(sp.span), "he");
    let name = sp.entity.map(|e| ex.entities[e].name.as_str());
    assert_eq!(name, Some("Tama Walker"));
}

/// The owner before a title of two words is the capitalized words before
/// the title ("Velmora Managing Director …": Velmora, not "Velmora
/// Managing"); an acronym owner is no person's surname even where a
/// body's name ending in it was taken for a person's.
#[test]
fn owners_before_multi_word_titles() {
    let ex = extract("Velmora Managing Director Ines Harrow said the plant would close.");
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Velmora Managing"), "{names:?}");
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Ines Harrow")
        .expect("the director");
    let owner = en.roles[0].of.map(|o| ex.entities[o].name.as_str());
    assert_eq!(
        (en.roles[0].title.as_str(), owner),
        ("managing director", Some("Velmora"))
    );
    let ex = extract(
        "Harbour Rescue QX said crews had answered 90 calls. \
         QX Health Minister Dana Reyes said the wards were full.",
    );
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Dana Reyes")
        .expect("the minister");
    let owner = en.roles[0].of.map(|o| ex.entities[o].name.as_str());
    assert_eq!(owner, Some("QX"), "{:?}", en.roles);
}

/// A report is a document, not an outlet: "a council report" that
/// estimated something is no organization; "media reports" stay the
/// outlets'.
#[test]
fn a_report_is_no_organization() {
    let ex = extract("A council report estimated that fees would rise by a third.");
    let names: Vec<_> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("report")), "{names:?}");
    // "report" before the sentence's past verb is the compound's head,
    // no verb of saying: the speaker is the whole report
    assert_speakers(
        "A district council report estimated that fees would rise by a third.",
        &[("A district council report", None)],
    );
}

/// Several capitalized common words before "Minister" or "Secretary" are
/// one portfolio, no owner ("Rural Affairs Minister"); a spokesman's are
/// the owner ("Garden Supply spokesman").
#[test]
fn portfolios_of_several_words() {
    let ex = extract("Rural Affairs Minister Tom Adeyemi said the grants would double.");
    let names: Vec<_> = ex
        .entities
        .iter()
        .filter(|e| e.used)
        .map(|e| e.name.as_str())
        .collect();
    assert!(!names.contains(&"Rural Affairs"), "{names:?}");
    let ex = extract("Garden Supply spokesman Ray Olin said the stores would open.");
    let en = ex
        .entities
        .iter()
        .find(|e| e.name == "Ray Olin")
        .expect("the spokesman");
    let owner = en.roles[0].of.map(|o| ex.entities[o].name.as_str());
    assert_eq!(owner, Some("Garden Supply"), "{:?}", en.roles);
}

/// A person "of" a body is the person: the body is where they work, not
/// a name of their own ("the Prince of Wales" stays whole: no given name).
#[test]
fn a_person_of_a_body() {
    assert_speakers(
        "Historian Karen Lutz of Halden University said the archive was incomplete.",
        &[(
            "Historian Karen Lutz of Halden University",
            Some("Karen Lutz"),
        )],
    );
}

/// A speaker described by a title no named person holds is one unnamed
/// person, the same wherever the description recurs; a bare title after a
/// named speaker means that speaker (or no one), never a new person.
#[test]
fn unnamed_title_holders() {
    let text = "The bakery on Elm Road will shut in May.\n\"Costs have risen too fast for \
                us,\" the head of the guild said on Monday. The rent doubled last year, the \
                head of the guild added.";
    let ex = extract(text);
    let ents: Vec<_> = ex
        .attributions
        .iter()
        .map(|a| a.speaker.and_then(|s| s.entity))
        .collect();
    assert_eq!(ents.len(), 2);
    assert!(ents[0].is_some() && ents[0] == ents[1]);
    let en = &ex.entities[ents[0].unwrap()];
    assert!(en.unnamed && en.kind == EntityKind::Person);
    let text = "\"We will win this time,\" Dara Quill said on Monday. Later the senator said \
                the vote would be close.";
    let ex = extract(text);
    assert!(ex
        .entities
        .iter()
        .all(|e| !(e.unnamed && e.name.eq_ignore_ascii_case("senator"))));
    let text = "Taxes will rise next year, the Vermont senator said on Monday.";
    let ex = extract(text);
    assert!(ex
        .entities
        .iter()
        .all(|e| !e.name.to_lowercase().contains("senator")));
}
