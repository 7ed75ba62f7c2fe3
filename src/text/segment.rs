//! UAX#29 word boundaries with an ASCII fast path. Looking up the word category of every
//! character was a third of the tokeniser's time; most Dutch text is ASCII, where the
//! rules of UAX#29 come down to a few byte comparisons. The result is exactly that of
//! `unicode_segmentation`'s `split_word_bound_indices` (a property test checks it).
//!
//! Why the split is exact: UAX#29 always breaks between ASCII whitespace and a following
//! ASCII character that is not whitespace (only Extend, Format and ZWJ attach to what
//! precedes them, and no ASCII character is one of those), and no rule looks further than
//! one character beyond its pair, where the whitespace matches no rule. So the text splits
//! into independent pieces there; an all-ASCII piece takes the fast path, any other piece
//! goes through `unicode_segmentation`.

use unicode_segmentation::UnicodeSegmentation;

/// Call `f(offset, segment)` for every UAX#29 word-boundary segment of `text`, in order.
pub fn for_each_segment(text: &str, mut f: impl FnMut(usize, &str)) {
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let mut ascii = b[start].is_ascii();
        let mut end = start + 1;
        while end < b.len() && !(is_space(b[end - 1]) && b[end].is_ascii() && !is_space(b[end])) {
            ascii &= b[end].is_ascii();
            end += 1;
        }
        // `end` is at an ASCII byte or the end: a character boundary.
        let piece = &text[start..end];
        if ascii {
            ascii_segments(piece.as_bytes(), |from, to| {
                f(start + from, &piece[from..to])
            });
        } else {
            for (off, seg) in piece.split_word_bound_indices() {
                f(start + off, seg);
            }
        }
        start = end;
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Word-break categories of ASCII characters (UAX#29, table 3).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    ExtendNumLet,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    Other,
}

const fn cat_of(b: u8) -> Cat {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Cat::Letter,
        b'0'..=b'9' => Cat::Numeric,
        b'_' => Cat::ExtendNumLet,
        b':' => Cat::MidLetter,
        b',' | b';' => Cat::MidNum,
        b'.' => Cat::MidNumLet,
        b'\'' => Cat::SingleQuote,
        b' ' => Cat::Space,
        b'\r' => Cat::Cr,
        b'\n' => Cat::Lf,
        0x0b | 0x0c => Cat::Newline,
        _ => Cat::Other,
    }
}

/// [`cat_of`] for every byte, looked up rather than matched in the loop.
static CATS: [Cat; 128] = {
    let mut t = [Cat::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = cat_of(i as u8);
        i += 1;
    }
    t
};

#[inline]
fn cat(b: u8) -> Cat {
    CATS[usize::from(b & 0x7f)]
}

/// Between letters: MidLetter or MidNumLetQ (WB6, WB7).
fn mid_letter(c: Cat) -> bool {
    matches!(c, Cat::MidLetter | Cat::MidNumLet | Cat::SingleQuote)
}

/// Between digits: MidNum or MidNumLetQ (WB11, WB12).
fn mid_num(c: Cat) -> bool {
    matches!(c, Cat::MidNum | Cat::MidNumLet | Cat::SingleQuote)
}

/// No break between `prev` and `cur`, with the characters around them (the rules of
/// UAX#29 that apply to ASCII).
#[inline]
fn joined(before: Option<Cat>, prev: Cat, cur: Cat, after: Option<Cat>) -> bool {
    use Cat::*;
    match (prev, cur) {
        (Letter | Numeric, Letter | Numeric) => true, // WB5, WB8, WB9, WB10
        (Cr, Lf) => true,                             // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false, // WB3a, WB3b
        (Space, Space) => true,                       // WB3d
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true, // WB13a
        (ExtendNumLet, Letter | Numeric) => true,     // WB13b
        (Letter, m) if mid_letter(m) && after == Some(Letter) => true, // WB6
        (m, Letter) if mid_letter(m) && before == Some(Letter) => true, // WB7
        (Numeric, m) if mid_num(m) && after == Some(Numeric) => true, // WB12
        (m, Numeric) if mid_num(m) && before == Some(Numeric) => true, // WB11
        _ => false,                                   // WB999
    }
}

/// The segments of an all-ASCII text, as (start, end) byte offsets.
fn ascii_segments(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let Some(&first) = b.first() else { return };
    let mut start = 0;
    let (mut before, mut prev) = (None, cat(first));
    for i in 1..b.len() {
        let cur = cat(b[i]);
        if !joined(before, prev, cur, b.get(i + 1).map(|&x| cat(x))) {
            f(start, i);
            start = i;
        }
        (before, prev) = (Some(prev), cur);
    }
    f(start, b.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for_each_segment(text, |o, s| v.push((o, s.to_owned())));
        v
    }

    fn reference(text: &str) -> Vec<(usize, String)> {
        text.split_word_bound_indices()
            .map(|(o, s)| (o, s.to_owned()))
            .collect()
    }

    #[test]
    fn dutch_examples_match_uax29() {
        for t in [
            "Auto's, zo'n 1.250,50 euro om 14.30 uur: d.w.z. niet.\r\nEn  nu\t's ochtends!",
            "Café’s en ëxtra – “quotes” met \u{301}accent en e-mail_adres a:b 3;4",
            "",
            " ",
            "\r\n\r\n",
        ] {
            assert_eq!(ours(t), reference(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn segments_are_those_of_uax29(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', 'e', '0', '9', '_', ':', ',', ';', '.', '\'', '"', ' ', ' ', '\t',
                '\r', '\n', '\u{b}', '\u{c}', '-', '!', '(', '@', '/', 'é', '’', '\u{301}',
                '\u{200d}', '\u{ad}', '€', '\u{a0}', '٣', '😀', '\u{1f1f3}', '\u{1f1f1}',
            ]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&text), reference(&text));
        }
    }
}
