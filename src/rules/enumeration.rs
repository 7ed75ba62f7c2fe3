//! `enumeration`: running text that enumerates what a list shows better (B1-GUIDE §1.2
//! "Headings, bullets": use lists from 3 items [S55], visible structure through lists
//! [S7]). Two patterns, precision first:
//!
//! - one sentence with a comma series "A, B, C en D": at least `min_items` items, and
//!   either `many_items` items or `min_words` words in the items. Dates ("1, 2 en 3
//!   maart"), amounts and addresses are not series; nor are clauses ("Als u belt, helpen
//!   wij u en sturen wij …"): an item with a pronoun subject, a conjunction or a finite
//!   auxiliary ends the series.
//! - steps in one paragraph: "eerst … daarna … tot slot …" (a first-step word and at
//!   least two later-step words) → a numbered list.
//!
//! Text that already is a list item, a heading or a line on its own is not checked.

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::word_class as wc;
use crate::text::{Document, Span, Token, TokenKind, UnitKind};
use memchr::memmem::Finder;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// Every first-step marker holds one of these (searchers built once).
static FIRST_STEP_PARTS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new("eerst"), Finder::new("stap")]);

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// Fewest items in a comma series.
    pub min_items: usize,
    /// A series of this many items is flagged whatever its length.
    pub many_items: usize,
    /// Fewest words in the items of a shorter series.
    pub min_words: usize,
    /// Fewest steps for "eerst … daarna … tot slot".
    pub min_steps: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_items: 3,
            many_items: 5,
            min_words: 10,
            min_steps: 3,
        }
    }
}

pub struct Enumeration {
    meta: RuleMeta,
    params: Params,
}

// Words that make an item a clause (not a noun phrase) and the conjunctions "en" and "of"
// are word classes (`text::word_class`: CLAUSE_WORD, EN_OF).
/// Most words in one item: longer pieces are clauses.
const MAX_ITEM: usize = 6;
/// "…, zoals A en B": examples of the thing before the comma, not a third item.
const EXAMPLE_WORDS: &[&str] = &[
    "zoals",
    "bijvoorbeeld",
    "namelijk",
    "waaronder",
    "inclusief",
    "behalve",
    "maar",
    "ook",
];
/// Step markers, each between spaces (see `steps`).
const FIRST_STEP: &[&str] = &[
    " eerst ",
    " allereerst ",
    " ten eerste ",
    " als eerste ",
    " stap 1 ",
];
const LATER_STEP: &[&str] = &[
    " daarna ",
    " vervolgens ",
    " tot slot ",
    " ten slotte ",
    " tenslotte ",
    " als laatste ",
    " ten tweede ",
    " ten derde ",
    " ten vierde ",
    " als tweede ",
    " als derde ",
    " stap 2 ",
    " stap 3 ",
    " stap 4 ",
];

/// A piece of a sentence between commas: its tokens (without the commas), as indices
/// into `Document::tokens`.
struct Piece {
    toks: Range<usize>,
    /// Starts right after a comma (not at a hard boundary or the sentence start).
    after_comma: bool,
}

/// Buffers for the whole document, reused sentence after sentence.
#[derive(Default)]
struct Scratch {
    pieces: Vec<Piece>,
    /// The words of the first item and of the current one.
    fw: Vec<usize>,
    w: Vec<usize>,
    /// A sentence's words between single spaces ([`Enumeration::steps`]).
    padded: String,
    /// Where "eerst" and "stap" occur in the lowercase text, (start, end) in text order:
    /// found in one scan of the text, on first use, instead of once per sentence.
    parts: Option<Vec<(usize, usize)>>,
    /// The first of `parts` that may lie in the next sentence looked at.
    cursor: usize,
}

/// The word tokens of a piece (indices), into `out` (cleared first).
fn words(doc: &Document, toks: Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    out.extend(toks.filter(|&i| doc.tokens[i].counts_as_word()));
}

fn is_numberish(doc: &Document, toks: &[Token]) -> bool {
    toks.iter().any(|t| t.kind == TokenKind::Number)
        || toks
            .iter()
            .any(|t| t.kind == TokenKind::Symbol && doc.token_text(t) == "€")
}

