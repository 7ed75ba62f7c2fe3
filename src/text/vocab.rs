//! A document's vocabulary: every distinct lowercase token text gets a small id, with its
//! word classes ([`super::word_class`]). Words repeat (Zipf's law: a letter of 900 words
//! has about 400 distinct ones), so a rule that judges a word (is it a participle, is it
//! rare, how many syllables) judges each id once and keeps the answer in a vector indexed
//! by id, and a rule that asks "is this a form of *worden*" tests a bit. Made once per
//! document, on first use, with one hash lookup per token.

use super::Document;
use super::span::Span;
use super::word_class::{Classes, classes_of};

pub struct Vocab {
    /// Per token, the id of its lowercase text.
    ids: Vec<u32>,
    /// Per id, the span of its first token in the document (a key into
    /// [`Document::lower`]).
    first: Vec<Span>,
    /// Per id, its classes.
    classes: Vec<Classes>,
    /// Per sentence, the classes of all its tokens together.
    sentence_classes: Vec<Classes>,
}

impl Vocab {
    pub fn build(doc: &Document) -> Vocab {
        let mut table = Interner::with_capacity(doc.tokens.len() / 8 + 16);
        let mut first = Vec::new();
        let mut classes = Vec::new();
        let lower = doc.lower.as_bytes();
        let mut ids = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            let id = match table.intern(lower, t.span, &first) {
                Ok(id) => id,
                Err(new) => {
                    first.push(t.span);
                    classes.push(classes_of(&doc.lower[t.span.start..t.span.end]));
                    new
                }
            };
            ids.push(id);
        }
        let sentence_classes = doc
            .sentences
            .iter()
            .map(|s| {
                ids[s.tokens.clone()]
                    .iter()
                    .fold(0, |acc, &id| acc | classes[id as usize])
            })
            .collect();
        Vocab {
            ids,
            first,
            classes,
            sentence_classes,
        }
    }

    /// Number of distinct words: the length of a vector indexed by id.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// The id of token `i`.
    #[inline]
    pub fn id(&self, token: usize) -> usize {
        self.ids[token] as usize
    }

    /// The ids of every token, in token order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The span of the first token with this id (its lowercase text is the word).
    pub fn first_span(&self, id: usize) -> Span {
        self.first[id]
    }

    /// The classes of token `i`.
    #[inline]
    pub fn classes(&self, token: usize) -> Classes {
        self.classes[self.ids[token] as usize]
    }

    /// Does token `i` belong to one of `classes`?
    #[inline]
    pub fn is(&self, token: usize, classes: Classes) -> bool {
        self.classes(token) & classes != 0
    }

    /// The classes of all tokens of sentence `s` (an index into `Document::sentences`).
    #[inline]
    pub fn sentence_classes(&self, s: usize) -> Classes {
        self.sentence_classes[s]
    }

    /// The classes of the whole document.
    pub fn document_classes(&self) -> Classes {
        self.classes.iter().fold(0, |acc, c| acc | c)
    }
}

/// The ids of a document's words: an open-addressing table over the words' bytes. A
/// word of up to 16 bytes (nearly every word) is kept as two integers, so hashing and
/// comparing it takes a few instructions instead of a general string hash and `memcmp`
/// (a `HashMap<&str, u32>` cost about 170 instructions per token).
struct Interner {
    /// Per slot, the id + 1 of the word there, or 0.
    slots: Vec<u32>,
    /// Per id, the packed key of a short word (length, first 8 bytes, next 8 bytes);
    /// length 0xff marks a long word, compared by its bytes.
    keys: Vec<(u8, u64, u64)>,
}

