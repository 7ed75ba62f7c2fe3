//! `address_form`: how the text addresses the reader (B1-GUIDE §1.2 "Form of address",
//! [S9], [S16]). Three checks, one rule instance each:
//!
//! - `mix`: "u" and "je/jij/jouw" in one text. The minority form is reported at each
//!   occurrence, with the count of the majority form.
//! - `capital`: "U" or "Uw" with a capital in mid-sentence (write "u", "uw").
//! - `men`: impersonal "men" (address the reader, or say who does it).
//!
//! Words in quotation marks do not count: a quoted sentence may address someone else.

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion};
use crate::text::token::ABBREV;
use crate::text::word_class as wc;
use crate::text::word_set::WordSet;
use crate::text::{Document, TokenKind};
use serde::Deserialize;

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    #[default]
    Mix,
    Capital,
    Men,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub check: Check,
}

pub struct AddressForm {
    meta: RuleMeta,
    params: Params,
}

// The forms of u and je are word classes (`text::word_class`: U_FORM, JE_FORM).
/// Before these, a capital "U" is a label ("vak U", "route U"), not the pronoun.
static LABEL_WORDS: WordSet = WordSet::new(&[
    "letter",
    "vak",
    "gebied",
    "route",
    "type",
    "blok",
    "lijn",
    "bus",
    "zone",
    "sector",
    "rij",
    "categorie",
    "klasse",
    "model",
    "plan",
    "fase",
    "bijlage",
    "kamer",
    "gang",
    "ingang",
]);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    U,
    Je,
}

impl Form {
    fn word(self) -> &'static str {
        match self {
            Form::U => "u",
            Form::Je => "je",
        }
    }
}

/// For each token: does it stand between quotation marks? Quotes do not run past a unit.
fn quoted(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for unit in &doc.paragraphs {
        let Some(s0) = doc.sentences.get(unit.sentences.start) else {
            continue;
        };
        // Without a quotation mark nothing in the paragraph is quoted.
        if super::without_quotes(doc, unit) {
            continue;
        }
        let first = s0.tokens.start;
        let last = doc.sentences[unit.sentences.end - 1].tokens.end;
        let mut inside = false;
        for (i, t) in doc.tokens.iter().enumerate().take(last).skip(first) {
            if t.kind == TokenKind::Punct {
                match doc.token_text(t) {
                    "“" | "„" | "‘" | "«" => inside = true,
                    "”" | "»" => inside = false,
                    "\"" | "''" => inside = !inside,
                    "'" | "’" => {
                        // A lone quote mark: opens before a word, closes after one.
                        let next_touches = doc
                            .tokens
                            .get(i + 1)
                            .is_some_and(|n| n.span.start == t.span.end);
                        inside = next_touches && !inside;
                    }
                    _ => {}
                }
                continue;
            }
            out[i] = inside;
        }
    }
    out
}

