//! The tokeniser, segmenter and document splitting as they were before the table-driven
//! rewrite: the oracle the property tests compare the current code with. Test code only;
//! kept verbatim where possible. What the rewrite left as it was (sentence splitting, list
//! markers, the link and address patterns, small helpers) is used from the current code.

use crate::text::UnitKind;
use crate::text::lexicon::Lexicon;
use crate::text::span::Span;
use crate::text::token::{ABBREV, INITIAL, Token, TokenKind};
use crate::text::{Document, Sentence};
use rustc_hash::FxHashSet;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

use super::{EMAIL, EMAIL_ASCII, IBAN, NOT_WORD, URL, adjacent, is_initials, is_terminal};
use crate::rules::word_index::leading_word;
use crate::text::document::{list_marker, split_sentences};
use crate::text::segment::is_space;

/// The first link from `at` on. A link starts with "http" or "www." in any case, so the
/// automaton starts at the first place that does: a text with one link near its end is
/// not run through the automaton from every earlier match on. The match is the same,
/// because the automaton still sees what comes before for its word boundary. One scan
/// that stops at the first of the two: searching for each separately would scan to the
/// end of the text for the one that is missing, at every link (quadratic in the links).
fn find_url(text: &str, lower: &str, at: usize) -> Option<Range<usize>> {
    let b = lower.as_bytes();
    let first = (at..b.len()).find(|&i| {
        matches!(b[i], b'h' | b'w') && (b[i..].starts_with(b"http") || b[i..].starts_with(b"www."))
    })?;
    URL.find_at(text, first)
}

/// The first account number from `at` on; it starts with two capitals and two digits.
fn find_iban(text: &str, _lower: &str, at: usize) -> Option<Range<usize>> {
    let first = text.as_bytes()[at..].windows(4).position(iban_start)?;
    IBAN.find_at(text, at + first)
}

fn iban_start(w: &[u8]) -> bool {
    w[0].is_ascii_uppercase()
        && w[1].is_ascii_uppercase()
        && w[2].is_ascii_digit()
        && w[3].is_ascii_digit()
}

