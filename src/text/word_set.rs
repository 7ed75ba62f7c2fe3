//! A fixed set of words that rules ask about for nearly every word ("is this a
//! preposition?"). A list of a few dozen words searched one by one cost a string
//! comparison per entry of the same length; a hash set built on first use costs one
//! hash and one comparison.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    /// The words, in the order they were written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_its_words() {
        static SET: WordSet = WordSet::new(&["door", "de", "één"]);
        assert!(SET.contains("door") && SET.contains("de") && SET.contains("één"));
        assert!(!SET.contains("doo") && !SET.contains("Door") && !SET.contains(""));
        assert_eq!(SET.words().len(), 3);
    }
}
