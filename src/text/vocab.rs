//! A document's vocabulary: every distinct lowercase token text gets a small id, with its
//! word classes ([`super::word_class`]). Words repeat (Zipf's law: a letter of 900 words
//! has about 400 distinct ones), so a rule that judges a word (is it a participle, is it
//! rare, how many syllables) judges each id once and keeps the answer in a vector indexed
//! by id, and a rule that asks "is this a form of *worden*" tests a bit. Made once per
//! document, on first use, with one hash lookup per token.

use super::Document;
use super::document::head_len;
use super::span::Span;
use super::word_class::{Classes, classes_of};

pub struct Vocab {
    /// Per token, the id of its lowercase text.
    ids: Vec<u32>,
    /// The distinct words (lowercase), in id order.
    words: Words,
    /// Per id, its classes.
    classes: Vec<Classes>,
    /// Per sentence, the classes of all its tokens together.
    sentence_classes: Vec<Classes>,
    /// The tokens of each id, in text order: those of id `i` are
    /// `positions[starts[i]..starts[i + 1]]`. A rule that looks for a few words visits
    /// their tokens only.
    starts: Vec<u32>,
    positions: Vec<u32>,
    /// Per id, the byte length of the [`leading_word`](crate::rules::word_index::leading_word) of its text.
    head_lens: Vec<u32>,
    /// Tokens that end in a letter or digit with a letter or digit right after them (a
    /// run the tokeniser split, as between Latin and Japanese): their leading word, read
    /// from the text, may reach past the token. Nearly always empty.
    joined: Vec<u32>,
    /// The same as a bit per token (empty when there are none).
    joined_bits: Vec<u64>,
}

impl Vocab {
    pub fn build(doc: &Document) -> Vocab {
        let mut table = Interner::with_capacity(doc.tokens.len() / 8 + 16);
        let mut words = Words::default();
        let mut head_lens = Vec::new();
        let mut classes = Vec::new();
        let lower = doc.lower.as_bytes();
        let mut ids = Vec::with_capacity(doc.tokens.len());
        // Per id, its number of tokens (for the positions below).
        let mut counts: Vec<u32> = Vec::new();
        let mut joined = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            let id = match table.intern(lower, t.span, &words) {
                Ok(id) => id,
                Err(new) => {
                    let word = &doc.lower[t.span.start..t.span.end];
                    head_lens.push(head_len(word, 0) as u32);
                    words.push(word);
                    classes.push(classes_of(word));
                    counts.push(0);
                    new
                }
            };
            ids.push(id);
            counts[id as usize] += 1;
            // After nearly every token comes a space or a punctuation mark.
            if let Some(&next) = lower.get(t.span.end)
                && (!next.is_ascii() || next.is_ascii_alphanumeric())
                && continues_word(&doc.lower, t.span.end)
            {
                joined.push(i as u32);
            }
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
        // Counting sort of the token indices by id.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0u32);
        let mut total = 0;
        for c in counts {
            total += c;
            starts.push(total);
        }
        let mut fill = starts.clone();
        let mut positions = vec![0u32; ids.len()];
        for (i, &id) in ids.iter().enumerate() {
            let slot = &mut fill[id as usize];
            positions[*slot as usize] = i as u32;
            *slot += 1;
        }
        let mut joined_bits = Vec::new();
        if !joined.is_empty() {
            joined_bits = vec![0u64; ids.len().div_ceil(64)];
            for &i in &joined {
                joined_bits[i as usize / 64] |= 1 << (i % 64);
            }
        }
        Vocab {
            joined_bits,
            ids,
            words,
            classes,
            sentence_classes,
            starts,
            positions,
            head_lens,
            joined,
        }
    }

