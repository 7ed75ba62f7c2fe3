//! The table of bad inputs (docs/errors.md): one test per row, running the real binary.
//! Each bad input gets a Dutch message naming the file, the other files are still
//! checked, and the exit code is 2 only when the run could not do its whole job.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.env_remove("NO_COLOR").args(["check", "--isolated"]);
    c
}

/// A good letter next to every bad input: it must still be checked (one finding).
const GOOD: &str = "Indien u vragen heeft, kunt u ons bellen.\n";

fn with_good(dir: &Path) -> PathBuf {
    let p = dir.join("goed.txt");
    fs::write(&p, GOOD).unwrap();
    p
}

/// stdout shows the good letter's finding.
fn good_checked() -> impl Predicate<str> {
    predicate::str::contains("goed.txt:1:1: waarschuwing [ambtelijk-woord]")
}

#[test]
fn empty_file_gets_a_notice_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("leeg.txt");
    fs::write(&p, b"").unwrap();
    helder()
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "leeg.txt: let op: het bestand is leeg",
        ));
}

#[test]
fn whitespace_only_file_gets_a_notice_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wit.txt");
    fs::write(&p, b" \r\n\t\n   \n").unwrap();
    helder()
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "wit.txt: let op: het bestand bevat alleen witruimte",
        ));
}

#[test]
fn binary_file_named_is_an_error_found_in_a_folder_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    let bin = dir.path().join("plaatje.txt");
    fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01").unwrap();
    // Named on the command line: the user asked for it, so exit 2.
    helder()
        .arg(&bin)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "plaatje.txt: overgeslagen: dit lijkt een binair bestand, geen tekst",
        ))
        .stdout(good_checked());
    // Found while walking the folder: certainly not a letter, only a notice.
    helder()
        .args(["--format", "compact"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "plaatje.txt: overgeslagen: dit lijkt een binair bestand",
        ))
        .stdout(good_checked());
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kapot.txt");
    // A UTF-8 letter with one byte cut off a two-byte character.
    fs::write(&p, b"Het caf\xc3 is open. Indien u wilt, kom langs.\n").unwrap();
    helder()
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "kapot.txt: let op: geen geldige UTF-8 (eerste ongeldige byte op positie 7); gelezen als Windows-1252",
        ))
        .stdout(predicate::str::contains("[ambtelijk-woord]"));
}

#[test]
fn utf16_with_bom_is_decoded_and_positions_are_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Beste klant,\r\nIndien u vragen heeft, bel ons.\r\n";
    for (name, le) in [("le.txt", true), ("be.txt", false)] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let p = dir.path().join(name);
        fs::write(&p, &bytes).unwrap();
        let out = helder()
            .args(["--format", "json"])
            .arg(&p)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = &v["findings"][0];
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(2), Some(1))
        );
        // The byte offset is in the UTF-16 file: BOM plus two bytes per character.
        let start = f["start"].as_u64().unwrap() as usize;
        assert_eq!(start, 2 + 2 * "Beste klant,\r\n".len());
    }
    // UTF-16 with an odd number of bytes is refused, in Dutch.
    let odd = dir.path().join("oneven.txt");
    fs::write(&odd, b"\xFF\xFEa\x00b").unwrap();
    helder()
        .arg(&odd)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "oneven.txt: overgeslagen: ongeldige UTF-16-tekst",
        ));
}

#[test]
fn windows_1252_is_read_with_a_notice_and_exact_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("oud.txt");
    fs::write(&p, b"Caf\xe9 \x80 5: indien u wilt.\r\n").unwrap();
    let out = helder()
        .args(["--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["files"][0]["notices"][0]
            .as_str()
            .unwrap()
            .contains("gelezen als Windows-1252")
    );
    let f = &v["findings"][0];
    assert_eq!(f["text"], "indien");
    // One byte per character in the file: "Café € 5: " is 10 bytes.
    assert_eq!(f["start"].as_u64(), Some(10));
}

