//! Where the time goes on one text: tokeniser, each rule, locating and rendering.
//! `cargo run --release --example rule_timings -- FILE` prints milliseconds and MB/s per
//! stage, slowest first; used to pick the next optimisation (docs/performance.md).

use helder::input::{self, Format};
use helder::report::{Options, analyze_with};
use helder::text::Document;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("gebruik: rule_timings BESTAND");
    let bytes = std::fs::read(&path).expect("bestand lezen");
    let mb = bytes.len() as f64 / 1e6;
    let t = Instant::now();
    let words = helder::text::frequency::len();
    let freq = t.elapsed();
    let t = Instant::now();
    let _ = helder::text::lexicon::lexicon();
    let lex = t.elapsed();
    let t = Instant::now();
    let defs = helder::config::default_defs().expect("ingebouwde regels");
    let yaml = t.elapsed();
    // RULE_TIMINGS_BUILD=<id>: build that rule 200 times (for `perf record`), then stop.
    if let Ok(id) = std::env::var("RULE_TIMINGS_BUILD") {
        let d = defs.iter().find(|d| d.id == id).expect("regel-id");
        for _ in 0..200 {
            std::hint::black_box(helder::rules::registry::build(d).ok());
        }
        return;
    }
    let mut builds = Vec::new();
    for d in &defs {
        let t = Instant::now();
        let _ = helder::rules::registry::build(d);
        builds.push((d.id.clone(), t.elapsed()));
    }
    builds.sort_by_key(|b| std::cmp::Reverse(b.1));
    println!("regels uit YAML lezen: {:.1} ms", yaml.as_secs_f64() * 1e3);
    for (id, d) in builds.iter().take(8) {
        println!("  bouwen {id}: {:.2} ms", d.as_secs_f64() * 1e3);
    }
    let t = Instant::now();
    let rules = helder::default_rules();
    let build = t.elapsed();
    println!(
        "opstarten: frequentielijst ({words} woorden) {:.1} ms, lexicon {:.1} ms, regels {:.1} ms",
        freq.as_secs_f64() * 1e3,
        lex.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3
    );
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // RULE_TIMINGS_TOKENIZE=<n>: tokenise the text n times (for `perf record`), then stop.
    if let Ok(n) = std::env::var("RULE_TIMINGS_TOKENIZE") {
        for _ in 0..n.parse::<usize>().expect("aantal") {
            std::hint::black_box(Document::from_text(&text));
        }
        return;
    }
    let t = Instant::now();
    let doc = Document::from_text(&text);
    let tok = t.elapsed();
    // RULE_TIMINGS_CHECK=<n>: run all rules n times (for `perf record`), then stop.
    if let Ok(n) = std::env::var("RULE_TIMINGS_CHECK") {
        for _ in 0..n.parse::<usize>().expect("aantal") {
            std::hint::black_box(rules.check(&doc));
        }
        return;
    }
    // RULE_TIMINGS_RULE=<id>: run that one rule 20 times (for `perf record`), then stop.
    if let Ok(id) = std::env::var("RULE_TIMINGS_RULE") {
        let rule = rules.rules().find(|r| r.meta().id == id).expect("regel-id");
        for _ in 0..20 {
            let mut out = Vec::new();
            rule.check(&doc, &mut out);
            std::hint::black_box(out);
        }
        return;
    }
    // RULE_TIMINGS_COLD=1: each rule's first and second run, to see what a rule builds
    // lazily on its first text (start-up cost that `perf` on a warm loop hides).
    if std::env::var("RULE_TIMINGS_COLD").is_ok() {
        for r in rules.rules() {
            let mut out = Vec::new();
            let t = Instant::now();
            r.check(&doc, &mut out);
            let first = t.elapsed();
            let t = Instant::now();
            r.check(&doc, &mut out);
            let second = t.elapsed();
            println!(
                "{:>8.3} ms {:>8.3} ms  {}",
                first.as_secs_f64() * 1e3,
                second.as_secs_f64() * 1e3,
                r.meta().id
            );
        }
        let per_rule = rules.run(&doc);
        for _ in 0..2 {
            let t = Instant::now();
            let _ = helder::score::sentence_features(&doc, &rules, &per_rule, 20);
            println!(
                "{:>8.3} ms  sentence_features",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        return;
    }
    let mut rows = vec![("(tokeniser)".to_owned(), tok)];
    let mut total_rules = std::time::Duration::ZERO;
    for r in rules.rules() {
        let t = Instant::now();
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        let e = t.elapsed();
        total_rules += e;
        rows.push((format!("{} ({} bevindingen)", r.meta().id, out.len()), e));
    }
    let t = Instant::now();
    let all = rules.check(&doc);
    rows.push((
        format!("RuleSet::check ({} bevindingen)", all.len()),
        t.elapsed(),
    ));
    let per_rule = rules.run(&doc);
    let t = Instant::now();
    let f = helder::score::sentence_features(&doc, &rules, &per_rule, 20);
    rows.push((
        format!("sentence_features ({} zinnen)", f.len()),
        t.elapsed(),
    ));
    let t = Instant::now();
    let _ = helder::score::score_from(&doc, &f, 20);
    rows.push(("score_from".to_owned(), t.elapsed()));
    let t = Instant::now();
    let loaded = input::load(&bytes, Format::Text).expect("laden");
    let report = analyze_with(&path, loaded, Format::Text, &rules, Options::FINDINGS);
    rows.push(("analyze_with FINDINGS".to_owned(), t.elapsed()));
    let t = Instant::now();
    let loaded = input::load(&bytes, Format::Text).expect("laden");
    let _ = analyze_with(&path, loaded, Format::Text, &rules, Options::FULL);
    rows.push(("analyze_with FULL".to_owned(), t.elapsed()));
    let t = Instant::now();
    let mut sink = Vec::new();
    helder::render::compact::render(&mut sink, std::slice::from_ref(&report)).ok();
    rows.push(("compact renderen".to_owned(), t.elapsed()));
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!(
        "{mb:.1} MB; regels bouwen {:.1} ms; som van de regels {:.0} ms",
        build.as_secs_f64() * 1e3,
        total_rules.as_secs_f64() * 1e3
    );
    for (name, d) in rows {
        let s = d.as_secs_f64();
        println!("{:>9.1} ms {:>8.1} MB/s  {name}", s * 1e3, mb / s);
    }
}
