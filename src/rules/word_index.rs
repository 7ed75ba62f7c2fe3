//! Indexing a word list: its rows become entries, and every form of every entry (verb
//! forms, plurals, inflected adjectives, the fixed part of a phrase) becomes a pattern
//! with what it stands for. Kept apart from the rule (`word_list`) so `build.rs` can run
//! the same code on the built-in ambtelijk list and lay the index out in the binary: the
//! program then skips the longest task of its start-up. Depends only on std, rustc-hash,
//! the lexicon and the verb morphology.

use crate::text::lexicon::{Lexicon, key};
use crate::text::morph::{VerbForm, adjective_forms, adjective_inflected, noun_forms, verb_forms};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The columns of a list when a rule does not name them.
pub const DEFAULT_COLUMNS: [&str; 5] = ["term", "alternatives", "sector", "sources", "flags"];

/// One entry of a list, as the rule reports it. Borrowed in the prebuilt index
/// (`build.rs`), owned when the program builds the index itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub term: Cow<'static, str>,
    pub alternatives: Cow<'static, [Cow<'static, str>]>,
    pub hint: Option<Cow<'static, str>>,
    pub verb: bool,
    pub safe: bool,
}

/// What a pattern (a form of an entry) stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
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
        verb: Cow<'static, str>,
        /// The verb stands right after the anchor in the list's word order.
        verb_last: bool,
    },
    /// The pattern is a form of the verb of a phrase whose fixed part is a single
    /// function word after it ("dienen te"); that word must follow in the same clause.
    VerbFirst {
        entry: usize,
        form: VerbForm,
        particle: Cow<'static, str>,
    },
}

/// Words too common to anchor a phrase on.
const FUNCTION_WORDS: &[&str] = &[
    "te", "van", "voor", "aan", "op", "in", "met", "om", "tot", "de", "het", "een", "er", "zich",
];
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

/// The leading run of letters and digits of `text` ("e-mail" and "e" both give "e"):
/// the key under which the word rules index a pattern by its first word, and look up
/// the text where a token starts, so both agree however the tokeniser splits hyphens
/// and dots.
#[inline]
pub fn leading_word(text: &str) -> &str {
    // Rules ask this for every word, several times: letters and digits in ASCII are
    // decided per byte; only a non-ASCII character needs decoding.
    let bytes = text.as_bytes();
    let ascii = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    if bytes.get(ascii).is_none_or(u8::is_ascii) {
        return &text[..ascii];
    }
    let end = text[ascii..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| ascii + i);
    &text[..end]
}

/// The patterns grouped by their [`leading_word`], in order of first appearance: the
/// first-word index of a list (built at start-up, or laid out by build.rs).
pub fn heads<S: AsRef<str>>(patterns: &[S]) -> Vec<(&str, Vec<u32>)> {
    let mut heads: Vec<(&str, Vec<u32>)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::default();
    for (i, p) in patterns.iter().enumerate() {
        let head = leading_word(p.as_ref());
        let h = *at.entry(head).or_insert_with(|| {
            heads.push((head, Vec::new()));
            heads.len() - 1
        });
        heads[h].1.push(i as u32);
    }
    heads
}

/// A list indexed by build.rs, laid out as statics (see `word_list`).
pub struct Prebuilt {
    pub entries: &'static [Entry],
    pub patterns: &'static [Cow<'static, str>],
    pub targets: &'static [Cow<'static, [Target]>],
    pub verb_forms: &'static [(&'static str, &'static [(&'static str, VerbForm)])],
    /// `text::word_hash::slots` over the heads.
    pub head_slots: &'static [u32],
    /// A pattern's leading word → the patterns that start with it.
    pub heads: &'static [(&'static str, &'static [u32])],
    pub sectors: &'static [(&'static str, usize)],
}

/// Each form → what it stands for.
pub type Patterns = HashMap<String, Vec<Target>>;
/// Each phrase verb → its forms.
pub type VerbTable = HashMap<String, HashMap<String, VerbForm>>;

/// An entry with whether it is an adjective (`bn`) and a noun (`zn`).
pub type Row = (Entry, bool, bool);

