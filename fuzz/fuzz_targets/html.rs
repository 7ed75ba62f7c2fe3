//! HTML (e-mail) on arbitrary bytes, with and without quoted replies.
#![no_main]

use helder::input::{Format, Masker, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let keep_quotes = bytes.first().is_some_and(|b| b & 1 == 1);
    let opts = Options {
        masker: Masker::builtin(),
        keep_quotes,
    };
    helder_fuzz::load_and_check(bytes, Format::Html, &opts);
});
