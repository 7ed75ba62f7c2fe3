//! Output formats. Each renderer reads finished [`FileReport`]s and writes to a stream;
//! none of them knows about files, rules or the terminal's capabilities.

pub mod compact;
pub mod github;
pub mod html;
pub mod json;
pub mod sarif;
pub mod terminal;

use crate::finding::Severity;
use crate::report::FileReport;

#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    /// Count one more file (or part of a very large one: the file counts once).
    pub fn add(&mut self, r: &FileReport) {
        self.files += usize::from(r.part.last);
        self.findings += r.findings.len();
        self.errors += r.count(Severity::Error);
        self.warnings += r.count(Severity::Warning);
        self.infos += r.count(Severity::Info);
    }
}

/// "1 bestand", "3 bestanden": Dutch singular and plural.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
