//! Word documents (.docx) → prose: the paragraphs of `word/document.xml`, read with zip and
//! quick-xml. A .docx has no meaningful text offsets (it is a zip of XML), so helder
//! renders it as text, **one Word paragraph per line**, and reports positions in that
//! rendering: line N is paragraph N (empty paragraphs and table-cell paragraphs count), the
//! column is the character in that paragraph. `helder fix` cannot write it back.
//!
//! - `w:p` is a paragraph (also in tables and text boxes); `w:pStyle` Heading*/Kop*/Title
//!   or `w:outlineLvl` makes it a heading, `w:numPr` or a list style a list item.
//! - Text is `w:t`; `w:tab` is a space, `w:br`/`w:cr` a line break inside the paragraph (a
//!   space in the rendering, so lines stay paragraphs). Deleted text (`w:delText`), field
//!   codes (`w:instrText`) and the duplicate fallback of drawings (`mc:Fallback`) are skipped.
//! - Zip bombs are refused: at most [`Limits::entries`] entries, at most
//!   [`Limits::total`] bytes uncompressed as declared, and `word/document.xml` is read
//!   through `take` so it never unpacks beyond [`Limits::document`], whatever the header says.

use super::{BlockKind, Encoding, Loaded, Options, ProseBuilder};
use crate::text::document::plain_units;
use crate::text::{Span, UnitKind};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// Limits against zip bombs and oversized documents.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Number of entries in the zip.
    pub entries: usize,
    /// Unpacked size of `word/document.xml`, counted while reading.
    pub document: u64,
    /// Declared unpacked size of all entries together.
    pub total: u128,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: 10_000,
            document: 64 << 20,
            total: 1 << 30,
        }
    }
}

pub fn load(bytes: &[u8], opts: &Options) -> Result<Loaded, String> {
    load_limited(bytes, opts, Limits::default())
}

fn mib(n: u128) -> String {
    format!("{} MiB", n >> 20)
}

pub fn load_limited(bytes: &[u8], opts: &Options, limits: Limits) -> Result<Loaded, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "geen geldig .docx-bestand ({e}); is het een oud .doc-bestand of met een wachtwoord beveiligd?"
        )
    })?;
    if zip.len() > limits.entries {
        return Err(format!(
            "geweigerd: het .docx-bestand bevat {} onderdelen, meer dan de grens van {} (mogelijk een zip-bom)",
            zip.len(),
            limits.entries
        ));
    }
    if let Some(total) = zip.decompressed_size()
        && total > limits.total
    {
        return Err(format!(
            "geweigerd: het .docx-bestand is uitgepakt {}, meer dan de grens van {} (mogelijk een zip-bom)",
            mib(total),
            mib(limits.total)
        ));
    }
    let file = zip.by_name("word/document.xml").map_err(|_| {
        "geen word/document.xml gevonden: is dit wel een Word-document (.docx)?".to_owned()
    })?;
    let mut xml = Vec::new();
    file.take(limits.document + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("kan word/document.xml niet uitpakken: {e}"))?;
    if xml.len() as u64 > limits.document {
        return Err(format!(
            "geweigerd: word/document.xml is uitgepakt groter dan {} (mogelijk een zip-bom)",
            mib(limits.document as u128)
        ));
    }
    let xml = std::str::from_utf8(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&xml))
        .map_err(|_| "word/document.xml is geen UTF-8; dat kan helder niet lezen".to_owned())?;
    let (source, mut prose) = parse_document(xml)?;
    opts.masker.mask_prose(&mut prose);
    Ok(Loaded {
        source,
        encoding: Encoding::Docx,
        prose,
        notices: Vec::new(),
        prose_is_source: false,
    })
}

/// One paragraph being read. `render` and `prose` have the same length: they differ only
/// where a line break is a space in the rendering and a newline in the prose.
#[derive(Default)]
struct Para {
    render: String,
    prose: String,
    kind: Option<BlockKind>,
}

