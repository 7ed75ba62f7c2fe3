//! Closed word classes that rules ask about for nearly every token ("is this a form of
//! *worden*?", "does a new clause start here?"). Each class is one bit; a document's
//! vocabulary ([`super::vocab`]) gives every distinct word its bits once, so a rule tests
//! a bit instead of comparing strings or hashing the word again, and a sentence whose
//! words lack a class the rule needs is skipped whole.
//!
//! A class is its word list, exactly as the rule that uses it had it: the lists differ on
//! purpose (a clause starter for the passive is not one for a double negation), so two
//! rules share a class only where their lists are the same.

use super::lexicon::{NegationKind, lexicon};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A set of classes, one bit each.
pub type Classes = u64;

/// Forms of *worden*.
pub const WORDEN: Classes = 1 << 0;
/// Forms of *zijn* (with "geweest").
pub const ZIJN: Classes = 1 << 1;
/// Forms of *hebben*.
pub const HEBBEN: Classes = 1 << 2;
/// Words that open a new clause for the passive (`lijdende-vorm`).
pub const PASSIVE_CLAUSE_STARTER: Classes = 1 << 3;
/// Punctuation that ends a clause for the passive.
pub const PASSIVE_CLAUSE_PUNCT: Classes = 1 << 4;
/// "en", "of": after one of these, a subject pronoun starts a new main clause.
pub const EN_OF: Classes = 1 << 5;
/// Subject pronouns that start a new main clause after "en"/"of".
pub const CLAUSE_PRONOUN: Classes = 1 << 6;
/// Prepositions before the possessive "zijn" ("van zijn huis"), for the passive.
pub const PASSIVE_PREPOSITION: Classes = 1 << 7;
/// A negation word: niet, geen, nooit, … (lexicon).
pub const NEGATION: Classes = 1 << 8;
/// zonder, tenzij, behalve (lexicon).
pub const NEGATION_WITHOUT: Classes = 1 << 9;
/// A verb with a negative meaning: voorkomen, weigeren, … (lexicon).
pub const NEGATIVE_VERB: Classes = 1 << 10;
/// A negated adjective: onmogelijk, … (lexicon).
pub const NEGATED_ADJECTIVE: Classes = 1 << 11;
/// Words that start a new clause for a double negation.
pub const NEGATION_CLAUSE_STARTER: Classes = 1 << 12;
/// Punctuation that ends a clause for a double negation.
pub const NEGATION_CLAUSE_PUNCT: Classes = 1 << 13;

/// Articles and possessives that open a noun clamp (`tangconstructie`).
pub const CLAMP_DETERMINER: Classes = 1 << 14;
/// Prepositions right after such an article that start the stretch of a noun clamp.
pub const CLAMP_PREPOSITION: Classes = 1 << 15;
/// Words after a participle that show it is not followed by its noun.
pub const NOT_NOUN: Classes = 1 << 16;
/// Finite auxiliaries and modals that open a verb bracket in a main clause.
pub const FINITE: Classes = 1 << 17;
/// Modals (and "gaan"): their bracket ends in an infinitive.
pub const MODAL: Classes = 1 << 18;
/// Words that start a subordinate clause, for the clamps.
pub const SUBORDINATOR: Classes = 1 << 19;

/// Forms of the polite "u".
pub const U_FORM: Classes = 1 << 20;
/// Forms of the familiar "je".
pub const JE_FORM: Classes = 1 << 21;
/// The impersonal "men".
pub const MEN: Classes = 1 << 22;

/// The comma.
pub const COMMA: Classes = 1 << 23;
/// Words that make an item of an enumeration a clause, not a noun phrase.
pub const CLAUSE_WORD: Classes = 1 << 24;

/// An abbreviation of the lexicon ("o.a.", "dhr.", "btw").
pub const ABBREVIATION: Classes = 1 << 25;

/// Forms of "zullen".
pub const ZULLEN: Classes = 1 << 26;
/// Forms of "dienen" ("u dient … te …").
pub const DIENEN: Classes = 1 << 27;
/// Forms of "kunnen".
pub const KUNNEN: Classes = 1 << 28;
/// Present forms of "worden".
pub const WORDEN_PRESENT: Classes = 1 << 29;
/// Words that end a clause for the auxiliaries (`hulpwerkwoord`).
pub const AUX_CLAUSE_STARTER: Classes = 1 << 30;

/// "er" (`er-constructie`: "er wordt …").
pub const ER: Classes = 1 << 31;
/// "sprake" ("er is sprake van").
pub const SPRAKE: Classes = 1 << 32;

/// "het".
pub const HET: Classes = 1 << 33;
/// "van".
pub const VAN: Classes = 1 << 34;
/// "plaats" ("vindt … plaats").
pub const PLAATS: Classes = 1 << 35;
/// Forms of "vinden".
pub const VINDEN: Classes = 1 << 36;
/// Prepositions before "(de) X-ing van" (`naamwoordstijl`).
pub const NOMINAL_PREPOSITION: Classes = 1 << 37;

