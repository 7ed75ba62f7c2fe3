//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::melding`.
//! Escaping follows actions/toolkit: data escapes %, CR and LF; properties also : and ,.

use super::push_decimal;
use crate::finding::Severity;
use crate::report::FileReport;
use std::io::{self, Write};

/// Append `s` to `buf` escaped as workflow command data, or with `property` as a
/// property value.
fn escape_into(buf: &mut Vec<u8>, s: &str, property: bool) {
    let special =
        |b: u8| matches!(b, b'%' | b'\r' | b'\n') || (property && matches!(b, b':' | b','));
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !special(b) {
            continue;
        }
        buf.extend_from_slice(&bytes[from..i]);
        buf.extend_from_slice(match b {
            b'%' => b"%25",
            b'\r' => b"%0D",
            b'\n' => b"%0A",
            b':' => b"%3A",
            _ => b"%2C",
        });
        from = i + 1;
    }
    buf.extend_from_slice(&bytes[from..]);
}

pub fn render(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let mut buf = Vec::new();
    for r in reports {
        render_into(&mut buf, r);
    }
    w.write_all(&buf)
}

/// The annotations of one report, appended to `buf`: written by hand, without the
/// `fmt` machinery, as a large text has many findings.
pub fn render_into(buf: &mut Vec<u8>, r: &FileReport) {
    let mut file = Vec::new();
    escape_into(&mut file, &r.path, true);
    for f in &r.findings {
        let command: &[u8] = match f.severity {
            Severity::Error => b"error",
            Severity::Warning => b"warning",
            Severity::Info => b"notice",
        };
        let l = &f.location;
        buf.extend_from_slice(b"::");
        buf.extend_from_slice(command);
        buf.extend_from_slice(b" file=");
        buf.extend_from_slice(&file);
        buf.extend_from_slice(b",line=");
        push_decimal(buf, l.line);
        buf.extend_from_slice(b",col=");
        push_decimal(buf, l.column);
        buf.extend_from_slice(b",endLine=");
        push_decimal(buf, l.end_line);
        buf.extend_from_slice(b",endColumn=");
        push_decimal(buf, l.end_column);
        buf.extend_from_slice(b",title=helder ");
        escape_into(buf, f.rule, true);
        buf.extend_from_slice(b"::");
        escape_into(buf, &f.message, false);
        buf.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape_data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }

    fn escape_property(s: &str) -> String {
        escape_data(s).replace(':', "%3A").replace(',', "%2C")
    }

    /// The rendering through `fmt` that `render_into` replaces.
    fn with_fmt(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
        for r in reports {
            for f in &r.findings {
                let command = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let l = &f.location;
                writeln!(
                    w,
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    escape_property(&r.path),
                    l.line,
                    l.column,
                    l.end_line,
                    l.end_column,
                    escape_property(&format!("helder {}", f.rule)),
                    escape_data(&f.message)
                )?;
            }
        }
        Ok(())
    }

    #[test]
    fn same_bytes_as_fmt() {
        let report = crate::render::tests::example_report("map:a,b%/één.txt");
        let reports = std::slice::from_ref(&report);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        with_fmt(&mut a, reports).unwrap();
        render(&mut b, reports).unwrap();
        assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn escapes_as_replace_does(s in "[a-z:,%\r\né😀 ]{0,40}") {
            proptest::prop_assert_eq!(escaped(&s, false), escape_data(&s));
            proptest::prop_assert_eq!(escaped(&s, true), escape_property(&s));
        }
    }

    fn escaped(s: &str, property: bool) -> String {
        let mut buf = Vec::new();
        escape_into(&mut buf, s, property);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escaped("50% klaar\r\nja", false), "50%25 klaar%0D%0Aja");
        assert_eq!(escaped("a:b,c", true), "a%3Ab%2Cc");
        assert_eq!(escaped("a:b,c%\n", false), "a:b,c%25%0A");
        assert_eq!(escaped("één: 😀", true), "één%3A 😀");
    }
}
