//! A synthetic news corpus for benchmarks and tests, made only from the
//! bundled article(s) in `data/articles/`: paragraphs are reordered and
//! subset, and people, outlets and places are renamed, so every document
//! differs while staying the kind of text the rules are written for.
//! Deterministic for a given seed.

#![allow(dead_code)]

/// The bundled articles.
pub const ARTICLES: &[&str] = &[include_str!(
    "../../data/articles/000_lavrov_carlson_tass.txt"
)];

const FIRST: &[&str] = &[
    "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Katya", "Luis", "Mara", "Nikolai", "Olga", "Pavel", "Quentin", "Rosa", "Stefan", "Tamara",
    "Ugo", "Vera", "Walter", "Xenia", "Yusuf", "Zofia",
];
const LAST: &[&str] = &[
    "Berg",
    "Castillo",
    "Dumont",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Horvat",
    "Ivanova",
    "Jansen",
    "Kovacs",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Urbano",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zeller",
];
const OUTLETS: &[&str] = &["TASS", "Reuters", "Interfax", "RIA Novosti", "AFP"];
/// The outlets of a wide cast: the news agencies and broadcasters the
/// organization lexicon knows.
const WIDE_OUTLETS: &[&str] = &[
    "TASS",
    "Reuters",
    "Interfax",
    "RIA Novosti",
    "AFP",
    "Sputnik",
    "Associated Press",
    "Xinhua",
    "Press Trust of India",
    "BBC",
    "CNN",
    "NPR",
    "Bloomberg",
    "Politico",
    "Al Jazeera",
    "Axios",
    "Ukrinform",
    "Kyiv Independent",
    "NBC News",
    "The Guardian",
];
/// Endings that make more surnames from [`LAST`] in a wide cast.
const SURNAME_ENDINGS: &[&str] = &[
    "", "son", "mann", "ski", "ova", "er", "ini", "sen", "ek", "ari", "ov", "ez", "ic", "berg",
    "ton", "ley",
];

/// Who an article's people, outlets and dates are drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cast {
    /// 26 first names × 24 surnames, 5 outlets, dates in 2024: the corpus
    /// the tests and benchmarks were written against.
    Narrow,
    /// 26 first names × 384 surnames (the surnames with endings), 20
    /// outlets, dates from 2019 to 2024: a graph with thousands of people,
    /// closer to a real news corpus.
    Wide,
}

/// Names in the article, longest first, and the role each plays.
const PEOPLE: &[(&str, &str)] = &[
    ("Sergey Lavrov", "Lavrov"),
    ("Tucker Carlson", "Carlson"),
    ("Vladimir Putin", "Putin"),
    ("Dmitry Peskov", "Peskov"),
    ("Donald Trump", "Trump"),
    ("Joe Biden", "Biden"),
];

/// A small deterministic PRNG (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// One of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// One synthetic article.
#[derive(Debug, Clone)]
pub struct Article {
    /// `doc-000042`.
    pub id: String,
    /// ISO date.
    pub date: String,
    /// The outlet named as source.
    pub outlet: String,
    /// The text.
    pub text: String,
}

/// Article number `n` of the corpus with this seed.
pub fn article(seed: u64, n: u64) -> Article {
    article_of(seed, n, Cast::Narrow)
}

/// Article number `n` of the corpus with this seed, its people, outlet
/// and date drawn from `cast`.
pub fn article_of(seed: u64, n: u64, cast: Cast) -> Article {
    let mut rng = Rng(seed ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let base = ARTICLES[rng.below(ARTICLES.len())];
    let paras: Vec<&str> = base
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // keep the first paragraph (dateline), then a shuffled subset
    let mut rest: Vec<&str> = paras[1..].to_vec();
    for i in (1..rest.len()).rev() {
        let j = rng.below(i + 1);
        rest.swap(i, j);
    }
    let keep = 3 + rng.below(rest.len() - 2);
    rest.truncate(keep);
    let mut text = String::with_capacity(base.len());
    text.push_str(paras[0]);
    for p in rest {
        text.push_str("\n\n");
        text.push_str(p);
    }
    text.push('\n');
    let mut used: Vec<String> = Vec::new();
    for (full, last) in PEOPLE {
        let (f, l) = loop {
            let f = rng.pick(FIRST);
            let mut l = rng.pick(LAST).to_string();
            if cast == Cast::Wide {
                l.push_str(rng.pick(SURNAME_ENDINGS));
            }
            if !used.contains(&l) {
                used.push(l.clone());
                break (f, l);
            }
        };
        text = text.replace(full, &format!("{f} {l}"));
        text = text.replace(last, &l);
    }
    let (outlets, year) = match cast {
        Cast::Narrow => (OUTLETS, 2024),
        Cast::Wide => (WIDE_OUTLETS, 2019 + rng.below(6)),
    };
    let outlet = rng.pick(outlets).to_string();
    text = text.replace("TASS", &outlet);
    let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
    text = text.replacen("2024-12-06", &date, 1);
    Article {
        id: format!("doc-{n:06}"),
        date,
        outlet,
        text,
    }
}

/// The article as one JSONL line (with its newline).
pub fn jsonl_line(a: &Article) -> String {
    let mut s = String::with_capacity(a.text.len() + 200);
    s.push_str("{\"id\":");
    s.push_str(&json_string(&a.id));
    s.push_str(",\"date\":");
    s.push_str(&json_string(&a.date));
    s.push_str(",\"outlet\":");
    s.push_str(&json_string(&a.outlet));
    s.push_str(",\"url\":");
    s.push_str(&json_string(&format!("https://news.example/{}", a.id)));
    s.push_str(",\"text\":");
    s.push_str(&json_string(&a.text));
    s.push_str("}\n");
    s
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whitespace-separated words, as `wc -w` counts them.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// One document of about `bytes` bytes: synthetic articles run together,
/// either as paragraphs or (`one_line`) with every line break replaced by
/// a space, the worst case for paragraph-bounded passes. Every article
/// names new people, so the number of entities grows with the document.
pub fn long_doc(bytes: usize, one_line: bool) -> String {
    let mut s = String::with_capacity(bytes + 8192);
    let mut n = 0;
    while s.len() < bytes {
        let a = article(11, n);
        s.push_str(&a.text);
        s.push('\n');
        n += 1;
    }
    if one_line {
        s = s.replace(['\n', '\r'], " ");
    }
    s
}

/// The bundled article(s) repeated, on one line: the same cast of people
/// throughout, so the number of entities stays fixed.
pub fn fixed_cast_doc(bytes: usize) -> String {
    let unit = ARTICLES.concat().replace(['\n', '\r'], " ");
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(&unit);
    }
    s
}