#[test]
fn a_200_mb_file_is_refused_before_reading_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    let big = dir.path().join("groot.txt");
    // Sparse: 200 MiB on paper, nothing on disk; removed with the folder.
    fs::File::create(&big).unwrap().set_len(200 << 20).unwrap();
    helder()
        .args(["--format", "compact"])
        .arg(&big)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "groot.txt: overgeslagen: het bestand is 200 MiB, groter dan de grens van 32 MiB",
        ))
        .stderr(predicate::str::contains("--max-file-size"))
        .stdout(good_checked());
    // The limit is configurable: by flag, and by max_file_size in helder.yaml.
    helder()
        .args(["--format", "compact", "--max-file-size", "16"])
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "goed.txt: overgeslagen: het bestand is 42 bytes, groter dan de grens van 16 bytes",
        ));
    let cfg = dir.path().join("helder.yaml");
    fs::write(&cfg, "max_file_size: 1K\n").unwrap();
    let mut c = Command::cargo_bin("helder").unwrap();
    c.args(["check", "--format", "compact", "--config"])
        .arg(&cfg)
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("grens van 1 KiB"));
    // Standard input is limited as it is read.
    helder()
        .args(["--max-file-size", "1K", "-"])
        .write_stdin("a ".repeat(1000))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder: -: overgeslagen: het bestand is meer dan 1 KiB",
        ));
}

#[test]
fn one_sentence_of_100000_words_finishes_and_reports_lange_zin() {
    // Commas with "en", list words, negations and no auxiliary: every rule's per-sentence
    // work is exercised, and all of it on one line (columns, terminal snippets).
    let cycle = "wij sturen u de nieuwe pas met de post , en indien u niet thuis \
                 bent , dan brengen wij derhalve";
    let mut words = Vec::new();
    let mut count = 0;
    for w in cycle.split_whitespace().cycle() {
        if count == 100_000 {
            break;
        }
        count += usize::from(w != ",");
        words.push(w);
    }
    let text = format!("Beste klant, {}.\n", words.join(" "));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("zin.txt");
    fs::write(&p, &text).unwrap();
    helder()
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "zin.txt:1:1: waarschuwing [lange-zin] Deze zin telt 100002 woorden",
        ))
        .stdout(predicate::str::contains("Splits de zin bij"));
}

#[test]
fn deeply_nested_html_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("diep.html");
    let html = format!(
        "{}<p>Indien u vragen heeft, bel ons.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    fs::write(&p, html).unwrap();
    helder()
        .args(["--format", "compact"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "diep.html:1:500004: waarschuwing [ambtelijk-woord]",
        ));
}

#[test]
fn a_docx_zip_bomb_is_refused_and_the_others_are_checked() {
    use std::io::Write;
    // 65 MiB of spaces deflate to about 65 KB: above the 64 MiB limit for the document,
    // and the declared size is honest, so the limit on reading is what stops it.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("word/document.xml", o).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        w.write_all(&chunk).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    let p = dir.path().join("bom.docx");
    fs::write(&p, bytes).unwrap();
    helder()
        .args(["--format", "compact"])
        .arg(&p)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bom.docx: geweigerd: word/document.xml is uitgepakt groter dan 64 MiB (mogelijk een zip-bom)",
        ))
        .stdout(good_checked());
}

#[test]
fn an_eml_with_1000_parts_is_read() {
    let mut mail = String::from(
        "From: a@b.nl\r\nSubject: Veel delen\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"GRENS\"\r\n\r\n",
    );
    for i in 0..1000 {
        mail.push_str(&format!(
            "--GRENS\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
             Deel {i}: indien u vragen heeft, bel ons.\r\n"
        ));
    }
    mail.push_str("--GRENS--\r\n");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("delen.eml");
    fs::write(&p, mail).unwrap();
    // The first text part is the body (docs/formaten.md).
    helder()
        .args(["--format", "compact"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "delen.eml:9:9: waarschuwing [ambtelijk-woord]",
        ));
}

/// A repository with a good letter at the root and a folder `sub` with its own
/// helder.yaml (`config`) and a letter.
fn repo_with_sub_config(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    with_good(dir.path());
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/helder.yaml"), config).unwrap();
    fs::write(dir.path().join("sub/brief.txt"), GOOD).unwrap();
    dir
}

