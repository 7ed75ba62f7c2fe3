//! `stock_phrase`: stock openings and closings of letters and e-mails ("Naar aanleiding
//! van uw brief", "Mocht u nog vragen hebben", "Hoogachtend"), each with a rewrite and a
//! short reason (B1-GUIDE §5). The patterns (`wordlists/standaardzinnen.tsv`) have a small
//! syntax: words, `(a|b c)` alternatives, `[optional words]`, `…` for a gap of one to six
//! words and `{datum}` for a date. Every pattern is compiled once, when the rule loads,
//! into a regex over the document's lowercase text, and all of them into one `RegexSet`
//! that tells in a single pass which patterns occur at all. Between two words of a pattern
//! any run of whitespace matches (a line break counts as a space), so the text needs no
//! folded copy. Matches start and end on token edges; of overlapping matches the
//! leftmost-longest wins.

use super::{Rule, RuleMeta, allowed, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion};
use crate::text::lexicon::key;
use crate::text::{Document, Span, TokenKind};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Name of an embedded list (`wordlists/<name>.tsv`): pattern, rewrite, reason,
    /// sources.
    pub list: String,
    /// Extra patterns from the project configuration, in the list's own format.
    pub extra: Vec<String>,
    /// Phrases never flagged: a pattern as written in the list, or the matched text
    /// ("hoogachtend" for a collection agency that wants it).
    pub allow: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            list: "standaardzinnen".to_owned(),
            extra: Vec::new(),
            allow: Vec::new(),
        }
    }
}

struct Phrase {
    pattern: String,
    rewrite: String,
    reason: String,
}

pub struct StockPhrase {
    meta: RuleMeta,
    phrases: Vec<Phrase>,
    /// One set over all patterns finds which ones occur; each pattern's own regex (for
    /// the positions) is compiled only when its pattern occurs, so start-up stays fast.
    /// Both run on bytes with Unicode off: the text is lowercased with whitespace folded
    /// to spaces, non-ASCII letters match as UTF-8, and matches are checked against token
    /// edges afterwards.
    /// All patterns at once: which of them occur in the text.
    set: regex_automata::meta::Regex,
    sources: Vec<String>,
    regexes: Vec<std::sync::OnceLock<regex::bytes::Regex>>,
    allow: HashSet<String>,
    /// Where the patterns come from, for `helder explain`.
    source: String,
}

/// A date as letters write it: "3 maart 2025", "maandag 3 maart", "3-3-2025", "3 mrt.".
const DATE: &str = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) +)?(?:[0-9]{1,2}(?:e|ste|de)? +(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?: +[0-9]{4})?|[0-9]{1,2}[-/.][0-9]{1,2}(?:[-/.][0-9]{2,4})?)";
/// One to six words within the sentence.
const GAP: &str = r"[^ .!?;:]+(?: +[^ .!?;:]+){0,5}?";

/// Translate one pattern of the list's syntax into a regex (without anchors).
pub fn compile(pattern: &str) -> Result<String, String> {
    // Elements: (regex, optional).
    let mut elements: Vec<(String, bool)> = Vec::new();
    let words = |s: &str| -> Result<String, String> {
        let ws: Vec<String> = s.split_whitespace().map(regex::escape).collect();
        if ws.is_empty() {
            return Err(format!("lege groep in '{pattern}'"));
        }
        Ok(ws.join(" +"))
    };
    let mut rest = pattern.trim();
    while !rest.is_empty() {
        let (element, optional, len) = if let Some(r) = rest.strip_prefix('(') {
            let close = r
                .find(')')
                .ok_or_else(|| format!("')' ontbreekt in '{pattern}'"))?;
            let alts = r[..close]
                .split('|')
                .map(words)
                .collect::<Result<Vec<_>, _>>()?;
            (format!("(?:{})", alts.join("|")), false, close + 2)
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r
                .find(']')
                .ok_or_else(|| format!("']' ontbreekt in '{pattern}'"))?;
            (words(&r[..close])?, true, close + 2)
        } else if rest.starts_with('…') {
            (GAP.to_owned(), false, '…'.len_utf8())
        } else if rest.starts_with("{datum}") {
            (DATE.to_owned(), false, "{datum}".len())
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || "([…{".contains(c))
                .unwrap_or(rest.len());
            if end == 0 {
                return Err(format!("onverwacht teken in '{pattern}'"));
            }
            (regex::escape(&rest[..end]), false, end)
        };
        elements.push((element, optional));
        rest = rest[len.min(rest.len())..].trim_start();
    }
    if elements.iter().all(|(_, optional)| *optional) {
        return Err(format!("patroon zonder vaste woorden: '{pattern}'"));
    }
    let mut re = String::new();
    let mut started = false;
    for (element, optional) in elements {
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
    // ASCII word boundaries keep the set on its fast DFA path (Unicode `\b` forces the
    // slow PikeVM); matches are checked against token edges afterwards anyway.
    Ok(format!(r"(?-u:\b)(?:{re})(?-u:\b)"))
}

