//! Applying suggestions: non-overlapping edits, chosen deterministically (earliest start
//! first, then the longest), applied back to front so earlier offsets stay valid; and
//! `helder fix` on files: repeated until nothing changes (so a second run changes
//! nothing), re-encoded in the file's own encoding, written atomically.

use crate::finding::Safety;
use crate::input::{self, Format};
use crate::report::{FileReport, Options, analyze_with};
use crate::text::Span;
use crate::workspace::Setup;
use std::io::Write;
use std::path::Path;

/// One replacement in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Keep a deterministic, non-overlapping subset of `edits`.
pub fn select(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        if out.last().is_none_or(|last| last.span.end <= e.span.start) {
            out.push(e);
        }
    }
    out
}

/// Apply non-overlapping edits (see [`select`]) to `text`.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = text.to_owned();
    for e in edits.iter().rev() {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

/// The first suggestion of each finding that may be applied: safe ones, or all with
/// `unsafe_too`.
pub fn edits_from<'a>(
    suggestions: impl Iterator<Item = (Span, &'a str, Safety)>,
    unsafe_too: bool,
) -> Vec<Edit> {
    suggestions
        .filter(|(_, _, s)| unsafe_too || *s == Safety::Safe)
        .map(|(span, r, _)| Edit {
            span,
            replacement: r.to_owned(),
        })
        .collect()
}

/// Edits `helder fix` may apply to a file report: the first suggestion of each
/// finding, when its place maps exactly onto the source.
pub fn file_edits(report: &FileReport, unsafe_too: bool) -> Vec<Edit> {
    let edits = report
        .findings
        .iter()
        .filter_map(|f| f.suggestions.first())
        .filter(|s| s.exact && (unsafe_too || s.safety == Safety::Safe))
        .map(|s| Edit {
            span: s.location.text_span,
            replacement: s.replacement.clone(),
        })
        .collect();
    select(edits)
}

/// The result of fixing one file in memory.
pub struct Fixed {
    pub old_text: String,
    pub new_text: String,
    pub new_bytes: Vec<u8>,
    /// Number of replacements made (over all rounds).
    pub edits: usize,
}

/// Most rounds of fixing: a replacement can reveal another finding.
const MAX_ROUNDS: usize = 5;

/// Fix a file's bytes in memory. `Ok(None)` when there is nothing to change.
pub fn fix_bytes(
    bytes: &[u8],
    format: Format,
    setup: &Setup,
    unsafe_too: bool,
) -> Result<Option<Fixed>, String> {
    let rules = &setup.rules;
    let opts = setup.input_options();
    let first = input::load_with(bytes, format, &opts)?;
    let old_text = first.source.clone();
    let encoding = first.encoding;
    let mut loaded = first;
    let mut total = 0;
    let mut text = old_text.clone();
    for _ in 0..MAX_ROUNDS {
        let report = analyze_with("", loaded, format, rules, Options::FINDINGS);
        let edits = file_edits(&report, unsafe_too);
        if edits.is_empty() {
            break;
        }
        total += edits.len();
        text = apply(&report.source, &edits);
        let bytes = encoding.encode(&text).ok_or_else(|| {
            format!(
                "kan de herschreven tekst niet opslaan als {}; niets gewijzigd",
                encoding.name()
            )
        })?;
        loaded = input::load_with(&bytes, format, &opts)?;
    }
    if total == 0 || text == old_text {
        return Ok(None);
    }
    let new_bytes = encoding.encode(&text).ok_or_else(|| {
        format!(
            "kan de herschreven tekst niet opslaan als {}",
            encoding.name()
        )
    })?;
    Ok(Some(Fixed {
        old_text,
        new_text: text,
        new_bytes,
        edits: total,
    }))
}

/// Replace a file atomically: a temporary file in the same folder, the original's
/// permissions, then a rename. Refuses when the file changed since `original` was read.
pub fn write_atomic(path: &Path, original: &[u8], new: &[u8]) -> Result<(), String> {
    let path = std::fs::canonicalize(path).map_err(|e| crate::app::io_message(&e))?;
    let current = std::fs::read(&path).map_err(|e| crate::app::io_message(&e))?;
    if current != original {
        return Err("het bestand is gewijzigd sinds helder het las; niet overschreven".into());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let perms = std::fs::metadata(&path)
        .map_err(|e| crate::app::io_message(&e))?
        .permissions();
    let cannot = |e: std::io::Error| format!("kan niet schrijven: {}", crate::app::io_message(&e));
    let mut tmp = tempfile::Builder::new()
        .prefix(".helder-")
        .tempfile_in(dir)
        .map_err(cannot)?;
    tmp.write_all(new).map_err(cannot)?;
    tmp.as_file().sync_all().map_err(cannot)?;
    std::fs::set_permissions(tmp.path(), perms).map_err(cannot)?;
    tmp.persist(&path).map_err(|e| cannot(e.error))?;
    Ok(())
}

/// A unified diff of a fix, for `helder fix --diff`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_edits_are_resolved_deterministically() {
        let e = |s, t, r: &str| Edit {
            span: Span::new(s, t),
            replacement: r.to_owned(),
        };
        let chosen = select(vec![e(4, 6, "b"), e(0, 3, "x"), e(0, 5, "long")]);
        assert_eq!(chosen, vec![e(0, 5, "long")]);
        assert_eq!(apply("0123456789", &chosen), "long56789");
    }
}
