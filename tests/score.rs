//! The B1 score ranks texts the way readers would: on the 44 calibration pairs
//! (tests/corpus/paren), the plain rewrite scores easier than the original in at least
//! 95% of pairs. The figures are in docs/score.md
//! (`cargo run --release --example score_calibration`).

use helder::input::{self, Format};
use helder::report::analyze;

fn score(path: &std::path::Path, rules: &helder::rules::RuleSet) -> helder::score::Score {
    let bytes = std::fs::read(path).unwrap();
    let loaded = input::load(&bytes, Format::Text).unwrap();
    analyze("x", loaded, Format::Text, rules).score
}

#[test]
fn rewrites_score_easier_in_at_least_95_percent_of_pairs() {
    let rules = helder::default_rules();
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/paren"));
    let mut pairs = 0;
    let mut easier = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix("-origineel.txt") else {
            continue;
        };
        let o = score(&dir.join(&name), &rules);
        let h = score(&dir.join(format!("{stem}-herschreven.txt")), &rules);
        pairs += 1;
        if h.b1_score > o.b1_score {
            easier += 1;
        }
    }
    assert!(pairs >= 40, "te weinig paren: {pairs}");
    assert!(
        easier * 100 >= pairs * 95,
        "herschreven makkelijker in {easier}/{pairs} paren"
    );
}

#[test]
fn example_letter_changes_level_after_its_rewrite() {
    let rules = helder::default_rules();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let before = score(&root.join("voorbeelden/brief.txt"), &rules);
    let after = score(&root.join("voorbeelden/brief-herschreven.txt"), &rules);
    assert!(matches!(before.level, "B2" | "C1+"), "{}", before.level);
    assert!(matches!(after.level, "A2" | "B1"), "{}", after.level);
    assert!(!before.factors.is_empty());
}
