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

#[test]
fn acceptance_officialese_request_gets_all_four_plain_words() {
    let text = "Wij verzoeken u het formulier te retourneren teneinde uw aanvraag in behandeling te kunnen nemen.";
    let found = findings(text, &default_rules());
    let advice: Vec<String> = found.iter().flat_map(|(_, _, a)| a.clone()).collect();
    for expected in [
        "verzoeken → vragen",
        "retourneren → terugsturen",
        "teneinde → om",
    ] {
        assert!(
            advice.iter().any(|a| a == expected),
            "{expected} ontbreekt in {found:#?}"
        );
    }
    // The phrase is split over the sentence: the advice is a hint with the plain verb.
    assert!(
        found.iter().any(|(r, t, a)| r == "ambtelijk-woord"
            && t.starts_with("in behandeling")
            && a.iter().any(|h| h.contains("behandelen"))),
        "in behandeling nemen → behandelen ontbreekt in {found:#?}"
    );
}

#[test]
fn each_place_gets_one_word_finding() {
    // "Wij verzoeken u" is a stock phrase and "verzoeken" officialese: one finding,
    // with both pieces of advice.
    let text = "Wij verzoeken u het formulier te ondertekenen.";
    let found = findings(text, &default_rules());
    let word_level: Vec<_> = found
        .iter()
        .filter(|(r, _, _)| r == "standaardzin" || r == "ambtelijk-woord")
        .collect();
    assert_eq!(word_level.len(), 1, "{found:#?}");
    assert_eq!(word_level[0].0, "standaardzin");
    assert!(word_level[0].2.iter().any(|a| a == "verzoeken → vragen"));
}
