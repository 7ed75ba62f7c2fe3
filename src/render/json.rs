//! `--format json` (documented in docs/json.md): one object with every finding, flat,
//! each carrying its path, and per file the score. Written as a stream: findings go
//! out file by file, so memory does not grow with the number of findings.

use super::Summary;
use crate::report::{FileFinding, FileReport, ParagraphInfo, SentenceInfo};
use crate::score::Score;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    severity_label: &'static str,
    #[serde(flatten)]
    finding: &'a FileFinding,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
    encoding: &'static str,
    notices: Vec<String>,
    score: Score,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<SentenceInfo>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<Vec<ParagraphInfo>>,
}

/// Streams the JSON document: `begin`, `add` per report, `finish`.
pub struct JsonWriter {
    with_sentences: bool,
    first: bool,
    files: Vec<JsonFile>,
    summary: Summary,
}

/// Write `value` pretty-printed, indented by `indent` spaces after the first line.
fn write_indented(w: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        write!(w, "{indent}{first}")?;
    }
    for l in lines {
        write!(w, "\n{indent}{l}")?;
    }
    Ok(())
}

impl JsonWriter {
    pub fn begin(w: &mut dyn Write, with_sentences: bool) -> io::Result<JsonWriter> {
        write!(w, "{{\n  \"version\": 1,\n  \"findings\": [")?;
        Ok(JsonWriter {
            with_sentences,
            first: true,
            files: Vec::new(),
            summary: Summary::default(),
        })
    }

    pub fn add(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        for f in &r.findings {
            w.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            let jf = JsonFinding {
                path: &r.path,
                severity_label: f.severity.label(),
                finding: f,
            };
            write_indented(w, &jf, "    ")?;
        }
        self.summary.add(r);
        match self.files.last_mut() {
            // A later part of a very large file: the same file entry.
            Some(file) if !r.part.first() && file.path == r.path => {
                file.score = r.score.clone();
                if let Some(s) = &mut file.sentences {
                    s.extend_from_slice(&r.sentences);
                }
                if let Some(p) = &mut file.paragraphs {
                    p.extend_from_slice(&r.paragraphs);
                }
            }
            _ => self.files.push(JsonFile {
                path: r.path.clone(),
                encoding: r.encoding.name(),
                notices: r.notices.clone(),
                score: r.score.clone(),
                sentences: self.with_sentences.then(|| r.sentences.clone()),
                paragraphs: self.with_sentences.then(|| r.paragraphs.clone()),
            }),
        }
        Ok(())
    }

    pub fn finish(self, w: &mut dyn Write) -> io::Result<()> {
        write!(
            w,
            "{}],\n  \"files\": ",
            if self.first { "" } else { "\n  " }
        )?;
        let files = serde_json::to_string_pretty(&self.files)?.replace('\n', "\n  ");
        write!(w, "{files},\n  \"summary\": ")?;
        let summary = serde_json::to_string_pretty(&self.summary)?.replace('\n', "\n  ");
        writeln!(w, "{summary}\n}}")
    }
}

/// The whole document for reports already in memory.
pub fn render(w: &mut dyn Write, reports: &[FileReport], with_sentences: bool) -> io::Result<()> {
    let mut j = JsonWriter::begin(w, with_sentences)?;
    for r in reports {
        j.add(w, r)?;
    }
    j.finish(w)
}
