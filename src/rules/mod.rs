//! The rule engine. Rules are data (`rules/*.yaml`): each entry is an instance of one of
//! a small closed set of rule *kinds*, one Rust file per kind. Everything expensive
//! (automata, regexes) is built when the rule set is loaded, once per process.

pub mod abbreviation;
pub mod address_form;
pub mod auxiliary;
pub mod clamp;
pub mod cue_patterns;
pub mod enumeration;
pub mod er_construction;
pub mod long_word;
pub mod negation;
pub mod nominal_style;
pub mod paragraph_length;
pub mod passive;
pub mod prebuilt;
pub mod pyramid;
pub mod rare_word;
pub mod registry;
pub mod sentence_length;
pub mod stock_phrase;
pub mod stock_syntax;
pub mod subheadings;
pub mod suppression;
pub mod word_index;
pub mod word_list;

use crate::config::schema::RuleDef;
use crate::finding::{Finding, Severity, Suggestion, Template};
use crate::text::{Document, Span};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What every rule instance knows about itself.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub severity: Severity,
    /// The rule's general hint, kept for the life of the process like the id, so a
    /// finding borrows it instead of copying it.
    pub hint: Option<&'static str>,
    /// The message template, read once.
    pub template: Template,
    pub def: RuleDef,
}

impl RuleMeta {
    pub fn new(def: &RuleDef) -> RuleMeta {
        RuleMeta {
            // Rule ids live as long as the process; leaking them lets findings carry a
            // `&'static str` instead of a String each.
            id: Box::leak(def.id.clone().into_boxed_str()),
            hint: def
                .hint
                .as_ref()
                .map(|h| &*Box::leak(h.clone().into_boxed_str())),
            severity: def.severity,
            template: Template::new(&def.message),
            def: def.clone(),
        }
    }

    /// A finding of this rule, with the rule's hint.
    pub fn finding(&self, span: Span, message: String) -> Finding {
        self.finding_with_hint(span, message, self.hint.map(Cow::Borrowed))
    }

    /// A finding of this rule with a hint of its own (no copy of the rule's hint is made
    /// only to be replaced).
    pub fn finding_with_hint(
        &self,
        span: Span,
        message: String,
        hint: Option<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            rule: self.id,
            severity: self.severity,
            span,
            message,
            hint,
            suggestions: Vec::new(),
        }
    }

    pub fn message(&self, vars: &[(&str, &str)]) -> String {
        self.template.fill(vars)
    }

    /// The fix safety the rule file declares for its suggestions.
    pub fn safety(&self) -> crate::finding::Safety {
        self.def.fix.unwrap_or_default()
    }

    pub fn suggestion(&self, span: Span, replacement: String) -> Suggestion {
        Suggestion {
            span,
            replacement,
            safety: self.safety(),
        }
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);

    /// `Some(rank)` for word-level rules (word lists, stock phrases, abbreviations, rare
    /// and long words): rules that flag a word or a group of words. When two of them flag
    /// the same or nested spans, [`RuleSet::check`] keeps one; on equal spans the lower
    /// rank (the more specific advice) wins.
    fn word_level(&self) -> Option<u8> {
        None
    }

    /// The rule's list (words, phrases, patterns) for `helder explain`; `None` for
    /// rules without a list.
    fn list(&self) -> Option<ListInfo> {
        None
    }
}

/// What `helder explain` says about a rule's list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListInfo {
    /// Number of entries.
    pub entries: usize,
    /// What an entry is, plural Dutch ("woorden en woordgroepen").
    pub what: &'static str,
    /// Where the entries live ("wordlists/ambtelijk.tsv").
    pub file: String,
    /// Extra detail, such as the entries per sector.
    pub detail: Option<String>,
}

/// A regex on bytes with Unicode off, without the engines that only pay off on long
/// texts (one-pass DFA, backtracker, literal prefilter): for patterns that search a
/// sentence or a few anchored places, it builds in half the time of a full `regex`.
/// Non-ASCII literals still match as UTF-8.
pub fn lean_regex(source: &str) -> Result<regex_automata::meta::Regex, String> {
    use regex_automata::{meta, nfa::thompson::WhichCaptures, util::syntax};
    meta::Regex::builder()
        .configure(
            meta::Config::new()
                .which_captures(WhichCaptures::Implicit)
                .onepass(false)
                .backtrack(false)
                .auto_prefilter(false),
        )
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build(source)
        .map_err(|e| e.to_string())
}

