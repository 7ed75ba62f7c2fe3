//! Shared checks for the fuzz targets: the invariants helder relies on, asserted on
//! every report and document the fuzzer produces. A failed assertion is a crash, just
//! like a panic inside helder.

use helder::input::{self, Format};
use helder::report::{FileReport, Location};
use helder::rules::RuleSet;
use helder::text::{Document, Span};
use std::sync::LazyLock;

/// The built-in rules, built once per process (building them is the slow part).
pub static RULES: LazyLock<RuleSet> = LazyLock::new(helder::default_rules);

/// `span` lies inside `text`, on character boundaries, start ≤ end.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: start {} > end {}",
        span.start,
        span.end
    );
    assert!(
        span.end <= text.len(),
        "{what}: end {} beyond the text ({} bytes)",
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on character boundaries"
    );
}

fn assert_location(source: &str, l: &Location, what: &str) {
    assert_span(source, l.text_span, what);
    assert!(
        l.start <= l.end,
        "{what}: file offsets {} > {}",
        l.start,
        l.end
    );
    assert!(
        l.line >= 1 && l.column >= 1,
        "{what}: line/column start at 1"
    );
    assert!(
        (l.line, l.column) <= (l.end_line, l.end_column),
        "{what}: {}:{} after {}:{}",
        l.line,
        l.column,
        l.end_line,
        l.end_column
    );
}

/// Every finding, suggestion and sentence of a report points inside its source; the
/// renderers accept the report.
pub fn check_report(r: &FileReport) {
    let source = &r.source;
    // Bounded memory: the flagged texts together stay proportional to the source (a
    // mapping that sends every finding to one huge range would copy it per finding).
    // Sentence-wide rules may each flag the same long sentence (a 3 KB subject line
    // without a full stop is long, buried and a long first paragraph at once), so the
    // bound grows with the number of rules, not with the number of findings.
    let flagged: usize = r.findings.iter().map(|f| f.text.len()).sum();
    let rules = RULES.rules().count();
    assert!(
        flagged <= (rules + 8) * source.len() + 4096,
        "flagged texts total {flagged} bytes for a source of {}",
        source.len()
    );
    for f in &r.findings {
        assert_location(source, &f.location, f.rule);
        let t = f.location.text_span;
        assert_eq!(f.text, source[t.start..t.end], "{}: flagged text", f.rule);
        for s in &f.suggestions {
            assert_location(source, &s.location, "suggestion");
        }
    }
    for s in &r.sentences {
        assert_location(source, &s.location, "sentence");
    }
    let reports = std::slice::from_ref(r);
    let mut sink = Vec::new();
    helder::render::terminal::render_check(&mut sink, reports).expect("terminal output");
    helder::render::json::render(&mut sink, reports, true).expect("json output");
    helder::render::compact::render(&mut sink, reports).expect("compact output");
    helder::render::github::render(&mut sink, reports).expect("github output");
}

/// Tokens, sentences, paragraphs and rule findings of a document stay inside its text.
pub fn check_document(doc: &Document, rules: &RuleSet) {
    let text = doc.text;
    assert_eq!(
        doc.lower.len(),
        text.len(),
        "lowercase copy has the same length"
    );
    let mut prev_end = 0;
    for t in &doc.tokens {
        assert_span(text, t.span, "token");
        assert!(t.span.start < t.span.end, "empty token {:?}", t.span);
        assert!(
            t.span.start >= prev_end,
            "tokens overlap or are out of order"
        );
        prev_end = t.span.end;
    }
    for s in &doc.sentences {
        assert_span(text, s.span, "sentence");
        assert!(s.tokens.start < s.tokens.end && s.tokens.end <= doc.tokens.len());
        assert!(s.paragraph < doc.paragraphs.len());
    }
    for p in &doc.paragraphs {
        assert_span(text, p.span, "paragraph");
        assert!(p.sentences.end <= doc.sentences.len());
    }
    for f in rules.check(doc) {
        assert_span(text, f.span, f.rule);
        for s in &f.suggestions {
            assert_span(text, s.span, "suggestion");
        }
    }
}

/// Read `bytes` as `format` with `opts`, analyse with the built-in rules and check the
/// invariants. Errors (a Dutch message) are fine; panics are not.
pub fn load_and_check(bytes: &[u8], format: Format, opts: &input::Options) {
    let Ok(loaded) = input::load_with(bytes, format, opts) else {
        return;
    };
    // Prose ranges map into the source on character boundaries.
    let len = loaded.prose_text().len();
    let whole = loaded.prose.map.span_to_source(Span::new(0, len));
    assert_span(&loaded.source, whole, "prose map");
    let report = helder::report::analyze("fuzz", loaded, format, &RULES);
    check_report(&report);
}