/// The first e-mail address from `at` on, as [`special_patterns::EMAIL`] finds it. Every
/// character of an address is a word character or one of `.+-@`, so an address lies
/// inside the run of such characters around an `@`. Where that run is ASCII and what
/// borders it is certainly no word character, the small ASCII automaton finds the same
/// address; otherwise the Unicode one does (its DFA is 370 KB, which costs a letter more
/// than a millisecond to load).
fn find_email(text: &str, _lower: &str, at: usize) -> Option<Range<usize>> {
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
    while let Some(off) = b[from..].iter().position(|&c| c == b'@') {
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

/// Links, addresses and account numbers in `text`, as one regex with the three as
/// alternatives would find them: the leftmost match, of equal starts the earlier kind,
/// and the next search after its end.
fn find_specials(text: &str, lower: &str) -> Vec<(Span, TokenKind)> {
    let b = text.as_bytes();
    type Find = fn(&str, &str, usize) -> Option<Range<usize>>;
    let kinds: [(bool, Find, TokenKind); 3] = [
        (
            lower.contains("://") || lower.contains("www."),
            find_url,
            TokenKind::Url,
        ),
        (memchr_any(b, b'@'), find_email, TokenKind::Email),
        // An account number is one "word", however it is spaced.
        (b.windows(4).any(iban_start), find_iban, TokenKind::Number),
    ];
    let mut active = kinds.map(|(may, _, _)| may);
    let mut next: [Option<Range<usize>>; 3] = [None, None, None];
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        for (k, (_, find, _)) in kinds.iter().enumerate() {
            if active[k] && next[k].as_ref().is_none_or(|m| m.start < pos) {
                next[k] = find(text, lower, pos);
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
        out.push((Span::new(m.start, m.end), kinds[k].2));
        pos = m.end;
    }
    out
}

fn memchr_any(b: &[u8], needle: u8) -> bool {
    b.contains(&needle)
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

fn scan_gap(text: &str, lower: &str, from: usize, to: usize, lex: &Lexicon, out: &mut Vec<Token>) {
    if from >= to {
        return;
    }
    let gap_start = out.len();
    for_each_segment(&text[from..to], |off, seg| {
        let c = seg.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            return;
        }
        let start = from + off;
        let kind = if c.is_numeric() {
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
        };
        out.push(Token {
            span: Span::new(start, start + seg.len()),
            kind,
            flags: 0,
        });
        repair(text, lower, lex, out, gap_start);
    });
}

fn is_punct(c: char) -> bool {
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

/// Merge the last tokens where Dutch spelling says they form one token.
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

    // Hyphenated compound or date: word-word, btw-nummer, 12-03-2025, niet-betaling.
    if n - floor >= 3 && matches!(last.kind, TokenKind::Word | TokenKind::Number) && s(&prev) == "-"
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
        && matches!(s(&prev), "'" | "’")
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
    if s(&last) == "." && prev.kind == TokenKind::Word && prev.flags == 0 {
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
        && ((s(&prev) == "'" && s(&last) == "'") || (s(&prev) == "," && s(&last) == ","))
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

/// A same-length lowercase copy with ASCII whitespace folded to spaces (so phrases match
/// across line breaks). Characters whose lowercase form has another byte length (rare,
/// e.g. 'İ') are kept as they are, so offsets stay valid in both.
pub fn lowercase_same_len(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII at a time, through a table; a character lookup only where needed.
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        out.extend(
            bytes[i..i + run]
                .iter()
                .map(|&b| ASCII_LOWER[usize::from(b)]),
        );
        i += run;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let mut lower = c.to_lowercase();
        let l = match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        };
        out.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
        i += c.len_utf8();
    }
    String::from_utf8(out).expect("whole characters replaced by whole characters")
}

/// ASCII lowercase, with tab, line feed and carriage return as a space.
static ASCII_LOWER: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\n' | b'\r' | b'\t' => b' ',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

// ---- segment.rs ----

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

// ---- document.rs ----

fn unit_kind_of(unit: &str) -> UnitKind {
    let single_line = !unit.trim().contains('\n');
    if single_line && !ends_with_closing_punct(unit) {
        UnitKind::Line
    } else {
        UnitKind::Paragraph
    }
}

fn ends_with_closing_punct(line: &str) -> bool {
    let t = line
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Units of plain text: blank lines separate paragraphs; a list item or a short line
/// without closing punctuation followed by a capitalised line starts a unit of its own.
pub(crate) fn plain_units(text: &str) -> Vec<(Span, UnitKind)> {
    let mut units = Vec::new();
    let mut cur: Option<(usize, usize, usize, UnitKind)> = None; // start, end, lines, kind
    let mut prev_line = "";
    let mut offset = 0;
    let finish = |cur: &mut Option<(usize, usize, usize, UnitKind)>,
                  units: &mut Vec<(Span, UnitKind)>,
                  text: &str| {
        if let Some((s, e, lines, kind)) = cur.take() {
            let kind = if kind == UnitKind::Paragraph && lines == 1 {
                unit_kind_of(&text[s..e])
            } else {
                kind
            };
            units.push((Span::new(s, e), kind));
        }
    };
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let end = start + line.len();
        if line.trim().is_empty() {
            finish(&mut cur, &mut units, text);
            prev_line = "";
            continue;
        }
        let is_item = list_marker(line);
        let is_heading =
            line.trim_start().starts_with("# ") || line.trim_start().starts_with("## ");
        let starts_upper = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let breaks = cur.is_some()
            && (is_item
                || is_heading
                || (!ends_with_closing_punct(prev_line)
                    && starts_upper
                    && prev_line.chars().count() <= 60)
                || matches!(cur, Some((_, _, _, UnitKind::Heading))));
        if breaks {
            finish(&mut cur, &mut units, text);
        }
        match &mut cur {
            Some((_, e, lines, _)) => {
                *e = end;
                *lines += 1;
            }
            None => {
                let kind = if is_item {
                    UnitKind::ListItem
                } else if is_heading {
                    UnitKind::Heading
                } else {
                    UnitKind::Paragraph
                };
                cur = Some((start, end, 1, kind));
            }
        }
        prev_line = line;
    }
    finish(&mut cur, &mut units, text);
    units
}

// ---- explained.rs ----

/// Phrases after "X," or "X:" that explain X ("X, dat wil zeggen …").
const EXPLAINERS: &[&str] = &[
    "dat wil zeggen",
    "d.w.z.",
    "dat is",
    "dat zijn",
    "dat betekent",
    "dit betekent",
    "wat betekent",
    "dat houdt in",
    "oftewel",
    "ofwel",
    "met andere woorden",
    "m.a.w.",
    "namelijk",
    "dit is",
    "zo heet",
];

/// Words (lowercase) the text explains itself, so they are fine everywhere in it:
/// "X (…)", "X, dat wil zeggen …", "X: dat is …", and a single word in brackets after
/// its explanation ("Algemene wet bestuursrecht (Awb)").
pub fn explained_words(doc: &Document) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let toks = &doc.tokens;
    let text = |i: usize| doc.token_lower(&toks[i]);
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        // Every mark that explains is punctuation: other words stop here.
        let Some(next) = toks
            .get(i + 1)
            .filter(|n| n.kind == TokenKind::Punct)
            .map(|_| text(i + 1))
        else {
            continue;
        };
        let explained = match next {
            "(" => true,
            "," | ":" | "–" | "-" | "—" => {
                // The next (up to four) words start with an explainer, word for word. A
                // comma follows one word in ten: no list or string is made for it.
                let mut next_words = toks[i + 2..]
                    .iter()
                    .take(4)
                    .take_while(|t| t.kind == TokenKind::Word)
                    .map(|t| doc.token_lower(t));
                next_words.next().is_some_and(|first| {
                    EXPLAINERS.iter().any(|e| {
                        let (head, tail) = e.split_once(' ').unwrap_or((e, ""));
                        head == first
                            && (tail.is_empty()
                                || next_words
                                    .clone()
                                    .take(tail.split(' ').count())
                                    .eq(tail.split(' ')))
                    })
                })
            }
            _ => false,
        };
        let in_brackets = i > 0 && text(i - 1) == "(" && next == ")";
        if explained || in_brackets {
            out.insert(text(i).to_owned());
        }
    }
    out
}

// ---- Document::build, and the heads of Vocab ----

/// What `Document::build` made of a text, as plain values.
#[derive(Debug, PartialEq)]
pub struct Built {
    pub lower: String,
    pub tokens: Vec<Token>,
    /// Span, token range, paragraph.
    pub sentences: Vec<(Span, Range<usize>, usize)>,
    /// Span, kind, sentence range.
    pub paragraphs: Vec<(Span, UnitKind, Range<usize>)>,
    pub heads: Vec<u32>,
}

impl Built {
    /// The same values of a document built by the current code.
    pub fn of(doc: &Document) -> Built {
        Built {
            lower: doc.lower.clone(),
            tokens: doc.tokens.clone(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| (s.span, s.tokens.clone(), s.paragraph))
                .collect(),
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| (p.span, p.kind, p.sentences.clone()))
                .collect(),
            heads: (0..doc.tokens.len())
                .map(|i| doc.vocab().head_len(doc, i) as u32)
                .collect(),
        }
    }
}

