//! `stock_phrase`: stock openings and closings of letters and e-mails ("Naar aanleiding
//! van uw brief", "Mocht u nog vragen hebben", "Hoogachtend"), each with a rewrite and a
//! short reason (B1-GUIDE §5). The patterns (`wordlists/standaardzinnen.tsv`) have a small
//! syntax: words, `(a|b c)` alternatives, `[optional words]`, `…` for a gap of one to six
//! words and `{datum}` for a date. Every pattern becomes a regex over the document's
//! lowercase text, built on first use: a text is only tried at tokens that can start a
//! pattern (its first word, or a number for `{datum}`), so a letter builds only the few
//! regexes whose first word it contains, and start-up builds none. Between two words of
//! a pattern any run of whitespace matches (a line break counts as a space), so the text
//! needs no folded copy. Matches start and end on token edges; of overlapping matches the
//! leftmost-longest wins.

use super::prebuilt::Matcher;
pub use super::stock_syntax::compile;
use super::stock_syntax::{Element, WEEKDAYS, parse, regex_of};
use super::{Rule, RuleMeta, allowed, leading_word, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion};
use crate::text::lexicon::key;
use crate::text::vocab::PerWord;
use crate::text::{Document, Span, TokenKind};
use memchr::memmem::Finder;
use regex_automata::{Anchored, Input, meta};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

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
    /// Patterns by the `leading_word` of the word a match can start on: a text is only
    /// tried where such a word occurs, so a letter compiles only the few patterns whose
    /// first word it contains, and no automaton over all patterns is built at start-up.
    by_word: HashMap<String, Candidates>,
    /// The words that can follow a pattern's first word, each with a small code: a
    /// candidate compares the next token's code, looked up once per distinct word.
    next_words: HashMap<String, u32>,
    /// Patterns that can start on a number (`{datum}`), with the words of which one must
    /// follow the date, when known and the pattern opens with the date (searchers built
    /// once: each looks through the whole text).
    by_number: Vec<(usize, Option<Vec<Finder<'static>>>)>,
    /// Patterns that can start anywhere, searched through the whole text with a regex
    /// (built on first use) that also tells where each match starts.
    anywhere: Vec<(usize, OnceLock<meta::Regex>)>,
    /// Each pattern's regex, on bytes with Unicode off: the DFA build.rs made for a
    /// built-in pattern, or a regex built on first use. The text is lowercased; non-ASCII
    /// letters match as UTF-8, and matches are checked against token edges afterwards.
    sources: Vec<String>,
    regexes: Vec<OnceLock<Matcher>>,
    allow: HashSet<String>,
    /// Where the patterns come from, for `helder explain`.
    source: String,
}

/// The patterns that may start at a word.
#[derive(Default)]
struct Candidates {
    /// Those whose next word is not known.
    any: Vec<usize>,
    /// Those that need a certain next word, as (its code in `StockPhrase::next_words`,
    /// pattern), sorted: a token finds the patterns for its next word by a binary search
    /// instead of testing every pattern's words.
    by_next: Vec<(u32, usize)>,
}

/// The code of a word that is none of `StockPhrase::next_words`.
const OTHER_WORD: u32 = u32::MAX;

/// Where a pattern can start.
#[derive(Debug, PartialEq)]
enum Start {
    /// A word token whose `leading_word` is the first string, followed by a word token
    /// whose `leading_word` is one of the second (when that is known).
    Word(String, Option<Vec<String>>),
    /// A number token (`{datum}`: "3 maart", "12-03-2025"); the text must then hold one
    /// of the words after the date (when that is known).
    Number(Option<Vec<String>>),
    /// Anywhere (a pattern that opens with `…`).
    Anywhere,
}

/// The tokens a match of the pattern can start on: the first words of its leading
/// optional parts and of its first fixed part, each with the words that can follow it.
fn starts(elements: &[Element]) -> Vec<Start> {
    let mut out = Vec::new();
    let word = |ws: &[String], rest: &[Element]| {
        let first = leading_word(&ws[0]);
        let next = if first.len() != ws[0].len() {
            // "e-mail": the tokeniser may split it, so the next token is not known.
            None
        } else if let Some(second) = ws.get(1) {
            Some(vec![leading_word(second).to_owned()])
        } else {
            firsts(rest)
        };
        Start::Word(first.to_owned(), next)
    };
    for (i, e) in elements.iter().enumerate() {
        let rest = &elements[i + 1..];
        match e {
            Element::Optional(ws) => out.push(word(ws, rest)),
            Element::Words(ws) => {
                out.push(word(ws, rest));
                break;
            }
            Element::Choice(alts) => {
                out.extend(alts.iter().map(|a| word(a, rest)));
                break;
            }
            Element::Date => {
                out.extend(WEEKDAYS.iter().map(|d| Start::Word((*d).to_owned(), None)));
                // Words before the date ("[op] {datum} jl") could be matched from a
                // number too, so only a date that opens the pattern has known words
                // right after its text (see `date_byte`).
                out.push(Start::Number(if i == 0 { firsts(rest) } else { None }));
                break;
            }
            Element::Gap => {
                out.push(Start::Anywhere);
                break;
            }
        }
    }
    out
}

