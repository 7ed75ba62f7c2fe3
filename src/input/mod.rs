//! Input formats: file bytes → decoded source text → *prose* (the text the language
//! model reads) plus a [`SourceMap`] back to source offsets. Every format produces the same
//! [`Prose`] shape, so the tokeniser and rules never see markup.

pub mod decode;
pub mod markdown;

use crate::text::span::Span;
pub use decode::{Encoding, decode};

/// Which parser turns a file into prose.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: the whole file is prose.
    Text,
    /// Markdown (CommonMark): code, HTML and link targets are skipped.
    Markdown,
}

impl Format {
    /// Format by file extension; `None` for files helder does not read when walking folders.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// What kind of unit a block of prose is, when the format knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// A block the input format marked explicitly (Markdown heading, list item, …).
#[derive(Clone, Copy, Debug)]
pub struct BlockHint {
    pub span: Span,
    pub kind: BlockKind,
}

/// The prose of one document and how it maps back to the source text.
#[derive(Clone, Debug)]
pub struct Prose {
    pub text: String,
    pub map: SourceMap,
    /// Units the format knows about. Empty for plain text: the tokeniser finds units itself.
    pub blocks: Vec<BlockHint>,
    /// Ranges that are not prose but stand in a sentence (inline code, template
    /// placeholders): each becomes one opaque token that never gets a finding.
    pub masks: Vec<Span>,
}

impl Prose {
    /// Plain text: the prose is the source.
    pub fn plain(source: &str) -> Prose {
        let mut text = source.to_owned();
        // Suppression comments are instructions, not prose.
        crate::suppress::blank_directives(&mut text);
        Prose {
            text,
            map: SourceMap::identity(source.len()),
            blocks: Vec::new(),
            masks: Vec::new(),
        }
    }

    pub fn parse(source: &str, format: Format) -> Prose {
        match format {
            Format::Text => Prose::plain(source),
            Format::Markdown => markdown::parse(source),
        }
    }
}

/// A file read and parsed: the source text (for line:column and snippets), how it was
/// encoded, its prose, and Dutch notices about the reading.
pub struct Loaded {
    /// The text positions refer to. For text formats the decoded file; a format that is
    /// not text (a future .docx) supplies its own rendering and documents its positions.
    pub source: String,
    pub encoding: Encoding,
    pub prose: Prose,
    pub notices: Vec<String>,
}

/// Read a file's bytes as `format`. An error is a Dutch message; the file is skipped.
pub fn load(bytes: &[u8], format: Format) -> Result<Loaded, String> {
    let decoded = decode(bytes).map_err(|e| format!("overgeslagen: {e}"))?;
    let mut notices = Vec::new();
    if let Some(at) = decoded.fallback_at {
        notices.push(format!(
            "geen geldige UTF-8 (eerste ongeldige byte op positie {at}); gelezen als Windows-1252"
        ));
    }
    let prose = Prose::parse(&decoded.text, format);
    Ok(Loaded {
        source: decoded.text,
        encoding: decoded.encoding,
        prose,
        notices,
    })
}

/// Maps prose offsets to source offsets. Prose is built from pieces copied verbatim from
/// the source (exact mapping inside a piece) and synthetic separators (mapped to the
/// nearest piece edge).
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    prose_start: usize,
    src_start: usize,
    len: usize,
    /// Source length when the prose text of this piece differs from the source
    /// (an escape or entity): offsets inside map to the piece's ends.
    src_len: usize,
}

impl SourceMap {
    pub fn identity(len: usize) -> SourceMap {
        SourceMap {
            pieces: vec![Piece {
                prose_start: 0,
                src_start: 0,
                len,
                src_len: len,
            }],
        }
    }

    /// Record that prose `[prose_start, prose_start+len)` is a copy of source
    /// `[src_start, src_start+src_len)`; exact when the lengths are equal.
    pub fn push(&mut self, prose_start: usize, len: usize, src_start: usize, src_len: usize) {
        debug_assert!(
            self.pieces
                .last()
                .is_none_or(|p| p.prose_start + p.len <= prose_start)
        );
        self.pieces.push(Piece {
            prose_start,
            src_start,
            len,
            src_len,
        });
    }

    /// Source offset of a prose offset. `end` says whether the offset closes a span (then
    /// an offset on a piece boundary maps to the end of the earlier piece).
    pub fn to_source(&self, offset: usize, end: bool) -> usize {
        if self.pieces.is_empty() {
            return offset;
        }
        let idx = if end {
            self.pieces.partition_point(|p| p.prose_start < offset)
        } else {
            self.pieces.partition_point(|p| p.prose_start <= offset)
        };
        let Some(p) = idx.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces[0].src_start;
        };
        let within = offset - p.prose_start;
        if p.len == p.src_len {
            p.src_start + within.min(p.len)
        } else if within == 0 {
            p.src_start
        } else {
            p.src_start + p.src_len
        }
    }

    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.to_source(span.start, false);
        let end = self.to_source(span.end, true).max(start);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_map_maps_pieces_and_gaps() {
        // prose "ab\n\ncd" built from source "# ab\n\nxx cd"
        let mut m = SourceMap::default();
        m.push(0, 2, 2, 2);
        m.push(4, 2, 9, 2);
        assert_eq!(m.to_source(0, false), 2);
        assert_eq!(m.to_source(2, true), 4);
        assert_eq!(m.to_source(4, false), 9);
        assert_eq!(m.span_to_source(Span::new(4, 6)), Span::new(9, 11));
    }

    #[test]
    fn inexact_piece_maps_to_its_edges() {
        let mut m = SourceMap::default();
        m.push(0, 1, 0, 5); // "&amp;" → "&"
        assert_eq!(m.span_to_source(Span::new(0, 1)), Span::new(0, 5));
    }
}
