//! `nominal_style` (naamwoordstijl): a noun does the work of a verb (B1-GUIDE §1.2
//! "Nominalisation": let verbs work [S45]). Precision first; four patterns:
//!
//! - fixed phrases from `wordlists/naamwoordstijl.tsv` (kind `vast`): "een beslissing
//!   nemen", "melding maken van", also inflected and split ("nemen … een beslissing"),
//!   through the shared [`WordList`] engine;
//! - a nominalised infinitive: "het (tijdig) indienen van", "bij het invullen van";
//! - a deverbal noun between a preposition and "van" (kind `ing` in the list): "na
//!   ontvangst van", "voor de beoordeling van", "ter vaststelling van". A bare "-ing van"
//!   is not flagged: "de rekening van" and "de woning van" are ordinary nouns;
//! - "de betaling vindt … plaats": a noun on -ing/-tie with "vinden … plaats".
//!
//! Phrases that the list named in `skip_list` (default in rules/zinsbouw.yaml:
//! `ambtelijk`) already has with the same flags are skipped, so a writer does not get
//! two findings with the same advice.

use super::word_list::WordList;
use super::{Rule, RuleMeta, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::lexicon::{key, list_key};
use crate::text::word_class as wc;
use crate::text::word_set::WordSet;
use crate::text::{Document, Span, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub list: String,
    /// Skip fixed phrases that this list (e.g. `ambtelijk`) already reports.
    pub skip_list: String,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            list: "naamwoordstijl".to_owned(),
            skip_list: String::new(),
        }
    }
}

pub struct NominalStyle {
    meta: RuleMeta,
    fixed: Option<WordList>,
    /// Deverbal noun → verb(s) to use.
    nouns: HashMap<String, String>,
}

/// Before "het X-en van": the nominalised infinitive may follow a preposition or start a
/// clause; these words before "het" mean "het" belongs to something else.
const NOT_INFINITIVE_NOUNS: &[&str] = &[
    "inkomen",
    "vermogen",
    "leven",
    "teken",
    "wapen",
    "laken",
    "kussen",
    "examen",
    "verleden",
    "wezen",
    "vertrouwen",
    "midden",
    "noorden",
    "oosten",
    "zuiden",
    "westen",
    "geheugen",
    "gegeven",
    "gebeuren",
    "open",
    "eten",
    "welzijn",
    "ontbijten",
    "regen",
    "heden",
    "verlangen",
    "belang",
    "boven",
    "beneden",
    "binnen",
    "buiten",
    "zeven",
    "negen",
    "tien",
    "eigen",
    "keuken",
    "deken",
    "ijzen",
    "molen",
    "wagen",
    "orgaan",
];
/// Determiners and pronouns: a word like this between "het" and the infinitive means the
/// phrase is a different construction.
static NOT_ADVERB: WordSet = WordSet::new(&[
    "de", "het", "een", "uw", "je", "jouw", "ons", "onze", "mijn", "zijn", "haar", "hun", "dit",
    "dat", "deze", "die", "van", "en", "of", "u", "wij", "we", "zij", "ze", "hij", "ik",
]);
/// Sector given to the fixed phrases this rule reports (see `from_def`).
const SELECTED: &str = "naamwoordstijl-gekozen";
// "het", "van", "plaats", the forms of "vinden" and the prepositions before "(de) X-ing
// van" are word classes (`text::word_class`).

