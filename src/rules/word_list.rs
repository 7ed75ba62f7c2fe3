//! `word_list`: words and phrases from a list, each with plainer alternatives or advice
//! (`ambtelijk-woord`, `vaag-woord`, house style). Every form of every entry is indexed by
//! its first word, so each word of the text costs one hash lookup (no automaton to build
//! at start-up, no scan of the text besides the tokens); of the whole-word matches, the
//! leftmost-longest that fits its context wins. Verbs match their inflected
//! forms; a phrase with a verb ("in behandeling nemen") matches its fixed part plus a form
//! of the verb nearby in the same sentence, in either order ("nemen uw aanvraag in
//! behandeling"); a verb with only a function word ("dienen te") matches the verb when
//! that word follows ("u dient het formulier te ondertekenen").

use super::{Rule, RuleMeta, allowed, leading_word, params, whole_words};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case};
use crate::text::lexicon::{Lexicon, key, lexicon};
use crate::text::morph::{
    VerbForm, adjective_forms, adjective_inflected, inflect, is_separable, noun_forms, noun_plural,
    verb_forms,
};
use crate::text::{Document, Span, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::collections::BTreeMap;

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
            columns: ["term", "alternatives", "sector", "sources", "flags"]
                .map(String::from)
                .to_vec(),
            sectors: Vec::new(),
            extra: Vec::new(),
            extra_terms: BTreeMap::new(),
            allow: Vec::new(),
        }
    }
}

#[derive(Debug)]
struct Entry {
    term: String,
    alternatives: Vec<String>,
    hint: Option<String>,
    verb: bool,
    safe: bool,
}

#[derive(Clone, Debug)]
enum Target {
    /// The pattern is a whole form of the entry.
    Direct {
        entry: usize,
        form: Option<VerbForm>,
        /// A plural form of a noun entry: the suggestion is pluralised too.
        plural: bool,
        /// The -e form of an adjective entry ("navolgende"): so is the suggestion.
        adj_e: bool,
    },
    /// The pattern is the fixed part of a phrase; a form of the verb must be near.
    Anchor {
        entry: usize,
        verb: String,
        /// The verb stands right after the anchor in the list's word order.
        verb_last: bool,
    },
    /// The pattern is a form of the verb of a phrase whose fixed part is a single
    /// function word after it ("dienen te"); that word must follow in the same clause.
    VerbFirst {
        entry: usize,
        form: VerbForm,
        particle: String,
    },
}

pub struct WordList {
    meta: RuleMeta,
    entries: Vec<Entry>,
    /// Every form of every entry (lowercase).
    patterns: Vec<String>,
    /// The leading word of each pattern ([`leading_word`]) → the patterns that start with it.
    by_head: HashMap<String, Vec<usize>>,
    targets: Vec<Vec<Target>>,
    /// Verb infinitive → its forms, for anchor verification.
    verb_forms: HashMap<String, HashMap<String, VerbForm>>,
    allow: HashSet<String>,
    /// Entries per sector (for `helder explain`).
    sectors: BTreeMap<String, usize>,
    /// Where the entries come from.
    source: String,
}

/// Words after which a verb form reads as a noun ("uw verzoek", "de verzoeken").
const DETERMINERS: &[&str] = &[
    "de", "het", "een", "uw", "je", "jouw", "ons", "onze", "dit", "deze", "dat", "die", "zijn",
    "haar", "hun", "elk", "ieder", "welk", "geen", "mijn", "jullie",
];

