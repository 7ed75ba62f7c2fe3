//! The language data every rule shares (abbreviations, negations, participles, verb
//! paradigms), parsed once per process from the embedded word lists.

use crate::config::embedded::{tsv_rows, wordlist};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Before a name, number or noun; never ends a sentence ("dhr.", "nr.").
    Title,
    /// Inside a sentence ("o.a.", "d.w.z.").
    Middle,
    /// Can end a sentence ("enz.", "etc.").
    End,
    /// Well known, fine in running text ("btw").
    Known,
}

/// A word from an embedded list: borrowed from the list when it is already a [`key`]
/// (nearly always), so loading the lexicon allocates little; a plain `&str`, so a lookup
/// compares as fast as with a `String` key.
pub type Word = &'static str;

#[derive(Clone, Debug)]
pub struct Abbreviation {
    pub expansion: Word,
    pub class: AbbrevClass,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegationKind {
    /// niet, geen, nooit, …
    Negation,
    /// zonder, tenzij, behalve: count only towards double negatives.
    Without,
    /// voorkomen, weigeren, …: a negative meaning that doubles with niet/geen.
    NegativeVerb,
    /// A negated adjective ("onmogelijk") that doubles with "niet".
    OnWord,
    /// Starts with "on" but is not negated ("onder", "ontvangen").
    OnException,
}

/// Forms of an irregular verb.
#[derive(Clone, Debug)]
pub struct VerbForms {
    pub infinitive: Word,
    pub stem: Word,
    pub third: Word,
    pub past_sg: Word,
    pub past_pl: Word,
    pub participle: Word,
}

pub struct Lexicon {
    abbreviations: HashMap<Word, Abbreviation>,
    negations: HashMap<Word, NegationKind>,
    irregular_participles: HashSet<Word>,
    zijn_participles: HashSet<Word>,
    ambiguous_zijn_participles: HashSet<Word>,
    non_participles: HashSet<Word>,
    verbs: HashMap<Word, VerbForms>,
    /// Participle → infinitive, for irregular verbs.
    participle_verbs: HashMap<Word, Word>,
    positive: Vec<(Word, Word)>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Lexicon key: NFC and lowercase.
pub fn key(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.to_lowercase()
    } else {
        s.nfc().collect::<String>().to_lowercase()
    }
}

/// [`key`] of a word from a word list, borrowed when the list has it that way. Of the
/// shipped lists only the abbreviations have words that change (35 with capitals); those
/// keys are kept for the life of the process, as the lexicon that holds them is.
pub fn list_key(s: &'static str) -> Word {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return s;
    }
    let k = key(s);
    if k == s {
        s
    } else {
        Box::leak(k.into_boxed_str())
    }
}

/// Room for a row per line of `list`, so a map does not rehash while it fills.
fn rows(list: &str) -> usize {
    list.lines().count()
}

fn word_set(name: &str) -> (HashSet<Word>, HashSet<Word>) {
    let list = wordlist(name).unwrap_or_default();
    let mut sure = HashSet::with_capacity_and_hasher(rows(list), Default::default());
    let mut unsure = HashSet::default();
    for (_, row) in tsv_rows(list) {
        let w = row[0];
        if let Some(w) = w.strip_prefix('?') {
            unsure.insert(list_key(w));
        } else {
            sure.insert(list_key(w));
        }
    }
    (sure, unsure)
}

impl Lexicon {
    fn embedded() -> Lexicon {
        let list = wordlist("afkortingen").unwrap_or_default();
        let mut abbreviations = HashMap::with_capacity_and_hasher(rows(list), Default::default());
        for (_, row) in tsv_rows(list) {
            if row.len() < 3 {
                continue;
            }
            let class = match row[2] {
                "titel" => AbbrevClass::Title,
                "midden" => AbbrevClass::Middle,
                "einde" => AbbrevClass::End,
                _ => AbbrevClass::Known,
            };
            abbreviations.insert(
                list_key(row[0]),
                Abbreviation {
                    expansion: row[1],
                    class,
                },
            );
        }
        let list = wordlist("ontkenningen").unwrap_or_default();
        let mut negations = HashMap::with_capacity_and_hasher(rows(list), Default::default());
        for (_, row) in tsv_rows(list) {
            if row.len() < 2 {
                continue;
            }
            let kind = match row[1] {
                "ontkenning" => NegationKind::Negation,
                "zonder" => NegationKind::Without,
                "ontkennend-werkwoord" => NegationKind::NegativeVerb,
                "on-woord" => NegationKind::OnWord,
                "on-uitzondering" => NegationKind::OnException,
                _ => continue,
            };
            negations.insert(list_key(row[0]), kind);
        }
        let list = wordlist("werkwoorden").unwrap_or_default();
        let mut verbs = HashMap::with_capacity_and_hasher(rows(list), Default::default());
        for (_, row) in tsv_rows(list) {
            if row.len() < 6 {
                continue;
            }
            let f = VerbForms {
                infinitive: list_key(row[0]),
                stem: list_key(row[1]),
                third: list_key(row[2]),
                past_sg: list_key(row[3]),
                past_pl: list_key(row[4]),
                participle: list_key(row[5]),
            };
            verbs.insert(f.infinitive, f);
        }
        let participle_verbs = verbs
            .values()
            .filter(|f| f.participle != "-")
            .map(|f| (f.participle, f.infinitive))
            .collect();
        let positive = tsv_rows(wordlist("positief").unwrap_or_default())
            .filter(|(_, r)| r.len() >= 2)
            .map(|(_, r)| (list_key(r[0]), r[1]))
            .collect();
        let (zijn, zijn_unsure) = word_set("zijn-deelwoorden");
        Lexicon {
            abbreviations,
            negations,
            irregular_participles: word_set("deelwoorden").0,
            zijn_participles: zijn,
            ambiguous_zijn_participles: zijn_unsure,
            non_participles: word_set("geen-deelwoorden").0,
            verbs,
            participle_verbs,
            positive,
        }
    }

    /// Look up an abbreviation by its lowercase form with dots ("d.w.z.").
    pub fn abbreviation(&self, lower: &str) -> Option<&Abbreviation> {
        self.abbreviations.get(lower)
    }

    pub fn abbreviations(&self) -> impl Iterator<Item = (&str, &Abbreviation)> {
        self.abbreviations.iter().map(|(k, v)| (*k, v))
    }

    pub fn negation(&self, lower: &str) -> Option<NegationKind> {
        self.negations.get(lower).copied()
    }

    pub fn is_irregular_participle(&self, lower: &str) -> bool {
        self.irregular_participles.contains(lower)
    }

    /// Participle of a verb that takes "zijn" in the perfect ("gegaan").
    pub fn is_zijn_participle(&self, lower: &str) -> bool {
        self.zijn_participles.contains(lower)
    }

    pub fn is_ambiguous_zijn_participle(&self, lower: &str) -> bool {
        self.ambiguous_zijn_participles.contains(lower)
    }

    pub fn is_non_participle(&self, lower: &str) -> bool {
        self.non_participles.contains(lower)
    }

    pub fn verb(&self, infinitive: &str) -> Option<&VerbForms> {
        self.verbs.get(infinitive)
    }

    /// Infinitive of an irregular participle ("gegeven" → "geven").
    pub fn infinitive_of(&self, participle: &str) -> Option<&str> {
        self.participle_verbs.get(participle).copied()
    }

    /// Negated phrases with a positive rewrite ("niet vergeten" → "denk eraan").
    pub fn positive_rewrites(&self) -> &[(Word, Word)] {
        &self.positive
    }
}
