//! HTML (e-mail) → prose with lol_html, whose text chunks carry their exact source byte
//! range. Only visible text is prose: `<head>` content (title, style), scripts, comments,
//! hidden elements and attributes are not. Block elements end units; `<br>` too. Entities
//! are decoded, each decoded piece mapped back to its entity in the source. Quoted replies
//! (`<blockquote>`, Gmail's quote block, and the text rules of [`super::reply`]) are skipped
//! unless asked for.

use super::{BlockKind, Prose, ProseBuilder, reply};
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{ElementContentHandlers, HtmlRewriter, Selector, Settings, doc_text, end_tag};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

/// Elements that start and end a unit.
const BLOCKS: &str = "p, div, li, td, th, tr, table, thead, tbody, tfoot, caption, \
    h1, h2, h3, h4, h5, h6, blockquote, ul, ol, dl, dt, dd, pre, address, center, \
    section, article, header, footer, main, nav, aside, figure, figcaption, form, \
    fieldset, legend, hr, body, html";

/// Text inside these is never prose.
const HIDDEN: &str = "template, [hidden], [aria-hidden=true], [style*=\"display:none\"], \
    [style*=\"display: none\"], [style*=\"DISPLAY:NONE\"], [style*=\"visibility:hidden\"], \
    [style*=\"mso-hide:all\"]";

/// Quoted replies: skipped unless quotes are kept.
const QUOTES: &str = "blockquote, .gmail_quote, .moz-cite-prefix, #divRplyFwdMsg, \
    [type=cite]";

/// Selectors parsed once per process, not per file.
fn selector(s: &'static str) -> Selector {
    s.parse().expect("valid selector")
}
static BLOCKS_SEL: LazyLock<Selector> = LazyLock::new(|| selector(BLOCKS));
static BR_SEL: LazyLock<Selector> = LazyLock::new(|| selector("br"));
static HIDDEN_SEL: LazyLock<Selector> = LazyLock::new(|| selector(HIDDEN));
static PRE_SEL: LazyLock<Selector> = LazyLock::new(|| selector("pre"));
static QUOTES_SEL: LazyLock<Selector> = LazyLock::new(|| selector(QUOTES));

#[derive(Clone, Debug)]
enum Event {
    Text(Range<usize>),
    Start(BlockKind, usize),
    End(usize),
    Break(usize),
}

#[derive(Default)]
struct Collected {
    events: Vec<Event>,
    /// Start offsets of text chunks that are not prose.
    skip: HashSet<usize>,
    /// Start offsets of text chunks inside `<pre>` (newlines are real).
    pre: HashSet<usize>,
}

/// Parse HTML source into prose. A document lol_html cannot read is a Dutch error.
pub fn parse(source: &str, keep_quotes: bool) -> Result<Prose, String> {
    let c = Rc::new(RefCell::new(Collected::default()));
    {
        let (c1, c2, c3, c4, c5, c6) = (
            c.clone(),
            c.clone(),
            c.clone(),
            c.clone(),
            c.clone(),
            c.clone(),
        );
        let mut handlers = vec![
            (
                Cow::Borrowed(&*BLOCKS_SEL),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let tag = el.tag_name();
                    let kind = match tag.as_str() {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                        "li" => BlockKind::ListItem,
                        _ => BlockKind::Paragraph,
                    };
                    let at = el.source_location().bytes().start;
                    c1.borrow_mut().events.push(Event::Start(kind, at));
                    if el.can_have_content() {
                        let c = c1.clone();
                        el.on_end_tag(end_tag!(move |end| {
                            let at = end.source_location().bytes().start;
                            c.borrow_mut().events.push(Event::End(at));
                            Ok(())
                        }))?;
                    }
                    Ok(())
                }),
            ),
            (
                Cow::Borrowed(&*BR_SEL),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let at = el.source_location().bytes().start;
                    c2.borrow_mut().events.push(Event::Break(at));
                    Ok(())
                }),
            ),
            (
                Cow::Borrowed(&*HIDDEN_SEL),
                ElementContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
                    c3.borrow_mut()
                        .skip
                        .insert(t.source_location().bytes().start);
                    Ok(())
                }),
            ),
            (
                Cow::Borrowed(&*PRE_SEL),
                ElementContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
                    c4.borrow_mut()
                        .pre
                        .insert(t.source_location().bytes().start);
                    Ok(())
                }),
            ),
        ];
        if !keep_quotes {
            handlers.push((
                Cow::Borrowed(&*QUOTES_SEL),
                ElementContentHandlers::default().text(move |t: &mut TextChunk<'_>| {
                    c5.borrow_mut()
                        .skip
                        .insert(t.source_location().bytes().start);
                    Ok(())
                }),
            ));
        }
        // Not strict: a document lol_html finds ambiguous (e.g. `<select><xmp>`) is still
        // read; helder only reads, it never writes HTML back.
        let mut settings = Settings::new()
            .with_strict(false)
            .append_document_content_handler(doc_text!(move |t| {
                if t.text_type() == TextType::Data {
                    let r = t.source_location().bytes();
                    if !r.is_empty() {
                        c6.borrow_mut().events.push(Event::Text(r));
                    }
                }
                Ok(())
            }));
        for h in handlers {
            settings = settings.append_element_content_handler(h);
        }
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter
            .write(source.as_bytes())
            .and_then(|()| rewriter.end())
            .map_err(|e| format!("kan de HTML niet lezen: {e}"))?;
    }
    let c = std::mem::take(&mut *c.borrow_mut());
    let prose = build(source, c);
    Ok(if keep_quotes {
        prose
    } else {
        reply::strip(&prose, false)
    })
}

