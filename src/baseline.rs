//! Baselines for adopting helder on existing texts: `--write-baseline FILE` records
//! today's findings; `--baseline FILE` reports only findings that are not in it.
//! A finding is matched by path, rule, flagged text and the sentence around it — not by
//! line — so moved text still matches. Each recorded finding matches once.

use crate::report::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize, Deserialize, PartialEq, Eq, Hash, Clone, Debug)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    /// The sentence around the finding, whitespace folded.
    pub context: String,
}

#[derive(Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn entries(report: &FileReport) -> Vec<Entry> {
    report
        .findings
        .iter()
        .map(|f| {
            let at = f.location.text_span.start;
            let context = report
                .sentences
                .iter()
                .find(|s| s.location.text_span.start <= at && at < s.location.text_span.end)
                .map(|s| fold(&s.text))
                .unwrap_or_default();
            Entry {
                path: report.path.replace('\\', "/"),
                rule: f.rule.to_owned(),
                text: fold(&f.text),
                context,
            }
        })
        .collect()
}

/// Removes findings a baseline already knows, file by file; each recorded finding
/// matches once.
pub struct Matcher {
    known: HashMap<Entry, usize>,
}

impl Matcher {
    pub fn new(baseline: Baseline) -> Matcher {
        let mut known = HashMap::new();
        for e in baseline.findings {
            *known.entry(e).or_default() += 1;
        }
        Matcher { known }
    }

    /// Remove the known findings from a report; returns how many were removed.
    pub fn filter(&mut self, r: &mut FileReport) -> usize {
        let keys = entries(r);
        let mut removed = 0;
        let mut i = 0;
        r.findings.retain(|_| {
            let key = &keys[i];
            i += 1;
            match self.known.get_mut(key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    removed += 1;
                    false
                }
                _ => true,
            }
        });
        removed
    }
}

/// The entries to record for one report.
pub fn record(r: &FileReport) -> Vec<Entry> {
    entries(r)
}
