//! The syntax of the stock-phrase list (`wordlists/standaardzinnen.tsv`) and its
//! translation into a regex. Kept apart from the rule so `build.rs` can include it: it
//! compiles the built-in patterns into DFAs ahead of time (see `rules::prebuilt`).
//! Depends only on std and regex-syntax.

use std::sync::LazyLock;

/// A date as letters write it: "3 maart 2025", "maandag 3 maart", "3-3-2025", "3 mrt.".
pub static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?:{}) +)?(?:[0-9]{{1,2}}(?:e|ste|de)? +(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?: +[0-9]{{4}})?|[0-9]{{1,2}}[-/.][0-9]{{1,2}}(?:[-/.][0-9]{{2,4}})?)",
        WEEKDAYS.join("|")
    )
});
/// One to six words within the sentence.
pub const GAP: &str = r"[^ .!?;:]+(?: +[^ .!?;:]+){0,5}?";

/// One element of a pattern in the list's syntax.
pub enum Element {
    /// Fixed words: "naar aanleiding van".
    Words(Vec<String>),
    /// `(a|b c)`: one of the alternatives.
    Choice(Vec<Vec<String>>),
    /// `[a b]`: optional words.
    Optional(Vec<String>),
    /// `…`: one to six words.
    Gap,
    /// `{datum}`.
    Date,
}

pub fn parse(pattern: &str) -> Result<Vec<Element>, String> {
    let words = |s: &str| -> Result<Vec<String>, String> {
        let ws: Vec<String> = s.split_whitespace().map(str::to_owned).collect();
        if ws.is_empty() {
            return Err(format!("lege groep in '{pattern}'"));
        }
        Ok(ws)
    };
    let mut elements = Vec::new();
    let mut rest = pattern.trim();
    while !rest.is_empty() {
        let (element, len) = if let Some(r) = rest.strip_prefix('(') {
            let close = r
                .find(')')
                .ok_or_else(|| format!("')' ontbreekt in '{pattern}'"))?;
            let alts = r[..close]
                .split('|')
                .map(words)
                .collect::<Result<Vec<_>, _>>()?;
            (Element::Choice(alts), close + 2)
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r
                .find(']')
                .ok_or_else(|| format!("']' ontbreekt in '{pattern}'"))?;
            (Element::Optional(words(&r[..close])?), close + 2)
        } else if rest.starts_with('…') {
            (Element::Gap, '…'.len_utf8())
        } else if rest.starts_with("{datum}") {
            (Element::Date, "{datum}".len())
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || "([…{".contains(c))
                .unwrap_or(rest.len());
            if end == 0 {
                return Err(format!("onverwacht teken in '{pattern}'"));
            }
            (Element::Words(vec![rest[..end].to_owned()]), end)
        };
        elements.push(element);
        rest = rest[len.min(rest.len())..].trim_start();
    }
    if elements.iter().all(|e| matches!(e, Element::Optional(_))) {
        return Err(format!("patroon zonder vaste woorden: '{pattern}'"));
    }
    Ok(elements)
}

/// Translate one pattern of the list's syntax into a regex (without anchors).
pub fn compile(pattern: &str) -> Result<String, String> {
    Ok(regex_of(&parse(pattern)?))
}

pub fn regex_of(elements: &[Element]) -> String {
    let words = |ws: &[String]| -> String {
        ws.iter()
            .map(|w| regex_syntax::escape(w))
            .collect::<Vec<_>>()
            .join(" +")
    };
    let mut re = String::new();
    let mut started = false;
    for e in elements {
        let (element, optional) = match e {
            Element::Words(ws) => (words(ws), false),
            Element::Choice(alts) => (
                format!(
                    "(?:{})",
                    alts.iter().map(|a| words(a)).collect::<Vec<_>>().join("|")
                ),
                false,
            ),
            Element::Optional(ws) => (words(ws), true),
            Element::Gap => (GAP.to_owned(), false),
            Element::Date => (DATE.clone(), false),
        };
        match (optional, started) {
            (true, false) => re.push_str(&format!(r"(?:{element} +)?")),
            (true, true) => re.push_str(&format!(r"(?: +{element})?")),
            (false, false) => {
                re.push_str(&element);
                started = true;
            }
            (false, true) => re.push_str(&format!(r" +{element}")),
        }
    }
    // ASCII word boundaries keep the regex on its fast DFA path (Unicode `\b` forces the
    // slow PikeVM); matches are checked against token edges afterwards anyway.
    format!(r"(?-u:\b)(?:{re})(?-u:\b)")
}

/// The weekdays a date may open with: in `DATE`, and where a date pattern can start.
pub const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
