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
    "mee", "na", "op", "toe", "uit", "weg", "vast", "los", "goed", "open", "schoon", "stil",
    "kapot", "vrij", "dicht", "kwijt",
];

/// A separable verb's particle and base verb: "invullen" → ("in", "vullen").
pub fn split_separable(infinitive: &str, lex: &Lexicon) -> Option<(&'static str, String)> {
    if !is_separable(infinitive, lex) {
        return None;
    }
    SEPARABLE
        .iter()
        .filter(|p| infinitive.starts_with(*p) && infinitive.len() >= p.len() + 4)
        .max_by_key(|p| p.len())
        .map(|p| (*p, infinitive[p.len()..].to_owned()))
}

/// Second-person forms that differ from the third person ("u bent", not "u is").
const SECOND_PERSON: &[(&str, &str)] = &[
    ("zijn", "bent"),
    ("hebben", "hebt"),
    ("kunnen", "kunt"),
    ("willen", "wilt"),
    ("zullen", "zult"),
];

/// Does this verb split off a particle in finite forms ("keurt … goed")? Then a finite
/// form cannot be replaced in place.
pub fn is_separable(infinitive: &str, lex: &Lexicon) -> bool {
    paradigm(infinitive, lex).is_some_and(|p| p.separable)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// All forms of a verb with their kind. Empty when `infinitive` does not look like one.
pub fn verb_forms(infinitive: &str, lex: &Lexicon) -> Vec<(String, VerbForm)> {
    let Some(p) = paradigm(infinitive, lex) else {
        return Vec::new();
    };
    // No present participles: "verstrekkende gevolgen" (far-reaching) and "dienende"
    // are adjectives far more often than officialese verb forms.
    let mut v = vec![
        (infinitive.to_owned(), VerbForm::Infinitive),
        (p.participle.clone(), VerbForm::Participle),
    ];
    if !p.separable {
        v.push((p.stem.clone(), VerbForm::Stem));
        v.push((p.third.clone(), VerbForm::Third));
        // The u/jij-form where it differs from the hij-form: "u bent", "u hebt".
        if let Some((_, second)) = SECOND_PERSON.iter().find(|(inf, _)| *inf == infinitive) {
            v.push(((*second).to_owned(), VerbForm::Third));
        }
        v.push((p.past_sg.clone(), VerbForm::PastSingular));
        v.push((p.past_pl.clone(), VerbForm::PastPlural));
    }
    v.sort();
    v.dedup();
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
            stem: f.stem.to_string(),
            third: f.third.to_string(),
            past_sg: f.past_sg.to_string(),
            past_pl: f.past_pl.to_string(),
            participle: f.participle.to_string(),
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
                    f.participle.strip_prefix("ge").unwrap_or(f.participle)
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

/// The infinitive of a past participle: "verstuurd" → "versturen", "aangepast" →
/// "aanpassen", "gegeven" → "geven" (irregular verbs from the list). A heuristic: callers
/// mark rewrites built on it as unsafe.
pub fn infinitive_of_participle(participle: &str, lex: &Lexicon) -> Option<String> {
    if let Some(inf) = lex.infinitive_of(participle) {
        return Some(inf.to_owned());
    }
    // Separable: aan|ge|past → aan + pas.
    for pre in SEPARABLE {
        if let Some(rest) = participle.strip_prefix(pre)
            && let Some(core) = rest.strip_prefix("ge")
            && core.len() >= 3
        {
            let inf = infinitive_of_participle(&format!("ge{core}"), lex)?;
            return Some(format!("{pre}{inf}"));
        }
    }
    let (prefix, core) = if let Some(c) = participle
        .strip_prefix("geë")
        .map(|c| format!("e{c}"))
        .or_else(|| participle.strip_prefix("geï").map(|c| format!("i{c}")))
        .or_else(|| participle.strip_prefix("geü").map(|c| format!("u{c}")))
    {
        ("", c)
    } else if let Some(c) = participle.strip_prefix("ge").filter(|c| c.len() >= 3) {
        ("", c.to_owned())
    } else if let Some(pre) = INSEPARABLE
        .iter()
        .find(|p| participle.starts_with(*p) && participle.len() > p.len() + 3)
    {
        (*pre, participle[pre.len()..].to_owned())
    } else {
        return None;
    };
    // Irregular base verb with an inseparable prefix: ver+zonden → ver+zenden.
    if !prefix.is_empty()
        && let Some(base) = lex.infinitive_of(&format!("ge{core}"))
    {
        return Some(format!("{prefix}{base}"));
    }
    let mut stem = core.strip_suffix(['d', 't'])?;
    // A stem never ends in a single short vowel: in "gezet" the t belongs to the stem.
    let sb = stem.as_bytes();
    if sb.len() >= 2 && is_vowel(sb[sb.len() - 1]) && !is_vowel(sb[sb.len() - 2]) {
        stem = &core;
    }
    if stem.len() < 2 || !stem.is_ascii() {
        return None;
    }
    Some(format!("{prefix}{}", infinitive_of_stem(stem)))
}

/// "verstuur" → "versturen", "pas" → "passen", "werk" → "werken", "leef" → "leven".
pub fn infinitive_of_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    let mut s = stem.to_owned();
    // Devoiced final consonant: leef → lev, reis → reiz (only after a long vowel).
    let long_vowel_before = n >= 3 && b[n - 2] == b[n - 3] && is_vowel(b[n - 2]);
    if long_vowel_before && b[n - 1] == b'f' {
        s.pop();
        s.push('v');
    }
    let b = s.as_bytes().to_vec();
    if n >= 3 && !is_vowel(b[n - 1]) && b[n - 2] == b[n - 3] && is_vowel(b[n - 2]) {
        // Long vowel in a closed syllable is written double: verstuur → verstur-en.
        s.remove(n - 2);
        return format!("{s}en");
    }
    if n >= 2
        && !is_vowel(b[n - 1])
        && is_vowel(b[n - 2])
        && (n == 2 || !is_vowel(b[n - 3]))
        && !matches!(b[n - 1], b'w' | b'j' | b'x')
        && !stem.ends_with("el")
        && !stem.ends_with("er")
        && !stem.ends_with("en")
    {
        // Short vowel: pas → passen, zet → zetten.
        s.push(b[n - 1] as char);
        return format!("{s}en");
    }
    format!("{s}en")
}

/// Finite form of a verb for a subject, present or past: "wij" → "versturen",
/// "de gemeente" → "verstuurt".
pub fn finite(
    infinitive: &str,
    plural: bool,
    past: bool,
    second_person: bool,
    lex: &Lexicon,
) -> String {
    let form = match (past, plural) {
        (false, true) => VerbForm::Infinitive,
        (false, false) if second_person => VerbForm::Third,
        (false, false) => VerbForm::Third,
        (true, true) => VerbForm::PastPlural,
        (true, false) => VerbForm::PastSingular,
    };
    inflect(infinitive, form, lex)
}

/// Words ending in -en that are not infinitives (numbers, prepositions, plural nouns),
/// shared by the rules that look for an infinitive at the end of a verb cluster.
pub const NOT_INFINITIVES: &[&str] = &[
    "een",
    "tien",
    "heen",
    "geen",
    "zeven",
    "negen",
    "alleen",
    "binnen",
    "buiten",
    "boven",
    "beneden",
    "tegen",
    "even",
    "open",
    "samen",
    "kosten",
    "dagen",
    "weken",
    "uren",
    "jaren",
    "maanden",
    "mensen",
    "regels",
    "zaken",
    "ogen",
    "eigen",
    "morgen",
    "volgen",
    "wegen",
    "zullen",
    "verder",
    "ergens",
    "nergens",
    "toen",
    "misschien",
    "klanten",
    "woningen",
];

/// Inflected forms of an adjective: "adequaat" → "adequate", "adequater", "adequaatst";
/// "additioneel" → "additionele"; "nader" → "nadere", "naderder".
pub fn adjective_forms(adj: &str) -> Vec<String> {
    let e = adjective_e(adj);
    let comparative = if adj.ends_with('r') {
        format!("{adj}der") // nader → naderder, zwaar → zwaarder
    } else {
        format!("{e}r")
    };
    let mut v = vec![
        adj.to_owned(),
        e,
        comparative,
        format!("{adj}st"),
        format!("{adj}ste"),
    ];
    v.sort();
    v.dedup();
    v
}

/// Vowel groups in a word, enough to tell one syllable from more.
fn vowel_groups(w: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for c in w.chars() {
        let v = matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ë' | 'ï' | 'é' | 'ü' | 'ö'
        );
        if v && (!prev || matches!(c, 'ë' | 'ï' | 'ü' | 'ö')) {
            n += 1;
        }
        prev = v;
    }
    n
}

