//! Criterion benchmarks: every stage of extraction separately (tokens,
//! sentences, quotes, dateline, mention finding, rules, resolution, record,
//! JSON), the graph build and each exporter, end to end per document,
//! through the parallel pipeline, and how time grows with the size of a
//! single document.
//!
//! The corpus is generated from the bundled article(s) only
//! (`tests/common/synth.rs`). Throughput is in words (`elem/s` = words/s).
//!
//! ```text
//! cargo bench --features internals --bench stages          # everything (~2 minutes)
//! cargo bench --features internals --bench stages -- stage/  # one group
//! ```

#[path = "../tests/common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::ops::ControlFlow;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quotegraph::pipeline::{self, Event};
use quotegraph::resolve::Resolver;
use quotegraph::rules::Ctx;
use quotegraph::{
    dateline, input, quote, sentence, token, Document, Extractor, Format, QuoteGraph,
};

const DOCS: u64 = 200;

fn corpus() -> Vec<Document> {
    (0..DOCS)
        .map(|n| {
            let a = synth::article(7, n);
            Document::new(a.id, a.text)
        })
        .collect()
}

fn words(docs: &[Document]) -> u64 {
    docs.iter().map(|d| synth::words(&d.text) as u64).sum()
}

/// Sentences as `Extractor::extract` splits them (after the dateline).
fn sentences(text: &str, toks: &[token::Token]) -> Vec<sentence::Sentence> {
    let body_from = dateline::find(text).map_or(0, |d| d.1);
    let first = toks.partition_point(|t| t.span.start < body_from);
    let mut s = sentence::split(text, &toks[first..]);
    for x in &mut s {
        x.tokens = x.tokens.start + first..x.tokens.end + first;
    }
    s
}

/// The corpus and what each stage makes of it, for the next stage's bench.
struct Prepared {
    docs: Vec<Document>,
    ex: Extractor,
    toks: Vec<Vec<token::Token>>,
    sents: Vec<Vec<sentence::Sentence>>,
    quotes: Vec<Vec<quote::Quote>>,
    extractions: Vec<quotegraph::extract::Extraction>,
    records: Vec<quotegraph::DocRecord>,
}

fn prepare() -> Prepared {
    let docs = corpus();
    let ex = Extractor::default();
    let toks: Vec<_> = docs
        .iter()
        .map(|d| token::tokenize(&d.text, ex.lexicon()))
        .collect();
    let sents = docs
        .iter()
        .zip(&toks)
        .map(|(d, t)| sentences(&d.text, t))
        .collect();
    let quotes = toks.iter().map(|t| quote::pair(t)).collect();
    let extractions: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
    let records = extractions.iter().map(|e| e.to_record()).collect();
    Prepared {
        docs,
        ex,
        toks,
        sents,
        quotes,
        extractions,
        records,
    }
}

/// Every stage of extraction separately, then end to end.
fn stages(c: &mut Criterion) {
    let p = prepare();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Elements(words(&p.docs)));
    text_stages(&mut g, &p);
    rules_and_resolution(&mut g, &p);
    output_stages(&mut g, &p);
    g.finish();
    graph_and_exports(c, &p.records);
    pipeline_jobs(c, &p);
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// Tokens, sentences, quotes, the dateline.
fn text_stages(g: &mut Group<'_>, p: &Prepared) {
    let (docs, toks, lex) = (&p.docs, &p.toks, p.ex.lexicon());
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for d in docs {
                black_box(token::tokenize(&d.text, lex));
            }
        })
    });
    g.bench_function("sentence_split", |b| {
        b.iter(|| {
            for (d, t) in docs.iter().zip(toks) {
                black_box(sentences(&d.text, t));
            }
        })
    });
    g.bench_function("quote_pairing", |b| {
        b.iter(|| {
            for t in toks {
                black_box(quote::pair(t));
            }
        })
    });
    g.bench_function("dateline", |b| {
        b.iter(|| {
            for d in docs {
                black_box(dateline::find(&d.text));
            }
        })
    });
}

