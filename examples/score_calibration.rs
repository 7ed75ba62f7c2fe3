//! Calibration of helder's B1 score on pairs of an original text and its plain-language
//! rewrite (tests/corpus/paren/): the rewrite must score easier in at least 95% of the
//! pairs. Prints per pair the scores, levels, Flesch-Douma and the three costliest
//! factors, and the totals reported in docs/score.md.
//!
//!     cargo run --release --example score_calibration

use helder::input::{self, Format};
use helder::report::analyze;

fn score(path: &std::path::Path) -> helder::score::Score {
    let bytes = std::fs::read(path).expect("readable pair file");
    let rules = helder::default_rules();
    let loaded = input::load(&bytes, Format::Text).expect("text");
    analyze(&path.display().to_string(), loaded, Format::Text, &rules).score
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/paren");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("pair folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix("-origineel.txt").map(str::to_owned))
        .collect();
    names.sort();
    let (mut easier, mut fd_easier) = (0, 0);
    let mut levels_orig = std::collections::BTreeMap::new();
    let mut levels_new = std::collections::BTreeMap::new();
    let mut gaps = Vec::new();
    for n in &names {
        let o = score(&std::path::Path::new(dir).join(format!("{n}-origineel.txt")));
        let h = score(&std::path::Path::new(dir).join(format!("{n}-herschreven.txt")));
        let ok = h.b1_score > o.b1_score;
        easier += usize::from(ok);
        fd_easier += usize::from(h.flesch_douma > o.flesch_douma);
        *levels_orig.entry(o.level).or_insert(0) += 1;
        *levels_new.entry(h.level).or_insert(0) += 1;
        gaps.push(h.b1_score - o.b1_score);
        let top: Vec<&str> = o.factors.iter().map(|f| f.name).collect();
        println!(
            "{} {n:<40} origineel {:>5.1} {:<3}  herschreven {:>5.1} {:<3}  (Flesch-Douma {:>5.1} → {:>5.1})  origineel kost vooral: {}",
            if ok { "✓" } else { "✗" },
            o.b1_score,
            o.level,
            h.b1_score,
            h.level,
            o.flesch_douma,
            h.flesch_douma,
            top.join(", ")
        );
    }
    gaps.sort_by(f64::total_cmp);
    let pct = 100.0 * easier as f64 / names.len() as f64;
    println!();
    println!(
        "herschreven scoort makkelijker: {easier}/{} paren ({pct:.1}%); Flesch-Douma alleen: {fd_easier}/{}",
        names.len(),
        names.len()
    );
    println!(
        "verschil herschreven − origineel: min {:.1}, mediaan {:.1}, max {:.1}",
        gaps[0],
        gaps[gaps.len() / 2],
        gaps[gaps.len() - 1]
    );
    println!("niveaus origineel: {levels_orig:?}");
    println!("niveaus herschreven: {levels_new:?}");
}
