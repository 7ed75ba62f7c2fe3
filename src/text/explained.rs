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
        let next = toks.get(i + 1).map(|_| text(i + 1));
        let explained = match next {
            Some("(") => true,
            Some("," | ":" | "–" | "-" | "—") => {
                let words: Vec<&str> = toks
                    .iter()
                    .skip(i + 2)
                    .take(4)
                    .take_while(|t| t.kind == TokenKind::Word)
                    .map(|t| doc.token_lower(t))
                    .collect();
                let words = words.join(" ");
                EXPLAINERS.iter().any(|e| {
                    words
                        .strip_prefix(e)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                })
            }
            _ => false,
        };
        let in_brackets = i > 0 && text(i - 1) == "(" && next == Some(")");
        if explained || in_brackets {
            out.insert(text(i).to_owned());
        }
    }
    out
}
