//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::melding`.
//! Escaping follows actions/toolkit: data escapes %, CR and LF; properties also : and ,.

use crate::finding::Severity;
use crate::report::FileReport;
use std::io::{self, Write};

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50% klaar\r\nja"), "50%25 klaar%0D%0Aja");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
