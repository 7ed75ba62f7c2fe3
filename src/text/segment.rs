//! UAX#29 word boundaries, decided by a byte table where the text allows it. Looking up
//! the word category of every character was most of the tokeniser's time; most Dutch
//! text is ASCII, accented Latin letters, '€' and typographic quotes and dashes, where the
//! rules of UAX#29 come down to a few byte comparisons. The result is exactly that of
//! `unicode_segmentation`'s `split_word_bound_indices`, without the segments that start
//! with whitespace (a property test checks it).
//!
//! Why the split is exact: UAX#29 always breaks between ASCII whitespace and a following
//! ASCII character that is not whitespace (only Extend, Format and ZWJ attach to what
//! precedes them, and no ASCII character is one of those), and no rule looks further than
//! one character beyond its pair, where the whitespace matches no rule. So the text splits
//! into independent pieces there. A piece that holds any other character than ASCII and
//! the few the table knows goes through `unicode_segmentation`; the rest is scanned with
//! the table. The table knows the Latin-1 letters 'À'..'ÿ' (ALetter, except '×' and '÷'),
//! '‘' and '’' (MidNumLet, as '.'), and as characters that stand alone (Other) '€', the
//! no-break space, '«', '»', '‚', '“', '”', '„', '–', '—', '…', '‹' and '›'. One of them
//! followed by a combining mark is such a piece: the mark is another character.

use unicode_segmentation::UnicodeSegmentation;

/// Call `f(start, end)` for every UAX#29 word-boundary segment of `text` that does not
/// start with whitespace, in order.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    let mut at = 0;
    while at < b.len() {
        let Some(odd) = next_unhandled(b, at) else {
            table_words(b, at, b.len(), &mut f);
            return;
        };
        let start = piece_start(b, at, odd);
        let end = piece_end(b, odd);
        table_words(b, at, start, &mut f);
        // `start` and `end` are at ASCII bytes or the ends: character boundaries.
        for (off, seg) in text[start..end].split_word_bound_indices() {
            if !seg.starts_with(char::is_whitespace) {
                f(start + off, start + off + seg.len());
            }
        }
        at = end;
    }
}

/// A piece starts at `j`: whitespace before, an ASCII character that is not whitespace
/// at `j`.
#[inline]
fn boundary(b: &[u8], j: usize) -> bool {
    is_space(b[j - 1]) && b[j].is_ascii() && !is_space(b[j])
}

/// The start of the piece around `odd`, not before `lo` (where a piece starts).
fn piece_start(b: &[u8], lo: usize, odd: usize) -> usize {
    let mut j = odd;
    while j > lo && !boundary(b, j) {
        j -= 1;
    }
    j
}

/// The end of the piece around `odd`.
fn piece_end(b: &[u8], odd: usize) -> usize {
    let mut j = odd + 1;
    while j < b.len() && !boundary(b, j) {
        j += 1;
    }
    j
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The first byte from `from` on that starts a character the table does not handle.
fn next_unhandled(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i = next_non_ascii(b, i)?;
        let n = handled_len(b, i);
        if n == 0 {
            return Some(i);
        }
        i += n;
    }
}

/// The byte length of the character at `i` when the table handles it (see the module
/// documentation), otherwise 0.
fn handled_len(b: &[u8], i: usize) -> usize {
    // A lead byte is followed by a continuation byte: `next` is one.
    let next = b.get(i + 1).copied().unwrap_or(0);
    match b[i] {
        // U+00C0..U+00FF, without '×' (C3 97) and '÷' (C3 B7).
        0xc3 if next != 0x97 && next != 0xb7 => 2,
        // The no-break space, '«', '»'.
        0xc2 if matches!(next, 0xa0 | 0xab | 0xbb) => 2,
        // '–' '—' '‘' '’' '‚' '“' '”' '„' '…' '‹' '›', and '€'.
        0xe2 if matches!(
            b.get(i + 1..i + 3),
            Some(
                [
                    0x80,
                    0x93 | 0x94 | 0x98 | 0x99 | 0x9a | 0x9c | 0x9d | 0x9e | 0xa6 | 0xb9 | 0xba
                ] | [0x82, 0xac]
            )
        ) =>
        {
            3
        }
        _ => 0,
    }
}

/// The first byte from `from` on that is not ASCII: 32 bytes at a time, which the
/// compiler turns into a few vector instructions.
pub(crate) fn next_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    const W: usize = 32;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + W) {
        if chunk.iter().fold(0, |acc, &x| acc | x) >= 0x80 {
            break;
        }
        i += W;
    }
    b.get(i..)?.iter().position(|&x| x >= 0x80).map(|p| i + p)
}

/// Byte classes (bit flags) for the table scan.
const SPACE: u8 = 1;
/// Letters, digits and '_' (ExtendNumLet): any two of them are joined (WB5, WB8–WB10,
/// WB13a, WB13b).
const WORD: u8 = 2;
/// ALetter: ASCII letters and the bytes of a Latin-1 letter.
const LETTER: u8 = 4;
const DIGIT: u8 = 8;
/// MidLetter or MidNumLetQ: joins two letters (WB6, WB7).
const MID_LETTER: u8 = 16;
/// MidNum or MidNumLetQ: joins two digits (WB11, WB12).
const MID_NUM: u8 = 32;

