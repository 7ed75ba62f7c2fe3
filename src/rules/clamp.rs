//! `clamp` (tangconstructie): two words that belong together with a long stretch in
//! between, so the reader has to hold the first until the second comes (B1-GUIDE §1.2
//! "Tangconstructie" [S8]; in research terms a long dependency, a LiNT predictor [S29]).
//! Two checks, precision first:
//!
//! - article/possessive … participle … noun with a prepositional phrase in between: "het
//!   in januari door de agent ingevulde formulier", "de door u op te geven meterstanden".
//!   At least `min_noun_gap` words between the article and the participle.
//! - the finite verb of a main clause and the clause-final participle or infinitive:
//!   "Wij hebben uw aanvraag voor een parkeervergunning … op 3 maart ontvangen". At least
//!   `min_verb_gap` words in between. Only when the clause does not start with a
//!   subordinating word (there the verbs stand together at the end).

use super::passive::is_participle;
use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::lexicon::{Lexicon, lexicon};
use crate::text::word_class as wc;
use crate::text::word_set::WordSet;
use crate::text::{Document, Sentence, Token, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub min_noun_gap: usize,
    pub min_verb_gap: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_noun_gap: 3,
            min_verb_gap: 10,
        }
    }
}

pub struct Clamp {
    meta: RuleMeta,
    params: Params,
}

/// "ingevulde" → "ingevuld": an inflected participle before a noun.
fn attributive_participle(w: &str, lex: &Lexicon) -> bool {
    !TE_NOUNS.contains(w)
        && ((w.ends_with("de") || w.ends_with("te")) && is_participle(&w[..w.len() - 1], lex)
            || w.ends_with("en") && lex.is_irregular_participle(w))
}

/// Nouns that look like an inflected participle ("gemeente" ~ "gemeent-e").
static TE_NOUNS: WordSet = WordSet::new(&[
    "gemeente",
    "gedachte",
    "gestalte",
    "gewoonte",
    "gebergte",
    "getijde",
    "gebeente",
    "geboorte",
    "gedeelte",
    "behoefte",
    "belofte",
    "verte",
    "bende",
    "ervaringsdeskundige",
    "gedaante",
]);

fn is_infinitive(w: &str) -> bool {
    w.len() >= 4
        && w.ends_with("en")
        && w.chars().all(char::is_alphabetic)
        && !crate::text::morph::NOT_INFINITIVES.contains(&w)
}

impl Clamp {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(Clamp {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    fn report(
        &self,
        doc: &Document,
        first: &Token,
        last: &Token,
        gap: usize,
        out: &mut Vec<Finding>,
    ) {
        let span = first.span.cover(last.span);
        let mut f = self.meta.finding(
            span,
            self.meta.message(&[
                ("left", doc.token_text(first)),
                ("right", doc.token_text(last)),
                ("gap", &gap.to_string()),
            ]),
        );
        f.hint = Some(
            "Zet de woorden die bij elkaar horen dichter bij elkaar, of maak er twee zinnen van."
                .into(),
        );
        out.push(f);
    }

    /// "het in januari door de agent ingevulde formulier"
    fn noun_clamp(&self, doc: &Document, s: &Sentence, lex: &Lexicon, out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let vocab = doc.vocab();
        let class = |k: usize| vocab.classes(s.tokens.start + k);
        let lw = |k: usize| doc.token_lower(&toks[k]);
        let mut i = 0;
        while i < toks.len() {
            if class(i) & wc::CLAMP_DETERMINER == 0
                || i + 1 >= toks.len()
                || class(i + 1) & wc::CLAMP_PREPOSITION == 0
            {
                i += 1;
                continue;
            }
            // The stretch: words and numbers only, up to 10 of them.
            let mut found = None;
            for k in i + 2..toks.len().min(i + 13) {
                let t = &toks[k];
                if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                    break;
                }
                // The cheap tests first: most words of the stretch fail one of them.
                let noun_follows = toks.get(k + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && class(k + 1) & (wc::SUBORDINATOR | wc::FINITE | wc::NOT_NOUN) == 0
                });
                // "van de Verenigde Staten": right after an article, the participle belongs
                // to that article's phrase, not to the one at the start.
                let own_article = class(k - 1) & wc::CLAMP_DETERMINER != 0;
                if !noun_follows || own_article {
                    continue;
                }
                let capital = doc.token_text(t).starts_with(char::is_uppercase);
                if capital {
                    continue;
                }
                let te_infinitive = k > 0 && lw(k - 1) == "te" && is_infinitive(lw(k));
                if attributive_participle(lw(k), lex) || te_infinitive {
                    // Words strictly between the article and the participle ("te" not counted).
                    let gap = toks[i + 1..k].iter().filter(|t| t.counts_as_word()).count()
                        - usize::from(te_infinitive);
                    found = Some((k, gap));
                    break;
                }
            }
            match found {
                Some((k, gap)) if gap >= self.params.min_noun_gap => {
                    // Include the noun: "het … ingevulde (en ondertekende) (maximale) formulier".
                    let mut end = k + 1;
                    while end + 2 < toks.len()
                        && lw(end) == "en"
                        && attributive_participle(lw(end + 1), lex)
                    {
                        end += 2;
                    }
                    if end + 1 < toks.len()
                        && lw(end).ends_with('e')
                        && toks[end + 1].kind == TokenKind::Word
                    {
                        end += 1;
                    }
                    let end = end.min(toks.len() - 1);
                    self.report(doc, &toks[i], &toks[end], gap, out);
                    i = end + 1;
                }
                _ => i += 1,
            }
        }
    }

