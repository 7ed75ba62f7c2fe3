//! `subheadings`: a letter of more than `min_words` words in its body without a single
//! heading (B1-GUIDE §1.2 "Headings, bullets": subheadings also in letters and e-mails,
//! a question works well as a heading [S55], [S7], [S3]). Headings are Markdown
//! headings, short lines standing alone above a paragraph and questions on a line of
//! their own above the text that answers them (see `text::letter`).

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::Document;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub min_words: usize,
    /// Run only on texts recognised as a letter; `false`: any text.
    pub require_letter: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_words: 300,
            require_letter: true,
        }
    }
}

pub struct Subheadings {
    meta: RuleMeta,
    params: Params,
}

impl Subheadings {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(Subheadings {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }
}

impl Rule for Subheadings {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(letter) = doc.letter_or_whole(self.params.require_letter) else {
            return;
        };
        if !letter.headings.is_empty() {
            return;
        }
        let words = letter.body_words(doc);
        if words <= self.params.min_words {
            return;
        }
        let Some(first) = letter.first_paragraph() else {
            return;
        };
        let range = letter.block_sentences(doc, first);
        if range.is_empty() {
            return;
        }
        let mut f = self.meta.finding(
            doc.sentences[range.start].span,
            self.meta.message(&[("words", &words.to_string())]),
        );
        f.hint = Some(
            "Zet boven elk deel een kort kopje, bijvoorbeeld een vraag: 'Wat moet u doen?', 'Waarom krijgt u deze brief?'."
                .into()
        );
        out.push(f);
    }
}