impl NominalStyle {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let text = wordlist(&p.list)
            .ok_or_else(|| format!("regel '{}': onbekende woordenlijst '{}'", def.id, p.list))?;
        // Phrases the skip list has with the same flags: reported by that rule already.
        let skip: HashSet<(&str, bool)> = if p.skip_list.is_empty() {
            HashSet::default()
        } else {
            super::word_list::list_terms(&p.skip_list)
                .ok_or_else(|| {
                    format!(
                        "regel '{}': onbekende woordenlijst '{}'",
                        def.id, p.skip_list
                    )
                })?
                .into_iter()
                .collect()
        };
        let mut fixed_rows = Vec::new();
        let mut nouns = HashMap::default();
        for (_, row) in tsv_rows(text) {
            if row.len() < 5 {
                continue;
            }
            let verb = row[4].split(',').any(|x| x.trim() == "ww");
            match row[2] {
                "vast" if !skip.contains(&(list_key(row[0]), verb)) => {
                    let mut r = row.clone();
                    r[2] = SELECTED;
                    fixed_rows.push(r.join("\t"));
                }
                "ing" => {
                    nouns.insert(key(row[0]), row[1].replace('|', "' of '"));
                }
                _ => {}
            }
        }
        // The fixed phrases run on the shared word-list engine: the selected rows are
        // passed as `extra` entries with their own sector, and only that sector is read.
        let fixed = if fixed_rows.is_empty() {
            None
        } else {
            let mut inner = def.clone();
            inner.kind = "word_list".to_owned();
            inner.message = def.message.replace("{verb}", "{alternatives}");
            let mut map = serde_yaml::Mapping::new();
            map.insert("list".into(), p.list.clone().into());
            map.insert(
                "sectors".into(),
                serde_yaml::Value::Sequence(vec![SELECTED.into()]),
            );
            map.insert(
                "extra".into(),
                serde_yaml::Value::Sequence(fixed_rows.into_iter().map(Into::into).collect()),
            );
            inner.params = serde_yaml::Value::Mapping(map);
            Some(WordList::from_def(&inner)?)
        };
        Ok(NominalStyle {
            meta: RuleMeta::new(def),
            fixed,
            nouns,
        })
    }

    fn report(&self, doc: &Document, span: Span, verb: &str, out: &mut Vec<Finding>) {
        let quoted = format!("'{verb}'");
        let mut f = self.meta.finding(
            span,
            self.meta
                .message(&[("match", doc.slice(span)), ("verb", &quoted)]),
        );
        f.hint = Some(
            "Zeg wie wat doet: 'Als u het formulier invult, …', 'Wij beoordelen uw aanvraag.'"
                .into(),
        );
        out.push(f);
    }
}

