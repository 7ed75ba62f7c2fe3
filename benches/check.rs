//! Criterion benchmarks: the tokeniser, each rule on its own, one whole letter from bytes
//! to findings, a hundred letters, and rendering their findings. `cargo bench --bench check`; CI runs it once as a
//! smoke test (`-- --test`). The whole-process figures (MB/s, start-up, memory) come from
//! benches/bench.sh; both are summarised in docs/performance.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use helder::input::{self, Format};
use helder::report::{Options, analyze_with};
use helder::text::Document;
use std::hint::black_box;

const LETTER: &str = include_str!("../voorbeelden/brief.txt");

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/letters");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn tokenizer(c: &mut Criterion) {
    let big = corpus();
    let mut g = c.benchmark_group("tokeniser");
    g.throughput(Throughput::Bytes(LETTER.len() as u64));
    g.bench_function("brief", |b| {
        b.iter(|| Document::from_text(black_box(LETTER)))
    });
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("30 brieven", |b| {
        b.iter(|| Document::from_text(black_box(&big)))
    });
    // Many links and no "www.": finding each link must not scan the rest of the text.
    let links: String = (0..2000)
        .map(|i| format!("Kijk op https://example.nl/pagina{i} voor meer informatie.\n\n"))
        .collect();
    g.throughput(Throughput::Bytes(links.len() as u64));
    g.bench_function("2000 links", |b| {
        b.iter(|| Document::from_text(black_box(&links)))
    });
    // Amounts, account numbers, addresses and accents: the characters outside the byte
    // table's fast path and the tokens found before words are split.
    let mixed: String = (0..2000)
        .map(|i| {
            format!(
                "Wij storten € {i},50 vóór 1 juli op NL91 ABNA 0417 1643 {:02}; vragen? \
                 Mail info@gemeente.nl of bel de coördinator van ’t Stadsloket.\n\n",
                i % 100
            )
        })
        .collect();
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function("2000 bedragen en rekeningnummers", |b| {
        b.iter(|| Document::from_text(black_box(&mixed)))
    });
    g.finish();
}

fn rules(c: &mut Criterion) {
    let rules = helder::default_rules();
    let big = corpus();
    let doc = Document::from_text(&big);
    let mut g = c.benchmark_group("regel");
    g.throughput(Throughput::Bytes(big.len() as u64));
    for r in rules.rules() {
        g.bench_function(r.meta().id, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                r.check(black_box(&doc), &mut out);
                out
            })
        });
    }
    g.finish();
}

fn whole(c: &mut Criterion) {
    let rules = helder::default_rules();
    let big = corpus();
    let mut g = c.benchmark_group("geheel");
    for (name, text) in [("brief", LETTER), ("30 brieven", big.as_str())] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}, alleen bevindingen"), |b| {
            b.iter(|| {
                let loaded = input::load(black_box(text.as_bytes()), Format::Text).unwrap();
                analyze_with("b", loaded, Format::Text, &rules, Options::FINDINGS)
            })
        });
        g.bench_function(format!("{name}, met score"), |b| {
            b.iter(|| {
                let loaded = input::load(black_box(text.as_bytes()), Format::Text).unwrap();
                analyze_with("b", loaded, Format::Text, &rules, Options::FULL)
            })
        });
    }
    g.finish();
}

/// The findings pipeline after the rules: one report of many findings rendered in the
/// formats that write one line per finding.
fn output(c: &mut Criterion) {
    let rules = helder::default_rules();
    let big = corpus();
    let loaded = input::load(big.as_bytes(), Format::Text).unwrap();
    let report = analyze_with("b", loaded, Format::Text, &rules, Options::FINDINGS);
    let reports = std::slice::from_ref(&report);
    let mut g = c.benchmark_group("uitvoer");
    g.throughput(Throughput::Elements(report.findings.len() as u64));
    g.bench_function("compact", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            helder::render::compact::render(&mut out, black_box(reports)).unwrap();
            out
        })
    });
    g.bench_function("github", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            helder::render::github::render(&mut out, black_box(reports)).unwrap();
            out
        })
    });
    g.finish();
}

criterion_group!(benches, tokenizer, rules, whole, output);
criterion_main!(benches);