/// The rules, mention finding and resolution.
fn rules_and_resolution(g: &mut Group<'_>, p: &Prepared) {
    let (docs, toks, sents, quotes, lex) = (&p.docs, &p.toks, &p.sents, &p.quotes, p.ex.lexicon());
    g.bench_function("rules", |b| {
        b.iter(|| {
            for i in 0..docs.len() {
                let bounds = token::Bounds::new(&toks[i]);
                let ctx = Ctx::new(&docs[i].text, lex, &toks[i], &bounds, &sents[i], &quotes[i]);
                black_box(ctx.run());
            }
        })
    });
    // mention finding: the scan for every person named in the text
    g.bench_function("mentions", |b| {
        b.iter(|| {
            for i in 0..docs.len() {
                let bounds = token::Bounds::new(&toks[i]);
                let mut res = Resolver::new(&docs[i].text, &toks[i], &bounds, lex);
                let ranges: Vec<_> = sents[i].iter().map(|s| s.tokens.clone()).collect();
                res.prescan(&ranges);
                black_box(res.entities.len());
            }
        })
    });
    // resolution: the mentions found, then every attribution's speaker,
    // addressee, source and content mentions resolved to entities
    let drafts: Vec<_> = (0..docs.len())
        .map(|i| {
            let bounds = token::Bounds::new(&toks[i]);
            Ctx::new(&docs[i].text, lex, &toks[i], &bounds, &sents[i], &quotes[i]).run()
        })
        .collect();
    g.bench_function("resolution", |b| {
        b.iter(|| {
            for i in 0..docs.len() {
                let t = &toks[i];
                let bounds = token::Bounds::new(t);
                let mut res = Resolver::new(&docs[i].text, t, &bounds, lex);
                let ranges: Vec<_> = sents[i].iter().map(|s| s.tokens.clone()).collect();
                res.prescan(&ranges);
                let mut starts = vec![false; t.len()];
                for s in &sents[i] {
                    starts[s.tokens.start] = true;
                }
                for d in &drafts[i] {
                    for (np, speaker) in
                        [(d.speaker, true), (d.addressee, false), (d.source, false)]
                    {
                        if let Some(np) = np {
                            black_box(res.resolve(&np, np.span(t).start, speaker));
                        }
                    }
                    for c in &d.content {
                        black_box(res.mentions_in(*c, &starts));
                    }
                }
            }
        })
    });
}

/// Extraction whole, the record, JSON, and all of it end to end.
fn output_stages(g: &mut Group<'_>, p: &Prepared) {
    let (docs, ex) = (&p.docs, &p.ex);
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in docs {
                black_box(ex.extract(d));
            }
        })
    });
    g.bench_function("to_record", |b| {
        b.iter(|| {
            for e in &p.extractions {
                black_box(e.to_record());
            }
        })
    });
    g.bench_function("json", |b| {
        b.iter(|| {
            for r in &p.records {
                black_box(serde_json::to_vec(r).unwrap());
            }
        })
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            for d in docs {
                black_box(serde_json::to_vec(&ex.extract(d).to_record()).unwrap());
            }
        })
    });
}

/// The graph over the records, and each exporter over the graph.
fn graph_and_exports(c: &mut Criterion, records: &[quotegraph::DocRecord]) {
    let mut g = c.benchmark_group("graph");
    let graph = QuoteGraph::from_extractions(records).unwrap();
    g.throughput(Throughput::Elements(graph.node_count() as u64));
    g.bench_function("build", |b| {
        b.iter(|| black_box(QuoteGraph::from_extractions(records).unwrap()))
    });
    for f in Format::ALL {
        let exporter = f.exporter();
        let mut probe = Vec::new();
        if exporter.write(&graph, &mut probe).is_err() {
            continue; // a directory format (Neo4j CSV) has no stream form
        }
        g.bench_function(
            BenchmarkId::new("export", format!("{f:?}").to_lowercase()),
            |b| {
                b.iter(|| {
                    let mut out = Vec::with_capacity(probe.len());
                    exporter.write(&graph, &mut out).unwrap();
                    black_box(out)
                })
            },
        );
    }
    g.finish();
}

/// The pipeline (reader thread, batches, reorder buffer) on top.
fn pipeline_jobs(c: &mut Criterion, p: &Prepared) {
    let (docs, ex) = (&p.docs, &p.ex);
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(words(docs)));
    for jobs in [1, 2] {
        g.bench_with_input(BenchmarkId::new("jobs", jobs), &jobs, |b, &jobs| {
            let opts = pipeline::Options {
                jobs,
                ..pipeline::Options::default()
            };
            b.iter(|| {
                let mut n = 0usize;
                pipeline::run_source(
                    |sink| {
                        for d in docs {
                            sink(input::Item::Doc(d.clone()))?;
                        }
                        ControlFlow::Continue(())
                    },
                    &opts,
                    None,
                    |d| serde_json::to_vec(&ex.extract(d).to_record()).unwrap(),
                    |ev| {
                        if let Event::Doc(v) = ev {
                            n += v.len();
                        }
                        Ok(())
                    },
                )
                .unwrap();
                black_box(n)
            })
        });
    }
    g.finish();
}

/// Time against the size of one document: 100 KB vs 1 MB (10x). Linear
/// would be 10x; the goal is at most 12x.
fn growth(c: &mut Criterion) {
    let ex = Extractor::default();
    for variant in ["paragraphs", "one_line", "fixed_cast"] {
        let mut g = c.benchmark_group(format!("growth/{variant}"));
        g.sample_size(10);
        for kb in [100usize, 1000] {
            let text = match variant {
                "paragraphs" => synth::long_doc(kb * 1000, false),
                "one_line" => synth::long_doc(kb * 1000, true),
                _ => synth::fixed_cast_doc(kb * 1000),
            };
            let doc = Document::new("big", text);
            g.throughput(Throughput::Bytes(doc.text.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(format!("{kb}KB")),
                &doc,
                |b, d| b.iter(|| black_box(ex.extract(d).to_record())),
            );
        }
        g.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages, growth
}
criterion_main!(benches);
