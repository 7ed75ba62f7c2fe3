//! Dutch tokeniser: UAX#29 word boundaries ([`super::segment`]) with Dutch repairs.
//! UAX#29 already keeps "auto's", "zo'n", "1.250,50" and "14.30" whole; we add:
//! hyphenated compounds ("e-mail", "btw-nummer", "12-03-2025"), elided articles
//! ("'s ochtends", "'t"), abbreviations and initials with their dot ("d.w.z.", "J.P."),
//! runs of terminal punctuation ("...", "?!"), and URLs and e-mail addresses as single
//! tokens.

use super::lexicon::Lexicon;
use super::segment::for_each_word;
use super::span::Span;
use super::special_patterns;
use super::token::{ABBREV, INITIAL, Token, TokenKind};
use crate::rules::prebuilt::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// Links, e-mail addresses and account numbers: each one token, each found by its own
/// regex, made only when the text holds what it needs ("://" or "www.", "@", two
/// capitals and two digits). `build.rs` compiles them to DFAs, which load in microseconds.
fn finder(source: &str) -> Finder {
    Finder::new(source).expect("valid regex")
}
static URL: LazyLock<Finder> = LazyLock::new(|| finder(special_patterns::URL));
static EMAIL: LazyLock<Finder> = LazyLock::new(|| finder(special_patterns::EMAIL));
static EMAIL_ASCII: LazyLock<Finder> = LazyLock::new(|| finder(special_patterns::EMAIL_ASCII));
static IBAN: LazyLock<Finder> = LazyLock::new(|| finder(special_patterns::IBAN));

/// Where a needle occurs next, remembered between searches from places that only go up:
/// a text with many links is searched once for each needle, not from every link on to
/// the end.
struct NextAt {
    needle: &'static [u8],
    /// The search went from here and found `next`.
    from: usize,
    next: Option<usize>,
}

impl NextAt {
    fn new(needle: &'static [u8]) -> NextAt {
        NextAt {
            needle,
            from: usize::MAX,
            next: None,
        }
    }

    fn from(&mut self, hay: &[u8], at: usize) -> Option<usize> {
        if !(self.from <= at && self.next.is_none_or(|n| n >= at)) {
            self.from = at;
            self.next = memchr::memmem::find(&hay[at..], self.needle).map(|p| at + p);
        }
        self.next
    }
}

/// Where links may start: "http" and "www." in the lowercase text.
struct LinkStarts([NextAt; 2]);

impl LinkStarts {
    fn new() -> LinkStarts {
        LinkStarts([NextAt::new(b"http"), NextAt::new(b"www.")])
    }
}

/// The first link from `at` on. A link starts with "http" or "www." in any case, so the
/// automaton starts at the first place that does: a text with one link near its end is
/// not run through the automaton from every earlier match on. The match is the same,
/// because the automaton still sees what comes before for its word boundary.
fn find_url(text: &str, lower: &str, at: usize, starts: &mut LinkStarts) -> Option<Range<usize>> {
    let b = lower.as_bytes();
    let [http, www] = &mut starts.0;
    let first = match (http.from(b, at), www.from(b, at)) {
        (Some(h), Some(w)) => h.min(w),
        (h, w) => h.or(w)?,
    };
    URL.find_at(text, first)
}

/// The longest account number: "NL91 ABNA 0417 1643 00".
const IBAN_MAX: usize = 22;

/// The first account number from `at` on. It starts with two capitals and two digits,
/// and is at most [`IBAN_MAX`] bytes long: the automaton looks only there, not from the
/// first such place to the end of the text.
fn find_iban(text: &str, at: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut from = at;
    while let Some(c) = iban_start(b, from) {
        // A match that starts later is found from its own start.
        if let Some(m) = IBAN.find_in(text, c..b.len().min(c + IBAN_MAX))
            && m.start == c
        {
            return Some(m);
        }
        from = c + 1;
    }
    None
}

