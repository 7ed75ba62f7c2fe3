//! `abbreviation`: abbreviations in running text ("i.v.m.", "d.w.z.", "t.a.v.", "ivm"),
//! with the written-out form as the suggestion (B1-GUIDE §1.2: write abbreviations in
//! full; well-known ones such as "btw" are fine). The tokeniser already keeps "d.w.z."
//! as one word; the lexicon (`wordlists/afkortingen.tsv`) gives class and expansion.
//!
//! What is not flagged: class `bekend` (btw, UWV); class `titel` (dhr., nr., blz., month
//! names: conventions before a name or number), except the few listed in the rule's
//! `flag_titles` param (t.a.v., ca., d.d., …); anything on a line of its own
//! (letterhead, address block, signature), except the subject line; an abbreviation the text explains ("Algemene wet bestuursrecht
//! (Awb)"); a word that only looks like one at the end of a sentence ("Dat is zo.");
//! words on the allow-list.
//!
//! The suggestion is the written-out form when its words are common Dutch ("in verband
//! met", "dat wil zeggen"; safe: it is what the abbreviation says). When the written-out
//! form is itself obscure (Latin: "casu quo", "de dato"), the plainer words from the list
//! are suggested instead (unsafe). An abbreviation with several meanings ("gem." =
//! gemiddeld / gemeente) gets a hint, no suggestion.

use super::{Rule, RuleMeta, allowed, params};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case};
use crate::text::frequency::zipf;
use crate::text::lexicon::{AbbrevClass, Abbreviation, key, lexicon};
use crate::text::token::INITIAL;
use crate::text::word_class as wc;
use crate::text::{Document, TokenKind, UnitKind};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Abbreviations of class `titel` that are still flagged in running text.
    pub flag_titles: Vec<String>,
    /// Abbreviations never flagged (the project's allow-list).
    pub allow: Vec<String>,
}

pub struct AbbreviationRule {
    meta: RuleMeta,
    flag_titles: HashSet<String>,
    allow: HashSet<String>,
}

/// A written-out form counts as plain when each of its words is at least this common.
const PLAIN_ZIPF: f32 = 3.5;

/// What to suggest for an abbreviation.
#[derive(Debug, PartialEq)]
pub struct Advice {
    /// Replacements, best first, with their safety.
    pub suggestions: Vec<(String, Safety)>,
    /// The written-out form(s) for the message.
    pub expansion: String,
}

/// Advice from a lexicon expansion such as "in verband met (over, door)",
/// "casu quo (of)" or "gemiddeld / gemeente".
pub fn advice(expansion: &str) -> Advice {
    if expansion.contains(" / ") {
        let meanings: Vec<&str> = expansion
            .split(" / ")
            .map(|m| m.split(" (").next().unwrap_or(m).trim())
            .collect();
        return Advice {
            suggestions: Vec::new(),
            expansion: meanings.join(" of "),
        };
    }
    let (main, plain) = match expansion.split_once(" (") {
        Some((main, rest)) => (
            main.trim(),
            rest.trim_end_matches(')')
                .split(", ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>(),
        ),
        None => (expansion.trim(), Vec::new()),
    };
    let main_is_plain = main
        .split_whitespace()
        .all(|w| zipf(&key(w)).is_some_and(|z| z >= PLAIN_ZIPF));
    let mut suggestions = Vec::new();
    if main_is_plain {
        suggestions.push((main.to_owned(), Safety::Safe));
    }
    suggestions.extend(plain.iter().map(|p| ((*p).to_owned(), Safety::Unsafe)));
    if suggestions.is_empty() {
        suggestions.push((main.to_owned(), Safety::Unsafe));
    }
    let expansion = if main_is_plain || plain.is_empty() {
        main.to_owned()
    } else {
        format!("{main} ({})", plain.join(", "))
    };
    Advice {
        suggestions,
        expansion,
    }
}

impl AbbreviationRule {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        Ok(AbbreviationRule {
            meta: RuleMeta::new(def),
            flag_titles: p.flag_titles.iter().map(|a| key(a.trim())).collect(),
            allow: p.allow.iter().map(|a| key(a.trim())).collect(),
        })
    }

    /// Should this abbreviation be reported where it stands?
    fn reportable(&self, key: &str, a: &Abbreviation) -> bool {
        match a.class {
            AbbrevClass::Known => false,
            AbbrevClass::Title => self.flag_titles.contains(key),
            AbbrevClass::Middle | AbbrevClass::End => true,
        }
    }
}

