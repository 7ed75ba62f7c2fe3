//! `word_list`: words and phrases from a list, each with plainer alternatives or advice
//! (`ambtelijk-woord`, `vaag-woord`, house style). Every form of every entry is indexed by
//! its first word, so each word of the text costs one hash lookup (no automaton to build
//! at start-up, no scan of the text besides the tokens); of the whole-word matches, the
//! leftmost-longest that fits its context wins. Verbs match their inflected
//! forms; a phrase with a verb ("in behandeling nemen") matches its fixed part plus a form
//! of the verb nearby in the same sentence, in either order ("nemen uw aanvraag in
//! behandeling"); a verb with only a function word ("dienen te") matches the verb when
//! that word follows ("u dient het formulier te ondertekenen"). The index itself is made
//! in `word_index`; for a built-in list kept as shipped, build.rs made it already.

use super::word_index::{self, DEFAULT_COLUMNS, Entry, Prebuilt, Target, leading_word};
use super::{Rule, RuleMeta, allowed, params, whole_words_from};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case_owned};
use crate::text::lexicon::{Lexicon, key, lexicon, list_key};
use crate::text::morph::{VerbForm, adjective_inflected, inflect, is_separable, noun_plural};
use crate::text::word_class::{self, Classes};
use crate::text::word_hash;
use crate::text::word_set::WordSet;
use crate::text::{Document, SentenceCursor, Span, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Name of an embedded list (`wordlists/<name>.tsv`); empty for a rule made of
    /// `extra`/`extra_terms` only (house style).
    pub list: String,
    /// Column names of the list, in order. Known: term, alternatives, advice, sector,
    /// sources, flags.
    pub columns: Vec<String>,
    /// Sectors to check; empty = all.
    pub sectors: Vec<String>,
    /// Extra entries from the project configuration, in the list's own format.
    pub extra: Vec<String>,
    /// Extra entries in a friendlier form: term → alternatives (`cliënt: [klant]`); an
    /// empty list marks a word to avoid without a fixed alternative. A single word also
    /// matches its plural.
    pub extra_terms: BTreeMap<String, Vec<String>>,
    /// Words and phrases never flagged (the project's allow-list).
    pub allow: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            list: String::new(),
            columns: DEFAULT_COLUMNS.map(String::from).to_vec(),
            sectors: Vec::new(),
            extra: Vec::new(),
            extra_terms: BTreeMap::new(),
            allow: Vec::new(),
        }
    }
}

pub struct WordList {
    meta: RuleMeta,
    entries: Cow<'static, [Entry]>,
    /// Each entry's alternatives as the message says them ("'als' of 'wanneer'"), made
    /// when the entry is first reported: a list word recurs, and its text is the same.
    alternatives_text: Vec<OnceLock<Box<str>>>,
    /// Every form of every entry (lowercase).
    patterns: Cow<'static, [Cow<'static, str>]>,
    /// The leading word of each pattern ([`leading_word`]) → the patterns that start with it.
    heads: Heads,
    /// For a head of many patterns ("in" heads 137), its patterns by the word after it.
    by_second: HashMap<Box<str>, SecondWords>,
    targets: Cow<'static, [Cow<'static, [Target]>]>,
    /// Verb infinitive → its forms, for anchor verification.
    verb_forms: VerbForms,
    allow: HashSet<String>,
    /// Entries per sector (for `helder explain`).
    sectors: BTreeMap<String, usize>,
    /// Where the entries come from.
    source: String,
}

/// Each phrase verb's forms: built, or laid out by build.rs (sorted by verb, then form).
enum VerbForms {
    Built(HashMap<String, HashMap<String, VerbForm>>),
    Prebuilt(&'static [(&'static str, &'static [(&'static str, VerbForm)])]),
}

impl VerbForms {
    /// The forms of `verb`, if it has any: looked up once for all the words around a
    /// phrase.
    fn of(&self, verb: &str) -> Option<FormsOf<'_>> {
        match self {
            VerbForms::Built(map) => map.get(verb).map(FormsOf::Built),
            VerbForms::Prebuilt(table) => {
                let i = table.binary_search_by(|(v, _)| (*v).cmp(verb)).ok()?;
                Some(FormsOf::Prebuilt(table[i].1))
            }
        }
    }
}