/// The `leading_word`s of the words a match of these elements must begin with; `None`
/// when that is not a fixed set (a gap, a date, or nothing left).
fn firsts(elements: &[Element]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for e in elements {
        match e {
            Element::Optional(ws) => out.push(leading_word(&ws[0]).to_owned()),
            Element::Words(ws) => {
                out.push(leading_word(&ws[0]).to_owned());
                return Some(out);
            }
            Element::Choice(alts) => {
                out.extend(alts.iter().map(|a| leading_word(&a[0]).to_owned()));
                return Some(out);
            }
            Element::Gap | Element::Date => return None,
        }
    }
    None
}

/// Can a byte be part of a date (`stock_syntax::DATE`) or of the spaces after it? A
/// date pattern's match from a number holds only these before the word after the date.
fn date_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'-' | b'/')
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
        let mut by_word: HashMap<String, Candidates> = HashMap::default();
        let mut next_words: HashMap<String, u32> = HashMap::default();
        let mut by_number = Vec::new();
        let mut anywhere = Vec::new();
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
            let elements =
                parse(pattern).map_err(|e| format!("regel '{}': {place}: {e}", def.id))?;
            let i = phrases.len();
            for start in starts(&elements) {
                match start {
                    Start::Word(w, next) => {
                        let c = by_word.entry(w).or_default();
                        match next {
                            None => c.any.push(i),
                            Some(ws) => {
                                for w in ws {
                                    let code = next_words.len() as u32;
                                    let code = *next_words.entry(w).or_insert(code);
                                    c.by_next.push((code, i));
                                }
                            }
                        }
                    }
                    Start::Number(words) => by_number.push((
                        i,
                        words.map(|ws| ws.iter().map(|w| Finder::new(w).into_owned()).collect()),
                    )),
                    Start::Anywhere => anywhere.push((i, OnceLock::new())),
                }
            }
            let re = regex_of(&elements);
            // The list's own patterns are checked by a test; a project's extra patterns
            // are compiled now, so a bad one is a configuration error.
            if place.starts_with("extra") {
                super::lean_regex(&re).map_err(|e| format!("regel '{}': {place}: {e}", def.id))?;
            }
            sources.push(re);
            phrases.push(Phrase {
                pattern: pattern.clone(),
                rewrite: rewrite.clone(),
                reason: reason.clone(),
            });
        }
        for c in by_word.values_mut() {
            c.by_next.sort_unstable();
            c.by_next.dedup();
        }
        let regexes = sources.iter().map(|_| OnceLock::new()).collect();
        Ok(StockPhrase {
            meta: RuleMeta::new(def),
            phrases,
            by_word,
            next_words,
            by_number,
            anywhere,
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

    /// Pattern `i`, for searches anchored at a token.
    fn matcher(&self, i: usize) -> &Matcher {
        self.regexes[i]
            .get_or_init(|| Matcher::anchored(&self.sources[i]).expect("validated in from_def"))
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
        let hay = doc.lower.as_bytes();
        let try_at = |i: usize, start: usize, hits: &mut Vec<(Span, usize)>| {
            // Anchored at the token, with the text before it in view for `\b`.
            let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
            if let Some(end) = self.matcher(i).find_end(input)
                && let Some(span) = Self::token_span(doc, start, end)
            {
                hits.push((span, i));
            }
        };
        // The leading word of a token (of the text from its start, cut at its end) is
        // the leading word of the token's own text: each distinct word's candidates are
        // looked up once.
        let vocab = doc.vocab();
        let head = |i: usize| {
            let w = doc.token_lower(&doc.tokens[i]);
            &w[..w.len().min(vocab.head_len(doc, i))]
        };
        let code_of = |w: &str| self.next_words.get(w).copied().unwrap_or(OTHER_WORD);
        // The code of token `i`'s leading word: once per distinct word, but measured in
        // the text for a joined token (its leading word may differ from its id's).
        let mut codes = PerWord::new(vocab);
        let mut next_code = |i: usize| {
            if vocab.is_joined(i) {
                code_of(head(i))
            } else {
                codes.get_or(vocab.id(i), || code_of(head(i)))
            }
        };
        // A token's leading word, cut at its end, is the leading word of its own text:
        // each distinct word's candidates are looked up once, and only the tokens of
        // words that can start a pattern are visited.
        for id in 0..vocab.len() {
            let Some(candidates) = self.by_word.get(&vocab.word(id)[..vocab.id_head_len(id)])
            else {
                continue;
            };
            for &ti in vocab.positions(id) {
                let ti = ti as usize;
                let t = &doc.tokens[ti];
                if t.kind != TokenKind::Word {
                    continue;
                }
                for &phrase in &candidates.any {
                    try_at(phrase, t.span.start, &mut hits);
                }
                if candidates.by_next.is_empty()
                    || doc
                        .tokens
                        .get(ti + 1)
                        .is_none_or(|n| n.kind != TokenKind::Word)
                {
                    continue;
                }
                let code = next_code(ti + 1);
                let by_next = &candidates.by_next;
                let from = by_next.partition_point(|&(c, _)| c < code);
                for &(c, phrase) in &by_next[from..] {
                    if c != code {
                        break;
                    }
                    try_at(phrase, t.span.start, &mut hits);
                }
            }
        }
        for (i, words) in &self.by_number {
            let i = *i;
            let Some(words) = words else {
                for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Number) {
                    try_at(i, t.span.start, &mut hits);
                }
                continue;
            };
            // A match from a number is a date and spaces, then one of `words`: only the
            // numbers in a run of `date_byte`s that ends where such a word starts are
            // tried (of a text's thousands of numbers, a few). Every occurrence counts,
            // overlapping ones too.
            let mut ends = Vec::new();
            for w in words {
                let mut from = 0;
                while let Some(p) = w.find(&hay[from..]) {
                    ends.push(from + p);
                    from += p + 1;
                }
            }
            ends.sort_unstable();
            ends.dedup();
            // The run before the previous end, so that a long run is read once.
            let (mut prev_start, mut prev_end) = (0, 0);
            let mut next_token = 0;
            for end in ends {
                let mut start = end;
                while start > prev_end && date_byte(hay[start - 1]) {
                    start -= 1;
                }
                if start == prev_end && prev_end > 0 {
                    start = prev_start;
                }
                (prev_start, prev_end) = (start, end);
                let mut k = next_token.max(doc.tokens.partition_point(|t| t.span.start < start));
                while let Some(t) = doc.tokens.get(k)
                    && t.span.start < end
                {
                    if t.kind == TokenKind::Number {
                        try_at(i, t.span.start, &mut hits);
                    }
                    k += 1;
                }
                next_token = k;
            }
        }
        for (i, re) in &self.anywhere {
            let i = *i;
            let re = re.get_or_init(|| {
                super::lean_regex(&self.sources[i]).expect("validated in from_def")
            });
            for m in re.find_iter(hay) {
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
        // The regexes are built lazily, so build each of the list's own here.
        for (_, row) in tsv_rows(wordlist("standaardzinnen").unwrap()) {
            let elements = parse(row[0]).unwrap();
            assert!(!starts(&elements).is_empty(), "{}", row[0]);
            crate::rules::lean_regex(&regex_of(&elements)).unwrap();
        }
    }

    #[test]
    fn every_byte_of_a_date_is_a_date_byte() {
        use regex_syntax::hir::{Class, Hir, HirKind};
        fn check(h: &Hir) {
            match h.kind() {
                HirKind::Literal(l) => assert!(l.0.iter().all(|&b| date_byte(b)), "{h:?}"),
                HirKind::Class(Class::Bytes(c)) => {
                    for r in c.ranges() {
                        assert!((r.start()..=r.end()).all(date_byte), "{h:?}");
                    }
                }
                HirKind::Class(Class::Unicode(c)) => {
                    for r in c.ranges() {
                        assert!(
                            (r.start()..=r.end()).all(|c| c.is_ascii() && date_byte(c as u8)),
                            "{h:?}"
                        );
                    }
                }
                HirKind::Repetition(r) => check(&r.sub),
                HirKind::Capture(c) => check(&c.sub),
                HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().for_each(check),
                HirKind::Empty | HirKind::Look(_) => {}
            }
        }
        // The date, and the spaces the pattern puts after it.
        let re = format!("{} +", *super::super::stock_syntax::DATE);
        check(&regex_syntax::Parser::new().parse(&re).unwrap());
    }

    #[test]
    fn where_a_pattern_can_start() {
        let words = |p: &str| -> Vec<Start> { starts(&parse(p).unwrap()) };
        assert_eq!(
            words("[en] mocht (u|je) vragen"),
            [
                Start::Word("en".into(), Some(vec!["mocht".into()])),
                Start::Word("mocht".into(), Some(vec!["u".into(), "je".into()]))
            ]
        );
        assert_eq!(
            words("(e-mail|brief) dient ter"),
            [
                Start::Word("e".into(), None),
                Start::Word("brief".into(), Some(vec!["dient".into()]))
            ]
        );
        assert!(words("{datum} jl").contains(&Start::Number(Some(vec!["jl".into()]))));
        assert_eq!(words("… tegemoet"), [Start::Anywhere]);
    }

    #[test]
    fn a_match_inside_a_longer_one_and_across_lines() {
        // "e-mail" is one token; the pattern word is matched inside it.
        assert_eq!(
            hits("Deze e-mail dient ter informatie.").len(),
            1,
            "{:?}",
            hits("Deze e-mail dient ter informatie.")
        );
        assert_eq!(
            hits("Mocht u nog\nvragen hebben, bel ons."),
            ["Mocht u nog\nvragen hebben"]
        );
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
