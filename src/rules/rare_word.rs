//! `rare_word`: words few readers know, by their frequency in wordfreq's Dutch data
//! (`wordlists/frequentie.tsv`). The default threshold is LiNT-II's: a word with a Zipf
//! value below 3 (less than once per million words) is uncommon (B1-GUIDE §0, §8).
//! A transparent compound of known parts counts with its head, as LiNT does
//! ("zorgverzekeraar" is as easy as "verzekeraar"). Precision first: names, codes,
//! abbreviations, placeholders, words the text explains itself and words another list
//! handles are left alone; a word the list does not know at all counts only when it is
//! long and not a compound of known parts. Each rare word is reported once per text.

use super::{Rule, RuleMeta, allowed, capital_expected, params, starts_upper};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::frequency::{split_compound, zipf};
use crate::text::lexicon::{key, lexicon};
use crate::text::morph::{infinitive_of_participle, infinitive_of_stem};
use crate::text::vocab::WordMemo;
use crate::text::{Document, UnitKind};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Words with a Zipf value below this are rare (LiNT-II: 3.0).
    pub zipf_below: f32,
    /// Words shorter than this (in letters) are never flagged.
    pub min_letters: usize,
    /// A word that is not in the frequency list at all counts as rare only from this
    /// many letters on (and only when it is not a compound of known parts).
    pub unknown_min_letters: usize,
    /// Words never flagged (the project's allow-list).
    pub allow: Vec<String>,
    /// Word lists whose words another rule already reports ("ambtelijk").
    pub skip_lists: Vec<String>,
    /// The advice shown with every finding.
    pub hint: String,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            zipf_below: 3.0,
            min_letters: 4,
            unknown_min_letters: 7,
            allow: Vec::new(),
            skip_lists: Vec::new(),
            hint: "Leg het woord uit of gebruik een bekender woord.".to_owned(),
        }
    }
}

pub struct RareWord {
    meta: RuleMeta,
    /// The advice of every finding, kept for the life of the process.
    hint: &'static str,
    p: Params,
    allow: HashSet<String>,
    /// Single words of the skipped lists.
    skip: HashSet<&'static str>,
    /// [`RareWord::judge`] without the words the document explains, per word for the run.
    memo: WordMemo<Option<Rarity>>,
}

/// Endings that inflect or derive from a known word ("behandelend", "handhavers",
/// "afgeronde"): a word whose base is common is not rare.
const ENDINGS: &[&str] = &[
    "ende", "end", "ers", "ste", "den", "ten", "en", "de", "te", "er", "e", "s", "t", "d",
];
/// Particles and prefixes that make a transparent word from a common one
/// ("af|betaling", "on|betaald", "terug|betaling").
const PARTICLES: &[&str] = &[
    "aan", "af", "bij", "buiten", "door", "in", "mee", "na", "om", "on", "onder", "op", "over",
    "tegen", "terug", "toe", "uit", "voor", "weg",
];

/// Why a word counts as rare: its Zipf value, or `None` when the list lacks it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rarity {
    Rare(f32),
    Unknown,
}