impl AddressForm {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(AddressForm {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    /// Reader-addressing pronouns outside quotes: (token index, form).
    fn pronouns(&self, doc: &Document, quoted: &[bool]) -> Vec<(usize, Form)> {
        let vocab = doc.vocab();
        let mut out = Vec::new();
        for i in super::positions_of(doc, |id| {
            vocab.id_classes(id) & (wc::U_FORM | wc::JE_FORM) != 0
        }) {
            let i = i as usize;
            let t = &doc.tokens[i];
            let class = vocab.classes(i);
            if t.kind != TokenKind::Word || quoted[i] || t.has(ABBREV) {
                continue;
            }
            let form = if class & wc::U_FORM != 0 {
                if self.label_u(doc, i) {
                    continue;
                }
                Form::U
            } else {
                Form::Je
            };
            out.push((i, form));
        }
        out
    }

    /// "vak U", "route U": a capital U as a label.
    fn label_u(&self, doc: &Document, i: usize) -> bool {
        doc.token_text(&doc.tokens[i]) == "U"
            && i > 0
            && LABEL_WORDS.contains(doc.token_lower(&doc.tokens[i - 1]))
    }

    fn check_mix(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Mixing needs both forms in the text.
        let classes = doc.vocab().document_classes();
        if classes & wc::U_FORM == 0 || classes & wc::JE_FORM == 0 {
            return;
        }
        let quoted = quoted(doc);
        let found = self.pronouns(doc, &quoted);
        let n_u = found.iter().filter(|(_, f)| *f == Form::U).count();
        let n_je = found.len() - n_u;
        if n_u == 0 || n_je == 0 {
            return;
        }
        // The majority form; on a tie, the form the text starts with.
        let majority = match n_u.cmp(&n_je) {
            std::cmp::Ordering::Greater => Form::U,
            std::cmp::Ordering::Less => Form::Je,
            std::cmp::Ordering::Equal => found[0].1,
        };
        let count = n_u.max(n_je).to_string();
        for &(i, form) in found.iter().filter(|(_, f)| *f != majority) {
            let t = doc.tokens[i];
            let mut f = self.meta.finding(
                t.span,
                self.meta.message(&[
                    ("match", doc.token_text(&t)),
                    ("form", form.word()),
                    ("majority", majority.word()),
                    ("count", &count),
                ]),
            );
            f.hint = Some(
                "Kies één aanspreekvorm en houd die vast: 'u' in formele brieven, 'je' in informele."
                    .into()
            );
            out.push(f);
        }
    }

    fn check_capital(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Which words stand between quotes, worked out at the first capital U (rare).
        let mut quoted_tokens = None;
        // "U", "Uw" and "Uzelf" are forms of u: only their tokens are looked at.
        let vocab = doc.vocab();
        for i in super::positions_of(doc, |id| vocab.id_classes(id) & wc::U_FORM != 0) {
            let i = i as usize;
            let t = &doc.tokens[i];
            let text = doc.token_text(t);
            if !matches!(text, "U" | "Uw" | "Uzelf") || t.has(ABBREV) {
                continue;
            }
            // Its sentence (looked up for the rare capital only); a capital at the
            // sentence's first word is no error.
            let si = doc.sentences.partition_point(|s| s.tokens.end <= i);
            let Some(s) = doc.sentences.get(si).filter(|s| s.tokens.contains(&i)) else {
                continue;
            };
            if super::first_word_of_sentence(doc, s, i) {
                continue;
            }
            let prev = &doc.tokens[i - 1];
            let after_colon_or_open = prev.kind == TokenKind::Punct
                && matches!(doc.token_text(prev), ":" | "(" | "[" | "-" | "–" | "—");
            // A sentence in capitals ("LET OP: U MOET …").
            let shouting = doc.tokens[i + 1..s.tokens.end].first().is_some_and(|n| {
                let w = doc.token_text(n);
                w.len() > 1 && w.chars().all(|c| !c.is_lowercase())
            });
            if after_colon_or_open
                || shouting
                || self.label_u(doc, i)
                || quoted_tokens.get_or_insert_with(|| quoted(doc))[i]
            {
                continue;
            }
            let lower = text.to_lowercase();
            let mut f = self.meta.finding(
                t.span,
                self.meta
                    .message(&[("match", text), ("lower", lower.as_str())]),
            );
            f.suggestions.push(Suggestion {
                span: t.span,
                replacement: lower,
                safety: self.meta.def.fix.unwrap_or(Safety::Unsafe),
            });
            out.push(f);
        }
    }

    fn check_men(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        if vocab.document_classes() & wc::MEN == 0 {
            return;
        }
        let mut quoted_tokens = None;
        for i in super::positions_of(doc, |id| vocab.id_classes(id) & wc::MEN != 0) {
            let i = i as usize;
            let t = &doc.tokens[i];
            if t.kind == TokenKind::Word && !quoted_tokens.get_or_insert_with(|| quoted(doc))[i] {
                let mut f = self
                    .meta
                    .finding(t.span, self.meta.message(&[("match", doc.token_text(t))]));
                f.hint = Some(
                    "Spreek de lezer aan ('U kunt een verzoek sturen') of zeg wie het doet ('Wij controleren …')."
                        .into()
                );
                out.push(f);
            }
        }
    }
}

impl Rule for AddressForm {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self.params.check {
            Check::Mix => self.check_mix(doc, out),
            Check::Capital => self.check_capital(doc, out),
            Check::Men => self.check_men(doc, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(check: &str) -> AddressForm {
        let def: RuleDef = serde_yaml::from_str(&format!(
            "{{id: t, kind: address_form, severity: warning, title: t, message: '{{match}} {{form}} {{majority}} {{count}}', explanation: x, params: {{check: {check}}}}}"
        ))
        .unwrap();
        AddressForm::from_def(&def).unwrap()
    }

    fn hits(r: &AddressForm, text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn minority_form_is_reported_with_the_majority_count() {
        let r = rule("mix");
        assert_eq!(
            hits(&r, "Je krijgt je pas. Als u vragen heeft, bel je ons."),
            vec!["u u je 3"]
        );
        assert!(hits(&r, "Hij zei: \"Heb je het gezien?\" U krijgt uw pas.").is_empty());
        assert!(hits(&r, "U parkeert in vak U. Uw pas ligt klaar.").is_empty());
    }

    #[test]
    fn capital_u_mid_sentence() {
        let r = rule("capital");
        assert_eq!(
            hits(&r, "Wij sturen U de pas. U krijgt hem morgen.").len(),
            1
        );
        assert!(hits(&r, "Let op: U moet betalen. LET OP: U MOET BETALEN.").is_empty());
    }

    #[test]
    fn impersonal_men() {
        let r = rule("men");
        assert_eq!(hits(&r, "Men kan een verzoek indienen.").len(), 1);
        assert!(hits(&r, "De mensen kunnen een verzoek indienen.").is_empty());
    }
}
