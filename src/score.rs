//! Readability figures per document: counts, Flesch-Douma and Brouwer (B1-GUIDE §2.1–2.2)
//! and a B1 *indication*. No published mapping from these formulas to CEFR exists; the
//! indication is helder's own, documented in the README, and findings come first.

use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::rules::{Rule, RuleSet, combine, registry, run_one, same_findings};
use crate::text::{Document, UnitKind, syllables};
use serde::Serialize;
use std::sync::{LazyLock, OnceLock};

#[derive(Clone, Debug, Default, Serialize)]
pub struct Score {
    pub words: usize,
    pub sentences: usize,
    pub avg_sentence_words: f64,
    pub longest_sentence_words: usize,
    /// Share (0–1) of sentences over the `lange-zin` threshold.
    pub long_sentence_share: f64,
    pub long_sentence_threshold: usize,
    pub syllables_per_word: f64,
    /// 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence.
    pub flesch_douma: f64,
    /// 195 − 2/3 × syllables per 100 words − 2 × words per sentence.
    pub brouwer: f64,
    /// Share (0–1) of words that are rare (`moeilijk-woord`).
    pub rare_word_share: f64,
    /// Share (0–1) of sentences with a passive (`lijdende-vorm`).
    pub passive_share: f64,
    /// Negations (`ontkenning`, `dubbele-ontkenning`) per 100 words.
    pub negations_per_100: f64,
    /// Officialese and stock phrases (`ambtelijk-woord`, `standaardzin`) per 100 words.
    pub officialese_per_100: f64,
    /// helder's B1 score, 0–100, higher is easier (docs/score.md).
    pub b1_score: f64,
    /// Level indication from the B1 score: A2, B1, B2 or C1+.
    pub level: &'static str,
    /// The factors that cost the most points, largest first (at most three).
    pub factors: Vec<Factor>,
    pub b1: B1Indication,
}

/// One factor of the B1 score and the points it costs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Factor {
    pub name: &'static str,
    /// Dutch description with the measured value.
    pub description: String,
    pub points: f64,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct B1Indication {
    pub met: bool,
    /// Dutch reasons when not met (empty when met).
    pub reasons: Vec<String>,
}

/// The thresholds of the B1 indication (documented in the README).
pub const B1_MAX_AVG_WORDS: f64 = 15.0;
pub const B1_MAX_LONG_SHARE: f64 = 0.10;
pub const B1_MIN_FLESCH_DOUMA: f64 = 60.0;

/// Sentences that count for readability: running text, not address lines,
/// salutations or headings — unless the text has nothing else.
pub fn counted_sentences<'d>(doc: &'d Document) -> Vec<&'d crate::text::Sentence> {
    let body: Vec<_> = doc
        .sentences
        .iter()
        .filter(|s| {
            matches!(
                doc.paragraphs[s.paragraph].kind,
                UnitKind::Paragraph | UnitKind::ListItem
            )
        })
        .collect();
    if body.is_empty() {
        doc.sentences.iter().collect()
    } else {
        body
    }
}

pub fn word_syllables(doc: &Document, s: &crate::text::Sentence) -> (usize, usize) {
    let mut words = 0;
    let mut syl = 0;
    for t in doc.sentence_tokens(s) {
        if t.counts_as_word() {
            words += 1;
            syl += if t.is_word() {
                syllables::count_lower(doc.token_lower(t))
            } else {
                // Numbers, links and placeholders: count as a two-syllable word.
                2
            };
        }
    }
    (words, syl)
}

/// What the B1 score measures in a stretch of text (a sentence, a paragraph, a document).
#[derive(Clone, Copy, Debug, Default)]
pub struct Features {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub long_sentences: usize,
    pub rare_words: usize,
    pub passive_sentences: usize,
    pub negations: usize,
    pub officialese: usize,
}

