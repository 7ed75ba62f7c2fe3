//! Regexes of the built-in patterns, compiled to DFAs when helder itself is built
//! (`build.rs`), so a letter does not pay for building them: a standaardzin pattern or a
//! kern-eerst cue took 30–240 µs and 50–100 KiB to build on first use, the e-mail address
//! 2 ms; a DFA is read back in microseconds. Patterns whose DFA would be large, and a
//! project's own patterns, get a lazy DFA instead, built on first use: forward only (these
//! searches need no match start), so it builds in about half the time of a full regex.
//! [`Matcher`]s run on bytes with Unicode off and report the same leftmost-first matches
//! as [`super::lean_regex`]; [`CueMatcher`] cuts a cue with a gap in two; [`Finder`] finds
//! the tokeniser's links, addresses and account numbers with the syntax of `regex`.

use super::cue_patterns::{Gap, GapCue, cue_source, split_gaps};
use regex_automata::dfa::{Automaton, OverlappingState, dense, sparse};
use regex_automata::hybrid::dfa::{Cache, DFA as LazyDfa, OverlappingState as LazyOverlapping};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::{pool::Pool, syntax};
use regex_automata::{Input, MatchKind, dfa, meta};
use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::Arc;

mod table {
    include!(concat!(env!("OUT_DIR"), "/prebuilt.rs"));
}

/// A DFA build.rs made, dense or sparse: a small header over the static bytes.
pub type Dfa = Box<dyn Automaton + Send + Sync + RefUnwindSafe>;

