//! Tokens: every word, number and punctuation mark with its byte span in the prose.
//! Whitespace is not stored: two tokens are adjacent when one ends where the next starts.

use super::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with internal apostrophes, hyphens and dots ("auto's",
    /// "e-mail", "d.w.z.").
    Word,
    /// Starts with a digit: "1.250,50", "14.30", "12-03-2025", "3e".
    Number,
    /// Punctuation; runs like "...", "?!" are one token.
    Punct,
    /// Other symbols: "€", "%", "&", emoji.
    Symbol,
    Url,
    Email,
    /// Masked non-prose (template placeholder, inline code): one opaque word.
    Placeholder,
}

/// The word ends in a dot that belongs to it (abbreviation or initial).
pub const ABBREV: u8 = 1;
/// An initial such as "J." or "J.P.".
pub const INITIAL: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Counts as a word for sentence length and readability (placeholders, numbers,
    /// links and addresses stand for one word).
    pub fn counts_as_word(&self) -> bool {
        !matches!(self.kind, TokenKind::Punct | TokenKind::Symbol)
    }

    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}
