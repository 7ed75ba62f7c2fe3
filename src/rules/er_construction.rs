//! `er_construction`: sentences that hide who does what behind "er" (B1-GUIDE §1.2
//! "er-constructions": "Er wordt gewerkt aan …" is passive [S5]; NT2 readers find "er"
//! hard; "er is sprake van" is a wordy way to say that something is). Two checks:
//!
//! - "er wordt/werd/worden/werden … + participle" (also "wordt er"): say who does it.
//! - "er is sprake van", "is er (geen) sprake van", "daarvan is geen sprake": say what is.
//!
//! Presentative "er" on its own ("Er zijn drie mogelijkheden") is not flagged: there is
//! no hard rule against it [S46].

use super::passive::is_participle;
use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::lexicon::lexicon;
use crate::text::word_class as wc;
use crate::text::{Document, Sentence, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub er_wordt: bool,
    pub sprake_van: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            er_wordt: true,
            sprake_van: true,
        }
    }
}

pub struct ErConstruction {
    meta: RuleMeta,
    params: Params,
}

const WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden"];
const ZIJN: &[&str] = &[
    "is", "zijn", "was", "waren", "blijkt", "lijkt", "bleek", "leek",
];
const THERE: &[&str] = &["er", "daarvan", "hiervan", "waarvan", "daar", "hier"];

impl ErConstruction {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(ErConstruction {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    fn er_wordt(&self, doc: &Document, s: &Sentence, lw: &[&str], out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let lex = lexicon();
        for i in 0..toks.len() {
            if lw[i] != "er" {
                continue;
            }
            // "er wordt" or "wordt er"
            let aux = if lw.get(i + 1).is_some_and(|w| WORDEN.contains(w)) {
                i + 1
            } else if i > 0 && WORDEN.contains(&lw[i - 1]) {
                i - 1
            } else {
                continue;
            };
            let end = (aux + 1..toks.len())
                .find(|&k| toks[k].kind == TokenKind::Punct)
                .unwrap_or(toks.len());
            let participle = (aux + 1..end)
                .find(|&k| k != i && toks[k].kind == TokenKind::Word && is_participle(lw[k], lex));
            let Some(p) = participle else { continue };
            let span = toks[i.min(aux)].span.cover(toks[i.max(aux)].span);
            let mut f = self.meta.finding(
                span,
                self.meta.message(&[
                    ("match", doc.slice(span)),
                    (
                        "advice",
                        &format!(
                            "zegt niet wie er '{}'. Begin met wie het doet: 'Wij …', 'De monteur …'.",
                            doc.token_text(&toks[p])
                        ),
                    ),
                ]),
            );
            f.hint = Some(
                "'Er wordt gewerkt aan een oplossing' wordt 'Wij werken aan een oplossing'.".into(),
            );
            out.push(f);
        }
    }

    fn sprake_van(&self, doc: &Document, s: &Sentence, lw: &[&str], out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        for i in 0..toks.len() {
            if lw[i] != "sprake" {
                continue;
            }
            let lo = i.saturating_sub(6);
            let hi = (i + 3).min(toks.len());
            let has_zijn = (lo..hi).any(|k| k != i && ZIJN.contains(&lw[k]));
            let there = (lo..i).find(|&k| THERE.contains(&lw[k]));
            // "sprake van", "sprake is van"
            let van = (i + 1..(i + 3).min(toks.len())).find(|&k| lw[k] == "van");
            let van_after = van.is_some();
            let Some(start) = there.filter(|&k| has_zijn && (van_after || lw[k] != "er")) else {
                continue;
            };
            let end = van.unwrap_or(i);
            let span = toks[start].span.cover(toks[end].span);
            let mut f = self.meta.finding(
                span,
                self.meta.message(&[
                    ("match", doc.slice(span)),
                    (
                        "advice",
                        "is omslachtig. Zeg direct wat er is of wat er gebeurt.",
                    ),
                ]),
            );
            f.hint = Some(
                "'Er is sprake van een fout' wordt 'Er zit een fout in' of 'Wij hebben een fout gemaakt'."
                    .into()
            );
            out.push(f);
        }
    }
}

impl Rule for ErConstruction {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        let mut lw = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            // "er wordt" needs "er" and a form of worden, "sprake van" needs "sprake".
            let classes = vocab.sentence_classes(si);
            let er_wordt =
                self.params.er_wordt && classes & wc::ER != 0 && classes & wc::WORDEN != 0;
            let sprake_van = self.params.sprake_van && classes & wc::SPRAKE != 0;
            if !er_wordt && !sprake_van {
                continue;
            }
            doc.lower_words(s, &mut lw);
            if er_wordt {
                self.er_wordt(doc, s, &lw, out);
            }
            if sprake_van {
                self.sprake_van(doc, s, &lw, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<String> {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: er_construction, severity: info, title: t, message: '{match}', explanation: x}",
        )
        .unwrap();
        let r = ErConstruction::from_def(&def).unwrap();
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn er_wordt_and_sprake_van() {
        assert_eq!(
            hits("Er wordt gewerkt aan een oplossing."),
            vec!["Er wordt"]
        );
        assert_eq!(hits("Vanaf maandag wordt er gewerkt."), vec!["wordt er"]);
        assert_eq!(hits("Er is sprake van een fout."), vec!["Er is sprake van"]);
        assert_eq!(
            hits("Daarvan is bij u geen sprake."),
            vec!["Daarvan is bij u geen sprake"]
        );
        for t in [
            "Er zijn drie mogelijkheden.",
            "Er wordt het een en ander.",
            "Het wordt er niet beter op.",
            "Wij werken aan een oplossing.",
            "U krijgt sprake- en taalles.",
        ] {
            assert!(hits(t).is_empty(), "{t}");
        }
    }
}
