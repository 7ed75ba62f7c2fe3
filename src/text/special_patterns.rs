//! The regexes of the tokens the tokeniser keeps whole before it splits words: links,
//! e-mail addresses and account numbers. Kept apart so `build.rs` can compile them into
//! DFAs ahead of time (`rules::prebuilt::Finder`): built at run time, the address regex
//! with its Unicode classes took about 2 ms and the link regex about 0.5 ms, in a letter
//! that holds one. Data only; no `use`. ASCII word boundaries (`(?-u:\b)`) keep them on
//! the DFA path.

/// A link: "https://…" or "www.…", without the punctuation that closes a sentence.
pub const URL: &str = r#"(?-u:\b)(?i:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]"#;

/// An e-mail address.
pub const EMAIL: &str = r"(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?-u:\b)";

/// [`EMAIL`] for an address in ASCII text, where `\w` means the same with Unicode off:
/// a DFA a hundred times smaller (the tokeniser tries it first, see `find_email`).
pub const EMAIL_ASCII: &str = r"(?-u:\b)(?-u:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?-u:\b)";

/// An account number (IBAN), however it is spaced.
pub const IBAN: &str =
    r"(?-u:\b)[A-Z]{2}[0-9]{2}\x20?[A-Z]{4}(?:\x20?[0-9]{4}){2}\x20?[0-9]{2}(?-u:\b)";

/// All four, for `build.rs`.
pub const ALL: &[&str] = &[URL, EMAIL, EMAIL_ASCII, IBAN];
