//! Quoted replies and signatures in e-mails: not the writer's text, so not checked.
//!
//! - A line starting with `>` (a quoted line) is dropped.
//! - The attribution line "Op … schreef …:" (also wrapped over two lines, and English
//!   "On … wrote:"), "-----Oorspronkelijk bericht-----" and an Outlook header block
//!   ("Van: …" followed by "Verzonden: …") end the text: everything after is the quoted mail.
//! - With `signature`, the line "-- " (the signature delimiter) ends the text too.

use super::Prose;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            op\s.{1,200}?\s(?:schreef|heeft\s.{1,100}?\sgeschreven)\b.{0,200}:
          | on\s.{1,200}?\swrote:
          | -{2,}\s*(?:oorspronkelijk\s+bericht|original\s+message)\s*-{2,}
        )\s*$",
    )
    .expect("valid regex")
});

static HEADER_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*\**(?:van|from)\s*:\**\s").expect("valid regex"));
static HEADER_SENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\**(?:verzonden|sent|datum|date)\s*:").expect("valid regex")
});

/// The prose without quoted lines and without what follows an attribution line (or the
/// signature delimiter, with `signature`).
pub fn strip(prose: &Prose, signature: bool) -> Prose {
    strip_with(prose, true, signature)
}

/// As [`strip`], choosing what goes: quotes (`>` lines, attribution and what follows)
/// and/or the signature.
pub fn strip_with(prose: &Prose, quotes: bool, signature: bool) -> Prose {
    if !quotes && !signature {
        return prose.clone();
    }
    let text = &prose.text;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |off, l| {
            let start = *off;
            *off += l.len();
            Some((start, l))
        })
        .collect();
    let mut keep: Vec<Range<usize>> = Vec::new();
    let mut cut = false;
    for (i, &(start, raw)) in lines.iter().enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if ends_text(line, &lines[i + 1..], quotes, signature) {
            cut = true;
            break;
        }
        if quotes && line.trim_start().starts_with('>') {
            continue;
        }
        let end = start + raw.len();
        match keep.last_mut() {
            Some(r) if r.end == start => r.end = end,
            _ => keep.push(start..end),
        }
    }
    if cut {
        // What stood before the cut ends the text: no trailing blank lines.
        while let Some(r) = keep.last_mut() {
            let t = &text[r.clone()];
            r.end = r.start + t.trim_end().len();
            if r.start >= r.end {
                keep.pop();
            } else {
                break;
            }
        }
    }
    if !cut && keep.len() == 1 && keep[0] == (0..text.len()) {
        return prose.clone();
    }
    if text.is_empty() {
        return prose.clone();
    }
    prose.retain(&keep)
}

fn ends_text(line: &str, next: &[(usize, &str)], quotes: bool, signature: bool) -> bool {
    if signature && (line == "-- " || line == "--") {
        return true;
    }
    let t = line.trim();
    if !quotes || t.is_empty() {
        return false;
    }
    if ATTRIBUTION.is_match(t) {
        return true;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("op ") && lower.contains("schreef") && !t.ends_with(':') {
        // Wrapped attribution: "Op 3 jan. 2025 schreef Jan Jansen <\njan@x.nl>:".
        if let Some((_, n)) = next.first() {
            let joined = format!("{t} {}", n.trim());
            if ATTRIBUTION.is_match(&joined) {
                return true;
            }
        }
    }
    if HEADER_FROM.is_match(t) {
        return next
            .iter()
            .take(3)
            .any(|(_, n)| HEADER_SENT.is_match(n.trim_end()));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str, signature: bool) -> String {
        strip(&Prose::plain(text), signature).text
    }

    #[test]
    fn quotes_attribution_and_signature() {
        let mail = "Beste Jan,\n\nDe pas komt morgen.\n\nOp ma 3 jan. 2025 om 10:00 schreef Jan <jan@x.nl>:\n> Waar is mijn pas?\n";
        assert_eq!(stripped(mail, false), "Beste Jan,\n\nDe pas komt morgen.");
        let mail = "Tekst.\n> oud\n>\nMeer tekst.\n-- \nPiet\nGemeente\n";
        assert_eq!(stripped(mail, true), "Tekst.\nMeer tekst.");
        assert_eq!(
            stripped(mail, false),
            "Tekst.\nMeer tekst.\n-- \nPiet\nGemeente\n"
        );
    }

    #[test]
    fn wrapped_attribution_and_outlook_header() {
        let mail = "Ja.\nOp 3 jan. 2025 om 10:00 schreef Jan Jansen <\njan@x.nl>:\n> x\n";
        assert_eq!(stripped(mail, false), "Ja.");
        let mail = "Ja.\n\nVan: Jan\nVerzonden: maandag\nAan: wij\n\nOud.\n";
        assert_eq!(stripped(mail, false), "Ja.");
    }

    #[test]
    fn ordinary_lines_stay() {
        let text = "Op 1 mei schreef u ons een brief. Dank daarvoor.\nVan: de gemeente\n";
        assert_eq!(stripped(text, true), text);
    }

    #[test]
    fn positions_survive() {
        let src = "> oud\nNieuw niet.\n";
        let p = strip(&Prose::plain(src), false);
        let i = p.text.find("niet").unwrap();
        assert_eq!(p.map.to_source(i, false), src.find("niet").unwrap());
    }
}