impl Para {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            // A paragraph is one line of the rendering.
            let c = if matches!(c, '\n' | '\r') { ' ' } else { c };
            self.render.push(c);
            self.prose.push(c);
        }
    }

    fn line_break(&mut self) {
        self.render.push(' ');
        self.prose.push('\n');
    }
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|&c| c == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| local(a.key.as_ref().as_bytes()) == b"val")
        .map(|a| a.value.into_owned())
}

fn style_kind(style: &str) -> Option<BlockKind> {
    let s = style.to_ascii_lowercase();
    if ["heading", "kop", "title", "titel", "subtitle", "ondertitel"]
        .iter()
        .any(|p| s.starts_with(p))
    {
        Some(BlockKind::Heading)
    } else if ["list", "lijst"].iter().any(|p| s.starts_with(p)) {
        Some(BlockKind::ListItem)
    } else {
        None
    }
}

/// The rendering (one paragraph per line) and the prose of `word/document.xml`.
fn parse_document(xml: &str) -> Result<(String, super::Prose), String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut render = String::with_capacity(xml.len() / 4);
    let mut b = ProseBuilder::default();
    let mut stack: Vec<Para> = Vec::new();
    let mut run_depth = 0usize;
    let mut text_depth = 0usize;
    let mut ppr_depth = 0usize;
    let mut skip_depth = 0usize;
    let finish = |p: Para, render: &mut String, b: &mut ProseBuilder| {
        let at = render.len();
        render.push_str(&p.render);
        render.push('\n');
        if p.prose.trim().is_empty() {
            return;
        }
        let kind = p.kind.unwrap_or(BlockKind::Paragraph);
        b.separate();
        let start = b.len();
        b.push_exact(&p.prose, at);
        if p.prose.contains('\n') {
            // Lines broken with w:br form units as the lines of a plain-text file do
            // ("Met vriendelijke groet,↵Gemeente Lindenburg").
            for (span, unit) in plain_units(&p.prose) {
                let k = match (kind, unit) {
                    (BlockKind::Heading, _) | (_, UnitKind::Heading) => BlockKind::Heading,
                    (BlockKind::ListItem, _) | (_, UnitKind::ListItem) => BlockKind::ListItem,
                    _ => BlockKind::Paragraph,
                };
                b.push_block(Span::new(start + span.start, start + span.end), k);
            }
        } else {
            b.push_block(Span::new(start, b.len()), kind);
        }
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "word/document.xml is geen geldige XML (bij byte {}): {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                let l = local(name.as_ref().as_bytes());
                if skip_depth > 0 || matches!(l, b"Fallback" | b"delText" | b"instrText") {
                    skip_depth += 1;
                    continue;
                }
                match l {
                    b"p" => stack.push(Para::default()),
                    b"r" => run_depth += 1,
                    b"t" => text_depth += 1,
                    b"pPr" => ppr_depth += 1,
                    _ => on_empty(l, &e, &mut stack, run_depth, ppr_depth),
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 {
                    continue;
                }
                let name = e.name();
                let l = local(name.as_ref().as_bytes());
                if l == b"p" {
                    finish(Para::default(), &mut render, &mut b);
                } else {
                    on_empty(l, &e, &mut stack, run_depth, ppr_depth);
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let name = e.name();
                match local(name.as_ref().as_bytes()) {
                    b"p" => {
                        if let Some(p) = stack.pop() {
                            finish(p, &mut render, &mut b);
                        }
                    }
                    b"r" => run_depth = run_depth.saturating_sub(1),
                    b"t" => text_depth = text_depth.saturating_sub(1),
                    b"pPr" => ppr_depth = ppr_depth.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if text_depth > 0 && skip_depth == 0 => {
                if let Some(p) = stack.last_mut() {
                    p.push(&t.xml10_content());
                }
            }
            Event::CData(t) if text_depth > 0 && skip_depth == 0 => {
                if let Some(p) = stack.last_mut() {
                    p.push(&t.into_inner());
                }
            }
            Event::GeneralRef(r) if text_depth > 0 && skip_depth == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(c), Some(p)) = (c, stack.last_mut()) {
                    p.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    // Unclosed paragraphs (a truncated document) still count.
    while let Some(p) = stack.pop() {
        finish(p, &mut render, &mut b);
    }
    Ok((render, b.finish()))
}

/// Elements that matter whether written `<x/>` or `<x>…</x>`.
fn on_empty(l: &[u8], e: &BytesStart, stack: &mut [Para], run_depth: usize, ppr_depth: usize) {
    let Some(p) = stack.last_mut() else {
        return;
    };
    if ppr_depth > 0 {
        match l {
            b"pStyle" => {
                if let Some(kind) = val(e).as_deref().and_then(style_kind) {
                    p.kind = Some(kind);
                }
            }
            b"numPr" if p.kind.is_none() => p.kind = Some(BlockKind::ListItem),
            b"outlineLvl" => p.kind = Some(BlockKind::Heading),
            _ => {}
        }
        return;
    }
    if run_depth == 0 {
        return;
    }
    match l {
        b"tab" | b"ptab" => p.push(" "),
        b"br" | b"cr" => p.line_break(),
        b"noBreakHyphen" => p.push("-"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with `body` as the content of `w:body`.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("[Content_Types].xml", o).unwrap();
        w.write_all(b"<Types/>").unwrap();
        w.start_file("word/document.xml", o).unwrap();
        write!(
            w,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        w.finish().unwrap().into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_headings_lists_and_tables() {
        let body = format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Kop1\"/></w:pPr><w:r><w:t>Uw pas</w:t></w:r></w:p>\
             <w:p/>{}<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Punt</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>\
             <w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"1\"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c &amp; d</w:t><w:delText>weg</w:delText></w:r></w:p>",
            p("U krijgt de pas niet."),
            p("Cel"),
            p("Cel twee")
        );
        let l = load(&docx(&body), &Options::default()).unwrap();
        assert_eq!(
            l.source,
            "Uw pas\n\nU krijgt de pas niet.\nPunt\nCel\nCel twee\na b c & d\n"
        );
        assert_eq!(
            l.prose.text,
            "Uw pas\n\nU krijgt de pas niet.\n\nPunt\n\nCel\n\nCel twee\n\na b\nc & d"
        );
        use BlockKind::*;
        let kinds: Vec<_> = l.prose.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Heading, Paragraph, ListItem, Paragraph, Paragraph, Paragraph
            ]
        );
        // Positions land on the rendering: "niet" on line 3.
        let i = l.prose.text.find("niet").unwrap();
        let s = l.prose.map.to_source(i, false);
        assert_eq!(&l.source[s..s + 4], "niet");
    }

    #[test]
    fn zip_bombs_and_junk_are_refused_in_dutch() {
        let bytes = docx(&p(&"x".repeat(5000)));
        let small = Limits {
            document: 1000,
            ..Limits::default()
        };
        let e = load_limited(&bytes, &Options::default(), small)
            .err()
            .unwrap();
        assert!(e.contains("zip-bom"), "{e}");
        let few = Limits {
            entries: 1,
            ..Limits::default()
        };
        let e = load_limited(&bytes, &Options::default(), few)
            .err()
            .unwrap();
        assert!(e.contains("2 onderdelen"), "{e}");
        let tiny = Limits {
            total: 100,
            ..Limits::default()
        };
        assert!(load_limited(&bytes, &Options::default(), tiny).is_err());
        let e = load(b"geen zip", &Options::default()).err().unwrap();
        assert!(e.contains("geen geldig .docx-bestand"), "{e}");
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("x.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        let e = load(&w.finish().unwrap().into_inner(), &Options::default())
            .err()
            .unwrap();
        assert!(e.contains("word/document.xml"), "{e}");
        let e = load(&docx("<w:p><w:r><w:t>a</w:r>&bogus"), &Options::default());
        let _ = e; // broken XML: an error or partial text, never a panic
    }
}