/// Ranks for [`Rule::word_level`], most specific first.
pub mod rank {
    pub const STOCK_PHRASE: u8 = 0;
    pub const WORD_LIST: u8 = 1;
    pub const ABBREVIATION: u8 = 2;
    /// A long word's advice (split it, with the parts) is more concrete than a rare
    /// word's (explain it), so it wins when both flag the same word.
    pub const LONG_WORD: u8 = 3;
    pub const RARE_WORD: u8 = 4;
}

/// Parse a kind's typed params (`deny_unknown_fields` on the kind's struct).
pub fn params<T: serde::de::DeserializeOwned + Default>(def: &RuleDef) -> Result<T, String> {
    if def.params.is_null() {
        return Ok(T::default());
    }
    serde_yaml::from_value(def.params.clone()).map_err(|e| {
        let msg = e.to_string();
        let msg = crate::config::translate_serde(&msg).unwrap_or(msg);
        format!("regel '{}': ongeldige params: {msg}", def.id)
    })
}

/// The index of the last token of a run of whole words that starts with word token
/// `first` and ends exactly at byte `end`, if there is one. A match spans a few tokens:
/// walking forward is cheaper than searching the whole document.
pub fn whole_words_from(doc: &Document, first: usize, end: usize) -> Option<usize> {
    let last = first + doc.tokens[first..].iter().position(|t| t.span.end >= end)?;
    let end_tok = &doc.tokens[last];
    (end_tok.span.end == end && end_tok.kind == crate::text::TokenKind::Word).then_some(last)
}

pub use word_index::leading_word;

/// Is `text` on a rule's allow-list (lowercase NFC keys)?
pub fn allowed(allow: &rustc_hash::FxHashSet<String>, text: &str) -> bool {
    !allow.is_empty() && allow.contains(&crate::text::lexicon::key(text))
}

/// Is token `i` of sentence `s` the sentence's first word (not counting punctuation,
/// list numbers and opening quotes)?
pub fn first_word_of_sentence(doc: &Document, s: &crate::text::Sentence, i: usize) -> bool {
    !doc.tokens[s.tokens.start..i]
        .iter()
        .any(|t| t.kind == crate::text::TokenKind::Word)
}

/// Is a capital normal at token `i` of sentence `s`: the first word, or after a colon,
/// an opening bracket or quote ("Let op: Indien …")? Elsewhere a capital marks a name.
pub fn capital_expected(doc: &Document, s: &crate::text::Sentence, i: usize) -> bool {
    first_word_of_sentence(doc, s, i)
        || i.checked_sub(1).is_some_and(|p| {
            matches!(
                doc.token_text(&doc.tokens[p]),
                ":" | "(" | "\"" | "“" | "„" | "'" | "‘" | "«" | "-" | "–" | "•"
            )
        })
}

