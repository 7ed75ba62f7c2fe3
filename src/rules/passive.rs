//! `passive`: passive voice without a parser (B1-GUIDE §6). A form of *worden* or *zijn*
//! and a past participle in the same clause, in either order: "wordt betaald", "kan
//! worden opgezegd", "er wordt gewerkt", "is aangepast", "dat het bedrag betaald is".
//! Not passive: the perfect of verbs that take *zijn* ("is gegaan", "is overleden"),
//! copula *worden* ("wordt zestig"), adjectives and nouns that look like participles
//! ("is bekend", "het bedrag"), and clauses with a form of *hebben* (active perfect).

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::finding::{Safety, Suggestion};
use crate::text::lexicon::{Lexicon, lexicon};
use crate::text::morph::{VerbForm, infinitive_of_participle, inflect, split_separable};
use crate::text::vocab::PerWord;
use crate::text::word_class::{self as wc, Classes};
use crate::text::word_set::WordSet;
use crate::text::{Document, Sentence, Span, TokenKind};
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

// The forms of worden, zijn and hebben, the clause starters, clause punctuation and
// prepositions this rule asks about for every word are word classes
// (`text::word_class`: WORDEN, ZIJN, HEBBEN, PASSIVE_*).
/// Auxiliaries and other verbs that the participle shapes would wrongly accept.
static NOT_PARTICIPLES: WordSet = WordSet::new(&[
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
]);
/// A participle after one of these is attributive ("een gevorderd stadium").
/// A "participle" after one of these is attributive ("een gevorderd stadium"), a
/// nominalised infinitive ("het herzien") or an infinitive ("te onderscheiden").
const ATTRIBUTIVE_BEFORE: &[&str] = &["een", "geen", "zo'n", "elk", "ieder", "het", "de", "te"];
/// After these, "gezien" is not a participle ("achteraf gezien", "gezien de kosten").
const GEZIEN_NOT_PARTICIPLE_AFTER: &[&str] = &["achteraf", "eerlijk", "globaal", "strikt"];
const GEZIEN_NOT_PARTICIPLE_BEFORE: &[&str] = &[
    "de", "het", "een", "dat", "uw", "je", "zijn", "haar", "hun", "deze", "dit", "onze",
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
    if w.len() < 5 || NOT_PARTICIPLES.contains(w) || lex.is_non_participle(w) {
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
    pub fn find(&self, doc: &Document, s: &Sentence) -> Vec<(Span, Span)> {
        let mut scratch = Scratch::new(doc);
        self.find_with(doc, s, &mut scratch)
    }

    /// The classes of an auxiliary that can make a passive.
    fn aux_classes(&self) -> Classes {
        if self.params.zijn_passive {
            wc::WORDEN | wc::ZIJN
        } else {
            wc::WORDEN
        }
    }

    /// [`Passive::find`] with the judgements of earlier sentences.
    fn find_with(&self, doc: &Document, s: &Sentence, scratch: &mut Scratch) -> Vec<(Span, Span)> {
        let vocab = doc.vocab();
        let aux_classes = self.aux_classes();
        let end = s.tokens.end;
        let mut found = Vec::new();
        let mut start = s.tokens.start;
        // The classes of the clause's words so far: a clause without a form of "worden"
        // (or "zijn"), or with a form of "hebben", is no passive, and most clauses stop
        // here without a second look at their words.
        let mut clause_classes: Classes = 0;
        for i in s.tokens.start..=end {
            let (boundary, word_classes) = if i == end {
                (true, 0)
            } else {
                let c = vocab.classes(i);
                let kind = doc.tokens[i].kind;
                let boundary = (kind == TokenKind::Punct && c & wc::PASSIVE_CLAUSE_PUNCT != 0)
                    || c & wc::PASSIVE_CLAUSE_STARTER != 0
                    || (c & wc::EN_OF != 0 && i + 1 < end && vocab.is(i + 1, wc::CLAUSE_PRONOUN));
                (boundary, if kind == TokenKind::Word { c } else { 0 })
            };
            if boundary {
                if clause_classes & aux_classes != 0
                    && clause_classes & wc::HEBBEN == 0
                    && let Some(span) = self.clause(doc, start..i, s.span.start, scratch)
                {
                    found.push(span);
                }
                start = i;
                clause_classes = 0;
            }
            clause_classes |= word_classes;
        }
        found
    }

    fn clause(
        &self,
        doc: &Document,
        toks: std::ops::Range<usize>,
        sentence_start: usize,
        scratch: &mut Scratch,
    ) -> Option<(Span, Span)> {
        let lex = lexicon();
        let vocab = doc.vocab();
        // The caller has checked that the clause has an auxiliary and no form of
        // "hebben".
        let words = &mut scratch.words;
        words.clear();
        words.extend(toks.filter(|&i| doc.tokens[i].kind == TokenKind::Word));
        let lower = |i: usize| doc.token_lower(&doc.tokens[i]);
        let participle = &mut scratch.participle;
        let mut is_participle_at =
            |i: usize| participle.get_or(vocab.id(i), || is_participle(lower(i), lex));
        let participles = &mut scratch.participles;
        participles.clear();
        participles.extend(
            (0..words.len())
                .filter(|&k| {
                    let i = words[k];
                    // Most words have no participle shape: that answer (one per distinct
                    // word) comes first.
                    if !is_participle_at(i) {
                        return false;
                    }
                    let w = lower(i);
                    let t = &doc.tokens[i];
                    // Capitalised mid-sentence: a name or noun, not a participle.
                    let capital = doc
                        .token_text(t)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
                    let attributive = k > 0 && ATTRIBUTIVE_BEFORE.contains(&lower(words[k - 1]));
                    let gezien_other = w == "gezien"
                        && (k > 0 && GEZIEN_NOT_PARTICIPLE_AFTER.contains(&lower(words[k - 1]))
                            || words.get(k + 1).is_some_and(|&n| {
                                GEZIEN_NOT_PARTICIPLE_BEFORE.contains(&lower(n))
                            }));
                    let name = capital && t.span.start != sentence_start;
                    !(name || attributive || gezien_other)
                })
                .map(|k| words[k]),
        );
        if participles.is_empty() {
            return None;
        }
        let span = |i: usize| doc.tokens[i].span;
        // Verbs that take "zijn" (gaan, verdwijnen) have no passive with "worden".
        let worden_participle = participles
            .iter()
            .find(|&&p| !lex.is_zijn_participle(lower(p)));
        for &aux in words.iter() {
            if let Some(&p) = worden_participle.filter(|_| vocab.is(aux, wc::WORDEN)) {
                return Some((span(aux), span(p)));
            }
        }
        if !self.params.zijn_passive {
            return None;
        }
        // The participle a form of "zijn" makes passive, looked up once per clause.
        let &p = participles.iter().find(|&&p| {
            !lex.is_zijn_participle(lower(p)) && !lex.is_ambiguous_zijn_participle(lower(p))
        })?;
        for (k, &aux) in words.iter().enumerate() {
            if !vocab.is(aux, wc::ZIJN) {
                continue;
            }
            // "van zijn huis", "Zijn jaloezie …": the possessive, not the verb.
            let after_starter = k > 0 && vocab.is(words[k - 1], wc::PASSIVE_CLAUSE_STARTER);
            let possessive = lower(aux) == "zijn"
                && ((span(aux).start == sentence_start || after_starter)
                    && words.len() > 1
                    && !is_participle_at(words[1])
                    || k > 0 && vocab.is(words[k - 1], wc::PASSIVE_PREPOSITION)
                    || words.get(k + 1).is_some_and(|&n| lower(n) == "eigen"));
            if !possessive {
                return Some((span(aux), span(p)));
            }
        }
        None
    }
}

/// What [`Passive::find`] keeps from sentence to sentence: a buffer for a clause's words
/// and each distinct word's participle judgement.
struct Scratch {
    words: Vec<usize>,
    /// A clause's participles, a buffer reused for every clause.
    participles: Vec<usize>,
    participle: PerWord<bool>,
}

impl Scratch {
    fn new(doc: &Document) -> Scratch {
        Scratch {
            words: Vec::new(),
            participles: Vec::new(),
            participle: PerWord::new(doc.vocab()),
        }
    }
}

impl Rule for Passive {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        let mut scratch = Scratch::new(doc);
        for (si, s) in doc.sentences.iter().enumerate() {
            // A clause without a form of "worden" (or "zijn") is no passive.
            if vocab.sentence_classes(si) & self.aux_classes() == 0 {
                continue;
            }
            for (aux, part) in self.find_with(doc, s, &mut scratch) {
                let span = aux.cover(part);
                let mut f = self
                    .meta
                    .finding(span, self.meta.message(&[("match", doc.slice(span))]));
                if let Some(active) = active_rewrite(doc, s, aux, part) {
                    f.suggestions.push(Suggestion {
                        span: s.span,
                        replacement: active,
                        safety: Safety::Unsafe,
                    });
                }
                out.push(f);
            }
        }
    }
}

