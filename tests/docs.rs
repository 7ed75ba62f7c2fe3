//! docs/regels.md is generated from rules/*.yaml (`helder rules --markdown`); this test
//! fails when it is stale. Regenerate with `HELDER_UPDATE_DOCS=1 cargo test --test docs`.

#[test]
fn rule_reference_is_up_to_date() {
    let rules = helder::default_rules();
    let expected = helder::explain::markdown(&rules);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/regels.md");
    if std::env::var_os("HELDER_UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/regels.md is verouderd: draai `HELDER_UPDATE_DOCS=1 cargo test --test docs`"
    );
}