/// The set of all patterns, like `regex::bytes::RegexSet` without Unicode, but without
/// the full DFA and one-pass builds: a set only asks which patterns match, which the lazy
/// DFA answers, and skipping them halves the build at start-up.
fn phrase_set(sources: &[String]) -> Result<regex_automata::meta::Regex, String> {
    use regex_automata::{MatchKind, meta, util::syntax};
    meta::Regex::builder()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::All)
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                .onepass(false)
                .backtrack(false)
                .auto_prefilter(false),
        )
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build_many(sources)
        .map_err(|e| e.to_string())
}

impl StockPhrase {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let text = wordlist(&p.list)
            .ok_or_else(|| format!("regel '{}': onbekende woordenlijst '{}'", def.id, p.list))?;
        let rows = tsv_rows(text)
            .map(|(line, r)| {
                (
                    format!("wordlists/{}.tsv:{line}", p.list),
                    r.into_iter().map(str::to_owned).collect::<Vec<_>>(),
                )
            })
            .chain(p.extra.iter().enumerate().map(|(i, line)| {
                (
                    format!("extra[{i}]"),
                    line.split('\t').map(|f| f.trim().to_owned()).collect(),
                )
            }));
        let allow: HashSet<String> = p.allow.iter().map(|a| key(a.trim())).collect();
        let mut phrases = Vec::new();
        let mut sources = Vec::new();
        for (place, row) in rows {
            let [pattern, rewrite, reason, ..] = &row[..] else {
                return Err(format!(
                    "regel '{}': {place}: verwacht patroon, herschrijving en uitleg",
                    def.id
                ));
            };
            if allow.contains(&key(pattern)) {
                continue;
            }
            let re = compile(pattern).map_err(|e| format!("regel '{}': {place}: {e}", def.id))?;
            sources.push(re);
            phrases.push(Phrase {
                pattern: pattern.clone(),
                rewrite: rewrite.clone(),
                reason: reason.clone(),
            });
        }
        // Building the set validates every pattern (a bad extra pattern is a
        // configuration error) …
        let set = phrase_set(&sources).map_err(|e| format!("regel '{}': {e}", def.id))?;
        // … but keep only the set; the individual regexes are built on first use.
        let regexes = sources.iter().map(|_| std::sync::OnceLock::new()).collect();
        Ok(StockPhrase {
            meta: RuleMeta::new(def),
            phrases,
            set,
            sources,
            regexes,
            allow,
            source: if p.extra.is_empty() {
                format!("wordlists/{}.tsv", p.list)
            } else {
                format!("wordlists/{}.tsv en helder.yaml", p.list)
            },
        })
    }

    pub fn pattern_count(&self) -> usize {
        self.phrases.len()
    }

    /// The span of a match widened to whole tokens: it must start where a token starts
    /// and end where one ends, or just before the dot of an abbreviation ("jl.").
    fn token_span(doc: &Document, start: usize, end: usize) -> Option<Span> {
        let first = doc.tokens.partition_point(|t| t.span.start < start);
        let t0 = doc.tokens.get(first)?;
        if t0.span.start != start || t0.kind == TokenKind::Punct {
            return None;
        }
        let last = doc.tokens.partition_point(|t| t.span.end < end);
        let t1 = doc.tokens.get(last)?;
        let dot = t1.span.end == end + 1 && doc.text[end..].starts_with('.');
        if t1.span.end != end && !dot {
            return None;
        }
        Some(Span::new(start, t1.span.end))
    }
}

impl Rule for StockPhrase {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn word_level(&self) -> Option<u8> {
        Some(super::rank::STOCK_PHRASE)
    }

    fn list(&self) -> Option<super::ListInfo> {
        Some(super::ListInfo {
            entries: self.pattern_count(),
            what: "patronen",
            file: self.source.clone(),
            detail: None,
        })
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut hits: Vec<(Span, usize)> = Vec::new();
        let mut found = regex_automata::PatternSet::new(self.set.pattern_len());
        self.set.which_overlapping_matches(
            &regex_automata::Input::new(doc.lower.as_bytes()),
            &mut found,
        );
        for i in found.iter().map(|p| p.as_usize()) {
            let re = self.regexes[i]
                .get_or_init(|| bytes_regex(&self.sources[i]).expect("validated in from_def"));
            for m in re.find_iter(doc.lower.as_bytes()) {
                if let Some(span) = Self::token_span(doc, m.start(), m.end()) {
                    hits.push((span, i));
                }
            }
        }
        hits.sort_by_key(|(s, i)| (s.start, std::cmp::Reverse(s.end), *i));
        let mut covered = 0;
        for (span, i) in hits {
            if span.start < covered {
                continue;
            }
            covered = span.end;
            let original = doc.slice(span);
            if allowed(&self.allow, original) {
                continue;
            }
            let phrase = &self.phrases[i];
            let mut f = self.meta.finding(
                span,
                self.meta.message(&[
                    ("match", original),
                    ("reason", phrase.reason.as_str()),
                    ("pattern", phrase.pattern.as_str()),
                ]),
            );
            f.suggestions.push(Suggestion {
                span,
                replacement: phrase.rewrite.clone(),
                safety: Safety::Unsafe,
            });
            out.push(f);
        }
    }
}

