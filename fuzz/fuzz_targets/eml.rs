//! E-mail messages (.eml) on arbitrary bytes: MIME structure, charsets,
//! quoted-printable, base64, HTML bodies.
#![no_main]

use helder::input::{Format, Masker, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let keep_quotes = bytes.last().is_some_and(|b| b & 1 == 1);
    let opts = Options {
        masker: Masker::builtin(),
        keep_quotes,
    };
    helder_fuzz::load_and_check(bytes, Format::Eml, &opts);
});