    /// The tokens with id `id`, in text order.
    #[inline]
    pub fn positions(&self, id: usize) -> &[u32] {
        &self.positions[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The byte length of the [`leading_word`](crate::rules::word_index::leading_word) of the lowercase text from token `i`'s
    /// start: the key under which word lists index a phrase by its first word. Where the
    /// word ends inside the token it depends on the token's text alone (one answer per
    /// id); a token in [`Vocab::joined`] is measured in the text.
    #[inline]
    pub fn head_len(&self, doc: &Document, token: usize) -> usize {
        if self.is_joined(token) {
            return head_len(&doc.lower, doc.tokens[token].span.start);
        }
        self.head_lens[self.id(token)] as usize
    }

    /// The byte length of the [`leading_word`](crate::rules::word_index::leading_word) of id `id`'s text.
    #[inline]
    pub fn id_head_len(&self, id: usize) -> usize {
        self.head_lens[id] as usize
    }

    /// Tokens that end in a letter or digit with another right after them (see
    /// [`Vocab::head_len`]), in text order.
    pub fn joined(&self) -> &[u32] {
        &self.joined
    }

    /// Is token `i` one of [`Vocab::joined`]?
    #[inline]
    pub fn is_joined(&self, token: usize) -> bool {
        !self.joined_bits.is_empty() && self.joined_bits[token / 64] >> (token % 64) & 1 == 1
    }

    /// Number of distinct words: the length of a vector indexed by id.
    pub fn len(&self) -> usize {
        self.words.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.ends.is_empty()
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

    /// The word (lowercase text) of id `id`.
    #[inline]
    pub fn word(&self, id: usize) -> &str {
        self.words.get(id)
    }

    /// The classes of token `i`.
    #[inline]
    pub fn classes(&self, token: usize) -> Classes {
        self.classes[self.ids[token] as usize]
    }

    /// The classes of id `id`.
    #[inline]
    pub fn id_classes(&self, id: usize) -> Classes {
        self.classes[id]
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

/// Does a letter or digit end at byte `end` of `text` and another start there? Decided per
/// byte where both are ASCII.
fn continues_word(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let (Some(&last), Some(&next)) = (end.checked_sub(1).and_then(|i| b.get(i)), b.get(end)) else {
        return false;
    };
    if last.is_ascii() && next.is_ascii() {
        return last.is_ascii_alphanumeric() && next.is_ascii_alphanumeric();
    }
    text[..end]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// The distinct words of a document one after the other, in id order: a rule that
/// judges every distinct word reads them in a row instead of from all over the text
/// (which costs cache misses in a large text).
#[derive(Default)]
struct Words {
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
}

impl Words {
    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
    }

    #[inline]
    fn get(&self, id: usize) -> &str {
        let start = id.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.text[start..self.ends[id] as usize]
    }
}

/// The ids of a document's words: an open-addressing table over the words' bytes. A
/// word of up to 16 bytes (nearly every word) is kept in its slot as two integers, so
/// finding it takes one hash, one load and a compare instead of a general string hash and
/// `memcmp` (a `HashMap<&str, u32>` cost about 170 instructions per token).
struct Interner {
    slots: Vec<Slot>,
    /// Words so far.
    len: usize,
}

/// One slot: a word's key and id + 1 (0 for an empty slot).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Slot {
    key: Key,
    id: u32,
}

/// A word's length and its bytes as two little-endian integers; a word of more than 16
/// bytes has a hash of its bytes instead, and is compared by its bytes as well.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    len: u32,
    lo: u64,
    hi: u64,
}

/// `MASKS[n]` keeps the first `n` bytes of a little-endian integer.
const MASKS: [u64; 9] = {
    let mut m = [0u64; 9];
    let mut n = 1;
    while n <= 8 {
        m[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    m
};

/// The key of `text[start..start + len]`. Where 16 bytes follow the word's start, they
/// are read as two integers and masked, which costs a few instructions.
#[inline]
fn key_of(text: &[u8], start: usize, len: usize) -> Key {
    if len <= 16
        && let Some(bytes) = text.get(start..start + 16)
    {
        let bytes: &[u8; 16] = bytes.try_into().expect("16 bytes");
        let lo = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(bytes[8..].try_into().expect("8 bytes"));
        let (lo, hi) = if len > 8 {
            (lo, hi & MASKS[len - 8])
        } else {
            (lo & MASKS[len], 0)
        };
        return Key {
            len: len as u32,
            lo,
            hi,
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
        return Key {
            len: len as u32,
            lo: h,
            hi: 0,
        };
    }
    let mut b = [0u8; 16];
    b[..len].copy_from_slice(word);
    Key {
        len: len as u32,
        lo: u64::from_le_bytes(b[..8].try_into().expect("8 bytes")),
        hi: u64::from_le_bytes(b[8..].try_into().expect("8 bytes")),
    }
}

impl Interner {
    fn with_capacity(words: usize) -> Interner {
        Interner {
            slots: vec![Slot::default(); (words * 2).next_power_of_two()],
            len: 0,
        }
    }

    #[inline]
    fn slot_of(key: Key, mask: usize) -> usize {
        let h = (key.lo ^ key.hi.rotate_left(29) ^ u64::from(key.len))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & mask
    }

    /// The id of the word at `span` of `text`, or `Err` with the id it gets as a new
    /// word: `words` holds the words so far, to compare long ones.
    #[inline]
    fn intern(&mut self, text: &[u8], span: Span, words: &Words) -> Result<u32, u32> {
        let key = key_of(text, span.start, span.len());
        let mask = self.slots.len() - 1;
        let mut s = Self::slot_of(key, mask);
        loop {
            let slot = self.slots[s];
            if slot.id == 0 {
                break;
            }
            if slot.key == key {
                let id = slot.id as usize - 1;
                if key.len <= 16 || words.get(id).as_bytes() == &text[span.start..span.end] {
                    return Ok(id as u32);
                }
            }
            s = (s + 1) & mask;
        }
        let id = self.len as u32;
        self.len += 1;
        self.slots[s] = Slot { key, id: id + 1 };
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
        Err(id)
    }

    fn grow(&mut self) {
        let slots = vec![Slot::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.id != 0) {
            let mut s = Self::slot_of(slot.key, mask);
            while self.slots[s].id != 0 {
                s = (s + 1) & mask;
            }
            self.slots[s] = slot;
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

/// Judgements of words that hold in every document, kept by a rule for the whole run:
/// the parts of a large file and the files of a folder share most of their words, so a
/// word is judged once per run instead of once per document (the judging reads large
/// tables and misses the cache). Bounded: past [`WordMemo::MAX`] words it keeps what it
/// has and judges the rest each time.
pub struct WordMemo<T: Copy> {
    map: std::sync::Mutex<rustc_hash::FxHashMap<Box<str>, T>>,
}

impl<T: Copy> Default for WordMemo<T> {
    fn default() -> Self {
        WordMemo {
            map: std::sync::Mutex::new(rustc_hash::FxHashMap::default()),
        }
    }
}

impl<T: Copy> WordMemo<T> {
    /// Words kept at most (a few MB).
    pub const MAX: usize = 1 << 16;

    /// Hold the memo for a document's words: `judge` each through the guard. One lock per
    /// document, not per word.
    pub fn lock(&self) -> MemoGuard<'_, T> {
        // A panic elsewhere while holding it leaves judgements that are still right.
        MemoGuard(self.map.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// A locked [`WordMemo`].
pub struct MemoGuard<'a, T: Copy>(std::sync::MutexGuard<'a, rustc_hash::FxHashMap<Box<str>, T>>);

impl<T: Copy> MemoGuard<'_, T> {
    /// The judgement of `word`: remembered, or made by `judge` now.
    pub fn judge(&mut self, word: &str, judge: impl FnOnce() -> T) -> T {
        if let Some(&v) = self.0.get(word) {
            return v;
        }
        let v = judge();
        if self.0.len() < WordMemo::<T>::MAX {
            self.0.insert(word.into(), v);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::word_index::leading_word;
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
            assert_eq!(v.word(v.id(i)), text(i));
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
    fn positions_and_heads() {
        let doc = Document::from_text("De e-mail van de gemeente: de brief, zo'n 3 keer.");
        let v = doc.vocab();
        let mut seen = 0;
        for id in 0..v.len() {
            let ps = v.positions(id);
            assert!(ps.windows(2).all(|w| w[0] < w[1]));
            for &p in ps {
                assert_eq!(v.id(p as usize), id);
            }
            seen += ps.len();
        }
        assert_eq!(seen, doc.tokens.len());
        assert!(v.joined().is_empty());
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(
                v.head_len(&doc, i),
                leading_word(&doc.lower[t.span.start..]).len(),
                "{i}"
            );
        }
    }

    /// Where the tokeniser splits a run of letters (Latin and Japanese here), the
    /// leading word reaches past the token and is measured in the text.
    #[test]
    fn heads_of_split_runs_are_measured_in_the_text() {
        let doc = Document::from_text("abcカタカナ def abc.");
        let v = doc.vocab();
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(
                v.head_len(&doc, i),
                leading_word(&doc.lower[t.span.start..]).len(),
                "{i}"
            );
        }
        assert!(!v.joined().is_empty());
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