/// An unstressed final syllable with a schwa ("nader", "simpel", "geneesmiddel",
/// "eigen"): its consonant is never doubled before -e/-en.
fn schwa_ending(w: &str) -> bool {
    ["el", "er", "en", "em"].iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|head| !head.ends_with(['e', 'i', 'o', 'a', 'u']))
    }) && vowel_groups(w) >= 2
}

/// The stem of a word before an ending that starts with a vowel (-e, -en), by the
/// spelling rules: open syllables lose a doubled vowel ("adequaat" → "adequat-",
/// "perceel" → "percel-"), a short stressed vowel doubles its consonant ("vlot" →
/// "vlott-"), f/s become v/z after a long vowel ("brief" → "briev-").
fn open_stem(w: &str) -> String {
    if let Some(head) = w.strip_suffix("ieel") {
        return format!("{head}iël"); // financieel → financiël-e
    }
    if let Some(head) = w.strip_suffix("ëel") {
        return format!("{head}ël"); // reëel → reël-e
    }
    let b = w.as_bytes();
    let n = b.len();
    if !w.is_ascii() || n < 3 {
        return w.to_owned();
    }
    let mut s = w.to_owned();
    let last = b[n - 1];
    let mut long_vowel = false;
    if !is_vowel(last) && b[n - 2] == b[n - 3] && is_vowel(b[n - 2]) {
        // A doubled vowel before the last consonant: adequaat, perceel, uur.
        s.remove(n - 2);
        long_vowel = true;
    } else if !is_vowel(last)
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && !matches!(last, b'w' | b'j' | b'x')
        && !w.ends_with("ig")
        && !w.ends_with("lijk")
        && !w.ends_with("isch")
        && !schwa_ending(w)
    {
        s.push(last as char); // vlot → vlott(e)
    } else if n >= 3 && !is_vowel(last) && is_vowel(b[n - 2]) && is_vowel(b[n - 3]) {
        // ie, oe, ui, ei, ij-like vowels: brief → brieven, reis → reizen.
        long_vowel = true;
    } else if w.ends_with("ijs") || w.ends_with("ijf") {
        long_vowel = true; // prijs → prijzen, wijf → wijven
    }
    if long_vowel {
        match s.pop() {
            Some('f') => s.push('v'),
            Some('s') => s.push('z'),
            Some(c) => s.push(c),
            None => {}
        }
    }
    s
}