impl RareWord {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let mut skip = HashSet::default();
        for name in &p.skip_lists {
            let terms = super::word_list::list_terms(name)
                .ok_or_else(|| format!("regel '{}': onbekende woordenlijst '{name}'", def.id))?;
            skip.extend(
                terms
                    .into_iter()
                    .map(|(t, _)| t)
                    .filter(|t| !t.contains(' ')),
            );
        }
        Ok(RareWord {
            meta: RuleMeta::new(def),
            hint: Box::leak(p.hint.clone().into_boxed_str()),
            allow: p.allow.iter().map(|a| key(a.trim())).collect(),
            skip,
            p,
            memo: WordMemo::default(),
        })
    }

    fn skipped(&self, lower: &str) -> bool {
        self.skip.contains(lower)
            || ENDINGS.iter().any(|e| {
                lower
                    .strip_suffix(e)
                    .is_some_and(|stem| self.skip.contains(stem))
            })
    }

    /// Is this word (lowercase, letters only apart from hyphens and apostrophes) rare?
    pub fn rarity(&self, word: &str) -> Option<Rarity> {
        // A hyphenated compound reads as its parts: judge the head ("btw-nummer").
        if let Some((_, head)) = word.rsplit_once('-') {
            return if head.chars().count() < self.p.min_letters {
                None
            } else {
                self.rarity(head)
            };
        }
        let threshold = self.p.zipf_below;
        match zipf(word) {
            Some(z) if z >= threshold => None,
            Some(z) => {
                let head_is_common = split_compound(word)
                    .and_then(|s| zipf(s.head))
                    .is_some_and(|h| h >= threshold);
                (!head_is_common && !self.transparent(word, 2)).then_some(Rarity::Rare(z))
            }
            None => {
                if let Some(base) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                    return self.rarity(base);
                }
                if word.chars().count() < self.p.unknown_min_letters
                    || split_compound(word).is_some()
                    || self.transparent(word, 2)
                {
                    None
                } else {
                    Some(Rarity::Unknown)
                }
            }
        }
    }

    /// Is `word` a form or a transparent derivation of a common word? An inflected form
    /// ("behandelend" of "behandelen", "handhaaf" of "handhaven"), a participle
    /// ("afbetaald"), an -ing noun of a common verb ("opzegging" of "opzeggen") or a
    /// particle before a common word ("onbetaald", "afbetaling").
    fn transparent(&self, word: &str, depth: u8) -> bool {
        let common = |w: &str| zipf(w).is_some_and(|z| z >= self.p.zipf_below);
        let verb_stem = |stem: &str| stem.is_ascii() && common(&infinitive_of_stem(stem));
        if verb_stem(word) {
            return true;
        }
        for e in ENDINGS {
            if let Some(base) = word.strip_suffix(e)
                && base.chars().count() >= 3
                && (common(base)
                    || common(&format!("{base}en"))
                    || verb_stem(base)
                    || depth > 0 && self.transparent(base, depth - 1))
            {
                return true;
            }
        }
        if infinitive_of_participle(word, lexicon()).is_some_and(|inf| common(&inf)) {
            return true;
        }
        if let Some(stem) = word.strip_suffix("ing") {
            // opzegg-ing → opzeg → opzeggen; betal-ing → betaal → betalen.
            let b = stem.as_bytes();
            let undoubled = if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                &stem[..stem.len() - 1]
            } else {
                stem
            };
            if verb_stem(undoubled) || common(&format!("{stem}en")) {
                return true;
            }
        }
        depth > 0
            && PARTICLES.iter().any(|p| {
                word.strip_prefix(p).is_some_and(|rest| {
                    rest.chars().count() >= 4 && (common(rest) || self.transparent(rest, depth - 1))
                })
            })
    }
}

impl Rule for RareWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn word_level(&self) -> Option<u8> {
        Some(super::rank::RARE_WORD)
    }

    fn list(&self) -> Option<super::ListInfo> {
        Some(super::ListInfo {
            entries: crate::text::frequency::len(),
            what: "woorden met hun frequentie",
            file: "wordlists/frequentie.tsv (wordfreq, CC BY-SA 4.0; zie wordlists/LICENSE-frequentie.md)"
                .to_owned(),
            detail: None,
        })
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = lexicon();
        let explained = doc.explained_words();
        let vocab = doc.vocab();
        // Words repeat (Zipf's law): what depends on a word's lowercase text alone is
        // judged once per distinct word, and only the tokens of the few rare words are
        // looked at, in text order (a word is reported at its first fitting place).
        let mut rarity: Vec<Option<Rarity>> = vec![None; vocab.len()];
        let mut memo = self.memo.lock();
        for (id, r) in rarity.iter_mut().enumerate() {
            let lower = vocab.word(id);
            // Too short (asked here too, so that most short words skip the memo), or
            // explained by this text; else judged by the word alone, once per run.
            if lower.len() < self.p.min_letters || explained.contains(lower) {
                continue;
            }
            *r = memo.judge(lower, || self.judge(lower, lex));
        }
        drop(memo);
        let mut reported = vec![false; vocab.len()];
        // Only the words of sentences are checked.
        for (i, si) in super::flagged_words(doc, |id| rarity[id].is_some()) {
            let (t, s) = (&doc.tokens[i], &doc.sentences[si]);
            let id = vocab.id(i);
            let Some(rarity) = rarity[id] else {
                continue;
            };
            let raw = doc.token_text(t);
            // Codes in capitals ("XK2024QZ") are no words to judge; nor is the first
            // part of "gas- en elektriciteitsverbruik".
            if reported[id]
                || raw
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                || doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.start == t.span.end && doc.token_text(n) == "-")
            {
                continue;
            }
            let capital = starts_upper(raw);
            // A capital inside a sentence marks a name; so does a capital in a line
            // without closing punctuation (address, signature, heading).
            if capital
                && (!capital_expected(doc, s, i)
                    || doc.paragraphs[s.paragraph].kind == UnitKind::Line
                    || !super::ends_like_prose(doc, s))
            {
                continue;
            }
            // An unknown capitalised word at the start of a line is a name or a street.
            if capital && rarity == Rarity::Unknown {
                continue;
            }
            reported[id] = true;
            let zipf_text = match rarity {
                Rarity::Rare(z) => format!("Zipf {}", format!("{z:.1}").replace('.', ",")),
                Rarity::Unknown => "niet in de frequentielijst".to_owned(),
            };
            let mut f = self.meta.finding(
                t.span,
                self.meta
                    .message(&[("match", raw), ("zipf", zipf_text.as_str())]),
            );
            f.hint = Some(self.hint.into());
            out.push(f);
        }
    }
}

