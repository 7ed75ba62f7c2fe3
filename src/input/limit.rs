//! How large a file helder reads. A file above the limit is refused *before* it is read
//! (from its size on disk), and reading stops one byte past the limit whatever the size
//! said (a file that grows, a pipe, `/dev/zero`), so memory stays bounded. The limit is
//! `--max-file-size` or `max_file_size` in helder.yaml; 0 means no limit.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// The default limit: far above any letter, far below what hurts.
pub const DEFAULT_MAX_FILE_SIZE: ByteSize = ByteSize(32 << 20);

/// A number of bytes, written as `32M`, `512K`, `1G` or a plain number (binary units:
/// 1K = 1024 bytes). `0` means no limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ByteSize(pub u64);

impl ByteSize {
    /// The limit as a number of bytes; `None` for no limit.
    pub fn limit(self) -> Option<u64> {
        (self.0 > 0).then_some(self.0)
    }
}

impl std::str::FromStr for ByteSize {
    type Err = String;

    fn from_str(s: &str) -> Result<ByteSize, String> {
        let t = s.trim();
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (number, unit) = t.split_at(digits);
        let shift = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 0,
            "k" | "kb" | "kib" => 10,
            "m" | "mb" | "mib" => 20,
            "g" | "gb" | "gib" => 30,
            _ => {
                return Err(format!(
                    "'{s}' is geen grootte; schrijf bijvoorbeeld 32M of 512K"
                ));
            }
        };
        let n: u64 = number
            .parse()
            .map_err(|_| format!("'{s}' is geen grootte; schrijf bijvoorbeeld 32M of 512K"))?;
        n.checked_mul(1 << shift)
            .map(ByteSize)
            .ok_or_else(|| format!("'{s}' is te groot"))
    }
}

impl fmt::Display for ByteSize {
    /// Dutch, in the largest binary unit that fits: `32 MiB`, `1,5 GiB`, `700 bytes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        let (value, unit) = match n {
            n if n >= 1 << 30 => (n as f64 / (1u64 << 30) as f64, "GiB"),
            n if n >= 1 << 20 => (n as f64 / (1u64 << 20) as f64, "MiB"),
            n if n >= 1 << 10 => (n as f64 / (1u64 << 10) as f64, "KiB"),
            n => return write!(f, "{n} bytes"),
        };
        let text = format!("{value:.1}");
        let text = text.strip_suffix(".0").unwrap_or(&text).replace('.', ",");
        write!(f, "{text} {unit}")
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ByteSize, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(n) => Ok(ByteSize(n)),
            Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
        }
    }
}

impl Serialize for ByteSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl JsonSchema for ByteSize {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ByteSize".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Een aantal bytes: een getal, of met eenheid zoals \"32M\", \"512K\" of \"1G\" (1K = 1024). 0 is geen grens.",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^\\s*[0-9]+\\s*([kKmMgG]([iI]?[bB])?|[bB])?\\s*$" }
            ]
        })
    }
}

/// The Dutch message for a file above the limit.
pub fn too_large(size: Option<u64>, limit: u64) -> String {
    let size = match size {
        Some(n) => format!("{}", ByteSize(n)),
        None => format!("meer dan {}", ByteSize(limit)),
    };
    format!(
        "overgeslagen: het bestand is {size}, groter dan de grens van {}; \
         verhoog die met --max-file-size of max_file_size in helder.yaml",
        ByteSize(limit)
    )
}

/// Read a whole file, or refuse it when it is larger than `limit` bytes without reading
/// more than `limit + 1` bytes. An error is a Dutch message.
pub fn read_file(path: &Path, limit: Option<u64>) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    read_from(file, size, limit)
}

/// Read a stream (standard input) up to the limit.
pub fn read_stream(r: impl Read, limit: Option<u64>) -> Result<Vec<u8>, ReadError> {
    read_from(r, None, limit)
}

fn read_from(r: impl Read, size: Option<u64>, limit: Option<u64>) -> Result<Vec<u8>, ReadError> {
    if let (Some(size), Some(limit)) = (size, limit)
        && size > limit
    {
        return Err(ReadError::TooLarge(too_large(Some(size), limit)));
    }
    let mut bytes = Vec::with_capacity(size.unwrap_or(0).min(limit.unwrap_or(u64::MAX)) as usize);
    match limit {
        Some(limit) => {
            r.take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(ReadError::Io)?;
            if bytes.len() as u64 > limit {
                return Err(ReadError::TooLarge(too_large(None, limit)));
            }
        }
        None => {
            let mut r = r;
            r.read_to_end(&mut bytes).map_err(ReadError::Io)?;
        }
    }
    Ok(bytes)
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Above the size limit: the Dutch message.
    TooLarge(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_print_in_binary_units() {
        let p = |s: &str| s.parse::<ByteSize>().map(|b| b.0);
        assert_eq!(p("32M"), Ok(32 << 20));
        assert_eq!(p("512 KiB"), Ok(512 << 10));
        assert_eq!(p("1g"), Ok(1 << 30));
        assert_eq!(p("1000"), Ok(1000));
        assert_eq!(p("0"), Ok(0));
        assert!(p("veel").is_err() && p("12X").is_err() && p("").is_err());
        assert!(p("99999999999999999999G").is_err());
        assert_eq!(ByteSize(32 << 20).to_string(), "32 MiB");
        assert_eq!(ByteSize(3 << 29).to_string(), "1,5 GiB");
        assert_eq!(ByteSize(700).to_string(), "700 bytes");
        let y: ByteSize = serde_yaml::from_str("64M").unwrap();
        assert_eq!(y, ByteSize(64 << 20));
        let y: ByteSize = serde_yaml::from_str("4096").unwrap();
        assert_eq!(y, ByteSize(4096));
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let r = read_stream(std::io::repeat(b'a'), Some(10));
        assert!(matches!(r, Err(ReadError::TooLarge(m)) if m.contains("meer dan 10 bytes")));
        assert_eq!(read_stream(&b"abc"[..], Some(3)).unwrap(), b"abc");
        let r = read_from(&b"abc"[..], Some(5000), Some(4000));
        assert!(matches!(r, Err(ReadError::TooLarge(m)) if m.contains("4,9 KiB")));
    }
}
