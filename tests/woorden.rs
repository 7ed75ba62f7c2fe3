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
            advice.extend(f.hint.as_deref().map(str::to_owned));
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

/// The example `helder.yaml` of docs/huisstijl.md, as a writer would copy it.
fn house_style_example() -> RuleSet {
    let doc = include_str!("../docs/huisstijl.md");
    let start = doc.find("```yaml\n").expect("yaml block") + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    project(&doc[start..end])
}

#[test]
fn house_style_from_the_documented_example() {
    let rules = house_style_example();
    let found = findings("De cliënt belt ons.", &rules);
    assert!(
        found
            .iter()
            .any(|(r, t, a)| r == "huisstijl" && t == "cliënt" && a[0] == "cliënt → huurder"),
        "{found:#?}"
    );
    let found = findings("De cliënten bellen ons.", &rules);
    assert!(
        found
            .iter()
            .any(|(_, _, a)| a.first().map(String::as_str) == Some("cliënten → huurders")),
        "{found:#?}"
    );
    // A forbidden word without an alternative.
    let msg: Vec<String> = check_str("Dat doen we sowieso.", &rules)
        .into_iter()
        .filter(|f| f.rule == "huisstijl")
        .map(|f| f.message)
        .collect();
    assert_eq!(
        msg,
        ["'sowieso' past niet bij onze huisstijl. Schrijf een ander woord."]
    );
    // Verbs from `extra` with the ww flag are inflected.
    assert_eq!(
        flagged_by("Wij hebben uw klacht geëscaleerd.", &rules, "huisstijl"),
        ["geëscaleerd"]
    );
    // Sectors: zorg is off; allow-lists per rule.
    assert!(flagged_by("Uw hematoom is genezen.", &rules, "ambtelijk-woord").is_empty());
    assert!(
        flagged_by(
            "Dit staat in de huurovereenkomst.",
            &rules,
            "ambtelijk-woord"
        )
        .is_empty()
    );
    assert_eq!(
        flagged_by(
            "Dit staat in de huurovereenkomst.",
            &default_rules(),
            "ambtelijk-woord"
        ),
        ["huurovereenkomst"]
    );
    assert!(flagged_by("Wij regelen de bewindvoering.", &rules, "moeilijk-woord").is_empty());
    assert!(flagged_by("Hoogachtend,", &rules, "standaardzin").is_empty());
    assert!(flagged_by("Vraag het de VvE.", &rules, "afkorting").is_empty());
    // A stricter long-word threshold.
    let text = "U krijgt een betalingsregeling.";
    assert!(flagged_by(text, &default_rules(), "lang-woord").is_empty());
    assert_eq!(
        flagged_by(text, &rules, "lang-woord"),
        ["betalingsregeling"]
    );
}

#[test]
fn explain_names_the_list_its_size_and_sources() {
    let out = assert_cmd::Command::cargo_bin("helder")
        .unwrap()
        .args(["explain", "ambtelijk-woord"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let count: usize = text
        .split("Lijst: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .map(|n| n.replace('.', "").parse().unwrap())
        .unwrap();
    assert!(count >= 1000, "{text}");
    assert!(text.contains(" woorden en woordgroepen uit wordlists/ambtelijk.tsv"));
    assert!(text.contains("zorg 98"));
    assert!(text.contains("Voorbeelden:"));
    assert!(text.contains("Bronnen:"));
    for id in [
        "moeilijk-woord",
        "lang-woord",
        "afkorting",
        "vaag-woord",
        "standaardzin",
    ] {
        let out = assert_cmd::Command::cargo_bin("helder")
            .unwrap()
            .args(["explain", id])
            .output()
            .unwrap();
        assert!(out.status.success(), "{id}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Bronnen:"), "{id}");
        if id != "lang-woord" {
            assert!(text.contains("Lijst: "), "{id}: {text}");
        }
    }
}

#[test]
fn word_rules_have_full_precision_sets() {
    #[derive(serde::Deserialize)]
    struct Cases {
        rule: String,
        flag: Vec<String>,
        allow: Vec<String>,
    }
    for id in [
        "ambtelijk-woord",
        "moeilijk-woord",
        "lang-woord",
        "afkorting",
        "vaag-woord",
        "standaardzin",
    ] {
        let path = format!("{}/tests/cases/{id}.yaml", env!("CARGO_MANIFEST_DIR"));
        let cases: Cases = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(cases.rule, id);
        assert!(
            cases.flag.len() >= 20,
            "{id}: {} om te melden",
            cases.flag.len()
        );
        assert!(
            cases.allow.len() >= 20,
            "{id}: {} om met rust te laten",
            cases.allow.len()
        );
    }
}
