//! `auxiliary` (hulpwerkwoord): auxiliaries that make a sentence longer without adding
//! anything (B1-GUIDE §1.2 "Auxiliaries / modal verbs": "use as few auxiliary verbs as
//! possible (zullen, kunnen)" [S1]; "Wij zullen uw schade vergoeden → Wij vergoeden uw
//! schade" [S20]; "dienen te → moeten" [S4], [S6]). Three checks, each can be switched off:
//!
//! - `zullen`: "zal/zult/zullen + infinitive" → the present tense. Not: "zal wel"
//!   (probably), offers ("Zal ik u bellen?"), "zou/zouden". Where the sentence allows it,
//!   the suggestion rewrites it ("Wij zullen u morgen bellen" → "Wij bellen u morgen").
//! - `dienen_te`: "dient … te" → "moet …" (skipped when `skip_list` already has it).
//! - `kunnen_worden`: "kan worden betaald" → active, with who can do it.

use super::passive::is_participle;
use super::{Rule, RuleMeta, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case};
use crate::text::lexicon::{lexicon, list_key};
use crate::text::morph::{VerbForm, inflect, verb_forms};
use crate::text::word_class as wc;
use crate::text::word_set::WordSet;
use crate::text::{Document, Sentence, Span, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub zullen: bool,
    pub dienen_te: bool,
    pub kunnen_worden: bool,
    /// A word list whose phrases another rule reports already (e.g. `ambtelijk`):
    /// "dienen te" is then skipped here.
    pub skip_list: String,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            zullen: true,
            dienen_te: true,
            kunnen_worden: true,
            skip_list: String::new(),
        }
    }
}

pub struct Auxiliary {
    meta: RuleMeta,
    params: Params,
    dienen_te: bool,
}

// The forms of zullen, dienen, kunnen and (present) worden, and the words that end a
// clause, are word classes (`text::word_class`).
const DIENEN: &[(&str, &str)] = &[
    ("dien", "moet"),
    ("dient", "moet"),
    ("dienen", "moeten"),
    ("diende", "moest"),
    ("dienden", "moesten"),
];
/// "zal wel kloppen": an estimate, not the future.
const EPISTEMIC: &[&str] = &[
    "wel",
    "vast",
    "wellicht",
    "waarschijnlijk",
    "misschien",
    "ongetwijfeld",
    "heus",
    "toch",
    "zeker",
];

fn is_infinitive(w: &str) -> bool {
    IRREGULAR_INFINITIVES.contains(&w)
        || w.len() >= 4
            && w.ends_with("en")
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !crate::text::morph::NOT_INFINITIVES.contains(&w)
}

/// Infinitives that do not end in -en.
const IRREGULAR_INFINITIVES: &[&str] = &[
    "zijn",
    "gaan",
    "staan",
    "slaan",
    "bestaan",
    "ontstaan",
    "vergaan",
    "ontvangen",
];
/// A word after one of these is a noun ("de kosten", "uw gegevens").
static DETERMINERS: WordSet = WordSet::new(&[
    "de", "het", "een", "uw", "onze", "ons", "je", "jouw", "hun", "zijn", "haar", "deze", "die",
    "dit", "dat", "alle", "veel", "geen", "welke", "mijn",
]);