/// `helder check` in the repository: exit 2, the config error on stderr, the letter
/// outside the broken configuration still checked, the one under it not.
fn assert_config_error(config: &str, message: &str) {
    let dir = repo_with_sub_config(config);
    let mut c = Command::cargo_bin("helder").unwrap();
    c.current_dir(&dir)
        .args(["check", "--format", "compact"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(message))
        .stderr(predicate::str::contains(
            "de bestanden onder deze configuratie zijn overgeslagen",
        ))
        .stdout(good_checked())
        .stdout(predicate::str::contains("brief.txt").not());
}

#[test]
fn malformed_yaml_configuration() {
    assert_config_error(
        "rules:\n  lange-zin:\n    params: { max_words: 12\n",
        "sub/helder.yaml:4:1: ongeldige YAML:",
    );
    assert_config_error(
        "rules:\n\tlange-zin: {}\n",
        "sub/helder.yaml:2:1: ongeldige YAML: een teken waarmee niets kan beginnen (een tab? YAML wil spaties)",
    );
    // With --config the whole run depends on it: it stops, naming file, line and column.
    let dir = repo_with_sub_config("allow: [x\n");
    let mut c = Command::cargo_bin("helder").unwrap();
    c.current_dir(&dir)
        .args(["check", "--config", "sub/helder.yaml", "goed.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder: sub/helder.yaml:2:1: ongeldige YAML",
        ));
}

#[test]
fn unknown_rule_id_in_configuration() {
    assert_config_error(
        "rules:\n  lange-zinn:\n    severity: info\n",
        "sub/helder.yaml:2:3: onbekende regel 'lange-zinn'; bedoelde u 'lange-zin'?",
    );
}

#[test]
fn custom_rule_with_invalid_params_or_invalid_regex() {
    assert_config_error(
        "extra_rules:\n  - id: korte-zin\n    kind: sentence_length\n    severity: info\n    \
         title: Kort\n    message: te lang\n    explanation: Kort.\n    params: { max_woorden: 8 }\n",
        "sub/helder.yaml:2:5: regel 'korte-zin': ongeldige params: onbekende sleutel 'max_woorden'; bedoelde u 'max_words'?",
    );
    assert_config_error(
        "rules:\n  lange-zin:\n    params: { max_words: veel }\n",
        "sub/helder.yaml:2:3: regel 'lange-zin': ongeldige params: verkeerd soort waarde: tekst \"veel\", verwacht een geheel getal",
    );
    assert_config_error(
        "extra_rules:\n  - id: eigen\n    kind: regex\n    severity: info\n    \
         title: Eigen\n    message: x\n    explanation: x\n",
        "sub/helder.yaml:2:5: regel 'eigen': onbekende soort 'regex'",
    );
    // Regular expressions in a configuration are placeholder patterns.
    assert_config_error(
        "placeholders:\n  - '@@[A-Z_+@@'\n",
        "sub/helder.yaml:2:6: ongeldig placeholder-patroon '@@[A-Z_+@@'",
    );
    assert_config_error(
        "exclude: ['archief/[oud']\n",
        "sub/helder.yaml:1:12: ongeldig patroon 'archief/[oud'",
    );
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    helder()
        .args(["--format", "compact", "bestaat-niet.txt"])
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "helder: bestaat-niet.txt: bestand of map bestaat niet",
        ))
        .stdout(good_checked());
}

#[cfg(unix)]
#[test]
fn a_folder_without_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    let locked = dir.path().join("dicht");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("brief.txt"), GOOD).unwrap();
    let secret = dir.path().join("geheim.txt");
    fs::write(&secret, GOOD).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads everything anyway; then only "it is checked" is meaningful.
    let root = fs::read_dir(&locked).is_ok();
    let walked = helder()
        .args(["--format", "compact"])
        .arg(dir.path())
        .assert();
    let named = helder()
        .args(["--format", "compact"])
        .arg(&secret)
        .arg(&good)
        .assert();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o644)).unwrap();
    if root {
        walked
            .code(1)
            .stdout(predicate::str::contains("dicht/brief.txt"));
        named.code(1).stdout(good_checked());
    } else {
        walked
            .code(2)
            .stderr(predicate::str::contains(
                "dicht: geen toestemming om deze map te lezen; de bestanden erin zijn niet gecontroleerd",
            ))
            .stdout(good_checked());
        named
            .code(2)
            .stderr(predicate::str::contains(
                "geheim.txt: geen toestemming om te lezen",
            ))
            .stdout(good_checked());
    }
}

#[cfg(unix)]
#[test]
fn a_broken_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let good = with_good(dir.path());
    let link = dir.path().join("kapot.txt");
    std::os::unix::fs::symlink(dir.path().join("weg.txt"), &link).unwrap();
    // Named: exit 2.
    helder()
        .args(["--format", "compact"])
        .arg(&link)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "kapot.txt: symbolische koppeling naar een bestand dat niet bestaat",
        ))
        .stdout(good_checked());
    // Found in a folder: a notice; the run did its job.
    helder()
        .args(["--format", "compact"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "kapot.txt: overgeslagen: symbolische koppeling naar een bestand dat niet bestaat",
        ))
        .stdout(good_checked());
}