/// `(regex source, offset, length, dense)`, sorted by source.
type Table = [(&'static str, usize, usize, bool)];

/// The DFA build.rs made of `source`, if it is in `table` and this machine is
/// little-endian.
fn prebuilt(table: &Table, source: &str) -> Option<Dfa> {
    let i = table.binary_search_by(|(s, ..)| (*s).cmp(source)).ok()?;
    let (_, at, len, dense) = table[i];
    trusted_dfa(at, len, dense)
}

/// A DFA from bytes that `build.rs` serialised, read without checking them again.
/// Checking (`from_bytes`) reads every state of every DFA a letter uses: 0.7 ms of the
/// 5.4 ms of one letter, a third of it page faults.
///
/// Sound because the bytes are what `to_bytes_little_endian` of the same
/// regex-automata wrote: build.rs and the program share the one version in Cargo.lock,
/// the bytes are part of the program (a dense DFA's aligned to 4, as it asks), and
/// `tests::every_prebuilt_dfa_passes_the_check` runs the full check on each of them. On
/// a big-endian machine, `None`.
#[allow(unsafe_code)]
fn trusted_dfa(at: usize, len: usize, dense: bool) -> Option<Dfa> {
    if !cfg!(target_endian = "little") {
        return None;
    }
    if dense {
        // SAFETY: see above; `from_bytes_unchecked` asks for bytes from
        // `to_bytes_little_endian` (same version) on a little-endian machine.
        let (dfa, _) =
            unsafe { dense::DFA::from_bytes_unchecked(&table::DENSE.0[at..at + len]) }.ok()?;
        Some(Box::new(dfa))
    } else {
        // SAFETY: as above.
        let (dfa, _) =
            unsafe { sparse::DFA::from_bytes_unchecked(&table::SPARSE[at..at + len]) }.ok()?;
        Some(Box::new(dfa))
    }
}

/// One pattern, ready to search.
pub enum Matcher {
    Dfa(Dfa),
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
    pub fn new(source: &str, search: Search) -> Result<Lazy, String> {
        let kind = match search {
            Search::LeftmostFirst => MatchKind::LeftmostFirst,
            Search::AllEnds | Search::AllStarts => MatchKind::All,
        };
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(
                thompson::Config::new()
                    .which_captures(WhichCaptures::None)
                    .reverse(search == Search::AllStarts),
            )
            .build(source)
            .map_err(|e| e.to_string())?;
        let dfa = Arc::new(
            LazyDfa::builder()
                .configure(LazyDfa::config().match_kind(kind))
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

    fn every(&self, hay: &[u8], search: Search, out: &mut Vec<usize>) {
        let mut cache = self.caches.get();
        let input = Input::new(hay);
        let mut state = LazyOverlapping::start();
        loop {
            let found = if search == Search::AllStarts {
                self.dfa
                    .try_search_overlapping_rev(&mut cache, &input, &mut state)
            } else {
                self.dfa
                    .try_search_overlapping_fwd(&mut cache, &input, &mut state)
            };
            match found.map(|()| state.get_match()) {
                Ok(Some(m)) => out.push(m.offset()),
                _ => return,
            }
        }
    }
}

/// What a matcher reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Search {
    /// The end of the leftmost-first match.
    LeftmostFirst,
    /// Every end of a match (overlapping, forward).
    AllEnds,
    /// Every start of a match (overlapping, with a reverse automaton).
    AllStarts,
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

    /// For [`Matcher::every`] with [`Search::AllEnds`] or [`Search::AllStarts`].
    pub fn every_match(source: &str, search: Search) -> Result<Matcher, String> {
        let table = match search {
            Search::AllStarts => table::ALL_STARTS,
            _ => table::ALL_ENDS,
        };
        Self::from_table_kind(table, source, search)
    }

    fn from_table(table: &Table, source: &str) -> Result<Matcher, String> {
        Self::from_table_kind(table, source, Search::LeftmostFirst)
    }

    fn from_table_kind(table: &Table, source: &str, search: Search) -> Result<Matcher, String> {
        // `None` on a big-endian machine (the DFAs are little-endian): then the pattern is
        // built as a regex, like a project's own patterns.
        match prebuilt(table, source) {
            Some(dfa) => Ok(Matcher::Dfa(dfa)),
            None => Lazy::new(source, search).map(|l| Matcher::Lazy(Box::new(l))),
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

    /// Every end (or start) of a match in `hay`, appended to `out`, for a matcher made by
    /// [`Matcher::every_match`] with the same `search`.
    pub fn every(&self, hay: &[u8], search: Search, out: &mut Vec<usize>) {
        match self {
            Matcher::Dfa(dfa) => {
                let input = Input::new(hay);
                let mut state = OverlappingState::start();
                loop {
                    let found = if search == Search::AllStarts {
                        dfa.try_search_overlapping_rev(&input, &mut state)
                    } else {
                        dfa.try_search_overlapping_fwd(&input, &mut state)
                    };
                    match found.map(|()| state.get_match()) {
                        Ok(Some(m)) => out.push(m.offset()),
                        _ => return,
                    }
                }
            }
            Matcher::Lazy(lazy) => lazy.every(hay, search, out),
        }
    }
}

/// A kern-eerst cue, cut at its gaps ([`split_gaps`]) so each part is a small DFA.
/// Matches a text exactly where the whole cue's regex does.
pub struct CueMatcher {
    plain: Option<Matcher>,
    gaps: Vec<GapMatcher>,
}

/// `head.{0,most}tail`: every end of `head`, every start of `tail`.
struct GapMatcher {
    head: Matcher,
    most: usize,
    tail: Matcher,
}

impl CueMatcher {
    /// The matcher of a cue pattern (before [`cue_source`]).
    pub fn new(pattern: &str) -> Result<CueMatcher, String> {
        let GapCue { plain, gaps } = split_gaps(pattern).unwrap_or_else(|| GapCue {
            plain: Some(cue_source(pattern)),
            gaps: Vec::new(),
        });
        Ok(CueMatcher {
            plain: plain.map(|p| Matcher::unanchored(&p)).transpose()?,
            gaps: gaps
                .iter()
                .map(|Gap { head, most, tail }| {
                    Ok(GapMatcher {
                        head: Matcher::every_match(head, Search::AllEnds)?,
                        most: *most,
                        tail: Matcher::every_match(tail, Search::AllStarts)?,
                    })
                })
                .collect::<Result<_, String>>()?,
        })
    }

    pub fn is_match(&self, hay: &[u8]) -> bool {
        self.plain.as_ref().is_some_and(|p| p.is_match(hay))
            || self.gaps.iter().any(|gap| gap.is_match(hay))
    }
}

impl GapMatcher {
    fn is_match(&self, hay: &[u8]) -> bool {
        let mut ends = Vec::new();
        self.head.every(hay, Search::AllEnds, &mut ends);
        if ends.is_empty() {
            return false;
        }
        let mut starts = Vec::new();
        self.tail.every(hay, Search::AllStarts, &mut starts);
        // `.` is any byte but a line break.
        starts.iter().any(|&start| {
            ends.iter().any(|&end| {
                end <= start && start - end <= self.most && !hay[end..start].contains(&b'\n')
            })
        })
    }
}

/// A built-in regex that says where each match starts and ends, with the syntax of
/// `regex::Regex` (the tokeniser's links, addresses and account numbers): a forward DFA
/// finds the end, an anchored reverse DFA from there the start.
pub enum Finder {
    Dfa(Box<dfa::regex::Regex<&'static (dyn Automaton + Send + Sync + RefUnwindSafe)>>),
    /// Not prebuilt (a big-endian machine): the regex, built on first use.
    Regex(Box<meta::Regex>),
}

impl Finder {
    pub fn new(source: &str) -> Result<Finder, String> {
        match (
            prebuilt(table::FIND_FORWARD, source),
            prebuilt(table::FIND_REVERSE, source),
        ) {
            // The tokeniser keeps its finders for the life of the process.
            (Some(forward), Some(reverse)) => Ok(Finder::Dfa(Box::new(
                dfa::regex::Regex::builder()
                    .build_from_dfas(&*Box::leak(forward), &*Box::leak(reverse)),
            ))),
            _ => meta::Regex::new(source)
                .map(|re| Finder::Regex(Box::new(re)))
                .map_err(|e| e.to_string()),
        }
    }

    /// The leftmost-first match in `hay` that starts at `at` or later.
    pub fn find_at(&self, hay: &str, at: usize) -> Option<Range<usize>> {
        self.find_in(hay, at..hay.len())
    }

    /// The leftmost-first match inside `range` of `hay` (what lies around it still counts
    /// for a word boundary).
    pub fn find_in(&self, hay: &str, range: Range<usize>) -> Option<Range<usize>> {
        let input = Input::new(hay).range(range);
        match self {
            // Built without quit bytes, searched in the modes it was built for: cannot fail.
            Finder::Dfa(re) => re.try_search(&input).ok().flatten().map(|m| m.range()),
            Finder::Regex(re) => re.search(&input).map(|m| m.range()),
        }
    }
}

/// How many built-in patterns have a DFA (anchored, unanchored, parts of cues with a gap).
pub fn counts() -> (usize, usize, usize) {
    (
        table::ANCHORED.len(),
        table::UNANCHORED.len(),
        table::ALL_ENDS.len() + table::ALL_STARTS.len(),
    )
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

    /// Entry `i` of `table`, as the program reads it.
    fn dfa(table: &Table, i: usize) -> Matcher {
        let (_, at, len, dense) = table[i];
        Matcher::Dfa(trusted_dfa(at, len, dense).unwrap())
    }

    /// The bytes `trusted_dfa` reads unchecked pass the full check, in every table.
    #[test]
    fn every_prebuilt_dfa_passes_the_check() {
        let (mut n, mut dense_ones) = (0, 0);
        for table in [
            table::ANCHORED,
            table::UNANCHORED,
            table::ALL_ENDS,
            table::ALL_STARTS,
            table::FIND_FORWARD,
            table::FIND_REVERSE,
        ] {
            for &(source, at, len, dense) in table {
                let read = if dense {
                    dense::DFA::from_bytes(&table::DENSE.0[at..at + len]).map(|(_, n)| n)
                } else {
                    sparse::DFA::from_bytes(&table::SPARSE[at..at + len]).map(|(_, n)| n)
                };
                assert_eq!(read.expect(source), len, "{source}");
                n += 1;
                dense_ones += usize::from(dense);
            }
        }
        assert!(n > 200, "{n} DFAs");
        assert!(dense_ones > 50, "{dense_ones} dense DFAs");
    }

    /// Most built-in patterns have a DFA; the ones left out have a long gap.
    #[test]
    fn most_patterns_are_prebuilt() {
        let (anchored, unanchored, all_ends) = counts();
        assert!(anchored >= 120, "{anchored} stock phrases and cue tails");
        assert!(unanchored >= 50, "{unanchored} cues and formulas");
        assert!(all_ends >= 30, "{all_ends} parts of cues with a gap");
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
            for (i, (source, ..)) in table.iter().enumerate() {
                let re = crate::rules::lean_regex(source).unwrap();
                let lazy =
                    Matcher::Lazy(Box::new(Lazy::new(source, Search::LeftmostFirst).unwrap()));
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

    fn every(m: &Matcher, hay: &[u8], search: Search) -> Vec<usize> {
        let mut out = Vec::new();
        m.every(hay, search, &mut out);
        out
    }

    /// The every-end and every-start DFAs report the same places as a lazy DFA of their
    /// source.
    #[test]
    fn every_match_dfas_agree_with_lazy_ones() {
        let texts = corpus();
        let docs: Vec<Document> = texts.iter().map(|t| Document::from_text(t)).collect();
        let mut hits = 0;
        for (table, search) in [
            (table::ALL_ENDS, Search::AllEnds),
            (table::ALL_STARTS, Search::AllStarts),
        ] {
            for (i, (source, ..)) in table.iter().enumerate() {
                let lazy = Matcher::Lazy(Box::new(Lazy::new(source, search).unwrap()));
                let dfa = dfa(table, i);
                for doc in &docs {
                    for s in &doc.sentences {
                        let text = &doc.lower.as_bytes()[s.span.start..s.span.end];
                        let want = every(&lazy, text, search);
                        hits += want.len();
                        assert_eq!(every(&dfa, text, search), want, "{source}");
                    }
                }
            }
        }
        assert!(hits > 100, "{hits} places compared");
    }

    /// A cue cut at its gaps matches where the regex of the whole cue matches: in every
    /// sentence of the corpus and in sentences made to try the edges of a gap.
    #[test]
    fn cut_cues_match_as_the_whole_cue() {
        let mut sentences: Vec<String> = Vec::new();
        for text in corpus() {
            let doc = Document::from_text(&text);
            sentences.extend(
                doc.sentences
                    .iter()
                    .map(|s| doc.lower[s.span.start..s.span.end].to_owned()),
            );
        }
        let filler = |n: usize| "x".repeat(n);
        for n in [0, 1, 29, 30, 31, 39, 40, 41, 59, 60, 61, 79, 80, 81] {
            let gap = filler(n);
            sentences.extend([
                format!("wij wijzen {gap} af."),
                format!("wij wijzen {gap}af."),
                format!("wij wijzen de aanvraag {gap} af."),
                format!("we wijzen het af en wij wijzen {gap} af."),
                format!("wij wijzen\n{gap} af."),
                format!("uw {gap} vanaf 1 maart"),
                format!("uw uw {gap} vanaf 1 maart 2026"),
                format!("op 3 maart {gap} om 10.00 uur"),
                format!("neem {gap} contact op"),
                format!("u hoeft {gap} niets te doen"),
                format!("de prijs gaat {gap} omhoog"),
                format!("u krijgt {gap} € 20"),
                format!("u krijgt {gap}€ 20"),
                format!("uw nieuwe {gap} is € 20"),
                format!("wij kunnen {gap} vergoeden"),
            ]);
        }
        let mut gapped = 0;
        let mut hits = 0;
        for group in crate::rules::cue_patterns::ALL {
            for pattern in group.iter() {
                gapped += usize::from(split_gaps(pattern).is_some());
                let re = crate::rules::lean_regex(&cue_source(pattern)).unwrap();
                let cue = CueMatcher::new(pattern).unwrap();
                for s in &sentences {
                    let want = re.is_match(s.as_bytes());
                    hits += usize::from(want);
                    assert_eq!(cue.is_match(s.as_bytes()), want, "{pattern} in {s:?}");
                }
            }
        }
        assert!(gapped >= 14, "{gapped} cues with a gap");
        assert!(hits > 500, "{hits} matches compared");
    }
}