    /// "Wij hebben uw aanvraag … ontvangen"
    fn verb_clamp(&self, doc: &Document, s: &Sentence, lex: &Lexicon, out: &mut Vec<Finding>) {
        let toks = doc.sentence_tokens(s);
        let vocab = doc.vocab();
        let class = |k: usize| vocab.classes(s.tokens.start + k);
        let lw = |k: usize| doc.token_lower(&toks[k]);
        // Clauses: split at punctuation and at subordinating words.
        let mut start = 0;
        for i in 0..=toks.len() {
            let boundary = i == toks.len()
                || toks[i].kind == TokenKind::Punct
                    && !matches!(doc.token_text(&toks[i]), "'" | "’")
                || class(i) & wc::SUBORDINATOR != 0;
            if !boundary {
                continue;
            }
            let clause = start..i;
            start = i;
            if clause.len() < 4 {
                continue;
            }
            let first_word = clause.clone().find(|&k| toks[k].kind == TokenKind::Word);
            if first_word.is_some_and(|k| class(k) & wc::SUBORDINATOR != 0) {
                continue;
            }
            let Some(fin) = clause.clone().find(|&k| class(k) & wc::FINITE != 0) else {
                continue;
            };
            // The clause-final verb, and the start of the verb cluster it ends.
            let last = clause.end - 1;
            if toks[last].kind != TokenKind::Word || last <= fin + 1 {
                continue;
            }
            // The gap counts words strictly between the finite verb and the final one:
            // a clause too short for `min_verb_gap` needs no look at its verbs.
            if last - fin - 1 < self.params.min_verb_gap {
                continue;
            }
            // A modal ends in an infinitive ("kunt … afgeven", "kan … worden betaald");
            // hebben, zijn and worden end in a participle.
            let modal = class(fin) & wc::MODAL != 0;
            let final_verb = if modal {
                is_infinitive(lw(last))
                    || is_participle(lw(last), lex) && is_infinitive(lw(last - 1))
            } else {
                is_participle(lw(last), lex)
            };
            if !final_verb {
                continue;
            }
            let mut cluster = last;
            while cluster > fin + 1
                && (is_infinitive(lw(cluster - 1))
                    || class(cluster - 1) & wc::FINITE != 0
                    || lw(cluster - 1) == "te")
            {
                cluster -= 1;
            }
            // An inverted subject pronoun ("hebben wij", "kunt u") is no burden.
            let pronoun = usize::from((fin + 1 < toks.len()).then(|| lw(fin + 1)).is_some_and(
                |w| {
                    matches!(
                        w,
                        "u" | "wij" | "we" | "ik" | "je" | "jij" | "hij" | "zij" | "ze"
                    )
                },
            ));
            let gap = toks[fin + 1..cluster]
                .iter()
                .filter(|t| t.counts_as_word())
                .count()
                - pronoun;
            if gap >= self.params.min_verb_gap {
                self.report(doc, &toks[fin], &toks[last], gap, out);
            }
        }
    }
}

impl Rule for Clamp {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = lexicon();
        let vocab = doc.vocab();
        for (si, s) in doc.sentences.iter().enumerate() {
            // A noun clamp starts with an article and a preposition, a verb clamp with a
            // finite auxiliary or modal.
            let classes = vocab.sentence_classes(si);
            let noun = classes & wc::CLAMP_DETERMINER != 0 && classes & wc::CLAMP_PREPOSITION != 0;
            let verb = classes & wc::FINITE != 0;
            if !noun && !verb {
                continue;
            }
            if noun {
                self.noun_clamp(doc, s, lex, out);
            }
            // A verb clamp's clause holds the finite verb, `min_verb_gap` words and the
            // final verb: a shorter sentence has none.
            if verb && s.tokens.len() >= self.params.min_verb_gap + 2 {
                self.verb_clamp(doc, s, lex, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<String> {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: clamp, severity: info, title: t, message: '{left}…{right} {gap}', explanation: x}",
        )
        .unwrap();
        let r = Clamp::from_def(&def).unwrap();
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn noun_and_verb_clamps() {
        assert_eq!(
            hits("Stuur het in januari door de agent ingevulde formulier terug."),
            vec!["het…formulier 5"]
        );
        assert_eq!(
            hits("Geef de door u op te geven meterstanden door."),
            vec!["de…meterstanden 3"]
        );
        assert_eq!(
            hits(
                "Wij hebben uw aanvraag voor een parkeervergunning voor bewoners van de wijk Centrum-Oost op 3 maart ontvangen."
            ),
            vec!["hebben…ontvangen 14"]
        );
        assert_eq!(
            hits("Stuur het door de minister vastgestelde maximale percentage."),
            vec!["het…percentage 3"]
        );
        for t in [
            "Wij hebben uw aanvraag op 3 maart ontvangen.",
            "Uit de door u verstrekte gegevens blijkt dat u recht heeft op toeslag.",
            "Wij weten dat u uw aanvraag voor een parkeervergunning voor bewoners van de wijk op 3 maart heeft ingediend.",
            "Het in ons gestelde vertrouwen waarderen wij.",
            "De op één na machtigste man van de Verenigde Staten is ziek.",
            "Hem werd het door Wilson vergund twee afgevaardigden te sturen terwijl hij wachtte.",
            "Dat dit voor Joodse lezers moeilijk te begrijpen valt, weten wij.",
            "Hij moest niet voor het eerst in het toernooi toezien hoe zijn ploeg op vele fronten werd afgetroefd.",
            "De vergunning is voor iedereen die in de wijk woont en werkt beschikbaar.",
            "Dan moet u dit via het digitaal loket van de gemeente doorgeven.",
            "Ten tweede heeft u de rente van uw hypotheek voor het hele jaar afgetrokken.",
        ] {
            assert!(hits(t).is_empty(), "{t}: {:?}", hits(t));
        }
    }
}
