//! Inline suppression in the checked text:
//! `<!-- helder-disable lange-zin -->` … `<!-- helder-enable lange-zin -->`,
//! `<!-- helder-disable-next-line ontkenning -->`, and the same inside template comments
//! (`{# … #}`, `{{! … }}`, `{{!-- … --}}`). Rule ids are required. A suppression that
//! suppresses nothing (or names an unknown rule) is reported under
//! `ongebruikte-uitzondering`, so stale opt-outs do not pile up.

use crate::text::{LineIndex, Span};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The meta-rule that reports unused or invalid suppressions.
pub const UNUSED_RULE: &str = "ongebruikte-uitzondering";

/// Every directive contains this: text without it has none (a vectorised search).
pub const DIRECTIVE_MARK: &str = "helder-";

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
    if !source.contains(DIRECTIVE_MARK) {
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
    if !text.contains(DIRECTIVE_MARK) {
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

/// The suppression comments of one source text, read once.
pub struct Directives(Vec<Directive>);

impl Directives {
    pub fn parse(source: &str, lines: &LineIndex) -> Directives {
        Directives(directives(source, lines))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Decide which findings (given as rule id and source offset) are suppressed.
pub fn apply(
    source: &str,
    lines: &LineIndex,
    findings: &[(&str, usize)],
    known: &dyn Fn(&str) -> bool,
) -> Outcome {
    apply_parsed(
        &Directives::parse(source, lines),
        source,
        lines,
        findings,
        known,
    )
}

/// As [`apply`], with the directives already read (a very large file is checked in
/// parts, all against the same directives).
pub fn apply_parsed(
    dirs: &Directives,
    source: &str,
    lines: &LineIndex,
    findings: &[(&str, usize)],
    known: &dyn Fn(&str) -> bool,
) -> Outcome {
    let dirs = &dirs.0;
    let mut suppressed = vec![false; findings.len()];
    let mut unused = Vec::new();
    if dirs.is_empty() {
        return Outcome { suppressed, unused };
    }
    // Findings per rule, sorted by line, and enable directives per rule id: every
    // directive finds its range by binary search, so a file with thousands of
    // directives and findings stays fast.
    let mut by_rule: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (j, (rule, at)) in findings.iter().enumerate() {
        let line = lines.line_col(source, *at).line;
        by_rule.entry(rule).or_default().push((line, j));
    }
    for v in by_rule.values_mut() {
        v.sort_unstable();
    }
    let mut enables: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut enable_all: Vec<usize> = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        if d.kind == Kind::Enable {
            if d.ids.is_empty() {
                enable_all.push(i);
            }
            for id in &d.ids {
                enables.entry(id).or_default().push(i);
            }
        }
    }
    let first_after = |v: Option<&Vec<usize>>, i: usize| {
        v.and_then(|v| v.get(v.partition_point(|&k| k <= i)).copied())
    };
    // Suppressed stretches (index ranges into `by_rule[id]`), marked at the end.
    let mut stretches: Vec<(&str, usize, usize)> = Vec::new();
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
                    let end = match (
                        first_after(enables.get(id.as_str()), i),
                        first_after(Some(&enable_all), i),
                    ) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    (d.line, end.map_or(usize::MAX, |e| dirs[e].line))
                }
            };
            let mut used = false;
            if let Some((&key, v)) = by_rule.get_key_value(id.as_str()) {
                let lo = v.partition_point(|&(l, _)| l < from);
                let hi = v.partition_point(|&(l, _)| l <= to);
                if lo < hi {
                    stretches.push((key, lo, hi));
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
    // Mark each rule's stretches in one sweep (they may overlap).
    stretches.sort_unstable();
    let mut marked_to: (&str, usize) = ("", 0);
    for (key, lo, hi) in stretches {
        let from = if marked_to.0 == key {
            lo.max(marked_to.1)
        } else {
            lo
        };
        for &(_, j) in &by_rule[key][from.min(hi)..hi] {
            suppressed[j] = true;
        }
        if marked_to.0 != key || hi > marked_to.1 {
            marked_to = (key, hi);
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
    if !source.contains(DIRECTIVE_MARK) {
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
    fn overlapping_ranges_and_enable_without_ids() {
        let src = "<!-- helder-disable ontkenning -->\na\n<!-- helder-disable ontkenning lange-zin -->\nb\n<!-- helder-enable -->\nc\n";
        let lines = LineIndex::new(src);
        let at = |s: &str| src.find(&format!("\n{s}\n")).unwrap() + 1;
        let findings = [
            ("ontkenning", at("a")),
            ("ontkenning", at("b")),
            ("lange-zin", at("b")),
            ("ontkenning", at("c")),
            ("lange-zin", at("c")),
        ];
        let out = apply(src, &lines, &findings, &|_| true);
        assert_eq!(out.suppressed, vec![true, true, true, false, false]);
        assert!(out.unused.is_empty(), "{:?}", out.unused);
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
