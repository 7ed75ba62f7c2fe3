//! Regexes of the built-in patterns, compiled to DFAs when helder itself is built
//! (`build.rs`), so a letter does not pay for building them: a standaardzin pattern or a
//! kern-eerst cue took 30–240 µs and 50–100 KiB to build on first use, a DFA is read back
//! in a few microseconds. Patterns whose DFA would be large, and a project's own patterns,
//! get a lazy DFA instead, built on first use: forward only (these searches need no
//! match start), so it builds in about half the time of a full regex. All run on bytes
//! with Unicode off and report the same leftmost-first matches as [`super::lean_regex`].

use regex_automata::Input;
use regex_automata::dfa::{Automaton, sparse};
use regex_automata::hybrid::dfa::{Cache, DFA as LazyDfa};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::{pool::Pool, syntax};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::Arc;

mod table {
    include!(concat!(env!("OUT_DIR"), "/prebuilt.rs"));
}

/// One pattern, ready to search. (A sparse DFA is a 720-byte header over the static
/// bytes; boxed, so a table of matchers stays small.)
pub enum Matcher {
    Dfa(Box<sparse::DFA<&'static [u8]>>),
    Lazy(Box<Lazy>),
}

type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A forward lazy DFA with a cache per thread that searches with it.
pub struct Lazy {
    dfa: Arc<LazyDfa>,
    caches: Pool<Cache, CacheFn>,
}

impl Lazy {
    /// With the syntax of [`super::lean_regex`].
    pub fn new(source: &str) -> Result<Lazy, String> {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build(source)
            .map_err(|e| e.to_string())?;
        let dfa = Arc::new(
            LazyDfa::builder()
                .build_from_nfa(nfa)
                .map_err(|e| e.to_string())?,
        );
        let for_cache = Arc::clone(&dfa);
        let make: CacheFn = Box::new(move || Cache::new(&for_cache));
        Ok(Lazy {
            dfa,
            caches: Pool::new(make),
        })
    }

    fn find_end(&self, input: &Input<'_>) -> Option<usize> {
        let mut cache = self.caches.get();
        // No quit bytes (Unicode is off) and no cache limit that gives up: cannot fail.
        self.dfa
            .try_search_fwd(&mut cache, input)
            .ok()
            .flatten()
            .map(|m| m.offset())
    }
}

impl Matcher {
    /// For searches anchored at a given place ([`Matcher::find_end`] with an anchored
    /// input).
    pub fn anchored(source: &str) -> Result<Matcher, String> {
        Self::from_table(table::ANCHORED, source)
    }

    /// For searches through a text.
    pub fn unanchored(source: &str) -> Result<Matcher, String> {
        Self::from_table(table::UNANCHORED, source)
    }

    fn from_table(table: &[(&str, usize, usize)], source: &str) -> Result<Matcher, String> {
        let dfa = table
            .binary_search_by(|(s, _, _)| (*s).cmp(source))
            .ok()
            .and_then(|i| {
                let (_, at, len) = table[i];
                // Fails only on a big-endian machine (the DFAs are little-endian): then
                // the pattern is built as a regex, like a project's own patterns.
                sparse::DFA::from_bytes(&table::BYTES[at..at + len]).ok()
            });
        match dfa {
            Some((dfa, _)) => Ok(Matcher::Dfa(Box::new(dfa))),
            None => Lazy::new(source).map(|l| Matcher::Lazy(Box::new(l))),
        }
    }

    /// Whether the pattern matches anywhere in `hay`.
    pub fn is_match(&self, hay: &[u8]) -> bool {
        match self {
            Matcher::Dfa(dfa) => {
                // A DFA built without quit bytes and searched in a mode it was built
                // for cannot fail.
                matches!(
                    dfa.try_search_fwd(&Input::new(hay).earliest(true)),
                    Ok(Some(_))
                )
            }
            Matcher::Lazy(lazy) => lazy.find_end(&Input::new(hay).earliest(true)).is_some(),
        }
    }

    /// The end of the leftmost-first match in `input` (anchored or not, as the matcher
    /// was made for).
    pub fn find_end(&self, input: Input<'_>) -> Option<usize> {
        match self {
            Matcher::Dfa(dfa) => dfa
                .try_search_fwd(&input)
                .ok()
                .flatten()
                .map(|m| m.offset()),
            Matcher::Lazy(lazy) => lazy.find_end(&input),
        }
    }
}

/// How many built-in patterns have a DFA (anchored, unanchored).
pub fn counts() -> (usize, usize) {
    (table::ANCHORED.len(), table::UNANCHORED.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;
    use regex_automata::Anchored;

    fn corpus() -> Vec<String> {
        let mut texts = Vec::new();
        for dir in [
            "tests/corpus/letters",
            "tests/corpus/kern-eerst",
            "tests/corpus/paren",
            "voorbeelden",
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default());
            }
        }
        texts
    }

    fn dfa(table: &[(&str, usize, usize)], i: usize) -> Matcher {
        let (_, at, len) = table[i];
        let (dfa, _) = sparse::DFA::from_bytes(&table::BYTES[at..at + len]).unwrap();
        Matcher::Dfa(Box::new(dfa))
    }

    /// Most built-in patterns have a DFA; the ones left out have a long gap.
    #[test]
    fn most_patterns_are_prebuilt() {
        let (anchored, unanchored) = counts();
        assert!(anchored >= 120, "{anchored} stock phrases");
        assert!(unanchored >= 50, "{unanchored} cues and formulas");
        assert!(matches!(
            Matcher::anchored(table::ANCHORED[0].0),
            Ok(Matcher::Dfa(_))
        ));
        assert!(matches!(
            Matcher::anchored(r"\bniet ingebouwd\b"),
            Ok(Matcher::Lazy(_))
        ));
    }

    /// Every DFA, and the lazy DFA of the same source, finds what the lean regex of its
    /// source finds: anchored ones at every token of the corpus, unanchored ones in every
    /// sentence. (The cues left out are compared in `pyramid::gates_never_hide_a_match`.)
    #[test]
    fn dfas_match_as_their_regex() {
        let texts = corpus();
        let docs: Vec<Document> = texts.iter().map(|t| Document::from_text(t)).collect();
        let mut hits = 0;
        for (table, anchored) in [(table::ANCHORED, true), (table::UNANCHORED, false)] {
            for (i, (source, _, _)) in table.iter().enumerate() {
                let re = crate::rules::lean_regex(source).unwrap();
                let lazy = Matcher::Lazy(Box::new(Lazy::new(source).unwrap()));
                let dfa = dfa(table, i);
                for doc in &docs {
                    let hay = doc.lower.as_bytes();
                    if anchored {
                        for t in &doc.tokens {
                            let input = || {
                                Input::new(hay)
                                    .range(t.span.start..)
                                    .anchored(Anchored::Yes)
                            };
                            let want = re.find(input()).map(|m| m.end());
                            hits += usize::from(want.is_some());
                            assert_eq!(dfa.find_end(input()), want, "{source} at {}", t.span.start);
                            assert_eq!(lazy.find_end(input()), want, "{source}");
                        }
                    } else {
                        for s in &doc.sentences {
                            let text = &hay[s.span.start..s.span.end];
                            let want = re.find(text).map(|m| m.end());
                            hits += usize::from(want.is_some());
                            for m in [&dfa, &lazy] {
                                assert_eq!(m.find_end(Input::new(text)), want, "{source}");
                                assert_eq!(m.is_match(text), want.is_some(), "{source}");
                            }
                        }
                    }
                }
            }
        }
        assert!(hits > 200, "{hits} matches compared");
    }
}