/// The attributive form of an adjective for a suggestion: "volgend" → "volgende",
/// "extra" → "extra" (no -e after a full vowel), pronouns as they are ("dit", "die").
pub fn adjective_inflected(adj: &str) -> String {
    const AS_IS: &[&str] = &["dit", "dat", "die", "deze", "zo", "zo'n", "zo’n", "zulke"];
    if AS_IS.contains(&adj) || adj.ends_with(['a', 'o', 'i', 'u', 'y', 'é']) {
        return adj.to_owned();
    }
    adjective_e(adj)
}

fn adjective_e(adj: &str) -> String {
    if adj.ends_with('e') {
        return adj.to_owned();
    }
    // Adjectives in unstressed -en take no -e: "eigen", "open", "verboden".
    if adj.ends_with("en") && schwa_ending(adj) {
        return adj.to_owned();
    }
    format!("{}e", open_stem(adj))
}

/// The -en plural of a noun: "perceel" → "percelen", "geneesmiddel" → "geneesmiddelen",
/// "straf" → "straffen", "brief" → "brieven".
fn plural_en(noun: &str) -> String {
    if noun.ends_with('e') {
        return format!("{noun}n");
    }
    format!("{}en", open_stem(noun))
}

/// Nouns in -el that take -en rather than -s ("middelen", "artikelen").
const EL_EN: &[&str] = &[
    "middel",
    "artikel",
    "wezel",
    "onderdeel",
    "deel",
    "voordeel",
];

