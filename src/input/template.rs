//! Letter templates: placeholders and control tags of the common engines.
//!
//! - A **placeholder** (`{{naam}}`, `${bedrag}`, `[NAAM]`, …) stands for text the engine fills
//!   in, usually a name or an amount: it becomes a mask, one opaque word that never gets a
//!   finding.
//! - A **control tag** (`{{#if x}}`, `{% else %}`, `<#if …>`, comments) produces no text: it is
//!   blanked out (replaced by spaces, newlines kept), so it is not a word and does not glue
//!   the words around it together. The text in both branches of an if/else is checked.
//!
//! For formats with markup (Markdown, HTML) the tags are blanked in a copy of the source
//! *before* parsing ([`Masker::fill`]): the parser then never mistakes `<<NAAM>>` for a tag or
//! `[NAAM]` for a link. Placeholders are filled with `x` of the same byte length and put back
//! after parsing ([`restore`]), so every offset stays the source offset.
//!
//! All patterns are compiled into one regex, once per run ([`Masker::builtin`] once per
//! process; [`Masker::with_extra`] once per configuration).

use super::Prose;
use crate::text::span::Span;
use regex::Regex;
use regex_automata::{Anchored, Input, meta};
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// Built-in patterns, tried left to right at each position: control tags come before
/// the placeholders they would otherwise also match (`{{#if}}` before `{{x}}`).
const BUILTIN: &[&str] = &[
    // Handlebars/Mustache comments and sections.
    r"(?s:\{\{~?!--.*?--~?\}\})",
    r"(?s:\{\{~?!.*?\}\})",
    r"\{\{~?[#/^][^{}]*\}\}",
    r"\{\{~?\s*else\b[^{}]*\}\}",
    // Liquid comment blocks, then any Jinja/Liquid/Twig/Nunjucks tag and comment.
    r"(?s:\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\})",
    r"(?s:\{%.*?%\})",
    r"(?s:\{#.*?#\})",
    // Freemarker comments and directives, angle and square syntax.
    r"(?s:<#--.*?-->)",
    r"(?s:\[#--.*?--\])",
    r"</?#[A-Za-z][^>]*>",
    r"\[/?#[A-Za-z][^\]]*\]",
    r"</@[^>]*>",
    // Placeholders.
    r"\{\{\{[^{}]*\}\}\}",
    r"\{\{[^{}]*\}\}",
    r"\$\{[^{}\n]*\}",
    r"<@[^>]*>",
    r"\[=[^\]\n]*\]",
    r"%\([A-Za-z_][A-Za-z0-9_]*\)[sd]",
    r"%(?:[1-9]\$)?[sd]\b",
    r"\[[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9_ .-]*[A-ZÀ-ÖØ-Þ0-9]\]",
    r"<<[^<>\n]+>>",
    r"«[\w.-]+»",
    r"\{[A-Za-z_][A-Za-z0-9_.]*\}",
    r"\{[0-9][0-9]?\}",
];

/// Control tags by how they begin: they produce no text.
const CONTROL_PREFIXES: &[&str] = &[
    "{{#", "{{/", "{{^", "{{!", "{{~#", "{{~/", "{{~^", "{{~!", "{%", "{#", "<#", "</#", "[#",
    "[/#", "</@",
];

/// Template patterns compiled into one regex, built on first use: most letters hold
/// none of the characters a built-in pattern starts with, and then nothing is built.
pub struct Masker {
    source: String,
    re: OnceLock<meta::Regex>,
    /// Only the built-in patterns: each starts with one of the bytes of [`StartBytes`].
    builtin_only: bool,
}

/// The places where a built-in pattern can start: at its first character, one of `{`, `<`,
/// `[`, `$`, `%` and `«` (whose lead byte is searched), found by two vectorised searches
/// for three bytes each.
struct StartBytes<'a> {
    iters: [std::iter::Peekable<memchr::Memchr3<'a>>; 2],
}

