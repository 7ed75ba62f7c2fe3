//! Properties that must hold for any text: helder never panics, spans stay inside the
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
    fn any_bytes_never_panic_and_spans_stay_in_bounds(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let rules = &SETUP.rules;
        for format in [Format::Text, Format::Markdown] {
            if let Ok(loaded) = helder::input::load(&bytes, format) {
                let len = loaded.source.len();
                let report = helder::report::analyze("x", loaded, format, rules);
                for f in &report.findings {
                    prop_assert!(f.location.text_span.end <= len);
                    prop_assert!(f.location.start <= f.location.end);
                }
            }
        }
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
