//! The command-line contract as a user sees it: exit codes, positions, formats, Dutch
//! errors. Runs the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn officialese_negation_and_passive_are_reported_with_places() {
    helder()
        .args(["check", "--isolated", "-"])
        .write_stdin(
            "Indien u niet tijdig betaalt, wordt de vordering door ons uit handen gegeven.\n",
        )
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "-:1:1: waarschuwing [ambtelijk-woord]",
        ))
        .stdout(predicate::str::contains("+ Als u niet tijdig betaalt"))
        .stdout(predicate::str::contains("-:1:10: tip [ontkenning]"))
        .stdout(predicate::str::contains(
            "-:1:31: waarschuwing [lijdende-vorm]",
        ));
}

#[test]
fn a_plain_sentence_passes() {
    helder()
        .args(["check", "--isolated", "-"])
        .write_stdin("Wij sturen u de nieuwe pas vandaag.\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Geen bevindingen in 1 bestand."));
}

#[test]
fn tips_do_not_fail_by_default_but_do_with_fail_on_info() {
    let text = "U kunt niet meer online betalen.\n";
    helder()
        .args(["check", "--isolated", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    helder()
        .args(["check", "--isolated", "--fail-on", "info", "-"])
        .write_stdin(text)
        .assert()
        .code(1);
}

#[test]
fn json_output_has_the_documented_fields() {
    let out = helder()
        .args(["check", "--isolated", "--format", "json", "voorbeelden/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "path",
            "rule",
            "severity",
            "severity_label",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "start",
            "end",
            "text",
            "suggestions",
        ] {
            assert!(f.get(key).is_some(), "{key} ontbreekt in {f}");
        }
        // The flagged text is what stands at those bytes in the file.
        let bytes = fs::read(f["path"].as_str().unwrap()).unwrap();
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&bytes[s..e]),
            f["text"].as_str().unwrap()
        );
    }
    assert!(v["files"][0]["score"]["flesch_douma"].is_number());
}

#[test]
fn crlf_and_bom_keep_lines_columns_and_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.txt");
    fs::write(
        &p,
        b"\xEF\xBB\xBFBeste klant,\r\n\r\nU kunt niet meer online betalen.\r\n",
    )
    .unwrap();
    let out = helder()
        .args(["check", "--isolated", "--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "ontkenning");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(8))
    );
    let bytes = fs::read(&p).unwrap();
    let s = f["start"].as_u64().unwrap() as usize;
    assert_eq!(&bytes[s..s + 4], b"niet");
}

#[test]
fn windows_1252_is_read_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("oud.txt");
    fs::write(
        &p,
        b"Wij hebben uw brief ontvangen. U krijgt geen \x80 5 terug.\n",
    )
    .unwrap();
    helder()
        .args(["check", "--isolated"])
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("gelezen als Windows-1252"))
        .stdout(predicate::str::contains("[ontkenning]"));
}

#[test]
fn a_missing_file_is_a_dutch_error_with_exit_2_and_others_are_still_checked() {
    helder()
        .args([
            "check",
            "--isolated",
            "bestaat-niet.txt",
            "voorbeelden/brief-herschreven.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder: bestaat-niet.txt: bestand of map bestaat niet",
        ))
        .stdout(predicate::str::contains(
            "voorbeelden/brief-herschreven.txt",
        ));
}

#[test]
fn binary_files_are_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plaatje.txt");
    fs::write(&p, b"\x89PNG\x00\x00\x01\x02").unwrap();
    helder()
        .args(["check", "--isolated"])
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binair bestand"));
}

#[test]
fn markdown_code_is_not_prose_and_positions_are_in_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mail.md");
    fs::write(
        &p,
        "# Uw pas\n\n```\nniet niet niet\n```\n\nU kunt **niet** meer betalen.\n",
    )
    .unwrap();
    let out = helder()
        .args(["check", "--isolated", "--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(7), Some(10))
    );
}

#[test]
fn score_json_lists_every_sentence_with_its_place() {
    let out = helder()
        .args(["score", "--isolated", "--format", "json", "-"])
        .write_stdin("Wij sturen u de pas. U krijgt hem morgen.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = v["files"][0]["sentences"].as_array().unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(s[1]["column"], 22);
    assert_eq!(s[1]["words"], 4);
    for key in ["line", "column", "end_line", "end_column", "start", "end"] {
        assert!(s[0].get(key).is_some(), "{key}");
    }
}

#[test]
fn score_terminal_shows_the_formulas_and_b1_indication() {
    helder()
        .args(["score", "--isolated", "voorbeelden/brief.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Flesch-Douma"))
        .stdout(predicate::str::contains("Brouwer"))
        .stdout(predicate::str::contains("B1-indicatie"));
}

#[test]
fn explain_and_rules() {
    helder()
        .args(["explain", "lange-zin"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Voorbeelden:"));
    helder()
        .args(["explain", "lange-zinnen"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Bedoelde u 'lange-zin'?"));
    helder()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("lijdende-vorm"));
}

#[test]
fn configuration_changes_a_rule_and_unknown_ids_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("helder.yaml");
    fs::write(&cfg, "rules:\n  ontkenning:\n    enabled: false\n").unwrap();
    helder()
        .args(["check", "--fail-on", "info", "--config"])
        .arg(&cfg)
        .arg("-")
        .write_stdin("U kunt niet meer online betalen.\n")
        .assert()
        .code(0);
    fs::write(&cfg, "rules:\n  lange-zinn:\n    severity: info\n").unwrap();
    helder()
        .args(["check", "--config"])
        .arg(&cfg)
        .arg("-")
        .write_stdin("Hoi.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder.yaml:2:3: onbekende regel 'lange-zinn'; bedoelde u 'lange-zin'?",
        ));
}

#[test]
fn colour_follows_the_flag_and_is_off_in_pipes() {
    let text = "U kunt niet meer online betalen.\n";
    let plain = helder()
        .args(["check", "--isolated", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = helder()
        .args(["check", "--isolated", "--color", "always", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\x1b'));
}
