//! E-mail messages (.eml, RFC 5322/MIME) → prose, with mail-parser for the structure.
//!
//! The prose is the Subject (a unit of its own, as a heading) followed by one body: the
//! first text/plain part, else the first text/html part (read by [`super::html`]). Quoted
//! replies and the signature after "-- " are skipped (see [`super::reply`]).
//!
//! Positions are in the raw message (the `source` is the file decoded as UTF-8, or as
//! Windows-1252 when it is not UTF-8), per kind of body part:
//! - 7bit/8bit: exact, when the part's charset decodes the bytes to the same text as the
//!   file's decoding (else per line);
//! - quoted-printable: exact for plain runs, an encoded run (`=C3=A9`) maps to its source;
//! - base64: per decoded line, to the base64 lines that encode it (approximate).

use super::decode::{Decoded, Encoding as FileEncoding};
use super::{BlockHint, BlockKind, Options, Prose, ProseBuilder, SourceMap, reply};
use crate::text::UnitKind;
use crate::text::document::plain_units;
use mail_parser::{Encoding, HeaderName, MessageParser, MessagePart, MimeHeaders, PartType};

/// Raw message offsets → offsets in the decoded source text.
struct RawToText {
    /// Source text offset of every raw byte offset (only for Windows-1252 decoding).
    table: Option<Vec<usize>>,
    shift: usize,
}

impl RawToText {
    fn new(bytes: &[u8], decoded: &Decoded) -> Result<RawToText, String> {
        Ok(match decoded.encoding {
            FileEncoding::Utf8 => RawToText {
                table: None,
                shift: 0,
            },
            FileEncoding::Utf8Bom => RawToText {
                table: None,
                shift: 3,
            },
            FileEncoding::Windows1252 => {
                let mut table = Vec::with_capacity(bytes.len() + 1);
                let mut off = 0;
                for &b in bytes {
                    table.push(off);
                    off += windows_1252_len(b);
                }
                table.push(off);
                RawToText {
                    table: Some(table),
                    shift: 0,
                }
            }
            FileEncoding::Utf16Le | FileEncoding::Utf16Be | FileEncoding::Docx => {
                return Err("een e-mailbericht in UTF-16 kan helder niet lezen".to_owned());
            }
        })
    }

    fn at(&self, raw: usize) -> usize {
        match &self.table {
            Some(t) => t[raw.min(t.len() - 1)],
            None => raw.saturating_sub(self.shift),
        }
    }
}

/// UTF-8 length of the Windows-1252 character for byte `b`.
fn windows_1252_len(b: u8) -> usize {
    static LENS: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
        let mut t = [1u8; 256];
        for (b, len) in t.iter_mut().enumerate().skip(0x80) {
            let one = [b as u8];
            *len = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&one)
                .0
                .len() as u8;
        }
        t
    });
    LENS[b as usize] as usize
}

pub fn parse(
    bytes: &[u8],
    decoded: &Decoded,
    opts: &Options,
    notices: &mut Vec<String>,
) -> Result<Prose, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| !m.parts.is_empty())
        .ok_or("dit is geen leesbaar e-mailbericht (.eml)")?;
    let tr = RawToText::new(bytes, decoded)?;
    let source = decoded.text.as_str();
    let mut b = ProseBuilder::default();

    // The subject: a unit of its own, mapped to the header's value.
    if let Some(subject) = message.subject().filter(|s| !s.trim().is_empty()) {
        let header = message.parts[0]
            .headers
            .iter()
            .find(|h| h.name == HeaderName::Subject);
        let mut p = ProseBuilder::default();
        p.open_block(BlockKind::Heading);
        let subject = subject.trim();
        match header {
            Some(h) => {
                let (s, e) = (tr.at(h.offset_start as usize), tr.at(h.offset_end as usize));
                let raw = source.get(s..e).unwrap_or("");
                let lead = raw.len() - raw.trim_start().len();
                if raw.trim() == subject {
                    p.push_exact(subject, s + lead);
                } else {
                    push_aligned(&mut p, subject, raw.trim(), s + lead);
                }
            }
            None => p.push_synthetic(subject),
        }
        let mut subject_prose = p.finish();
        opts.masker.mask_prose(&mut subject_prose);
        b.append(&subject_prose);
    }

    let text_part = message
        .text_body
        .iter()
        .filter_map(|&i| message.parts.get(i as usize))
        .find(|p| matches!(p.body, PartType::Text(_)));
    let html_part = message
        .html_body
        .iter()
        .filter_map(|&i| message.parts.get(i as usize))
        .find(|p| matches!(p.body, PartType::Html(_)));
    let body = match (text_part, html_part) {
        (Some(part), _) => {
            let (text, map) = part_text(bytes, part, &tr, source);
            let mut p = reply::strip_with(&Prose::plain(&text), !opts.keep_quotes, true);
            opts.masker.mask_prose(&mut p);
            p.blocks = plain_blocks(&p.text);
            Some(p.map_through(&map))
        }
        (None, Some(part)) => {
            let (text, map) = part_text(bytes, part, &tr, source);
            let p = super::parse_text_format(&text, super::Format::Html, opts)?;
            let p = reply::strip_with(&p, false, true);
            Some(p.map_through(&map))
        }
        (None, None) => {
            notices.push("geen tekst gevonden in het bericht; alleen het onderwerp telt".into());
            None
        }
    };
    if let Some(body) = body {
        if b.len() > 0 {
            b.push_synthetic("\n\n");
        }
        b.append(&body);
    }
    Ok(b.finish())
}

