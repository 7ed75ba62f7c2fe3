//! Rule kind name → constructor. Adding a kind: one file in `src/rules/`, one arm here.

use super::{
    Rule, abbreviation, long_word, negation, passive, rare_word, sentence_length, stock_phrase,
    suppression, word_list,
};
use crate::config::schema::RuleDef;

pub const KINDS: &[&str] = &[
    "abbreviation",
    "double_negation",
    "long_word",
    "negation",
    "passive",
    "rare_word",
    "sentence_length",
    "stock_phrase",
    "suppression",
    "word_list",
];

pub fn build(def: &RuleDef) -> Result<Box<dyn Rule>, String> {
    Ok(match def.kind.as_str() {
        "abbreviation" => Box::new(abbreviation::AbbreviationRule::from_def(def)?),
        "double_negation" => Box::new(negation::DoubleNegation::from_def(def)?),
        "long_word" => Box::new(long_word::LongWord::from_def(def)?),
        "negation" => Box::new(negation::Negation::from_def(def)?),
        "passive" => Box::new(passive::Passive::from_def(def)?),
        "rare_word" => Box::new(rare_word::RareWord::from_def(def)?),
        "sentence_length" => Box::new(sentence_length::SentenceLength::from_def(def)?),
        "stock_phrase" => Box::new(stock_phrase::StockPhrase::from_def(def)?),
        "suppression" => Box::new(suppression::Suppression::from_def(def)?),
        "word_list" => Box::new(word_list::WordList::from_def(def)?),
        other => {
            return Err(format!(
                "regel '{}': onbekende soort '{other}' (bekend: {})",
                def.id,
                KINDS.join(", ")
            ));
        }
    })
}