/// The entries of a list's `rows` (fields split at tabs) with the given `columns`; only
/// the `wanted` sectors (all when empty), without `allow`ed terms; `extra_terms` (a
/// project's house style) replace entries with the same term. Also: entries per sector.
pub fn entries<'a>(
    rows: impl Iterator<Item = Vec<&'a str>>,
    columns: &[String],
    wanted: &[String],
    allow: &HashSet<String>,
    extra_terms: &BTreeMap<String, Vec<String>>,
) -> (Vec<Row>, BTreeMap<String, usize>) {
    let col = |name: &str| columns.iter().position(|c| c == name);
    let (c_term, c_alt, c_advice, c_sector, c_flags) = (
        col("term").unwrap_or(0),
        col("alternatives"),
        col("advice"),
        col("sector"),
        col("flags"),
    );
    let mut entries = Vec::new();
    let mut sectors: BTreeMap<String, usize> = BTreeMap::new();
    for row in rows {
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).copied().unwrap_or("");
        let sector = get(c_sector);
        if !wanted.is_empty() && !sector.is_empty() && !wanted.iter().any(|s| s == sector) {
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
                Some(h) => hint = Some(Cow::Owned(h.trim().to_owned())),
                None => alternatives.push(Cow::Owned(alt.to_owned())),
            }
        }
        if let Some(advice) = c_advice.map(|c| get(Some(c))).filter(|a| !a.is_empty()) {
            hint = Some(Cow::Owned(capitalise(advice)));
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
                term: Cow::Owned(term),
                alternatives: Cow::Owned(alternatives),
                hint,
                verb: flags.contains(&"ww"),
                safe: flags.contains(&"veilig"),
            },
            flags.contains(&"bn"),
            flags.contains(&"zn"),
        ));
    }
    for (term, alternatives) in extra_terms {
        let term = key(term.trim());
        if term.is_empty() || allow.contains(&term) {
            continue;
        }
        // House-style terms replace list entries with the same term.
        entries.retain(|(e, _, _)| e.term != term.as_str());
        let noun = !term.contains(' ');
        entries.push((
            Entry {
                term: Cow::Owned(term),
                alternatives: alternatives
                    .iter()
                    .map(|a| Cow::Owned(a.trim().to_owned()))
                    .collect(),
                hint: None,
                verb: false,
                safe: false,
            },
            false,
            noun,
        ));
    }
    (entries, sectors)
}

/// Every form of every entry → what it stands for (the exact entry first), and each
/// phrase verb → its forms (for anchors).
pub fn index(entries: &[Row], lex: &Lexicon) -> (Patterns, VerbTable) {
    let mut patterns: HashMap<String, Vec<Target>> = HashMap::default();
    let mut verb_table: HashMap<String, HashMap<String, VerbForm>> = HashMap::default();
    let mut add = |pat: String, t: Target| patterns.entry(pat).or_default().push(t);
    // An entry written exactly as the text ("verschuldigde") goes before a form
    // derived from another entry ("verschuldigd" + -e): its advice fits better.
    let exact: HashSet<&str> = entries.iter().map(|(e, _, _)| e.term.as_ref()).collect();
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
                            verb: Cow::Owned(verb),
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
                                particle: Cow::Owned(anchor.clone()),
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
                    vec![e.term.to_string()]
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
    (patterns, verb_table)
}

#[cfg(test)]
mod tests {
    use super::leading_word;

    #[test]
    fn leading_word_stops_at_the_first_non_letter() {
        let cases = [
            ("e-mail", "e"),
            ("auto's rijden", "auto"),
            ("één-tweetje", "één"),
            ("café.", "café"),
            ("coördinator", "coördinator"),
            ("2e keer", "2e"),
            ("ab\u{a0}cd", "ab"),
            ("x—y", "x"),
            ("", ""),
            ("-", ""),
        ];
        for (text, lead) in cases {
            assert_eq!(leading_word(text), lead, "{text:?}");
            // The per-byte path must agree with deciding every character.
            let by_char = text
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text, |(i, _)| &text[..i]);
            assert_eq!(leading_word(text), by_char, "{text:?}");
        }
    }
}
