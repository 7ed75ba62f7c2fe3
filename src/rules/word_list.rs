//! `word_list`: words and phrases from a list, each with plainer alternatives
//! (`ambtelijk-woord`, later `vaag-woord`, house style). One leftmost-longest
//! Aho-Corasick automaton over every form of every entry, built once, run once over the
//! document's lowercase text. Verbs match their inflected forms; a phrase with a verb
//! ("in behandeling nemen") matches its fixed part plus a form of the verb nearby in the
//! same sentence, in either order ("nemen uw aanvraag in behandeling").

use super::{Rule, RuleMeta, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case};
use crate::text::lexicon::{Lexicon, key, lexicon};
use crate::text::morph::{
    VerbForm, adjective_forms, inflect, is_separable, noun_forms, noun_plural, verb_forms,
};
use crate::text::{Document, Span, TokenKind};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Name of an embedded list (`wordlists/<name>.tsv`).
    pub list: String,
    /// Column names of the list, in order.
    pub columns: Vec<String>,
    /// Sectors to check; empty = all.
    pub sectors: Vec<String>,
    /// Extra entries from the project configuration, in the list's own format.
    pub extra: Vec<String>,
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
    },
    /// The pattern is the fixed part of a phrase; a form of the verb must be near.
    Anchor {
        entry: usize,
        verb: String,
        /// The verb stands right after the anchor in the list's word order.
        verb_last: bool,
    },
}

