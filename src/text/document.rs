//! The document model every rule reads: tokens, sentences and paragraphs (units) of the
//! prose, each with its span. Built once per document; rules never re-tokenise.

use super::letter::Letter;
use super::lexicon::{AbbrevClass, Lexicon, lexicon};
use super::span::Span;
use super::token::{ABBREV, INITIAL, Token, TokenKind};
use super::tokenizer::{is_terminal, lowercase_same_len, tokenize};
use super::vocab::Vocab;
use crate::input::{BlockKind, Prose};
use crate::rules::word_index::leading_word;
use crate::text::word_set::WordSet;
use std::ops::Range;
use std::sync::OnceLock;

/// A unit of text: a paragraph, heading, list item or a line standing on its own.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub kind: UnitKind,
    pub sentences: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Paragraph,
    Heading,
    ListItem,
    /// One line without closing punctuation (address line, salutation, closing).
    Line,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

pub struct Document<'a> {
    /// The prose text (not the source: see [`crate::input::SourceMap`]).
    pub text: &'a str,
    /// Same-length lowercase copy of `text`, for lookups without allocation.
    pub lower: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The letter structure, recognised on first use and shared by all letter rules.
    letter: OnceLock<Option<Letter>>,
    /// The words the text explains itself, shared by the word rules.
    explained: OnceLock<rustc_hash::FxHashSet<String>>,
    /// The distinct words with their classes ([`Document::vocab`]).
    vocab: OnceLock<Vocab>,
    /// This text is a later part of a very large file ([`Document::part`]): it does not
    /// start a letter, so the rules about a letter's structure leave it alone.
    continued: bool,
}

impl<'a> Document<'a> {
    pub fn new(prose: &'a Prose) -> Document<'a> {
        Self::build(&prose.text, &prose.blocks, &prose.masks, lexicon())
    }

    /// The document of `range` of a prose text (see [`crate::report`]: a very large file
    /// is checked part by part), with the blocks and masks of `prose`; `text` is the prose
    /// text (it may live elsewhere than `prose.text`). `range` must not cut a block or
    /// mask (see [`crate::input::Prose::part_ends`]); spans count from `range.start`.
    pub fn part(text: &'a str, prose: &Prose, range: Range<usize>, first: bool) -> Document<'a> {
        if range == (0..text.len()) {
            return Self::build(text, &prose.blocks, &prose.masks, lexicon());
        }
        let shift = |s: Span| Span::new(s.start - range.start, s.end - range.start);
        let inside = |s: &Span| s.start >= range.start && s.end <= range.end;
        let blocks: Vec<crate::input::BlockHint> = prose
            .blocks
            .iter()
            .filter(|b| inside(&b.span))
            .map(|b| crate::input::BlockHint {
                span: shift(b.span),
                kind: b.kind,
            })
            .collect();
        let masks: Vec<Span> = prose
            .masks
            .iter()
            .filter(|m| inside(m))
            .map(|m| shift(*m))
            .collect();
        let mut doc = Self::build(&text[range], &blocks, &masks, lexicon());
        doc.continued = !first;
        doc
    }

    /// A document from plain text (tests, benchmarks).
    pub fn from_text(text: &'a str) -> Document<'a> {
        Self::build(text, &[], &[], lexicon())
    }

    fn build(
        text: &'a str,
        blocks: &[crate::input::BlockHint],
        masks: &[Span],
        lex: &Lexicon,
    ) -> Document<'a> {
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
        let mut doc = Document {
            text,
            lower,
            tokens,
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            letter: OnceLock::new(),
            explained: OnceLock::new(),
            vocab: OnceLock::new(),
            continued: false,
        };
        let mut t = 0;
        for (span, kind) in units {
            while t < doc.tokens.len() && doc.tokens[t].span.start < span.start {
                t += 1;
            }
            let first = t;
            while t < doc.tokens.len() && doc.tokens[t].span.end <= span.end {
                t += 1;
            }
            if first == t {
                continue;
            }
            let p = doc.paragraphs.len();
            let s0 = doc.sentences.len();
            split_sentences(&doc.tokens, text, first..t, p, lex, &mut doc.sentences);
            doc.paragraphs.push(Paragraph {
                span: Span::new(doc.tokens[first].span.start, doc.tokens[t - 1].span.end),
                kind,
                sentences: s0..doc.sentences.len(),
            });
        }
        doc
    }

    pub fn token_text(&self, t: &Token) -> &'a str {
        &self.text[t.span.start..t.span.end]
    }

    pub fn token_lower(&self, t: &Token) -> &str {
        &self.lower[t.span.start..t.span.end]
    }

    /// The lowercase text of every token of `s`, into `words` (cleared first): rules that
    /// look at a sentence's words by position reuse one buffer for all sentences.
    pub fn lower_words<'d>(&'d self, s: &Sentence, words: &mut Vec<&'d str>) {
        words.clear();
        words.extend(self.sentence_tokens(s).iter().map(|t| self.token_lower(t)));
    }

    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// Number of words in a sentence (placeholders, numbers and links count as one).
    pub fn word_count(&self, s: &Sentence) -> usize {
        self.sentence_tokens(s)
            .iter()
            .filter(|t| t.counts_as_word())
            .count()
    }

