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
        for f in &r.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// Append `n` in decimal to `buf`, without the `fmt` machinery.
pub(crate) fn push_decimal(buf: &mut Vec<u8>, mut n: usize) {
    // Two digits at a time from a table: a line and a column per finding.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    buf.extend_from_slice(&digits[i..]);
}

/// "1 bestand", "3 bestanden": Dutch singular and plural.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    /// A report with many findings of every kind (the example letter three times), under
    /// `path`: input for the tests that compare a renderer with its `fmt` version.
    pub(super) fn example_report(path: &str) -> super::FileReport {
        let text = include_str!("../../voorbeelden/brief.txt").repeat(3);
        let loaded = crate::input::load(text.as_bytes(), crate::input::Format::Text).unwrap();
        let report = crate::report::analyze(
            path,
            loaded,
            crate::input::Format::Text,
            crate::rules::test_rules(),
        );
        assert!(report.findings.len() > 20);
        report
    }

    proptest::proptest! {
        #[test]
        fn decimals_as_fmt_writes_them(n in proptest::num::usize::ANY, small in 0usize..1000) {
            for n in [n, small, 0, usize::MAX] {
                let mut buf = Vec::new();
                super::push_decimal(&mut buf, n);
                proptest::prop_assert_eq!(buf, n.to_string().into_bytes());
            }
        }
    }
}
