//! `long_word`: words of many syllables or letters, mostly long compounds
//! ("huurverhogingspercentage"). Words of more than three syllables are hard for B1
//! readers (B1-GUIDE §0), but most compounds in customer letters have four to six
//! ("betalingsregeling"), so the defaults (7 syllables or 20 letters) flag only the
//! longest; very common words ("verantwoordelijkheid") are left alone. Where the parts
//! are known words, the hint shows the split ("zorgverzekering + polis"), found with
//! the frequency list (`text::frequency::split_last`). Syllables are counted by
//! `text::syllables`.

use super::{Rule, RuleMeta, allowed, capital_expected, params, starts_upper};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::frequency::{split_last, zipf};
use crate::text::lexicon::{key, lexicon};
use crate::text::syllables;
use crate::text::vocab::WordMemo;
use crate::text::{Document, UnitKind};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// A word of at least this many syllables is long.
    pub min_syllables: usize,
    /// A word of at least this many letters is long.
    pub min_letters: usize,
    /// Words at least this common (Zipf) are never flagged: readers know them well.
    pub common_zipf: f32,
    /// Words never flagged (the project's allow-list).
    pub allow: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_syllables: 7,
            min_letters: 20,
            common_zipf: 4.0,
            allow: Vec::new(),
        }
    }
}

pub struct LongWord {
    meta: RuleMeta,
    p: Params,
    allow: HashSet<String>,
    /// The syllables of each long word to flag, per word for the run.
    memo: WordMemo<Option<usize>>,
}

/// What to do with a compound whose parts are known.
const SPLIT_ADVICE: &str = "Splits het als dat kan, bijvoorbeeld met 'van' of 'voor'.";

impl LongWord {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        Ok(LongWord {
            meta: RuleMeta::new(def),
            allow: p.allow.iter().map(|a| key(a.trim())).collect(),
            p,
            memo: WordMemo::default(),
        })
    }

    /// Each syllable needs a vowel: a short ASCII word with few vowels is never long,
    /// whatever its parts. This skips the syllable count (and every lookup) for most words.
    fn surely_short(&self, lower: &str) -> bool {
        self.p.min_syllables > 1
            && lower.is_ascii()
            && lower.len() < self.p.min_letters
            && lower
                .bytes()
                .filter(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
                .count()
                < self.p.min_syllables
    }

    /// Syllables and letters of the longest part of a word ("btw-nummer" reads as two
    /// words), when that makes the word long.
    pub fn measure(&self, lower: &str) -> Option<(usize, usize)> {
        if self.surely_short(lower) {
            return None;
        }
        let part = lower
            .split('-')
            .max_by_key(|p| syllables::count(p))
            .unwrap_or(lower);
        let syl = syllables::count(part);
        let letters = part.chars().filter(|c| c.is_alphabetic()).count();
        let long = syl >= self.p.min_syllables || letters >= self.p.min_letters;
        let common = zipf(part).is_some_and(|z| z >= self.p.common_zipf);
        (long && !common).then_some((syl, letters))
    }
}

/// "zorgverzekering + polis", when the word splits into known parts.
pub fn split_hint(lower: &str) -> Option<String> {
    let s = split_last(lower)?;
    // "klachten + coördinator" reads as words; a linking -s- is dropped
    // ("huurverhoging + percentage").
    let left = if s.link == "s" {
        s.left.to_owned()
    } else {
        format!("{}{}", s.left, s.link)
    };
    Some(format!("{left} + {}", s.head))
}

impl Rule for LongWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn word_level(&self) -> Option<u8> {
        Some(super::rank::LONG_WORD)
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = lexicon();
        let vocab = doc.vocab();
        // Words repeat (Zipf's law): what depends on a word's lowercase text alone is
        // judged once per distinct word; most words are surely short and stop there.
        let mut syllables: Vec<Option<usize>> = vec![None; vocab.len()];
        let mut memo = self.memo.lock();
        for (id, syl) in syllables.iter_mut().enumerate() {
            // The lowercase copy keeps letters, digits and `./@` as they are.
            let lower = vocab.word(id);
            if self.surely_short(lower) {
                continue;
            }
            *syl = memo.judge(lower, || {
                if lower.contains(['.', '/', '@'])
                    || lower.chars().any(|c| c.is_ascii_digit())
                    || lex.abbreviation(lower).is_some()
                    || allowed(&self.allow, lower)
                {
                    return None;
                }
                self.measure(lower).map(|(syl, _)| syl)
            });
        }
        drop(memo);
        // Only the places of long words are visited, in text order.
        let mut reported = vec![false; vocab.len()];
        for (i, si) in super::flagged_words(doc, |id| syllables[id].is_some()) {
            let (t, s) = (&doc.tokens[i], &doc.sentences[si]);
            // Letterhead, address and signature lines ("klachtencoördinator" under a
            // name) are not the writer's words to change; a subject line is.
            if !super::subject_line(doc, s)
                && (doc.paragraphs[s.paragraph].kind == UnitKind::Line
                    || !super::ends_like_prose(doc, s))
            {
                continue;
            }
            let id = vocab.id(i);
            let Some(syl) = syllables[id] else {
                continue;
            };
            let raw = doc.token_text(t);
            // A name: a capital inside the sentence.
            if reported[id] || starts_upper(raw) && !capital_expected(doc, s, i) {
                continue;
            }
            reported[id] = true;
            let lower = doc.token_lower(t);
            let mut f = self.meta.finding(
                t.span,
                self.meta
                    .message(&[("match", raw), ("syllables", &syl.to_string())]),
            );
            f.hint = Some(match split_hint(lower) {
                Some(parts) => format!("Het woord bestaat uit {parts}. {SPLIT_ADVICE}").into(),
                None => "Zoek een korter woord of schrijf het anders.".into(),
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_str;

    fn hits(text: &str) -> Vec<(String, Option<String>)> {
        check_str(text, crate::rules::test_rules())
            .into_iter()
            .filter(|f| f.rule == "lang-woord")
            .map(|f| {
                (
                    text[f.span.start..f.span.end].to_owned(),
                    f.hint.map(String::from),
                )
            })
            .collect()
    }

    #[test]
    fn long_compounds_with_a_split_hint() {
        let h = hits("Het huurverhogingspercentage is 5 procent.");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].0, "huurverhogingspercentage");
        assert!(
            h[0].1
                .as_deref()
                .unwrap()
                .contains("huurverhoging + percentage"),
            "{h:?}"
        );
        assert_eq!(
            split_hint("zorgverzekeringspolis").as_deref(),
            Some("zorgverzekering + polis")
        );
    }

    #[test]
    fn ordinary_and_common_words_are_left_alone() {
        assert!(hits("Wij hebben een betalingsregeling voor u.").is_empty());
        assert!(hits("Dat is uw eigen verantwoordelijkheid.").is_empty());
        assert!(hits("Mevrouw Schimmelpenninck-Lindenburgh belt u.").is_empty());
        assert!(hits("Zie www.gemeentelindenburg.nl/parkeervergunningen.").is_empty());
        assert!(hits("Met vriendelijke groet,\n\nAnna de Vries\nklachtencoördinator\n").is_empty());
    }
}
