//! `--format compact`: one line per finding, `path:line:col: niveau [regel] melding`,
//! for pre-commit output, editors and grep.

use crate::report::FileReport;
use std::io::{self, Write};

pub fn render(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
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