impl<'a> StartBytes<'a> {
    fn new(bytes: &'a [u8]) -> StartBytes<'a> {
        StartBytes {
            iters: [
                memchr::memchr3_iter(b'{', b'<', b'[', bytes).peekable(),
                memchr::memchr3_iter(b'$', b'%', 0xc2, bytes).peekable(),
            ],
        }
    }

    /// The first place from `at` on (`at` never goes down).
    fn next_from(&mut self, at: usize) -> Option<usize> {
        for it in &mut self.iters {
            while it.next_if(|&p| p < at).is_some() {}
        }
        let [a, b] = &mut self.iters;
        match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) => Some(x.min(y)),
            (x, y) => x.or(y).copied(),
        }
    }
}

/// Whether a built-in pattern can start at `p` (a byte of [`StartBytes`]), judged by the
/// byte after it: `{{`, `{%`, `{#`, `{x`, `{0`; `<#`, `</`, `<@`, `<<`; `[#`, `[/`, `[=`,
/// `[X`, `[É`; `${`; `%(`, `%1`, `%s`, `%d`; `«`. Only a necessary condition: the regex
/// decides.
fn may_start(b: &[u8], p: usize) -> bool {
    let Some(&next) = b.get(p + 1) else {
        return false;
    };
    match b[p] {
        b'{' => matches!(next, b'{' | b'%' | b'#' | b'_') || next.is_ascii_alphanumeric(),
        b'<' => matches!(next, b'#' | b'/' | b'@' | b'<'),
        b'[' => matches!(next, b'#' | b'/' | b'=' | b'A'..=b'Z' | 0xc3),
        b'$' => next == b'{',
        b'%' => matches!(next, b'(' | b'1'..=b'9' | b's' | b'd'),
        0xc2 => next == 0xab, // '«'
        _ => false,
    }
}

static BUILTIN_MASKER: LazyLock<Masker> =
    LazyLock::new(|| Masker::with_extra(&[]).expect("the built-in template patterns are valid"));

/// What a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Placeholder,
    Control,
}

/// One placeholder or control tag in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateMatch {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// A copy of the source with control tags blanked and placeholders filled with `x`.
pub struct Filled {
    pub text: String,
    pub matches: Vec<TemplateMatch>,
}