/// Agents as object pronouns and as the subject they become: "door ons" → "wij".
const AGENT_PRONOUNS: &[(&str, &str, Person)] = &[
    ("ons", "wij", Person::Plural),
    ("mij", "ik", Person::First),
    ("me", "ik", Person::First),
    ("u", "u", Person::Singular),
    ("jou", "jij", Person::Singular),
    ("hem", "hij", Person::Singular),
    ("haar", "zij", Person::Singular),
    ("hen", "zij", Person::Plural),
    ("hun", "zij", Person::Plural),
    ("jullie", "jullie", Person::Plural),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Person {
    First,
    Singular,
    Plural,
}

/// Prepositions that end an agent phrase ("door de gemeente aan u").
static AGENT_END: WordSet = WordSet::new(&[
    "aan", "op", "in", "met", "voor", "vóór", "naar", "bij", "binnen", "na", "via", "om", "over",
    "tot", "uit", "van",
]);
/// First words that show a sentence does not start with its subject.
static NOT_SUBJECT_START: WordSet = WordSet::new(&[
    "er",
    "dan",
    "daarna",
    "nu",
    "toen",
    "ook",
    "morgen",
    "vandaag",
    "gisteren",
    "binnenkort",
    "daarom",
    "hierbij",
    "zo",
    "als",
    "ondanks",
    "vervolgens",
    "hierna",
    "inmiddels",
]);
static LOWERCASE_DETERMINERS: WordSet = WordSet::new(&[
    "de", "het", "een", "uw", "je", "jouw", "onze", "ons", "deze", "dit", "die", "dat", "zijn",
    "haar", "hun", "mijn", "alle", "elke",
]);

/// The active version of a simple main-clause passive with a *door*-agent:
/// "De rekening wordt door ons verstuurd." → "Wij versturen de rekening."
fn active_rewrite(doc: &Document, s: &Sentence, aux: Span, part: Span) -> Option<String> {
    let lex = lexicon();
    let toks = doc.sentence_tokens(s);
    // Tokens are in text order: binary search, so many passive clauses in one very long
    // sentence stay linear.
    let at = |span: Span| {
        let i = toks.partition_point(|t| t.span.start < span.start);
        toks.get(i).filter(|t| t.span == span).map(|_| i)
    };
    let ai = at(aux)?;
    if ai == 0 || ai > 6 {
        return None;
    }
    let pi = at(part)?;
    let lower = |i: usize| doc.token_lower(&toks[i]);
    if pi <= ai {
        return None;
    }
    let subject = &toks[..ai];
    if subject.iter().any(|t| t.kind != TokenKind::Word) || NOT_SUBJECT_START.contains(lower(0)) {
        return None;
    }
    // The end: terminal punctuation, possibly after "door <agent>".
    let end = toks
        .iter()
        .rposition(|t| t.kind != TokenKind::Punct)
        .map_or(toks.len(), |i| i + 1);
    let punct = doc.slice(Span::new(toks[end - 1].span.end, s.span.end));
    // Find "door" + agent in the middle or right after the participle.
    let (door, agent_end) = if let Some(d) = (ai + 1..pi).find(|&i| lower(i) == "door") {
        let e = (d + 1..pi)
            .find(|&i| AGENT_END.contains(lower(i)))
            .unwrap_or(pi);
        (d, e)
    } else if pi + 1 < end && lower(pi + 1) == "door" {
        (pi + 1, end)
    } else {
        return None;
    };
    if agent_end <= door + 1 || agent_end - door > 6 {
        return None;
    }
    if (door + 1..agent_end).any(|i| toks[i].kind != TokenKind::Word) {
        return None;
    }
    let agent_span = toks[door + 1].span.cover(toks[agent_end - 1].span);
    let agent_text = doc.slice(agent_span);
    let agent_lower = agent_text.to_lowercase();
    let (agent, person) = match AGENT_PRONOUNS.iter().find(|(o, _, _)| *o == agent_lower) {
        Some((_, subj, p)) => ((*subj).to_owned(), *p),
        None => {
            let last = lower(agent_end - 1);
            let plural = (last.ends_with("en") || last.ends_with('s'))
                && !matches!(lower(door + 1), "het" | "een")
                && agent_end - door > 2;
            let p = if plural {
                Person::Plural
            } else {
                Person::Singular
            };
            (agent_text.to_owned(), p)
        }
    };
    let infinitive = infinitive_of_participle(doc.token_lower(&toks[pi]), lex)?;
    let aux_word = lower(ai);
    let (verb, participle_at_end) = match aux_word {
        "word" | "wordt" | "worden" | "werd" | "werden" => {
            let past = matches!(aux_word, "werd" | "werden");
            let form = match (past, person) {
                (false, Person::First) => VerbForm::Stem,
                (false, Person::Singular) => VerbForm::Third,
                (false, Person::Plural) => VerbForm::Infinitive,
                (true, Person::Plural) => VerbForm::PastPlural,
                (true, _) => VerbForm::PastSingular,
            };
            (Some(form), false)
        }
        "is" | "zijn" | "ben" | "bent" | "was" | "waren" => (None, true),
        _ => return None,
    };
    let perfect_aux = match (aux_word, person) {
        ("was" | "waren", Person::Plural) => "hadden",
        ("was" | "waren", _) => "had",
        (_, Person::First) => "heb",
        (_, Person::Plural) => "hebben",
        _ => "heeft",
    };
    let (finite, particle) = match verb {
        Some(form) => match split_separable(&infinitive, lex) {
            Some((particle, base)) => (inflect(&base, form, lex), Some(particle)),
            None => (inflect(&infinitive, form, lex), None),
        },
        None => (perfect_aux.to_owned(), None),
    };
    // The old subject becomes the object: "De rekening" → "de rekening".
    let mut object = doc
        .slice(subject[0].span.cover(subject[ai - 1].span))
        .to_owned();
    if LOWERCASE_DETERMINERS.contains(lower(0)) {
        object = lowercase_first(&object);
    }
    let mut parts = vec![capitalise(&agent), finite, object];
    // Everything between auxiliary and participle except the agent phrase stays.
    let rest: Vec<usize> = (ai + 1..pi)
        .filter(|&i| !(door..agent_end).contains(&i))
        .collect();
    if let (Some(&a), Some(&b)) = (rest.first(), rest.last()) {
        let contiguous = rest.len() == b - a + 1;
        if !contiguous {
            let before: Vec<usize> = rest.iter().copied().filter(|&i| i < door).collect();
            let after: Vec<usize> = rest.iter().copied().filter(|&i| i >= agent_end).collect();
            for piece in [before, after] {
                if let (Some(&x), Some(&y)) = (piece.first(), piece.last()) {
                    parts.push(doc.slice(toks[x].span.cover(toks[y].span)).to_owned());
                }
            }
        } else {
            parts.push(doc.slice(toks[a].span.cover(toks[b].span)).to_owned());
        }
    }
    if participle_at_end {
        parts.push(doc.token_text(&toks[pi]).to_owned());
    }
    if let Some(p) = particle {
        parts.push(p.to_owned());
    }
    Some(format!("{}{punct}", parts.join(" ")))
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(text: &str) -> Option<String> {
        let def = crate::config::default_defs()
            .unwrap()
            .into_iter()
            .find(|d| d.id == "lijdende-vorm")
            .unwrap();
        let rule = Passive::from_def(&def).unwrap();
        let doc = Document::from_text(text);
        let s = &doc.sentences[0];
        let (aux, part) = *rule.find(&doc, s).first()?;
        active_rewrite(&doc, s, aux, part)
    }

    #[test]
    fn active_rewrites_with_a_door_agent() {
        let cases = [
            (
                "De rekening wordt door ons verstuurd.",
                "Wij versturen de rekening.",
            ),
            (
                "De installatie wordt gerepareerd door onze monteurs.",
                "Onze monteurs repareren de installatie.",
            ),
            (
                "Uw aanvraag is door de gemeente afgewezen.",
                "De gemeente heeft uw aanvraag afgewezen.",
            ),
            (
                "Het formulier werd door u ingevuld.",
                "U vulde het formulier in.",
            ),
            (
                "De pas wordt morgen door ons aan u verstuurd.",
                "Wij versturen de pas morgen aan u.",
            ),
        ];
        for (passive, active) in cases {
            assert_eq!(rewrite(passive).as_deref(), Some(active), "{passive}");
        }
        assert_eq!(rewrite("Er wordt door ons gewerkt."), None);
        assert_eq!(rewrite("Uw adres is aangepast."), None);
    }

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
