//! Word documents (.docx) on arbitrary bytes: the zip layer (and its bomb limits).
#![no_main]

use helder::input::{Format, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    helder_fuzz::load_and_check(bytes, Format::Docx, &Options::default());
});