fn build(source: &str, c: Collected) -> Prose {
    let mut events = c.events;
    // Callbacks come in source order; a stable sort only guards against surprises.
    events.sort_by_key(|e| match e {
        Event::Text(r) => r.start,
        Event::Start(_, at) | Event::End(at) | Event::Break(at) => *at,
    });
    let mut b = ProseBuilder::default();
    for e in events {
        match e {
            Event::Start(kind, _) => {
                if b.open_is_empty() {
                    // `<li><p>`: keep the item; `<div><h2>`: it is a heading.
                    if kind != BlockKind::Paragraph {
                        b.set_open_kind(kind);
                    }
                } else {
                    b.open_block(kind);
                }
            }
            Event::End(_) => b.close_block(),
            Event::Break(_) => {
                if b.open_kind().is_some() && !b.open_is_empty() {
                    b.close_block();
                    b.push_synthetic("\n");
                }
            }
            Event::Text(r) => {
                if c.skip.contains(&r.start) {
                    continue;
                }
                let Some(raw) = source.get(r.clone()) else {
                    continue;
                };
                if b.open_kind().is_none() {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    b.open_block(BlockKind::Paragraph);
                }
                push_decoded(&mut b, raw, r.start, c.pre.contains(&r.start));
            }
        }
    }
    b.finish()
}

/// Push raw HTML text: runs copied (whitespace folded to spaces unless in `<pre>`, same
/// length so the mapping stays exact), entities decoded and mapped to the entity.
fn push_decoded(b: &mut ProseBuilder, raw: &str, src_start: usize, pre: bool) {
    let mut run_start = 0;
    let mut i = 0;
    let bytes = raw.as_bytes();
    let flush = |b: &mut ProseBuilder, from: usize, to: usize| {
        if from < to {
            let run = &raw[from..to];
            if pre || !run.contains(['\n', '\r', '\t']) {
                b.push_exact(run, src_start + from);
            } else {
                b.push_exact(&run.replace(['\n', '\r', '\t'], " "), src_start + from);
            }
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'&'
            && let Some((decoded, len)) = entity(&raw[i..])
        {
            flush(b, run_start, i);
            let mut buf = [0u8; 4];
            let text = match decoded {
                Decoded::Char(c) => &*c.encode_utf8(&mut buf),
                Decoded::Nothing => "",
            };
            b.push_mapped(text, src_start + i, len);
            i += len;
            run_start = i;
            continue;
        }
        i += 1;
    }
    flush(b, run_start, bytes.len());
}

enum Decoded {
    Char(char),
    /// Soft hyphen and zero-width characters: no text.
    Nothing,
}

/// Decode the entity at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`): the result and
/// the entity's length in bytes.
fn entity(s: &str) -> Option<(Decoded, usize)> {
    let end = s[1..].find(';')? + 1;
    if end > 32 {
        return None;
    }
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Windows-1252 numbers in the C1 range, as browsers read them.
        let n = match n {
            0x80 => 0x20AC,
            0x91 => 0x2018,
            0x92 => 0x2019,
            0x93 => 0x201C,
            0x94 => 0x201D,
            0x96 => 0x2013,
            0x97 => 0x2014,
            n => n,
        };
        char::from_u32(n).filter(|&c| c != '\0')?
    } else {
        named(name)?
    };
    let decoded = match c {
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => Decoded::Nothing,
        // A non-breaking space is a space to the reader (and to the tokeniser).
        '\u{A0}' => Decoded::Char(' '),
        c => Decoded::Char(c),
    };
    Some((decoded, end + 1))
}

