//! The tokeniser and document model on arbitrary UTF-8, then every built-in rule.
#![no_main]

use helder::text::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Document::from_text(text);
    helder_fuzz::check_document(&doc, &helder_fuzz::RULES);
});
