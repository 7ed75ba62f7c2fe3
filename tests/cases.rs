//! Precision sets: `tests/cases/<rule-id>.yaml` lists texts the rule must flag and texts
//! it must leave alone (names, quotations, the same letters in another word, …).
//!
//! ```yaml
//! rule: lijdende-vorm
//! flag:
//!   - "De rekening wordt door ons verstuurd."
//! allow:
//!   - "Wij sturen u de rekening."
//! ```

use helder::{check_str, default_rules};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    rule: String,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

#[test]
fn precision_sets_hold() {
    let rules = default_rules();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in files {
        let cases: Cases = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| {
                panic!("{}: {e}", path.display());
            });
        assert!(
            rules.get(&cases.rule).is_some(),
            "{}: onbekende regel {}",
            path.display(),
            cases.rule
        );
        assert_eq!(
            path.file_stem().unwrap().to_str().unwrap(),
            cases.rule,
            "bestandsnaam = regel-id"
        );
        for text in &cases.flag {
            if !check_str(text, &rules).iter().any(|f| f.rule == cases.rule) {
                failures.push(format!("{}: niet gemeld: {text}", cases.rule));
            }
        }
        for text in &cases.allow {
            let hits: Vec<String> = check_str(text, &rules)
                .into_iter()
                .filter(|f| f.rule == cases.rule)
                .map(|f| text[f.span.start..f.span.end].to_owned())
                .collect();
            if !hits.is_empty() {
                failures.push(format!("{}: onterecht {hits:?} in: {text}", cases.rule));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
