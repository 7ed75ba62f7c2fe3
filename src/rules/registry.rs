//! Rule kind name → constructor. Adding a kind: one file in `src/rules/`, one arm here.

use super::{
    Rule, abbreviation, address_form, auxiliary, clamp, enumeration, er_construction, long_word,
    negation, nominal_style, paragraph_length, passive, pyramid, rare_word, sentence_length,
    stock_phrase, subheadings, suppression, word_list,
};
use crate::config::schema::RuleDef;

pub const KINDS: &[&str] = &[
    "abbreviation",
    "address_form",
    "auxiliary",
    "clamp",
    "double_negation",
    "enumeration",
    "er_construction",
    "long_word",
    "negation",
    "nominal_style",
    "paragraph_length",
    "passive",
    "pyramid",
    "rare_word",
    "sentence_length",
    "stock_phrase",
    "subheadings",
    "suppression",
    "word_list",
];

pub fn build(def: &RuleDef) -> Result<Box<dyn Rule>, String> {
    Ok(match def.kind.as_str() {
        "abbreviation" => Box::new(abbreviation::AbbreviationRule::from_def(def)?),
        "address_form" => Box::new(address_form::AddressForm::from_def(def)?),
        "auxiliary" => Box::new(auxiliary::Auxiliary::from_def(def)?),
        "clamp" => Box::new(clamp::Clamp::from_def(def)?),
        "double_negation" => Box::new(negation::DoubleNegation::from_def(def)?),
        "enumeration" => Box::new(enumeration::Enumeration::from_def(def)?),
        "er_construction" => Box::new(er_construction::ErConstruction::from_def(def)?),
        "long_word" => Box::new(long_word::LongWord::from_def(def)?),
        "negation" => Box::new(negation::Negation::from_def(def)?),
        "nominal_style" => Box::new(nominal_style::NominalStyle::from_def(def)?),
        "paragraph_length" => Box::new(paragraph_length::ParagraphLength::from_def(def)?),
        "passive" => Box::new(passive::Passive::from_def(def)?),
        "pyramid" => Box::new(pyramid::Pyramid::from_def(def)?),
        "rare_word" => Box::new(rare_word::RareWord::from_def(def)?),
        "sentence_length" => Box::new(sentence_length::SentenceLength::from_def(def)?),
        "stock_phrase" => Box::new(stock_phrase::StockPhrase::from_def(def)?),
        "subheadings" => Box::new(subheadings::Subheadings::from_def(def)?),
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
