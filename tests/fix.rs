//! `helder fix`: safe rewrites in place, byte for byte everywhere else.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.env_remove("NO_COLOR").arg("fix").arg("--isolated");
    c
}

#[test]
fn crlf_line_is_fixed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "Indien u vragen heeft, kunt u ons bellen.\r\n").unwrap();
    helder().arg(&p).assert().code(0);
    assert_eq!(
        fs::read(&p).unwrap(),
        b"Als u vragen heeft, kunt u ons bellen.\r\n"
    );
    // A second run changes nothing.
    helder()
        .arg(&p)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 herschrijvingen in 0 bestanden"));
    assert_eq!(
        fs::read(&p).unwrap(),
        b"Als u vragen heeft, kunt u ons bellen.\r\n"
    );
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    let text = "Indien u vragen heeft, kunt u ons bellen.\r\n";
    fs::write(&p, text).unwrap();
    helder()
        .arg("--diff")
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-Indien u vragen heeft"))
        .stdout(predicate::str::contains("+Als u vragen heeft"));
    assert_eq!(fs::read_to_string(&p).unwrap(), text);
}

#[test]
fn bom_windows_1252_and_markup_survive() {
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.txt");
    fs::write(&bom, b"\xEF\xBB\xBFIndien het caf\xC3\xA9 open is.\n").unwrap();
    let cp = dir.path().join("oud.txt");
    fs::write(&cp, b"Indien het caf\xe9 open is.\r\n").unwrap();
    let md = dir.path().join("mail.md");
    fs::write(
        &md,
        "# Kop\n\n**Indien** u [tevens](https://x.nl/indien) belt.\n",
    )
    .unwrap();
    helder().arg(&bom).arg(&cp).arg(&md).assert().code(0);
    assert_eq!(
        fs::read(&bom).unwrap(),
        "\u{feff}Als het café open is.\n".as_bytes()
    );
    assert_eq!(fs::read(&cp).unwrap(), b"Als het caf\xe9 open is.\r\n");
    assert_eq!(
        fs::read_to_string(&md).unwrap(),
        "# Kop\n\n**Als** u [ook](https://x.nl/indien) belt.\n"
    );
}

#[test]
fn unsafe_rewrites_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "De rekening wordt door ons verstuurd.\n").unwrap();
    helder().arg(&p).assert().code(0);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "De rekening wordt door ons verstuurd.\n"
    );
    helder().arg("--unsafe").arg(&p).assert().code(0);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "Wij versturen de rekening.\n"
    );
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    helder()
        .arg("-")
        .write_stdin("Teneinde u te helpen, bellen wij.\n")
        .assert()
        .code(0)
        .stdout("Om u te helpen, bellen wij.\n");
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_unwritable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "Indien u wilt.\n").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    let locked_dir = dir.path().join("dicht");
    fs::create_dir(&locked_dir).unwrap();
    let q = locked_dir.join("b.txt");
    fs::write(&q, "Indien u wilt.\n").unwrap();
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anywhere; then only the permission check is meaningful.
    let root = fs::write(locked_dir.join("probe"), b"").is_ok();
    let assert = helder().arg(&q).arg(&p).assert();
    assert_eq!(fs::read_to_string(&p).unwrap(), "Als u wilt.\n");
    assert_eq!(
        fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640
    );
    if !root {
        assert
            .code(2)
            .stderr(predicate::str::contains("kan niet schrijven"));
        assert_eq!(fs::read_to_string(&q).unwrap(), "Indien u wilt.\n");
    }
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_file_changed_since_reading_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, "nieuw\n").unwrap();
    let err = helder::fix::write_atomic(&p, b"oud\n", b"herschreven\n").unwrap_err();
    assert!(err.contains("gewijzigd sinds helder het las"), "{err}");
    assert_eq!(fs::read_to_string(&p).unwrap(), "nieuw\n");
}