impl Features {
    pub fn add(&mut self, o: &Features) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.syllables += o.syllables;
        self.long_sentences += o.long_sentences;
        self.rare_words += o.rare_words;
        self.passive_sentences += o.passive_sentences;
        self.negations += o.negations;
        self.officialese += o.officialese;
    }
}

/// The B1 score's factors: (name, weight, measured value, value at which the full
/// weight is lost, value below which nothing is lost). Calibrated on 44 pairs of
/// originals and plain rewrites (docs/score.md).
fn factor_table(f: &Features) -> [(&'static str, f64, f64, f64, f64); 7] {
    let w = f.words.max(1) as f64;
    let n = f.sentences.max(1) as f64;
    [
        ("zinslengte", WEIGHTS[0], f.words as f64 / n, 22.0, 9.0),
        (
            "lettergrepen per woord",
            WEIGHTS[1],
            f.syllables as f64 / w,
            1.9,
            1.4,
        ),
        (
            "lange zinnen",
            WEIGHTS[2],
            f.long_sentences as f64 / n,
            0.5,
            0.0,
        ),
        (
            "zeldzame woorden",
            WEIGHTS[3],
            100.0 * f.rare_words as f64 / w,
            8.0,
            0.5,
        ),
        (
            "ambtelijke taal",
            WEIGHTS[4],
            100.0 * f.officialese as f64 / w,
            5.0,
            0.0,
        ),
        (
            "lijdende vorm",
            WEIGHTS[5],
            f.passive_sentences as f64 / n,
            0.5,
            0.0,
        ),
        (
            "ontkenningen",
            WEIGHTS[6],
            100.0 * f.negations as f64 / w,
            5.0,
            0.5,
        ),
    ]
}

/// Weights of the factors, in the order of [`factor_table`]; they add up to 100.
pub const WEIGHTS: [f64; 7] = [24.0, 22.0, 8.0, 14.0, 18.0, 9.0, 5.0];

/// Level bands of the B1 score (docs/score.md).
pub fn level(score: f64) -> &'static str {
    match score {
        s if s >= 95.0 => "A2",
        s if s >= 75.0 => "B1",
        s if s >= 50.0 => "B2",
        _ => "C1+",
    }
}

/// helder's B1 score (0–100, higher = easier) and the factors, costliest first.
pub fn b1_score(f: &Features) -> (f64, Vec<Factor>) {
    if f.words == 0 {
        return (100.0, Vec::new());
    }
    let mut factors: Vec<Factor> = factor_table(f)
        .into_iter()
        .map(|(name, weight, value, full, free)| {
            let share = ((value - free) / (full - free)).clamp(0.0, 1.0);
            Factor {
                name,
                description: describe(name, value),
                points: weight * share,
            }
        })
        .collect();
    let score = (100.0 - factors.iter().map(|f| f.points).sum::<f64>()).clamp(0.0, 100.0);
    factors.sort_by(|a, b| b.points.total_cmp(&a.points));
    factors.retain(|f| f.points >= 0.5);
    factors.truncate(3);
    (score, factors)
}

fn describe(name: &str, value: f64) -> String {
    match name {
        "zinslengte" => format!("gemiddeld {} woorden per zin", nl_number(value, 1)),
        "lettergrepen per woord" => format!("{} lettergrepen per woord", nl_number(value, 2)),
        "lange zinnen" => format!("{}% lange zinnen", nl_number(value * 100.0, 0)),
        "zeldzame woorden" => format!("{} zeldzame woorden per 100", nl_number(value, 1)),
        "ambtelijke taal" => format!(
            "{} ambtelijke woorden of standaardzinnen per 100",
            nl_number(value, 1)
        ),
        "lijdende vorm" => format!(
            "{}% zinnen in de lijdende vorm",
            nl_number(value * 100.0, 0)
        ),
        _ => format!("{} ontkenningen per 100 woorden", nl_number(value, 1)),
    }
}