const fn class_of(b: u8) -> u8 {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => WORD | LETTER,
        // The lead and continuation bytes of a Latin-1 letter; in a scanned stretch no
        // other character uses them inside a word (the others start with C2 or E2).
        0xc3 | 0x80..=0xbf => WORD | LETTER,
        b'0'..=b'9' => WORD | DIGIT,
        b'_' => WORD,
        b':' => MID_LETTER,
        b',' | b';' => MID_NUM,
        b'.' | b'\'' => MID_LETTER | MID_NUM,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
        _ => 0,
    }
}

static CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class_of(i as u8);
        i += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The segments of `b[from..to]`, which holds only characters the table knows and starts
/// at a character boundary, without whitespace: a run of word characters (with a single
/// mid character between two letters or two digits), or one character.
#[inline]
fn table_words(b: &[u8], from: usize, to: usize, f: &mut impl FnMut(usize, usize)) {
    let b = &b[..to];
    let mut i = from;
    while let Some(&x) = b.get(i) {
        let c = class(x);
        if c & SPACE != 0 {
            i += 1;
            continue;
        }
        let start = i;
        if c & WORD != 0 {
            i = word_end(b, i + 1);
        } else if x.is_ascii() {
            i += 1;
        } else if x == 0xc2 {
            i += 2;
            if b[start + 1] == 0xa0 {
                continue; // the no-break space: whitespace
            }
        } else {
            i += 3;
        }
        f(start, i);
    }
}

/// The end of the run of word characters that goes on at `i` (after its first byte).
#[inline]
fn word_end(b: &[u8], mut i: usize) -> usize {
    loop {
        while let Some(&x) = b.get(i)
            && class(x) & WORD != 0
        {
            i += 1;
        }
        let (mid, len) = match b.get(i) {
            Some(&m) if m.is_ascii() => (class(m), 1),
            // '‘' and '’'.
            Some(0xe2) if matches!(b.get(i + 1..i + 3), Some([0x80, 0x98 | 0x99])) => {
                (MID_LETTER | MID_NUM, 3)
            }
            _ => return i,
        };
        if mid & (MID_LETTER | MID_NUM) != 0
            && let Some(&next) = b.get(i + len)
        {
            let both = class(b[i - 1]) & class(next);
            if (both & LETTER != 0 && mid & MID_LETTER != 0)
                || (both & DIGIT != 0 && mid & MID_NUM != 0)
            {
                i += len + 1;
                continue;
            }
        }
        return i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for_each_word(text, |s, e| v.push((s, text[s..e].to_owned())));
        v
    }

    fn reference(text: &str) -> Vec<(usize, String)> {
        text.split_word_bound_indices()
            .filter(|(_, s)| !s.starts_with(char::is_whitespace))
            .map(|(o, s)| (o, s.to_owned()))
            .collect()
    }

    #[test]
    fn dutch_examples_match_uax29() {
        for t in [
            "Auto's, zo'n 1.250,50 euro om 14.30 uur: d.w.z. niet.\r\nEn  nu\t's ochtends!",
            "Café’s en ëxtra – “quotes” met \u{301}accent en e-mail_adres a:b 3;4",
            "€ 920 of €920,- of 5€ vóór coöperatie é\u{301}n Ö.é'ü 2×3 ÷",
            "auto’s, ‘zo’n’ 1’2 a’\u{301}b – “quote” „laag” … «x» ‹y› a\u{a0}b \u{a0}\u{301} ’’",
            "",
            " ",
            "\r\n\r\n",
        ] {
            assert_eq!(ours(t), reference(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn segments_are_those_of_uax29(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', 'e', '0', '9', '_', ':', ',', ';', '.', '\'', '"', ' ', ' ', '\t',
                '\r', '\n', '\u{b}', '\u{c}', '\u{1c}', '\0', '\u{7f}', '-', '!', '(', '@',
                '/', '$', 'é', 'ë', 'Ö', 'ÿ', 'À', '×', '÷', '’', '\u{301}', '\u{200d}',
                '\u{ad}', '€', '\u{a0}', '٣', '😀', '\u{1f1f3}', '\u{1f1f1}', '³', 'ß',
                'İ', '…', '\u{93f}', '‘', '‚', '“', '”', '„', '–', '—', '«', '»', '‹', '›',
                '·', '²', '\u{2024}',
            ]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&text), reference(&text));
        }

        #[test]
        fn the_first_byte_that_is_not_ascii(text in "[a-z .]{0,70}(é[a-z ]{0,40})?") {
            prop_assert_eq!(
                next_non_ascii(text.as_bytes(), 0),
                text.bytes().position(|b| !b.is_ascii())
            );
        }
    }
}
