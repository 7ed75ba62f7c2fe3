//! The configuration loader: arbitrary bytes written as a helder.yaml, loaded, turned
//! into a rule set (and globs, formats, placeholder patterns), and, when valid, used to
//! check a short letter.
#![no_main]

use helder::cli::{ColorChoice, InputArgs};
use helder::input::Format;
use helder::workspace::Workspace;
use libfuzzer_sys::fuzz_target;

const LETTER: &str = "Geachte heer {{naam}},\n\nIndien u niet tijdig betaalt, wordt de \
vordering door ons uit handen gegeven; wij verzoeken u derhalve om het bedrag van \
€ 12,50 vóór 1 mei over te maken, want anders moeten wij maatregelen nemen.\n";

fuzz_target!(|yaml: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("helder.yaml");
    std::fs::write(&path, yaml).expect("write config");
    // The loader on its own, then the rule set it makes.
    if let Ok(cfg) = helder::config::load_project(&path) {
        let _ = helder::config::rule_set(Some((&path, &cfg)));
    }
    // The whole setup as `helder check --config` builds it.
    let args = InputArgs {
        paths: vec![],
        input_format: None,
        stdin_filename: None,
        config: Some(path.clone()),
        isolated: false,
        max_file_size: None,
        color: ColorChoice::Never,
    };
    let mut ws = Workspace::new(&args);
    let Ok(setup) = ws.primary() else {
        return;
    };
    let _ = setup.format_for(std::path::Path::new("brief.tpl"));
    let Ok(loaded) =
        helder::input::load_with(LETTER.as_bytes(), Format::Text, &setup.input_options())
    else {
        return;
    };
    let mut report = helder::report::analyze("brief.txt", loaded, Format::Text, &setup.rules);
    setup.apply_allow_list(&mut report);
    helder_fuzz::check_report(&report);
});