impl Masker {
    /// The built-in patterns, compiled once per process.
    pub fn builtin() -> &'static Masker {
        &BUILTIN_MASKER
    }

    /// Built-in patterns plus `extra` regexes (each a placeholder: one masked word).
    /// Compile once per run and share it; an invalid pattern is a Dutch error.
    pub fn with_extra(extra: &[String]) -> Result<Masker, String> {
        for p in extra {
            if let Err(e) = Regex::new(p) {
                return Err(format!("ongeldig placeholder-patroon '{p}': {e}"));
            }
            if Regex::new(p).is_ok_and(|r| r.is_match("")) {
                return Err(format!(
                    "placeholder-patroon '{p}' past op lege tekst; zo'n patroon maskeert niets"
                ));
            }
        }
        let all: Vec<String> = BUILTIN
            .iter()
            .map(|p| (*p).to_owned())
            .chain(extra.iter().map(|p| format!("(?:{p})")))
            .collect();
        let source = all.join("|");
        let re = OnceLock::new();
        if !extra.is_empty() {
            // A project's patterns are checked now: a bad one is a configuration error.
            let built = meta::Regex::new(&source)
                .map_err(|e| format!("ongeldige placeholder-patronen: {e}"))?;
            let _ = re.set(built);
        }
        Ok(Masker {
            source,
            re,
            builtin_only: extra.is_empty(),
        })
    }

    /// Every placeholder and control tag in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<TemplateMatch> {
        let regex = || {
            self.re.get_or_init(|| {
                meta::Regex::new(&self.source).expect("the built-in template patterns are valid")
            })
        };
        let matched = |m: regex_automata::Match| TemplateMatch {
            range: m.range(),
            kind: kind_of(&text[m.range()]),
        };
        if !self.builtin_only {
            return regex()
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(matched)
                .collect();
        }
        // Every built-in pattern starts with one of a few bytes, and a letter holds few of
        // them ("5%", "<"): an anchored try at each is the same leftmost-first search as
        // `find_iter`, without the regex scanning every byte for its many prefixes. The
        // byte after it rules out most ("5% korting", "<info@x.nl>"); a text where no place
        // is left does not build the regex at all.
        let bytes = text.as_bytes();
        let mut starts = StartBytes::new(bytes);
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(p) = starts.next_from(at) {
            if !may_start(bytes, p) {
                at = p + 1;
                continue;
            }
            let input = Input::new(text).range(p..).anchored(Anchored::Yes);
            match regex().search(&input).filter(|m| !m.is_empty()) {
                Some(m) => {
                    at = m.end();
                    found.push(matched(m));
                }
                None => at = p + 1,
            }
        }
        found
    }

    /// A copy of `source` ready for a markup parser; `None` when there is no template
    /// syntax (the common case: no copy).
    pub fn fill(&self, source: &str) -> Option<Filled> {
        self.fill_found(source, self.find(source))
    }

    /// [`Masker::fill`] with the matches already found ([`Masker::find`]).
    pub fn fill_found(&self, source: &str, matches: Vec<TemplateMatch>) -> Option<Filled> {
        if matches.is_empty() {
            return None;
        }
        let mut bytes = source.as_bytes().to_vec();
        for m in &matches {
            let fill = match m.kind {
                Kind::Placeholder => b'x',
                Kind::Control => b' ',
            };
            for b in &mut bytes[m.range.clone()] {
                if *b != b'\n' && *b != b'\r' {
                    *b = fill;
                }
            }
        }
        // Whole UTF-8 characters were replaced by ASCII bytes: still valid UTF-8.
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Some(Filled { text, matches })
    }

    /// Mask templates directly in prose whose text is not markup (plain-text bodies,
    /// .docx paragraphs): placeholders become masks, control tags are blanked.
    pub fn mask_prose(&self, prose: &mut Prose) {
        let matches = self.find(&prose.text);
        if matches.is_empty() {
            return;
        }
        let mut bytes = std::mem::take(&mut prose.text).into_bytes();
        for m in &matches {
            match m.kind {
                Kind::Placeholder => prose.masks.push(Span::new(m.range.start, m.range.end)),
                Kind::Control => {
                    for b in &mut bytes[m.range.clone()] {
                        if *b != b'\n' && *b != b'\r' {
                            *b = b' ';
                        }
                    }
                }
            }
        }
        prose.text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        prose.masks.sort_by_key(|m| m.start);
    }
}

fn kind_of(m: &str) -> Kind {
    if CONTROL_PREFIXES.iter().any(|p| m.starts_with(p)) {
        return Kind::Control;
    }
    let inner = m
        .strip_prefix("{{")
        .map(|r| r.trim_start_matches(['~', '-']).trim_start());
    if inner.is_some_and(|r| {
        r.strip_prefix("else")
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    }) {
        return Kind::Control;
    }
    Kind::Placeholder
}

