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
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
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

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
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

    #[test]
    fn offset_at_end_is_valid() {
        let text = "ab\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
    }
}
