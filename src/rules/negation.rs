//! Negations. `negation`: each negation word (niet, geen, nooit, …) as a tip to say what
//! the reader can do, with a positive rewrite where the list has one ("niet vergeten" →
//! "denk eraan"). `double_negation`: two negations in one clause ("nooit geen"),
//! "niet on-…" ("niet onbelangrijk"), "niet zonder", and a negative verb followed by a
//! negation ("voorkomen dat … niet").

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::{Finding, Safety, Suggestion, match_case};
use crate::text::lexicon::{NegationKind, Word, lexicon};
use crate::text::word_class as wc;
use crate::text::{Document, Sentence, Span, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct NoParams {}

pub struct Negation {
    meta: RuleMeta,
    positive: Option<AhoCorasick>,
    /// (negated phrase, positive rewrite), in the order of `positive`'s patterns.
    rewrites: &'static [(Word, Word)],
    /// The bytes the negated phrases are made of: no phrase can hold a byte outside it.
    alphabet: [bool; 256],
}

impl Negation {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let _: NoParams = params(def)?;
        let pairs = lexicon().positive_rewrites();
        let positive = if pairs.is_empty() {
            None
        } else {
            Some(
                // A contiguous NFA builds several times faster than the DFA the
                // builder would pick for so few patterns; one scan per document needs no
                // more (start-up).
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(pairs.iter().map(|(neg, _)| neg.as_bytes()))
                    .map_err(|e| e.to_string())?,
            )
        };
        let mut alphabet = [false; 256];
        for b in pairs.iter().flat_map(|(neg, _)| neg.bytes()) {
            alphabet[b as usize] = true;
        }
        Ok(Negation {
            meta: RuleMeta::new(def),
            positive,
            rewrites: pairs,
            alphabet,
        })
    }

    /// Positive rewrites found in the sentences with a negation: (span, replacement).
    /// The matches are those of one scan of the whole text: each window scanned starts
    /// and ends at a point no phrase can span (next to a byte outside the phrases'
    /// alphabet), so a scan of the window restarts where the whole scan would be between
    /// matches. A negation word lies in a window, and so does any phrase around it.
    fn rewrites(&self, doc: &Document) -> Vec<(Span, String)> {
        let Some(ac) = &self.positive else {
            return Vec::new();
        };
        let vocab = doc.vocab();
        let lower = doc.lower.as_bytes();
        let split = |p: usize| {
            p == 0
                || p >= lower.len()
                || !self.alphabet[lower[p - 1] as usize]
                || !self.alphabet[lower[p] as usize]
        };
        let mut out = Vec::new();
        let scan = |a: usize, b: usize, out: &mut Vec<(Span, String)>| {
            for m in ac.find_iter(&lower[a..b]) {
                let (start, end) = (a + m.start(), a + m.end());
                if on_word_edges(doc, start, end) {
                    let span = Span::new(start, end);
                    let text = match_case(doc.slice(span), self.rewrites[m.pattern().as_usize()].1);
                    out.push((span, text));
                }
            }
        };
        let mut window: Option<(usize, usize)> = None;
        for (si, s) in doc.sentences.iter().enumerate() {
            if vocab.sentence_classes(si) & wc::NEGATION == 0 {
                continue;
            }
            let mut a = s.span.start.min(lower.len());
            while !split(a) {
                a -= 1;
            }
            let mut b = s.span.end.min(lower.len());
            while !split(b) {
                b += 1;
            }
            window = match window {
                Some((wa, wb)) if a <= wb => Some((wa.min(a), wb.max(b))),
                Some((wa, wb)) => {
                    scan(wa, wb, &mut out);
                    Some((a, b))
                }
                None => Some((a, b)),
            };
        }
        if let Some((wa, wb)) = window {
            scan(wa, wb, &mut out);
        }
        out
    }
}

/// Does `[start, end)` begin and end on word-token edges?
pub(crate) fn on_word_edges(doc: &Document, start: usize, end: usize) -> bool {
    let i = doc.tokens.partition_point(|t| t.span.start < start);
    let j = doc.tokens.partition_point(|t| t.span.end < end);
    doc.tokens
        .get(i)
        .is_some_and(|t| t.span.start == start && t.kind == TokenKind::Word)
        && doc.tokens.get(j).is_some_and(|t| t.span.end == end)
}