/// The rules whose findings feed the B1 score, as the built-in rules define them, so the
/// score does not change with a project's rule settings.
const SIGNAL_RULES: &[&str] = &[
    "lijdende-vorm",
    "ontkenning",
    "dubbele-ontkenning",
    "ambtelijk-woord",
    "standaardzin",
    "moeilijk-woord",
];

/// The built-in definitions of the signal rules, and each rule built on first need:
/// usually the checked rule set has the same rule and its findings are reused.
struct Signals {
    defs: Vec<RuleDef>,
    built: Vec<OnceLock<Box<dyn Rule>>>,
}

impl Signals {
    fn new() -> Signals {
        let defs: Vec<RuleDef> = crate::config::default_defs()
            .expect("built-in rules are valid")
            .into_iter()
            .filter(|d| SIGNAL_RULES.contains(&d.id.as_str()))
            .collect();
        let built = defs.iter().map(|_| OnceLock::new()).collect();
        Signals { defs, built }
    }
}

static SIGNALS: LazyLock<Signals> = LazyLock::new(Signals::new);

/// The signal findings of a document. `checked` is the rule set that produced
/// `per_rule` (each rule's own findings, [`RuleSet::run`]); a signal rule it has with
/// the built-in definition is not run again.
fn signal_findings(
    s: &Signals,
    doc: &Document,
    checked: &RuleSet,
    per_rule: &[Vec<Finding>],
) -> Vec<Finding> {
    let mut rules: Vec<&dyn Rule> = Vec::with_capacity(s.defs.len());
    let mut found = Vec::with_capacity(s.defs.len());
    for (def, cell) in s.defs.iter().zip(&s.built) {
        let reused = checked
            .rules()
            .zip(per_rule)
            .find(|(r, _)| same_findings(&r.meta().def, def));
        match reused {
            Some((r, f)) => {
                rules.push(r);
                found.push(f.clone());
            }
            None => {
                let r = cell
                    .get_or_init(|| registry::build(def).expect("built-in rules are valid"))
                    .as_ref();
                rules.push(r);
                found.push(run_one(r, doc));
            }
        }
    }
    combine(&rules, doc, found)
}

/// Features per sentence of a document; `checked` and `per_rule` as for
/// [`signal_findings`].
pub fn sentence_features(
    doc: &Document,
    checked: &RuleSet,
    per_rule: &[Vec<Finding>],
    long_threshold: usize,
) -> Vec<Features> {
    let mut out: Vec<Features> = doc
        .sentences
        .iter()
        .map(|s| {
            let (words, syllables) = word_syllables(doc, s);
            Features {
                words,
                sentences: usize::from(words > 0),
                syllables,
                long_sentences: usize::from(words > long_threshold),
                ..Features::default()
            }
        })
        .collect();
    let findings = signal_findings(&SIGNALS, doc, checked, per_rule);
    let mut passive_seen = vec![false; out.len()];
    for f in findings {
        let Some(i) = doc.sentence_at(f.span.start) else {
            continue;
        };
        match f.rule {
            "lijdende-vorm" if !passive_seen[i] => {
                passive_seen[i] = true;
                out[i].passive_sentences = 1;
            }
            "ontkenning" | "dubbele-ontkenning" => out[i].negations += 1,
            "ambtelijk-woord" | "standaardzin" => out[i].officialese += 1,
            "moeilijk-woord" => out[i].rare_words += 1,
            _ => {}
        }
    }
    out
}

pub fn flesch_douma(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let wl = 100.0 * syllables as f64 / words as f64;
    let zl = words as f64 / sentences as f64;
    206.84 - 0.77 * wl - 0.93 * zl
}

pub fn brouwer(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let wl = 100.0 * syllables as f64 / words as f64;
    let zl = words as f64 / sentences as f64;
    195.0 - (2.0 / 3.0) * wl - 2.0 * zl
}

