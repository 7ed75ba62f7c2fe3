//! Words a text explains itself: "X (…)", "X, dat wil zeggen …", "X: dat is …", and a
//! single word in brackets after its explanation. Such words are fine everywhere in the
//! text, so the word rules leave them alone; computed once per document.

use super::{Document, Token, TokenKind};
use rustc_hash::FxHashSet;

/// Phrases after "X," or "X:" that explain X ("X, dat wil zeggen …"), word for word.
const EXPLAINERS: &[&[&str]] = &[
    &["dat", "wil", "zeggen"],
    &["d.w.z."],
    &["dat", "is"],
    &["dat", "zijn"],
    &["dat", "betekent"],
    &["dit", "betekent"],
    &["wat", "betekent"],
    &["dat", "houdt", "in"],
    &["oftewel"],
    &["ofwel"],
    &["met", "andere", "woorden"],
    &["m.a.w."],
    &["namelijk"],
    &["dit", "is"],
    &["zo", "heet"],
];

/// The first bytes of the explainers: most words after a comma start with another.
static FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < EXPLAINERS.len() {
        t[EXPLAINERS[i][0].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Words (lowercase) the text explains itself, so they are fine everywhere in it:
/// "X (…)", "X, dat wil zeggen …", "X: dat is …", and a single word in brackets after
/// its explanation ("Algemene wet bestuursrecht (Awb)").
pub fn explained_words(doc: &Document) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let toks = &doc.tokens;
    let text = |i: usize| doc.token_lower(&toks[i]);
    let lower = doc.lower.as_bytes();
    // Every mark that explains is punctuation after a word: a pair of kinds decides most
    // tokens, and the mark's bytes the rest.
    for (i, pair) in toks.windows(2).enumerate() {
        if pair[0].kind != TokenKind::Word || pair[1].kind != TokenKind::Punct {
            continue;
        }
        let explained = match &lower[pair[1].span.start..pair[1].span.end] {
            b"(" => true,
            b")" => i > 0 && text(i - 1) == "(",
            // The next (up to four) words start with an explainer, word for word. A comma
            // follows one word in ten: no list or string is made for it.
            b"," | b":" | b"-" => explainer_follows(doc, &toks[i + 2..]),
            m if m == "–".as_bytes() || m == "—".as_bytes() => {
                explainer_follows(doc, &toks[i + 2..])
            }
            _ => false,
        };
        if explained {
            out.insert(text(i).to_owned());
        }
    }
    out
}

/// `toks` start with the words of an explainer.
fn explainer_follows(doc: &Document, toks: &[Token]) -> bool {
    let words = toks
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| doc.token_lower(t));
    let Some(first) = words.clone().next() else {
        return false;
    };
    if !FIRST_BYTES[usize::from(first.as_bytes()[0])] {
        return false;
    }
    EXPLAINERS
        .iter()
        .any(|e| e[0] == first && words.clone().take(e.len()).eq(e.iter().copied()))
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
