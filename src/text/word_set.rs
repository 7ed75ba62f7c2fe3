//! A fixed set of words that rules ask about for nearly every word ("is this a
//! preposition?"). A list of a few dozen words searched one by one cost a string
//! comparison per entry of the same length; a hash set built on first use costs one
//! hash and one comparison.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

pub struct WordSet {
    words: &'static [&'static str],
    built: OnceLock<Built>,
}

struct Built {
    set: FxHashSet<&'static str>,
    /// Per length (15 and up share the last), the first bytes of the words of that
    /// length, folded to 5 bits: most words of a text are ruled out by this without
    /// hashing ("van" when the set holds "de", "het", "een").
    first_bytes: [u32; 16],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            built: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let built = self.built.get_or_init(|| {
            let mut first_bytes = [0; 16];
            for w in self.words {
                first_bytes[w.len().min(15)] |= first_byte_bit(w);
            }
            Built {
                set: self.words.iter().copied().collect(),
                first_bytes,
            }
        });
        built.first_bytes[word.len().min(15)] & first_byte_bit(word) != 0
            && built.set.contains(word)
    }

    /// The words, in the order they were written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// The bit of a word's first byte in [`Built::first_bytes`] (the empty word has bit 0).
#[inline]
fn first_byte_bit(word: &str) -> u32 {
    1 << (word.as_bytes().first().map_or(0, |b| b & 31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_its_words() {
        static SET: WordSet = WordSet::new(&["door", "de", "één"]);
        assert!(SET.contains("door") && SET.contains("de") && SET.contains("één"));
        assert!(!SET.contains("doo") && !SET.contains("Door") && !SET.contains(""));
        // Same length and first byte as a word of the set, or a long word: the hash decides.
        assert!(!SET.contains("dorp") && !SET.contains("da") && !SET.contains("éér"));
        static LONG: WordSet = WordSet::new(&["", "verantwoordelijkheid"]);
        assert!(LONG.contains("") && LONG.contains("verantwoordelijkheid"));
        assert!(!LONG.contains("verantwoordelijkheden") && !LONG.contains("a"));
        assert_eq!(SET.words().len(), 3);
    }
}
