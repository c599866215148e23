//! Claim grouping at scale: `cargo run --release --example claims_bench
//! [STATEMENTS]` (default 1,000,000) generates reports with realistic
//! repetition — 50,000 speakers with Zipf-like activity, each claim
//! reported 1 to 30 times (most once), reports cut, contracted, re-cased
//! or paraphrased — groups them with [`quotegraph::claims::group`] and
//! prints the time and the number of claims. Run it under
//! `/usr/bin/time -v` for the peak memory.

use std::time::Instant;

use quotegraph::claims::{group, Report};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "government",
    "plant",
    "budget",
    "talks",
    "army",
    "port",
    "strike",
    "bank",
    "rates",
    "election",
    "border",
    "ceasefire",
    "taxes",
    "contracts",
    "corridor",
    "grain",
    "ships",
    "inflation",
    "minister",
    "parliament",
    "villages",
    "energy",
    "grid",
    "winter",
    "court",
    "league",
    "club",
    "mine",
    "river",
    "defences",
    "programme",
    "sanctions",
    "exports",
];
const VERBS: &[&str] = &[
    "reopen", "close", "protect", "raise", "cut", "sign", "reject", "approve", "delay", "expand",
    "defend", "hold", "review", "block", "support", "fund",
];

fn claim_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let sentences = 1 + rng.below(2);
    for _ in 0..sentences {
        let a = WORDS[rng.below(WORDS.len() as u64) as usize];
        let v = VERBS[rng.below(VERBS.len() as u64) as usize];
        let b = WORDS[rng.below(WORDS.len() as u64) as usize];
        let n = rng.below(100);
        s.push_str(&format!(
            "We will not let the {a} {v} the {b} before {n} days pass and the {b} is safe. "
        ));
    }
    s.trim_end().to_string()
}

fn variant(rng: &mut Rng, text: &str) -> String {
    match rng.below(5) {
        0 => text.replace("will not", "won't"),
        1 => format!("\u{201c}{}\u{201d}", text.to_uppercase()),
        2 => text.split(". ").next().unwrap_or(text).to_string(),
        3 => text.replace("the ", "").replace("We will", "they would"),
        _ => text.to_string(),
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut reports: Vec<(usize, String)> = Vec::with_capacity(n);
    while reports.len() < n {
        // Zipf-like speakers: a few speak a lot
        let r = rng.below(1_000_000) + 1;
        let speaker = (50_000 * 1_000 / (r + 1_000)) as usize % 50_000;
        let text = claim_text(&mut rng);
        let copies = match rng.below(10) {
            0..=5 => 1,
            6..=8 => 2 + rng.below(4),
            _ => 6 + rng.below(25),
        };
        for _ in 0..copies {
            if reports.len() < n {
                reports.push((speaker, variant(&mut rng, &text)));
            }
        }
    }
    let input: Vec<Report<'_>> = reports
        .iter()
        .map(|(s, t)| Report {
            speaker: *s,
            text: t,
            negated: false,
        })
        .collect();
    let start = Instant::now();
    let g = group(&input);
    let secs = start.elapsed().as_secs_f64();
    let mut roots = g.clone();
    roots.sort_unstable();
    roots.dedup();
    println!(
        "{} statements, {} claims, grouped in {secs:.2} s ({:.0} statements/s)",
        input.len(),
        roots.len(),
        input.len() as f64 / secs
    );
}