/// The forms of one verb ([`VerbForms::of`]).
enum FormsOf<'a> {
    Built(&'a HashMap<String, VerbForm>),
    Prebuilt(&'static [(&'static str, VerbForm)]),
}

impl FormsOf<'_> {
    /// What form of the verb `word` is, if any.
    fn form(&self, word: &str) -> Option<VerbForm> {
        match self {
            FormsOf::Built(map) => map.get(word).copied(),
            FormsOf::Prebuilt(forms) => {
                let j = forms.binary_search_by(|(f, _)| (*f).cmp(word)).ok()?;
                Some(forms[j].1)
            }
        }
    }
}

/// Each term of a built-in list (lowercase key), and whether it is a verb phrase (flag
/// "ww"), for rules that skip what another list reports. For a list build.rs indexed,
/// its entries as read at build time (no rows parsed at start-up); else the rows.
/// `None` for an unknown list.
pub fn list_terms(list: &str) -> Option<Vec<(&'static str, bool)>> {
    match prebuilt::PREBUILT.iter().find(|(l, _)| *l == list) {
        Some((_, pb)) => Some(
            pb.entries
                .iter()
                .map(|e| (e.term.as_ref(), e.verb))
                .collect(),
        ),
        None => wordlist(list).map(terms_in_rows),
    }
}

/// [`list_terms`] read from the rows (term first, flags fifth: the default columns).
fn terms_in_rows(list: &'static str) -> Vec<(&'static str, bool)> {
    tsv_rows(list)
        .map(|(_, row)| {
            let verb = row
                .get(4)
                .is_some_and(|f| f.split(',').any(|x| x.trim() == "ww"));
            (list_key(row[0]), verb)
        })
        .collect()
}

/// The first-word index: built from the patterns, or laid out by build.rs.
enum Heads {
    Built(HashMap<String, Vec<u32>>),
    Prebuilt(&'static Prebuilt),
}

/// The patterns of one head by what follows it ([`WordList::by_second`]): a pattern that
/// goes on after its head with a space and a word is listed under that word (its
/// [`leading_word`], by FNV-1a hash: a shared hash only adds a candidate, which the byte
/// comparison then rejects); every other pattern (the head alone, or another
/// separator) is always a candidate.
struct SecondWords {
    by_word: HashMap<u64, Vec<u32>>,
    always: Vec<u32>,
}

/// Heads with more patterns than this get a [`SecondWords`] index.
const MANY_PATTERNS: usize = 8;

/// The [`SecondWords`] of every head with many patterns.
fn second_words<'p>(
    heads: impl Iterator<Item = (&'p str, &'p [u32])>,
    pattern: impl Fn(usize) -> &'p str,
) -> HashMap<Box<str>, SecondWords> {
    heads
        .filter(|(_, ps)| ps.len() > MANY_PATTERNS)
        .map(|(head, ps)| {
            let mut index = SecondWords {
                by_word: HashMap::default(),
                always: Vec::new(),
            };
            for &p in ps {
                match pattern(p as usize)[head.len()..].strip_prefix(' ') {
                    Some(rest) => index
                        .by_word
                        .entry(word_hash::fnv1a(leading_word(rest).as_bytes()))
                        .or_default()
                        .push(p),
                    None => index.always.push(p),
                }
            }
            (head.into(), index)
        })
        .collect()
}

/// The indexes build.rs made of the built-in lists, by list name (`PREBUILT`).
mod prebuilt {
    use super::{Cow, Entry, Prebuilt, Target, VerbForm};
    include!(concat!(env!("OUT_DIR"), "/word_index.rs"));
}

/// Words after which a verb form reads as a noun ("uw verzoek", "de verzoeken").
static DETERMINERS: WordSet = WordSet::new(&[
    "de", "het", "een", "uw", "je", "jouw", "ons", "onze", "dit", "deze", "dat", "die", "zijn",
    "haar", "hun", "elk", "ieder", "welk", "geen", "mijn", "jullie",
]);

/// Before "te", these make a purpose or manner clause, not "dienen te" ("om te").
const NOT_BEFORE_TE: &[&str] = &["om", "door", "zonder", "na", "alvorens", "teneinde"];

/// How far (in tokens) a phrase's verb may stand from its fixed part.
const VERB_WINDOW: usize = 8;