impl Enumeration {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        Ok(Enumeration {
            meta: RuleMeta::new(def),
            params: params(def)?,
        })
    }

    /// A comma series in sentence `si`: (span, number of items).
    fn series(&self, doc: &Document, si: usize, scratch: &mut Scratch) -> Option<(Span, usize)> {
        let s = &doc.sentences[si];
        let vocab = doc.vocab();
        // A series needs a comma and an "en" or "of" before its last item; most sentences
        // lack one of them and are skipped before their pieces are collected.
        let classes = vocab.sentence_classes(si);
        if classes & wc::COMMA == 0 || classes & wc::EN_OF == 0 {
            return None;
        }
        let lower = |i: usize| doc.token_lower(&doc.tokens[i]);
        // Split at commas; other punctuation (except the final one) is a hard boundary.
        let Scratch { pieces, fw, w, .. } = scratch;
        pieces.clear();
        let mut start = s.tokens.start;
        let mut after_comma = false;
        for i in s.tokens.clone() {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Punct {
                continue;
            }
            let p = doc.token_text(t);
            let comma = p == ",";
            if comma
                || matches!(
                    p,
                    ";" | ":" | "(" | ")" | "\"" | "–" | "—" | "?" | "!" | "."
                )
            {
                pieces.push(Piece {
                    toks: start..i,
                    after_comma,
                });
                start = i + 1;
                after_comma = comma;
                if !comma {
                    // A hard boundary: the next piece does not continue a series.
                    pieces.push(Piece {
                        toks: i..i,
                        after_comma: false,
                    });
                    after_comma = false;
                }
            }
        }
        pieces.push(Piece {
            toks: start..s.tokens.end,
            after_comma,
        });

        let clause = |w: &[usize]| w.iter().any(|&x| vocab.is(x, wc::CLAUSE_WORD));
        let mut i = 0;
        while i + 1 < pieces.len() {
            let first = &pieces[i];
            words(doc, first.toks.clone(), fw);
            if fw.is_empty() || !pieces[i + 1].after_comma {
                i += 1;
                continue;
            }
            // Middle items, then the last piece with "en"/"of".
            let mut j = i + 1;
            let mut items = 1;
            let mut item_words = 0;
            let mut numbers = 0;
            let mut end: Option<(usize, Span)> = None;
            while j < pieces.len() && pieces[j].after_comma {
                let p = &pieces[j];
                let ptoks = &doc.tokens[p.toks.clone()];
                words(doc, p.toks.clone(), w);
                if w.is_empty() {
                    break;
                }
                if let Some(k) = w.iter().position(|&x| vocab.is(x, wc::EN_OF)) {
                    let (pre, post) = (&w[..k], &w[k + 1..]);
                    if pre.len() > MAX_ITEM
                        || pre
                            .first()
                            .is_some_and(|&x| EXAMPLE_WORDS.contains(&lower(x)))
                        || post.is_empty()
                        || post.len() > MAX_ITEM + 1
                        || clause(pre)
                        || clause(post)
                    {
                        break;
                    }
                    items += usize::from(!pre.is_empty()) + 1;
                    // The last item may run on into the rest of the sentence ("… en de
                    // verloskundige zitten in het gebouw"): count no more of it than of
                    // a typical item.
                    let typical = (item_words + pre.len())
                        .div_ceil(items.saturating_sub(2).max(1))
                        .max(2);
                    let post_len = if post.len() <= typical + 2 {
                        post.len()
                    } else {
                        typical
                    };
                    item_words += pre.len() + post_len;
                    let before = &doc.tokens[p.toks.start..w[k]];
                    numbers += usize::from(is_numberish(doc, before));
                    numbers += usize::from(is_numberish(
                        doc,
                        &ptoks[ptoks.len() - last_words(ptoks, post.len()).len()..],
                    ));
                    end = Some((j, doc.tokens[w[k + post_len]].span));
                    break;
                }
                if w.len() > MAX_ITEM || clause(w) || EXAMPLE_WORDS.contains(&lower(w[0])) {
                    break;
                }
                items += 1;
                item_words += w.len();
                numbers += usize::from(is_numberish(doc, ptoks));
                j += 1;
            }
            if let Some((last_piece, end_span)) = end {
                // The first item: about as long as the others, from the end of its piece.
                let others = items - 1;
                let avg = item_words.div_ceil(others.max(1)).max(1);
                let first_len = fw.len().min(avg);
                item_words += first_len;
                // "… kosten heeft, zoals …": the first "item" is a clause.
                let first_is_clause = clause(&fw[fw.len() - first_len..]);
                let enough = items >= self.params.min_items
                    && (items >= self.params.many_items || item_words >= self.params.min_words);
                // Dates, amounts and scores: a number in any item after the first.
                if enough && numbers == 0 && !first_is_clause {
                    let start_tok =
                        first_item_start(doc, &doc.tokens[first.toks.clone()], first_len);
                    return Some((start_tok.span.cover(end_span), items));
                }
                i = last_piece;
            } else {
                i += 1;
            }
        }
        None
    }

    fn steps(
        &self,
        doc: &Document,
        unit: &crate::text::Paragraph,
        scratch: &mut Scratch,
    ) -> Option<(Span, usize)> {
        let Scratch {
            padded,
            parts,
            cursor,
            ..
        } = scratch;
        let mut first: Option<usize> = None;
        let mut later = 0;
        // A sentence's words between single spaces, with a space at both ends, so a marker
        // matches as " daarna " (one buffer for all sentences).
        for s in unit.sentences.clone() {
            let span = doc.sentences[s].span;
            let raw = &doc.lower[span.start..span.end];
            // Every first-step marker holds "eerst" or "stap": most sentences are
            // skipped without normalising them.
            if first.is_none() && !holds_part(doc, parts, cursor, span) {
                continue;
            }
            padded.clear();
            padded.push(' ');
            for w in raw
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                padded.push_str(w);
                padded.push(' ');
            }
            if padded.len() == 1 {
                padded.push(' ');
            }
            let has = |m: &&str| padded.contains(&m[..]);
            if first.is_none() {
                if FIRST_STEP.iter().any(has) {
                    first = Some(s);
                } else {
                    continue;
                }
            }
            later += LATER_STEP
                .iter()
                .map(|m| padded.matches(m).count())
                .sum::<usize>();
        }
        let first = first?;
        let steps = later + 1;
        (steps >= self.params.min_steps).then(|| (doc.sentences[first].span, steps))
    }
}

