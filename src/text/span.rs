//! Byte spans and the mapping from byte offsets to line:column.

use serde::Serialize;

/// A half-open byte range `[start, end)` in some text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A 1-based line and column; the column counts Unicode scalar values (characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line, for turning byte offsets into line:column.
/// A line ends after `\n`, so CRLF files count lines the same way as LF files.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Character counts at regular byte offsets, built on first need: a column on a very
    /// long line (a one-line HTML mail, one sentence of 100,000 words) or a file offset in
    /// Windows-1252 or UTF-16 then costs at most [`MARK_BYTES`] of counting, not the
    /// whole text before it.
    marks: std::sync::OnceLock<Vec<Mark>>,
}

/// Bytes between two [`Mark`]s.
const MARK_BYTES: usize = 4096;

/// Characters and UTF-16 code units before byte offset `byte`.
#[derive(Clone, Copy, Debug)]
struct Mark {
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            marks: std::sync::OnceLock::new(),
        }
    }

    /// Line and column of `offset` in `text` (the same text the index was built from).
    /// An offset inside a multi-byte character is rounded down to that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let end = text.floor_char_boundary(offset);
        let column = if end - start <= 2 * MARK_BYTES {
            text[start..end].chars().count()
        } else {
            self.count(text, end).0 - self.count(text, start).0
        } + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Characters before byte offset `offset` of `text` (rounded down to a character).
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        self.count(text, offset).0
    }

    /// UTF-16 code units before byte offset `offset` of `text`.
    pub fn utf16_before(&self, text: &str, offset: usize) -> usize {
        self.count(text, offset).1
    }

    /// (characters, UTF-16 units) before `offset`, from the nearest mark.
    fn count(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let tail = |from: usize| {
            text[from..offset]
                .chars()
                .fold((0, 0), |(c, u), ch| (c + 1, u + ch.len_utf16()))
        };
        if offset <= 2 * MARK_BYTES {
            return tail(0);
        }
        let marks = self.marks.get_or_init(|| marks(text));
        let m = marks[marks.partition_point(|m| m.byte <= offset) - 1];
        let (c, u) = tail(m.byte);
        (m.chars + c, m.utf16 + u)
    }

    /// Byte range of a 1-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        let mut e = end;
        while e > start && (bytes[e - 1] == b'\n' || bytes[e - 1] == b'\r') {
            e -= 1;
        }
        Span::new(start, e)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::with_capacity(text.len() / MARK_BYTES + 1);
    let (mut byte, mut chars, mut utf16) = (0, 0, 0);
    loop {
        out.push(Mark { byte, chars, utf16 });
        if byte >= text.len() {
            return out;
        }
        let next = text.ceil_char_boundary(byte + MARK_BYTES);
        for ch in text[byte..next].chars() {
            chars += 1;
            utf16 += ch.len_utf16();
        }
        byte = next;
    }
}

/// Characters in `s`: its length in bytes when it is ASCII (a word at a time).
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Line and column of many offsets in one text, for offsets that mostly come in text
/// order (findings sorted by place): the line is found by stepping on from the line of
/// the offset before, and the column by counting on from that offset, instead of a
/// binary search over every line start and a count from the line start. Any order gives
/// what [`LineIndex::line_col`] gives; going back on a line counts from its start again.
#[derive(Clone, Debug)]
pub struct LineCursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// 0-based line of the offset before.
    line: usize,
    /// Start of that line, and of the next one (`usize::MAX` after the last line).
    start: usize,
    next: usize,
    /// Whether that line is ASCII (and not longer than [`ASCII_LINE`]): then a column is
    /// the distance in bytes.
    ascii: bool,
    /// Otherwise a character boundary on the line, and the characters from the line
    /// start to it.
    at: usize,
    chars: usize,
}

/// Lines a cursor steps over one by one before it searches.
const STEPS: usize = 8;

/// The longest line a cursor checks for ASCII when it moves to it (a line it may come
/// back to often, so the check must stay cheap).
const ASCII_LINE: usize = 2 * MARK_BYTES;