/// Words too common to anchor a phrase on.
const FUNCTION_WORDS: &[&str] = &[
    "te", "van", "voor", "aan", "op", "in", "met", "om", "tot", "de", "het", "een", "er", "zich",
];
/// Auxiliaries that make an ambiguous form a participle ("heeft verzocht").
const AUXILIARIES: &[&str] = &[
    "heb", "hebt", "heeft", "hebben", "had", "hadden", "ben", "bent", "is", "zijn", "was", "waren",
    "word", "wordt", "worden", "werd", "werden",
];
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
        let col = |name: &str| p.columns.iter().position(|c| c == name);
        let (c_term, c_alt, c_advice, c_sector, c_flags) = (
            col("term").unwrap_or(0),
            col("alternatives"),
            col("advice"),
            col("sector"),
            col("flags"),
        );
        let allow: HashSet<String> = p.allow.iter().map(|a| key(a.trim())).collect();
        let lex = lexicon();
        let mut entries = Vec::new();
        let mut sectors: BTreeMap<String, usize> = BTreeMap::new();
        let rows = tsv_rows(text).map(|(_, r)| r).chain(
            p.extra
                .iter()
                .map(|line| line.split('\t').map(str::trim).collect::<Vec<_>>()),
        );
        for row in rows {
            let get = |c: Option<usize>| c.and_then(|c| row.get(c)).copied().unwrap_or("");
            let sector = get(c_sector);
            if !p.sectors.is_empty() && !sector.is_empty() && !p.sectors.iter().any(|s| s == sector)
            {
                continue;
            }
            let flags: Vec<&str> = get(c_flags).split(',').map(str::trim).collect();
            let mut alternatives = Vec::new();
            let mut hint = None;
            for alt in get(c_alt)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                match alt.strip_prefix("herschrijf:") {
                    Some(h) => hint = Some(h.trim().to_owned()),
                    None => alternatives.push(alt.to_owned()),
                }
            }
            if let Some(advice) = c_advice.map(|c| get(Some(c))).filter(|a| !a.is_empty()) {
                hint = Some(capitalise(advice));
            }
            let term = key(row.get(c_term).copied().unwrap_or(""));
            if term.is_empty() || allow.contains(&term) {
                continue;
            }
            if !sector.is_empty() {
                *sectors.entry(sector.to_owned()).or_insert(0) += 1;
            }
            entries.push((
                Entry {
                    term,
                    alternatives,
                    hint,
                    verb: flags.contains(&"ww"),
                    safe: flags.contains(&"veilig"),
                },
                flags.contains(&"bn"),
                flags.contains(&"zn"),
            ));
        }
        for (term, alternatives) in &p.extra_terms {
            let term = key(term.trim());
            if term.is_empty() || allow.contains(&term) {
                continue;
            }
            // House-style terms replace list entries with the same term.
            entries.retain(|(e, _, _)| e.term != term);
            let noun = !term.contains(' ');
            entries.push((
                Entry {
                    term,
                    alternatives: alternatives.iter().map(|a| a.trim().to_owned()).collect(),
                    hint: None,
                    verb: false,
                    safe: false,
                },
                false,
                noun,
            ));
        }

        let mut patterns: HashMap<String, Vec<Target>> = HashMap::default();
        let mut verb_table: HashMap<String, HashMap<String, VerbForm>> = HashMap::default();
        let mut add = |pat: String, t: Target| patterns.entry(pat).or_default().push(t);
        // An entry written exactly as the text ("verschuldigde") goes before a form
        // derived from another entry ("verschuldigd" + -e): its advice fits better.
        let exact: HashSet<&str> = entries.iter().map(|(e, _, _)| e.term.as_str()).collect();
        for (i, (e, adj, noun)) in entries.iter().enumerate() {
            let words: Vec<&str> = e.term.split(' ').collect();
            let has_gap = words.contains(&"…");
            let verb_at = if e.verb {
                words
                    .iter()
                    .rposition(|w| w.ends_with('n') && *w != "…" && w.len() > 2)
            } else {
                None
            };
            match verb_at {
                Some(0) if words.len() == 1 => {
                    for (form, kind) in verb_forms(&e.term, lex) {
                        add(
                            form,
                            Target::Direct {
                                entry: i,
                                form: Some(kind),
                                plural: false,
                                adj_e: false,
                            },
                        );
                    }
                }
                Some(v) => {
                    let verb = words[v].to_owned();
                    let forms = verb_forms(&verb, lex);
                    verb_table
                        .entry(verb.clone())
                        .or_insert_with(|| forms.iter().cloned().collect());
                    // The contiguous phrase as written (infinitive or participle in place).
                    if !has_gap {
                        for (form, kind) in &forms {
                            let mut w = words.clone();
                            w[v] = form;
                            add(
                                w.join(" "),
                                Target::Direct {
                                    entry: i,
                                    form: Some(*kind),
                                    plural: false,
                                    adj_e: false,
                                },
                            );
                        }
                    }
                    // The fixed part alone, verified against a nearby verb form; a lone
                    // function word ("te" in "dienen te") is too common to anchor on, so
                    // there the verb is the anchor and the word must follow it.
                    let anchor = longest_run(&words, v);
                    if anchor.is_empty() {
                        continue;
                    }
                    if !FUNCTION_WORDS.contains(&anchor.as_str()) {
                        add(
                            anchor,
                            Target::Anchor {
                                entry: i,
                                verb,
                                verb_last: v == words.len() - 1,
                            },
                        );
                    } else if words.len() == 2 && v == 0 {
                        for (form, kind) in forms {
                            if kind == VerbForm::Participle {
                                continue;
                            }
                            add(
                                form,
                                Target::VerbFirst {
                                    entry: i,
                                    form: kind,
                                    particle: anchor.clone(),
                                },
                            );
                        }
                    }
                }
                None => {
                    if has_gap {
                        continue; // gap phrases without a verb are not supported yet
                    }
                    let forms = if *adj {
                        adjective_forms(&e.term)
                    } else if *noun {
                        noun_forms(&e.term)
                    } else {
                        vec![e.term.clone()]
                    };
                    let e_form = adjective_inflected(&e.term);
                    for f in forms {
                        let plural = *noun && f != e.term;
                        let adj_e = *adj && f != e.term && f == e_form;
                        let t = Target::Direct {
                            entry: i,
                            form: None,
                            plural,
                            adj_e,
                        };
                        add(f, t);
                    }
                }
            }
        }
        for (pat, targets) in patterns.iter_mut() {
            if exact.contains(pat.as_str()) {
                let is_exact = |t: &Target| match t {
                    Target::Direct { entry, .. } | Target::VerbFirst { entry, .. } => {
                        entries[*entry].0.term == *pat
                    }
                    Target::Anchor { .. } => false,
                };
                targets.sort_by_key(|t| !is_exact(t));
            }
        }
        // No need to sort: two patterns never cover the same words, so their order does
        // not decide between matches (and FxHash iterates the same way every run).
        let (keys, targets): (Vec<String>, Vec<Vec<Target>>) = patterns.into_iter().unzip();
        let mut by_head: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            let head = leading_word(k);
            match by_head.get_mut(head) {
                Some(ps) => ps.push(i),
                None => {
                    by_head.insert(head.to_owned(), vec![i]);
                }
            }
        }
        Ok(WordList {
            meta: RuleMeta::new(def),
            entries: entries.into_iter().map(|(e, _, _)| e).collect(),
            patterns: keys,
            by_head,
            targets,
            verb_forms: verb_table,
            allow,
            sectors,
            source: match (
                p.list.is_empty(),
                p.extra.is_empty() && p.extra_terms.is_empty(),
            ) {
                (false, true) => format!("wordlists/{}.tsv", p.list),
                (false, false) => format!("wordlists/{}.tsv en helder.yaml", p.list),
                (true, _) => "helder.yaml".to_owned(),
            },
        })
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
        let entry = &self.entries[entry];
        let original = doc.slice(span);
        let quoted: Vec<String> = entry
            .alternatives
            .iter()
            .map(|a| format!("'{a}'"))
            .collect();
        let alternatives = if quoted.is_empty() {
            "een ander woord".to_owned()
        } else {
            quoted.join(" of ")
        };
        let mut f = self.meta.finding(
            span,
            self.meta.message(&[
                ("match", original),
                ("term", &entry.term),
                ("alternatives", &alternatives),
            ]),
        );
        f.hint = entry.hint.clone();
        if !replaceable && f.hint.is_none() && !quoted.is_empty() {
            // A phrase split over the sentence ("nemen … in behandeling"): the words
            // cannot be swapped in place, so say how to rewrite.
            f.hint = Some(format!("Herschrijf de zin met {alternatives}."));
        }
        if replaceable {
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
                    Some(VerbForm::Infinitive) | None => alt.clone(),
                    // A multi-word verb alternative only fits the infinitive as is.
                    Some(_) if entry.verb => continue,
                    Some(_) => alt.clone(),
                };
                let safety = if n == 0 && entry.safe {
                    Safety::Safe
                } else {
                    Safety::Unsafe
                };
                f.suggestions.push(Suggestion {
                    span,
                    replacement: match_case(original, &inflected),
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
        aux_cache: &mut Option<(usize, bool)>,
    ) -> Option<Hit> {
        let (start, end) = (doc.tokens[first].span.start, doc.tokens[last].span.end);
        let sent = doc.sentence_at(start)?;
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
                let v = doc
                    .sentence_tokens(sentence)
                    .iter()
                    .any(|t| AUXILIARIES.contains(&doc.token_lower(t)));
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
            && DETERMINERS.contains(&prev_word)
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
                        .any(|i| DETERMINERS.contains(&doc.token_lower(&doc.tokens[i])));
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
                let forms = &self.verb_forms[verb];
                let lo = first.saturating_sub(VERB_WINDOW).max(sentence.tokens.start);
                let hi = (last + 1 + VERB_WINDOW).min(sentence.tokens.end);
                // The nearest form of the verb, on either side.
                let i = (lo..hi)
                    .filter(|&i| i < first || i > last)
                    .filter(|&i| forms.contains_key(doc.token_lower(&doc.tokens[i])))
                    .min_by_key(|&i| if i < first { first - i } else { i - last })?;
                let vt = doc.tokens[i];
                let form = forms[doc.token_lower(&vt)];
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

/// The longest run of words without the verb (index `v`) and without gaps.
fn longest_run(words: &[&str], v: usize) -> String {
    let mut best: &[&str] = &[];
    for run in words
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .split(|(i, w)| *i == v || **w == "…")
    {
        if run.len() > best.len() {
            best = &words[run[0].0..run[0].0 + run.len()];
        }
    }
    best.join(" ")
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
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
        for t in &doc.tokens {
            if t.kind != TokenKind::Word {
                continue;
            }
            let rest = &doc.lower[t.span.start..];
            let Some(ps) = self.by_head.get(leading_word(rest)) else {
                continue;
            };
            for &p in ps {
                let pat = &self.patterns[p];
                if rest.starts_with(pat.as_str())
                    && let Some((first, last)) =
                        whole_words(doc, t.span.start, t.span.start + pat.len())
                {
                    candidates.push((first, last, p));
                }
            }
        }
        candidates.sort_by_key(|&(first, last, p)| (first, std::cmp::Reverse(last), p));
        let mut covered = 0;
        let mut aux_cache = None;
        for (first, last, pattern) in candidates {
            if doc.tokens[first].span.start < covered {
                continue;
            }
            // A capital inside the sentence marks a name ("de heer Reeds").
            let name = super::starts_upper(doc.token_text(&doc.tokens[first]))
                && doc
                    .sentence_at(doc.tokens[first].span.start)
                    .is_some_and(|s| !super::capital_expected(doc, &doc.sentences[s], first));
            if name {
                continue;
            }
            let Some(hit) = self.resolve(doc, first, last, pattern, &mut aux_cache) else {
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

#[cfg(test)]
mod tests {
    use crate::check_str;

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