    /// The letter structure (subject, salutation, body, closing), or `None` when the
    /// text is not a letter. Recognised once per document.
    pub fn letter(&self) -> Option<&Letter> {
        if self.continued {
            return None;
        }
        self.letter.get_or_init(|| Letter::recognise(self)).as_ref()
    }

    /// The letter structure, or, for a text that is not recognised as a letter, the
    /// whole text as one body; `None` when the caller needs a real letter.
    pub fn letter_or_whole(&self, require_letter: bool) -> Option<std::borrow::Cow<'_, Letter>> {
        match self.letter() {
            Some(l) => Some(std::borrow::Cow::Borrowed(l)),
            None if !require_letter => Some(std::borrow::Cow::Owned(Letter::whole(self))),
            None => None,
        }
    }

    /// Words (lowercase) the text explains itself ([`super::explained`]).
    pub fn explained_words(&self) -> &rustc_hash::FxHashSet<String> {
        self.explained
            .get_or_init(|| super::explained::explained_words(self))
    }

    /// The distinct words of the text, each with an id and its word classes: rules
    /// judge a word once per id and test classes as bits. Made on first use.
    pub fn vocab(&self) -> &Vocab {
        self.vocab.get_or_init(|| Vocab::build(self))
    }

    /// Index of the sentence containing a byte offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// The byte length of the [`leading_word`] of `lower[start..]` (a word list's key for a
/// phrase's first word, see [`super::vocab::Vocab::head_len`]): ASCII letters and digits
/// by a byte table, a Latin-1 letter by its two bytes, typographic punctuation, '€' and
/// the no-break space as no letter, and only from another character on through
/// [`leading_word`].
#[inline]
pub(crate) fn head_len(lower: &str, start: usize) -> usize {
    let b = lower.as_bytes();
    let mut j = start;
    while let Some(&x) = b.get(j) {
        if x.is_ascii() {
            if !ALNUM[usize::from(x)] {
                break;
            }
            j += 1;
        } else if x == 0xc3 && b.get(j + 1).is_some_and(|&c| c != 0x97 && c != 0xb7) {
            // 'À'..'ÿ' without '×' and '÷': all letters.
            j += 2;
        } else if matches!(
            b[j..],
            [0xe2, 0x80, ..] | [0xe2, 0x82, 0xac, ..] | [0xc2, 0xa0 | 0xab | 0xbb, ..]
        ) {
            // U+2000..U+203F (dashes, quotes), '€', the no-break space, '«', '»'.
            break;
        } else {
            return j - start + leading_word(&lower[j..]).len();
        }
    }
    j - start
}