/// Named entities that occur in Dutch e-mails: markup, punctuation, currency and the
/// Latin-1 letters. An unknown name stays as it is.
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "sect" => '§',
        "para" => '¶',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "rarr" => '→',
        "larr" => '←',
        "check" => '✓',
        _ => return latin1_letter(name),
    })
}

/// `&eacute;`, `&Euml;`, `&ccedil;`, `&szlig;`, … built from the letter and the accent.
fn latin1_letter(name: &str) -> Option<char> {
    let special = match name {
        "szlig" => Some('ß'),
        "AElig" => Some('Æ'),
        "aelig" => Some('æ'),
        "Oslash" => Some('Ø'),
        "oslash" => Some('ø'),
        "ETH" => Some('Ð'),
        "eth" => Some('ð'),
        "THORN" => Some('Þ'),
        "thorn" => Some('þ'),
        "OElig" => Some('Œ'),
        "oelig" => Some('œ'),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    let mut cs = name.chars();
    let letter = cs.next()?;
    let accent = cs.as_str();
    const TABLE: &[(&str, &str, &str)] = &[
        // accent, base letters, accented letters (same order)
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("cedil", "cC", "çÇ"),
        ("ring", "aA", "åÅ"),
    ];
    let (_, base, accented) = TABLE.iter().find(|(a, _, _)| *a == accent)?;
    let i = base.chars().position(|c| c == letter)?;
    accented.chars().nth(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(src: &str) -> Prose {
        parse(src, false).unwrap()
    }

    fn at(src: &str, p: &Prose, word: &str) -> String {
        let i = p.text.find(word).unwrap();
        let s = p
            .map
            .span_to_source(crate::text::Span::new(i, i + word.len()));
        src[s.start..s.end].to_owned()
    }

    #[test]
    fn only_visible_text_with_units() {
        let src = "<html><head><title>Titel</title><style>p{color:red}</style></head>\
            <body><h1>Uw pas</h1><p>U krijgt\n  de pas.</p><script>var x=1;</script>\
            <ul><li><p>Een</p></li><li>Twee</li></ul><!-- opmerking -->\
            <table><tr><td>Cel</td><td>Cel twee</td></tr></table>\
            <span style=\"display:none\">verborgen</span></body></html>";
        let p = prose(src);
        assert_eq!(
            p.text,
            "Uw pas\n\nU krijgt   de pas.\n\nEen\n\nTwee\n\nCel\n\nCel twee"
        );
        let kinds: Vec<_> = p.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            vec![Heading, Paragraph, ListItem, ListItem, Paragraph, Paragraph]
        );
    }

    #[test]
    fn entities_are_decoded_and_map_to_the_entity() {
        let src = "<p>Caf&eacute; &amp; co&nbsp;betaalt &#8364;&nbsp;5 niet.</p>";
        let p = prose(src);
        assert_eq!(p.text, "Café & co betaalt € 5 niet.");
        assert_eq!(at(src, &p, "Café"), "Caf&eacute;");
        assert_eq!(at(src, &p, "€"), "&#8364;");
        assert_eq!(at(src, &p, "niet"), "niet");
    }

    #[test]
    fn br_ends_a_unit() {
        let p = prose("<p>Met vriendelijke groet,<br>Gemeente Lindenburg</p>");
        assert_eq!(p.blocks.len(), 2);
        assert_eq!(p.text, "Met vriendelijke groet,\n\nGemeente Lindenburg");
    }

    #[test]
    fn quoted_replies_are_skipped_unless_kept() {
        let src = "<p>Wij sturen de pas.</p><div>Op 3 jan. 2025 om 10:00 schreef Jan &lt;jan@x.nl&gt;:</div>\
            <blockquote><p>Waar blijft mijn pas?</p></blockquote><p>Nog meer oud.</p>";
        assert_eq!(prose(src).text, "Wij sturen de pas.");
        let kept = parse(src, true).unwrap();
        assert!(kept.text.contains("Waar blijft"));
        let p = prose("<p>Hallo.<br>&gt; oude regel<br>Nieuw.</p>");
        assert!(!p.text.contains("oude"), "{:?}", p.text);
        assert_eq!(p.blocks.len(), 2);
    }

    #[test]
    fn broken_html_does_not_panic() {
        for src in [
            "<p",
            "<<p>>",
            "&#xFFFFFFFF;",
            "&",
            "<p>a</td></tr>b",
            "</p><li>x",
        ] {
            let _ = parse(src, false);
        }
    }
}