/// Douma's rating of a Flesch-Douma score (B1-GUIDE §2.1).
pub fn douma_label(score: f64) -> &'static str {
    match score {
        s if s >= 90.0 => "zeer gemakkelijk",
        s if s >= 80.0 => "gemakkelijk",
        s if s >= 70.0 => "tamelijk gemakkelijk",
        s if s >= 60.0 => "normaal",
        s if s >= 45.0 => "tamelijk moeilijk",
        s if s >= 30.0 => "moeilijk",
        _ => "zeer moeilijk",
    }
}

/// Whether a sentence is running text (not an address line, salutation or heading):
/// only those count for readability, unless the text has none.
fn is_body(doc: &Document, s: &crate::text::Sentence) -> bool {
    matches!(
        doc.paragraphs[s.paragraph].kind,
        UnitKind::Paragraph | UnitKind::ListItem
    )
}

pub fn score(doc: &Document, checked: &RuleSet, per_rule: &[Vec<Finding>]) -> Score {
    let long_threshold = checked.long_sentence_threshold();
    let per_sentence = sentence_features(doc, checked, per_rule, long_threshold);
    score_from(doc, &per_sentence, long_threshold)
}

/// The document score from per-sentence features (computed once, shared with the
/// per-sentence and per-paragraph figures).
pub fn score_from(doc: &Document, per_sentence: &[Features], long_threshold: usize) -> Score {
    let mut total = Tally::default();
    total.add(doc, per_sentence);
    total.score(long_threshold)
}

/// The features of the sentences that count, summed (per document, or over the parts of
/// a very large file), and the longest sentence. Running text counts; a text without any
/// (only lines and headings) counts whole.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    body: Sum,
    all: Sum,
    /// Some sentence is running text (even one without words, such as "...").
    has_body: bool,
}

#[derive(Clone, Debug, Default)]
struct Sum {
    features: Features,
    longest: usize,
}

impl Sum {
    fn add(&mut self, f: &Features) {
        self.features.add(f);
        self.longest = self.longest.max(f.words);
    }

    fn merge(&mut self, o: &Sum) {
        self.features.add(&o.features);
        self.longest = self.longest.max(o.longest);
    }
}