/// Units of a plain-text body, found as in a plain-text file.
fn plain_blocks(text: &str) -> Vec<BlockHint> {
    plain_units(text)
        .into_iter()
        .map(|(span, kind)| BlockHint {
            span,
            kind: match kind {
                UnitKind::Heading => BlockKind::Heading,
                UnitKind::ListItem => BlockKind::ListItem,
                UnitKind::Paragraph | UnitKind::Line => BlockKind::Paragraph,
            },
        })
        .collect()
}

fn charset_of<'a>(part: &'a MessagePart) -> Option<&'a str> {
    part.content_type().and_then(|ct| ct.attribute("charset"))
}

/// Bytes in the part's charset → text. No or an unknown charset: UTF-8 when valid,
/// Windows-1252 otherwise.
fn decode_charset(bytes: &[u8], charset: Option<&str>) -> String {
    let enc = charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()));
    match enc {
        Some(e) => e.decode_without_bom_handling(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

/// The decoded text of a body part and its map into the source text.
fn part_text(
    bytes: &[u8],
    part: &MessagePart,
    tr: &RawToText,
    source: &str,
) -> (String, SourceMap) {
    let start = (part.offset_body as usize).min(bytes.len());
    let end = (part.offset_end as usize).clamp(start, bytes.len());
    let raw = &bytes[start..end];
    let charset = charset_of(part);
    let b = match part.encoding {
        Encoding::None => plain_part(raw, start, charset, tr, source),
        Encoding::QuotedPrintable => quoted_printable(raw, start, charset, tr),
        Encoding::Base64 => base64_part(part, raw, start, tr),
    };
    let p = b.finish();
    (p.text, p.map)
}

/// A 7bit/8bit part: exact where the part's text is the source's text, line by line.
fn plain_part(
    raw: &[u8],
    start: usize,
    charset: Option<&str>,
    tr: &RawToText,
    source: &str,
) -> ProseBuilder {
    let mut b = ProseBuilder::default();
    let mut off = start;
    for line in raw.split_inclusive(|&c| c == b'\n') {
        let text = decode_charset(line, charset);
        let (s, e) = (tr.at(off), tr.at(off + line.len()));
        if source.get(s..e) == Some(text.as_str()) {
            b.push_exact(&text, s);
        } else {
            b.push_mapped(&text, s, e - s);
        }
        off += line.len();
    }
    b
}

/// Quoted-printable with positions: plain ASCII runs are exact, an encoded run
/// (`=C3=A9`, possibly across a soft line break) maps to its source range.
fn quoted_printable(
    raw: &[u8],
    start: usize,
    charset: Option<&str>,
    tr: &RawToText,
) -> ProseBuilder {
    let mut b = ProseBuilder::default();
    let ascii_compatible = charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        .is_none_or(|e| e.is_ascii_compatible());
    let mut lit_start: Option<usize> = None;
    let mut enc: Vec<u8> = Vec::new();
    let mut enc_start = 0;
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let flush_lit = |b: &mut ProseBuilder, from: &mut Option<usize>, to: usize| {
        if let Some(f) = from.take() {
            let text = String::from_utf8_lossy(&raw[f..to]);
            b.push_exact(&text, tr.at(start + f));
        }
    };
    let flush_enc = |b: &mut ProseBuilder, enc: &mut Vec<u8>, from: usize, to: usize| {
        if !enc.is_empty() {
            let text = decode_charset(enc, charset);
            let (s, e) = (tr.at(start + from), tr.at(start + to));
            b.push_mapped(&text, s, e - s);
            enc.clear();
        }
    };
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i];
        if c == b'=' {
            // Soft line break: no text; an encoded run goes on across it.
            let soft = match raw.get(i + 1..) {
                Some([b'\r', b'\n', ..]) => Some(3),
                Some([b'\n', ..]) => Some(2),
                Some([]) => Some(1),
                _ => None,
            };
            if let Some(n) = soft {
                flush_lit(&mut b, &mut lit_start, i);
                i += n;
                continue;
            }
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).and_then(|&c| hex(c)),
                raw.get(i + 2).and_then(|&c| hex(c)),
            ) {
                flush_lit(&mut b, &mut lit_start, i);
                if enc.is_empty() {
                    enc_start = i;
                }
                let byte = h * 16 + l;
                enc.push(byte);
                i += 3;
                // An encoded space or line break ends the run (in a charset where those
                // bytes are always themselves): a body encoded from end to end then maps
                // word by word, not every word to the whole body.
                if matches!(byte, b' ' | b'\n') && ascii_compatible {
                    flush_enc(&mut b, &mut enc, enc_start, i);
                }
                continue;
            }
        }
        if !c.is_ascii() {
            // Raw 8-bit bytes do not belong in QP, but they occur: decode with the run.
            flush_lit(&mut b, &mut lit_start, i);
            if enc.is_empty() {
                enc_start = i;
            }
            enc.push(c);
            i += 1;
            continue;
        }
        flush_enc(&mut b, &mut enc, enc_start, i);
        if lit_start.is_none() {
            lit_start = Some(i);
        }
        i += 1;
    }
    flush_lit(&mut b, &mut lit_start, raw.len());
    flush_enc(&mut b, &mut enc, enc_start, raw.len());
    b
}