/// The slash ("t/m", "en/of").
pub const SLASH: Classes = 1 << 38;

/// Quotation marks (the address-form rules leave quoted words alone).
pub const QUOTE_MARK: Classes = 1 << 39;

/// The words of each class listed by its words (the lexicon's classes are added in
/// [`classes_of`]).
const LISTS: &[(Classes, &[&str])] = &[
    (WORDEN, &["word", "wordt", "worden", "werd", "werden"]),
    (
        ZIJN,
        &["ben", "bent", "is", "zijn", "was", "waren", "geweest"],
    ),
    (HEBBEN, &["heb", "hebt", "heeft", "hebben", "had", "hadden"]),
    (
        PASSIVE_CLAUSE_STARTER,
        &[
            "dat", "die", "omdat", "als", "wanneer", "hoewel", "nadat", "zodat", "terwijl",
            "voordat", "doordat", "want", "maar", "waardoor", "indien", "tenzij", "welke", "wat",
            "waarin", "waarop", "waarmee", "waarbij", "waarna", "waarvoor", "waarover", "zodra",
            "sinds", "toen", "opdat", "hetgeen", "wie", "waar",
        ],
    ),
    (
        PASSIVE_CLAUSE_PUNCT,
        &[",", ";", ":", "(", ")", "\"", "''", "–", "—"],
    ),
    (EN_OF, &["en", "of"]),
    (
        CLAUSE_PRONOUN,
        &[
            "hij", "zij", "ze", "we", "wij", "ik", "u", "jij", "je", "men",
        ],
    ),
    (
        PASSIVE_PREPOSITION,
        &[
            "aan", "achter", "bij", "binnen", "buiten", "door", "in", "met", "na", "naar", "naast",
            "om", "onder", "op", "over", "rond", "tegen", "tot", "tussen", "uit", "van", "volgens",
            "voor", "zonder", "via", "vanuit", "en", "of",
        ],
    ),
    (
        NEGATION_CLAUSE_STARTER,
        &[
            "dat", "die", "omdat", "als", "wanneer", "hoewel", "nadat", "zodat", "terwijl",
            "voordat", "doordat", "want", "maar", "en", "of", "waardoor", "indien", "tenzij",
        ],
    ),
    (NEGATION_CLAUSE_PUNCT, &[",", ";", ":", "(", ")"]),
    (COMMA, &[","]),
    (
        QUOTE_MARK,
        &["“", "„", "‘", "«", "”", "»", "\"", "''", "'", "’"],
    ),
    (SLASH, &["/"]),
    (HET, &["het"]),
    (VAN, &["van"]),
    (PLAATS, &["plaats"]),
    (VINDEN, &["vindt", "vinden", "vond", "vonden", "gevonden"]),
    (
        NOMINAL_PREPOSITION,
        &[
            "na",
            "bij",
            "voor",
            "ter",
            "tot",
            "door",
            "met",
            "zonder",
            "wegens",
            "vanwege",
            "ná",
            "tijdens",
            "voorafgaand",
            "vóór",
        ],
    ),
    (ER, &["er"]),
    (SPRAKE, &["sprake"]),
    (ZULLEN, &["zal", "zult", "zullen", "zul"]),
    (DIENEN, &["dien", "dient", "dienen", "diende", "dienden"]),
    (KUNNEN, &["kan", "kunt", "kunnen", "kon", "konden"]),
    (WORDEN_PRESENT, &["worden", "word", "wordt"]),
    (
        AUX_CLAUSE_STARTER,
        &[
            "dat", "die", "omdat", "als", "wanneer", "hoewel", "nadat", "zodat", "terwijl",
            "voordat", "doordat", "want", "maar", "waardoor", "indien", "tenzij", "welke", "wat",
            "en", "of", "om",
        ],
    ),
    (
        CLAUSE_WORD,
        &[
            "u", "je", "jij", "wij", "we", "ik", "hij", "zij", "ze", "men", "dat", "die", "omdat",
            "als", "wanneer", "waardoor", "zodat", "terwijl", "nadat", "voordat", "doordat",
            "hoewel", "indien", "tenzij", "maar", "want", "dus", "waarna", "waarbij", "welke",
            "wat", "zodra", "daarom", "dan", "er", "toen", "is", "zijn", "was", "waren", "wordt",
            "worden", "werd", "werden", "heeft", "hebben", "hebt", "had", "hadden", "kan", "kunt",
            "kunnen", "kon", "moet", "moeten", "mag", "mogen", "zal", "zult", "zullen", "wil",
            "wilt", "willen", "gaat", "gaan", "komt", "komen", "krijgt", "krijgen", "staat",
            "staan", "ligt", "blijft", "doet", "doen", "hoeft", "niet",
        ],
    ),
    (U_FORM, &["u", "uw", "uzelf"]),
    (JE_FORM, &["je", "jij", "jou", "jouw", "jezelf", "jullie"]),
    (MEN, &["men"]),
    (
        CLAMP_DETERMINER,
        &[
            "de", "het", "een", "uw", "onze", "ons", "je", "jouw", "hun", "mijn",
        ],
    ),
    (
        CLAMP_PREPOSITION,
        &[
            "door", "in", "op", "met", "aan", "bij", "voor", "van", "na", "uit", "tot", "over",
            "onder", "tegen", "vanaf", "per", "via", "tijdens", "sinds", "namens", "binnen",
            "zonder",
        ],
    ),
    (
        NOT_NOUN,
        &[
            "en", "maar", "te", "aan", "op", "in", "door", "met", "voor", "van", "bij", "tot",
            "uit", "naar", "over", "valt", "staat", "ligt", "blijft", "komt", "gaat", "wel",
            "niet", "ook", "nog",
        ],
    ),
    (
        FINITE,
        &[
            "heb", "hebt", "heeft", "hebben", "had", "hadden", "ben", "bent", "is", "zijn", "was",
            "waren", "word", "wordt", "worden", "werd", "werden", "kan", "kunt", "kunnen", "kon",
            "konden", "moet", "moeten", "moest", "moesten", "mag", "mogen", "mocht", "mochten",
            "wil", "wilt", "willen", "wilde", "wilden", "zal", "zult", "zullen", "zou", "zouden",
            "ga", "gaat", "gaan",
        ],
    ),
    (
        MODAL,
        &[
            "kan", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "mag",
            "mogen", "mocht", "mochten", "wil", "wilt", "willen", "wilde", "wilden", "zal", "zult",
            "zullen", "zou", "zouden", "ga", "gaat", "gaan",
        ],
    ),
    (
        SUBORDINATOR,
        &[
            "dat", "die", "omdat", "als", "wanneer", "hoewel", "nadat", "zodat", "terwijl",
            "voordat", "doordat", "waardoor", "indien", "tenzij", "welke", "wat", "waarin",
            "waarop", "waarmee", "waarbij", "waarna", "waarvoor", "waarover", "zodra", "sinds",
            "toen", "opdat", "of", "mits", "hetgeen", "wie", "waar", "waarvan", "om", "hoe",
            "waarom",
        ],
    ),
];

