//! Applying suggestions to text: non-overlapping edits, chosen deterministically
//! (earliest start first, then the longest, then rule order), applied back to front so
//! earlier offsets stay valid.

use crate::finding::Safety;
use crate::text::Span;

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