impl Rule for Negation {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        // The positive rewrites are looked for once, when the first negation is found.
        let mut rewrites: Option<Vec<(Span, String)>> = None;
        for (si, s) in doc.sentences.iter().enumerate() {
            if vocab.sentence_classes(si) & wc::NEGATION == 0 {
                continue;
            }
            let toks = doc.sentence_tokens(s);
            // "maar ook" in this sentence: looked up once, not per "niet alleen".
            let mut maar_ook: Option<bool> = None;
            for (i, t) in toks.iter().enumerate() {
                if t.kind != TokenKind::Word || !vocab.is(s.tokens.start + i, wc::NEGATION) {
                    continue;
                }
                let w = doc.token_lower(t);
                let next = toks.get(i + 1).map(|t| doc.token_lower(t)).unwrap_or("");
                let prev = i
                    .checked_sub(1)
                    .map(|p| doc.token_lower(&toks[p]))
                    .unwrap_or("");
                // "wel of niet", "niet alleen … maar ook": not a message in the negative.
                if (w == "niet" && prev == "of")
                    || (w == "niet"
                        && next == "alleen"
                        && *maar_ook.get_or_insert_with(|| {
                            doc.lower[s.span.start..s.span.end].contains("maar ook")
                        }))
                {
                    continue;
                }
                let mut f = self
                    .meta
                    .finding(t.span, self.meta.message(&[("match", doc.token_text(t))]));
                // Rewrites are in text order and do not overlap: the only one that can
                // hold this word is the last one starting at or before it.
                let rewrites = rewrites.get_or_insert_with(|| self.rewrites(doc));
                let k = rewrites.partition_point(|(sp, _)| sp.start <= t.span.start);
                let rewrite = k
                    .checked_sub(1)
                    .map(|k| &rewrites[k])
                    .filter(|(sp, _)| sp.contains(t.span));
                if let Some((span, text)) = rewrite {
                    f.span = *span;
                    f.message = self.meta.message(&[("match", doc.slice(*span))]);
                    f.suggestions.push(Suggestion {
                        span: *span,
                        replacement: text.clone(),
                        safety: self.meta.def.fix.unwrap_or(Safety::Unsafe),
                    });
                }
                out.push(f);
            }
        }
    }
}

pub struct DoubleNegation {
    meta: RuleMeta,
}

impl DoubleNegation {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let _: NoParams = params(def)?;
        Ok(DoubleNegation {
            meta: RuleMeta::new(def),
        })
    }

    /// The double negation in a sentence, with a positive rewrite where one is certain
    /// ("niet onbelangrijk" → "belangrijk").
    fn find(&self, doc: &Document, s: &Sentence) -> Option<(Span, Option<String>)> {
        let toks = doc.sentence_tokens(s);
        let vocab = doc.vocab();
        let class = |i: usize| vocab.classes(s.tokens.start + i);
        let kind = |i: usize| {
            if toks[i].kind != TokenKind::Word {
                return None;
            }
            let c = class(i);
            if c & wc::NEGATION != 0 {
                Some(NegationKind::Negation)
            } else if c & wc::NEGATION_WITHOUT != 0 {
                Some(NegationKind::Without)
            } else if c & wc::NEGATIVE_VERB != 0 {
                Some(NegationKind::NegativeVerb)
            } else if c & wc::NEGATED_ADJECTIVE != 0 {
                Some(NegationKind::OnWord)
            } else {
                None
            }
        };
        let mut clause_neg: Option<usize> = None; // a plain negation earlier in this clause
        let mut negative_verb: Option<usize> = None; // voorkomen, weigeren … in this sentence
        let mut without: Option<usize> = None;
        for i in 0..toks.len() {
            let t = &toks[i];
            let starter = class(i) & wc::NEGATION_CLAUSE_STARTER != 0;
            if (t.kind == TokenKind::Punct && class(i) & wc::NEGATION_CLAUSE_PUNCT != 0) || starter
            {
                clause_neg = None;
                without = None;
                // "voorkomen dat … niet" doubles; "weigeren, omdat … niet" does not.
                if starter && doc.token_lower(t) != "dat" {
                    negative_verb = None;
                }
                continue;
            }
            match kind(i) {
                Some(NegationKind::Negation) => {
                    if let Some(j) = clause_neg.or(without).or(negative_verb) {
                        return Some((toks[j].span.cover(t.span), None));
                    }
                    clause_neg = Some(i);
                }
                Some(NegationKind::Without) => {
                    if let Some(j) = clause_neg {
                        return Some((toks[j].span.cover(t.span), None));
                    }
                    without = Some(i);
                }
                Some(NegationKind::NegativeVerb) => negative_verb = Some(i),
                Some(NegationKind::OnWord) => {
                    // "niet onbelangrijk", "niet geheel onmogelijk"
                    if let Some(j) = clause_neg.filter(|&j| i - j <= 3) {
                        // Directly "niet onX": the positive is X.
                        let positive = (i == j + 1 && doc.token_lower(&toks[j]) == "niet")
                            .then(|| doc.token_text(t).get(2..).map(str::to_owned))
                            .flatten();
                        return Some((toks[j].span.cover(t.span), positive));
                    }
                }
                _ => {}
            }
        }
        None
    }
}

impl Rule for DoubleNegation {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let vocab = doc.vocab();
        for (si, s) in doc.sentences.iter().enumerate() {
            // Every double negation has a plain negation in it.
            if vocab.sentence_classes(si) & wc::NEGATION == 0 {
                continue;
            }
            if let Some((span, positive)) = self.find(doc, s) {
                // A curated rewrite (wordlists/positief.tsv) beats the mechanical one.
                let curated = lexicon()
                    .positive_rewrites()
                    .iter()
                    .find(|(neg, _)| *neg == &doc.lower[span.start..span.end])
                    .map(|(_, p)| match_case(doc.slice(span), p));
                let positive = curated.or(positive);
                let mut f = self
                    .meta
                    .finding(span, self.meta.message(&[("match", doc.slice(span))]));
                if let Some(p) = positive {
                    f.suggestions.push(Suggestion {
                        span,
                        replacement: p,
                        safety: Safety::Unsafe,
                    });
                }
                out.push(f);
            }
        }
    }
}
