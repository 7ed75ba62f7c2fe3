//! Inline suppression in the checked text:
//! `<!-- helder-disable lange-zin -->` … `<!-- helder-enable lange-zin -->`,
//! `<!-- helder-disable-next-line ontkenning -->`, and the same inside template comments
//! (`{# … #}`, `{{! … }}`, `{{!-- … --}}`). Rule ids are required. A suppression that
//! suppresses nothing (or names an unknown rule) is reported under
//! `ongebruikte-uitzondering`, so stale opt-outs do not pile up.

use crate::text::{LineIndex, Span};
use regex::Regex;
use std::sync::LazyLock;

/// The meta-rule that reports unused or invalid suppressions.
pub const UNUSED_RULE: &str = "ongebruikte-uitzondering";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:<!--|\{#|\{\{!(?:--)?)\s*helder-(disable-next-line|disable|enable)\b([^>#}]*?)\s*(?:-->|#\}|(?:--)?\}\})",
    )
    .expect("valid regex")
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    NextLine,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    span: Span,
    line: usize,
    ids: Vec<String>,
}

fn directives(source: &str, lines: &LineIndex) -> Vec<Directive> {
    if !source.contains("helder-") {
        return Vec::new();
    }
    DIRECTIVE
        .captures_iter(source)
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let kind = match &c[1] {
                "disable" => Kind::Disable,
                "enable" => Kind::Enable,
                _ => Kind::NextLine,
            };
            Directive {
                kind,
                span: Span::new(m.start(), m.end()),
                line: lines.line_col(source, m.end()).line,
                ids: c[2]
                    .split(|ch: char| ch.is_whitespace() || ch == ',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            }
        })
        .collect()
}

/// Blank out directive comments (same length, so offsets stay valid) so they are not
/// read as prose.
pub fn blank_directives(text: &mut String) {
    if !text.contains("helder-") {
        return;
    }
    let spans: Vec<(usize, usize)> = DIRECTIVE
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for (a, b) in spans.into_iter().rev() {
        // One space per byte (newlines kept): same length, still valid UTF-8.
        let blank: String = text.as_bytes()[a..b]
            .iter()
            .map(|&c| {
                if c == b'\n' || c == b'\r' {
                    c as char
                } else {
                    ' '
                }
            })
            .collect();
        text.replace_range(a..b, &blank);
    }
}

/// What suppression decided for a file's findings.
pub struct Outcome {
    /// Per finding: suppressed?
    pub suppressed: Vec<bool>,
    /// Directives that suppressed nothing or name unknown rules: (span, message).
    pub unused: Vec<(Span, String)>,
}

/// Decide which findings (given as rule id and source offset) are suppressed.
pub fn apply(
    source: &str,
    lines: &LineIndex,
    findings: &[(&str, usize)],
    known: &dyn Fn(&str) -> bool,
) -> Outcome {
    let dirs = directives(source, lines);
    let mut suppressed = vec![false; findings.len()];
    let mut unused = Vec::new();
    if dirs.is_empty() {
        return Outcome { suppressed, unused };
    }
    let finding_lines: Vec<usize> = findings
        .iter()
        .map(|(_, at)| lines.line_col(source, *at).line)
        .collect();
    for (i, d) in dirs.iter().enumerate() {
        if d.kind == Kind::Enable {
            continue;
        }
        if d.ids.is_empty() {
            unused.push((
                d.span,
                "Noem de regel die u wilt uitzetten, bijvoorbeeld 'helder-disable lange-zin'."
                    .to_owned(),
            ));
            continue;
        }
        for id in &d.ids {
            if !known(id) {
                unused.push((
                    d.span,
                    format!("Onbekende regel '{id}' in deze uitzondering."),
                ));
                continue;
            }
            let (from, to) = match d.kind {
                Kind::NextLine => {
                    // The next line with text on it.
                    let mut l = d.line + 1;
                    while l <= lines.line_count() && {
                        let s = lines.line_span(source, l);
                        source[s.start..s.end].trim().is_empty()
                    } {
                        l += 1;
                    }
                    (l, l)
                }
                _ => {
                    let end = dirs[i + 1..]
                        .iter()
                        .find(|e| {
                            e.kind == Kind::Enable && (e.ids.is_empty() || e.ids.contains(id))
                        })
                        .map_or(usize::MAX, |e| e.line);
                    (d.line, end)
                }
            };
            let mut used = false;
            for (j, (rule, _)) in findings.iter().enumerate() {
                if *rule == id && (from..=to).contains(&finding_lines[j]) {
                    suppressed[j] = true;
                    used = true;
                }
            }
            if !used {
                unused.push((
                    d.span,
                    format!("Deze uitzondering voor '{id}' onderdrukt niets; haal hem weg."),
                ));
            }
        }
    }
    Outcome { suppressed, unused }
}

/// Apply suppression to findings in prose coordinates where prose and source coincide
/// (plain text): drop suppressed findings, add `ongebruikte-uitzondering` ones.
pub fn filter_findings(
    source: &str,
    findings: &mut Vec<crate::finding::Finding>,
    rules: &crate::rules::RuleSet,
) {
    if !source.contains("helder-") {
        return;
    }
    let lines = LineIndex::new(source);
    let keys: Vec<(&str, usize)> = findings.iter().map(|f| (f.rule, f.span.start)).collect();
    let out = apply(source, &lines, &keys, &|id| rules.get(id).is_some());
    let mut i = 0;
    findings.retain(|_| {
        i += 1;
        !out.suppressed[i - 1]
    });
    if let Some(meta) = rules.get(UNUSED_RULE).map(|r| r.meta()) {
        for (span, message) in out.unused {
            findings.push(meta.finding(span, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_next_line_and_unused() {
        let src = "<!-- helder-disable lange-zin -->\na\n<!-- helder-enable lange-zin -->\nb\n{# helder-disable-next-line ontkenning #}\n\nc\n{{! helder-disable-next-line lijdende-vorm }}\nd\n";
        let lines = LineIndex::new(src);
        let at = |s: &str| src.find(&format!("\n{s}\n")).unwrap() + 1;
        let findings = [
            ("lange-zin", at("a")),
            ("lange-zin", at("b")),
            ("ontkenning", at("c")),
        ];
        let out = apply(src, &lines, &findings, &|_| true);
        assert_eq!(out.suppressed, vec![true, false, true]);
        assert_eq!(out.unused.len(), 1);
        assert!(out.unused[0].1.contains("lijdende-vorm"));
    }

    #[test]
    fn blanking_keeps_length() {
        let mut t = "Hoi <!-- helder-disable ontkenning --> daar".to_owned();
        let len = t.len();
        blank_directives(&mut t);
        assert_eq!(t.len(), len);
        assert!(t.starts_with("Hoi ") && t.ends_with(" daar") && !t.contains("helder"));
    }
}