/// The inside of every quotation in the text ("U schreef: 'indien mogelijk …'"): the
/// words of someone else, which word-level rules leave alone. Quotes pair up within a
/// paragraph; an unclosed quote quotes nothing.
pub fn quoted_spans(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = doc.text.as_bytes();
    for p in &doc.paragraphs {
        let (Some(first), Some(last)) = (
            doc.sentences.get(p.sentences.start),
            p.sentences
                .end
                .checked_sub(1)
                .and_then(|l| doc.sentences.get(l)),
        ) else {
            continue;
        };
        if without_quotes(doc, p) {
            continue;
        }
        let mut open: Option<(usize, &str)> = None;
        for t in &doc.tokens[first.tokens.start..last.tokens.end] {
            // Every quote begins with one of these bytes (the curly ones and the
            // guillemets are three and two bytes long): most punctuation is passed by
            // one comparison.
            if t.kind != crate::text::TokenKind::Punct
                || !matches!(bytes.get(t.span.start), Some(b'"' | b'\'' | 0xE2 | 0xC2))
            {
                continue;
            }
            let q = doc.token_text(t);
            match (q, open) {
                ("“" | "„" | "«" | "‘", None) => open = Some((t.span.end, q)),
                ("”" | "»" | "’", Some((start, _))) => {
                    out.push(Span::new(start, t.span.start));
                    open = None;
                }
                ("\"" | "'", None) => open = Some((t.span.end, q)),
                ("\"" | "'", Some((start, o))) if o == q => {
                    out.push(Span::new(start, t.span.start));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// Whether paragraph `p` surely holds no quotation mark: no sentence of it has one (by
/// their word classes), and its sentences cover its tokens without a gap. A rule that
/// looks for quotations does not read the tokens of such a paragraph.
pub fn without_quotes(doc: &Document, p: &crate::text::Paragraph) -> bool {
    let vocab = doc.vocab();
    p.sentences
        .clone()
        .all(|s| vocab.sentence_classes(s) & crate::text::word_class::QUOTE_MARK == 0)
        && doc.sentences[p.sentences.clone()]
            .windows(2)
            .all(|w| w[0].tokens.end == w[1].tokens.start)
}

/// The places of the words a rule flags, in text order, each with its sentence: the word
/// tokens (no abbreviations) of every id for which `flagged` holds, inside a sentence. A
/// rule that judged each distinct word once ([`crate::text::vocab::Vocab`]) visits only
/// these, not every token.
pub fn flagged_words(doc: &Document, flagged: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut sentence_of = crate::text::SentenceCursor::default();
    positions_of(doc, flagged)
        .into_iter()
        .filter_map(|i| {
            let i = i as usize;
            let t = &doc.tokens[i];
            if t.kind != crate::text::TokenKind::Word || t.has(crate::text::token::ABBREV) {
                return None;
            }
            sentence_of
                .at(doc, t.span.start)
                .filter(|&si| doc.sentences[si].tokens.contains(&i))
                .map(|si| (i, si))
        })
        .collect()
}

/// The tokens of every id for which `flagged` holds, in text order: the positions of
/// the few ids a rule looks for instead of a walk over every token.
pub fn positions_of(doc: &Document, flagged: impl Fn(usize) -> bool) -> Vec<u32> {
    let vocab = doc.vocab();
    let mut tokens: Vec<u32> = (0..vocab.len())
        .filter(|&id| flagged(id))
        .flat_map(|id| vocab.positions(id).iter().copied())
        .collect();
    // Each id's positions are in order already: the stable sort merges these runs.
    tokens.sort();
    tokens
}

/// Does the sentence end in closing punctuation, as prose does? Address blocks,
/// signatures and headings do not.
pub fn ends_like_prose(doc: &Document, s: &crate::text::Sentence) -> bool {
    doc.sentence_tokens(s)
        .iter()
        .rev()
        .find(|t| !matches!(doc.token_text(t), "\"" | "'" | "”" | "’" | ")"))
        .is_some_and(|t| matches!(doc.token_text(t), "." | "?" | "!" | "…" | "..." | ":" | ";"))
}

/// Is the sentence a subject line ("Betreft: …", "Onderwerp: …")?
pub fn subject_line(doc: &Document, s: &crate::text::Sentence) -> bool {
    doc.tokens[s.tokens.clone()]
        .first()
        .is_some_and(|t| matches!(doc.token_lower(t), "betreft" | "onderwerp"))
}

/// A capital first letter: names, or the first word of a sentence.
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The built-in rules, built once for all unit tests.
#[cfg(test)]
pub(crate) fn test_rules() -> &'static RuleSet {
    static RULES: std::sync::LazyLock<RuleSet> = std::sync::LazyLock::new(crate::default_rules);
    &RULES
}

/// The loaded rules, ready to run.
pub struct RuleSet {
    rules: Vec<Box<dyn Rule>>,
    /// Per rule, how many findings it gave on the document before: room for about as
    /// many the next time. A large file's parts and a folder's letters are alike, and a
    /// list that grows by doubling copies its findings over and over.
    last_counts: Vec<AtomicUsize>,
}

/// The most findings a rule's list is sized for beforehand.
const MAX_SIZE_HINT: usize = 1 << 14;

impl RuleSet {
    pub fn new(rules: Vec<Box<dyn Rule>>) -> RuleSet {
        let last_counts = rules.iter().map(|_| AtomicUsize::new(0)).collect();
        RuleSet { rules, last_counts }
    }

    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    pub fn get(&self, id: &str) -> Option<&dyn Rule> {
        self.rules().find(|r| r.meta().id == id)
    }

    /// The sentence length above which a sentence counts as long (the `lange-zin`
    /// rule's `max_words`), for the score.
    pub fn long_sentence_threshold(&self) -> usize {
        self.get("lange-zin")
            .and_then(|r| r.meta().def.params.get("max_words"))
            .and_then(serde_yaml::Value::as_u64)
            .map_or(20, |n| n as usize)
    }

    /// Run every rule on a document; findings sorted by place, then rule id. Word-level
    /// findings inside a quotation are dropped ([`quoted_spans`]); findings of different
    /// word-level rules on the same or nested spans are merged (see [`combine`]).
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let rules: Vec<&dyn Rule> = self.rules().collect();
        combine(&rules, doc, self.run(doc))
    }

    /// Each rule's own findings, in the order of the rules, before [`combine`]. The
    /// score reuses them for the rules it counts.
    pub fn run(&self, doc: &Document) -> Vec<Vec<Finding>> {
        self.rules()
            .zip(&self.last_counts)
            .map(|(r, last)| {
                // Relaxed: threads checking parts at once only share a size hint.
                let found = run_sized(r, doc, last.load(Ordering::Relaxed).min(MAX_SIZE_HINT));
                last.store(found.len(), Ordering::Relaxed);
                found
            })
            .collect()
    }
}

/// One rule's findings. The rule's general hint is kept only for findings without a
/// concrete rewrite.
pub fn run_one(rule: &dyn Rule, doc: &Document) -> Vec<Finding> {
    run_sized(rule, doc, 0)
}

/// [`run_one`] with room for `expected` findings.
fn run_sized(rule: &dyn Rule, doc: &Document, expected: usize) -> Vec<Finding> {
    let mut out = Vec::with_capacity(expected);
    rule.check(doc, &mut out);
    let general = rule.meta().hint;
    for f in &mut out {
        if !f.suggestions.is_empty() && f.hint.as_deref() == general {
            f.hint = None;
        }
    }
    out
}

/// Whether two rule definitions give the same findings (severity, texts and the
/// on/off switch do not change which words a rule flags).
pub fn same_findings(a: &RuleDef, b: &RuleDef) -> bool {
    a.id == b.id && a.kind == b.kind && a.params == b.params && a.supersedes == b.supersedes
}

/// The findings of a set of rules from each rule's own findings (`per_rule`, aligned
/// with `rules`): quotations dropped, word-level findings merged (as
/// [`merge_word_level`] does), superseded findings removed, sorted by place and rule id.
///
/// The findings stay where they are while this happens: each one's rule is known by a
/// number (its id's place in string order) and its word level is looked up once per run
/// of findings of one rule, so sorting and merging compare numbers, not rule ids, and
/// move no finding before the last step.
pub fn combine(rules: &[&dyn Rule], doc: &Document, per_rule: Vec<Vec<Finding>>) -> Vec<Finding> {
    let levels: Vec<(&'static str, u8, usize)> = rules
        .iter()
        .enumerate()
        .filter_map(|(order, r)| r.word_level().map(|rank| (r.meta().id, rank, order)))
        .collect();
    let level = |id: &str| levels.iter().find(|(r, _, _)| *r == id).map(|l| (l.1, l.2));
    let total = per_rule.iter().map(Vec::len).sum();
    let mut slots: Vec<Option<Finding>> = Vec::with_capacity(total);
    let mut keys: Vec<Key> = Vec::with_capacity(total);
    // The distinct rule ids of the findings; a key's `rule` indexes this until ranked.
    let mut ids: Vec<&'static str> = Vec::new();
    for found in per_rule {
        let mut last: Option<(&'static str, RuleKey)> = None;
        for f in found {
            let (rule, word) = match last {
                // A rule's findings carry its own id: the same pointer.
                Some((id, key)) if std::ptr::eq(id, f.rule) => key,
                _ => {
                    let rule = match ids.iter().position(|&id| id == f.rule) {
                        Some(k) => k,
                        None => {
                            ids.push(f.rule);
                            ids.len() - 1
                        }
                    } as u32;
                    let key = (rule, level(f.rule));
                    last = Some((f.rule, key));
                    key
                }
            };
            keys.push(Key {
                span: f.span,
                rule,
                word,
            });
            slots.push(Some(f));
        }
    }
    // Number the ids in string order: comparing numbers then compares the ids.
    let mut by_name: Vec<u32> = (0..ids.len() as u32).collect();
    by_name.sort_by_key(|&k| ids[k as usize]);
    let mut rank = vec![0; ids.len()];
    for (r, &k) in by_name.iter().enumerate() {
        rank[k as usize] = r as u32;
    }
    for k in &mut keys {
        k.rule = rank[k.rule as usize];
    }
    let rule_number = |id: &str| ids.iter().position(|&i| i == id).map(|k| rank[k]);
    // Quotations are someone else's words.
    if keys.iter().any(|k| k.word.is_some()) {
        drop_quoted(&quoted_spans(doc), &keys, &mut slots);
    }
    merge_word_level(&keys, &mut slots);
    drop_superseded(rules, &rule_number, &keys, &mut slots);
    // By place and rule id; equal ones in the order the rules gave them. Each rule gives
    // its findings mostly in text order: a stable sort merges those runs.
    let mut order: Vec<(usize, usize, u32, usize)> = keys
        .iter()
        .enumerate()
        .filter(|(i, _)| slots[*i].is_some())
        .map(|(i, k)| (k.span.start, k.span.end, k.rule, i))
        .collect();
    order.sort();
    // Every slot in `order` is full: sized at once, not grown by copying findings.
    let mut combined = Vec::with_capacity(order.len());
    combined.extend(order.into_iter().filter_map(|(.., i)| slots[i].take()));
    combined
}

/// A rule id's number (see [`combine`]) and the rule's word level.
type RuleKey = (u32, Option<(u8, usize)>);

/// The order in which [`merge_word_level`] visits word-level findings: start,
/// longest first, rank, rule listed last first, then as given (the slot).
type WordOrder = (usize, Reverse<usize>, u8, Reverse<usize>, usize);

/// What [`combine`] needs of a finding, beside it.
#[derive(Clone, Copy, Debug)]
struct Key {
    span: Span,
    /// The rule id's number (see [`combine`]).
    rule: u32,
    /// For a word-level rule: its rank and its order in the set.
    word: Option<(u8, usize)>,
}

/// Empty the slots of the word-level findings inside a quotation.
fn drop_quoted(quoted: &[Span], keys: &[Key], slots: &mut [Option<Finding>]) {
    if quoted.is_empty() {
        return;
    }
    // Quotations come sorted and apart: only the last one that starts at or before a
    // finding can hold it (an earlier one could only hold an empty finding where the
    // later one starts, and the later one holds that too).
    let apart = quoted.iter().all(|q| q.start <= q.end)
        && quoted.windows(2).all(|w| w[0].end <= w[1].start);
    for (k, slot) in keys.iter().zip(slots) {
        if k.word.is_none() {
            continue;
        }
        let inside = if apart {
            let i = quoted.partition_point(|q| q.start <= k.span.start);
            i > 0 && quoted[i - 1].contains(k.span)
        } else {
            quoted.iter().any(|q| q.contains(k.span))
        };
        if inside {
            *slot = None;
        }
    }
}

/// One place, one word-level finding. When findings of two different word-level rules
/// cover the same span or one span lies inside the other ("Wij verzoeken u" as a stock
/// phrase and "verzoeken" as officialese), the longer span is kept; on equal spans the
/// rule with the lower rank (more specific advice), then the rule listed last (a
/// project's own rules come after the built-in ones, so house style wins). The kept
/// finding takes over the suggestions of the dropped one (each keeps its own span, after
/// the kept finding's own) and its hint when it has none, so no advice is lost. Findings
/// of one rule, partial overlaps and other rules are left alone.
///
/// On the findings in `slots` (empty slots are gone already), with each one's rule and
/// word level in `keys`: an absorbed finding's slot is emptied and its advice moved to
/// the one that absorbs it.
fn merge_word_level(keys: &[Key], slots: &mut [Option<Finding>]) {
    let mut word: Vec<WordOrder> = keys
        .iter()
        .enumerate()
        .filter(|(i, _)| slots[*i].is_some())
        .filter_map(|(i, k)| {
            let (rank, order) = k.word?;
            Some((k.span.start, Reverse(k.span.end), rank, Reverse(order), i))
        })
        .collect();
    // Longest first, then most specific (then as given): a finding can only be absorbed
    // by one before it. A stable sort merges the runs in text order of each rule.
    word.sort();
    // Kept findings that may still contain a later one (they end after its start).
    let mut open: Vec<usize> = Vec::new();
    for &(start, Reverse(end), .., i) in &word {
        open.retain(|&h| keys[h].span.end > start);
        let host = open.iter().rev().copied().find(|&h| {
            let k = &keys[h];
            k.rule != keys[i].rule && k.span.start <= start && end <= k.span.end
        });
        let Some(h) = host else {
            open.push(i);
            continue;
        };
        let f = slots[i].take().expect("a word-level finding");
        absorb(slots[h].as_mut().expect("a kept finding"), f);
    }
}

/// `k` takes over what `f`, a word finding inside it, adds: its suggestions (each at its
/// own place, once) and its hint when `k` has none.
fn absorb(k: &mut Finding, f: Finding) {
    for s in f.suggestions {
        if !k
            .suggestions
            .iter()
            .any(|o| o.span == s.span && o.replacement == s.replacement)
        {
            k.suggestions.push(s);
        }
    }
    if k.hint.is_none() {
        k.hint = f.hint;
    }
}

/// Remove findings of a rule another rule supersedes on overlapping words.
/// `rule_number` gives the number of a rule id among the findings' (see [`combine`]).
fn drop_superseded(
    rules: &[&dyn Rule],
    rule_number: &dyn Fn(&str) -> Option<u32>,
    keys: &[Key],
    slots: &mut [Option<Finding>],
) {
    // Only rules that have findings here count.
    let pairs: Vec<(u32, u32)> = rules
        .iter()
        .flat_map(|r| {
            let by = r.meta().id;
            r.meta()
                .def
                .supersedes
                .iter()
                .filter_map(move |s| Some((rule_number(by)?, rule_number(s)?)))
        })
        .collect();
    if pairs.is_empty() {
        return;
    }
    // Spans per superseding rule, sorted, so each lookup is a binary search
    // (a long text can have thousands of findings).
    let mut spans: Vec<(u32, Vec<Span>)> = Vec::new();
    for &(by, _) in &pairs {
        if !spans.iter().any(|(r, _)| *r == by) {
            let mut v: Vec<Span> = keys
                .iter()
                .zip(slots.iter())
                .filter(|(k, slot)| k.rule == by && slot.is_some())
                .map(|(k, _)| k.span)
                .collect();
            v.sort();
            spans.push((by, v));
        }
    }
    for (k, slot) in keys.iter().zip(slots.iter_mut()) {
        if slot.is_none() {
            continue;
        }
        let superseded = pairs.iter().filter(|(_, v)| *v == k.rule).any(|(by, _)| {
            let v = &spans.iter().find(|(r, _)| r == by).expect("collected").1;
            let i = v.partition_point(|s| s.start < k.span.end);
            v[..i].iter().rev().take(4).any(|s| s.overlaps(k.span))
        });
        if superseded {
            *slot = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Safety;

    fn f(rule: &'static str, start: usize, end: usize, repl: &str) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            span: Span::new(start, end),
            message: String::new(),
            hint: None,
            suggestions: vec![Suggestion {
                span: Span::new(start, end),
                replacement: repl.to_owned(),
                safety: Safety::Unsafe,
            }],
        }
    }

    /// The first merge of word-level findings (moving them), part of `combine_oracle`.
    fn merge_word_level_oracle(
        findings: Vec<Finding>,
        levels: &[(&str, u8, usize)],
    ) -> Vec<Finding> {
        let level = |id: &str| levels.iter().find(|(r, _, _)| *r == id).map(|l| (l.1, l.2));
        let (word, mut rest): (Vec<Finding>, Vec<Finding>) =
            findings.into_iter().partition(|f| level(f.rule).is_some());
        if word.len() < 2 {
            rest.extend(word);
            return rest;
        }
        let mut word = word;
        // Longest first, then most specific: a finding can only be absorbed by one before it.
        word.sort_by_key(|f| {
            let (rank, order) = level(f.rule).unwrap_or((u8::MAX, 0));
            (
                f.span.start,
                std::cmp::Reverse(f.span.end),
                rank,
                std::cmp::Reverse(order),
            )
        });
        let mut kept: Vec<Finding> = Vec::with_capacity(word.len());
        // Kept findings that may still contain a later one (they end after its start).
        // Findings come sorted by start, so one that ends before the current start can be
        // dropped for good: this keeps the search short on long texts.
        let mut open: Vec<usize> = Vec::new();
        for f in word {
            open.retain(|&i| kept[i].span.end > f.span.start);
            let host = open.iter().rev().copied().find(|&i| {
                let k = &kept[i];
                k.rule != f.rule && k.span.start <= f.span.start && f.span.end <= k.span.end
            });
            match host.map(|i| &mut kept[i]) {
                Some(k) => absorb(k, f),
                None => {
                    open.push(kept.len());
                    kept.push(f);
                }
            }
        }
        rest.extend(kept);
        rest
    }

    /// The first `combine`, with the first `drop_superseded`: the oracle for the one
    /// above, which keeps the findings in place.
    fn combine_oracle(
        rules: &[&dyn Rule],
        doc: &Document,
        per_rule: Vec<Vec<Finding>>,
    ) -> Vec<Finding> {
        let levels: Vec<(&'static str, u8, usize)> = rules
            .iter()
            .enumerate()
            .filter_map(|(order, r)| r.word_level().map(|rank| (r.meta().id, rank, order)))
            .collect();
        let mut out: Vec<Finding> = per_rule.into_iter().flatten().collect();
        if out.iter().any(|f| levels.iter().any(|l| l.0 == f.rule)) {
            let quoted = quoted_spans(doc);
            if !quoted.is_empty() {
                out.retain(|f| {
                    !levels.iter().any(|l| l.0 == f.rule)
                        || !quoted.iter().any(|q| q.contains(f.span))
                });
            }
        }
        let mut out = merge_word_level_oracle(out, &levels);
        drop_superseded_oracle(rules, &mut out);
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out
    }

    fn drop_superseded_oracle(rules: &[&dyn Rule], out: &mut Vec<Finding>) {
        let pairs: Vec<(&str, &str)> = rules
            .iter()
            .flat_map(|r| {
                let by = r.meta().id;
                r.meta()
                    .def
                    .supersedes
                    .iter()
                    .map(move |s| (by, s.as_str()))
            })
            .collect();
        if pairs.is_empty() {
            return;
        }
        let mut spans: Vec<(&str, Vec<Span>)> = Vec::new();
        for (by, _) in &pairs {
            if !spans.iter().any(|(r, _)| r == by) {
                let mut v: Vec<Span> = out
                    .iter()
                    .filter(|g| g.rule == *by)
                    .map(|g| g.span)
                    .collect();
                v.sort();
                spans.push((by, v));
            }
        }
        let superseded: Vec<bool> = out
            .iter()
            .map(|f| {
                pairs.iter().filter(|(_, v)| *v == f.rule).any(|(by, _)| {
                    let v = &spans.iter().find(|(r, _)| r == by).expect("collected").1;
                    let i = v.partition_point(|s| s.start < f.span.end);
                    v[..i].iter().rev().take(4).any(|s| s.overlaps(f.span))
                })
            })
            .collect();
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !superseded[i - 1]
        });
    }

    /// Words, quotes of every kind, sentence ends and paragraph breaks.
    const PIECES: &[&str] = &[
        "Wij ",
        "verzoeken ",
        "u ",
        "indien ",
        "mogelijk",
        "te ",
        "betalen",
        ". ",
        ", ",
        "'",
        "\"",
        "“",
        "”",
        "„",
        "‘",
        "’",
        "«",
        "»",
        "\n\n",
        "auto's ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn combine_agrees_with_the_oracle(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..120),
            raw in proptest::collection::vec(
                (0usize..64, 0usize..400, 0usize..40, 0usize..3, 0usize..4, 0usize..3),
                0..120,
            ),
            sorted in proptest::bool::ANY,
        ) {
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            let doc = Document::from_text(&text);
            let rules: Vec<&dyn Rule> = test_rules().rules().collect();
            let mut per_rule: Vec<Vec<Finding>> = vec![Vec::new(); rules.len()];
            for &(r, start, len, variant, hint, suggestions) in &raw {
                let r = r % rules.len();
                let id = rules[r].meta().id;
                let rule: &'static str = match variant {
                    0 => id,
                    // The same id at another address, or an id of no rule in the set.
                    1 => Box::leak(id.to_owned().into_boxed_str()),
                    _ => "eigen-regel",
                };
                let start = start % (text.len() + 1);
                let span = Span::new(start, (start + len).min(text.len()));
                per_rule[r].push(Finding {
                    rule,
                    severity: Severity::Warning,
                    span,
                    message: format!("{start}"),
                    hint: [None, Some("h"), Some("i"), None][hint].map(Cow::Borrowed),
                    suggestions: (0..suggestions)
                        .map(|k| Suggestion {
                            span: Span::new(span.start, span.end.max(span.start + k).min(text.len())),
                            replacement: ["a", "b"][k % 2].to_owned(),
                            safety: Safety::Unsafe,
                        })
                        .collect(),
                });
            }
            if sorted {
                for found in &mut per_rule {
                    found.sort_by_key(|f| f.span.start);
                }
            }
            let new = combine(&rules, &doc, per_rule.clone());
            let old = combine_oracle(&rules, &doc, per_rule);
            proptest::prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
        }
    }

    /// [`merge_word_level`] on `findings`, as `combine` calls it: what is left.
    fn merge(findings: Vec<Finding>, levels: &[(&str, u8, usize)]) -> Vec<Finding> {
        let mut ids: Vec<&str> = Vec::new();
        let keys: Vec<Key> = findings
            .iter()
            .map(|f| {
                let rule = ids.iter().position(|&i| i == f.rule).unwrap_or_else(|| {
                    ids.push(f.rule);
                    ids.len() - 1
                }) as u32;
                let word = levels
                    .iter()
                    .find(|(r, _, _)| *r == f.rule)
                    .map(|l| (l.1, l.2));
                Key {
                    span: f.span,
                    rule,
                    word,
                }
            })
            .collect();
        let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
        merge_word_level(&keys, &mut slots);
        slots.into_iter().flatten().collect()
    }

    const LEVELS: &[(&str, u8, usize)] = &[
        ("standaardzin", rank::STOCK_PHRASE, 0),
        ("ambtelijk-woord", rank::WORD_LIST, 1),
        ("vaag-woord", rank::WORD_LIST, 2),
        ("moeilijk-woord", rank::RARE_WORD, 3),
    ];

    #[test]
    fn nested_findings_merge_into_the_longest() {
        let out = merge(
            vec![
                f("ambtelijk-woord", 4, 13, "vragen"),
                f("standaardzin", 0, 15, "Wilt u"),
                f("lange-zin", 0, 40, ""),
            ],
            LEVELS,
        );
        assert_eq!(out.len(), 2);
        let kept = out.iter().find(|x| x.rule == "standaardzin").unwrap();
        let repl: Vec<&str> = kept
            .suggestions
            .iter()
            .map(|s| s.replacement.as_str())
            .collect();
        assert_eq!(repl, ["Wilt u", "vragen"]);
        assert_eq!(kept.suggestions[1].span, Span::new(4, 13));
    }

    #[test]
    fn equal_spans_keep_the_most_specific_rule() {
        let out = merge(
            vec![f("moeilijk-woord", 0, 5, "x"), f("vaag-woord", 0, 5, "y")],
            LEVELS,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "vaag-woord");
        // Same rank: the rule listed last (house style after the built-in lists).
        let out = merge(
            vec![f("ambtelijk-woord", 0, 5, "x"), f("vaag-woord", 0, 5, "y")],
            LEVELS,
        );
        assert_eq!(out[0].rule, "vaag-woord");
        assert_eq!(out[0].suggestions.len(), 2);
    }

    #[test]
    fn same_rule_and_partial_overlaps_stay() {
        let out = merge(
            vec![
                f("ambtelijk-woord", 0, 10, "a"),
                f("ambtelijk-woord", 2, 5, "b"),
                f("vaag-woord", 8, 14, "c"),
            ],
            LEVELS,
        );
        assert_eq!(out.len(), 3);
    }
}
