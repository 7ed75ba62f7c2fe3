//! One file from source text to located findings and score: decode → prose → document
//! → rules → findings mapped back to the file (byte offsets and line:column).

use crate::finding::{Safety, Severity};
use crate::input::{Encoding, Format, Loaded, Prose};
use crate::rules::{Rule, RuleSet, combine};
use crate::score::{Features, Score, Tally, b1_score, level, sentence_features};
use crate::suppress::{DIRECTIVE_MARK, Directives};
use crate::text::span::LineCursor;
use crate::text::{Document, LineIndex, Span};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::io;
use std::ops::Range;
use std::sync::Arc;

/// Prose larger than twice this is checked in parts of about this size (see
/// [`analyze_in_parts`]), so memory stays bounded however large the file is.
pub const PART_SIZE: usize = 1 << 19;

/// The rules that look at the whole document: its letter structure, its form of address,
/// words it explains itself or that are reported once. In a file checked in parts (see
/// [`analyze_in_parts`]) they see one part; every other rule finds the same as in the
/// whole text (tests/parts.rs, fuzz target `parts`). `lange-alinea` reads the body of the
/// letter: in a later part, every paragraph.
pub const WHOLE_DOCUMENT_RULES: &[&str] = &[
    "kern-eerst",
    "eerste-alinea-lang",
    "nietszeggend-onderwerp",
    "tussenkopjes",
    "lange-alinea",
    "aanspreekvorm",
    "moeilijk-woord",
    "lang-woord",
    "afkorting",
];

/// A place in the source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Byte offsets in the file as stored on disk.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte span in the decoded source text (for snippets and fixes).
    #[serde(skip)]
    pub text_span: Span,
}

#[derive(Clone, Debug, Serialize)]
pub struct LocatedSuggestion {
    pub replacement: String,
    pub safety: Safety,
    /// The source bytes at this place are exactly the prose text the rule saw, so a fix
    /// can replace them without touching markup or placeholders.
    #[serde(skip)]
    pub exact: bool,
    #[serde(flatten)]
    pub location: Location,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileFinding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<std::borrow::Cow<'static, str>>,
    /// The flagged text as it stands in the source.
    pub text: SourceText,
    #[serde(flatten)]
    pub location: Location,
    pub suggestions: Vec<LocatedSuggestion>,
}

/// A piece of a file's decoded source text, kept as the shared source and a span
/// instead of a copy: a large text has many findings. Reads as a `&str`, and serialises
/// and prints as one.
#[derive(Clone)]
pub struct SourceText {
    source: Arc<String>,
    span: Span,
}

impl SourceText {
    /// `span` of `source`; it must lie on character boundaries.
    pub fn new(source: &Arc<String>, span: Span) -> SourceText {
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        SourceText {
            source: Arc::clone(source),
            span,
        }
    }
}

impl std::ops::Deref for SourceText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.source[self.span.start..self.span.end]
    }
}

impl std::fmt::Debug for SourceText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for SourceText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SourceText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl PartialEq for SourceText {
    fn eq(&self, other: &SourceText) -> bool {
        **self == **other
    }
}

impl Eq for SourceText {}

impl PartialEq<str> for SourceText {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for SourceText {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialEq<String> for SourceText {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SentenceInfo {
    #[serde(flatten)]
    pub location: Location,
    pub words: usize,
    pub syllables: usize,
    /// helder's B1 score of this sentence (0–100, higher = easier) and its level.
    pub score: f64,
    pub level: &'static str,
    pub text: String,
}

/// A paragraph (unit) with its figures, for `helder score --format json` and the report.
#[derive(Clone, Debug, Serialize)]
pub struct ParagraphInfo {
    #[serde(flatten)]
    pub location: Location,
    pub kind: crate::text::UnitKind,
    pub words: usize,
    pub syllables: usize,
    pub score: f64,
    pub level: &'static str,
}

pub struct FileReport {
    /// The path as the user gave it (or `-`).
    pub path: String,
    /// The decoded source text (shared by the parts of a very large file).
    pub source: Arc<String>,
    pub encoding: Encoding,
    pub format: Format,
    /// Dutch notices (encoding fallback, …).
    pub notices: Vec<String>,
    pub findings: Vec<FileFinding>,
    pub score: Score,
    pub sentences: Vec<SentenceInfo>,
    pub paragraphs: Vec<ParagraphInfo>,
    pub line_index: Arc<LineIndex>,
    /// Which part of the file this report covers: one report per file, except for a very
    /// large file, which gets one per part. Only the last part carries the score.
    pub part: Part,
}

/// A report's place among the reports of its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub index: usize,
    pub last: bool,
}

impl Part {
    pub const WHOLE: Part = Part {
        index: 0,
        last: true,
    };

