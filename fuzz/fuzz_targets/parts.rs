//! A large file checked in parts (`report::analyze_in_parts`), on arbitrary bytes with
//! tiny parts: every part's report keeps the invariants, and the findings of every rule
//! but those that look at the whole document (`report::WHOLE_DOCUMENT_RULES`) are those
//! of the whole text, unused suppression comments included. The first byte picks the
//! format and the part size.
#![no_main]

use helder::input::{self, Format};
use helder::report::{FileReport, Options, WHOLE_DOCUMENT_RULES, analyze_in_parts};
use libfuzzer_sys::fuzz_target;

fn reports(bytes: &[u8], format: Format, part_size: usize) -> Option<Vec<FileReport>> {
    let loaded = input::load(bytes, format).ok()?;
    let mut out = Vec::new();
    let rules = &*helder_fuzz::RULES;
    analyze_in_parts(
        "fuzz",
        loaded,
        format,
        rules,
        Options::FULL,
        part_size,
        &mut |r| {
            out.push(r);
            Ok(())
        },
    )
    .expect("collecting never fails");
    Some(out)
}

fn local(reports: &[FileReport]) -> Vec<(&'static str, usize, usize, String)> {
    let mut v: Vec<_> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| !WHOLE_DOCUMENT_RULES.contains(&f.rule))
        .map(|f| (f.rule, f.location.start, f.location.end, f.message.clone()))
        .collect();
    v.sort();
    v
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = [Format::Text, Format::Markdown, Format::Html][usize::from(pick % 3)];
    let part_size = 8 + usize::from(pick / 3) * 4;
    let Some(parts) = reports(bytes, format, part_size) else {
        return;
    };
    for (i, r) in parts.iter().enumerate() {
        assert_eq!((r.part.index, r.part.last), (i, i + 1 == parts.len()));
        helder_fuzz::check_report(r);
    }
    let whole = reports(bytes, format, usize::MAX).expect("it loaded before");
    assert_eq!(
        local(&parts),
        local(&whole),
        "part size {part_size}, {format:?}"
    );
});