impl Auxiliary {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let mut dienen_te = p.dienen_te;
        if !p.skip_list.is_empty() {
            let other = wordlist(&p.skip_list).ok_or_else(|| {
                format!(
                    "regel '{}': onbekende woordenlijst '{}'",
                    def.id, p.skip_list
                )
            })?;
            if tsv_rows(other).any(|(_, r)| list_key(r[0]) == "dienen te") {
                dienen_te = false;
            }
        }
        Ok(Auxiliary {
            meta: RuleMeta::new(def),
            params: p,
            dienen_te,
        })
    }

    /// The clause around token `i` of a sentence: (first, end) token indices.
    fn clause(doc: &Document, s: &Sentence, i: usize) -> (usize, usize) {
        let toks = doc.sentence_tokens(s);
        let vocab = doc.vocab();
        let boundary = |k: usize| {
            let t = &toks[k];
            (t.kind == TokenKind::Punct && !matches!(doc.token_text(t), "'" | "’"))
                || vocab.is(s.tokens.start + k, wc::AUX_CLAUSE_STARTER)
        };
        let mut first = i;
        while first > 0 && !boundary(first - 1) {
            first -= 1;
        }
        let mut end = i + 1;
        while end < toks.len() && !boundary(end) {
            end += 1;
        }
        (first, end)
    }

    fn report(
        &self,
        doc: &Document,
        span: Span,
        advice: &str,
        fix: Option<(Span, String)>,
        out: &mut Vec<Finding>,
    ) {
        let mut f = self.meta.finding(
            span,
            self.meta
                .message(&[("match", doc.slice(span)), ("advice", advice)]),
        );
        if let Some((span, replacement)) = fix {
            f.suggestions.push(Suggestion {
                span,
                replacement,
                safety: Safety::Unsafe,
            });
        }
        out.push(f);
    }

    fn zullen(&self, doc: &Document, s: &Sentence, out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let lex = lexicon();
        let vocab = doc.vocab();
        for (i, t) in toks.iter().enumerate() {
            if !vocab.is(s.tokens.start + i, wc::ZULLEN) {
                continue;
            }
            let w = doc.token_lower(t);
            let next = toks.get(i + 1).map(|n| doc.token_lower(n)).unwrap_or("");
            let first_word = toks.iter().position(|t| t.kind == TokenKind::Word) == Some(i);
            // "Zal ik u bellen?", "Zullen we afspreken?": an offer or a proposal.
            if EPISTEMIC.contains(&next) || first_word && matches!(next, "ik" | "we" | "wij") {
                continue;
            }
            let (first, end) = Self::clause(doc, s, i);
            let inf_at = |k: usize| {
                let prev = if k == 0 {
                    ""
                } else {
                    doc.token_lower(&toks[k - 1])
                };
                toks[k].kind == TokenKind::Word
                    && is_infinitive(doc.token_lower(&toks[k]))
                    && prev != "te"
                    && !DETERMINERS.contains(prev)
            };
            // The infinitive stands right after "zullen" ("zal worden", "zullen zijn"),
            // or ends the clause, possibly before a participle ("zal … worden voorgelegd").
            let final_word = end - 1;
            let last = if i + 1 < end && inf_at(i + 1) {
                i + 1
            } else if final_word > i && inf_at(final_word) {
                final_word
            } else if final_word > i + 1
                && toks[final_word].kind == TokenKind::Word
                && is_participle(doc.token_lower(&toks[final_word]), lex)
                && inf_at(final_word - 1)
            {
                final_word - 1
            } else {
                continue;
            };
            let infinitives: Vec<usize> = (i + 1..end).filter(|&k| inf_at(k)).collect();
            let inf = doc.token_lower(&toks[last]);
            // The present-tense form of the infinitive, for the suggestion.
            let subject = (first..end)
                .map(|k| doc.token_lower(&toks[k]))
                .find(|w| matches!(*w, "ik" | "u" | "je" | "jij"));
            let form = match (w, subject) {
                ("zullen", _) => Some(VerbForm::Infinitive),
                (_, Some("ik")) => Some(VerbForm::Stem),
                _ => Some(VerbForm::Third),
            };
            let forms = verb_forms(inf, lex);
            // Rewrite only an infinitive right after "zullen", or the only one in the
            // clause when it ends the clause.
            let simple = (last == i + 1 || infinitives.len() == 1 && last + 1 == end)
                && forms.iter().any(|(_, f)| *f == VerbForm::Third);
            let present = form.map(|f| inflect(inf, f, lex));
            let span = t.span.cover(toks[last].span);
            let fix = match (&present, simple) {
                (Some(p), true) => {
                    let middle = doc.text[t.span.end..toks[last].span.start].trim_end();
                    let replacement = format!("{}{middle}", match_case(doc.token_text(t), p));
                    Some((span, replacement))
                }
                _ => None,
            };
            let advice = match &fix {
                Some((_, r)) => format!("schrijf de tegenwoordige tijd: '{r}'."),
                None => {
                    "schrijf de tegenwoordige tijd; dat is korter en even duidelijk.".to_owned()
                }
            };
            self.report(doc, span, &advice, fix, out);
        }
    }

    fn dienen(&self, doc: &Document, s: &Sentence, out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let vocab = doc.vocab();
        for (i, t) in toks.iter().enumerate() {
            if !vocab.is(s.tokens.start + i, wc::DIENEN) {
                continue;
            }
            let w = doc.token_lower(t);
            let Some(&(_, modal)) = DIENEN.iter().find(|(d, _)| *d == w) else {
                continue;
            };
            let next = toks.get(i + 1).map(|n| doc.token_lower(n)).unwrap_or("");
            if matches!(next, "als" | "tot" | "voor") {
                continue; // "dient als bewijs": to serve as
            }
            let (_, end) = Self::clause(doc, s, i);
            let Some(te) = (i + 1..end.min(i + 10)).find(|&k| doc.token_lower(&toks[k]) == "te")
            else {
                continue;
            };
            let middle = doc.text[t.span.end..toks[te].span.start].trim_end();
            let replacement = format!("{}{middle}", match_case(doc.token_text(t), modal));
            let span = t.span.cover(toks[te].span);
            let advice = format!("schrijf '{modal}': '{replacement}'.");
            self.report(doc, span, &advice, Some((span, replacement)), out);
        }
    }

    fn kunnen_worden(&self, doc: &Document, s: &Sentence, out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let lex = lexicon();
        let vocab = doc.vocab();
        for (i, t) in toks.iter().enumerate() {
            if !vocab.is(s.tokens.start + i, wc::KUNNEN) {
                continue;
            }
            let (_, end) = Self::clause(doc, s, i);
            let Some(wd) = (i + 1..end).find(|&k| vocab.is(s.tokens.start + k, wc::WORDEN_PRESENT))
            else {
                continue;
            };
            let participle = (i + 1..end).rev().find(|&k| {
                k != wd
                    && toks[k].kind == TokenKind::Word
                    && is_participle(doc.token_lower(&toks[k]), lex)
            });
            let Some(p) = participle else {
                continue;
            };
            let span = t.span.cover(toks[p.max(wd)].span);
            let advice = "schrijf actief en zeg wie het kan doen: 'U kunt …' of 'Wij kunnen …'.";
            self.report(doc, span, advice, None, out);
        }
    }
}