/// `Document::build` as it was.
pub fn build(
    text: &str,
    blocks: &[crate::input::BlockHint],
    masks: &[Span],
    lex: &Lexicon,
) -> Built {
    use crate::input::BlockKind;
    let lower = lowercase_same_len(text);
    let tokens = tokenize(text, &lower, masks, lex);
    let units: Vec<(Span, UnitKind)> = if blocks.is_empty() {
        plain_units(text)
    } else {
        blocks
            .iter()
            .map(|b| {
                let kind = match b.kind {
                    BlockKind::Heading => UnitKind::Heading,
                    BlockKind::ListItem => UnitKind::ListItem,
                    BlockKind::Paragraph => unit_kind_of(&text[b.span.start..b.span.end]),
                };
                (b.span, kind)
            })
            .collect()
    };
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut t = 0;
    for (span, kind) in units {
        while t < tokens.len() && tokens[t].span.start < span.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= span.end {
            t += 1;
        }
        if first == t {
            continue;
        }
        let p = paragraphs.len();
        let s0 = sentences.len();
        split_sentences(&tokens, text, first..t, p, lex, &mut sentences);
        paragraphs.push((
            Span::new(tokens[first].span.start, tokens[t - 1].span.end),
            kind,
            s0..sentences.len(),
        ));
    }
    let heads = tokens
        .iter()
        .map(|t| leading_word(&lower[t.span.start..]).len() as u32)
        .collect();
    Built {
        sentences: sentences
            .into_iter()
            .map(|s| (s.span, s.tokens, s.paragraph))
            .collect(),
        lower,
        tokens,
        paragraphs,
        heads,
    }
}