/// Does `span` hold an "eerst" or a "stap" (see `FIRST_STEP_PARTS`)?
fn holds_part(
    doc: &Document,
    parts: &mut Option<Vec<(usize, usize)>>,
    cursor: &mut usize,
    span: Span,
) -> bool {
    let parts = parts.get_or_insert_with(|| {
        let text = doc.lower.as_bytes();
        let mut all: Vec<(usize, usize)> = FIRST_STEP_PARTS
            .iter()
            .flat_map(|f| f.find_iter(text).map(|i| (i, i + f.needle().len())))
            .collect();
        // Two occurrences never start at one byte ('e' and 's'), so the ends are in order too.
        all.sort_unstable();
        all
    });
    // Sentences come in text order; should one not, search from the start.
    if parts
        .get(cursor.wrapping_sub(1))
        .is_some_and(|&(o, _)| o >= span.start)
    {
        *cursor = 0;
    }
    while parts.get(*cursor).is_some_and(|&(o, _)| o < span.start) {
        *cursor += 1;
    }
    parts.get(*cursor).is_some_and(|&(_, e)| e <= span.end)
}

/// The last `n` word tokens of a piece.
fn last_words(toks: &[Token], n: usize) -> &[Token] {
    let mut count = 0;
    let mut i = toks.len();
    while i > 0 && count < n {
        i -= 1;
        if toks[i].counts_as_word() {
            count += 1;
        }
    }
    &toks[i..]
}

/// Where the first item starts: its last `n` words, without a leading object pronoun
/// ("Stuur ons afschriften, …").
fn first_item_start(doc: &Document, toks: &[Token], n: usize) -> Token {
    let tail = last_words(toks, n);
    let skip = tail
        .iter()
        .take_while(|t| OBJECT_PRONOUNS.contains(&doc.token_lower(t)))
        .count();
    tail[skip.min(tail.len() - 1)]
}