/// After parsing a filled source: put each placeholder's text back into the prose and
/// mask it. A placeholder the parser dropped (in an attribute, a code block) is skipped.
pub fn restore(prose: &mut Prose, source: &str, matches: &[TemplateMatch]) {
    let order = prose.map.source_order();
    let mut put = Vec::new();
    for m in matches.iter().filter(|m| m.kind == Kind::Placeholder) {
        let Some(r) = prose.map.to_prose(m.range.clone(), &order) else {
            continue;
        };
        let filler = prose.text.get(r.clone()).unwrap_or("");
        if r.len() == m.range.len() && filler.bytes().all(|b| matches!(b, b'x' | b'\n' | b'\r')) {
            put.push((r, m.range.clone()));
        }
    }
    if put.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(&mut prose.text).into_bytes();
    for (r, src) in &put {
        bytes[r.clone()].copy_from_slice(&source.as_bytes()[src.clone()]);
        prose.masks.push(Span::new(r.start, r.end));
    }
    prose.text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    prose.masks.sort_by_key(|m| m.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Kind)> {
        Masker::builtin()
            .find(text)
            .into_iter()
            .map(|m| (&text[m.range], m.kind))
            .collect()
    }

    #[test]
    fn placeholders_of_every_engine() {
        use Kind::Placeholder as P;
        for p in [
            "{{naam}}",
            "{{ klant.naam }}",
            "{{{adres}}}",
            "{{- bedrag -}}",
            "${bedrag}",
            "%s",
            "%(naam)s",
            "[NAAM]",
            "[POLIS NUMMER]",
            "[ÉÉN NAAM]",
            "<<NAAM>>",
            "{NAAM}",
            "{voornaam}",
            "«Achternaam»",
            "<@handtekening/>",
        ] {
            let text = format!("Beste {p}, hallo.");
            assert_eq!(found(&text), vec![(p, P)], "{p}");
        }
    }

    #[test]
    fn control_tags_of_every_engine() {
        use Kind::Control as C;
        for c in [
            "{{#if betaald}}",
            "{{/if}}",
            "{{else}}",
            "{{^items}}",
            "{{! opmerking }}",
            "{{!-- lang {{x}} --}}",
            "{% if x %}",
            "{%- endif -%}",
            "{# opmerking #}",
            "<#if bedrag gt 0>",
            "</#if>",
            "[#if x]",
            "[/#if]",
            "<#-- opmerking -->",
            "{% comment %}niet tonen{% endcomment %}",
        ] {
            let text = format!("Tekst {c} meer.");
            assert_eq!(found(&text), vec![(c, C)], "{c}");
        }
    }

    #[test]
    fn ordinary_prose_is_not_a_template() {
        assert!(found("U betaalt 50% (€ 25) vóór 1 mei [zie bijlage]. A [x] B").is_empty());
        assert!(found("Dat is 100%sneller, <b>vet</b> en {} of { x }.").is_empty());
    }

    #[test]
    fn extra_patterns_are_placeholders_and_bad_ones_are_dutch_errors() {
        let m = Masker::with_extra(&[r"@@[a-z]+@@".to_owned()]).unwrap();
        let f = m.find("Beste @@naam@@ en {{x}}.");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|m| m.kind == Kind::Placeholder));
        let e = Masker::with_extra(&["(".to_owned()]).err().unwrap();
        assert!(e.contains("ongeldig placeholder-patroon"), "{e}");
        assert!(Masker::with_extra(&["x*".to_owned()]).is_err());
    }

    #[test]
    fn fill_keeps_lengths_and_newlines() {
        let src = "Beste «Naam»,\n{{#if x}}\nJa{{/if}}";
        let f = Masker::builtin().fill(src).unwrap();
        assert_eq!(f.text.len(), src.len());
        assert_eq!(f.text, "Beste xxxxxxxx,\n         \nJa       ");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Anchored tries at the possible starts find exactly what one `find_iter` over the
        /// whole text finds, on text made of the characters the patterns are built from.
        #[test]
        fn anchored_starts_find_what_find_iter_finds(
            text in "([{}<>\\[\\]$%«»#/!~@=()\n a-zA-Z0-9_.-]|[sd%]|[ÉÖ×é\u{a0}]|\\[É|else |comment |--){0,80}"
        ) {
            let all = Regex::new(&Masker::builtin().source).unwrap();
            let expected: Vec<_> = all
                .find_iter(&text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.range(), kind_of(m.as_str())))
                .collect();
            let found: Vec<_> = Masker::builtin()
                .find(&text)
                .into_iter()
                .map(|m| (m.range, m.kind))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
