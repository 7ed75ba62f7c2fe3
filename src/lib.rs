//! helder: checks Dutch customer letters and e-mails against B1 plain-language rules.
//!
//! Data flows one way: read → decode → prose + source map → tokenise → document →
//! rules → findings → score → render. The binary (`main.rs`) is a thin shell around
//! [`app::run`]; tests and benchmarks use the library directly.

pub mod app;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod explain;
pub mod finding;
pub mod fix;
pub mod input;
pub mod render;
pub mod report;
pub mod rules;
pub mod score;
pub mod suppress;
pub mod text;
pub mod workspace;

use finding::Finding;
use rules::RuleSet;
use text::Document;

/// Check a plain text with the built-in rules (for tests and embedding).
pub fn check_str(text: &str, rules: &RuleSet) -> Vec<Finding> {
    let mut prose = text.to_owned();
    suppress::blank_directives(&mut prose);
    let doc = Document::from_text(&prose);
    let mut findings = rules.check(&doc);
    suppress::filter_findings(text, &mut findings, rules);
    findings
}

/// The built-in rule set.
pub fn default_rules() -> RuleSet {
    config::rule_set(None).expect("the embedded rules are valid (tests/rules.rs)")
}

/// Apply the safe suggestions of `rules` to a plain text (the first suggestion of each
/// finding; overlapping ones are resolved deterministically).
pub fn fix_str(text: &str, rules: &RuleSet, unsafe_too: bool) -> String {
    let findings = check_str(text, rules);
    let edits = fix::edits_from(
        findings
            .iter()
            .filter_map(|f| f.suggestions.first())
            .map(|s| (s.span, s.replacement.as_str(), s.safety)),
        unsafe_too,
    );
    fix::apply(text, &fix::select(edits))
}
