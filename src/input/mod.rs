//! Input formats: file bytes → decoded source text → *prose* (the text the language
//! model reads) plus a [`SourceMap`] back to source offsets. Every format produces the same
//! [`Prose`] shape, so the tokeniser and rules never see markup.

pub mod decode;
pub mod docx;
pub mod eml;
pub mod html;
pub mod limit;
pub mod markdown;
pub mod reply;
pub mod template;

use crate::text::span::Span;
pub use decode::{Encoding, decode};
use std::ops::Range;
pub use template::Masker;

/// Which parser turns a file into prose. Template placeholders (`{{naam}}`, `[NAAM]`, …)
/// are masked in every format. The variant docs are Dutch: clap shows them in `--help`.
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
    /// Platte tekst: het hele bestand is tekst.
    Text,
    /// Markdown (CommonMark): code, HTML en linkadressen tellen niet mee.
    Markdown,
    /// HTML (e-mail): alleen zichtbare tekst, zonder geciteerd antwoord.
    Html,
    /// E-mailbericht (.eml): het onderwerp en de tekst (of HTML) van het bericht.
    Eml,
    /// Word-document (.docx): alinea's, koppen, lijsten en tabellen; regel = alinea.
    Docx,
    /// Briefsjabloon zonder binnenformaat (.hbs, .j2, …): HTML als het op HTML lijkt,
    /// anders platte tekst.
    Template,
}

/// Extensions of template engines. `brief.html.hbs` is read as HTML, `brief.hbs` as
/// [`Format::Template`].
const TEMPLATE_EXTENSIONS: &[&str] = &[
    "hbs",
    "handlebars",
    "mustache",
    "j2",
    "jinja",
    "jinja2",
    "liquid",
    "ftl",
    "twig",
    "njk",
];

