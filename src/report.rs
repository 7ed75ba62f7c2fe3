//! One file from source text to located findings and score: decode → prose → document
//! → rules → findings mapped back to the file (byte offsets and line:column).

use crate::finding::{Safety, Severity};
use crate::input::{Encoding, Format, Loaded, Prose};
use crate::rules::{Rule, RuleSet, combine};
use crate::score::{Features, Score, b1_score, level, score_from, sentence_features};
use crate::text::{Document, LineIndex, Span};
use serde::Serialize;

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
    pub hint: Option<String>,
    /// The flagged text as it stands in the source.
    pub text: String,
    #[serde(flatten)]
    pub location: Location,
    pub suggestions: Vec<LocatedSuggestion>,
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
    /// The decoded source text.
    pub source: String,
    pub encoding: Encoding,
    pub format: Format,
    /// Dutch notices (encoding fallback, …).
    pub notices: Vec<String>,
    pub findings: Vec<FileFinding>,
    pub score: Score,
    pub sentences: Vec<SentenceInfo>,
    pub paragraphs: Vec<ParagraphInfo>,
    pub line_index: LineIndex,
}

/// Maps prose spans to file locations.
struct Locator<'a> {
    source: &'a str,
    prose: &'a Prose,
    lines: &'a LineIndex,
    encoding: Encoding,
}

impl Locator<'_> {
    fn locate(&self, prose_span: Span) -> Location {
        let s = self.prose.map.span_to_source(prose_span);
        let a = self.lines.line_col(self.source, s.start);
        let b = self.lines.line_col(self.source, s.end);
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
    let Loaded {
        source,
        encoding,
        prose,
        notices,
    } = loaded;
    let doc = Document::new(&prose);
    let line_index = LineIndex::new(&source);
    let loc = Locator {
        source: &source,
        prose: &prose,
        lines: &line_index,
        encoding,
    };
    let per_rule = rules.run(&doc);
    let threshold = rules.long_sentence_threshold();
    // The score counts some of these rules' own findings, before they are combined.
    let features = if options.score || options.sentences {
        sentence_features(&doc, rules, &per_rule, threshold)
    } else {
        Vec::new()
    };
    let all: Vec<&dyn Rule> = rules.rules().collect();
    let mut findings: Vec<FileFinding> = combine(&all, &doc, per_rule)
        .into_iter()
        .map(|f| {
            let location = loc.locate(f.span);
            FileFinding {
                rule: f.rule,
                severity: f.severity,
                message: f.message,
                hint: f.hint,
                text: source[location.text_span.start..location.text_span.end].to_owned(),
                location,
                suggestions: f
                    .suggestions
                    .into_iter()
                    .map(|s| {
                        let location = loc.locate(s.span);
                        let t = location.text_span;
                        LocatedSuggestion {
                            exact: source.get(t.start..t.end)
                                == prose.text.get(s.span.start..s.span.end),
                            replacement: s.replacement,
                            safety: s.safety,
                            location,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    suppress(&source, &line_index, &mut findings, rules, &loc);
    let (sentences, paragraphs) = if !options.sentences {
        (Vec::new(), Vec::new())
    } else {
        let sentences = doc
            .sentences
            .iter()
            .zip(&features)
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
    };
    let score = if options.score {
        score_from(&doc, &features, threshold)
    } else {
        Score::default()
    };
    FileReport {
        path: path.to_owned(),
        encoding,
        format,
        notices,
        findings,
        score,
        sentences,
        paragraphs,
        line_index,
        source,
    }
}

/// Inline suppression on located findings (source coordinates, any format).
fn suppress(
    source: &str,
    lines: &LineIndex,
    findings: &mut Vec<FileFinding>,
    rules: &RuleSet,
    loc: &Locator,
) {
    if !source.contains("helder-") {
        return;
    }
    let keys: Vec<(&str, usize)> = findings
        .iter()
        .map(|f| (f.rule, f.location.text_span.start))
        .collect();
    let out = crate::suppress::apply(source, lines, &keys, &|id| rules.get(id).is_some());
    let mut i = 0;
    findings.retain(|_| {
        i += 1;
        !out.suppressed[i - 1]
    });
    let Some(meta) = rules.get(crate::suppress::UNUSED_RULE).map(|r| r.meta()) else {
        return;
    };
    for (span, message) in out.unused {
        let a = lines.line_col(source, span.start);
        let b = lines.line_col(source, span.end);
        findings.push(FileFinding {
            rule: meta.id,
            severity: meta.severity,
            message,
            hint: meta.def.hint.clone(),
            text: source[span.start..span.end].to_owned(),
            location: Location {
                start: loc.encoding.file_offset_indexed(source, span.start, lines),
                end: loc.encoding.file_offset_indexed(source, span.end, lines),
                line: a.line,
                column: a.column,
                end_line: b.line,
                end_column: b.column,
                text_span: span,
            },
            suggestions: Vec::new(),
        });
    }
    findings.sort_by_key(|f| (f.location.start, f.location.end, f.rule));
}

impl FileReport {
    /// Drop what only the terminal snippets need (the source text), to keep memory
    /// bounded when thousands of reports are kept for JSON or SARIF.
    pub fn slim(&mut self) {
        self.source = String::new();
        self.line_index = LineIndex::new("");
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
