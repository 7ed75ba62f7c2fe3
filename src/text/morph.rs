//! Dutch verb and adjective morphology, enough to match inflected forms of list words
//! ("verstrekt", "verstrekte") and to inflect a suggested replacement the same way
//! ("verstrekte" → "gaf"). Regular verbs follow the spelling rules ('t kofschip, vowel
//! doubling, f/v and s/z); irregular verbs come from `wordlists/werkwoorden.tsv`.

use super::lexicon::Lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VerbForm {
    Infinitive,
    /// ik-vorm: "geef"
    Stem,
    /// hij-vorm: "geeft"
    Third,
    PastSingular,
    PastPlural,
    Participle,
    /// "verstrekkend(e)"
    PresentParticiple,
}

const INSEPARABLE: &[&str] = &["be", "ge", "her", "ont", "ver", "er"];
const SEPARABLE: &[&str] = &[
    "terug", "samen", "binnen", "door", "over", "onder", "voor", "tegen", "aan", "af", "bij", "in",
    "mee", "na", "op", "toe", "uit", "weg", "vast", "los", "mis",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// All forms of a verb with their kind. Empty when `infinitive` does not look like one.
pub fn verb_forms(infinitive: &str, lex: &Lexicon) -> Vec<(String, VerbForm)> {
    let Some(p) = paradigm(infinitive, lex) else {
        return Vec::new();
    };
    let mut v = vec![
        (infinitive.to_owned(), VerbForm::Infinitive),
        (p.participle.clone(), VerbForm::Participle),
        (format!("{infinitive}d"), VerbForm::PresentParticiple),
        (format!("{infinitive}de"), VerbForm::PresentParticiple),
    ];
    if !p.separable {
        v.push((p.stem.clone(), VerbForm::Stem));
        v.push((p.third.clone(), VerbForm::Third));
        v.push((p.past_sg.clone(), VerbForm::PastSingular));
        v.push((p.past_pl.clone(), VerbForm::PastPlural));
    }
    v.sort();
    v.dedup_by(|a, b| a.0 == b.0);
    v
}

/// The requested form of a verb; the infinitive itself when it cannot be built.
pub fn inflect(infinitive: &str, form: VerbForm, lex: &Lexicon) -> String {
    let Some(p) = paradigm(infinitive, lex) else {
        return infinitive.to_owned();
    };
    match form {
        VerbForm::Infinitive => infinitive.to_owned(),
        VerbForm::Stem => p.stem,
        VerbForm::Third => p.third,
        VerbForm::PastSingular => p.past_sg,
        VerbForm::PastPlural => p.past_pl,
        VerbForm::Participle => p.participle,
        VerbForm::PresentParticiple => format!("{infinitive}d"),
    }
}

struct Paradigm {
    stem: String,
    third: String,
    past_sg: String,
    past_pl: String,
    participle: String,
    separable: bool,
}

fn paradigm(inf: &str, lex: &Lexicon) -> Option<Paradigm> {
    if let Some(f) = lex.verb(inf) {
        return Some(Paradigm {
            stem: f.stem.clone(),
            third: f.third.clone(),
            past_sg: f.past_sg.clone(),
            past_pl: f.past_pl.clone(),
            participle: f.participle.clone(),
            separable: false,
        });
    }
    // A prefixed irregular verb: ver+zoeken, aan+bieden.
    for pre in INSEPARABLE.iter().chain(SEPARABLE) {
        if let Some(base) = inf.strip_prefix(pre)
            && base.len() >= 4
            && let Some(f) = lex.verb(base)
        {
            let separable = SEPARABLE.contains(pre);
            let participle = if separable {
                format!("{pre}{}", f.participle)
            } else {
                format!(
                    "{pre}{}",
                    f.participle.strip_prefix("ge").unwrap_or(&f.participle)
                )
            };
            return Some(Paradigm {
                stem: format!("{pre}{}", f.stem),
                third: format!("{pre}{}", f.third),
                past_sg: format!("{pre}{}", f.past_sg),
                past_pl: format!("{pre}{}", f.past_pl),
                participle,
                separable,
            });
        }
    }
    regular(inf)
}

fn regular(inf: &str) -> Option<Paradigm> {
    let base = inf.strip_suffix("en")?;
    if base.len() < 2 || !base.is_ascii() {
        return regular_non_ascii(inf, base);
    }
    let b = base.as_bytes();
    let n = b.len();
    let mut stem = base.to_owned();
    if n >= 2 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) {
        stem.pop(); // verstrekk → verstrek
    } else if n >= 3
        && !is_vowel(b[n - 1])
        && matches!(b[n - 2], b'a' | b'e' | b'o' | b'u')
        && !is_vowel(b[n - 3])
        && !base.ends_with("en")
        && !base.ends_with("el")
    {
        stem.insert(n - 1, b[n - 2] as char); // betal → betaal, retourner → retourneer
    }
    let last = *stem.as_bytes().last()?;
    let voiceless = matches!(last, b't' | b'k' | b'f' | b's' | b'p' | b'x') || stem.ends_with("ch");
    if last == b'v' {
        stem.pop();
        stem.push('f');
    } else if last == b'z' {
        stem.pop();
        stem.push('s');
    }
    let past_suffix = if voiceless { "te" } else { "de" };
    let third = if stem.ends_with('t') {
        stem.clone()
    } else {
        format!("{stem}t")
    };
    let ending = if stem.ends_with('t') || stem.ends_with('d') {
        ""
    } else if voiceless {
        "t"
    } else {
        "d"
    };
    // French loans in -eren are never separable: informeren, opteren.
    let separable = SEPARABLE
        .iter()
        .find(|p| inf.starts_with(*p) && inf.len() > p.len() + 4 && !inf.ends_with("eren"));
    let participle = if INSEPARABLE
        .iter()
        .any(|p| inf.starts_with(p) && inf.len() > p.len() + 3)
    {
        format!("{stem}{ending}")
    } else if let Some(pre) = separable {
        let rest = &stem[pre.len()..];
        format!("{pre}{}{ending}", with_ge(rest))
    } else {
        format!("{}{ending}", with_ge(&stem))
    };
    let past = if last == b'v' || last == b'z' {
        // leven → leefde: the voiced consonant decides, spelling devoices.
        format!("{stem}de")
    } else {
        format!("{stem}{past_suffix}")
    };
    Some(Paradigm {
        stem: stem.clone(),
        third,
        past_pl: format!("{past}n"),
        past_sg: past,
        participle,
        separable: separable.is_some(),
    })
}

