//! `passive`: passive voice without a parser (B1-GUIDE §6). A form of *worden* or *zijn*
//! and a past participle in the same clause, in either order: "wordt betaald", "kan
//! worden opgezegd", "er wordt gewerkt", "is aangepast", "dat het bedrag betaald is".
//! Not passive: the perfect of verbs that take *zijn* ("is gegaan", "is overleden"),
//! copula *worden* ("wordt zestig"), adjectives and nouns that look like participles
//! ("is bekend", "het bedrag"), and clauses with a form of *hebben* (active perfect).

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::lexicon::{Lexicon, lexicon};
use crate::text::{Document, Sentence, Span, Token, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Also count *zijn* + participle (the perfect passive: "is betaald").
    pub zijn_passive: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params { zijn_passive: true }
    }
}

pub struct Passive {
    meta: RuleMeta,
    params: Params,
}

const WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden"];
const ZIJN: &[&str] = &["ben", "bent", "is", "zijn", "was", "waren", "geweest"];
const HEBBEN: &[&str] = &["heb", "hebt", "heeft", "hebben", "had", "hadden"];
/// Auxiliaries and other verbs that the participle shapes would wrongly accept.
const NOT_PARTICIPLES: &[&str] = &[
    "geweest",
    "gehad",
    "geworden",
    "bent",
    "wordt",
    "hebt",
    "heeft",
    "moet",
    "weet",
    "gaat",
    "staat",
    "doet",
    "ziet",
    "krijgt",
    "blijft",
    "gelden",
    "geldt",
    "betreft",
    "bestaat",
    "ontstaat",
    "begint",
    "verdient",
    "vergeet",
    "behoort",
    "gebeurt",
    "bedoelt",
    "bevat",
    "bespreekt",
    "verstuurt",
    "ontvangt",
    "betaalt",
    "bestelt",
    "verhuist",
    "herhaalt",
    "verandert",
    "verlengt",
    "beslist",
    "vertelt",
    "vraagt",
    "eruit",
    "bijgenaamd",
    "getiteld",
    "voorraad",
    "onderhoud",
    "overdaad",
    "voorhoofd",
    "voorrecht",
    "overzicht",
    "voorbeeld",
    "achtergrond",
    "voorgrond",
    "ondergrond",
    "achterstand",
    "voorstand",
    "overwicht",
    "voorhand",
    "overhand",
    "achterland",
    "voorland",
    "voorstad",
    "overeind",
    "doorslaggevend",
    "overmacht",
    "voorlicht",
    "onderstand",
];
/// Prepositions: "zijn" after one of these is the possessive ("van zijn huis").
const PREPOSITIONS: &[&str] = &[
    "aan", "achter", "bij", "binnen", "buiten", "door", "in", "met", "na", "naar", "naast", "om",
    "onder", "op", "over", "rond", "tegen", "tot", "tussen", "uit", "van", "volgens", "voor",
    "zonder", "via", "vanuit", "en", "of",
];
/// A participle after one of these is attributive ("een gevorderd stadium").
/// A "participle" after one of these is attributive ("een gevorderd stadium"), a
/// nominalised infinitive ("het herzien") or an infinitive ("te onderscheiden").
const ATTRIBUTIVE_BEFORE: &[&str] = &["een", "geen", "zo'n", "elk", "ieder", "het", "de", "te"];
/// After "en", these pronouns start a new main clause ("… en hij keerde terug").
const CLAUSE_PRONOUNS: &[&str] = &[
    "hij", "zij", "ze", "we", "wij", "ik", "u", "jij", "je", "men",
];
/// After these, "gezien" is not a participle ("achteraf gezien", "gezien de kosten").
const GEZIEN_NOT_PARTICIPLE_AFTER: &[&str] = &["achteraf", "eerlijk", "globaal", "strikt"];
const GEZIEN_NOT_PARTICIPLE_BEFORE: &[&str] = &[
    "de", "het", "een", "dat", "uw", "je", "zijn", "haar", "hun", "deze", "dit", "onze",
];
/// Words that open a new clause.
const CLAUSE_STARTERS: &[&str] = &[
    "dat", "die", "omdat", "als", "wanneer", "hoewel", "nadat", "zodat", "terwijl", "voordat",
    "doordat", "want", "maar", "waardoor", "indien", "tenzij", "welke", "wat", "waarin", "waarop",
    "waarmee", "waarbij", "waarna", "waarvoor", "waarover", "zodra", "sinds", "toen", "opdat",
    "hetgeen", "wie", "waar",
];
const INSEPARABLE: &[&str] = &["be", "ver", "ont", "her", "er", "ge"];
/// Prefixes that are inseparable in some verbs (ondersteund, voorspeld, overschreden).
const SOMETIMES_INSEPARABLE: &[&str] = &["onder", "over", "door", "voor", "mis", "achter"];
const SEPARABLE: &[&str] = &[
    "aan", "af", "bij", "binnen", "dicht", "door", "in", "kwijt", "los", "mee", "na", "neer", "om",
    "onder", "op", "over", "rond", "samen", "stop", "tegen", "terug", "thuis", "toe", "uit",
    "vast", "voor", "voort", "vrij", "weg", "weer",
];
const NOUN_SUFFIXES: &[&str] = &[
    "heid", "teit", "tijd", "schap", "ing", "nis", "ment", "komst", "vangst",
];

