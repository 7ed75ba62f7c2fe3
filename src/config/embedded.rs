//! The default rules and word lists, compiled into the binary so helder works anywhere.

/// Rule files, in the order their rules are listed.
pub const RULE_FILES: &[(&str, &str)] = &[
    ("zinnen.yaml", include_str!("../../rules/zinnen.yaml")),
    ("woorden.yaml", include_str!("../../rules/woorden.yaml")),
    (
        "ontkenning.yaml",
        include_str!("../../rules/ontkenning.yaml"),
    ),
    (
        "werkwoorden.yaml",
        include_str!("../../rules/werkwoorden.yaml"),
    ),
    ("brief.yaml", include_str!("../../rules/brief.yaml")),
    ("zinsbouw.yaml", include_str!("../../rules/zinsbouw.yaml")),
    ("meta.yaml", include_str!("../../rules/meta.yaml")),
];

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
