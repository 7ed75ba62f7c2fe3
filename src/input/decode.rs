//! Bytes → text. UTF-8 with or without BOM is read as is; UTF-16 with a BOM is decoded;
//! anything else that is not UTF-8 falls back to Windows-1252 with a notice. Binary files
//! (NUL bytes in text that has no UTF-16 BOM) are refused, so they can be skipped.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// Not a text file: a .docx. The "source" is helder's rendering of its paragraphs
    /// (one per line) and offsets are offsets in that rendering; it cannot be written back.
    Docx,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 met BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Docx => "docx (regel = alinea)",
        }
    }

    /// Byte offset in the file of a byte offset in the decoded text.
    pub fn file_offset(self, text: &str, offset: usize) -> usize {
        match self {
            Encoding::Utf8 | Encoding::Docx => offset,
            Encoding::Utf8Bom => offset + 3,
            // Every character is one byte in Windows-1252.
            Encoding::Windows1252 => text[..offset].chars().count(),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                2 + text[..offset].chars().map(char::len_utf16).sum::<usize>() * 2
            }
        }
    }

    /// As [`Encoding::file_offset`], counting from the text's line index: no counting
    /// from the start of the file for every finding.
    pub fn file_offset_indexed(
        self,
        text: &str,
        offset: usize,
        lines: &crate::text::LineIndex,
    ) -> usize {
        match self {
            Encoding::Utf8 | Encoding::Docx | Encoding::Utf8Bom => self.file_offset(text, offset),
            Encoding::Windows1252 => lines.chars_before(text, offset),
            Encoding::Utf16Le | Encoding::Utf16Be => 2 + lines.utf16_before(text, offset) * 2,
        }
    }

    /// Encode text back into this encoding, for `helder fix`. `None` when a character
    /// cannot be represented.
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            Encoding::Docx => None,
            Encoding::Utf8 => Some(text.as_bytes().to_vec()),
            Encoding::Utf8Bom => {
                let mut v = vec![0xEF, 0xBB, 0xBF];
                v.extend_from_slice(text.as_bytes());
                Some(v)
            }
            Encoding::Windows1252 => {
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
                (!unmappable).then(|| bytes.into_owned())
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let le = self == Encoding::Utf16Le;
                let mut v = if le {
                    vec![0xFF, 0xFE]
                } else {
                    vec![0xFE, 0xFF]
                };
                for unit in text.encode_utf16() {
                    let b = if le {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    };
                    v.extend_from_slice(&b);
                }
                Some(v)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Looks like a binary file (NUL bytes).
    Binary,
    /// UTF-16 with an odd number of bytes or unpaired surrogates.
    BadUtf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "dit lijkt een binair bestand, geen tekst"),
            DecodeError::BadUtf16 => write!(f, "ongeldige UTF-16-tekst"),
        }
    }
}

pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Set when the text was not valid UTF-8: where the first invalid byte was.
    pub fallback_at: Option<usize>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(match std::str::from_utf8(rest) {
            Ok(s) => Decoded {
                text: s.to_owned(),
                encoding: Encoding::Utf8Bom,
                fallback_at: None,
            },
            Err(e) => windows_1252(bytes, e.valid_up_to() + 3)?,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => Ok(Decoded {
            text: s.to_owned(),
            encoding: Encoding::Utf8,
            fallback_at: None,
        }),
        Ok(_) => Err(DecodeError::Binary),
        Err(e) => windows_1252(bytes, e.valid_up_to()),
    }
}

/// As [`decode`], taking the bytes: a UTF-8 file (the usual case) becomes its text
/// without a copy, which matters for very large files.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
    let bom = bytes.starts_with(&BOM);
    if !bom && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])) {
        return decode(&bytes);
    }
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if bom || !text.contains('\0') => Ok(Decoded {
            text,
            encoding: if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            },
            fallback_at: None,
        }),
        Ok(_) => Err(DecodeError::Binary),
        Err(e) => {
            let mut bytes = e.into_bytes();
            if bom {
                bytes.splice(0..0, BOM);
            }
            decode(&bytes)
        }
    }
}

fn windows_1252(bytes: &[u8], bad_at: usize) -> Result<Decoded, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    // Control characters other than whitespace betray a binary file.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    if controls * 100 > text.len().max(1) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: Encoding::Windows1252,
        fallback_at: Some(bad_at),
    })
}

fn utf16(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let le = bytes[0] == 0xFF;
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Err(DecodeError::BadUtf16);
    }
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| DecodeError::BadUtf16)?;
    Ok(Decoded {
        text,
        encoding: if le {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        },
        fallback_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_owned_bytes_reads_as_decoding_borrowed_ones() {
        let cases: &[&[u8]] = &[
            b"",
            "één brief".as_bytes(),
            b"\xEF\xBB\xBFhoi",
            b"\xEF\xBB\xBFcaf\xe9",
            b"\xEF\xBB\xBFnul\0",
            b"caf\xe9 \x80 5",
            b"a\0b",
            b"\xFF\xFEh\0i\0",
            b"\xFE\xFF\0h\0i",
            b"\xFF\xFEh",
            b"\xEF\xBB",
        ];
        for bytes in cases {
            let show =
                |r: Result<Decoded, DecodeError>| r.map(|d| (d.text, d.encoding, d.fallback_at));
            assert_eq!(
                show(decode_owned(bytes.to_vec())),
                show(decode(bytes)),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("één".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("één", Encoding::Utf8));
        let d = decode(b"\xEF\xBB\xBFhoi").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hoi", Encoding::Utf8Bom));
        assert_eq!(d.encoding.file_offset(&d.text, 1), 4);
    }

    #[test]
    fn windows_1252_fallback_keeps_offsets_per_character() {
        let d = decode(b"caf\xe9 \x80 5").unwrap();
        assert_eq!(d.text, "café € 5");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.fallback_at, Some(3));
        assert_eq!(
            d.encoding.file_offset(&d.text, d.text.find('5').unwrap()),
            7
        );
        assert_eq!(d.encoding.encode(&d.text).unwrap(), b"caf\xe9 \x80 5");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x00\x01\x02abc").err(), Some(DecodeError::Binary));
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hé".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Hé");
        assert_eq!(d.encoding.encode(&d.text).unwrap(), bytes);
    }
}
