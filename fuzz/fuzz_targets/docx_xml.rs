//! Word documents with a valid zip around arbitrary XML: the fuzzer's bytes become
//! `word/document.xml`, so the XML reader gets all the attention.
#![no_main]

use helder::input::{Format, Options};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|xml: &[u8]| {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", o).expect("zip entry");
    w.write_all(xml).expect("zip write");
    let bytes = w.finish().expect("zip finish").into_inner();
    helder_fuzz::load_and_check(&bytes, Format::Docx, &Options::default());
});