impl Tally {
    pub fn add(&mut self, doc: &Document, per_sentence: &[Features]) {
        for (s, feat) in doc.sentences.iter().zip(per_sentence) {
            let body = is_body(doc, s);
            self.has_body |= body;
            if feat.words > 0 {
                self.all.add(feat);
                if body {
                    self.body.add(feat);
                }
            }
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.body.merge(&other.body);
        self.all.merge(&other.all);
        self.has_body |= other.has_body;
    }

    pub fn score(&self, long_threshold: usize) -> Score {
        let sum = if self.has_body { &self.body } else { &self.all };
        score_of(&sum.features, sum.longest, long_threshold)
    }
}

fn score_of(f: &Features, longest: usize, long_threshold: usize) -> Score {
    let (words, syl, n) = (f.words, f.syllables, f.sentences);
    let avg = if n == 0 { 0.0 } else { words as f64 / n as f64 };
    let long_share = if n == 0 {
        0.0
    } else {
        f.long_sentences as f64 / n as f64
    };
    let fd = flesch_douma(words, n, syl);
    let (b1_score, factors) = b1_score(f);
    let lvl = level(b1_score);
    let mut reasons = Vec::new();
    if n == 0 {
        reasons.push("de tekst heeft geen zinnen".to_owned());
    } else {
        if avg > B1_MAX_AVG_WORDS {
            reasons.push(format!(
                "gemiddelde zinslengte {} woorden (B1: hoogstens {})",
                nl_number(avg, 1),
                B1_MAX_AVG_WORDS
            ));
        }
        if long_share > B1_MAX_LONG_SHARE {
            reasons.push(format!(
                "{}% van de zinnen is langer dan {} woorden (B1: hoogstens {}%)",
                (long_share * 100.0).round(),
                long_threshold,
                B1_MAX_LONG_SHARE * 100.0
            ));
        }
        if fd < B1_MIN_FLESCH_DOUMA {
            reasons.push(format!(
                "Flesch-Douma {} (B1: minstens {})",
                nl_number(fd, 0),
                B1_MIN_FLESCH_DOUMA
            ));
        }
        if !matches!(lvl, "A2" | "B1") {
            reasons.push(format!(
                "B1-score {} ({}); het meest kosten: {}",
                nl_number(b1_score, 0),
                lvl,
                factors
                    .iter()
                    .map(|f| f.description.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let w = words.max(1) as f64;
    Score {
        words,
        sentences: n,
        avg_sentence_words: avg,
        longest_sentence_words: longest,
        long_sentence_share: long_share,
        long_sentence_threshold: long_threshold,
        syllables_per_word: if words == 0 { 0.0 } else { syl as f64 / w },
        flesch_douma: fd,
        brouwer: brouwer(words, n, syl),
        rare_word_share: f.rare_words as f64 / w,
        passive_share: if n == 0 {
            0.0
        } else {
            f.passive_sentences as f64 / n as f64
        },
        negations_per_100: 100.0 * f.negations as f64 / w,
        officialese_per_100: 100.0 * f.officialese as f64 / w,
        b1_score,
        level: lvl,
        factors,
        b1: B1Indication {
            met: reasons.is_empty(),
            reasons,
        },
    }
}

/// A number with a decimal comma, as Dutch readers write it.
pub fn nl_number(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score_of(doc: &Document) -> Score {
        let rules = crate::rules::test_rules();
        score(doc, rules, &rules.run(doc))
    }

    #[test]
    fn the_score_reuses_the_findings_of_the_checked_rules() {
        let rules = crate::default_rules();
        let doc = Document::from_text(
            "Uw aanvraag wordt niet behandeld. Indien u vragen heeft, bel ons.",
        );
        let per_rule = rules.run(&doc);
        let signals = Signals::new();
        let reused = signal_findings(&signals, &doc, &rules, &per_rule);
        // Nothing was built for the score: every signal rule came from `rules`.
        assert!(signals.built.iter().all(|c| c.get().is_none()));
        // A project that changes a signal rule does not change the score.
        let mut defs = crate::config::default_defs().unwrap();
        for d in &mut defs {
            if d.id == "ambtelijk-woord" {
                d.enabled = false;
            }
        }
        let fewer = RuleSet::new(
            defs.iter()
                .filter(|d| d.enabled)
                .map(|d| registry::build(d).unwrap())
                .collect(),
        );
        let own = signal_findings(&signals, &doc, &fewer, &fewer.run(&doc));
        assert!(signals.built.iter().any(|c| c.get().is_some()));
        let ids = |v: &[Finding]| v.iter().map(|f| (f.rule, f.span)).collect::<Vec<_>>();
        assert_eq!(ids(&own), ids(&reused));
        assert!(reused.iter().any(|f| f.rule == "ambtelijk-woord"));
        assert!(reused.iter().any(|f| f.rule == "lijdende-vorm"));
    }

    #[test]
    fn formulas_match_the_published_coefficients() {
        // 100 words, 10 sentences, 150 syllables: wl = 150, zl = 10.
        assert!((flesch_douma(100, 10, 150) - (206.84 - 115.5 - 9.3)).abs() < 1e-9);
        assert!((brouwer(100, 10, 150) - (195.0 - 100.0 - 20.0)).abs() < 1e-9);
    }

    #[test]
    fn short_plain_text_meets_b1_and_long_text_does_not() {
        let easy =
            Document::from_text("U krijgt geld terug. Wij maken het over. Dat doen we deze week.");
        assert!(score_of(&easy).b1.met);
        let hard = Document::from_text(
            "Indien de belanghebbende niet binnen de daartoe gestelde termijn de verschuldigde bedragen voldoet, wordt de vordering onverwijld ter incasso uit handen gegeven aan een daartoe gerechtigde deurwaarder.",
        );
        let s = score_of(&hard);
        assert!(!s.b1.met);
        assert!(s.b1.reasons.iter().any(|r| r.contains("zinslengte")));
    }
}