pub struct WordList {
    meta: RuleMeta,
    entries: Vec<Entry>,
    automaton: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
    /// Verb infinitive → its forms, for anchor verification.
    verb_forms: HashMap<String, HashMap<String, VerbForm>>,
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

/// How far (in tokens) a phrase's verb may stand from its fixed part.
const VERB_WINDOW: usize = 8;

impl WordList {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let text = wordlist(&p.list)
            .ok_or_else(|| format!("regel '{}': onbekende woordenlijst '{}'", def.id, p.list))?;
        let col = |name: &str| p.columns.iter().position(|c| c == name);
        let (c_term, c_alt, c_advice, c_sector, c_flags) = (
            col("term").unwrap_or(0),
            col("alternatives"),
            col("advice"),
            col("sector"),
            col("flags"),
        );
        let lex = lexicon();
        let mut entries = Vec::new();
        let rows = tsv_rows(text)
            .map(|(_, r)| r.into_iter().map(str::to_owned).collect::<Vec<_>>())
            .chain(p.extra.iter().map(|line| {
                line.split('\t')
                    .map(|f| f.trim().to_owned())
                    .collect::<Vec<_>>()
            }));
        for row in rows {
            let get =
                |c: Option<usize>| c.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("");
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
                hint = Some(advice.to_owned());
            }
            let term = key(row.get(c_term).map(String::as_str).unwrap_or(""));
            if term.is_empty() {
                continue;
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

        let mut patterns: HashMap<String, Vec<Target>> = HashMap::default();
        let mut verb_table: HashMap<String, HashMap<String, VerbForm>> = HashMap::default();
        let mut add = |pat: String, t: Target| patterns.entry(pat).or_default().push(t);
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
                            },
                        );
                    }
                }
                Some(v) => {
                    let verb = words[v].to_owned();
                    verb_table
                        .entry(verb.clone())
                        .or_insert_with(|| verb_forms(&verb, lex).into_iter().collect());
                    // The contiguous phrase as written (infinitive or participle in place).
                    if !has_gap {
                        for (form, kind) in verb_forms(&verb, lex) {
                            let mut w = words.clone();
                            w[v] = &form;
                            add(
                                w.join(" "),
                                Target::Direct {
                                    entry: i,
                                    form: Some(kind),
                                    plural: false,
                                },
                            );
                        }
                    }
                    // The fixed part alone, verified against a nearby verb form; a lone
                    // function word ("te" in "dienen te") is too common to anchor on.
                    let anchor = longest_run(&words, v);
                    if !anchor.is_empty() && !FUNCTION_WORDS.contains(&anchor.as_str()) {
                        add(
                            anchor,
                            Target::Anchor {
                                entry: i,
                                verb,
                                verb_last: v == words.len() - 1,
                            },
                        );
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
                    for f in forms {
                        let plural = *noun && f != e.term;
                        let t = Target::Direct {
                            entry: i,
                            form: None,
                            plural,
                        };
                        add(f, t);
                    }
                }
            }
        }
        let mut keys: Vec<String> = patterns.keys().cloned().collect();
        keys.sort();
        let targets = keys.iter().map(|k| patterns[k].clone()).collect();
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
                    .map_err(|e| format!("regel '{}': {e}", def.id))?,
            )
        };
        Ok(WordList {
            meta: RuleMeta::new(def),
            entries: entries.into_iter().map(|(e, _, _)| e).collect(),
            automaton,
            targets,
            verb_forms: verb_table,
        })
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    fn report(&self, doc: &Document, lex: &Lexicon, m: Hit, out: &mut Vec<Finding>) {
        let Hit {
            entry,
            span,
            form,
            plural,
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
        let mut f = self.meta.finding(
            span,
            self.meta.message(&[
                ("match", original),
                ("term", &entry.term),
                ("alternatives", &quoted.join(" of ")),
            ]),
        );
        f.hint = entry.hint.clone();
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
}

/// One match of an entry in the text.
struct Hit {
    entry: usize,
    span: Span,
    form: Option<VerbForm>,
    plural: bool,
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

impl Rule for WordList {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(ac) = &self.automaton else { return };
        let lex = lexicon();
        // Whether a sentence has an auxiliary, computed once per sentence (matches come
        // in text order): a long sentence full of list words stays linear.
        let mut aux_of: Option<(usize, bool)> = None;
        for m in ac.find_iter(&doc.lower) {
            // Whole words only: the match must start and end on word-token edges.
            let first = doc.tokens.partition_point(|t| t.span.start < m.start());
            let Some(start_tok) = doc.tokens.get(first) else {
                continue;
            };
            if start_tok.span.start != m.start() || start_tok.kind != TokenKind::Word {
                continue;
            }
            let last = doc.tokens.partition_point(|t| t.span.end < m.end());
            let Some(end_tok) = doc.tokens.get(last) else {
                continue;
            };
            if end_tok.span.end != m.end() || end_tok.kind != TokenKind::Word {
                continue;
            }
            let Some(sent) = doc.sentence_at(m.start()) else {
                continue;
            };
            if doc.sentences[sent].span.end < m.end() {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let prev_word = first
                .checked_sub(1)
                .map(|p| doc.token_lower(&doc.tokens[p]))
                .unwrap_or("");
            let targets = &self.targets[m.pattern().as_usize()];
            let sentence = &doc.sentences[sent];
            let has_aux = match aux_of {
                Some((i, has)) if i == sent => has,
                _ => {
                    let has = doc
                        .sentence_tokens(sentence)
                        .iter()
                        .any(|t| AUXILIARIES.contains(&doc.token_lower(t)));
                    aux_of = Some((sent, has));
                    has
                }
            };
            let has_ik = (first.saturating_sub(2).max(sentence.tokens.start)
                ..(last + 3).min(sentence.tokens.end))
                .any(|i| doc.token_lower(&doc.tokens[i]) == "ik");
            // One form can be several (verzocht: past and participle): an auxiliary in
            // the sentence makes it the participle; the ik-form needs "ik" nearby.
            let fits = |t: &&Target| match t {
                Target::Direct {
                    form: Some(VerbForm::Participle),
                    ..
                } => has_aux,
                Target::Direct {
                    form: Some(VerbForm::Stem),
                    ..
                } => has_ik,
                _ => true,
            };
            let participle = |t: &&Target| {
                matches!(
                    t,
                    Target::Direct {
                        form: Some(VerbForm::Participle),
                        ..
                    }
                )
            };
            let chosen = targets
                .iter()
                .filter(fits)
                .find(participle)
                .or_else(|| targets.iter().find(fits));
            if let Some(target) = chosen {
                match target {
                    Target::Direct {
                        entry,
                        form,
                        plural,
                    } => {
                        // "uw verzoek", "de verzoeken": a noun, not the verb.
                        if matches!(form, Some(VerbForm::Stem | VerbForm::Infinitive))
                            && DETERMINERS.contains(&prev_word)
                        {
                            continue;
                        }
                        // "de door u verstrekte gegevens": a past-tense shape after a
                        // determiner is an inflected participle.
                        let attributive = matches!(form, Some(VerbForm::PastSingular))
                            && (first.saturating_sub(3).max(sentence.tokens.start)..first)
                                .any(|i| DETERMINERS.contains(&doc.token_lower(&doc.tokens[i])));
                        let hit = Hit {
                            entry: *entry,
                            span,
                            form: *form,
                            plural: *plural,
                            attributive,
                            replaceable: true,
                        };
                        self.report(doc, lex, hit, out);
                    }
                    Target::Anchor {
                        entry,
                        verb,
                        verb_last,
                    } => {
                        let forms = &self.verb_forms[verb];
                        let s = &doc.sentences[sent];
                        let lo = first.saturating_sub(VERB_WINDOW).max(s.tokens.start);
                        let hi = (last + 1 + VERB_WINDOW).min(s.tokens.end);
                        let found = (lo..hi)
                            .filter(|&i| i < first || i > last)
                            .find(|&i| forms.contains_key(doc.token_lower(&doc.tokens[i])));
                        if let Some(i) = found {
                            let vt = doc.tokens[i];
                            let form = forms[doc.token_lower(&vt)];
                            let whole = span.cover(vt.span);
                            // Adjacent and in list order: replace the whole phrase.
                            let adjacent = *verb_last && i == last + 1;
                            let hit = Hit {
                                entry: *entry,
                                span: whole,
                                form: Some(form),
                                plural: false,
                                attributive: false,
                                replaceable: adjacent,
                            };
                            self.report(doc, lex, hit, out);
                            break;
                        }
                    }
                }
            }
        }
    }
}
