//! Readability figures per document: counts, Flesch-Douma and Brouwer (B1-GUIDE §2.1–2.2)
//! and a B1 *indication*. No published mapping from these formulas to CEFR exists; the
//! indication is helder's own, documented in the README, and findings come first.

use crate::text::{Document, UnitKind, syllables};
use serde::Serialize;

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
    pub b1: B1Indication,
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

pub fn score(doc: &Document, long_threshold: usize) -> Score {
    let sentences = counted_sentences(doc);
    let mut words = 0;
    let mut syl = 0;
    let mut longest = 0;
    let mut long = 0;
    let mut n = 0;
    for s in &sentences {
        let (w, sy) = word_syllables(doc, s);
        if w == 0 {
            continue;
        }
        n += 1;
        words += w;
        syl += sy;
        longest = longest.max(w);
        if w > long_threshold {
            long += 1;
        }
    }
    let avg = if n == 0 { 0.0 } else { words as f64 / n as f64 };
    let long_share = if n == 0 { 0.0 } else { long as f64 / n as f64 };
    let fd = flesch_douma(words, n, syl);
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
    }
    Score {
        words,
        sentences: n,
        avg_sentence_words: avg,
        longest_sentence_words: longest,
        long_sentence_share: long_share,
        long_sentence_threshold: long_threshold,
        syllables_per_word: if words == 0 {
            0.0
        } else {
            syl as f64 / words as f64
        },
        flesch_douma: fd,
        brouwer: brouwer(words, n, syl),
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
        assert!(score(&easy, 20).b1.met);
        let hard = Document::from_text(
            "Indien de belanghebbende niet binnen de daartoe gestelde termijn de verschuldigde bedragen voldoet, wordt de vordering onverwijld ter incasso uit handen gegeven aan een daartoe gerechtigde deurwaarder.",
        );
        let s = score(&hard, 20);
        assert!(!s.b1.met);
        assert!(s.b1.reasons.iter().any(|r| r.contains("zinslengte")));
    }
}
