//! Measures helder against Dutch gold annotation (Universal Dependencies dev files):
//! sentence-boundary F1 and passive-voice precision/recall at sentence level.
//!
//!     cargo run --release --example ud_eval -- ../shared/data/ud-nl
//!
//! Paragraphs are built as the data README says: consecutive sentences with closing
//! punctuation are joined with one space (up to five per paragraph); a sentence without
//! closing punctuation (a heading, a list item) stands alone; paragraphs are separated by
//! a blank line. Boundaries *inside* paragraphs are compared. A sentence is passive in
//! the gold data when one of its tokens has deprel `aux:pass`; helder's `lijdende-vorm`
//! rule is run on each gold sentence on its own. Pass `-v` to list the errors and
//! `--check` to exit 1 when a figure is below the targets (F1 ≥ 0.99; passive
//! precision ≥ 0.90 and recall ≥ 0.85), as CI does.

use helder::text::Document;
use std::collections::BTreeSet;
use std::path::Path;

struct Gold {
    text: String,
    passive: bool,
}

fn read_conllu(path: &Path) -> Vec<Gold> {
    let data = std::fs::read_to_string(path).expect("readable conllu file");
    let mut out = Vec::new();
    let mut text = None;
    let mut passive = false;
    for line in data.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.trim().to_owned());
            passive = false;
        } else if line.is_empty() {
            if let Some(t) = text.take() {
                out.push(Gold { text: t, passive });
            }
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 7 && cols[7] == "aux:pass" {
                passive = true;
            }
        }
    }
    if let Some(t) = text {
        out.push(Gold { text: t, passive });
    }
    out
}

fn closes(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['\'', '"', ')', '’', '”', ']']);
    t.ends_with(['.', '!', '?', '…'])
}

fn f1(gold: &BTreeSet<usize>, pred: &BTreeSet<usize>) -> (f64, f64, f64, usize, usize, usize) {
    let tp = gold.intersection(pred).count();
    let p = if pred.is_empty() {
        1.0
    } else {
        tp as f64 / pred.len() as f64
    };
    let r = if gold.is_empty() {
        1.0
    } else {
        tp as f64 / gold.len() as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f, tp, pred.len() - tp, gold.len() - tp)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    // --check: fail (exit 1) below the targets of issue #2, for CI.
    let check = args.iter().any(|a| a == "--check");
    let mut below = Vec::new();
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| "../shared/data/ud-nl".to_owned());
    let rules = helder::default_rules();
    let passive_rule = rules.get("lijdende-vorm").expect("lijdende-vorm rule");
    for name in ["nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu"] {
        let path = Path::new(&dir).join(name);
        if !path.exists() {
            eprintln!("{} niet gevonden; overgeslagen", path.display());
            continue;
        }
        let gold = read_conllu(&path);

        // Sentence boundaries.
        let mut text = String::new();
        let mut gold_inner = BTreeSet::new();
        let mut para_ends = BTreeSet::new();
        let mut in_para = 0;
        for g in &gold {
            let stands_alone = !closes(&g.text);
            if !text.is_empty() {
                if stands_alone || in_para == 0 || in_para >= 5 {
                    para_ends.insert(text.len());
                    text.push_str("\n\n");
                    in_para = 0;
                } else {
                    gold_inner.insert(text.len());
                    text.push(' ');
                }
            }
            text.push_str(&g.text);
            in_para = if stands_alone { 0 } else { in_para + 1 };
        }
        para_ends.insert(text.len());
        let doc = Document::from_text(&text);
        let pred_inner: BTreeSet<usize> = doc
            .sentences
            .iter()
            .map(|s| s.span.end)
            .filter(|e| !para_ends.contains(e))
            .collect();
        let (p, r, f, _, fp, fn_) = f1(&gold_inner, &pred_inner);
        if f < 0.99 {
            below.push(format!("{name}: zins-F1 {f:.4} < 0,99"));
        }
        println!("{name}");
        println!(
            "  zinsgrenzen binnen alinea's: P {p:.4}  R {r:.4}  F1 {f:.4}  (goud {}, fout-positief {fp}, gemist {fn_})",
            gold_inner.len()
        );
        if verbose {
            for e in pred_inner.difference(&gold_inner) {
                let a = text[..*e]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                let b = text[*e..]
                    .char_indices()
                    .nth(40)
                    .map_or(text.len(), |(i, _)| e + i);
                println!("    extra grens: {:?}‖{:?}", &text[a..*e], &text[*e..b]);
            }
            for e in gold_inner.difference(&pred_inner) {
                let a = text[..*e]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                let b = text[*e..]
                    .char_indices()
                    .nth(40)
                    .map_or(text.len(), |(i, _)| e + i);
                println!("    gemiste grens: {}‖{}", &text[a..*e], &text[*e..b]);
            }
        }

        // Passive voice, per gold sentence.
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for g in &gold {
            let doc = Document::from_text(&g.text);
            let mut found = Vec::new();
            passive_rule.check(&doc, &mut found);
            let pred = !found.is_empty();
            match (pred, g.passive) {
                (true, true) => tp += 1,
                (true, false) => {
                    fp += 1;
                    if verbose {
                        println!("    FP passief: {} ‖ {}", doc.slice(found[0].span), g.text);
                    }
                }
                (false, true) => {
                    fn_ += 1;
                    if verbose {
                        println!("    FN passief: {}", g.text);
                    }
                }
                _ => {}
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        println!(
            "  lijdende vorm per zin: P {p:.3}  R {r:.3}  (goud {}, juist {tp}, fout-positief {fp}, gemist {fn_})",
            tp + fn_
        );
        if p < 0.90 || r < 0.85 {
            below.push(format!(
                "{name}: lijdende vorm P {p:.3} / R {r:.3} < 0,90 / 0,85"
            ));
        }
    }
    if check && !below.is_empty() {
        eprintln!("onder de doelen:\n{}", below.join("\n"));
        std::process::exit(1);
    }
}