    pub fn first(self) -> bool {
        self.index == 0
    }
}

/// Maps prose spans to file locations. Spans that come in text order (findings sorted
/// by place) are located fastest: see [`LineCursor`].
struct Locator<'a> {
    /// The source text, shared with the findings' texts.
    source: &'a Arc<String>,
    prose: &'a Prose,
    lines: &'a LineIndex,
    encoding: Encoding,
    /// Where the checked part starts in the prose: rules give spans in the part.
    base: usize,
    /// One cursor for the starts of the spans, and one for the ends that are not on the
    /// line of their start: each of them mostly moves forward.
    starts: LineCursor<'a>,
    ends: LineCursor<'a>,
}

impl Locator<'_> {
    fn locate(&mut self, part_span: Span) -> Location {
        let prose_span = Span::new(part_span.start + self.base, part_span.end + self.base);
        let s = self.prose.map.span_to_source(prose_span);
        self.located(s)
    }

    /// The location of a span of the source text.
    fn located(&mut self, s: Span) -> Location {
        let a = self.starts.line_col(s.start);
        let b = match self.starts.ahead(s.end) {
            Some(b) => b,
            None => self.ends.line_col(s.end),
        };
        Location {
            start: self
                .encoding
                .file_offset_indexed(self.source, s.start, self.lines),
            end: self
                .encoding
                .file_offset_indexed(self.source, s.end, self.lines),
            line: a.line,
            column: a.column,
            end_line: b.line,
            end_column: b.column,
            text_span: s,
        }
    }
}

/// What to compute besides the findings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Readability figures (terminal summary line, JSON, `helder score`).
    pub score: bool,
    /// Every sentence with its place (`helder score --format json`, baselines).
    pub sentences: bool,
}

impl Options {
    pub const FULL: Options = Options {
        score: true,
        sentences: true,
    };
    pub const FINDINGS: Options = Options {
        score: false,
        sentences: false,
    };
}

/// Analyse a file: findings, score and sentences.
pub fn analyze(path: &str, loaded: Loaded, format: Format, rules: &RuleSet) -> FileReport {
    analyze_with(path, loaded, format, rules, Options::FULL)
}

/// Analyse a file, computing only what `options` asks for besides the findings.
pub fn analyze_with(
    path: &str,
    loaded: Loaded,
    format: Format,
    rules: &RuleSet,
    options: Options,
) -> FileReport {
    let mut whole = None;
    analyze_in_parts(path, loaded, format, rules, options, usize::MAX, &mut |r| {
        whole = Some(r);
        Ok(())
    })
    .expect("collecting a report does not fail");
    whole.expect("a file gives at least one report")
}