/// Base64: mail-parser's decoded text, each line mapped to the base64 lines that
/// (approximately, in proportion) encode it.
fn base64_part(part: &MessagePart, raw: &[u8], start: usize, tr: &RawToText) -> ProseBuilder {
    let mut b = ProseBuilder::default();
    let text = part.text_contents().unwrap_or("");
    if text.is_empty() || raw.is_empty() {
        return b;
    }
    // Line breaks of the encoded body, found once: a body without line breaks (one
    // base64 line of megabytes) must not be scanned again for every decoded line.
    let newlines: Vec<usize> = (0..raw.len()).filter(|&i| raw[i] == b'\n').collect();
    let breaks: Vec<usize> = (0..raw.len())
        .filter(|&i| matches!(raw[i], b'\n' | b'\r'))
        .collect();
    let line_start = |pos: usize| {
        let i = newlines.partition_point(|&n| n < pos);
        i.checked_sub(1).map_or(0, |i| newlines[i] + 1)
    };
    let line_end = |pos: usize| {
        let i = breaks.partition_point(|&b| b < pos);
        breaks.get(i).copied().unwrap_or(raw.len())
    };
    let scale = |t: usize| (t as u128 * raw.len() as u128 / text.len() as u128) as usize;
    // Widen to whole base64 lines when they are of a normal length; on a body of very
    // long lines keep the proportional range, so one decoded line never maps to megabytes.
    const SLACK: usize = 100;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let p = scale(off).min(raw.len());
        let a = Some(line_start(p)).filter(|&a| p - a <= SLACK).unwrap_or(p);
        let q = scale(off + line.len())
            .saturating_sub(1)
            .min(raw.len())
            .max(a);
        let z = Some(line_end(q))
            .filter(|&z| z - q <= SLACK)
            .unwrap_or(q + 1)
            .min(raw.len());
        let (s, e) = (tr.at(start + a), tr.at(start + z));
        b.push_mapped(line, s, e - s);
        off += line.len();
    }
    b
}