/// ASCII letters and digits.
static ALNUM: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// [`Document::sentence_at`] for offsets that never go down (matches in text order):
/// it walks on from its last answer instead of searching all sentences each time.
#[derive(Default)]
pub struct SentenceCursor(usize);

impl SentenceCursor {
    pub fn at(&mut self, doc: &Document, offset: usize) -> Option<usize> {
        let sentences = &doc.sentences;
        while self.0 < sentences.len() && sentences[self.0].span.end <= offset {
            self.0 += 1;
        }
        (self.0 < sentences.len() && sentences[self.0].span.start <= offset).then_some(self.0)
    }
}

fn unit_kind_of(unit: &str) -> UnitKind {
    let single_line = !unit.trim().contains('\n');
    if single_line && !ends_with_closing_punct(unit) {
        UnitKind::Line
    } else {
        UnitKind::Paragraph
    }
}

fn ends_with_closing_punct(line: &str) -> bool {
    // Most lines end in an ASCII character that is no space, quote or bracket.
    if let Some(&last) = line.as_bytes().last()
        && last.is_ascii()
        && !is_space(last)
        && !matches!(last, b'"' | b'\'' | b')' | b']')
    {
        return matches!(last, b'.' | b'!' | b'?' | b':' | b';');
    }
    let t = line
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// List marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ", "a) ".
pub(super) fn list_marker(line: &str) -> bool {
    let l = line.trim_start();
    if l.starts_with("- ") || l.starts_with("* ") || l.starts_with("• ") || l.starts_with("– ")
    {
        return true;
    }
    let digits = l.chars().take_while(char::is_ascii_digit).count();
    let rest = &l[digits..];
    if (1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return true;
    }
    let mut cs = l.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some(')'), Some(' ')) if c.is_ascii_lowercase())
}

/// Units of plain text: blank lines separate paragraphs; a list item or a short line
/// without closing punctuation followed by a capitalised line starts a unit of its own.
pub(crate) fn plain_units(text: &str) -> Vec<(Span, UnitKind)> {
    let mut units = Vec::new();
    let mut cur: Option<(usize, usize, usize, UnitKind)> = None; // start, end, lines, kind
    let mut prev_line = "";
    let finish = |cur: &mut Option<(usize, usize, usize, UnitKind)>,
                  units: &mut Vec<(Span, UnitKind)>| {
        if let Some((s, e, lines, kind)) = cur.take() {
            // A unit of one line holds no line break: `unit_kind_of` without looking.
            let kind = if kind == UnitKind::Paragraph && lines == 1 {
                if ends_with_closing_punct(&text[s..e]) {
                    UnitKind::Paragraph
                } else {
                    UnitKind::Line
                }
            } else {
                kind
            };
            units.push((Span::new(s, e), kind));
        }
    };
    let bytes = text.as_bytes();
    let mut breaks = memchr::memchr_iter(b'\n', bytes);
    let mut start = 0;
    while start < bytes.len() {
        // The line with its line break, as `split_inclusive('\n')` gives it.
        let next = breaks.next().map_or(bytes.len(), |nl| nl + 1);
        let mut end = next;
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let line = &text[start..end];
        let line_start = start;
        start = next;
        if is_blank(line) {
            finish(&mut cur, &mut units);
            prev_line = "";
            continue;
        }
        let (is_item, is_heading, starts_upper) = line_opening(line);
        let breaks = cur.is_some()
            && (is_item
                || is_heading
                || (!ends_with_closing_punct(prev_line)
                    && starts_upper
                    && at_most_chars(prev_line, 60))
                || matches!(cur, Some((_, _, _, UnitKind::Heading))));
        if breaks {
            finish(&mut cur, &mut units);
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
                cur = Some((line_start, end, 1, kind));
            }
        }
        prev_line = line;
    }
    finish(&mut cur, &mut units);
    units
}

