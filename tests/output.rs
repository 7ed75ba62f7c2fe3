//! Every output format on the same short letter, as snapshots (the output is the
//! product), plus exit codes, inline suppression and baselines.

use assert_cmd::Command;
use std::fs;

fn helder(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("helder")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn terminal_format() {
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--color",
        "never",
        "tests/fixtures/kort.txt",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn compact_format() {
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--format",
        "compact",
        "tests/fixtures/kort.txt",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn github_format() {
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--format",
        "github",
        "tests/fixtures/kort.txt",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_format() {
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--format",
        "sarif",
        "tests/fixtures/kort.txt",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let run = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(rules[i]["help"]["text"].as_str().unwrap().len() > 20);
    }
    let als = results
        .iter()
        .find(|r| r["ruleId"] == "ambtelijk-woord")
        .unwrap();
    assert_eq!(
        als["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Als"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn json_format() {
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "tests/fixtures/kort.txt",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = "tests/fixtures/kort.txt";
    assert_eq!(
        helder(&["check", "--isolated", "--fail-on", "error", clean]).1,
        0
    );
    assert_eq!(
        helder(&["check", "--isolated", "--fail-on", "warning", clean]).1,
        1
    );
    assert_eq!(helder(&["check", "--isolated", "bestaat/niet.txt"]).1, 2);
    assert_eq!(
        helder(&["check", "--isolated", "--format", "yaml", clean]).1,
        2
    );
}

#[test]
fn inline_suppression_and_unused_suppression() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.md");
    fs::write(
        &p,
        "<!-- helder-disable-next-line ontkenning -->\nU kunt niet online betalen.\n\n\
         <!-- helder-disable lijdende-vorm -->\nUw adres is aangepast.\n\
         <!-- helder-enable lijdende-vorm -->\n\n\
         <!-- helder-disable-next-line lange-zin -->\nWij sturen de pas.\n",
    )
    .unwrap();
    let (out, _) = helder(&[
        "check",
        "--isolated",
        "--fail-on",
        "info",
        "--format",
        "compact",
        p.to_str().unwrap(),
    ]);
    assert!(!out.contains("[ontkenning]"), "{out}");
    assert!(!out.contains("[lijdende-vorm]"), "{out}");
    assert!(out.contains(":8:1: tip [ongebruikte-uitzondering] Deze uitzondering voor 'lange-zin' onderdrukt niets"), "{out}");
}

#[test]
fn baseline_reports_only_new_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.txt");
    let base = dir.path().join("baseline.json");
    fs::write(&p, "Indien u belt, helpen wij.\n").unwrap();
    let (_, code) = helder(&[
        "check",
        "--isolated",
        "--write-baseline",
        base.to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    // The known finding moves two lines down; a new one is added.
    fs::write(
        &p,
        "Hallo.\n\nIndien u belt, helpen wij.\nTeneinde u te helpen, bellen wij.\n",
    )
    .unwrap();
    let (out, code) = helder(&[
        "check",
        "--isolated",
        "--format",
        "compact",
        "--baseline",
        base.to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains(":4:1: waarschuwing [ambtelijk-woord] 'Teneinde'"),
        "{out}"
    );
    assert!(!out.contains("'Indien'"), "{out}");
}