/// The first place from `from` on with two capitals and two digits: 32 places at a time,
/// which the compiler turns into vector instructions.
fn iban_start(b: &[u8], from: usize) -> Option<usize> {
    const W: usize = 32;
    let upper = |c: u8| c.wrapping_sub(b'A') < 26;
    let digit = |c: u8| c.wrapping_sub(b'0') < 10;
    let at = |w: &[u8], k: usize| upper(w[k]) & upper(w[k + 1]) & digit(w[k + 2]) & digit(w[k + 3]);
    let mut i = from;
    while let Some(w) = b.get(i..i + W + 3) {
        let w: &[u8; W + 3] = w.try_into().expect("W + 3 bytes");
        if (0..W).fold(false, |any, k| any | at(w, k)) {
            break;
        }
        i += W;
    }
    b.get(i..)?.windows(4).position(|w| at(w, 0)).map(|p| i + p)
}

/// The first e-mail address from `at` on, as [`special_patterns::EMAIL`] finds it. Every
/// character of an address is a word character or one of `.+-@`, so an address lies
/// inside the run of such characters around an `@`. Where that run is ASCII and what
/// borders it is certainly no word character, the small ASCII automaton finds the same
/// address; otherwise the Unicode one does (its DFA is 370 KB, which costs a letter more
/// than a millisecond to load).
fn find_email(text: &str, at: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let part = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-' | b'@');
    let border = |c: char| {
        if c.is_ascii() {
            !part(c as u8)
        } else {
            NOT_WORD.contains(&c)
        }
    };
    let mut from = at;
    while let Some(off) = memchr::memchr(b'@', &b[from..]) {
        let a = from + off;
        let mut left = a;
        while left > at && b[left - 1].is_ascii() && part(b[left - 1]) {
            left -= 1;
        }
        let mut right = a + 1;
        while right < b.len() && b[right].is_ascii() && part(b[right]) {
            right += 1;
        }
        let left_ok = left == at || text[..left].chars().next_back().is_some_and(border);
        let right_ok = text[right..].chars().next().is_none_or(border);
        if !(left_ok && right_ok) {
            return EMAIL.find_at(text, at);
        }
        if let Some(m) = EMAIL_ASCII.find_in(text, left..right) {
            return Some(m);
        }
        from = right;
    }
    None
}

/// Characters outside ASCII that often stand next to an address and are no word
/// characters.
const NOT_WORD: &[char] = &['’', '‘', '“', '”', '«', '»', '–', '—', '…', '€', '\u{a0}'];

/// Links, addresses and account numbers in `text`, as one regex with the three as
/// alternatives would find them: the leftmost match, of equal starts the earlier kind,
/// and the next search after its end.
fn find_specials(text: &str, lower: &str) -> Vec<(Span, TokenKind)> {
    const KINDS: [TokenKind; 3] = [
        TokenKind::Url,
        TokenKind::Email,
        // An account number is one "word", however it is spaced.
        TokenKind::Number,
    ];
    let mut links = LinkStarts::new();
    let mut find = |k: usize, pos: usize| match k {
        0 => find_url(text, lower, pos, &mut links),
        1 => find_email(text, pos),
        _ => find_iban(text, pos),
    };
    let mut active = [true; 3];
    let mut next: [Option<Range<usize>>; 3] = [None, None, None];
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        for k in 0..3 {
            if active[k] && next[k].as_ref().is_none_or(|m| m.start < pos) {
                next[k] = find(k, pos);
                active[k] = next[k].is_some();
            }
        }
        let Some(k) = (0..3)
            .filter(|&k| active[k])
            .min_by_key(|&k| next[k].as_ref().map(|m| m.start))
        else {
            break;
        };
        let m = next[k].clone().expect("active kinds have a match");
        out.push((Span::new(m.start, m.end), KINDS[k]));
        pos = m.end;
    }
    out
}