impl Format {
    /// Format by file extension; `None` for files helder does not read when walking folders.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if TEMPLATE_EXTENSIONS.contains(&ext.as_str()) {
            let inner = path.file_stem().map(std::path::Path::new);
            return Some(
                inner
                    .and_then(Format::from_extension_only)
                    .unwrap_or(Format::Template),
            );
        }
        Format::from_extension_only(path)
    }

    fn from_extension_only(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" | "ftlh" => Some(Format::Html),
            "eml" => Some(Format::Eml),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// A template without inner format is HTML when its content looks like HTML.
    fn resolve_template(self, source: &str) -> Format {
        if self != Format::Template {
            return self;
        }
        let head = &source[..source.floor_char_boundary(4096)];
        let lower = head.to_ascii_lowercase();
        let html = [
            "<html",
            "<body",
            "<p>",
            "<p ",
            "<div",
            "<table",
            "<br",
            "<!doctype html",
        ]
        .iter()
        .any(|t| lower.contains(t));
        if html { Format::Html } else { Format::Text }
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

    /// Prose of a text format (text, Markdown, HTML), template placeholders masked with
    /// the built-in patterns. Quoted replies in HTML are skipped.
    /// HTML that cannot be read gives empty prose (`load` reports it as an error).
    pub fn parse(source: &str, format: Format) -> Prose {
        parse_text_format(source, format, &Options::default()).unwrap_or_else(|_| Prose {
            text: String::new(),
            map: SourceMap::default(),
            blocks: Vec::new(),
            masks: Vec::new(),
        })
    }

    /// Keep only the `keep` ranges of the prose (sorted, disjoint): the text is cut out,
    /// the map, blocks and masks follow.
    pub fn retain(&self, keep: &[Range<usize>]) -> Prose {
        let mut text = String::with_capacity(self.text.len());
        let mut map = SourceMap::default();
        // (old start, old end, new start) per kept range, for moving offsets.
        let mut moved = Vec::with_capacity(keep.len());
        for r in keep {
            if r.start >= r.end {
                continue;
            }
            let base = text.len();
            text.push_str(&self.text[r.clone()]);
            moved.push((r.start, r.end, base));
            map.push_clipped(&self.map, r.clone(), base);
        }
        let to_new = |off: usize, end: bool| -> usize {
            // The new offset of an old one; an offset in a dropped gap goes to the
            // edge of the next kept range (start) or the previous one (end).
            let i = moved.partition_point(|&(_, e, _)| e < off);
            match moved.get(i) {
                Some(&(s, _, b)) if off >= s => b + (off - s),
                Some(&(_, _, b)) if !end => b,
                _ => match i.checked_sub(1).map(|j| moved[j]) {
                    Some((s, e, b)) => b + (e - s),
                    None => 0,
                },
            }
        };
        let blocks = self
            .blocks
            .iter()
            .filter_map(|b| {
                let span = Span::new(to_new(b.span.start, false), to_new(b.span.end, true));
                (span.start < span.end && text[span.start..span.end].trim() != "")
                    .then_some(BlockHint { span, kind: b.kind })
            })
            .collect();
        let masks = self
            .masks
            .iter()
            .filter(|m| {
                // `keep` is sorted and disjoint: only the last range starting at or
                // before the mask can hold it.
                let i = keep.partition_point(|r| r.start <= m.start);
                i > 0 && m.end <= keep[i - 1].end
            })
            .map(|m| Span::new(to_new(m.start, false), to_new(m.end, true)))
            .collect();
        Prose {
            text,
            map,
            blocks,
            masks,
        }
    }

    /// Where to cut a very large prose text (`text`, this prose's text wherever it is
    /// held) into parts of about `size` bytes each (see
    /// [`crate::report`]): the end of every part, the last being the text's end. A part
    /// ends after a blank line that no block or mask spans, so no unit or sentence is
    /// cut; a text of at most two parts' size stays whole.
    pub fn part_ends(&self, text: &str, size: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut from = 0;
        // Past two parts' size, the last part is at most one and a half.
        let mut left = size.saturating_mul(2);
        while text.len() - from > left {
            left = size.saturating_add(size / 2);
            match self.blank_line_end(text, from + size) {
                Some(cut) => {
                    ends.push(cut);
                    from = cut;
                }
                None => break,
            }
        }
        ends.push(text.len());
        ends
    }

    /// The end of the first blank line at or after `at` where no block or mask goes on.
    fn blank_line_end(&self, text: &str, at: usize) -> Option<usize> {
        // Bytes: `at` need not be a character boundary, a line break always is.
        let newline = |from: usize| text.as_bytes()[from..].iter().position(|&b| b == b'\n');
        let mut line_start = at + newline(at)? + 1;
        loop {
            let len = newline(line_start)?;
            let line = &text[line_start..line_start + len];
            let end = line_start + len + 1;
            if line.trim().is_empty()
                && end < text.len()
                && !spanned(&self.blocks, |b| b.span, end)
                && !spanned(&self.masks, |m| *m, end)
            {
                return Some(end);
            }
            line_start = end;
        }
    }

    /// Replace this prose's map (prose → intermediate text) by one to the outer source,
    /// given the intermediate text's map (intermediate → source).
    pub fn map_through(mut self, outer: &SourceMap) -> Prose {
        self.map = self.map.then(outer);
        self
    }
}

/// Whether one of `items` begins before `at` and ends after it. Blocks and masks are
/// sorted and disjoint (the document model relies on it too), so only the last one
/// that begins before `at` can.
fn spanned<T>(items: &[T], span: impl Fn(&T) -> Span, at: usize) -> bool {
    let i = items.partition_point(|x| span(x).start < at);
    i > 0 && span(&items[i - 1]).end > at
}

/// How to read inputs: built once per run and shared by every file.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Template patterns (built-in plus configured extras).
    pub masker: &'a Masker,
    /// Check quoted replies (`> ` lines, "Op … schreef …:", `<blockquote>`) too.
    pub keep_quotes: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            masker: Masker::builtin(),
            keep_quotes: false,
        }
    }
}

/// Prose of a text format: templates filled in a copy of the source (so the format's
/// parser sees plain text where a placeholder stands), parsed, then the placeholders put
/// back as masks.
pub(crate) fn parse_text_format(
    source: &str,
    format: Format,
    opts: &Options,
) -> Result<Prose, String> {
    parse_found(source, format, opts, opts.masker.find(source))
}