impl<'a> LineCursor<'a> {
    /// A cursor at the start of `text`, the text `index` was built from.
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        let mut cursor = LineCursor {
            index,
            text,
            line: 0,
            start: 0,
            next: index.starts.get(1).copied().unwrap_or(usize::MAX),
            ascii: false,
            at: 0,
            chars: 0,
        };
        cursor.ascii = cursor.line_is_ascii();
        cursor
    }

    fn line_is_ascii(&self) -> bool {
        let end = self.next.min(self.text.len());
        end - self.start <= ASCII_LINE && self.text.as_bytes()[self.start..end].is_ascii()
    }

    /// As [`LineIndex::line_col`].
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        if offset < self.start || offset >= self.next {
            self.seek(offset);
        }
        if self.ascii {
            return LineCol {
                line: self.line + 1,
                column: offset - self.start + 1,
            };
        }
        let end = self.text.floor_char_boundary(offset);
        if end < self.at {
            self.at = self.start;
            self.chars = 0;
        }
        self.chars += if end - self.at <= 2 * MARK_BYTES {
            count_chars(&self.text[self.at..end])
        } else {
            self.index.count(self.text, end).0 - self.index.count(self.text, self.at).0
        };
        self.at = end;
        LineCol {
            line: self.line + 1,
            column: self.chars + 1,
        }
    }

    /// As [`LineCursor::line_col`] for an offset at or after the one before on the same
    /// line and near it, without moving the cursor: the end of a span whose start was
    /// the offset before. `None` for any other offset.
    pub fn ahead(&self, offset: usize) -> Option<LineCol> {
        let offset = offset.min(self.text.len());
        if self.ascii && self.start <= offset && offset < self.next {
            return Some(LineCol {
                line: self.line + 1,
                column: offset - self.start + 1,
            });
        }
        if self.ascii
            || offset < self.at
            || offset >= self.next
            || offset - self.at > 2 * MARK_BYTES
        {
            return None;
        }
        let end = self.text.floor_char_boundary(offset);
        Some(LineCol {
            line: self.line + 1,
            column: self.chars + count_chars(&self.text[self.at..end]) + 1,
        })
    }

    /// Move to the line of `offset`, another line than the current one.
    fn seek(&mut self, offset: usize) {
        let starts = &self.index.starts;
        self.line = if offset >= self.next {
            // Forward: as a rule a few lines on; a binary search beyond that.
            let from = self.line + 1;
            let near = starts[from..]
                .iter()
                .take(STEPS)
                .take_while(|&&s| s <= offset)
                .count();
            if near < STEPS {
                from + near - 1
            } else {
                from + starts[from..].partition_point(|&s| s <= offset) - 1
            }
        } else {
            starts[..self.line].partition_point(|&s| s <= offset) - 1
        };
        self.start = starts[self.line];
        self.next = starts.get(self.line + 1).copied().unwrap_or(usize::MAX);
        self.at = self.start;
        self.chars = 0;
        self.ascii = self.line_is_ascii();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "één\r\ntwee ë drie\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        let drie = text.find("drie").unwrap();
        assert_eq!(idx.line_col(text, drie), LineCol { line: 2, column: 8 });
        assert_eq!(idx.line_span(text, 1), Span::new(0, "één".len()));
    }

    #[test]
    fn long_lines_count_from_marks() {
        // One line far longer than the distance between marks, with multi-byte and
        // astral characters (two UTF-16 units) spread over it.
        let text = "é a 😀 b ".repeat(5000) + "\nz";
        let idx = LineIndex::new(&text);
        for offset in [0, 1, 4097, 9000, 20_000, text.len() - 1, text.len()] {
            let offset = text.floor_char_boundary(offset);
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(idx.chars_before(&text, offset), before.chars().count());
            assert_eq!(
                idx.utf16_before(&text, offset),
                before.encode_utf16().count()
            );
            assert_eq!(
                idx.line_col(&text, offset).column,
                text[line_start..offset].chars().count() + 1
            );
        }
    }

    /// Line and column counted from the start of the text, the plain way.
    fn naive(text: &str, offset: usize) -> LineCol {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        LineCol {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// Text of short and very long lines, LF and CRLF, with multi-byte characters.
    fn text_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("a".to_owned()),
            Just("woord ".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("é".to_owned()),
            Just("€".to_owned()),
            Just("😀".to_owned()),
            (1usize..6000).prop_map(|n| "x".repeat(n)),
            (1usize..3000).prop_map(|n| "ë".repeat(n)),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn cursor_agrees_with_line_col(
            text in text_strategy(),
            raw in proptest::collection::vec(0usize..40_000, 0..60),
            sorted in proptest::bool::ANY,
        ) {
            let idx = LineIndex::new(&text);
            let mut offsets: Vec<usize> = raw.iter().map(|o| o % (text.len() + 2)).collect();
            if sorted {
                offsets.sort();
            }
            let mut cursor = LineCursor::new(&idx, &text);
            for (i, &o) in offsets.iter().enumerate() {
                let want = naive(&text, o);
                proptest::prop_assert_eq!(idx.line_col(&text, o), want);
                proptest::prop_assert_eq!(cursor.line_col(o), want);
                // The end of a span that starts here.
                let end = o.saturating_add(raw[(i + 1) % raw.len()] % 100);
                if let Some(b) = cursor.ahead(end) {
                    proptest::prop_assert_eq!(b, naive(&text, end));
                }
            }
        }
    }

    #[test]
    fn cursor_goes_back_and_far() {
        let text = "één\r\ntwee ë drie\n".repeat(30) + &"ü".repeat(9000) + "\nz";
        let idx = LineIndex::new(&text);
        let mut cursor = LineCursor::new(&idx, &text);
        let offsets = [7, 3, 500, 20, text.len(), 0, text.len() - 3000, 600, 601, 2];
        for o in offsets {
            assert_eq!(cursor.line_col(o), naive(&text, o), "{o}");
        }
    }

    #[test]
    fn offset_at_end_is_valid() {
        let text = "ab\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
    }
}