/// Tokenise `text`; `lower` is its same-length lowercase copy; `masks` are ranges that
/// become one Placeholder token each.
pub fn tokenize(text: &str, lower: &str, masks: &[Span], lex: &Lexicon) -> Vec<Token> {
    let mut specials: Vec<(Span, TokenKind)> =
        masks.iter().map(|&m| (m, TokenKind::Placeholder)).collect();
    let found = find_specials(text, lower);
    if !found.is_empty() {
        // Masks sorted by start with the furthest end so far: a match overlaps a mask
        // when the masks starting before its end reach past its start (binary search,
        // so a text full of addresses and placeholders stays linear).
        let mut sorted: Vec<Span> = masks.to_vec();
        sorted.sort_by_key(|m| m.start);
        let reach: Vec<usize> = sorted
            .iter()
            .scan(0, |r, m| {
                *r = m.end.max(*r);
                Some(*r)
            })
            .collect();
        let masked = |span: Span| {
            let i = sorted.partition_point(|m| m.start < span.end);
            i > 0 && reach[i - 1] > span.start
        };
        for (span, kind) in found {
            // Links and addresses never overlap each other; only masks can.
            if !masked(span) {
                specials.push((span, kind));
            }
        }
    }
    specials.sort_by_key(|(s, _)| s.start);

    let mut out = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    for (span, kind) in specials {
        if span.start < pos {
            continue;
        }
        scan_gap(text, lower, pos, span.start, lex, &mut out);
        out.push(Token {
            span,
            kind,
            flags: 0,
        });
        pos = span.end;
    }
    scan_gap(text, lower, pos, text.len(), lex, &mut out);
    out
}

/// The tokens of `text[from..to]`: its word segments ([`for_each_word`]), each of the kind
/// its first character says, repaired as they come.
fn scan_gap(text: &str, lower: &str, from: usize, to: usize, lex: &Lexicon, out: &mut Vec<Token>) {
    if from >= to {
        return;
    }
    let bytes = text.as_bytes();
    // Every repair joins a token to the one right before it in the gap: only a token
    // that starts where the last one ends needs one.
    let mut last_end = usize::MAX;
    let gap_start = out.len();
    for_each_word(&text[from..to], |s, e| {
        let (start, end) = (from + s, from + e);
        let kind = match ASCII_KIND[usize::from(bytes[start])] {
            // Only an ASCII symbol can have a mark attached that makes it a word.
            Some(kind) if kind != TokenKind::Symbol || end - start == 1 => kind,
            _ => kind_of(text, start, end),
        };
        out.push(Token {
            span: Span::new(start, end),
            kind,
            flags: 0,
        });
        if start == last_end {
            repair(text, lower, lex, out, gap_start);
        }
        last_end = end;
    });
}

/// The kind of the segment `text[start..end]`, by its first character. Out of line: it
/// is rare (a segment that starts with a character outside ASCII), and the call for every
/// token stays small enough to be inlined into the segment scan.
#[inline(never)]
fn kind_of(text: &str, start: usize, end: usize) -> TokenKind {
    let seg = &text[start..end];
    let c = seg.chars().next().unwrap_or(' ');
    // The common ones first: looking up a character's properties takes a while. No
    // punctuation mark is a letter or a digit.
    if matches!(c, 'À'..='ÿ') && c != '×' && c != '÷' {
        TokenKind::Word
    } else if c == '€' && seg.len() == c.len_utf8() {
        TokenKind::Symbol
    } else if is_punct(c) {
        TokenKind::Punct
    } else if c.is_numeric() {
        TokenKind::Number
    } else if c.is_alphabetic() {
        TokenKind::Word
    } else if is_punct(c) {
        TokenKind::Punct
    } else if seg.chars().any(char::is_alphanumeric) {
        // e.g. a leading combining mark
        TokenKind::Word
    } else {
        TokenKind::Symbol
    }
}

/// [`kind_of`] a one-character segment, for every ASCII byte; `None` for the others.
static ASCII_KIND: [Option<TokenKind>; 256] = {
    let mut t = [None; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        t[b] = Some(if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_ascii_alphabetic() {
            TokenKind::Word
        } else if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        });
        b += 1;
    }
    t
};

const fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        && !matches!(
            c,
            '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' | '#' | '@'
        )
        || matches!(
            c,
            '…' | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '–'
                | '—'
                | '‹'
                | '›'
                | '¡'
                | '¿'
        )
}

fn adjacent(a: &Token, b: &Token) -> bool {
    a.span.end == b.span.start
}

/// Merge the last tokens where Dutch spelling says they form one token. Out of line, as
/// [`kind_of`]: only a token right after another one needs it.
#[inline(never)]
fn repair(text: &str, lower: &str, lex: &Lexicon, out: &mut Vec<Token>, floor: usize) {
    let n = out.len();
    if n - floor < 2 {
        return;
    }
    let last = out[n - 1];
    let prev = out[n - 2];
    // Every repair joins a token to the one right before it: after a space (most
    // tokens) there is nothing to do.
    if !adjacent(&prev, &last) {
        return;
    }
    let s = |t: &Token| &text[t.span.start..t.span.end];
    // A token's text compared as bytes: no slicing at character boundaries.
    let is = |t: &Token, lit: &str| text.as_bytes()[t.span.start..t.span.end] == *lit.as_bytes();

    // Hyphenated compound or date: word-word, btw-nummer, 12-03-2025, niet-betaling.
    if n - floor >= 3 && matches!(last.kind, TokenKind::Word | TokenKind::Number) && is(&prev, "-")
    {
        let first = out[n - 3];
        if matches!(first.kind, TokenKind::Word | TokenKind::Number) && adjacent(&first, &prev) {
            let kind = if first.kind == TokenKind::Number && last.kind == TokenKind::Number {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.truncate(n - 3);
            out.push(Token {
                span: first.span.cover(last.span),
                kind,
                flags: 0,
            });
            return;
        }
    }

    // Elided article or pronoun: 's, 't, 'k, 'n (at the start of a word).
    if last.kind == TokenKind::Word
        && (is(&prev, "'") || is(&prev, "’"))
        && matches!(
            &lower[last.span.start..last.span.end],
            "s" | "t" | "k" | "n"
        )
        && (n - floor == 2 || !adjacent(&out[n - 3], &prev))
        && text[last.span.end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    {
        out.truncate(n - 2);
        out.push(Token {
            span: prev.span.cover(last.span),
            kind: TokenKind::Word,
            flags: 0,
        });
        return;
    }

    // A dot after a word: abbreviation or initial keeps its dot.
    if is(&last, ".") && prev.kind == TokenKind::Word && prev.flags == 0 {
        let with_dot = &lower[prev.span.start..last.span.end];
        let flags = if lex.abbreviation(with_dot).is_some() {
            ABBREV
        } else if is_initials(s(&prev)) {
            ABBREV | INITIAL
        } else {
            0
        };
        if flags != 0 {
            out.truncate(n - 2);
            out.push(Token {
                span: prev.span.cover(last.span),
                kind: TokenKind::Word,
                flags,
            });
        }
        return;
    }

    // Typewriter quotes: '' (closing) and ,, (opening) are one token each.
    if last.kind == TokenKind::Punct
        && ((is(&prev, "'") && is(&last, "'")) || (is(&prev, ",") && is(&last, ",")))
    {
        out.truncate(n - 2);
        out.push(Token {
            span: prev.span.cover(last.span),
            kind: TokenKind::Punct,
            flags: 0,
        });
        return;
    }

    // Runs of terminal punctuation: "...", "?!", "!!".
    if last.kind == TokenKind::Punct
        && prev.kind == TokenKind::Punct
        && is_terminal(s(&prev))
        && is_terminal(s(&last))
    {
        out.truncate(n - 2);
        out.push(Token {
            span: prev.span.cover(last.span),
            kind: TokenKind::Punct,
            flags: 0,
        });
    }
}

/// "J", "J.P", "A.B.C": single capitals separated by dots.
fn is_initials(word: &str) -> bool {
    // Most words before a dot start with a lowercase letter: no need to split them.
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    word.split('.').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    })
}