impl Rule for AbbreviationRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn word_level(&self) -> Option<u8> {
        Some(super::rank::ABBREVIATION)
    }

    fn list(&self) -> Option<super::ListInfo> {
        let all: Vec<AbbrevClass> = lexicon().abbreviations().map(|(_, a)| a.class).collect();
        let count = |c: AbbrevClass| all.iter().filter(|&&x| x == c).count();
        Some(super::ListInfo {
            entries: all.len(),
            what: "afkortingen",
            file: "wordlists/afkortingen.tsv".to_owned(),
            detail: Some(format!(
                "midden {}, einde {}, titel {} (gemeld: {}), bekend {} (nooit gemeld)",
                count(AbbrevClass::Middle),
                count(AbbrevClass::End),
                count(AbbrevClass::Title),
                self.flag_titles.len(),
                count(AbbrevClass::Known),
            )),
        })
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = lexicon();
        let vocab = doc.vocab();
        for (si, s) in doc.sentences.iter().enumerate() {
            // Letterhead, address block, subject and signature lines keep their
            // conventions ("Team Wmo", "T.a.v. de afdeling Zorg").
            // A subject line is running text.
            if doc.paragraphs[s.paragraph].kind == UnitKind::Line && !super::subject_line(doc, s) {
                continue;
            }
            // An abbreviation is a word of its class, or "t/m": a sentence with neither is
            // skipped.
            if vocab.sentence_classes(si) & (wc::ABBREVIATION | wc::SLASH) == 0 {
                continue;
            }
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let t = doc.tokens[i];
                i += 1;
                if t.kind != TokenKind::Word || t.has(INITIAL) {
                    continue;
                }
                // "t/m", "p/a": three tokens without spaces.
                let mut span = t.span;
                if i + 1 < s.tokens.end
                    && vocab.is(i, wc::SLASH)
                    && let (Some(slash), Some(next)) = (doc.tokens.get(i), doc.tokens.get(i + 1))
                    && doc.token_text(slash) == "/"
                    && slash.span.start == t.span.end
                    && next.span.start == slash.span.end
                    && next.kind == TokenKind::Word
                {
                    span = t.span.cover(next.span);
                }
                // Whether a word is an abbreviation is one of its classes.
                if span == t.span && !vocab.is(i - 1, wc::ABBREVIATION) {
                    continue;
                }
                let lower = &doc.lower[span.start..span.end];
                let Some(a) = lex.abbreviation(lower) else {
                    continue;
                };
                if span != t.span {
                    i += 2;
                }
                let original = doc.slice(span);
                if !self.reportable(lower, a)
                    || doc.explained_words().contains(lower)
                    || allowed(&self.allow, lower)
                {
                    continue;
                }
                let last_of_sentence = i >= s.tokens.end;
                // "Dat is zo." / "Het kost 10 min.": a common word whose dot ends the
                // sentence.
                if last_of_sentence
                    && let Some(bare) = lower.strip_suffix('.')
                    && !bare.contains('.')
                    && lex.abbreviation(bare).is_none()
                    && zipf(bare).is_some_and(|z| z >= PLAIN_ZIPF)
                {
                    continue;
                }
                let advice = advice(a.expansion);
                let mut f = self.meta.finding(
                    span,
                    self.meta.message(&[
                        ("match", original),
                        ("expansion", advice.expansion.as_str()),
                    ]),
                );
                // The dot of "enz." at the end of a sentence is also its full stop.
                let stop = if last_of_sentence && original.ends_with('.') {
                    "."
                } else {
                    ""
                };
                for (text, safety) in &advice.suggestions {
                    f.suggestions.push(Suggestion {
                        span,
                        replacement: format!("{}{stop}", match_case(original, text)),
                        safety: *safety,
                    });
                }
                if advice.suggestions.is_empty() {
                    f.hint =
                        Some(format!("Schrijf voluit wat u bedoelt: {}.", advice.expansion).into());
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check_str, fix_str};

    fn hits(text: &str) -> Vec<(String, Vec<String>)> {
        check_str(text, crate::rules::test_rules())
            .into_iter()
            .filter(|f| f.rule == "afkorting")
            .map(|f| {
                (
                    text[f.span.start..f.span.end].to_owned(),
                    f.suggestions.into_iter().map(|s| s.replacement).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn advice_from_the_lexicon() {
        let a = advice("in verband met (over, door)");
        assert_eq!(
            a.suggestions[0],
            ("in verband met".to_owned(), Safety::Safe)
        );
        assert_eq!(a.suggestions.len(), 3);
        let a = advice("casu quo (of)");
        assert_eq!(a.suggestions, vec![("of".to_owned(), Safety::Unsafe)]);
        let a = advice("gemiddeld / gemeente");
        assert!(a.suggestions.is_empty());
        assert_eq!(a.expansion, "gemiddeld of gemeente");
    }

    #[test]
    fn running_text_abbreviations() {
        assert_eq!(
            hits("Wij bellen u i.v.m. uw aanvraag."),
            [(
                "i.v.m.".to_owned(),
                vec!["in verband met".into(), "over".into(), "door".into()]
            )]
        );
        assert_eq!(hits("D.w.z. dat u moet betalen.")[0].1[0], "Dat wil zeggen");
        assert_eq!(hits("Wij bellen u ivm uw aanvraag.")[0].0, "ivm");
        assert_eq!(hits("Bel ons ma. t/m vr.")[1].0, "t/m");
        assert_eq!(
            fix_str(
                "Neem pen, papier enz. mee.",
                crate::rules::test_rules(),
                false
            ),
            "Neem pen, papier enzovoort mee."
        );
        assert_eq!(
            fix_str("Neem pen, papier enz.", crate::rules::test_rules(), false),
            "Neem pen, papier enzovoort."
        );
    }

    #[test]
    fn known_titles_and_explained_abbreviations_are_left_alone() {
        assert!(hits("U betaalt 21% btw.").is_empty());
        assert!(hits("Dhr. Jansen belt u over factuur nr. 12.").is_empty());
        assert!(hits("Dat is zo.").is_empty());
        assert!(
            hits("Volgens de Algemene wet bestuursrecht (Awb) mag dat. De Awb zegt ook meer.")
                .is_empty()
        );
        assert_eq!(
            hits("Stuur de brief t.a.v. de afdeling Zorg.")[0].0,
            "t.a.v."
        );
        assert!(hits("T.a.v. de afdeling Zorg").is_empty());
    }
}
