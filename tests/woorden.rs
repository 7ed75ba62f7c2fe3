//! The word rules as a writer meets them: the acceptance sentences of the word-list
//! issue, sector switches and house style from a project's `helder.yaml`.

use helder::config::schema::ProjectConfig;
use helder::finding::Finding;
use helder::rules::RuleSet;
use helder::{check_str, default_rules};
use std::path::Path;

fn project(yaml: &str) -> RuleSet {
    let cfg: ProjectConfig = serde_yaml::from_str(yaml).unwrap();
    helder::config::rule_set(Some((Path::new("helder.yaml"), &cfg))).unwrap()
}

/// (rule, flagged text, suggestions and hint) of every finding.
fn findings(text: &str, rules: &RuleSet) -> Vec<(String, String, Vec<String>)> {
    check_str(text, rules)
        .into_iter()
        .map(|f: Finding| {
            let mut advice: Vec<String> = f
                .suggestions
                .iter()
                .map(|s| format!("{} → {}", &text[s.span.start..s.span.end], s.replacement))
                .collect();
            advice.extend(f.hint.clone());
            (
                f.rule.to_owned(),
                text[f.span.start..f.span.end].to_owned(),
                advice,
            )
        })
        .collect()
}

fn flagged_by(text: &str, rules: &RuleSet, rule: &str) -> Vec<String> {
    findings(text, rules)
        .into_iter()
        .filter(|(r, _, _)| r == rule)
        .map(|(_, t, _)| t)
        .collect()
}

#[test]
fn sectors_can_be_switched_in_helder_yaml() {
    let text = "Uw hematoom is goed genezen. Wij sturen u de stornering.";
    let all = default_rules();
    assert_eq!(
        flagged_by(text, &all, "ambtelijk-woord"),
        ["hematoom", "stornering"]
    );
    let rules =
        project("rules:\n  ambtelijk-woord:\n    params:\n      sectors: [algemeen, financieel]\n");
    assert_eq!(flagged_by(text, &rules, "ambtelijk-woord"), ["stornering"]);
    let rules = project("rules:\n  ambtelijk-woord:\n    params:\n      sectors: [zorg]\n");
    assert_eq!(flagged_by(text, &rules, "ambtelijk-woord"), ["hematoom"]);
    // The other params of the rule (the list) stay.
    assert!(flagged_by("Indien u wilt.", &rules, "ambtelijk-woord").is_empty());
}

#[test]
fn acceptance_a_plain_payout_sentence_is_not_flagged() {
    let rules = default_rules();
    let found = findings("De verzekeraar keert het bedrag uit.", &rules);
    assert!(
        !found
            .iter()
            .any(|(r, _, _)| r == "moeilijk-woord" || r == "ambtelijk-woord"),
        "{found:?}"
    );
}