impl RareWord {
    /// What a word's lowercase text says: `None` when it is no word to flag (too short,
    /// a number or code, an abbreviation, allowed, left to another list, a web address,
    /// or common), else how rare it is. Whether the text explains it is asked apart: that
    /// depends on the text. Case is the same in the
    /// lowercase copy for all of this: it keeps every character's byte length, and
    /// letters, digits and `./@` stay what they are.
    fn judge(&self, lower: &str, lex: &crate::text::lexicon::Lexicon) -> Option<Rarity> {
        if lower.len() < self.p.min_letters
            || lower.chars().filter(|c| c.is_alphabetic()).count() < self.p.min_letters
            || lower.chars().any(|c| c.is_ascii_digit())
            || lex.abbreviation(lower).is_some()
            || allowed(&self.allow, lower)
            || self.skipped(lower)
            // Web addresses without "www" ("lindenburg.nl") and "en/of".
            || lower.contains(['.', '/', '@'])
        {
            return None;
        }
        self.rarity(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_str;

    fn hits(text: &str) -> Vec<String> {
        check_str(text, crate::rules::test_rules())
            .into_iter()
            .filter(|f| f.rule == "moeilijk-woord")
            .map(|f| text[f.span.start..f.span.end].to_owned())
            .collect()
    }

    fn rule() -> RareWord {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: rare_word, severity: info, title: t, message: m, explanation: e}",
        )
        .unwrap();
        RareWord::from_def(&def).unwrap()
    }

    #[test]
    fn frequency_and_compound_heads() {
        let r = rule();
        assert_eq!(r.rarity("zorgverzekeraar"), None);
        assert_eq!(r.rarity("verzekeraar"), None);
        assert_eq!(r.rarity("bedrag"), None);
        assert!(matches!(r.rarity("curatele"), Some(Rarity::Rare(_))));
        // Below the list's floor: unknown, and long enough to count.
        assert_eq!(r.rarity("sommatie"), Some(Rarity::Unknown));
        // Not in the list, but a compound of known parts.
        assert_eq!(r.rarity("zorgverzekeringspolis"), None);
        assert_eq!(r.rarity("netbeheerkosten"), None);
        // Not in the list, long and not a compound.
        assert_eq!(r.rarity("xylofonieparadigma"), Some(Rarity::Unknown));
        // Short unknown words are left alone.
        assert_eq!(r.rarity("blorp"), None);
        assert_eq!(r.rarity("btw-nummer"), None);
    }

    #[test]
    fn template_placeholders_are_left_alone() {
        let text = "Uw status: {{curatele}} sinds vandaag.";
        let rule = rule();
        let run = |prose: &crate::input::Prose| {
            let doc = Document::new(prose);
            let mut out = Vec::new();
            rule.check(&doc, &mut out);
            out.len()
        };
        let mut prose = crate::input::Prose::plain(text);
        assert_eq!(run(&prose), 1);
        prose.masks = vec![crate::text::Span::new(12, 24)];
        assert_eq!(run(&prose), 0);
    }

    #[test]
    fn acceptance_sentence_is_clean() {
        assert!(hits("De verzekeraar keert het bedrag uit.").is_empty());
        assert!(hits("Uw zorgverzekeraar betaalt de rekening.").is_empty());
    }

    #[test]
    fn names_codes_and_explained_words_are_left_alone() {
        assert_eq!(hits("Uw zoon staat onder curatele."), ["curatele"]);
        assert!(hits("Uw zoon woont in Curatele aan de Maas.").is_empty());
        assert!(hits("Hij staat onder curatele (een rechter beslist over zijn geld).").is_empty());
        assert!(hits("Hij staat onder curatele, dat wil zeggen dat een ander beslist.").is_empty());
        assert!(hits("Uw code is XK2024QZ.").is_empty());
        // Reported once per text.
        assert_eq!(
            hits("Hij staat onder curatele. Die curatele duurt een jaar."),
            ["curatele"]
        );
        // Words of the officialese list are left to ambtelijk-woord.
        assert!(hits("U ontving van ons een sommatie.").is_empty());
    }
}