/// Punctuation that can end a sentence (alone or in a run).
pub fn is_terminal(p: &str) -> bool {
    !p.is_empty() && p.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// A same-length lowercase copy with ASCII whitespace folded to spaces (so phrases match
/// across line breaks). Characters whose lowercase form has another byte length (rare,
/// e.g. 'İ') are kept as they are, so offsets stay valid in both.
pub fn lowercase_same_len(text: &str) -> String {
    const W: usize = 32;
    let bytes = text.as_bytes();
    let mut out = vec![0u8; bytes.len()];
    let mut i = 0;
    while i < bytes.len() {
        // 32 ASCII bytes at a time; where that stops, the bytes before the first other
        // one are done all the same.
        while let (Some(src), Some(dst)) = (bytes.get(i..i + W), out.get_mut(i..i + W)) {
            if !lower_ascii_chunk::<W>(src.try_into().expect("W"), dst.try_into().expect("W")) {
                i += src.iter().position(|b| !b.is_ascii()).unwrap_or(0);
                break;
            }
            i += W;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii() {
            out[i] = ascii_lower(b);
            i += 1;
            continue;
        }
        // U+0080..U+00BF and U+2000..U+20BF (punctuation, currency) have no other case.
        if b == 0xc2 || (b == 0xe2 && bytes[i + 1] <= 0x82) {
            let n = if b == 0xc2 { 2 } else { 3 };
            out[i..i + n].copy_from_slice(&bytes[i..i + n]);
            i += n;
            continue;
        }
        // 'À'..'Þ' (C3 80..9E) but '×' (C3 97) have their lowercase 32 further on.
        if b == 0xc3 {
            let c = bytes[i + 1];
            out[i] = b;
            out[i + 1] = if (0x80..=0x9e).contains(&c) && c != 0x97 {
                c + 0x20
            } else {
                c
            };
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let mut lower = c.to_lowercase();
        let l = match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        };
        l.encode_utf8(&mut out[i..i + c.len_utf8()]);
        i += c.len_utf8();
    }
    String::from_utf8(out).expect("whole characters replaced by whole characters")
}

/// `src` in lowercase into `dst`, when it is all ASCII; otherwise false, and `dst` is
/// to be written again. One loop without branches, which the compiler turns into a few
/// vector instructions (a table lookup or a separate test would stop it).
#[inline]
fn lower_ascii_chunk<const W: usize>(src: &[u8; W], dst: &mut [u8; W]) -> bool {
    let mut any = 0;
    for (d, &b) in dst.iter_mut().zip(src) {
        any |= b;
        *d = ascii_lower(b);
    }
    any.is_ascii()
}

/// An ASCII byte in lowercase, with tab, line feed and carriage return as a space;
/// without branches (see [`lower_ascii_chunk`]).
#[inline]
fn ascii_lower(b: u8) -> u8 {
    let upper = u8::from(b.wrapping_sub(b'A') < 26);
    let space = u8::from(b == b'\t') | u8::from(b == b'\n') | u8::from(b == b'\r');
    let mask = 0u8.wrapping_sub(space);
    ((b | (upper << 5)) & !mask) | (b' ' & mask)
}

#[cfg(test)]
pub(crate) mod reference;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::lexicon;
    use proptest::prelude::*;

    /// The lowercase copy decided character by character: what the table must agree with.
    fn lowercase_by_char(text: &str) -> String {
        text.chars()
            .map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    _ if matches!(c, '\n' | '\r' | '\t') => ' ',
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn lowercase_copy_keeps_every_offset(text in "([A-Za-z \n\r\tÀÉéÏÖ×ÞßàÿİẞΣ’€]|\\PC){0,60}") {
            let lower = lowercase_same_len(&text);
            prop_assert_eq!(lower.len(), text.len());
            prop_assert_eq!(lower, lowercase_by_char(&text));
        }
    }

    /// The special patterns as `regex::Regex`, built once for all cases.
    static REGEXES: LazyLock<Vec<(&str, regex::Regex)>> = LazyLock::new(|| {
        special_patterns::ALL
            .iter()
            .map(|s| (*s, regex::Regex::new(s).unwrap()))
            .collect()
    });

    /// What `regex::Regex` finds for a special pattern from `at` on.
    fn regex_find(source: &str, text: &str, at: usize) -> Option<Range<usize>> {
        regex_of(source).find_at(text, at).map(|m| m.range())
    }

    fn regex_of(source: &str) -> &'static regex::Regex {
        &REGEXES.iter().find(|(s, _)| *s == source).unwrap().1
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The prebuilt DFAs find what `regex` finds, and the ASCII path for addresses finds
        /// what the Unicode address regex finds, on text made of the characters that matter.
        #[test]
        fn special_tokens_are_found_as_regex_finds_them(
            text in "([a-zA-Z0-9_.+@é’ßſ-]|https://|HTTP://|www\\.|WwW\\.| |NL91 ABNA 0417 1643 00|NL91ABNA041716430|\n){0,40}",
            at in 0usize..60,
        ) {
            let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            let lower = lowercase_same_len(&text);
            prop_assert_eq!(find_email(&text, at), regex_find(special_patterns::EMAIL, &text, at));
            prop_assert_eq!(
                find_url(&text, &lower, at, &mut LinkStarts::new()),
                regex_find(special_patterns::URL, &text, at)
            );
            prop_assert_eq!(find_iban(&text, at), regex_find(special_patterns::IBAN, &text, at));
            // The remembered link starts serve later searches as a new search would.
            let mut starts = LinkStarts::new();
            for from in [0, at / 2, at, at + 1] {
                if text.is_char_boundary(from.min(text.len())) {
                    let from = from.min(text.len());
                    prop_assert_eq!(
                        find_url(&text, &lower, from, &mut starts),
                        regex_find(special_patterns::URL, &text, from)
                    );
                }
            }
        }
    }

    /// Random masks on character boundaries of `text`, from numbers.
    fn masks_in(text: &str, cuts: &[(usize, usize)]) -> Vec<Span> {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        cuts.iter()
            .map(|&(a, b)| {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                Span::new(a.min(b), a.max(b))
            })
            .filter(|m| m.start < m.end)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The tokeniser gives the tokens the previous one gave (UAX#29 segments per piece,
        /// each classified and repaired), and the lowercase copy is the previous one.
        #[test]
        fn tokens_are_those_of_the_previous_tokeniser(
            text in reference::rich_text(60),
            cuts in prop::collection::vec((0usize..400, 0usize..400), 0..3),
        ) {
            let lower = lowercase_same_len(&text);
            prop_assert_eq!(&lower, &reference::lowercase_same_len(&text));
            let masks = masks_in(&text, &cuts);
            prop_assert_eq!(
                tokenize(&text, &lower, &masks, lexicon()),
                reference::tokenize(&text, &lower, &masks, lexicon())
            );
        }
    }

    #[test]
    fn corpus_tokens_are_those_of_the_previous_tokeniser() {
        for (name, text) in reference::corpus() {
            let lower = lowercase_same_len(&text);
            assert_eq!(lower, reference::lowercase_same_len(&text), "{name}");
            assert_eq!(
                tokenize(&text, &lower, &[], lexicon()),
                reference::tokenize(&text, &lower, &[], lexicon()),
                "{name}"
            );
        }
    }

    #[test]
    fn special_patterns_are_prebuilt() {
        for source in special_patterns::ALL {
            assert!(
                matches!(Finder::new(source), Ok(Finder::Dfa(_))),
                "{source}"
            );
        }
    }

    #[test]
    fn addresses_next_to_quotes_and_accents() {
        let t = "Mail ‘info@gemeente.nl’ of josé@café.nl of a@b.nl.";
        let want: Vec<_> = regex_of(special_patterns::EMAIL)
            .find_iter(t)
            .map(|m| m.range())
            .collect();
        let mut got = Vec::new();
        let mut at = 0;
        while let Some(m) = find_email(t, at) {
            at = m.end;
            got.push(m);
        }
        assert_eq!(got, want);
        assert_eq!(got.len(), 3);
    }

    fn words(text: &str) -> Vec<&str> {
        let lower = lowercase_same_len(text);
        tokenize(text, &lower, &[], lexicon())
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn dutch_apostrophes_and_hyphens_stay_whole() {
        assert_eq!(
            words("De auto's en zo'n e-mail, 's ochtends: btw-nummer."),
            vec![
                "De",
                "auto's",
                "en",
                "zo'n",
                "e-mail",
                ",",
                "'s",
                "ochtends",
                ":",
                "btw-nummer",
                "."
            ]
        );
    }

    #[test]
    fn numbers_amounts_and_dates() {
        assert_eq!(
            words("€ 1.250,50 of 3,5% om 14.30 uur op 12-03-2025"),
            vec![
                "€",
                "1.250,50",
                "of",
                "3,5",
                "%",
                "om",
                "14.30",
                "uur",
                "op",
                "12-03-2025"
            ]
        );
    }

    #[test]
    fn abbreviations_initials_urls_and_mail() {
        assert_eq!(
            words("Dhr. J.P. de Vries, o.a. via www.helder.nl/b1 of info@helder.nl..."),
            vec![
                "Dhr.",
                "J.P.",
                "de",
                "Vries",
                ",",
                "o.a.",
                "via",
                "www.helder.nl/b1",
                "of",
                "info@helder.nl",
                "..."
            ]
        );
    }

    #[test]
    fn a_link_holding_an_at_sign_stays_one_link() {
        // The link is found first and the address search goes on after it.
        assert_eq!(
            words("Zie https://x.nl/a@b.nl en Www.helder.nl of jan@example.nl."),
            vec![
                "Zie",
                "https://x.nl/a@b.nl",
                "en",
                "Www.helder.nl",
                "of",
                "jan@example.nl",
                "."
            ]
        );
        let doc = crate::text::Document::from_text("Mail b@c.nl of kijk op www.c.nl");
        let kinds: Vec<TokenKind> = doc.tokens.iter().map(|t| t.kind).collect();
        assert!(kinds.contains(&TokenKind::Email) && kinds.contains(&TokenKind::Url));
    }

    #[test]
    fn iban_is_one_token() {
        assert_eq!(
            words("Op NL00 BANK 0123 4567 89 of NL00BANK0123456789."),
            vec![
                "Op",
                "NL00 BANK 0123 4567 89",
                "of",
                "NL00BANK0123456789",
                "."
            ]
        );
    }

    #[test]
    fn quotes_and_question_runs() {
        assert_eq!(
            words("Echt?! ‘Ja.’"),
            vec!["Echt", "?!", "‘", "Ja", ".", "’"]
        );
    }

    #[test]
    fn masks_become_one_token() {
        let text = "Beste {{ naam }}, hoi";
        let lower = lowercase_same_len(text);
        let toks = tokenize(text, &lower, &[Span::new(6, 16)], lexicon());
        assert_eq!(toks[1].kind, TokenKind::Placeholder);
        assert_eq!(toks.len(), 4);
    }

    #[test]
    fn shortcuts_agree_with_the_character_properties() {
        // The lowercase copy keeps these ranges as they are.
        for c in ('\u{80}'..='\u{bf}').chain('\u{2000}'..='\u{20bf}') {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        // `kind_of` asks `is_punct` before `is_numeric` and `is_alphabetic`.
        for c in (char::MIN..='\u{ffff}').filter(|&c| is_punct(c)) {
            assert!(!c.is_numeric() && !c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let t = "İndien ÉÉN";
        assert_eq!(lowercase_same_len(t).len(), t.len());
        assert!(lowercase_same_len(t).ends_with("één"));
    }
}