impl Rule for NominalStyle {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if let Some(fixed) = &self.fixed {
            fixed.check(doc, out);
        }
        let vocab = doc.vocab();
        for (si, s) in doc.sentences.iter().enumerate() {
            // "het … van" and "na … van" need "van"; "vindt … plaats" needs both words.
            let classes = vocab.sentence_classes(si);
            let van = classes & wc::VAN != 0 && classes & (wc::HET | wc::NOMINAL_PREPOSITION) != 0;
            let plaats = classes & wc::PLAATS != 0 && classes & wc::VINDEN != 0;
            if !van && !plaats {
                continue;
            }
            let toks = doc.sentence_tokens(s);
            // A token's lowercase text, read only where a pattern needs it ("van" is a
            // class bit).
            let lw = |i: usize| doc.token_lower(&toks[i]);
            let class = |i: usize| vocab.classes(s.tokens.start + i);
            let word = |i: usize| toks[i].kind == TokenKind::Word;
            for i in 0..toks.len() {
                let c = class(i);
                if c & (wc::HET | wc::NOMINAL_PREPOSITION | wc::PLAATS) == 0 {
                    continue;
                }
                // "het (tijdig) indienen van"
                if c & wc::HET != 0 {
                    for gap in 0..=2 {
                        let v = i + 1 + gap;
                        if v + 1 >= toks.len() || class(v + 1) & wc::VAN == 0 || !word(v) {
                            continue;
                        }
                        let inf = lw(v);
                        // Adverbs ("tijdig", "niet"), not inflected adjectives ("mogelijke").
                        let between_ok = (i + 1..v).all(|k| {
                            word(k)
                                && !NOT_ADVERB.contains(lw(k))
                                && !lw(k).ends_with("en")
                                && !lw(k).ends_with('e')
                                && !lw(k).ends_with('s')
                                && !doc.token_text(&toks[k]).starts_with(char::is_uppercase)
                        });
                        let capital = doc.token_text(&toks[v]).starts_with(char::is_uppercase);
                        if between_ok
                            && !capital
                            && inf.len() >= 6
                            && inf.ends_with("en")
                            && !NOT_INFINITIVE_NOUNS.iter().any(|n| inf.ends_with(n))
                            // "pensioen", "seizoen", "miljoen": nouns ("doen" is a verb).
                            && (!inf.ends_with("oen") || inf.ends_with("doen"))
                        {
                            let span = toks[i].span.cover(toks[v + 1].span);
                            self.report(doc, span, doc.token_text(&toks[v]), out);
                        }
                        break;
                    }
                }
                // "na ontvangst van", "voor de beoordeling van"
                if c & wc::NOMINAL_PREPOSITION != 0 {
                    let n = if i + 1 < toks.len() && lw(i + 1) == "de" {
                        i + 2
                    } else {
                        i + 1
                    };
                    if n + 1 < toks.len()
                        && class(n + 1) & wc::VAN != 0
                        && let Some(verb) = self.nouns.get(lw(n))
                    {
                        let span = toks[i].span.cover(toks[n + 1].span);
                        self.report(doc, span, verb, out);
                    }
                }
                // "de betaling vindt … plaats"
                if c & wc::PLAATS != 0 && i >= 2 {
                    let lo = i.saturating_sub(8);
                    let Some(v) = (lo..i).rev().find(|&k| class(k) & wc::VINDEN != 0) else {
                        continue;
                    };
                    let noun = (v.saturating_sub(6)..v).rev().find(|&k| {
                        word(k)
                            && lw(k).len() >= 6
                            && (lw(k).ends_with("ing") || lw(k).ends_with("tie"))
                            && !doc.token_text(&toks[k]).starts_with(char::is_uppercase)
                    });
                    let Some(k) = noun.or_else(|| {
                        // Inverted: "Op 1 mei vindt de betaling plaats."
                        (v + 1..i).find(|&k| {
                            word(k)
                                && lw(k).len() >= 6
                                && (lw(k).ends_with("ing") || lw(k).ends_with("tie"))
                        })
                    }) else {
                        continue;
                    };
                    let span = toks[k.min(v)].span.cover(toks[i].span);
                    let known = self.nouns.get(lw(k)).cloned();
                    if known.is_none() {
                        let verb = format!("het werkwoord in '{}'", doc.token_text(&toks[k]));
                        let mut f = self.meta.finding(
                            span,
                            self.meta
                                .message(&[("match", doc.slice(span)), ("verb", &verb)]),
                        );
                        f.hint = Some(
                            "Zeg wie wat doet: 'De betaling vindt plaats op 1 mei' wordt 'U betaalt op 1 mei'."
                                .into()
                        );
                        out.push(f);
                    } else if let Some(verb) = known {
                        self.report(doc, span, &verb, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(skip: &str) -> NominalStyle {
        let def: RuleDef = serde_yaml::from_str(&format!(
            "{{id: t, kind: nominal_style, severity: info, title: t, message: '{{match}} → {{verb}}', explanation: x, params: {{skip_list: '{skip}'}}}}"
        ))
        .unwrap();
        NominalStyle::from_def(&def).unwrap()
    }

    fn hits(r: &NominalStyle, text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn patterns() {
        let r = rule("");
        assert_eq!(
            hits(&r, "Het tijdig indienen van het formulier is belangrijk."),
            vec!["Het tijdig indienen van → 'indienen'"]
        );
        assert_eq!(
            hits(&r, "Na ontvangst van uw betaling sturen wij de pas."),
            vec!["Na ontvangst van → 'ontvangen'"]
        );
        assert_eq!(
            hits(&r, "De betaling vindt plaats op 1 mei."),
            vec!["betaling vindt plaats → 'betalen'"]
        );
        assert_eq!(
            hits(&r, "Wij nemen volgende week een beslissing."),
            vec!["nemen volgende week een beslissing → 'beslissen'"]
        );
        for t in [
            "Het inkomen van uw partner telt mee.",
            "De rekening van maart is betaald.",
            "Het midden van de stad is autovrij.",
            "Het mogelijke pensioen van de minister is hoog.",
            "Het pensioen van uw partner telt mee.",
            "Hij hield van het decors tekenen van toneelstukken.",
            "Wij bellen u na de behandeling.",
            "Het gesprek vindt plaats bij u thuis.",
        ] {
            assert!(hits(&r, t).is_empty(), "{t}: {:?}", hits(&r, t));
        }
    }

    #[test]
    fn skip_list_drops_phrases_another_rule_reports() {
        let with = rule("");
        let without = rule("ambtelijk");
        let t = "Wij nemen uw aanvraag in behandeling.";
        assert_eq!(hits(&with, t).len(), 1);
        assert!(hits(&without, t).is_empty());
    }
}