/// A word's key: its length and its bytes as two little-endian integers; `word` is
/// `text[start..start + len]`. Where 16 bytes follow the word's start, they are read as
/// two integers and masked, which costs a few instructions.
#[inline]
fn pack(text: &[u8], start: usize, len: usize) -> (u8, u64, u64) {
    let mask = |n: usize| if n == 0 { 0 } else { u64::MAX >> (64 - 8 * n) };
    if len <= 16 && start + 16 <= text.len() {
        let lo = u64::from_le_bytes(text[start..start + 8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(text[start + 8..start + 16].try_into().expect("8 bytes"));
        return if len >= 8 {
            (len as u8, lo, hi & mask(len - 8))
        } else {
            (len as u8, lo & mask(len), 0)
        };
    }
    let word = &text[start..start + len];
    if len > 16 {
        let mut h: u64 = len as u64;
        for chunk in word.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        return (0xff, h, 0);
    }
    let mut b = [0u8; 16];
    b[..len].copy_from_slice(word);
    let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
    let hi = u64::from_le_bytes(b[8..].try_into().expect("8 bytes"));
    (len as u8, lo, hi)
}

impl Interner {
    fn with_capacity(words: usize) -> Interner {
        Interner {
            slots: vec![0; (words * 2).next_power_of_two()],
            keys: Vec::with_capacity(words),
        }
    }

    #[inline]
    fn slot_of(&self, key: (u8, u64, u64)) -> usize {
        let h =
            (key.1 ^ key.2.rotate_left(29) ^ u64::from(key.0)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The id of `word` (bytes of `text`), or `Err` with the id it gets as a new word:
    /// `first` holds the span of each earlier id's first occurrence, to compare long
    /// words.
    #[inline]
    fn intern(&mut self, text: &[u8], span: Span, first: &[Span]) -> Result<u32, u32> {
        let key = pack(text, span.start, span.len());
        let mask = self.slots.len() - 1;
        let mut s = self.slot_of(key);
        loop {
            match self.slots[s] {
                0 => break,
                k => {
                    let id = k as usize - 1;
                    if self.keys[id] == key
                        && (key.0 != 0xff
                            || text[first[id].start..first[id].end] == text[span.start..span.end])
                    {
                        return Ok(id as u32);
                    }
                }
            }
            s = (s + 1) & mask;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key);
        self.slots[s] = id + 1;
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        Err(id)
    }

    fn grow(&mut self) {
        let slots = vec![0u32; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for k in old.into_iter().filter(|&k| k != 0) {
            let mut s = self.slot_of(self.keys[k as usize - 1]);
            while self.slots[s] != 0 {
                s = (s + 1) & mask;
            }
            self.slots[s] = k;
        }
    }
}

/// A judgement per distinct word, made on first need: `get_or(id, judge)` judges a word
/// once per document however often it occurs.
pub struct PerWord<T: Copy> {
    values: Vec<Option<T>>,
}

impl<T: Copy> PerWord<T> {
    pub fn new(vocab: &Vocab) -> Self {
        PerWord {
            values: vec![None; vocab.len()],
        }
    }

    #[inline]
    pub fn get_or(&mut self, id: usize, judge: impl FnOnce() -> T) -> T {
        *self.values[id].get_or_insert_with(judge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_class::{NEGATION, WORDEN, ZIJN};

    #[test]
    fn same_lowercase_text_same_id() {
        let doc = Document::from_text("Het wordt laat. Dan WORDT het niet beter. Het is zo.");
        let v = doc.vocab();
        let text = |i: usize| doc.token_lower(&doc.tokens[i]);
        for i in 0..doc.tokens.len() {
            for j in 0..doc.tokens.len() {
                assert_eq!(v.id(i) == v.id(j), text(i) == text(j), "{i} {j}");
            }
            let first = v.first_span(v.id(i));
            assert_eq!(&doc.lower[first.start..first.end], text(i));
        }
        assert!(v.len() < doc.tokens.len());
        assert!(v.is(1, WORDEN) && !v.is(0, WORDEN));
        // Sentence classes: the union of the tokens' classes.
        assert_eq!(v.sentence_classes(0) & (WORDEN | ZIJN | NEGATION), WORDEN);
        assert_eq!(
            v.sentence_classes(1) & (WORDEN | ZIJN | NEGATION),
            WORDEN | NEGATION
        );
        assert_eq!(v.sentence_classes(2) & (WORDEN | ZIJN | NEGATION), ZIJN);
    }

    #[test]
    fn per_word_judges_once() {
        let doc = Document::from_text("a b a b a");
        let v = doc.vocab();
        let mut calls = 0;
        let mut memo = PerWord::new(v);
        for i in 0..doc.tokens.len() {
            memo.get_or(v.id(i), || {
                calls += 1;
                i
            });
        }
        assert_eq!(calls, 2);
    }
}