/// Does this lowercase word look like a past participle?
pub fn is_participle(w: &str, lex: &Lexicon) -> bool {
    if w.len() < 5 || NOT_PARTICIPLES.contains(&w) || lex.is_non_participle(w) {
        return false;
    }
    if lex.is_irregular_participle(w)
        || lex.is_zijn_participle(w)
        || lex.is_ambiguous_zijn_participle(w)
    {
        return true;
    }
    if !(w.ends_with('d') || w.ends_with('t'))
        || w.ends_with("dt")
        || NOUN_SUFFIXES.iter().any(|s| w.ends_with(s))
    {
        return false;
    }
    let ge_shape = w.starts_with("ge")
        || SEPARABLE.iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with("ge") && rest.len() >= 5)
        });
    if ge_shape {
        return true;
    }
    // Without ge-: a weak participle ends in -d, or in -t after a voiceless consonant
    // ('t kofschip); "beslaat", "ontleent" are present tense. Present participles
    // (bedroevend), strong present forms (beschrijft) and compounds with -ing- inside
    // (veroveringspad) are not participles either.
    let b = w.as_bytes();
    let before = b[b.len() - 2];
    if (w.ends_with('t') && !matches!(before, b'k' | b'f' | b's' | b'p' | b'h' | b'x'))
        || (w.ends_with("end") && !(w.ends_with("kend") || w.ends_with("wend")))
        || w.ends_with("kkend")
        || w.ends_with("ijft")
        || w.get(2..).is_some_and(|r| r.contains("ing"))
    {
        return false;
    }
    INSEPARABLE
        .iter()
        .any(|p| w.starts_with(p) && w.len() >= p.len() + 3)
        || SOMETIMES_INSEPARABLE
            .iter()
            .any(|p| w.starts_with(p) && w.len() >= p.len() + 4)
}

impl Passive {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(Passive {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    /// Passive constructions in a sentence: one span (auxiliary … participle) per clause.
    pub fn find(&self, doc: &Document, s: &Sentence) -> Vec<Span> {
        let lex = lexicon();
        let toks = doc.sentence_tokens(s);
        let mut found = Vec::new();
        let mut start = 0;
        for i in 0..=toks.len() {
            let boundary = i == toks.len() || {
                let t = &toks[i];
                let w = doc.token_lower(t);
                (t.kind == TokenKind::Punct
                    && matches!(w, "," | ";" | ":" | "(" | ")" | "\"" | "''" | "–" | "—"))
                    || CLAUSE_STARTERS.contains(&w)
                    || (matches!(w, "en" | "of")
                        && toks
                            .get(i + 1)
                            .is_some_and(|n| CLAUSE_PRONOUNS.contains(&doc.token_lower(n))))
            };
            if boundary {
                if let Some(span) = self.clause(doc, &toks[start..i], s.span.start, lex) {
                    found.push(span);
                }
                start = i;
            }
        }
        found
    }

    fn clause(
        &self,
        doc: &Document,
        toks: &[Token],
        sentence_start: usize,
        lex: &Lexicon,
    ) -> Option<Span> {
        let words: Vec<(&Token, &str)> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t, doc.token_lower(t)))
            .collect();
        if words.iter().any(|(_, w)| HEBBEN.contains(w)) {
            return None;
        }
        let participles: Vec<(&Token, &str)> = words
            .iter()
            .enumerate()
            .filter(|&(i, (t, w))| {
                // Capitalised mid-sentence: a name or noun, not a participle.
                let capital = doc
                    .token_text(t)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                let attributive = i > 0 && ATTRIBUTIVE_BEFORE.contains(&words[i - 1].1);
                let gezien_other = *w == "gezien"
                    && (i > 0 && GEZIEN_NOT_PARTICIPLE_AFTER.contains(&words[i - 1].1)
                        || words
                            .get(i + 1)
                            .is_some_and(|(_, n)| GEZIEN_NOT_PARTICIPLE_BEFORE.contains(n)));
                let name = capital && t.span.start != sentence_start;
                !(name || attributive || gezien_other) && is_participle(w, lex)
            })
            .map(|(_, &tw)| tw)
            .collect();
        if participles.is_empty() {
            return None;
        }
        // Verbs that take "zijn" (gaan, verdwijnen) have no passive with "worden".
        let worden_participle = participles.iter().find(|(_, p)| !lex.is_zijn_participle(p));
        for (aux, w) in &words {
            if let Some((p, _)) = worden_participle.filter(|_| WORDEN.contains(w)) {
                return Some(aux.span.cover(p.span));
            }
        }
        if !self.params.zijn_passive {
            return None;
        }
        for (i, (aux, w)) in words.iter().enumerate() {
            // "van zijn huis", "Zijn jaloezie …": the possessive, not the verb.
            let after_starter = i > 0 && CLAUSE_STARTERS.contains(&words[i - 1].1);
            let possessive = *w == "zijn"
                && ((aux.span.start == sentence_start || after_starter)
                    && words.len() > 1
                    && !is_participle(words[1].1, lex)
                    || i > 0 && PREPOSITIONS.contains(&words[i - 1].1)
                    || words.get(i + 1).is_some_and(|(_, n)| *n == "eigen"));
            if ZIJN.contains(w) && !possessive {
                let passive = participles.iter().find(|(_, p)| {
                    !lex.is_zijn_participle(p) && !lex.is_ambiguous_zijn_participle(p)
                });
                if let Some((p, _)) = passive {
                    return Some(aux.span.cover(p.span));
                }
            }
        }
        None
    }
}

impl Rule for Passive {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for s in &doc.sentences {
            for span in self.find(doc, s) {
                let f = self
                    .meta
                    .finding(span, self.meta.message(&[("match", doc.slice(span))]));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participle_shapes() {
        let lex = lexicon();
        for w in [
            "betaald",
            "verstuurd",
            "aangepast",
            "opgezegd",
            "geïnformeerd",
            "gewerkt",
        ] {
            assert!(is_participle(w, lex), "{w}");
        }
        for w in ["geweest", "bent", "betaalt", "gezondheid", "ontvangst"] {
            assert!(!is_participle(w, lex), "{w}");
        }
    }
}
