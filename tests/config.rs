//! Configuration files: the starter file is valid, the JSON Schema is generated from the
//! types and up to date, per-folder discovery, allow-list, include/exclude.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.env_remove("NO_COLOR");
    c
}

#[test]
fn starter_file_is_valid() {
    let cfg: helder::config::schema::ProjectConfig =
        serde_yaml::from_str(helder::config::STARTER).unwrap();
    assert!(cfg.rules.contains_key("lange-zin"));
}

#[test]
fn json_schema_is_up_to_date() {
    let schema = schemars::schema_for!(helder::config::schema::ProjectConfig);
    let expected = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/helder.schema.json");
    if std::env::var_os("HELDER_UPDATE_DOCS").is_some() {
        fs::write(path, &expected).unwrap();
    }
    assert!(
        fs::read_to_string(path).unwrap_or_default() == expected,
        "docs/helder.schema.json is verouderd: draai `HELDER_UPDATE_DOCS=1 cargo test --test config`"
    );
}

#[test]
fn init_writes_a_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    helder().current_dir(&dir).arg("init").assert().code(0);
    assert!(dir.path().join("helder.yaml").exists());
    helder()
        .current_dir(&dir)
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bestaat al"));
}

#[test]
fn nearest_config_applies_per_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    let strict = dir.path().join("streng");
    fs::create_dir(&strict).unwrap();
    fs::write(
        strict.join("helder.yaml"),
        "rules:\n  lange-zin:\n    params:\n      max_words: 5\n",
    )
    .unwrap();
    let text = "Wij sturen u morgen de nieuwe pas met de post.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    fs::write(strict.join("b.txt"), text).unwrap();
    helder()
        .current_dir(&dir)
        .args(["check", "--format", "compact", "."])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "b.txt:1:1: waarschuwing [lange-zin]",
        ))
        .stdout(predicate::str::contains("a.txt").not());
}

#[test]
fn allow_list_include_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(
        dir.path().join("helder.yaml"),
        "allow: [Indien]\nexclude: [\"archief/**\"]\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("archief")).unwrap();
    fs::write(
        dir.path().join("archief/oud.txt"),
        "Teneinde u te helpen.\n",
    )
    .unwrap();
    fs::write(dir.path().join("nu.txt"), "Indien u belt, helpen wij.\n").unwrap();
    helder()
        .current_dir(&dir)
        .args(["check", "--format", "compact", "."])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn unknown_key_gets_a_dutch_error_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("helder.yaml");
    fs::write(&cfg, "rules: {}\nalow: [x]\n").unwrap();
    helder()
        .args(["check", "--config"])
        .arg(&cfg)
        .arg("-")
        .write_stdin("Hoi.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder.yaml:2:1: onbekende sleutel 'alow'; bedoelde u 'allow'?",
        ));
}

#[test]
fn completions_are_generated() {
    helder()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("helder"));
}

#[test]
fn configured_placeholders_are_masked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(
        dir.path().join("helder.yaml"),
        "placeholders: ['##[A-Z_]+##']\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Beste ##INDIEN##, wij bellen u.\n",
    )
    .unwrap();
    helder()
        .current_dir(&dir)
        .args(["check", "--format", "compact", "a.txt"])
        .assert()
        .code(0)
        .stdout("");
    fs::write(
        dir.path().join("helder.yaml"),
        "placeholders: ['##[A-Z_+##']\n",
    )
    .unwrap();
    helder()
        .current_dir(&dir)
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ongeldig placeholder-patroon"));
}

/// build.rs embeds rules/*.yaml as JSON; the rules read from it must be exactly the rules
/// as the YAML states them (same order, same params, same texts).
#[test]
fn embedded_rules_are_the_yaml_files() {
    use helder::config::{default_defs, embedded::RULE_FILE_NAMES, schema::RuleDef};
    let mut from_yaml: Vec<RuleDef> = Vec::new();
    for name in RULE_FILE_NAMES {
        let path = format!("{}/rules/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        from_yaml.extend(serde_yaml::from_str::<Vec<RuleDef>>(&text).unwrap());
    }
    let embedded = default_defs().unwrap();
    assert!(embedded.len() >= 24);
    assert_eq!(
        serde_json::to_string(&embedded).unwrap(),
        serde_json::to_string(&from_yaml).unwrap()
    );
}
