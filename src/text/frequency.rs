//! Word frequencies: Zipf values from wordfreq's Dutch data (`wordlists/frequentie.tsv`,
//! CC BY-SA 4.0 with SUBTLEX-NL, see `wordlists/LICENSE-frequentie.md`), laid out as a
//! hash table by `build.rs`, so start-up parses nothing. Plus compound splitting as LiNT does it: a transparent compound of known
//! parts ("zorg|verzekeraar") is as easy as its head (B1-GUIDE §1.2, §2.4).

use super::lexicon::key;
use super::morph::infinitive_of_stem;
use super::word_hash;

/// The frequency list as a hash table laid out by `build.rs`: probed in place, nothing
/// to parse at start-up.
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frequentie.bin"));

fn u32_at(i: usize) -> u32 {
    let b = &TABLE[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Number of words in the list.
pub fn len() -> usize {
    u32_at(0) as usize
}

/// Zipf × 10 of a word exactly as listed.
fn lookup(word: &str) -> Option<u8> {
    let n = len();
    let slots = u32_at(1) as usize;
    let (slots_at, entries_at) = (2, 2 + slots);
    let zipf_at = 4 * (entries_at + n);
    let words_at = zipf_at + n;
    let is_word = |e: usize| {
        let packed = u32_at(entries_at + e) as usize;
        let (offset, length) = (words_at + (packed >> 8), packed & 0xff);
        &TABLE[offset..offset + length] == word.as_bytes()
    };
    let e = word_hash::probe(slots, |s| u32_at(slots_at + s), word.as_bytes(), is_word)?;
    Some(TABLE[zipf_at + e])
}

/// The Zipf value of a word (lowercase), `None` when the list does not have it.
pub fn zipf(word: &str) -> Option<f32> {
    let hit = lookup(word).or_else(|| {
        // Decomposed diacritics ("e" + U+0308) in the text: look up the NFC form.
        (!word.is_ascii())
            .then(|| key(word))
            .and_then(|k| lookup(k.as_str()))
    });
    hit.map(|z| f32::from(z) / 10.0)
}

/// A compound split into a known left part, a linking sound and a known head:
/// "zorgverzekeringspolis" → "zorgverzekering" + "s" + "polis".
#[derive(Clone, Debug, PartialEq)]
pub struct Split<'a> {
    pub left: &'a str,
    pub link: &'static str,
    pub head: &'a str,
}

/// Shortest head, in letters.
const MIN_HEAD: usize = 4;
/// A three-letter head counts only when it is this common ("kassa|bon", "pin|pas").
const SHORT_HEAD_ZIPF: f32 = 4.0;
/// Shortest left part, in letters.
const MIN_LEFT: usize = 3;
/// A left part must be at least this common: the list also holds fragments and names
/// ("zeke|ring").
const MIN_LEFT_ZIPF: f32 = 3.0;
/// A long left part (six letters or more) is rarely a fragment, so it may be rarer
/// ("aanmaning|s|kosten").
const MIN_LONG_LEFT_ZIPF: f32 = 2.0;
/// Bound prefixes that the list knows as "words" but that do not make a compound
/// ("ver|zekering", "ont|eigening").
const PREFIXES: &[&str] = &["ver", "ont", "her", "mis", "be", "ge", "er", "on"];
/// Linking sounds between the parts, longest first.
const LINKS: &[&str] = &["en", "s", "e", ""];

/// Split `word` (lowercase) at the longest known head (at least 4 letters, or 3 when it
/// is very common) whose left
/// part is also a known word, possibly with a linking -s-, -e- or -en-. The left part
/// may itself be a compound of known words ("kinder|opvang|toeslag").
pub fn split_compound(word: &str) -> Option<Split<'_>> {
    split_at_depth(word, 1)
}