/// [`parse_text_format`] with the template matches already found.
fn parse_found(
    source: &str,
    format: Format,
    opts: &Options,
    found: Vec<template::TemplateMatch>,
) -> Result<Prose, String> {
    let format = format.resolve_template(source);
    let filled = opts.masker.fill_found(source, found);
    let text = filled.as_ref().map_or(source, |f| f.text.as_str());
    let mut prose = match format {
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text, opts.keep_quotes)?,
        _ => Prose::plain(text),
    };
    if let Some(f) = &filled {
        template::restore(&mut prose, source, &f.matches);
    }
    Ok(prose)
}

/// Builds prose piece by piece: text copied from the source (exact), text standing for
/// source text of another length (an entity, an encoded run: maps to the source range's
/// edges), synthetic separators (no source), and blocks.
#[derive(Default)]
pub(crate) struct ProseBuilder {
    text: String,
    map: SourceMap,
    blocks: Vec<BlockHint>,
    masks: Vec<Span>,
    open: Option<(usize, BlockKind)>,
}

impl ProseBuilder {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Text that stands in the source as is (or with the same byte length, one ASCII
    /// character for another).
    pub fn push_exact(&mut self, text: &str, src_start: usize) {
        if text.is_empty() {
            return;
        }
        self.map
            .push(self.text.len(), text.len(), src_start, text.len());
        self.text.push_str(text);
    }

    /// Text that stands for (differs from) source `[src_start, src_start + src_len)`:
    /// a span inside it maps to that whole range.
    pub fn push_mapped(&mut self, text: &str, src_start: usize, src_len: usize) {
        if text.is_empty() {
            return;
        }
        self.map
            .push_inexact(self.text.len(), text.len(), src_start, src_len);
        self.text.push_str(text);
    }

    /// Text with no source (separators between blocks).
    pub fn push_synthetic(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Start a new unit: closes the open one and separates it with a blank line.
    pub fn open_block(&mut self, kind: BlockKind) {
        self.separate();
        self.open = Some((self.text.len(), kind));
    }

    /// Close the open block and end the text with a blank line (unless it is empty).
    pub fn separate(&mut self) {
        self.close_block();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            let sep = if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            self.text.push_str(sep);
        }
    }

    /// Mark a block over text already pushed.
    pub fn push_block(&mut self, span: Span, kind: BlockKind) {
        self.blocks.push(BlockHint { span, kind });
    }

    pub fn open_kind(&self) -> Option<BlockKind> {
        self.open.map(|(_, k)| k)
    }

    /// Whether the open block has no text yet (a `<p>` right inside an `<li>`).
    pub fn open_is_empty(&self) -> bool {
        self.open
            .is_some_and(|(start, _)| self.text[start..].trim().is_empty())
    }

    /// Change the kind of the open block.
    pub fn set_open_kind(&mut self, kind: BlockKind) {
        if let Some((_, k)) = &mut self.open {
            *k = kind;
        }
    }

    pub fn close_block(&mut self) {
        if let Some((start, kind)) = self.open.take() {
            // A block spans its text without surrounding whitespace.
            let t = &self.text[start..];
            let lead = t.len() - t.trim_start().len();
            let end = start + t.trim_end().len();
            if start + lead < end {
                self.blocks.push(BlockHint {
                    span: Span::new(start + lead, end),
                    kind,
                });
            }
        }
    }

    /// Append finished prose (its blocks, masks and map shifted).
    pub fn append(&mut self, prose: &Prose) {
        self.close_block();
        let base = self.text.len();
        self.text.push_str(&prose.text);
        self.map.push_clipped(&prose.map, 0..prose.text.len(), base);
        self.blocks.extend(prose.blocks.iter().map(|b| BlockHint {
            span: Span::new(b.span.start + base, b.span.end + base),
            kind: b.kind,
        }));
        self.masks.extend(
            prose
                .masks
                .iter()
                .map(|m| Span::new(m.start + base, m.end + base)),
        );
    }

    pub fn finish(mut self) -> Prose {
        self.close_block();
        Prose {
            text: self.text,
            map: self.map,
            blocks: self.blocks,
            masks: self.masks,
        }
    }
}

/// A file read and parsed: the source text (for line:column and snippets), how it was
/// encoded, its prose, and Dutch notices about the reading.
pub struct Loaded {
    /// The text positions refer to. For text formats and .eml the decoded file; for
    /// .docx a rendering with one paragraph per line (see docs/formaten.md).
    pub source: String,
    pub encoding: Encoding,
    /// The prose; its text is left empty when [`Loaded::prose_is_source`] (read it with
    /// [`Loaded::prose_text`]).
    pub prose: Prose,
    pub notices: Vec<String>,
    /// The prose is the source itself (plain text with no directive to blank and no
    /// placeholder to mask, the usual case): its text is not held twice.
    pub prose_is_source: bool,
}

impl Loaded {
    /// The prose text.
    pub fn prose_text(&self) -> &str {
        if self.prose_is_source {
            &self.source
        } else {
            &self.prose.text
        }
    }
}

/// Read a file's bytes as `format` with the default options. An error is a Dutch
/// message; the file is skipped.
pub fn load(bytes: &[u8], format: Format) -> Result<Loaded, String> {
    load_with(bytes, format, &Options::default())
}

/// Read a file's bytes as `format`. An error is a Dutch message; the file is skipped.
pub fn load_with(bytes: &[u8], format: Format, opts: &Options) -> Result<Loaded, String> {
    if format == Format::Docx {
        return docx::load(bytes, opts);
    }
    let decoded = decode(bytes).map_err(|e| format!("overgeslagen: {e}"))?;
    load_decoded(decoded, bytes, format, opts)
}

/// Whether a file that could not be read as `format` is binary, not text: it has NUL
/// bytes without a UTF-16 BOM (see [`decode`]). A .docx is a zip, so never.
pub fn is_binary(bytes: &[u8], format: Format) -> bool {
    format != Format::Docx && matches!(decode(bytes), Err(decode::DecodeError::Binary))
}

/// As [`load_with`], taking the bytes, so that a large UTF-8 file is not held twice.
/// The error says whether the file is binary (see [`decode`]).
pub fn load_owned(
    bytes: Vec<u8>,
    format: Format,
    opts: &Options,
) -> Result<Loaded, (String, bool)> {
    if matches!(format, Format::Docx | Format::Eml) {
        return load_with(&bytes, format, opts).map_err(|m| (m, is_binary(&bytes, format)));
    }
    let decoded = decode::decode_owned(bytes).map_err(|e| {
        let binary = e == decode::DecodeError::Binary;
        (format!("overgeslagen: {e}"), binary)
    })?;
    load_decoded(decoded, &[], format, opts).map_err(|m| (m, false))
}

/// The rest of loading a text format: notices, prose. `bytes` (the file) is only read
/// for .eml.
fn load_decoded(
    decoded: decode::Decoded,
    bytes: &[u8],
    format: Format,
    opts: &Options,
) -> Result<Loaded, String> {
    let mut notices = Vec::new();
    if decoded.text.is_empty() {
        notices.push("het bestand is leeg; er is niets gecontroleerd".to_owned());
    } else if decoded.text.trim().is_empty() {
        notices.push("het bestand bevat alleen witruimte; er is niets gecontroleerd".to_owned());
    }
    if let Some(at) = decoded.fallback_at {
        notices.push(format!(
            "geen geldige UTF-8 (eerste ongeldige byte op positie {at}); gelezen als Windows-1252"
        ));
    }
    let source = &decoded.text;
    let found = match format {
        Format::Eml => Vec::new(),
        _ => opts.masker.find(source),
    };
    // Plain text with no directive to blank and no placeholder to mask is its own prose.
    let prose_is_source = format != Format::Eml
        && found.is_empty()
        && format.resolve_template(source) == Format::Text
        && memchr::memmem::find(
            source.as_bytes(),
            crate::suppress::DIRECTIVE_MARK.as_bytes(),
        )
        .is_none();
    let mut prose = if prose_is_source {
        Prose {
            text: String::new(),
            map: SourceMap::identity(source.len()),
            blocks: Vec::new(),
            masks: Vec::new(),
        }
    } else if format == Format::Eml {
        eml::parse(bytes, &decoded, opts, &mut notices)?
    } else {
        parse_found(source, format, opts, found)?
    };
    prose.map.snap_to(source);
    Ok(Loaded {
        source: decoded.text,
        encoding: decoded.encoding,
        prose,
        notices,
        prose_is_source,
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
    /// Set when the piece was widened to character boundaries: no longer exact.
    fuzzy: bool,
}

impl Piece {
    fn exact(&self) -> bool {
        self.len == self.src_len && !self.fuzzy
    }
}

impl SourceMap {
    pub fn identity(len: usize) -> SourceMap {
        SourceMap {
            pieces: vec![Piece {
                prose_start: 0,
                src_start: 0,
                len,
                src_len: len,
                fuzzy: false,
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
        // Text copied right after the previous copy (the lines of a Markdown paragraph):
        // one piece, so the map of a large file stays small.
        if let Some(p) = self.pieces.last_mut()
            && p.exact()
            && len == src_len
            && p.prose_start + p.len == prose_start
            && p.src_start + p.src_len == src_start
        {
            p.len += len;
            p.src_len += len;
            return;
        }
        self.pieces.push(Piece {
            prose_start,
            src_start,
            len,
            src_len,
            fuzzy: false,
        });
    }

    /// Record that prose `[prose_start, prose_start+len)` stands for source
    /// `[src_start, src_start+src_len)` without being a copy of it (never exact).
    pub fn push_inexact(
        &mut self,
        prose_start: usize,
        len: usize,
        src_start: usize,
        src_len: usize,
    ) {
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
            fuzzy: true,
        });
    }

    /// Widen pieces whose source range does not start and end on a character boundary
    /// of `source` (a mis-decoded part), so no span ever cuts a character.
    pub fn snap_to(&mut self, source: &str) {
        for p in &mut self.pieces {
            let mut s = p.src_start.min(source.len());
            let mut e = (p.src_start + p.src_len).min(source.len());
            while !source.is_char_boundary(s) {
                s -= 1;
            }
            while !source.is_char_boundary(e) {
                e += 1;
            }
            if (s, e) != (p.src_start, p.src_start + p.src_len) {
                p.src_start = s;
                p.src_len = e - s;
                p.fuzzy = true;
            }
        }
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
        if p.exact() {
            p.src_start + within.min(p.len)
        } else if within == 0 || (!end && within < p.len) {
            // Inside an inexact piece a span widens to the whole source range.
            p.src_start
        } else {
            p.src_start + p.src_len
        }
    }

    /// Copy the pieces of `other` that cover its prose range `range` into this map,
    /// moved so that `range.start` lands on prose offset `base`. A piece cut in two keeps
    /// its exact mapping; an inexact one keeps its whole source range.
    pub fn push_clipped(&mut self, other: &SourceMap, range: Range<usize>, base: usize) {
        let first = other
            .pieces
            .partition_point(|p| p.prose_start + p.len <= range.start);
        for p in &other.pieces[first..] {
            if p.prose_start >= range.end {
                break;
            }
            let a = p.prose_start.max(range.start);
            let b = (p.prose_start + p.len).min(range.end);
            if a >= b {
                continue;
            }
            let at = base + (a - range.start);
            if p.exact() {
                self.push(at, b - a, p.src_start + (a - p.prose_start), b - a);
            } else {
                self.push_inexact(at, b - a, p.src_start, p.src_len);
            }
        }
    }

    /// Compose: this map goes prose → intermediate text, `outer` goes intermediate text
    /// → source; the result goes prose → source.
    pub fn then(&self, outer: &SourceMap) -> SourceMap {
        let mut out = SourceMap::default();
        for p in &self.pieces {
            if p.exact() {
                // Exact: follow the outer pieces across the intermediate range.
                let mut tmp = SourceMap::default();
                tmp.push_clipped(outer, p.src_start..p.src_start + p.len, p.prose_start);
                if tmp.pieces.is_empty() {
                    let s = outer.to_source(p.src_start, false);
                    out.push_inexact(p.prose_start, p.len, s, 0);
                } else {
                    out.pieces.extend(tmp.pieces);
                }
            } else {
                let s = outer.to_source(p.src_start, false);
                let e = outer.to_source(p.src_start + p.src_len, true).max(s);
                out.push_inexact(p.prose_start, p.len, s, e - s);
            }
        }
        out
    }

    /// Prose range of a source range, when one run of exact pieces covers it.
    pub fn to_prose(&self, src: Range<usize>, order: &[usize]) -> Option<Range<usize>> {
        // `order`: piece indices sorted by source start (see `source_order`).
        let i = order
            .partition_point(|&k| self.pieces[k].src_start + self.pieces[k].src_len <= src.start);
        let p = self.pieces[*order.get(i)?];
        if !p.exact() || src.start < p.src_start {
            return None;
        }
        let start = p.prose_start + (src.start - p.src_start);
        // Walk on through pieces that continue both prose and source seamlessly.
        let mut q = p;
        let mut j = i;
        while src.end > q.src_start + q.src_len {
            j += 1;
            let n = self.pieces[*order.get(j)?];
            if !n.exact()
                || n.src_start != q.src_start + q.src_len
                || n.prose_start != q.prose_start + q.len
            {
                return None;
            }
            q = n;
        }
        Some(start..q.prose_start + (src.end - q.src_start))
    }

    /// Piece indices sorted by source start, for [`SourceMap::to_prose`].
    pub fn source_order(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.pieces.len()).collect();
        v.sort_by_key(|&k| (self.pieces[k].src_start, self.pieces[k].prose_start));
        v
    }

    pub fn span_to_source(&self, span: Span) -> Span {
        // Plain text: one exact piece from the start, as long as the text.
        if let [p] = self.pieces[..]
            && p.prose_start == 0
            && p.exact()
            && span.start <= span.end
            && span.end <= p.len
        {
            return Span::new(p.src_start + span.start, p.src_start + span.end);
        }
        let start = self.to_source(span.start, false);
        let end = self.to_source(span.end, true).max(start);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_end_after_a_blank_line_outside_blocks_and_masks() {
        let para = "Wij sturen u een brief.\nDe tweede regel.\n\n";
        let text = para.repeat(40);
        let prose = Prose::plain(&text);
        let ends = prose.part_ends(&prose.text, 100);
        assert!(ends.len() > 5, "{ends:?}");
        assert_eq!(ends.last(), Some(&text.len()));
        let mut from = 0;
        for &end in &ends {
            assert!(end > from);
            assert!(text[..end].ends_with("\n\n"), "{end}");
            if end != text.len() {
                assert!(end - from >= 100);
            }
            from = end;
        }
        // At most two parts' size: whole.
        assert_eq!(
            prose.part_ends(&prose.text, text.len() / 2),
            vec![text.len()]
        );
        // No blank line: whole, however large.
        let line = "Een regel zonder witregel.\n".repeat(50);
        let prose = Prose::plain(&line);
        assert_eq!(prose.part_ends(&prose.text, 100), vec![line.len()]);
        // A block that goes on over blank lines is not cut.
        let mut prose = Prose::plain(&text);
        prose.blocks = vec![BlockHint {
            span: Span::new(0, 700),
            kind: BlockKind::Paragraph,
        }];
        assert!(prose.part_ends(&prose.text, 100)[0] >= 700);
        let mut prose = Prose::plain(&text);
        prose.masks = vec![Span::new(120, 400)];
        let ends = prose.part_ends(&prose.text, 100);
        assert!(ends[0] >= 400, "{ends:?}");
        // A part size that lands inside a character.
        let wide = "één ".repeat(100) + "\n\n" + &"één ".repeat(100);
        let prose = Prose::plain(&wide);
        assert!(!wide.is_char_boundary(99));
        assert_eq!(prose.part_ends(&prose.text, 99), vec![602, wide.len()]);
    }

    #[test]
    fn copies_that_follow_each_other_are_one_piece() {
        // "ab" and "cd" copied from "abcd": one piece, mapped as before.
        let mut m = SourceMap::default();
        m.push(0, 2, 10, 2);
        m.push(2, 2, 12, 2);
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.span_to_source(Span::new(1, 3)), Span::new(11, 13));
        // Not after a gap in the source, nor after or before text that stands for
        // something else.
        m.push(4, 1, 20, 1);
        m.push_inexact(5, 1, 21, 5);
        m.push(6, 1, 26, 1);
        assert_eq!(m.pieces.len(), 4);
        assert_eq!(m.span_to_source(Span::new(5, 6)), Span::new(21, 26));
    }

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
    fn format_by_extension_with_template_inner_format() {
        let f = |p: &str| Format::from_path(std::path::Path::new(p));
        assert_eq!(f("brief.TXT"), Some(Format::Text));
        assert_eq!(f("mail.htm"), Some(Format::Html));
        assert_eq!(f("bericht.eml"), Some(Format::Eml));
        assert_eq!(f("brief.docx"), Some(Format::Docx));
        assert_eq!(f("mail.html.hbs"), Some(Format::Html));
        assert_eq!(f("brief.md.j2"), Some(Format::Markdown));
        assert_eq!(f("brief.txt.liquid"), Some(Format::Text));
        for t in [
            "a.hbs",
            "a.mustache",
            "a.j2",
            "a.jinja",
            "a.liquid",
            "a.ftl",
            "a.twig",
            "a.njk",
        ] {
            assert_eq!(f(t), Some(Format::Template), "{t}");
        }
        assert_eq!(f("foto.png"), None);
        assert_eq!(
            Format::Template.resolve_template("<p>Hoi {{x}}</p>"),
            Format::Html
        );
        assert_eq!(
            Format::Template.resolve_template("Beste {{x}},"),
            Format::Text
        );
    }

    #[test]
    fn retain_and_compose_keep_positions() {
        // prose "ab\n\ncd" from source "# ab\n\nxx cd"; drop "ab\n\n"
        let mut m = SourceMap::default();
        m.push(0, 2, 2, 2);
        m.push(4, 2, 9, 2);
        let p = Prose {
            text: "ab\n\ncd".into(),
            map: m.clone(),
            blocks: vec![BlockHint {
                span: Span::new(4, 6),
                kind: BlockKind::Heading,
            }],
            masks: vec![],
        };
        let keep = [Range { start: 4, end: 6 }];
        let r = p.retain(&keep);
        assert_eq!(r.text, "cd");
        assert_eq!(r.map.span_to_source(Span::new(0, 2)), Span::new(9, 11));
        assert_eq!(r.blocks[0].span, Span::new(0, 2));
        // compose: an outer map that shifts everything by 100
        let mut outer = SourceMap::default();
        outer.push(0, 20, 100, 20);
        assert_eq!(
            m.then(&outer).span_to_source(Span::new(4, 6)),
            Span::new(109, 111)
        );
        let order = m.source_order();
        assert_eq!(m.to_prose(9..11, &order), Some(4..6));
        assert_eq!(m.to_prose(5..9, &order), None);
    }

    #[test]
    fn inexact_piece_maps_to_its_edges() {
        let mut m = SourceMap::default();
        m.push(0, 1, 0, 5); // "&amp;" → "&"
        assert_eq!(m.span_to_source(Span::new(0, 1)), Span::new(0, 5));
    }

    #[test]
    fn one_piece_maps_as_the_general_way() {
        let general = |m: &SourceMap, span: Span| {
            let start = m.to_source(span.start, false);
            Span::new(start, m.to_source(span.end, true).max(start))
        };
        let mut shifted = SourceMap::default();
        shifted.push(0, 10, 3, 10);
        let mut late = SourceMap::default();
        late.push(2, 10, 3, 10);
        let mut inexact = SourceMap::default();
        inexact.push_inexact(0, 10, 3, 12);
        for m in [SourceMap::identity(10), shifted, late, inexact] {
            for start in 0..13 {
                for end in 0..13 {
                    let span = Span::new(start, end);
                    assert_eq!(m.span_to_source(span), general(&m, span), "{m:?} {span:?}");
                }
            }
        }
    }
}
