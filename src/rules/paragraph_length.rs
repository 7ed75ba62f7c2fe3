//! `paragraph_length`: a paragraph of running text over `max_words` words or
//! `max_sentences` sentences (B1-GUIDE §0: "≤10 sentences or ≤100 words" [S14]). In a
//! letter only the body counts; other texts are checked whole. Headings, list items,
//! address lines and a question on a line of its own above the paragraph do not count.

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::{BlockKind, Document};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub max_words: usize,
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_words: 100,
            max_sentences: 10,
        }
    }
}

pub struct ParagraphLength {
    meta: RuleMeta,
    params: Params,
}

impl ParagraphLength {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(ParagraphLength {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }
}

impl Rule for ParagraphLength {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(letter) = doc.letter_or_whole(false) else {
            return;
        };
        for (b, block) in letter.blocks.iter().enumerate() {
            if block.kind != BlockKind::Paragraph {
                continue;
            }
            let range = letter.block_sentences(doc, b);
            if range.is_empty() {
                continue;
            }
            let sentences = range.len();
            let words: usize = range
                .clone()
                .map(|s| doc.word_count(&doc.sentences[s]))
                .sum();
            if words <= self.params.max_words && sentences <= self.params.max_sentences {
                continue;
            }
            let mut f = self.meta.finding(
                doc.sentences[range.start].span,
                self.meta.message(&[
                    ("words", &words.to_string()),
                    ("sentences", &sentences.to_string()),
                    ("max_words", &self.params.max_words.to_string()),
                    ("max_sentences", &self.params.max_sentences.to_string()),
                ]),
            );
            f.hint = Some(
                "Splits de alinea waar een nieuw onderwerp begint. Begin elke alinea met de belangrijkste zin."
                    .into()
            );
            out.push(f);
        }
    }
}