impl WordList {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let text = if p.list.is_empty() {
            ""
        } else {
            wordlist(&p.list)
                .ok_or_else(|| format!("regel '{}': onbekende woordenlijst '{}'", def.id, p.list))?
        };
        let allow: HashSet<String> = p.allow.iter().map(|a| key(a.trim())).collect();
        let source = match (
            p.list.is_empty(),
            p.extra.is_empty() && p.extra_terms.is_empty(),
        ) {
            (false, true) => format!("wordlists/{}.tsv", p.list),
            (false, false) => format!("wordlists/{}.tsv en helder.yaml", p.list),
            (true, _) => "helder.yaml".to_owned(),
        };
        // A built-in list as it ships: build.rs has indexed it already.
        if p.columns == DEFAULT_COLUMNS
            && p.sectors.is_empty()
            && p.extra.is_empty()
            && p.extra_terms.is_empty()
            && allow.is_empty()
            && let Some((_, pb)) = prebuilt::PREBUILT.iter().find(|(l, _)| *l == p.list)
        {
            let by_second = second_words(pb.heads.iter().map(|(h, ps)| (*h, *ps)), |p| {
                pb.patterns[p].as_ref()
            });
            return Ok(WordList {
                meta: RuleMeta::new(def),
                alternatives_text: unset(pb.entries.len()),
                by_second,
                entries: Cow::Borrowed(pb.entries),
                patterns: Cow::Borrowed(pb.patterns),
                heads: Heads::Prebuilt(pb),
                targets: Cow::Borrowed(pb.targets),
                verb_forms: VerbForms::Prebuilt(pb.verb_forms),
                allow,
                sectors: pb
                    .sectors
                    .iter()
                    .map(|(s, n)| ((*s).to_owned(), *n))
                    .collect(),
                source,
            });
        }
        let rows = tsv_rows(text).map(|(_, r)| r).chain(
            p.extra
                .iter()
                .map(|line| line.split('\t').map(str::trim).collect::<Vec<_>>()),
        );
        let (entries, sectors) =
            word_index::entries(rows, &p.columns, &p.sectors, &allow, &p.extra_terms);
        let (patterns, verb_table) = word_index::index(&entries, lexicon());
        // No need to sort: two patterns never cover the same words, so their order does
        // not decide between matches (and FxHash iterates the same way every run).
        let (keys, targets): (Vec<String>, Vec<Vec<Target>>) = patterns.into_iter().unzip();
        let heads = word_index::heads(&keys);
        let by_second = second_words(heads.iter().map(|(h, ps)| (*h, ps.as_slice())), |p| {
            keys[p].as_str()
        });
        let by_head = heads
            .into_iter()
            .map(|(head, ps)| (head.to_owned(), ps))
            .collect();
        Ok(WordList {
            meta: RuleMeta::new(def),
            alternatives_text: unset(entries.len()),
            entries: entries.into_iter().map(|(e, _, _)| e).collect(),
            patterns: keys.into_iter().map(Cow::Owned).collect(),
            heads: Heads::Built(by_head),
            by_second,
            targets: targets.into_iter().map(Cow::Owned).collect(),
            verb_forms: VerbForms::Built(verb_table),
            allow,
            sectors,
            source,
        })
    }

    /// The patterns that start with the word `head`.
    fn patterns_at(&self, head: &str) -> &[u32] {
        match &self.heads {
            Heads::Built(map) => map.get(head).map_or(&[], Vec::as_slice),
            Heads::Prebuilt(pb) => word_hash::probe(
                pb.head_slots.len(),
                |s| pb.head_slots[s],
                head.as_bytes(),
                |h| pb.heads[h].0 == head,
            )
            .map_or(&[], |h| pb.heads[h].1),
        }
    }

    fn report(&self, doc: &Document, lex: &Lexicon, m: Hit, out: &mut Vec<Finding>) {
        let Hit {
            entry,
            span,
            form,
            plural,
            adj_e,
            attributive,
            replaceable,
        } = m;
        let alternatives: &str =
            self.alternatives_text[entry].get_or_init(|| quoted_alternatives(&self.entries[entry]));
        let entry = &self.entries[entry];
        let original = doc.slice(span);
        let mut f = self.meta.finding_with_hint(
            span,
            self.meta.message(&[
                ("match", original),
                ("term", &entry.term),
                ("alternatives", alternatives),
            ]),
            entry.hint.clone(),
        );
        if !replaceable && f.hint.is_none() && !entry.alternatives.is_empty() {
            // A phrase split over the sentence ("nemen … in behandeling"): the words
            // cannot be swapped in place, so say how to rewrite.
            f.hint = Some(format!("Herschrijf de zin met {alternatives}.").into());
        }
        if replaceable {
            f.suggestions.reserve_exact(entry.alternatives.len());
            for (n, alt) in entry.alternatives.iter().enumerate() {
                let finite = matches!(
                    form,
                    Some(
                        VerbForm::Stem
                            | VerbForm::Third
                            | VerbForm::PastSingular
                            | VerbForm::PastPlural
                    )
                );
                let inflected = match form {
                    Some(_) if attributive && !alt.contains(' ') => {
                        let p = inflect(alt, VerbForm::Participle, lex);
                        if p.ends_with(['d', 't']) {
                            format!("{p}e")
                        } else {
                            p
                        }
                    }
                    // "keurt … goed" cannot replace one word in place.
                    Some(_) if finite && is_separable(alt, lex) => continue,
                    Some(kind) if entry.verb && !alt.contains(' ') => inflect(alt, kind, lex),
                    Some(VerbForm::Infinitive) | None if plural && !alt.contains(' ') => {
                        noun_plural(alt)
                    }
                    None if adj_e && !alt.contains(' ') => adjective_inflected(alt),
                    Some(VerbForm::Infinitive) | None => alt.to_string(),
                    // A multi-word verb alternative only fits the infinitive as is.
                    Some(_) if entry.verb => continue,
                    Some(_) => alt.to_string(),
                };
                let safety = if n == 0 && entry.safe {
                    Safety::Safe
                } else {
                    Safety::Unsafe
                };
                f.suggestions.push(Suggestion {
                    span,
                    replacement: match_case_owned(original, inflected),
                    safety,
                });
            }
        }
        out.push(f);
    }

    /// The hit a whole-word match of pattern `pattern` at `first..=last` (token indices)
    /// makes in its context, if any.
    fn resolve(
        &self,
        doc: &Document,
        first: usize,
        last: usize,
        pattern: usize,
        sentence_of: &mut SentenceCursor,
        aux_cache: &mut Option<(usize, bool)>,
    ) -> Option<Hit> {
        let (start, end) = (doc.tokens[first].span.start, doc.tokens[last].span.end);
        let sent = sentence_of.at(doc, start)?;
        let sentence = &doc.sentences[sent];
        if sentence.span.end < end {
            return None;
        }
        let span = Span::new(start, end);
        let prev_word = first
            .checked_sub(1)
            .map(|p| doc.token_lower(&doc.tokens[p]))
            .unwrap_or("");
        let targets = &self.targets[pattern];
        // Whether the sentence has an auxiliary, computed once per sentence (matches come
        // in text order), so a long sentence full of list words stays linear.
        let has_aux = match *aux_cache {
            Some((s, v)) if s == sent => v,
            _ => {
                // The forms of hebben, zijn and worden, but "geweest".
                const AUX: Classes = word_class::WORDEN | word_class::ZIJN | word_class::HEBBEN;
                let vocab = doc.vocab();
                let v = vocab.sentence_classes(sent) & AUX != 0
                    && sentence
                        .tokens
                        .clone()
                        .any(|i| vocab.is(i, AUX) && doc.token_lower(&doc.tokens[i]) != "geweest");
                *aux_cache = Some((sent, v));
                v
            }
        };
        let has_ik = (first.saturating_sub(2).max(sentence.tokens.start)
            ..(last + 3).min(sentence.tokens.end))
            .any(|i| doc.token_lower(&doc.tokens[i]) == "ik");
        // One form can be several (verzocht: past and participle): an auxiliary in the
        // sentence makes it the participle; the ik-form needs "ik" nearby.
        let form_of = |t: &Target| match t {
            Target::Direct { form, .. } => *form,
            Target::VerbFirst { form, .. } => Some(*form),
            Target::Anchor { .. } => None,
        };
        let fits = |t: &&Target| match form_of(t) {
            Some(VerbForm::Participle) => has_aux,
            Some(VerbForm::Stem) => has_ik,
            _ => true,
        };
        let chosen = targets
            .iter()
            .filter(fits)
            .find(|t| form_of(t) == Some(VerbForm::Participle))
            .or_else(|| targets.iter().find(fits))?;
        // "uw verzoek", "de verzoeken": a noun, not the verb.
        if matches!(form_of(chosen), Some(VerbForm::Stem | VerbForm::Infinitive))
            && DETERMINERS.contains(prev_word)
        {
            return None;
        }
        match chosen {
            Target::Direct {
                entry,
                form,
                plural,
                adj_e,
            } => {
                // "de door u verstrekte gegevens": a past-tense shape after a determiner
                // is an inflected participle.
                let attributive = matches!(form, Some(VerbForm::PastSingular))
                    && (first.saturating_sub(3).max(sentence.tokens.start)..first)
                        .any(|i| DETERMINERS.contains(doc.token_lower(&doc.tokens[i])));
                Some(Hit {
                    entry: *entry,
                    span,
                    form: *form,
                    plural: *plural,
                    adj_e: *adj_e,
                    attributive,
                    replaceable: true,
                })
            }
            Target::Anchor {
                entry,
                verb,
                verb_last,
            } => {
                let forms = self.verb_forms.of(verb)?;
                let form_at = |i: usize| forms.form(doc.token_lower(&doc.tokens[i]));
                let lo = first.saturating_sub(VERB_WINDOW).max(sentence.tokens.start);
                let hi = (last + 1 + VERB_WINDOW).min(sentence.tokens.end);
                // The nearest form of the verb, on either side (before it on a tie).
                let (i, form) = (1..=VERB_WINDOW)
                    .take_while(|&d| first >= lo + d || last + d < hi)
                    .flat_map(|d| [first.checked_sub(d).filter(|&i| i >= lo), Some(last + d)])
                    .flatten()
                    .filter(|&i| i < hi)
                    .find_map(|i| form_at(i).map(|f| (i, f)))?;
                let vt = doc.tokens[i];
                // Adjacent and in list order: replace the whole phrase.
                Some(Hit {
                    entry: *entry,
                    span: span.cover(vt.span),
                    form: Some(form),
                    plural: false,
                    adj_e: false,
                    attributive: false,
                    replaceable: *verb_last && i == last + 1,
                })
            }
            Target::VerbFirst {
                entry,
                form,
                particle,
            } => {
                let hi = (last + 1 + VERB_WINDOW).min(sentence.tokens.end);
                let word = |i: usize| doc.token_lower(&doc.tokens[i]);
                let found = (last + 1..hi)
                    .take_while(|&i| doc.tokens[i].kind != TokenKind::Punct)
                    .find(|&i| word(i) == particle)?;
                if particle == "te" {
                    // "te" + infinitive, not "te laat", "om te …".
                    let next = doc.tokens.get(found + 1)?;
                    if next.kind != TokenKind::Word
                        || !word(found + 1).ends_with('n')
                        || NOT_BEFORE_TE.contains(&word(found - 1))
                    {
                        return None;
                    }
                }
                // Only the verb is flagged; "moeten" cannot replace it with "te" still
                // in the sentence, so the alternative is advice, not a rewrite.
                Some(Hit {
                    entry: *entry,
                    span,
                    form: Some(*form),
                    plural: false,
                    adj_e: false,
                    attributive: false,
                    replaceable: false,
                })
            }
        }
    }
}

