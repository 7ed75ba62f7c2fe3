//! The default rules and word lists, compiled into the binary so helder works anywhere.

// `RULE_FILE_NAMES`: rules/*.yaml in the order their rules are listed (build.rs).
include!(concat!(env!("OUT_DIR"), "/rule_files.rs"));

/// All built-in rules as one JSON array, made from rules/*.yaml by build.rs (JSON reads four
/// times faster than YAML at start-up).
pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// Word lists by name (file name without extension).
const WORDLISTS: &[(&str, &str)] = &[
    (
        "afkortingen",
        include_str!("../../wordlists/afkortingen.tsv"),
    ),
    ("ambtelijk", include_str!("../../wordlists/ambtelijk.tsv")),
    // CC BY-SA 4.0 (wordfreq, SUBTLEX-NL): see wordlists/LICENSE-frequentie.md.
    ("frequentie", include_str!("../../wordlists/frequentie.tsv")),
    (
        "contextformules",
        include_str!("../../wordlists/contextformules.tsv"),
    ),
    (
        "deelwoorden",
        include_str!("../../wordlists/deelwoorden.txt"),
    ),
    (
        "geen-deelwoorden",
        include_str!("../../wordlists/geen-deelwoorden.txt"),
    ),
    (
        "naamwoordstijl",
        include_str!("../../wordlists/naamwoordstijl.tsv"),
    ),
    (
        "ontkenningen",
        include_str!("../../wordlists/ontkenningen.tsv"),
    ),
    ("positief", include_str!("../../wordlists/positief.tsv")),
    (
        "standaardzinnen",
        include_str!("../../wordlists/standaardzinnen.tsv"),
    ),
    ("vaag", include_str!("../../wordlists/vaag.tsv")),
    (
        "werkwoorden",
        include_str!("../../wordlists/werkwoorden.tsv"),
    ),
    (
        "zijn-deelwoorden",
        include_str!("../../wordlists/zijn-deelwoorden.txt"),
    ),
];

pub fn wordlist(name: &str) -> Option<&'static str> {
    WORDLISTS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

pub fn wordlist_names() -> impl Iterator<Item = &'static str> {
    WORDLISTS.iter().map(|(n, _)| *n)
}

pub use super::tsv::tsv_rows;
