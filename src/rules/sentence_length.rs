//! `sentence_length`: a sentence longer than `max_words` words. Where the sentence has a
//! natural split point (";", ", maar", ", want", ", en", a subordinating conjunction after
//! a comma), the message says where, and the suggestion shows the split.

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Suggestion, match_case};
use crate::text::word_set::WordSet;
use crate::text::{Document, Sentence, Span, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub max_words: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { max_words: 20 }
    }
}

pub struct SentenceLength {
    meta: RuleMeta,
    params: Params,
}

/// Coordinating conjunctions after a comma: split into two main clauses.
const COORDINATING: &[&str] = &["maar", "want", "en", "dus", "of"];
/// Subordinating conjunctions after a comma: the clause can become its own sentence.
static SUBORDINATING: WordSet = WordSet::new(&[
    "omdat", "zodat", "waardoor", "terwijl", "nadat", "voordat", "doordat", "hoewel", "als",
    "wanneer", "indien", "tenzij", "waarna", "waarbij", "waarmee", "zodra",
]);

impl SentenceLength {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(SentenceLength {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    /// The split point closest to the middle: (index of the first token of the second
    /// part, tokens to drop before it, description).
    fn split_point(&self, doc: &Document, s: &Sentence) -> Option<(usize, usize, String)> {
        let toks = doc.sentence_tokens(s);
        // Words before each token, counted once: a sentence of 100,000 words with a
        // comma every few words must not be counted again for every candidate.
        let mut prefix = Vec::with_capacity(toks.len() + 1);
        prefix.push(0usize);
        for t in toks {
            prefix.push(prefix[prefix.len() - 1] + usize::from(t.counts_as_word()));
        }
        let words_before = |i: usize| prefix[i];
        let total = words_before(toks.len());
        // (first token of the second part, tokens to drop, the conjunction after a
        // comma, distance from the middle); the label is written for the best one only.
        let mut best: Option<(usize, usize, Option<&str>, usize)> = None;
        for i in 1..toks.len().saturating_sub(3) {
            let t = &toks[i];
            if t.kind != TokenKind::Punct {
                continue;
            }
            let text = doc.token_text(t);
            let cand = if text == ";" {
                Some((i + 1, 1, None))
            } else if text == "," {
                let next = doc.token_lower(&toks[i + 1]);
                (COORDINATING.contains(&next) || SUBORDINATING.contains(next)).then_some((
                    i + 1,
                    1,
                    Some(next),
                ))
            } else {
                None
            };
            if let Some((at, drop, label)) = cand {
                let before = words_before(at);
                // Both parts should be real sentences of some length.
                if before < 5 || total - before < 5 {
                    continue;
                }
                let dist = before.abs_diff(total / 2);
                if best.as_ref().is_none_or(|b| dist < b.3) {
                    best = Some((at, drop, label, dist));
                }
            }
        }
        best.map(|(at, drop, next, _)| {
            let label = match next {
                Some(next) => format!("', {next}'"),
                None => "';'".to_owned(),
            };
            (s.tokens.start + at, drop, label)
        })
    }
}

impl Rule for SentenceLength {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for s in &doc.sentences {
            let words = doc.word_count(s);
            if words <= self.params.max_words {
                continue;
            }
            let mut f = self.meta.finding(
                s.span,
                self.meta.message(&[
                    ("words", &words.to_string()),
                    ("max", &self.params.max_words.to_string()),
                ]),
            );
            if let Some((at, drop, label)) = self.split_point(doc, s) {
                let punct = doc.tokens[at - drop];
                let next = doc.tokens[at];
                // ", en u betaalt" → ". U betaalt"; ", maar u" → ". Maar u"; "; u" → ". U"
                let capitalised = if doc.token_lower(&next) == "en" {
                    doc.tokens[at + 1]
                } else {
                    next
                };
                let replace_end = capitalised.span.end;
                let replacement = format!(". {}", match_case("X", doc.token_text(&capitalised)));
                let span = Span::new(punct.span.start, replace_end);
                f.hint = Some(format!("Splits de zin bij {label}.").into());
                f.suggestions.push(Suggestion {
                    span,
                    replacement,
                    safety: crate::finding::Safety::Unsafe,
                });
            } else {
                f.hint = Some(
                    "Zet elke gedachte in een eigen zin: wie doet wat, en wat betekent dat voor de lezer?"
                        .into()
                );
            }
            out.push(f);
        }
    }
}
