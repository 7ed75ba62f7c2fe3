//! `--format compact`: one line per finding, `path:line:col: niveau [regel] melding`,
//! for pre-commit output, editors and grep.

use super::push_decimal;
use crate::report::FileReport;
use std::io::{self, Write};

pub fn render(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let mut buf = Vec::new();
    for r in reports {
        render_into(&mut buf, r);
    }
    w.write_all(&buf)
}

/// The lines of one report, appended to `buf`: written by hand, without the `fmt`
/// machinery, as a large text has many findings.
pub fn render_into(buf: &mut Vec<u8>, r: &FileReport) {
    let path = r.path.as_bytes();
    // Room for every line at once; each number takes at most 20 digits.
    let size: usize = r
        .findings
        .iter()
        .map(|f| path.len() + f.severity.label().len() + f.rule.len() + f.message.len() + 49)
        .sum();
    buf.reserve(size);
    for f in &r.findings {
        buf.extend_from_slice(path);
        buf.push(b':');
        push_decimal(buf, f.location.line);
        buf.push(b':');
        push_decimal(buf, f.location.column);
        buf.extend_from_slice(b": ");
        buf.extend_from_slice(f.severity.label().as_bytes());
        buf.extend_from_slice(b" [");
        buf.extend_from_slice(f.rule.as_bytes());
        buf.extend_from_slice(b"] ");
        buf.extend_from_slice(f.message.as_bytes());
        buf.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rendering through `fmt` that `render_into` replaces.
    fn with_fmt(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
        for r in reports {
            for f in &r.findings {
                writeln!(
                    w,
                    "{}:{}:{}: {} [{}] {}",
                    r.path,
                    f.location.line,
                    f.location.column,
                    f.severity.label(),
                    f.rule,
                    f.message
                )?;
            }
        }
        Ok(())
    }

    #[test]
    fn same_bytes_as_fmt() {
        let report = crate::render::tests::example_report("map/één brief.txt");
        let reports = std::slice::from_ref(&report);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        with_fmt(&mut a, reports).unwrap();
        render(&mut b, reports).unwrap();
        assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
    }
}
