//! Letter templates: the first byte picks the format (template without inner format,
//! text, Markdown or HTML with placeholders) and the masker (built-in patterns, or with
//! configured extra patterns); the rest is the file.
#![no_main]

use helder::input::{Format, Masker, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRA: LazyLock<Masker> = LazyLock::new(|| {
    Masker::with_extra(&[
        r"@@[A-Za-z_]+@@".to_owned(),
        r"\$[A-Z]+".to_owned(),
        r"\{\{.*?\}\}".to_owned(),
    ])
    .expect("valid extra patterns")
});

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let format = match sel & 3 {
        0 => Format::Template,
        1 => Format::Text,
        2 => Format::Markdown,
        _ => Format::Html,
    };
    let masker = if sel & 4 == 0 {
        Masker::builtin()
    } else {
        &EXTRA
    };
    let opts = Options {
        masker,
        keep_quotes: sel & 8 != 0,
    };
    helder_fuzz::load_and_check(bytes, format, &opts);
});