fn bytes_regex(source: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(source)
        .unicode(false)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_str;
    use regex::Regex;

    fn hits(text: &str) -> Vec<String> {
        check_str(text, crate::rules::test_rules())
            .into_iter()
            .filter(|f| f.rule == "standaardzin")
            .map(|f| text[f.span.start..f.span.end].to_owned())
            .collect()
    }

    #[test]
    fn pattern_syntax() {
        let re = Regex::new(&compile("mocht (u|je) [nog] (vragen|een vraag) [hebben]").unwrap())
            .unwrap();
        assert!(re.is_match("mocht u nog vragen hebben, dan"));
        assert!(re.is_match("mocht je een   vraag hebben"));
        assert!(re.is_match("mocht u vragen"));
        assert!(!re.is_match("mocht u nooit vragen"));
        let re = Regex::new(&compile("{datum} (jongstleden|jl)").unwrap()).unwrap();
        assert!(re.is_match("uw brief van 3 maart 2025 jongstleden"));
        assert!(re.is_match("op 12-03-2025 jl."));
        let re = Regex::new(&compile("(zien|zie) (wij|we) (uw|je) … tegemoet").unwrap()).unwrap();
        assert!(re.is_match("zien wij uw betaling graag tegemoet"));
        assert!(!re.is_match("zien wij uw betaling. dan tegemoet"));
        assert!(compile("(a|b").is_err());
        assert!(compile("[alleen optioneel]").is_err());
    }

    #[test]
    fn the_whole_list_compiles() {
        let rules = crate::rules::test_rules();
        let r = rules.get("standaardzin").unwrap();
        assert!(r.list().unwrap().entries >= 60);
    }

    #[test]
    fn openings_and_closings() {
        assert_eq!(
            hits("Naar aanleiding van uw brief van 3 maart laten wij u weten dat u geld krijgt."),
            ["Naar aanleiding van uw brief"]
        );
        assert_eq!(
            hits("Hierbij deel ik u mede dat uw aanvraag is toegekend.").len(),
            1
        );
        assert_eq!(
            hits("Mocht u nog vragen hebben, dan kunt u bellen."),
            ["Mocht u nog vragen hebben"]
        );
        assert_eq!(
            hits("Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd."),
            ["Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd"]
        );
        assert_eq!(hits("Hoogachtend,\n\nJan de Vries"), ["Hoogachtend"]);
        assert_eq!(
            hits("In afwachting van uw reactie, verblijf ik."),
            ["In afwachting van uw reactie"]
        );
        assert_eq!(hits("Uw brief van 3 mei jl. is ontvangen.")[0], "3 mei jl.");
    }

    #[test]
    fn extra_patterns_and_allow_list() {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: stock_phrase, severity: info, title: t, message: m, explanation: e,
              params: {extra: [\"met klantvriendelijke groet\tMet vriendelijke groet,\tDubbel.\tH\"],
                       allow: [hoogachtend]}}",
        )
        .unwrap();
        let rule = StockPhrase::from_def(&def).unwrap();
        let found = |text: &str| {
            let doc = Document::from_text(text);
            let mut out = Vec::new();
            rule.check(&doc, &mut out);
            out.into_iter()
                .map(|f| text[f.span.start..f.span.end].to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Met klantvriendelijke groet,"),
            ["Met klantvriendelijke groet"]
        );
        assert!(found("Hoogachtend,").is_empty());
        assert_eq!(
            found("Mocht u nog vragen hebben, bel ons."),
            ["Mocht u nog vragen hebben"]
        );
    }

    #[test]
    fn ordinary_sentences_are_left_alone() {
        assert!(hits("Heeft u nog vragen? Bel ons dan.").is_empty());
        assert!(hits("Met vriendelijke groet,").is_empty());
        assert!(hits("De hoogachtende toon van de brief.").is_empty());
        assert!(hits("Wij sturen u een e-mail met de afspraak.").is_empty());
    }
}