/// Push a decoded header value (unfolded, charset-decoded) mapped onto its raw text
/// word by word: words found verbatim, in order, map exactly; the text between them maps
/// to the raw text between. A folded subject, or one with a few bad bytes, keeps its
/// word positions, so a finding never copies the whole header. The search for a word
/// looks a bounded distance ahead, so a long header stays linear.
fn push_aligned(p: &mut ProseBuilder, decoded: &str, raw: &str, raw_start: usize) {
    const AHEAD: usize = 1024;
    let mut cursor = 0; // in raw
    let mut pending = 0; // start of decoded text not yet pushed
    let mut words = decoded
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - decoded.as_ptr() as usize, w));
    for (at, word) in words.by_ref() {
        let window_end = raw.len().min(cursor + 4 * word.len() + AHEAD);
        let window_end = raw.floor_char_boundary(window_end);
        let Some(k) = raw[cursor..window_end].find(word).map(|k| cursor + k) else {
            continue;
        };
        if at > pending {
            p.push_mapped(&decoded[pending..at], raw_start + cursor, k - cursor);
        }
        p.push_exact(word, raw_start + k);
        cursor = k + word.len();
        pending = at + word.len();
    }
    if pending < decoded.len() {
        p.push_mapped(&decoded[pending..], raw_start + cursor, raw.len() - cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Format, load};
    use crate::text::Span;

    fn located(src: &[u8], word: &str) -> String {
        let l = load(src, Format::Eml).unwrap();
        let i = l
            .prose
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{word} in {:?}", l.prose.text));
        let s = l.prose.map.span_to_source(Span::new(i, i + word.len()));
        l.source[s.start..s.end].to_owned()
    }

    const PLAIN: &[u8] =
        b"From: Gemeente <info@gemeente.nl>\r\nTo: jan@x.nl\r\nSubject: Uw nieuwe pas\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Beste Jan,\r\n\r\nIndien u vragen heeft, bel ons. Het is niet erg.\r\n\r\n\
Op 3 jan. 2025 om 10:00 schreef Jan <jan@x.nl>:\r\n> Waar is mijn pas?\r\n";

    #[test]
    fn subject_first_then_plain_body_with_exact_positions() {
        let l = load(PLAIN, Format::Eml).unwrap();
        assert!(
            l.prose.text.starts_with("Uw nieuwe pas\n\nBeste Jan,"),
            "{:?}",
            l.prose.text
        );
        assert!(!l.prose.text.contains("Waar is"));
        assert_eq!(l.prose.blocks[0].kind, BlockKind::Heading);
        assert_eq!(located(PLAIN, "nieuwe pas"), "nieuwe pas");
        assert_eq!(located(PLAIN, "Indien"), "Indien");
    }

    #[test]
    fn a_folded_subject_with_a_bad_byte_keeps_word_positions() {
        let src = b"Subject: Uw aanvraag wordt\r\n niet behandeld \xff omdat\r\n het formulier ontbreekt\r\n\r\nBeste Jan,\r\n";
        assert_eq!(located(src, "niet"), "niet");
        assert_eq!(located(src, "formulier"), "formulier");
        assert_eq!(located(src, "aanvraag"), "aanvraag");
    }

    #[test]
    fn quoted_printable_latin1_and_signature() {
        let src =
            b"Subject: =?ISO-8859-1?Q?Caf=E9?=\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\r\n\
Wij hebben uw caf=E9-aanvraag ontvangen en deze wordt =\r\nniet behandeld.\r\n-- \r\nPiet\r\n";
        let l = load(src, Format::Eml).unwrap();
        assert_eq!(
            l.prose.text,
            "Café\n\nWij hebben uw café-aanvraag ontvangen en deze wordt niet behandeld."
        );
        assert_eq!(located(src, "niet"), "niet");
        assert_eq!(located(src, "é-"), "=E9-");
        assert_eq!(located(src, "Café"), "=?ISO-8859-1?Q?Caf=E9?=");
    }

    #[test]
    fn windows_1252_8bit_body_is_exact() {
        let src = b"Subject: Test\nContent-Type: text/plain; charset=windows-1252\n\nU krijgt \x80 5 niet terug.\n";
        let l = load(src, Format::Eml).unwrap();
        assert!(l.prose.text.contains("U krijgt € 5 niet terug."));
        assert_eq!(located(src, "€ 5 niet"), "€ 5 niet");
    }

    #[test]
    fn html_only_and_base64() {
        let src = b"Subject: Hoi\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\
PHA+VSBrdW50IDxiPm5pZXQ8L2I+IGJldGFsZW4uPC9wPg==\n";
        let l = load(src, Format::Eml).unwrap();
        assert_eq!(l.prose.text, "Hoi\n\nU kunt niet betalen.");
        let at = located(src, "niet");
        assert!(at.starts_with("PHA+"), "{at}");
    }

    #[test]
    fn long_encoded_bodies_map_words_to_short_ranges() {
        // One base64 line of 80 KB: every decoded line maps near its own bytes, not to
        // the whole body (that made every finding copy the body: quadratic memory).
        let text = "Indien u niet betaalt.\n".repeat(3000);
        let b64 = base64_encode(text.as_bytes());
        let src = format!(
            "Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{b64}\n"
        );
        let at = located(src.as_bytes(), "niet");
        assert!(at.len() < 300, "{} bytes", at.len());
        // Quoted-printable with every byte encoded: word by word.
        let qp: String = "Indien u niet betaalt. "
            .repeat(500)
            .bytes()
            .map(|b| format!("={b:02X}"))
            .collect();
        let src = format!(
            "Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{qp}\n"
        );
        assert_eq!(located(src.as_bytes(), "niet"), "=6E=69=65=74=20");
    }

    fn base64_encode(bytes: &[u8]) -> String {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    out.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn not_a_message_is_a_dutch_error() {
        assert!(load(b"", Format::Eml).is_err());
        let _ = load(b"\x00\x01", Format::Eml);
        let _ = load(b"Subject: x\n\n", Format::Eml).unwrap();
    }
}