impl Rule for Auxiliary {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        for (si, s) in doc.sentences.iter().enumerate() {
            // Each check starts at a form of its verb: a sentence without one is skipped.
            let classes = vocab.sentence_classes(si);
            if self.params.zullen && classes & wc::ZULLEN != 0 {
                self.zullen(doc, s, out);
            }
            if self.dienen_te && classes & wc::DIENEN != 0 {
                self.dienen(doc, s, out);
            }
            if self.params.kunnen_worden
                && classes & wc::KUNNEN != 0
                && classes & wc::WORDEN_PRESENT != 0
            {
                self.kunnen_worden(doc, s, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Auxiliary {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: auxiliary, severity: info, title: t, message: '{match}: {advice}', explanation: x}",
        )
        .unwrap();
        Auxiliary::from_def(&def).unwrap()
    }

    fn fixes(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        rule().check(&doc, &mut out);
        out.into_iter()
            .map(|f| {
                (
                    doc.slice(f.span).to_owned(),
                    f.suggestions.first().map(|s| s.replacement.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn zullen_becomes_present_tense() {
        assert_eq!(
            fixes("Wij zullen u morgen bellen."),
            vec![(
                "zullen u morgen bellen".to_owned(),
                Some("bellen u morgen".to_owned())
            )]
        );
        assert_eq!(
            fixes("U zult de pas binnen een week ontvangen."),
            vec![(
                "zult de pas binnen een week ontvangen".to_owned(),
                Some("ontvangt de pas binnen een week".to_owned())
            )]
        );
        assert_eq!(fixes("Het bedrag zal worden verhoogd.").len(), 1);
        assert!(fixes("Dat zal wel kloppen.").is_empty());
        assert!(fixes("Zal ik u morgen bellen?").is_empty());
        assert!(fixes("Wij zouden u graag spreken.").is_empty());
        assert_eq!(
            fixes(
                "De tarieven die vanaf 1 januari van toepassing zullen zijn op uw overeenkomst met vaste leveringstarieven."
            ),
            vec![("zullen zijn".to_owned(), Some("zijn".to_owned()))]
        );
        assert_eq!(
            fixes("Wij zullen niet aarzelen om maatregelen te treffen."),
            vec![(
                "zullen niet aarzelen".to_owned(),
                Some("aarzelen niet".to_owned())
            )]
        );
        assert_eq!(
            fixes("Het geschil zal aan de Huurcommissie worden voorgelegd."),
            vec![("zal aan de Huurcommissie worden".to_owned(), None)]
        );
    }

    #[test]
    fn dienen_te_and_kunnen_worden() {
        assert_eq!(
            fixes("U dient het formulier te ondertekenen."),
            vec![(
                "dient het formulier te".to_owned(),
                Some("moet het formulier".to_owned())
            )]
        );
        assert!(fixes("Dit document dient als bewijs.").is_empty());
        assert_eq!(
            fixes("Uw abonnement kan per maand worden opgezegd."),
            vec![("kan per maand worden opgezegd".to_owned(), None)]
        );
    }
}