/// Whether a line that is not blank starts a list item, starts a heading, and starts with
/// a capital or a digit. A line that starts with an ASCII character other than whitespace
/// is decided by its first bytes.
fn line_opening(line: &str) -> (bool, bool, bool) {
    let b = line.as_bytes();
    let first = b[0];
    if !first.is_ascii() || is_space(first) {
        let l = line.trim_start();
        let is_heading = l.starts_with("# ") || l.starts_with("## ");
        let starts_upper = l
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        return (list_marker(line), is_heading, starts_upper);
    }
    let second = b.get(1).copied();
    let is_item = match first {
        b'-' | b'*' => second == Some(b' '),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            digits <= 3 && matches!(b[digits..], [b'.' | b')', b' ', ..])
        }
        b'a'..=b'z' => matches!(b[1..], [b')', b' ', ..]),
        _ => false,
    };
    let is_heading = first == b'#' && (b[1..].starts_with(b" ") || b[1..].starts_with(b"# "));
    (
        is_item,
        is_heading,
        first.is_ascii_uppercase() || first.is_ascii_digit(),
    )
}

/// ASCII whitespace, as `char::is_whitespace` has it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `line.trim().is_empty()`, deciding an ASCII character by its byte.
fn is_blank(line: &str) -> bool {
    match line.bytes().find(|&b| !is_space(b)) {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// `line.chars().count() <= n`, counting only when the byte length does not decide it.
fn at_most_chars(line: &str, n: usize) -> bool {
    line.len() <= n || (line.len() <= 4 * n && line.chars().count() <= n)
}

const CLOSERS: &[&str] = &["\"", "'", "''", "’", "”", ")", "]", "»", "›"];
const QUOTES: &[&str] = &["\"", "'", "''", "’", "”"];

/// Words that often open a sentence and are not surnames: after an initial ("plan B.")
/// they start a new sentence.
static SENTENCE_OPENERS: WordSet = WordSet::new(&[
    "de", "het", "een", "dit", "dat", "deze", "die", "wij", "we", "u", "ik", "hij", "zij", "ze",
    "je", "jij", "er", "daarna", "dan", "als", "in", "op", "met", "voor", "na", "bij", "maar",
    "en", "of", "want", "ook", "toen", "nu", "zo", "daarom", "wat", "wie", "waar", "hoe", "waarom",
    "heeft", "is", "was", "kunt", "kan", "wilt", "hebt",
]);

pub(super) fn split_sentences(
    tokens: &[Token],
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    lex: &Lexicon,
    out: &mut Vec<Sentence>,
) {
    let s = |t: &Token| &text[t.span.start..t.span.end];
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        let mut boundary_after = None;
        if t.kind == TokenKind::Punct && is_terminal(s(t)) {
            let mut j = i + 1;
            while j < range.end
                && tokens[j].kind == TokenKind::Punct
                && CLOSERS.contains(&s(&tokens[j]))
                && (tokens[j].span.start == tokens[j - 1].span.end
                    // A quote after a space closes when nothing follows it directly:
                    // `houden. ''` (the next word would otherwise touch an opening quote).
                    || QUOTES.contains(&s(&tokens[j]))
                        && tokens.get(j + 1).is_none_or(|n| n.span.start > tokens[j].span.end)
                        && (j + 1 == range.end || tokens[j + 1].span.start > tokens[j].span.end))
            {
                j += 1;
            }
            let list_number = s(t) == "."
                && i > start
                && i - 1 == start
                && tokens[i - 1].kind == TokenKind::Number;
            if !list_number && (j == range.end || starts_sentence(tokens, text, j - 1, j, s(t))) {
                boundary_after = Some(j);
            }
        } else if t.has(ABBREV) && i + 1 < range.end {
            let next = &tokens[i + 1];
            let next_upper = next.span.start > t.span.end && starts_upper(s(next));
            let ends = if t.has(INITIAL) {
                // "J. de Vries" continues; "plan B. Daarna gaan we" ends: after an
                // initial, only a common sentence opener starts a new sentence.
                next_upper
                    && SENTENCE_OPENERS.contains(s(next).to_lowercase().as_str())
                    && tokens
                        .get(i + 2)
                        .is_none_or(|n| !starts_upper(s(n)) || i + 2 >= range.end)
            } else {
                let lower = s(t).to_lowercase();
                matches!(
                    lex.abbreviation(&lower).map(|a| a.class),
                    Some(AbbrevClass::End | AbbrevClass::Known)
                ) && next_upper
            };
            if ends {
                boundary_after = Some(i + 1);
            }
        }
        if let Some(j) = boundary_after {
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[j - 1].span.end),
                tokens: start..j,
                paragraph,
            });
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    if start < range.end {
        out.push(Sentence {
            span: Span::new(tokens[start].span.start, tokens[range.end - 1].span.end),
            tokens: start..range.end,
            paragraph,
        });
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Does the token at `next` start a new sentence after the punctuation ending at `last`?
fn starts_sentence(tokens: &[Token], text: &str, last: usize, next: usize, punct: &str) -> bool {
    let n = &tokens[next];
    if n.span.start == tokens[last].span.end {
        return false; // no space: "3.5", "zie.nl"
    }
    let word = &text[n.span.start..n.span.end];
    let c = word.chars().next().unwrap_or(' ');
    if c.is_uppercase() || c.is_numeric() {
        return true;
    }
    if c.is_lowercase() {
        // "'s Avonds" and "'t" start sentences too.
        return word.starts_with('\'') || word.starts_with('’');
    }
    match n.kind {
        TokenKind::Punct => {
            // Opening quotes and brackets, ",," (old-style low quote), dashes.
            matches!(
                c,
                '"' | '\'' | '‘' | '“' | '„' | '(' | '[' | '«' | '-' | '–' | '—' | '‚'
            ) || text[n.span.start..].starts_with(",,")
                || punct != "."
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenizer::reference::{self, Built};
    use proptest::prelude::*;

    /// The document of `text` (with `blocks` and `masks`) is the one the previous code
    /// built: lowercase copy, tokens, sentences, paragraphs, heads and explained words.
    fn same_as_before(text: &str, blocks: &[crate::input::BlockHint], masks: &[Span]) {
        let doc = Document::build(text, blocks, masks, lexicon());
        assert_eq!(
            Built::of(&doc),
            reference::build(text, blocks, masks, lexicon()),
            "{text:?}"
        );
        assert_eq!(
            *doc.explained_words(),
            reference::explained_words(&doc),
            "{text:?}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn documents_are_those_of_the_previous_code(text in reference::rich_text(80)) {
            same_as_before(&text, &[], &[]);
        }
    }

    #[test]
    fn corpus_documents_are_those_of_the_previous_code() {
        for (name, text) in reference::corpus() {
            same_as_before(&text, &[], &[]);
            // As the loader reads it: blocks of the markup formats, template masks.
            let format = crate::input::Format::from_path(std::path::Path::new(&name))
                .unwrap_or(crate::input::Format::Text);
            if let Ok(loaded) = crate::input::load(text.as_bytes(), format) {
                let p = &loaded.prose;
                same_as_before(loaded.prose_text(), &p.blocks, &p.masks);
            }
        }
    }

    #[test]
    fn head_len_stops_where_leading_word_stops() {
        for c in ('\u{2000}'..='\u{203f}').chain(['€', '\u{a0}', '«', '»']) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            let text = format!("ab{c}cd");
            assert_eq!(head_len(&text, 0), 2, "{c:?}");
        }
    }

    #[test]
    fn sentence_cursor_answers_as_sentence_at() {
        let doc = Document::from_text("Eén zin.  Twee zinnen!\n\nNog een kop\nEn een regel? Ja.");
        let mut cursor = SentenceCursor::default();
        let mut inside = 0;
        for offset in 0..=doc.text.len() + 1 {
            assert_eq!(cursor.at(&doc, offset), doc.sentence_at(offset), "{offset}");
            inside += usize::from(doc.sentence_at(offset).is_some());
        }
        // Offsets between sentences belong to none: both cases were tried.
        assert!(inside > 0 && inside < doc.text.len());
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::from_text(text);
        doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Dhr. J.P. de Vries belt o.a. over nr. 5. Hij is er om 14.30 uur."),
            vec![
                "Dhr. J.P. de Vries belt o.a. over nr. 5.",
                "Hij is er om 14.30 uur."
            ]
        );
    }

    #[test]
    fn enz_can_end_a_sentence() {
        assert_eq!(
            sentences("Neem pen, papier enz. mee. Dan lukt het."),
            vec!["Neem pen, papier enz. mee.", "Dan lukt het."]
        );
        assert_eq!(
            sentences("Neem pen, papier enz. Dan lukt het."),
            vec!["Neem pen, papier enz.", "Dan lukt het."]
        );
    }

    #[test]
    fn quotes_brackets_and_question_runs() {
        assert_eq!(
            sentences("Hij zei: \"Kom morgen.\" Dat doe ik. (Echt waar.) Echt?! Ja..."),
            vec![
                "Hij zei: \"Kom morgen.\"",
                "Dat doe ik.",
                "(Echt waar.)",
                "Echt?!",
                "Ja..."
            ]
        );
        assert_eq!(
            sentences("\"Wat nu?\" vroeg hij."),
            vec!["\"Wat nu?\" vroeg hij."]
        );
    }

    #[test]
    fn amounts_dates_urls_and_mail_are_not_boundaries() {
        assert_eq!(
            sentences(
                "Betaal € 1.250,50 vóór 12-03-2025 via www.x.nl/betalen. Mail info@x.nl. Klaar."
            ),
            vec![
                "Betaal € 1.250,50 vóór 12-03-2025 via www.x.nl/betalen.",
                "Mail info@x.nl.",
                "Klaar."
            ]
        );
    }

    #[test]
    fn units_lines_and_list_items() {
        let text = "Betreft: uw aanvraag\n\nGeachte heer Jansen,\n\nU krijgt geld. Dat is fijn.\n1. Vul het formulier in.\n2. Stuur het op.\n- punt een\n- punt twee\n\nMet vriendelijke groet,\nGemeente Lindenburg\n";
        let doc = Document::from_text(text);
        let kinds: Vec<(UnitKind, &str)> = doc
            .paragraphs
            .iter()
            .map(|p| (p.kind, doc.slice(p.span)))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (UnitKind::Line, "Betreft: uw aanvraag"),
                (UnitKind::Line, "Geachte heer Jansen,"),
                (UnitKind::Paragraph, "U krijgt geld. Dat is fijn."),
                (UnitKind::ListItem, "1. Vul het formulier in."),
                (UnitKind::ListItem, "2. Stuur het op."),
                (UnitKind::ListItem, "- punt een"),
                (UnitKind::ListItem, "- punt twee"),
                (UnitKind::Line, "Met vriendelijke groet,"),
                (UnitKind::Line, "Gemeente Lindenburg"),
            ]
        );
        let item = &doc.sentences[doc.paragraphs[3].sentences.start];
        assert_eq!(doc.slice(item.span), "1. Vul het formulier in.");
    }

    #[test]
    fn wrapped_lines_stay_one_paragraph() {
        let text = "Dit is een lange zin die over\nde regel heen loopt. En nog een.\n";
        assert_eq!(
            sentences(text),
            vec![
                "Dit is een lange zin die over\nde regel heen loopt.",
                "En nog een."
            ]
        );
    }

    #[test]
    fn initial_after_plain_word_can_end_sentence() {
        assert_eq!(
            sentences("Dat is plan B. Daarna gaan we."),
            vec!["Dat is plan B.", "Daarna gaan we."]
        );
    }
}