/// Every listed word with the classes it belongs to, built once per process.
static TABLE: LazyLock<FxHashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut table: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for (class, words) in LISTS {
        for w in *words {
            *table.entry(w).or_default() |= class;
        }
    }
    table
});

/// The classes of a word (its lowercase text, as in [`super::Document::lower`]).
pub fn classes_of(lower: &str) -> Classes {
    let listed = TABLE.get(lower).copied().unwrap_or(0);
    let lexical = match lexicon().negation(lower) {
        Some(NegationKind::Negation) => NEGATION,
        Some(NegationKind::Without) => NEGATION_WITHOUT,
        Some(NegationKind::NegativeVerb) => NEGATIVE_VERB,
        Some(NegationKind::OnWord) => NEGATED_ADJECTIVE,
        Some(NegationKind::OnException) | None => 0,
    };
    let abbreviation = if lexicon().abbreviation(lower).is_some() {
        ABBREVIATION
    } else {
        0
    };
    listed | lexical | abbreviation
}

/// The words of a listed class (for tests and `helder explain`).
pub fn words_of(class: Classes) -> impl Iterator<Item = &'static str> {
    LISTS
        .iter()
        .filter(move |(c, _)| *c == class)
        .flat_map(|(_, words)| words.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_class_is_one_bit_and_listed_once() {
        let mut seen: Classes = 0;
        for (class, words) in LISTS {
            assert_eq!(class.count_ones(), 1);
            assert_eq!(seen & class, 0, "class listed twice");
            seen |= class;
            assert!(!words.is_empty());
            for w in *words {
                assert_eq!(*w, w.to_lowercase(), "lists hold lowercase words");
                assert_ne!(classes_of(w) & class, 0);
            }
        }
    }

    #[test]
    fn words_get_their_lists_and_lexicon_classes() {
        assert_eq!(classes_of("wordt") & (WORDEN | ZIJN), WORDEN);
        assert_ne!(classes_of("zijn") & ZIJN, 0);
        assert_ne!(classes_of("en") & EN_OF, 0);
        assert_ne!(classes_of("en") & PASSIVE_PREPOSITION, 0);
        assert_ne!(classes_of("niet") & NEGATION, 0);
        assert_ne!(classes_of("zonder") & NEGATION_WITHOUT, 0);
        assert_eq!(classes_of("Wordt"), 0, "lowercase keys only");
        assert_eq!(classes_of("fiets"), 0);
        assert!(words_of(HEBBEN).any(|w| w == "heeft"));
    }
}
