//! Plain text and Markdown on arbitrary bytes (decoding included), through the rules
//! and every renderer.
#![no_main]

use helder::input::{Format, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opts = Options::default();
    helder_fuzz::load_and_check(bytes, Format::Text, &opts);
    helder_fuzz::load_and_check(bytes, Format::Markdown, &opts);
});
