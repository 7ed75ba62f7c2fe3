//! `kern-eerst` on the labelled letters of tests/corpus/kern-eerst (written by a colleague,
//! not edited to fit the rule): it must flag the letters with the main message buried
//! and leave the letters that start with it. `cargo run --example kern_eerst_eval` prints
//! the confusion table and the messages.

use helder::{check_str, default_rules};
use std::path::Path;

fn flagged(rules: &helder::rules::RuleSet, path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap();
    check_str(&text, rules)
        .iter()
        .any(|f| f.rule == "kern-eerst")
}

#[test]
fn buried_letters_are_flagged_and_good_ones_are_not() {
    let rules = default_rules();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/kern-eerst");
    let labels = std::fs::read_to_string(dir.join("LABELS.tsv")).unwrap();
    let (mut buried_hit, mut buried, mut good_clean, mut good) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let f = flagged(&rules, &dir.join(cols[0]));
        match cols[1] {
            "begraven" => {
                buried += 1;
                buried_hit += usize::from(f);
                if !f {
                    wrong.push(format!("niet gemeld: {}", cols[0]));
                }
            }
            "goed" => {
                good += 1;
                good_clean += usize::from(!f);
                if f {
                    wrong.push(format!("onterecht gemeld: {}", cols[0]));
                }
            }
            other => panic!("onbekend label {other}"),
        }
    }
    assert_eq!((buried, good), (12, 12));
    assert!(
        buried_hit >= 11 && good_clean >= 11,
        "begraven gemeld {buried_hit}/12, goed met rust gelaten {good_clean}/12\n{}",
        wrong.join("\n")
    );
}

#[test]
fn well_written_corpus_letters_are_left_alone() {
    let rules = default_rules();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/letters");
    let good = [
        "03-toekenning-bijzondere-bijstand.txt",
        "07-afspraakbevestiging-ziekenhuis.txt",
        "09-verhuisbericht-huisarts.txt",
        "13-einde-abonnement.txt",
        "15-wijziging-afvalinzameling.txt",
        "17-welkom-webshop.txt",
        "21-reparatie-afspraak-cv-ketel.txt",
        "26-bevestiging-betalingsregeling.txt",
        "27-compensatie-storing.txt",
        "28-afspraak-paspoort.txt",
    ];
    let wrong: Vec<&str> = good
        .iter()
        .copied()
        .filter(|f| flagged(&rules, &dir.join(f)))
        .collect();
    assert!(wrong.is_empty(), "onterecht gemeld: {wrong:?}");
}

#[test]
fn example_letter_is_flagged_and_its_rewrite_is_not() {
    let rules = default_rules();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("voorbeelden");
    assert!(flagged(&rules, &dir.join("brief.txt")));
    assert!(!flagged(&rules, &dir.join("brief-herschreven.txt")));
}
