//! `--format json` (documented in docs/json.md): one object with every finding, flat,
//! each carrying its path, and per file the score.

use super::Summary;
use crate::report::{FileFinding, FileReport, SentenceInfo};
use crate::score::Score;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    severity_label: &'static str,
    #[serde(flatten)]
    finding: &'a FileFinding,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    encoding: &'static str,
    notices: &'a [String],
    score: &'a Score,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [SentenceInfo]>,
}

pub fn render(w: &mut dyn Write, reports: &[FileReport], with_sentences: bool) -> io::Result<()> {
    let out = Output {
        version: 1,
        findings: reports
            .iter()
            .flat_map(|r| {
                r.findings.iter().map(move |f| JsonFinding {
                    path: &r.path,
                    severity_label: f.severity.label(),
                    finding: f,
                })
            })
            .collect(),
        files: reports
            .iter()
            .map(|r| JsonFile {
                path: &r.path,
                encoding: r.encoding.name(),
                notices: &r.notices,
                score: &r.score,
                sentences: with_sentences.then_some(r.sentences.as_slice()),
            })
            .collect(),
        summary: Summary::of(reports),
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}
