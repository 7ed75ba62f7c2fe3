//! What a rule reports: a finding with its place, message and suggested rewrites.

use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The Dutch label shown to writers.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
            Severity::Info => "tip",
        }
    }
}

/// Whether `helder fix` may apply a suggestion without asking.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Keeps meaning and grammar in practically every sentence.
    Safe,
    /// Shown to the writer; applied only with `--unsafe`.
    #[default]
    Unsafe,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Prose span to replace (the engine maps it to the source).
    #[serde(skip)]
    pub span: Span,
    pub replacement: String,
    pub safety: Safety,
}

/// A finding in prose coordinates; the engine turns it into a located finding.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// A short, concrete hint when there is no exact replacement.
    /// Borrowed when it is a fixed text (the rule's own hint, a constant): most findings
    /// then carry no copy of it.
    pub hint: Option<Cow<'static, str>>,
    pub suggestions: Vec<Suggestion>,
}

/// A message template read once into its literal text and `{name}` slots: a rule fills
/// its template for every finding, without searching it for braces each time. A name
/// without a value, and a `{` without a `}` after it, stay as they are.
#[derive(Clone, Debug, Default)]
pub struct Template {
    text: Box<str>,
    /// In order; byte ranges of `text`.
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
enum Piece {
    Text {
        start: u32,
        end: u32,
    },
    /// `{name}`: the braces at `start` and `end - 1`.
    Slot {
        start: u32,
        end: u32,
    },
}

impl Template {
    pub fn new(template: &str) -> Template {
        let bytes = template.as_bytes();
        let mut pieces = Vec::new();
        let text = |pieces: &mut Vec<Piece>, start: usize, end: usize| {
            if start < end {
                pieces.push(Piece::Text {
                    start: start as u32,
                    end: end as u32,
                });
            }
        };
        let mut at = 0;
        while let Some(open) = memchr::memchr(b'{', &bytes[at..]).map(|o| at + o) {
            let Some(close) = memchr::memchr(b'}', &bytes[open + 1..]).map(|c| open + 1 + c) else {
                break;
            };
            text(&mut pieces, at, open);
            pieces.push(Piece::Slot {
                start: open as u32,
                end: close as u32 + 1,
            });
            at = close + 1;
        }
        text(&mut pieces, at, bytes.len());
        Template {
            text: template.into(),
            pieces,
        }
    }

    /// The template with each slot's value from `vars` (the first of that name); a slot
    /// without a value stays as written. Allocated once, with room for every value.
    pub fn fill(&self, vars: &[(&str, &str)]) -> String {
        let size = self.text.len() + vars.iter().map(|(_, v)| v.len()).sum::<usize>();
        let mut out = String::with_capacity(size);
        for p in &self.pieces {
            match *p {
                Piece::Text { start, end } => {
                    out.push_str(&self.text[start as usize..end as usize])
                }
                Piece::Slot { start, end } => {
                    let (start, end) = (start as usize, end as usize);
                    let name = &self.text[start + 1..end - 1];
                    match vars.iter().find(|(n, _)| same_name(n, name)) {
                        Some((_, v)) => out.push_str(v),
                        None => out.push_str(&self.text[start..end]),
                    }
                }
            }
        }
        out
    }
}

/// `a == b` for the short names of template slots, compared in place: `==` calls
/// `memcmp`, which costs more than the few bytes of a name (a template is filled for
/// every finding).
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Give `replacement` the capitalisation of `original`: a capital first letter stays
/// capital; a lowercase one stays lowercase.
pub fn match_case(original: &str, replacement: &str) -> String {
    match_case_owned(original, replacement.to_owned())
}

/// [`match_case`] for a replacement already owned: kept as it is unless its first letter
/// must become a capital, and changed in place when that capital is one ASCII byte.
pub fn match_case_owned(original: &str, mut replacement: String) -> String {
    let upper_first = original.chars().next().is_some_and(char::is_uppercase);
    if !upper_first {
        return replacement;
    }
    let mut cs = replacement.chars();
    match cs.next() {
        Some(c) if c.is_ascii() => {
            replacement[..1].make_ascii_uppercase();
            replacement
        }
        Some(c) => {
            let mut out = String::with_capacity(replacement.len() + 2);
            out.extend(c.to_uppercase());
            out.push_str(cs.as_str());
            out
        }
        None => replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(template: &str, vars: &[(&str, &str)]) -> String {
        Template::new(template).fill(vars)
    }

    /// The first `fill`, a char search at a time: the oracle for the one above.
    fn fill_oracle(template: &str, vars: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match vars.iter().find(|(n, _)| *n == name) {
                        Some((_, v)) => out.push_str(v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn match_case_oracle(original: &str, replacement: &str) -> String {
        let upper_first = original.chars().next().is_some_and(char::is_uppercase);
        let mut cs = replacement.chars();
        match cs.next() {
            Some(c) if upper_first => c.to_uppercase().chain(cs).collect(),
            _ => replacement.to_owned(),
        }
    }

    proptest::proptest! {
        #[test]
        fn fill_agrees_with_the_oracle(
            template in "([a-zé' ]|\\{|\\}|\\{match\\}|\\{x\\}|\\{match|😀){0,30}",
            value in "[a-zé{}😀 ]{0,12}",
            other in "[a-z{}]{0,5}",
        ) {
            let vars = [("match", value.as_str()), ("x", other.as_str()), ("match", "dubbel")];
            proptest::prop_assert_eq!(fill(&template, &vars), fill_oracle(&template, &vars));
            proptest::prop_assert_eq!(fill(&template, &[]), fill_oracle(&template, &[]));
        }

        #[test]
        fn match_case_agrees_with_the_oracle(
            original in "[aAéÉßǆ1 ]{0,3}",
            replacement in "[aAéÉßǆŉ1 ]{0,4}",
        ) {
            proptest::prop_assert_eq!(
                match_case(&original, &replacement),
                match_case_oracle(&original, &replacement)
            );
            proptest::prop_assert_eq!(
                match_case_owned(&original, replacement.clone()),
                match_case_oracle(&original, &replacement)
            );
        }
    }

    #[test]
    fn fills_known_and_keeps_unknown() {
        assert_eq!(
            fill(
                "'{match}' → '{replacement}' {x}",
                &[("match", "indien"), ("replacement", "als")]
            ),
            "'indien' → 'als' {x}"
        );
    }

    #[test]
    fn keeps_capital_only_where_original_had_one() {
        assert_eq!(match_case("Indien", "als"), "Als");
        assert_eq!(match_case("indien", "als"), "als");
    }
}