/// The plural of a noun for a suggestion: -s after an unstressed ending or a vowel,
/// otherwise -en with the spelling rules ("regel" → "regels", "straf" → "straffen",
/// "medicijn" → "medicijnen", "middel" → "middelen").
pub fn noun_plural(noun: &str) -> String {
    if EL_EN.iter().any(|e| noun.ends_with(e)) {
        return plural_en(noun);
    }
    if ["e", "el", "em", "en", "er", "je", "a", "o", "u", "i", "y"]
        .iter()
        .any(|e| noun.ends_with(e))
    {
        format!("{noun}s")
    } else {
        plural_en(noun)
    }
}

/// Plural forms of a noun (both -en and -s; the list decides by matching).
pub fn noun_forms(noun: &str) -> Vec<String> {
    let mut v = vec![noun.to_owned(), format!("{noun}s"), plural_en(noun)];
    if !noun.ends_with('e') {
        v.push(format!("{noun}en"));
    }
    v.sort();
    v.dedup();
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
    fn infinitives_of_participles() {
        let lex = lexicon();
        for (p, inf) in [
            ("verstuurd", "versturen"),
            ("aangepast", "aanpassen"),
            ("betaald", "betalen"),
            ("gemaakt", "maken"),
            ("gewerkt", "werken"),
            ("opgestuurd", "opsturen"),
            ("gegeven", "geven"),
            ("verzonden", "verzenden"),
            ("beoordeeld", "beoordelen"),
            ("geïnformeerd", "informeren"),
            ("gezet", "zetten"),
        ] {
            assert_eq!(
                infinitive_of_participle(p, lex).as_deref(),
                Some(inf),
                "{p}"
            );
        }
    }

    #[test]
    fn adjectives_and_nouns() {
        let has = |v: Vec<String>, w: &str| v.contains(&w.to_owned());
        assert!(has(adjective_forms("adequaat"), "adequate"));
        assert!(has(adjective_forms("relevant"), "relevante"));
        assert!(has(adjective_forms("additioneel"), "additionele"));
        assert!(has(adjective_forms("structureel"), "structurele"));
        assert!(has(adjective_forms("financieel"), "financiële"));
        assert!(has(adjective_forms("nader"), "nadere"));
        assert!(!has(adjective_forms("nader"), "naderre"));
        assert!(has(adjective_forms("nader"), "naderder"));
        assert!(has(adjective_forms("simpel"), "simpele"));
        assert!(has(adjective_forms("vlot"), "vlotte"));
        assert!(has(adjective_forms("snel"), "snelle"));
        assert!(has(adjective_forms("breed"), "brede"));
        assert!(has(adjective_forms("passief"), "passieve"));
        assert!(has(noun_forms("sanctie"), "sancties"));
        assert!(has(noun_forms("perceel"), "percelen"));
        assert!(has(noun_forms("geneesmiddel"), "geneesmiddelen"));
        assert!(!has(noun_forms("geneesmiddel"), "geneesmiddellen"));
        assert!(has(noun_forms("straf"), "straffen"));
        assert!(has(noun_forms("brief"), "brieven"));
        assert!(has(noun_forms("prijs"), "prijzen"));
        assert!(has(noun_forms("jaar"), "jaren"));
        assert_eq!(noun_plural("medicijn"), "medicijnen");
        assert_eq!(noun_plural("middel"), "middelen");
        assert_eq!(noun_plural("regel"), "regels");
        assert_eq!(noun_plural("boete"), "boetes");
        assert_eq!(noun_plural("straf"), "straffen");
        assert_eq!(adjective_inflected("volgend"), "volgende");
        assert_eq!(adjective_inflected("extra"), "extra");
        assert_eq!(adjective_inflected("dit"), "dit");
        assert_eq!(adjective_inflected("genoemd"), "genoemde");
    }

    #[test]
    fn no_present_participles() {
        let f = forms("verstrekken");
        assert!(!f.contains(&"verstrekkend".to_owned()));
        assert!(!f.contains(&"verstrekkende".to_owned()));
    }
}
