//! The Dutch language model: spans, tokens, sentences, paragraphs, syllables and the
//! shared lexicon. No rule logic lives here.

pub mod document;
pub mod explained;
pub mod frequency;
pub mod letter;
pub mod lexicon;
pub mod morph;
pub mod segment;
pub mod span;
pub mod special_patterns;
pub mod syllables;
pub mod token;
pub mod tokenizer;
pub mod vocab;
pub mod word_class;
pub mod word_hash;
pub mod word_set;

pub use document::{Document, Paragraph, Sentence, SentenceCursor, UnitKind};
pub use letter::{Block, BlockKind, Letter, Subject};
pub use span::{LineCol, LineIndex, Span};
pub use token::{Token, TokenKind};