/// Analyse a file and hand its report to `sink`. Prose larger than twice `part_size` is
/// checked in parts of about that size, cut at blank lines, with one report per part, so
/// memory stays bounded. Per sentence the findings are the same as for the whole text;
/// what looks at the whole document sees one part: the letter structure is only looked
/// for in the first part, u/je mixing and self-explained words per part. Suppression
/// comments work across parts; one that suppresses nothing is reported with the last
/// part, which also carries the score of the whole file.
pub fn analyze_in_parts(
    path: &str,
    loaded: Loaded,
    format: Format,
    rules: &RuleSet,
    options: Options,
    part_size: usize,
    sink: &mut dyn FnMut(FileReport) -> io::Result<()>,
) -> io::Result<()> {
    let Loaded {
        source,
        encoding,
        mut prose,
        mut notices,
        prose_is_source,
    } = loaded;
    let source = Arc::new(source);
    // Plain text is usually its own prose: one copy (a very large file counts).
    let text = if prose_is_source {
        Arc::clone(&source)
    } else {
        Arc::new(std::mem::take(&mut prose.text))
    };
    let ends = prose.part_ends(&text, part_size);
    let line_index = Arc::new(LineIndex::new(&source));
    let file = WholeFile {
        text: &text,
        path,
        format,
        encoding,
        source: &source,
        line_index: &line_index,
        prose: &prose,
        // A vectorised search: the text is large and nearly always has no directive.
        directives: memchr::memmem::find(source.as_bytes(), DIRECTIVE_MARK.as_bytes())
            .is_some()
            .then(|| Directives::parse(&source, &line_index)),
        rules,
        options,
    };
    let mut from = 0;
    let parts: Vec<(Part, Range<usize>)> = ends
        .iter()
        .enumerate()
        .map(|(index, &to)| {
            let last = index + 1 == ends.len();
            let range = from..to;
            from = to;
            (Part { index, last }, range)
        })
        .collect();
    // As many parts at once as there are threads: in parallel, memory still bounded.
    let window = if parts.len() == 1 {
        1
    } else {
        rayon::current_num_threads().max(1)
    };
    let mut tally = Tally::default();
    // Directives that suppressed nothing in every part so far.
    let mut unused: Option<Vec<(Span, String)>> = None;
    for group in parts.chunks(window) {
        let checked: Vec<CheckedPart> = if group.len() == 1 {
            vec![file.check(group[0].0, group[0].1.clone())]
        } else {
            group
                .par_iter()
                .map(|(part, range)| file.check(*part, range.clone()))
                .collect()
        };
        for mut c in checked {
            let part = c.report.part;
            tally.merge(&c.tally);
            if let Some(here) = c.unused {
                let still = match unused.take() {
                    None => here,
                    Some(before) => {
                        let here: HashSet<_> = here.into_iter().collect();
                        before.into_iter().filter(|u| here.contains(u)).collect()
                    }
                };
                if part.last {
                    add_unused(still, &mut c.report.findings, rules, &mut file.locator(0));
                } else {
                    unused = Some(still);
                }
            }
            if part.first() {
                c.report.notices = std::mem::take(&mut notices);
            }
            if options.score && part.last {
                c.report.score = tally.score(rules.long_sentence_threshold());
            }
            sink(c.report)?;
        }
    }
    Ok(())
}

/// What every part of a file shares.
struct WholeFile<'a> {
    /// The prose text (`prose.text` is moved here: it may be the source itself).
    text: &'a str,
    path: &'a str,
    format: Format,
    encoding: Encoding,
    source: &'a Arc<String>,
    line_index: &'a Arc<LineIndex>,
    prose: &'a Prose,
    directives: Option<Directives>,
    rules: &'a RuleSet,
    options: Options,
}

/// One part checked: its report (without notices and score), the features it adds to
/// the file's score, and the suppression directives that suppressed nothing in it.
struct CheckedPart {
    report: FileReport,
    tally: Tally,
    unused: Option<Vec<(Span, String)>>,
}

impl WholeFile<'_> {
    fn locator(&self, base: usize) -> Locator<'_> {
        Locator {
            source: self.source,
            prose: self.prose,
            lines: self.line_index,
            encoding: self.encoding,
            base,
            starts: LineCursor::new(self.line_index, self.source),
            ends: LineCursor::new(self.line_index, self.source),
        }
    }

    fn check(&self, part: Part, range: Range<usize>) -> CheckedPart {
        let (rules, options, source) = (self.rules, self.options, self.source.as_str());
        let mut loc = self.locator(range.start);
        let doc = Document::part(self.text, self.prose, range, part.first());
        let per_rule = rules.run(&doc);
        let threshold = rules.long_sentence_threshold();
        // The score counts some of these rules' own findings, before they are combined.
        let features = if options.score || options.sentences {
            sentence_features(&doc, rules, &per_rule, threshold)
        } else {
            Vec::new()
        };
        let all: Vec<&dyn Rule> = rules.rules().collect();
        let combined = combine(&all, &doc, per_rule);
        let mut findings: Vec<FileFinding> = Vec::with_capacity(combined.len());
        for f in combined {
            let location = loc.locate(f.span);
            let mut suggestions = Vec::with_capacity(f.suggestions.len());
            for s in f.suggestions {
                let location = loc.locate(s.span);
                let t = location.text_span;
                suggestions.push(LocatedSuggestion {
                    exact: source.get(t.start..t.end) == doc.text.get(s.span.start..s.span.end),
                    replacement: s.replacement,
                    safety: s.safety,
                    location,
                });
            }
            findings.push(FileFinding {
                rule: f.rule,
                severity: f.severity,
                message: f.message,
                hint: f.hint,
                text: SourceText::new(self.source, location.text_span),
                location,
                suggestions,
            });
        }
        let unused = self.directives.as_ref().map(|dirs| {
            let unused = suppress(dirs, &mut findings, rules, &loc);
            if !part.last {
                // Sorted as the last part is (where the unused ones are added).
                add_unused(Vec::new(), &mut findings, rules, &mut loc);
            }
            unused
        });
        let (sentences, paragraphs) = if options.sentences {
            sentence_infos(&doc, &features, &mut self.locator(loc.base))
        } else {
            (Vec::new(), Vec::new())
        };
        let mut tally = Tally::default();
        if options.score {
            tally.add(&doc, &features);
        }
        CheckedPart {
            report: FileReport {
                path: self.path.to_owned(),
                encoding: self.encoding,
                format: self.format,
                notices: Vec::new(),
                findings,
                score: Score::default(),
                sentences,
                paragraphs,
                line_index: Arc::clone(self.line_index),
                source: Arc::clone(self.source),
                part,
            },
            tally,
            unused,
        }
    }
}

