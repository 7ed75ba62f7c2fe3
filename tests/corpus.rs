//! Findings on the corpus of customer letters (`tests/corpus/letters/*.txt`), one snapshot
//! per letter: rule, line:column, the flagged text and the first suggestion. A change in
//! any rule shows up here as a diff to review; docs/precisie.md reports how many of the
//! word-rule findings are false alarms. Review and accept changes with `cargo insta
//! review`, or write them with `INSTA_UPDATE=always cargo test --test corpus`.

use helder::text::LineIndex;
use helder::{check_str, default_rules};

#[test]
fn corpus_findings() {
    let rules = default_rules();
    insta::glob!("corpus/letters/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let index = LineIndex::new(&text);
        let mut lines = Vec::new();
        for f in check_str(&text, &rules) {
            let at = index.line_col(&text, f.span.start);
            let flagged: String = text[f.span.start..f.span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let flagged = if flagged.chars().count() > 60 {
                format!("{}…", flagged.chars().take(60).collect::<String>())
            } else {
                flagged
            };
            let mut line = format!("{}:{} {} '{}'", at.line, at.column, f.rule, flagged);
            if let Some(s) = f.suggestions.first() {
                line.push_str(&format!(" → '{}'", s.replacement));
            }
            lines.push(line);
        }
        insta::assert_snapshot!(lines.join("\n"));
    });
}