/// One not-yet-made cache slot per entry.
fn unset(n: usize) -> Vec<OnceLock<Box<str>>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

/// "'als' of 'wanneer'": an entry's alternatives in one string ("een ander woord" for
/// none).
fn quoted_alternatives(entry: &Entry) -> Box<str> {
    if entry.alternatives.is_empty() {
        return "een ander woord".into();
    }
    let mut text = String::new();
    for (n, a) in entry.alternatives.iter().enumerate() {
        if n > 0 {
            text.push_str(" of ");
        }
        text.push('\'');
        text.push_str(a);
        text.push('\'');
    }
    text.into()
}

/// One match of an entry in the text.
struct Hit {
    entry: usize,
    span: Span,
    form: Option<VerbForm>,
    plural: bool,
    adj_e: bool,
    /// An inflected participle before a noun ("de door u verstrekte gegevens").
    attributive: bool,
    /// The whole match can be replaced by an alternative (contiguous, in list order).
    replaceable: bool,
}

impl Rule for WordList {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn word_level(&self) -> Option<u8> {
        Some(super::rank::WORD_LIST)
    }

    fn list(&self) -> Option<super::ListInfo> {
        let detail = (self.sectors.len() > 1).then(|| {
            self.sectors
                .iter()
                .map(|(s, n)| format!("{s} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        });
        Some(super::ListInfo {
            entries: self.entries.len(),
            what: "woorden en woordgroepen",
            file: self.source.clone(),
            detail: detail.map(|d| format!("per sector: {d}")),
        })
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if self.patterns.is_empty() {
            return;
        }
        let lex = lexicon();
        // Every whole-word match, leftmost-longest first; a match that does not fit its
        // context leaves room for a shorter one at the same place. A match starts where
        // a word starts, so the word's leading run of letters picks the candidates.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        let vocab = doc.vocab();
        let lower = doc.lower.as_bytes();
        // Most words head no pattern: the second index is only asked for those that do.
        let lookup = |head: &str| {
            let patterns = self.patterns_at(head);
            let second = if patterns.len() > MANY_PATTERNS {
                self.by_second.get(head)
            } else {
                None
            };
            (patterns, second)
        };
        // The whole-word matches of the patterns `patterns` (under the head of `head_len`
        // bytes) at word token `first`.
        let mut matches_at =
            |first: usize,
             head_len: usize,
             (mut patterns, second): (&[u32], Option<&SecondWords>)| {
                let t = &doc.tokens[first];
                let rest = &lower[t.span.start..];
                let mut also: &[u32] = &[];
                if let Some(index) = second {
                    // Only the patterns that go on with the word after this one can match
                    // here: a space, then the next token's leading word (when that word
                    // lies inside the next token, a longer word there is no match).
                    let next = doc.tokens.get(first + 1).and_then(|n| {
                        let next_head = vocab.head_len(doc, first + 1);
                        (n.span.start == t.span.start + head_len + 1
                            && rest.get(head_len) == Some(&b' ')
                            && next_head <= n.span.len())
                        .then_some((n, next_head))
                    });
                    if let Some((n, next_head)) = next {
                        let word = &lower[n.span.start..n.span.start + next_head];
                        patterns = &index.always;
                        also = index
                            .by_word
                            .get(&word_hash::fnv1a(word))
                            .map_or(&[], Vec::as_slice);
                    }
                }
                for &p in patterns.iter().chain(also) {
                    let p = p as usize;
                    let pat: &str = self.patterns[p].as_ref();
                    if continues(rest, pat.as_bytes(), head_len)
                        && let Some(last) = whole_words_from(doc, first, t.span.start + pat.len())
                    {
                        candidates.push((first, last, p));
                    }
                }
            };
        // A word's head (its leading run of letters and digits) lies inside it and
        // depends on its text alone: each distinct word's patterns are looked up once,
        // and only the tokens of words with patterns are visited.
        for id in 0..vocab.len() {
            let head_len = vocab.id_head_len(id);
            let found = lookup(&vocab.word(id)[..head_len]);
            if found.0.is_empty() {
                continue;
            }
            for &first in vocab.positions(id) {
                let first = first as usize;
                if doc.tokens[first].kind == TokenKind::Word && !vocab.is_joined(first) {
                    matches_at(first, head_len, found);
                }
            }
        }
        // Where the tokeniser split a run of letters, the head is read from the text.
        for &first in vocab.joined() {
            let first = first as usize;
            let t = &doc.tokens[first];
            if t.kind == TokenKind::Word {
                let head_len = vocab.head_len(doc, first);
                let found = lookup(&doc.lower[t.span.start..t.span.start + head_len]);
                if !found.0.is_empty() {
                    matches_at(first, head_len, found);
                }
            }
        }
        candidates.sort_by_key(|&(first, last, p)| (first, std::cmp::Reverse(last), p));
        let mut covered = 0;
        let mut sentence_of = SentenceCursor::default();
        let mut aux_cache = None;
        for (first, last, pattern) in candidates {
            if doc.tokens[first].span.start < covered {
                continue;
            }
            // A capital inside the sentence marks a name ("de heer Reeds").
            let name = super::starts_upper(doc.token_text(&doc.tokens[first]))
                && sentence_of
                    .at(doc, doc.tokens[first].span.start)
                    .is_some_and(|s| !super::capital_expected(doc, &doc.sentences[s], first));
            if name {
                continue;
            }
            let Some(hit) =
                self.resolve(doc, first, last, pattern, &mut sentence_of, &mut aux_cache)
            else {
                continue;
            };
            covered = hit.span.end.max(doc.tokens[last].span.end);
            if allowed(&self.allow, doc.slice(hit.span))
                || allowed(
                    &self.allow,
                    &doc.lower[doc.tokens[first].span.start..doc.tokens[last].span.end],
                )
            {
                continue;
            }
            self.report(doc, lex, hit, out);
        }
    }
}

/// Does `text` start with `pattern`, when both start with the same `head` bytes? A
/// common first word heads many patterns ("in" heads 30: "in het kader van", "in
/// verband met", …): the last byte and the byte after the head rule out nearly all of
/// them before the bytes are compared.
#[inline]
fn continues(text: &[u8], pattern: &[u8], head: usize) -> bool {
    let n = pattern.len();
    if n <= head {
        return n <= text.len() && text[..n] == *pattern;
    }
    n <= text.len()
        && text[n - 1] == pattern[n - 1]
        && text[head] == pattern[head]
        && text[head..n] == pattern[head..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_str;
    use crate::rules::Rule;
    use crate::rules::word_index::leading_word;

    #[test]
    fn continues_compares_what_follows_the_head() {
        let text = b"in het kader van de wet";
        assert!(continues(text, b"in het kader van", 2));
        assert!(continues(text, b"in", 2));
        assert!(continues(text, b"in het kader", 2));
        assert!(!continues(text, b"in verband met", 2));
        assert!(!continues(text, b"in het kader van de wet en", 2));
        assert!(!continues(b"in", b"in het", 2));
        for (pattern, head) in [
            (&b"in het kader"[..], 2),
            (b"in het", 2),
            (b"ik", 2),
            (b"", 0),
        ] {
            assert_eq!(continues(text, pattern, head), text.starts_with(pattern));
        }
    }

    /// The terms other rules skip come from the index build.rs made: exactly the rows.
    #[test]
    fn list_terms_read_at_build_time_are_the_rows() {
        let prebuilt: HashSet<(&str, bool)> =
            list_terms("ambtelijk").unwrap().into_iter().collect();
        let rows: HashSet<(&str, bool)> = terms_in_rows(wordlist("ambtelijk").unwrap())
            .into_iter()
            .collect();
        assert!(prebuilt.len() > 1000);
        assert!(prebuilt.iter().filter(|(t, _)| !t.contains(' ')).count() > 500);
        assert!(prebuilt.iter().any(|&(_, verb)| verb));
        assert_eq!(prebuilt, rows);
        // A list build.rs did not index is read from its rows; an unknown one is none.
        assert_eq!(
            list_terms("vaag").unwrap(),
            terms_in_rows(wordlist("vaag").unwrap())
        );
        assert!(list_terms("geen-lijst").is_none());
    }

    fn ambtelijk_def() -> RuleDef {
        let defs = crate::config::default_defs().unwrap();
        defs.into_iter()
            .find(|d| d.id == "ambtelijk-woord")
            .unwrap()
    }

    /// build.rs indexed the list with the program's own code; what it laid out must be
    /// exactly what the program builds: the same entries, patterns with their targets,
    /// verb forms and sectors, and every pattern found under its leading word.
    #[test]
    fn prebuilt_index_is_what_the_program_builds() {
        let (_, pb) = prebuilt::PREBUILT
            .iter()
            .find(|(l, _)| *l == "ambtelijk")
            .unwrap();
        let rows = tsv_rows(wordlist("ambtelijk").unwrap()).map(|(_, r)| r);
        let columns = DEFAULT_COLUMNS.map(String::from).to_vec();
        let none = HashSet::default();
        let (entries, sectors) = word_index::entries(rows, &columns, &[], &none, &BTreeMap::new());
        let (patterns, verbs) = word_index::index(&entries, lexicon());
        let entries: Vec<Entry> = entries.into_iter().map(|(e, _, _)| e).collect();
        assert!(entries.len() > 1000);
        assert_eq!(pb.entries, entries.as_slice());
        let laid_out: BTreeMap<&str, &[Target]> = pb
            .patterns
            .iter()
            .map(|p| p.as_ref())
            .zip(pb.targets.iter().map(|t| t.as_ref()))
            .collect();
        let built: BTreeMap<&str, &[Target]> = patterns
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_slice()))
            .collect();
        assert_eq!(laid_out, built);
        let laid_out: BTreeMap<&str, BTreeMap<&str, VerbForm>> = pb
            .verb_forms
            .iter()
            .map(|(v, fs)| (*v, fs.iter().copied().collect()))
            .collect();
        let built: BTreeMap<&str, BTreeMap<&str, VerbForm>> = verbs
            .iter()
            .map(|(v, fs)| {
                (
                    v.as_str(),
                    fs.iter().map(|(f, k)| (f.as_str(), *k)).collect(),
                )
            })
            .collect();
        assert_eq!(laid_out, built);
        // `VerbForms::form` searches the laid-out table by halves.
        assert!(pb.verb_forms.is_sorted_by_key(|(v, _)| *v));
        assert!(
            pb.verb_forms
                .iter()
                .all(|(_, fs)| fs.is_sorted_by_key(|(f, _)| *f))
        );
        let laid_out: BTreeMap<String, usize> = pb
            .sectors
            .iter()
            .map(|(s, n)| ((*s).to_owned(), *n))
            .collect();
        assert_eq!(laid_out, sectors);
        let rule = WordList::from_def(&ambtelijk_def()).unwrap();
        assert!(matches!(rule.heads, Heads::Prebuilt(_)));
        for (i, p) in pb.patterns.iter().enumerate() {
            assert!(
                rule.patterns_at(leading_word(p)).contains(&(i as u32)),
                "{p}"
            );
        }
        assert!(rule.patterns_at("qwerty").is_empty());
    }

    /// The rule on its prebuilt index and on an index it builds itself (any project
    /// setting makes it build one) flags the same words with the same advice in every
    /// letter of the corpus.
    #[test]
    fn prebuilt_and_built_index_flag_the_same() {
        let def = ambtelijk_def();
        let mut own = def.clone();
        own.params = serde_yaml::from_str("{list: ambtelijk, allow: [xyzzy]}").unwrap();
        let (prebuilt, built) = (
            WordList::from_def(&def).unwrap(),
            WordList::from_def(&own).unwrap(),
        );
        assert!(matches!(built.heads, Heads::Built(_)));
        let mut flagged = 0;
        for entry in std::fs::read_dir("tests/corpus/letters").unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let doc = Document::from_text(&text);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            prebuilt.check(&doc, &mut a);
            built.check(&doc, &mut b);
            flagged += a.len();
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        assert!(flagged > 50, "{flagged} findings");
    }

    fn hits(text: &str) -> Vec<String> {
        check_str(text, crate::rules::test_rules())
            .into_iter()
            .filter(|f| f.rule == "ambtelijk-woord")
            .map(|f| text[f.span.start..f.span.end].to_owned())
            .collect()
    }

    #[test]
    fn suggestions_follow_the_inflection() {
        let rules = crate::rules::test_rules();
        let first = |text: &str| -> Vec<String> {
            crate::check_str(text, rules)
                .into_iter()
                .filter(|f| f.rule == "ambtelijk-woord")
                .filter_map(|f| f.suggestions.first().map(|s| s.replacement.clone()))
                .collect()
        };
        assert_eq!(
            first("Het betreft de navolgende stukken."),
            ["Het gaat om", "volgende"]
        );
        assert_eq!(first("Wij rekenen geen additionele kosten."), ["extra"]);
        assert_eq!(first("Vermeld het bovenvermelde kenmerk."), ["deze"]);
    }

    #[test]
    fn inflected_adjectives_and_plurals_match() {
        assert_eq!(hits("Wij rekenen additionele kosten."), ["additionele"]);
        assert_eq!(hits("Het gaat om twee percelen."), ["percelen"]);
        assert_eq!(hits("Dat perceel is van u."), ["perceel"]);
    }

    #[test]
    fn ik_form_needs_ik_nearby() {
        assert!(hits("Betreft: verzoek tot kwijtschelding").is_empty());
        assert_eq!(hits("Ik verzoek de rechter om uitstel."), ["verzoek"]);
    }

    #[test]
    fn present_participles_do_not_match() {
        assert!(hits("Dat heeft verstrekkende gevolgen.").is_empty());
        assert_eq!(hits("Wij verstrekken u de gegevens."), ["verstrekken"]);
    }

    #[test]
    fn dienen_als_is_not_dienen_te() {
        assert!(hits("Deze brief dient als bewijs.").is_empty());
        assert!(hits("Deze brief dient als bewijs dat u te laat was.").is_empty());
        assert_eq!(hits("U dient het formulier te ondertekenen."), ["dient"]);
    }
}