const OBJECT_PRONOUNS: &[&str] = &["ons", "mij", "me", "hem", "haar", "hen", "hun"];

impl Rule for Enumeration {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut scratch = Scratch::default();
        for unit in &doc.paragraphs {
            if unit.kind != UnitKind::Paragraph {
                continue;
            }
            let mut flagged = false;
            for s in unit.sentences.clone() {
                if let Some((span, n)) = self.series(doc, s, &mut scratch) {
                    let what = format!("Deze zin noemt {n} dingen na elkaar.");
                    let mut f = self
                        .meta
                        .finding(span, self.meta.message(&[("what", &what)]));
                    f.hint = Some(
                        "Zet de dingen onder elkaar, elk op een eigen regel met een streepje ervoor."
                            .into()
                    );
                    out.push(f);
                    flagged = true;
                }
            }
            if flagged {
                continue;
            }
            if let Some((span, n)) = self.steps(doc, unit, &mut scratch) {
                let what = format!("Deze alinea beschrijft {n} stappen na elkaar.");
                let mut f = self
                    .meta
                    .finding(span, self.meta.message(&[("what", &what)]));
                f.hint = Some(
                    "Zet de stappen in een genummerde lijst: 1. … 2. … 3. … Eén stap per regel."
                        .into(),
                );
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_prefilter_sees_every_first_step_marker() {
        assert!(FIRST_STEP.iter().all(|m| {
            FIRST_STEP_PARTS
                .iter()
                .any(|f| f.find(m.as_bytes()).is_some())
        }));
    }

    fn rule() -> Enumeration {
        let def: RuleDef = serde_yaml::from_str(
            "{id: t, kind: enumeration, severity: info, title: t, message: '{what}', explanation: x}",
        )
        .unwrap();
        Enumeration::from_def(&def).unwrap()
    }

    fn hits(text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        rule().check(&doc, &mut out);
        out.into_iter()
            .map(|f| doc.slice(f.span).to_owned())
            .collect()
    }

    #[test]
    fn long_series_and_steps() {
        assert_eq!(
            hits(
                "U krijgt hulp bij het schoonhouden van uw woonkamer, keuken, slaapkamer, badkamer en toilet."
            ),
            vec!["woonkamer, keuken, slaapkamer, badkamer en toilet"]
        );
        assert_eq!(
            hits(
                "Stuur ons afschriften van al uw bankrekeningen, een kopie van het huurcontract en een kopie van uw laatste loonstrook."
            ),
            vec![
                "afschriften van al uw bankrekeningen, een kopie van het huurcontract en een kopie van uw laatste loonstrook"
            ]
        );
        assert_eq!(
            hits(
                "Vul eerst het formulier in. Stuur het daarna naar ons op. Betaal tot slot de kosten."
            ),
            vec!["Vul eerst het formulier in."]
        );
    }

    #[test]
    fn dates_amounts_clauses_and_short_series_are_left_alone() {
        for t in [
            "Wij zijn open op 1, 2 en 3 maart.",
            "U betaalt € 10, € 20 en € 30.",
            "Als u vragen heeft, bel ons dan en wij helpen u graag.",
            "Wij hebben gekeken naar uw inkomen, uw vaste lasten en uw spaargeld.",
            "Neem stroom, gas en water mee in de berekening.",
            "- uw naam, uw adres, uw geboortedatum en uw burgerservicenummer",
            "Ook de apotheek, de fysiotherapeut en de verloskundige zitten in hetzelfde gebouw.",
            "U heeft veel extra kosten, zoals vervoer naar het ziekenhuis en aangepaste schoenen.",
            "Wij kunnen de tarieven twee keer per jaar aanpassen, op 1 januari en op 1 juli.",
            "U kunt het gebruiken voor een nieuwe koelkast, kleding of een schoolreis van uw kinderen.",
            "Het in Polen nog ongeslagen Brazilië, in 1993 voor het eerst en laatst winnaar van de World League.",
        ] {
            assert!(hits(t).is_empty(), "{t}: {:?}", hits(t));
        }
    }
}
