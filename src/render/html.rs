//! `--format html`: a self-contained report for writers (no external assets). The text is
//! shown with every sentence tinted by its level, findings marked in place; the
//! explanation and the rewrite appear on hover and on keyboard focus (each mark is
//! focusable and described by its tooltip). A score panel per file. `lang="nl"`,
//! colours chosen for contrast, and everything also in a plain list below the text.

use crate::finding::Severity;
use crate::report::{FileFinding, FileReport};
use crate::score::nl_number;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = r#"
:root { --tekst: #1a1a1a; --rand: #5c5c5c; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--tekst);
  background: #fff; margin: 0 auto; max-width: 64rem; padding: 1.5rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 2px solid #d0d0d0; }
.paneel { display: flex; flex-wrap: wrap; gap: 1rem 2rem; background: #f4f6f8;
  border: 1px solid #c8ced6; border-radius: .5rem; padding: 1rem 1.25rem; }
.paneel dl { display: grid; grid-template-columns: auto auto; gap: .15rem 1rem; margin: 0; }
.paneel dt { font-weight: 600; }
.paneel dd { margin: 0; }
.niveau { font-size: 2rem; font-weight: 700; }
.legenda span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border-radius: .25rem; }
.tekst { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 1.1rem;
  line-height: 1.75; border: 1px solid #d0d0d0; border-radius: .5rem; padding: 1.25rem; margin-top: 1rem; }
.zin { border-radius: .2rem; }
.n-A2 { background: #e3f3e6; } .n-B1 { background: #eef6dc; }
.n-B2 { background: #fff1cc; } .n-C1 { background: #fde0de; }
mark.f { background: transparent; color: inherit; position: relative; cursor: help;
  border-bottom: 3px solid; padding-bottom: 1px; }
mark.f:focus { outline: 3px solid #1a56db; outline-offset: 2px; }
mark.fout { border-color: #b91c1c; } mark.waarschuwing { border-color: #b45309; }
mark.tip { border-color: #1d4ed8; border-bottom-style: dotted; }
mark.zinsbreed { border: none; font-family: system-ui, sans-serif; font-size: .85em; font-weight: 700;
  color: #7c2d12; background: #ffedd5; border-radius: .2rem; padding: 0 .25rem; margin-right: .2rem; }
.uitleg { display: none; position: absolute; left: 0; top: 1.9em; z-index: 10; width: min(26rem, 80vw);
  white-space: normal; font-family: system-ui, sans-serif; font-size: .9rem; line-height: 1.4;
  background: #1f2937; color: #fff; padding: .6rem .75rem; border-radius: .4rem;
  box-shadow: 0 4px 12px rgba(0,0,0,.25); }
mark.f:hover .uitleg, mark.f:focus .uitleg, mark.f:focus-within .uitleg { display: block; }
.uitleg code, .lijst code { font-family: ui-monospace, monospace; }
.uitleg .nieuw { color: #bbf7d0; font-weight: 600; }
.lijst li { margin-bottom: .4rem; }
.lijst .nieuw { color: #166534; font-weight: 600; }
.niveau-tag { font-weight: 700; }
footer { margin-top: 3rem; color: var(--rand); font-size: .9rem; }
"#;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

fn class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
        Severity::Info => "tip",
    }
}

fn level_class(level: &str) -> &'static str {
    match level {
        "A2" => "n-A2",
        "B1" => "n-B1",
        "B2" => "n-B2",
        _ => "n-C1",
    }
}

/// Streams the page: `begin`, `add` per report, `finish`.
pub struct HtmlWriter {
    file: usize,
    mark: usize,
    findings: usize,
}

impl HtmlWriter {
    pub fn begin(w: &mut dyn Write) -> io::Result<HtmlWriter> {
        write!(
            w,
            "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>helder-rapport</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <header><h1>helder-rapport</h1>\n<p>Elke zin heeft een achtergrondkleur naar \
             zijn niveau. Onderstreepte woorden hebben een bevinding: ga erop staan met de muis, \
             of ga er met Tab naartoe, voor de uitleg en de herschrijving.</p>\n\
             <p class=\"legenda\" aria-label=\"Legenda\"><span class=\"n-A2\">A2</span>\
             <span class=\"n-B1\">B1</span><span class=\"n-B2\">B2</span>\
             <span class=\"n-C1\">C1+</span></p></header>\n<main>\n"
        )?;
        Ok(HtmlWriter {
            file: 0,
            mark: 0,
            findings: 0,
        })
    }

    fn tooltip(&mut self, f: &FileFinding) -> (String, String) {
        self.mark += 1;
        let id = format!("u{}", self.mark);
        let mut t = format!(
            "<span class=\"uitleg\" role=\"tooltip\" id=\"{id}\"><strong>{} · {}</strong><br>{}",
            esc(f.severity.label()),
            esc(f.rule),
            esc(&f.message)
        );
        if let Some(s) = f.suggestions.first() {
            let _ = write!(
                t,
                "<br>Schrijf: <span class=\"nieuw\">{}</span>",
                esc(s.replacement.trim())
            );
        } else if let Some(h) = &f.hint {
            let _ = write!(t, "<br>{}", esc(h));
        }
        t.push_str("</span>");
        (id, t)
    }

    pub fn add(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        self.file += 1;
        self.findings += r.findings.len();
        let s = &r.score;
        let mut out = String::new();
        let _ = write!(
            out,
            "<section aria-labelledby=\"b{n}\">\n<h2 id=\"b{n}\">{}</h2>\n",
            esc(&r.path),
            n = self.file
        );
        let factors: Vec<String> = s
            .factors
            .iter()
            .map(|f| format!("{} (−{})", esc(&f.description), nl_number(f.points, 0)))
            .collect();
        let _ = write!(
            out,
            "<div class=\"paneel\" role=\"group\" aria-label=\"Leesbaarheid\">\n\
             <div><div>B1-score</div><div class=\"niveau\">{} <span class=\"niveau-tag\">{}</span></div>\
             <div>{}</div></div>\n<dl>\
             <dt>Woorden</dt><dd>{}</dd><dt>Zinnen</dt><dd>{}</dd>\
             <dt>Gemiddelde zinslengte</dt><dd>{} woorden</dd>\
             <dt>Langste zin</dt><dd>{} woorden</dd>\
             <dt>Lettergrepen per woord</dt><dd>{}</dd>\
             <dt>Flesch-Douma</dt><dd>{}</dd><dt>Brouwer</dt><dd>{}</dd>\
             <dt>Bevindingen</dt><dd>{}</dd></dl>\n<div><strong>Weegt het zwaarst</strong><ul>{}</ul></div>\n</div>\n",
            nl_number(s.b1_score, 0),
            s.level,
            if s.b1.met {
                "B1: gehaald (indicatie)"
            } else {
                "B1: niet gehaald (indicatie)"
            },
            s.words,
            s.sentences,
            nl_number(s.avg_sentence_words, 1),
            s.longest_sentence_words,
            nl_number(s.syllables_per_word, 2),
            nl_number(s.flesch_douma, 0),
            nl_number(s.brouwer, 0),
            r.findings.len(),
            factors
                .iter()
                .map(|f| format!("<li>{f}</li>"))
                .collect::<String>()
        );
        out.push_str("<div class=\"tekst\">");
        self.text(&mut out, r);
        out.push_str("</div>\n");
        if !r.findings.is_empty() {
            out.push_str("<h3>Alle bevindingen</h3>\n<ol class=\"lijst\">\n");
            for f in &r.findings {
                let _ = write!(
                    out,
                    "<li><strong>{}:{}</strong> {} [{}] {}",
                    f.location.line,
                    f.location.column,
                    esc(f.severity.label()),
                    esc(f.rule),
                    esc(&f.message)
                );
                if let Some(s) = f.suggestions.first() {
                    let _ = write!(
                        out,
                        " Schrijf: <span class=\"nieuw\">{}</span>",
                        esc(s.replacement.trim())
                    );
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
        w.write_all(out.as_bytes())
    }

    /// The source text with sentences tinted and findings marked. A finding inside one
    /// sentence is a mark on its words; one that spans a sentence or more (a long
    /// sentence, a letter-level finding) is a badge at the start of its sentence.
    fn text(&mut self, out: &mut String, r: &FileReport) {
        let src = &r.source;
        let mut pos = 0;
        let mut findings: Vec<&FileFinding> = r.findings.iter().collect();
        findings.sort_by_key(|f| {
            (
                f.location.text_span.start,
                usize::MAX - f.location.text_span.end,
            )
        });
        for s in &r.sentences {
            let span = s.location.text_span;
            if span.start < pos || span.end > src.len() {
                continue;
            }
            out.push_str(&esc(&src[pos..span.start]));
            let _ = write!(
                out,
                "<span class=\"zin {}\" title=\"Zin: B1-score {} ({})\">",
                level_class(s.level),
                nl_number(s.score, 0),
                s.level
            );
            let mut inline = Vec::new();
            for f in findings
                .iter()
                .filter(|f| (span.start..span.end).contains(&f.location.text_span.start))
            {
                let fs = f.location.text_span;
                if fs.end > span.end || (fs.start == span.start && fs.end == span.end) {
                    let (id, tip) = self.tooltip(f);
                    let _ = write!(
                        out,
                        "<mark class=\"f zinsbreed {}\" tabindex=\"0\" aria-describedby=\"{id}\">⚑{tip}</mark>",
                        class(f.severity)
                    );
                } else {
                    inline.push(*f);
                }
            }
            let mut p = span.start;
            for f in inline {
                let fs = f.location.text_span;
                if fs.start < p {
                    continue; // overlaps an earlier mark: listed below the text
                }
                out.push_str(&esc(&src[p..fs.start]));
                let (id, tip) = self.tooltip(f);
                let _ = write!(
                    out,
                    "<mark class=\"f {}\" tabindex=\"0\" aria-describedby=\"{id}\">{}{tip}</mark>",
                    class(f.severity),
                    esc(&src[fs.start..fs.end])
                );
                p = fs.end;
            }
            out.push_str(&esc(&src[p..span.end]));
            out.push_str("</span>");
            pos = span.end;
        }
        out.push_str(&esc(&src[pos.min(src.len())..]));
    }

    pub fn finish(self, w: &mut dyn Write) -> io::Result<()> {
        write!(
            w,
            "</main>\n<footer><p>{} bestand(en), {} bevinding(en). Gemaakt met helder {}. \
             De B1-score en het niveau zijn een indicatie (zie docs/score.md); de bevindingen \
             per zin zijn belangrijker.</p></footer>\n</body>\n</html>\n",
            self.file,
            self.findings,
            env!("CARGO_PKG_VERSION")
        )
    }
}
