//! Evaluates `kern-eerst` on the labelled letters in tests/corpus/kern-eerst (LABELS.tsv:
//! "goed" = main message and action first, "begraven" = buried) and prints the confusion
//! table; then prints what the letter rules say on each letter of tests/corpus/letters.
//!
//! `cargo run --example kern_eerst_eval`

use helder::{check_str, default_rules};
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let rules = default_rules();
    let labels = std::fs::read_to_string(root.join("kern-eerst/LABELS.tsv")).unwrap();
    let (mut tp, mut fn_, mut fp, mut tn) = (0, 0, 0, 0);
    println!("== tests/corpus/kern-eerst ==");
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, label) = (cols[0], cols[1]);
        let text = std::fs::read_to_string(root.join("kern-eerst").join(file)).unwrap();
        let found: Vec<_> = check_str(&text, &rules)
            .into_iter()
            .filter(|f| f.rule == "kern-eerst")
            .collect();
        let flagged = !found.is_empty();
        match (label, flagged) {
            ("begraven", true) => tp += 1,
            ("begraven", false) => fn_ += 1,
            (_, true) => fp += 1,
            (_, false) => tn += 1,
        }
        let verdict = if (label == "begraven") == flagged {
            "ok "
        } else {
            "FOUT"
        };
        println!("{verdict} {label:<9} {file}");
        for f in &found {
            println!("       {}", f.message);
        }
    }
    println!();
    println!("                 gemeld   niet gemeld");
    println!("begraven (12)    {tp:>6}   {fn_:>11}");
    println!("goed (12)        {fp:>6}   {tn:>11}");
    println!();
    println!("== tests/corpus/letters ==");
    let mut files: Vec<_> = std::fs::read_dir(root.join("letters"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy();
        let found: Vec<_> = check_str(&text, &rules)
            .into_iter()
            .filter(|f| {
                matches!(
                    f.rule,
                    "kern-eerst"
                        | "eerste-alinea-lang"
                        | "nietszeggend-onderwerp"
                        | "tussenkopjes"
                        | "lange-alinea"
                )
            })
            .collect();
        println!("{name}");
        for f in found {
            println!("    [{}] {}", f.rule, f.message);
        }
    }
}