/// Split `word` (lowercase) at its last part: the shortest known head (at least 4
/// letters) whose left part is known or itself a compound of known words. This is the
/// split a writer sees: "zorgverzekeringspolis" → "zorgverzekering" + "polis".
pub fn split_last(word: &str) -> Option<Split<'_>> {
    // Of all splits into known parts, the one whose rarer part is most common:
    // "buiten + gerechtelijke", not "buit|enger + echtelijke".
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let letters = bounds.len();
    if letters < MIN_LEFT + 3 {
        return None;
    }
    let mut best: Option<(f32, Split<'_>)> = None;
    for &at in bounds[MIN_LEFT..=letters - 3].iter().rev() {
        let head = &word[at..];
        if !known_head(head, head.chars().count() < MIN_HEAD) {
            continue;
        }
        let before = &word[..at];
        for link in LINKS {
            let Some(left) = before.strip_suffix(link) else {
                continue;
            };
            if !known_left(left, 1) {
                continue;
            }
            let left_score = zipf(left).unwrap_or_else(|| {
                split_compound(left)
                    .map(|s| part_score(s.left).min(zipf(s.head).unwrap_or(0.0)))
                    .unwrap_or(MIN_LEFT_ZIPF)
            });
            let score = left_score.min(zipf(head).unwrap_or(0.0));
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, Split { left, link, head }));
            }
            break;
        }
    }
    best.map(|(_, s)| s)
}

fn part_score(w: &str) -> f32 {
    zipf(w).unwrap_or(MIN_LEFT_ZIPF)
}

fn known_left(left: &str, depth: u8) -> bool {
    if left.chars().count() < MIN_LEFT || PREFIXES.contains(&left) {
        return false;
    }
    let common = |w: &str| zipf(w).is_some_and(|z| z >= MIN_LEFT_ZIPF);
    let long_known =
        left.chars().count() >= 6 && zipf(left).is_some_and(|z| z >= MIN_LONG_LEFT_ZIPF);
    common(left)
        || long_known
        // A verb stem: "parkeer|app", "opzeg|termijn", "inlog|pagina".
        || left.is_ascii() && common(&infinitive_of_stem(left))
        || depth > 0 && split_at_depth(left, depth - 1).is_some()
}

/// Suffixes that the list knows as words ("ING", "ier") but that never head a compound.
const SUFFIXES: &[&str] = &[
    "ing", "ers", "end", "ste", "tie", "ier", "aar", "eur", "ist", "heid", "heden", "lijk",
    "lijke", "lijker", "baar", "bare", "loos", "loze", "schap", "achtig", "isch", "ische",
];

fn known_head(head: &str, short: bool) -> bool {
    if SUFFIXES.contains(&head) {
        return false;
    }
    match zipf(head) {
        Some(_) if head.chars().count() >= MIN_HEAD => true,
        Some(z) => short && z >= SHORT_HEAD_ZIPF,
        None => false,
    }
}

fn split_at_depth(word: &str, depth: u8) -> Option<Split<'_>> {
    // Heads of four letters or more first; a very common three-letter head only when
    // nothing longer fits.
    split_with(word, depth, false).or_else(|| split_with(word, depth, true))
}

fn split_with(word: &str, depth: u8, short: bool) -> Option<Split<'_>> {
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let letters = bounds.len();
    if letters < MIN_LEFT + 3 {
        return None;
    }
    for &at in &bounds[MIN_LEFT..=letters - 3] {
        let head = &word[at..];
        if !known_head(head, short) {
            continue;
        }
        let before = &word[..at];
        for link in LINKS {
            if let Some(left) = before.strip_suffix(link)
                && known_left(left, depth)
            {
                return Some(Split { left, link, head });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_loaded() {
        assert!(len() >= 60_000);
        assert!(zipf("de").unwrap() > 7.0);
        assert!(zipf("verzekeraar").unwrap() > 3.0);
        assert!(zipf("retourneren").unwrap() < 3.0);
        assert_eq!(zipf("xqzvw"), None);
    }

    #[test]
    fn compounds_split_at_their_head() {
        let s = split_compound("zorgverzekeraar").unwrap();
        assert_eq!((s.left, s.link, s.head), ("zorg", "", "verzekeraar"));
        let s = split_last("zorgverzekeringspolis").unwrap();
        assert_eq!((s.left, s.link, s.head), ("zorgverzekering", "s", "polis"));
        let s = split_last("betalingsregeling").unwrap();
        assert_eq!((s.left, s.link, s.head), ("betaling", "s", "regeling"));
        let s = split_compound("betalingsregeling").unwrap();
        assert_eq!((s.left, s.link, s.head), ("betaling", "s", "regeling"));
        assert_eq!(split_compound("sommatie"), None);
        let s = split_last("kassabon").unwrap();
        assert_eq!((s.left, s.head), ("kassa", "bon"));
        let s = split_last("parkeerapp").unwrap();
        assert_eq!((s.left, s.head), ("parkeer", "app"));
        assert!(split_compound("voordakvlak").is_some());
        assert!(split_compound("aanmaningskosten").is_some());
        assert_eq!(split_compound("zekering"), None);
    }
}
