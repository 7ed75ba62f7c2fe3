//! Rule kind name → constructor. Adding a kind: one file in `src/rules/`, one arm here.

use super::{
    Rule, address_form, auxiliary, clamp, enumeration, er_construction, negation, nominal_style,
    paragraph_length, passive, pyramid, sentence_length, subheadings, word_list,
};
use crate::config::schema::RuleDef;

pub const KINDS: &[&str] = &[
    "address_form",
    "auxiliary",
    "clamp",
    "double_negation",
    "enumeration",
    "er_construction",
    "negation",
    "nominal_style",
    "paragraph_length",
    "passive",
    "pyramid",
    "sentence_length",
    "subheadings",
    "word_list",
];

pub fn build(def: &RuleDef) -> Result<Box<dyn Rule>, String> {
    Ok(match def.kind.as_str() {
        "address_form" => Box::new(address_form::AddressForm::from_def(def)?),
        "auxiliary" => Box::new(auxiliary::Auxiliary::from_def(def)?),
        "clamp" => Box::new(clamp::Clamp::from_def(def)?),
        "double_negation" => Box::new(negation::DoubleNegation::from_def(def)?),
        "enumeration" => Box::new(enumeration::Enumeration::from_def(def)?),
        "er_construction" => Box::new(er_construction::ErConstruction::from_def(def)?),
        "negation" => Box::new(negation::Negation::from_def(def)?),
        "nominal_style" => Box::new(nominal_style::NominalStyle::from_def(def)?),
        "paragraph_length" => Box::new(paragraph_length::ParagraphLength::from_def(def)?),
        "passive" => Box::new(passive::Passive::from_def(def)?),
        "pyramid" => Box::new(pyramid::Pyramid::from_def(def)?),
        "sentence_length" => Box::new(sentence_length::SentenceLength::from_def(def)?),
        "subheadings" => Box::new(subheadings::Subheadings::from_def(def)?),
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