/// Regular verbs with non-ASCII letters (creëren): only the simplest forms.
fn regular_non_ascii(inf: &str, base: &str) -> Option<Paradigm> {
    if base.chars().count() < 2 {
        return None;
    }
    let _ = inf;
    // creëren → creëer
    let stem = match base.strip_suffix("ër") {
        Some(head) => format!("{head}ëer"),
        None => base.to_owned(),
    };
    Some(Paradigm {
        third: format!("{stem}t"),
        past_sg: format!("{stem}de"),
        past_pl: format!("{stem}den"),
        participle: format!("ge{stem}d"),
        stem,
        separable: false,
    })
}

/// "ge" + stem, with a diaeresis where "ge" and the stem would form a digraph:
/// informeer → geïnformeer, eis → geëis.
fn with_ge(stem: &str) -> String {
    let mut cs = stem.chars();
    match cs.next() {
        Some('e') => format!("geë{}", cs.as_str()),
        Some('i') => format!("geï{}", cs.as_str()),
        Some('u') => format!("geü{}", cs.as_str()),
        _ => format!("ge{stem}"),
    }
}

/// Inflected forms of an adjective: "adequaat" → "adequate", "adequater", "adequaatst".
pub fn adjective_forms(adj: &str) -> Vec<String> {
    let e = adjective_e(adj);
    let mut v = vec![
        adj.to_owned(),
        e.clone(),
        format!("{e}r"),
        format!("{adj}st"),
        format!("{adj}ste"),
    ];
    v.dedup();
    v
}

fn adjective_e(adj: &str) -> String {
    if adj.ends_with('e') {
        return adj.to_owned();
    }
    let b = adj.as_bytes();
    let n = b.len();
    if !adj.is_ascii() || n < 3 {
        return format!("{adj}e");
    }
    let mut s = adj.to_owned();
    let last = b[n - 1];
    if !is_vowel(last) && b[n - 2] == b[n - 3] && is_vowel(b[n - 2]) && b[n - 2] != b'e' {
        s.remove(n - 2); // adequaat → adequat(e)
    } else if !is_vowel(last)
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && !adj.ends_with("ig")
        && !adj.ends_with("lijk")
        && !adj.ends_with("isch")
    {
        s.push(last as char); // vlot → vlott(e)
    }
    match s.pop() {
        Some('f') => s.push('v'),
        Some('s') if !adj.ends_with("ss") => s.push('z'),
        Some(c) => s.push(c),
        None => {}
    }
    format!("{s}e")
}

/// Plural forms of a noun (both -en and -s; the list decides by matching).
pub fn noun_forms(noun: &str) -> Vec<String> {
    let mut v = vec![noun.to_owned(), format!("{noun}s")];
    if noun.ends_with('e') {
        v.push(format!("{noun}n"));
    } else {
        v.push(format!("{}n", adjective_e(noun)));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::lexicon;

    fn forms(inf: &str) -> Vec<String> {
        verb_forms(inf, lexicon())
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn regular_verbs() {
        let f = forms("verstrekken");
        for w in [
            "verstrek",
            "verstrekt",
            "verstrekte",
            "verstrekten",
            "verstrekken",
        ] {
            assert!(f.contains(&w.to_owned()), "{w} in {f:?}");
        }
        assert_eq!(
            inflect("retourneren", VerbForm::Participle, lexicon()),
            "geretourneerd"
        );
        assert_eq!(
            inflect("informeren", VerbForm::Participle, lexicon()),
            "geïnformeerd"
        );
        assert_eq!(inflect("betalen", VerbForm::Third, lexicon()), "betaalt");
        assert_eq!(
            inflect("leven", VerbForm::PastSingular, lexicon()),
            "leefde"
        );
        assert_eq!(inflect("openen", VerbForm::Stem, lexicon()), "open");
        assert_eq!(
            inflect("terugsturen", VerbForm::Participle, lexicon()),
            "teruggestuurd"
        );
    }

    #[test]
    fn irregular_verbs_from_the_list() {
        assert_eq!(inflect("geven", VerbForm::PastSingular, lexicon()), "gaf");
        assert_eq!(
            inflect("verzoeken", VerbForm::Participle, lexicon()),
            "verzocht"
        );
    }

    #[test]
    fn adjectives_and_nouns() {
        assert!(adjective_forms("adequaat").contains(&"adequate".to_owned()));
        assert!(adjective_forms("relevant").contains(&"relevante".to_owned()));
        assert!(noun_forms("sanctie").contains(&"sancties".to_owned()));
    }
}
