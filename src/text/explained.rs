//! Words a text explains itself: "X (…)", "X, dat wil zeggen …", "X: dat is …", and a
//! single word in brackets after its explanation. Such words are fine everywhere in the
//! text, so the word rules leave them alone; computed once per document.

use super::{Document, TokenKind};
use rustc_hash::FxHashSet;

/// Phrases after "X," or "X:" that explain X ("X, dat wil zeggen …").
const EXPLAINERS: &[&str] = &[
    "dat wil zeggen",
    "d.w.z.",
    "dat is",
    "dat zijn",
    "dat betekent",
    "dit betekent",
    "wat betekent",
    "dat houdt in",
    "oftewel",
    "ofwel",
    "met andere woorden",
    "m.a.w.",
    "namelijk",
    "dit is",
    "zo heet",
];

/// Words (lowercase) the text explains itself, so they are fine everywhere in it:
/// "X (…)", "X, dat wil zeggen …", "X: dat is …", and a single word in brackets after
/// its explanation ("Algemene wet bestuursrecht (Awb)").
pub fn explained_words(doc: &Document) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let toks = &doc.tokens;
    let text = |i: usize| doc.token_lower(&toks[i]);
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        // Every mark that explains is punctuation: other words stop here.
        let Some(next) = toks
            .get(i + 1)
            .filter(|n| n.kind == TokenKind::Punct)
            .map(|_| text(i + 1))
        else {
            continue;
        };
        let explained = match next {
            "(" => true,
            "," | ":" | "–" | "-" | "—" => {
                // The next (up to four) words start with an explainer, word for word. A
                // comma follows one word in ten: no list or string is made for it.
                let mut next_words = toks[i + 2..]
                    .iter()
                    .take(4)
                    .take_while(|t| t.kind == TokenKind::Word)
                    .map(|t| doc.token_lower(t));
                next_words.next().is_some_and(|first| {
                    EXPLAINERS.iter().any(|e| {
                        let (head, tail) = e.split_once(' ').unwrap_or((e, ""));
                        head == first
                            && (tail.is_empty()
                                || next_words
                                    .clone()
                                    .take(tail.split(' ').count())
                                    .eq(tail.split(' ')))
                    })
                })
            }
            _ => false,
        };
        let in_brackets = i > 0 && text(i - 1) == "(" && next == ")";
        if explained || in_brackets {
            out.insert(text(i).to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str) -> Vec<String> {
        let mut words: Vec<String> = explained_words(&Document::from_text(text))
            .into_iter()
            .collect();
        words.sort();
        words
    }

    #[test]
    fn words_the_text_explains() {
        assert_eq!(
            explained("De WOZ-waarde, dat wil zeggen de waarde van uw huis, stijgt."),
            ["woz-waarde"]
        );
        assert_eq!(
            explained("Het verweerschrift: dat is uw reactie."),
            ["verweerschrift"]
        );
        assert_eq!(
            explained("Een machtiging (toestemming) is nodig."),
            ["machtiging", "toestemming"]
        );
        assert_eq!(
            explained("De Algemene wet bestuursrecht (Awb) en de premie, oftewel het bedrag."),
            ["awb", "bestuursrecht", "premie"]
        );
    }

    #[test]
    fn a_comma_or_a_half_explainer_explains_nothing() {
        assert!(explained("De premie, dat wil ik weten, stijgt.").is_empty());
        assert!(explained("Het besluit, dat isoleert ons.").is_empty());
        assert!(explained("Het besluit, dat").is_empty());
        assert!(explained("De termijn, waarbinnen u reageert, is kort.").is_empty());
    }
}