// ---- test input ----

/// Pieces of random text for the property tests: every ASCII character, the non-ASCII
/// characters Dutch letters hold (and a few that test the Unicode path), and fragments of
/// what the tokeniser and the document splitter treat apart.
const PIECES: &[&str] = &[
    "a",
    "e",
    "s",
    "t",
    "k",
    "n",
    "x",
    "B",
    "J",
    "P",
    "Q",
    "Z",
    "0",
    "1",
    "9",
    "42",
    " ",
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n",
    "\r\n",
    "\n\n",
    "\r",
    "\u{b}",
    "\u{c}",
    "!",
    "\"",
    "#",
    "$",
    "%",
    "&",
    "'",
    "(",
    ")",
    "*",
    "+",
    ",",
    "-",
    ".",
    "/",
    ":",
    ";",
    "<",
    "=",
    ">",
    "?",
    "@",
    "[",
    "\\",
    "]",
    "^",
    "_",
    "`",
    "{",
    "|",
    "}",
    "~",
    "\u{0}",
    "\u{1c}",
    "\u{7f}",
    "é",
    "ë",
    "ï",
    "ó",
    "Ö",
    "ÿ",
    "×",
    "÷",
    "’",
    "‘",
    "“",
    "”",
    "„",
    "«",
    "»",
    "–",
    "—",
    "…",
    "€",
    "\u{a0}",
    "\u{301}",
    "\u{200d}",
    "\u{ad}",
    "ß",
    "İ",
    "³",
    "😀",
    "\u{1f1f3}",
    "https://",
    "HTTP://",
    "www.",
    "WWW.",
    "NL91 ABNA 0417 1643 00",
    "NL91ABNA0417164300",
    "info@x.nl",
    "@",
    "d.w.z.",
    "'s",
    "’t",
    "J.P.",
    "e-mail",
    "{{naam}}",
    "{{#if x}}",
    "${x}",
    "[NAAM]",
    "%s",
    "<<X>>",
    "«Naam»",
    "Dhr.",
    "dhr.",
    "enz.",
    "o.a.",
    "nr.",
    "1.250,50",
    "14.30",
    "12-03-2025",
    "...",
    "?!",
    "''",
    ",,",
    "De ",
    "Het ",
    "Dat ",
    "dat wil zeggen",
    "dat is",
    "oftewel",
    "Awb",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "a) ",
    "# ",
    "## ",
    "• ",
    "café",
    "vóór",
    "Coöperatie",
    "plan B. Daarna",
    "Geachte heer,",
    "Met vriendelijke groet,",
    "‚",
    "‹",
    "›",
    "auto’s",
    "1’5",
    "a’\u{301}",
    "’’",
];

/// Random text made of [`PIECES`].
pub fn rich_text(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

/// The text files of the test corpus (and the examples).
pub fn corpus() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![
        std::path::PathBuf::from("tests/corpus"),
        "voorbeelden".into(),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((path.display().to_string(), text));
            }
        }
    }
    files.sort();
    files
}
