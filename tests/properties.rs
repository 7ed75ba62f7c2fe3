//! Properties that must hold for any text: no input bytes make any input parser panic
//! (every format; CI runs this, the fuzz targets in fuzz/ go deeper), spans stay inside the
//! text, and `fix` is idempotent, keeps placeholders and line endings, and leaves no
//! safe finding behind.

use helder::input::Format;
use helder::workspace::Setup;
use proptest::prelude::*;
use std::sync::LazyLock;

/// Built once: the rule set is the expensive part, not the texts.
static SETUP: LazyLock<Setup> = LazyLock::new(Setup::builtin);

const WORDS: &[&str] = &[
    "Indien",
    "indien",
    "u",
    "wij",
    "teneinde",
    "reeds",
    "de",
    "rekening",
    "wordt",
    "door",
    "ons",
    "verstuurd",
    "niet",
    "geen",
    "betalen",
    "vóór",
    "1",
    "mei",
    "€",
    "12,50",
    "en",
    "middels",
    "het",
    "formulier",
    "derhalve",
    "is",
    "aangepast",
    "café",
    "e-mail",
    "auto's",
    "d.w.z.",
    "o.a.",
    "dhr.",
    "J.P.",
    "Jansen",
    "tevens",
    "alsmede",
    "omtrent",
    "thans",
];
/// Placeholders, some holding words the rules would otherwise rewrite.
const PLACEHOLDERS: &[&str] = &[
    "{{klant.naam}}",
    "${bedrag}",
    "{% if x %}",
    "[NAAM]",
    "%s",
    "{{indien}}",
    "{{ teneinde }}",
    "<<DERHALVE>>",
    "{{#if reeds}}",
];
const PUNCT: &[&str] = &[".", ",", "?", "!", ":", ";", "...", "\"", "(", ")"];

fn text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        1 => proptest::sample::select(PLACEHOLDERS).prop_map(str::to_owned),
        2 => proptest::sample::select(PUNCT).prop_map(str::to_owned),
    ];
    let sep =
        prop_oneof![8 => Just(" "), 1 => Just("\r\n"), 1 => Just("\n"), 1 => Just("\r\n\r\n")];
    proptest::collection::vec((token, sep), 0..60).prop_map(|v| {
        v.into_iter()
            .flat_map(|(t, s)| [t, s.to_owned()])
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fix_is_idempotent_and_keeps_placeholders(t in text()) {
        let once = helder::fix::fix_bytes(t.as_bytes(), Format::Text, &SETUP, false).unwrap();
        let fixed = once.map(|f| f.new_text).unwrap_or_else(|| t.clone());
        for p in PLACEHOLDERS {
            prop_assert_eq!(t.matches(p).count(), fixed.matches(p).count());
        }
        prop_assert_eq!(t.matches("\r\n").count(), fixed.matches("\r\n").count());
        let twice = helder::fix::fix_bytes(fixed.as_bytes(), Format::Text, &SETUP, false).unwrap();
        prop_assert!(twice.is_none(), "tweede keer nog wijzigingen in {:?}", fixed);
    }

    #[test]
    fn no_input_bytes_make_any_parser_panic(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400),
        markup_bytes(),
    ]) {
        for format in ALL_FORMATS {
            check_any(&bytes, format)?;
        }
        // The same bytes as the XML of a Word document in a valid zip.
        check_any(&docx_with(&bytes), Format::Docx)?;
    }

    #[test]
    fn dutch_like_text_never_panics(t in text()) {
        let rules = &SETUP.rules;
        let findings = helder::check_str(&t, rules);
        for f in findings {
            prop_assert!(t.is_char_boundary(f.span.start) && t.is_char_boundary(f.span.end));
        }
    }
}

const ALL_FORMATS: [Format; 6] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Eml,
    Format::Docx,
    Format::Template,
];

/// Pieces of every input format, so random bytes reach past the first parse error.
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<div hidden>",
    "</div>",
    "<br>",
    "<blockquote>",
    "&amp;",
    "&#x20AC;",
    "&nbsp",
    "<!-- helder-disable ontkenning -->",
    "<script>",
    "{{naam}}",
    "{% if x %}",
    "{{#if y}}",
    "[NAAM]",
    "```\n",
    "# ",
    "> ",
    "- ",
    "[a](b)",
    "---\n",
    "\r\n",
    "\n\n",
    "Subject: ",
    "Content-Type: text/plain; charset=utf-8\r\n",
    "Content-Type: text/html; charset=iso-8859-1\r\n",
    "Content-Type: multipart/alternative; boundary=b\r\n",
    "Content-Transfer-Encoding: quoted-printable\r\n",
    "Content-Transfer-Encoding: base64\r\n",
    "--b\r\n",
    "=C3=A9",
    "=\r\n",
    "SW5kaWVuIHU=",
    "Op 1 mei 2025 schreef Jan:",
    "-- \n",
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>",
    "</w:t></w:r>",
    "<w:br/>",
    "<w:pStyle w:val=\"Kop1\"/>",
    "Indien u niet betaalt, wordt het bedrag door ons verhoogd.",
    "teneinde",
    "é",
    "€",
    "\u{0}",
    "\u{feff}",
];

fn markup_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => proptest::sample::select(MARKUP).prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..6),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// A .docx (zip) whose word/document.xml is `xml`.
fn docx_with(xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("word/document.xml", o).unwrap();
    w.write_all(xml).unwrap();
    w.finish().unwrap().into_inner()
}

/// Read, analyse and render: errors are fine, panics are not, and every finding points
/// inside the source on character boundaries.
fn check_any(bytes: &[u8], format: Format) -> Result<(), TestCaseError> {
    let Ok(loaded) = helder::input::load(bytes, format) else {
        return Ok(());
    };
    let report = helder::report::analyze("x", loaded, format, &SETUP.rules);
    let src = &report.source;
    for f in &report.findings {
        let locations =
            std::iter::once(&f.location).chain(f.suggestions.iter().map(|s| &s.location));
        for l in locations {
            let t = l.text_span;
            prop_assert!(t.start <= t.end && t.end <= src.len(), "{format:?}: {t:?}");
            prop_assert!(src.is_char_boundary(t.start) && src.is_char_boundary(t.end));
            prop_assert!(l.start <= l.end);
        }
    }
    let mut out = Vec::new();
    helder::render::terminal::render_check(&mut out, std::slice::from_ref(&report)).unwrap();
    helder::render::json::render(&mut out, std::slice::from_ref(&report), true).unwrap();
    Ok(())
}