/// Every sentence and paragraph of a document with its place and figures.
fn sentence_infos(
    doc: &Document,
    features: &[Features],
    loc: &mut Locator,
) -> (Vec<SentenceInfo>, Vec<ParagraphInfo>) {
    let sentences = doc
        .sentences
        .iter()
        .zip(features)
        .map(|(s, f)| {
            let (score, _) = b1_score(f);
            SentenceInfo {
                location: loc.locate(s.span),
                words: f.words,
                syllables: f.syllables,
                score,
                level: level(score),
                text: doc.slice(s.span).to_owned(),
            }
        })
        .collect();
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|p| {
            let mut f = Features::default();
            for feat in &features[p.sentences.clone()] {
                f.add(feat);
            }
            let (score, _) = b1_score(&f);
            ParagraphInfo {
                location: loc.locate(p.span),
                kind: p.kind,
                words: f.words,
                syllables: f.syllables,
                score,
                level: level(score),
            }
        })
        .collect();
    (sentences, paragraphs)
}

/// Inline suppression on located findings (source coordinates, any format): drops the
/// suppressed ones and returns the directives that suppressed nothing here.
fn suppress(
    dirs: &Directives,
    findings: &mut Vec<FileFinding>,
    rules: &RuleSet,
    loc: &Locator,
) -> Vec<(Span, String)> {
    let keys: Vec<(&str, usize)> = findings
        .iter()
        .map(|f| (f.rule, f.location.text_span.start))
        .collect();
    let out = crate::suppress::apply_parsed(dirs, loc.source, loc.lines, &keys, &|id| {
        rules.get(id).is_some()
    });
    let mut i = 0;
    findings.retain(|_| {
        i += 1;
        !out.suppressed[i - 1]
    });
    out.unused
}

/// Report the directives that suppressed nothing (when that rule is on), in place
/// among the findings.
fn add_unused(
    unused: Vec<(Span, String)>,
    findings: &mut Vec<FileFinding>,
    rules: &RuleSet,
    loc: &mut Locator,
) {
    let Some(meta) = rules.get(crate::suppress::UNUSED_RULE).map(|r| r.meta()) else {
        return;
    };
    for (span, message) in unused {
        findings.push(FileFinding {
            rule: meta.id,
            severity: meta.severity,
            message,
            hint: meta.hint.map(Into::into),
            text: SourceText::new(loc.source, span),
            location: loc.located(span),
            suggestions: Vec::new(),
        });
    }
    findings.sort_by_key(|f| (f.location.start, f.location.end, f.rule));
}

impl FileReport {
    /// Drop what only the terminal snippets need (the report's hold on the source text,
    /// whose flagged pieces the findings keep), to keep memory bounded when thousands of
    /// reports are kept for JSON or SARIF.
    pub fn slim(&mut self) {
        self.source = Arc::default();
        self.line_index = Arc::new(LineIndex::new(""));
        self.sentences = Vec::new();
        self.paragraphs = Vec::new();
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}
