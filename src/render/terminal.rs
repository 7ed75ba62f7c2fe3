//! Terminal output for writers: each finding with a snippet, the flagged words
//! underlined, the suggestion under it, and a summary line. Colour is decided once by
//! the caller (`colored::control`).

use super::{Summary, plural};
use crate::finding::{Safety, Severity};
use crate::report::{FileFinding, FileReport};
use crate::score::{douma_label, nl_number};
use colored::{ColoredString, Colorize};
use std::io::{self, Write};
use unicode_segmentation::UnicodeSegmentation;

fn severity(s: Severity) -> ColoredString {
    match s {
        Severity::Error => s.label().red().bold(),
        Severity::Warning => s.label().yellow().bold(),
        Severity::Info => s.label().cyan().bold(),
    }
}

fn underline(s: Severity, text: &str) -> ColoredString {
    match s {
        Severity::Error => text.red().bold(),
        Severity::Warning => text.yellow().bold(),
        Severity::Info => text.cyan().bold(),
    }
}

/// Display width of a string in grapheme clusters (tabs count as one column).
fn width(s: &str) -> usize {
    s.graphemes(true).count()
}

/// Graphemes of context shown around the flagged words on a long line, and the most of a
/// long flagged stretch (a whole sentence) that is shown.
const CONTEXT: usize = 40;
const MAX_MARKED: usize = 60;
/// Lines up to this width are shown whole.
const LONG_LINE: usize = 100;

/// The width of `s` if it is at most `max`, else `None`; never looks further than that,
/// so a finding on a line of a megabyte costs no more than one on a short line.
fn width_upto(s: &str, max: usize) -> Option<usize> {
    let n = s.graphemes(true).take(max + 1).count();
    (n <= max).then_some(n)
}

/// What is shown of the text before a change: all of it when short, else `…` and the
/// last [`CONTEXT`] graphemes.
fn lead(before: &str) -> String {
    let tail: Vec<&str> = before.graphemes(true).rev().take(CONTEXT + 11).collect();
    if tail.len() > CONTEXT + 10 {
        let mut out = String::from("…");
        out.extend(tail[..CONTEXT].iter().rev().copied());
        out
    } else {
        tail.iter().rev().copied().collect()
    }
}

/// What is shown of the text after a change: all of it when short, else the first
/// [`CONTEXT`] graphemes and `…`.
fn trail(after: &str) -> String {
    let head: Vec<&str> = after.graphemes(true).take(CONTEXT + 11).collect();
    if head.len() > CONTEXT + 10 {
        let mut out: String = head[..CONTEXT].concat();
        out.push('…');
        out
    } else {
        head.concat()
    }
}

struct View {
    shown: String,
    before_width: usize,
    marked_width: usize,
}

/// The part of a long line to show. A paragraph on one line is cut to the flagged words
/// with some context; a long flagged stretch (a whole sentence) shows its start.
fn window(line: &str, start: usize, end: usize) -> View {
    if width_upto(line, LONG_LINE).is_some() {
        return View {
            shown: line.to_owned(),
            before_width: width(&line[..start]),
            marked_width: width(&line[start..end]),
        };
    }
    let mut shown = lead(&line[..start]);
    let before_width = width(&shown);
    let marked: Vec<&str> = line[start..end]
        .graphemes(true)
        .take(MAX_MARKED + 1)
        .collect();
    if marked.len() > MAX_MARKED {
        shown.extend(marked[..MAX_MARKED].iter().copied());
        shown.push('…');
        return View {
            shown,
            before_width,
            marked_width: MAX_MARKED,
        };
    }
    shown.extend(marked.iter().copied());
    shown.push_str(&trail(&line[end..]));
    View {
        shown,
        before_width,
        marked_width: marked.len(),
    }
}

/// The lines around a suggestion before and after the rewrite, cut to the change with
/// some context: the -/+ patch under the snippet.
fn patch(r: &FileReport, s: &crate::report::LocatedSuggestion) -> (String, String) {
    let t = s.location.text_span;
    let first = r.line_index.line_span(&r.source, s.location.line);
    let last = r
        .line_index
        .line_span(&r.source, s.location.end_line.max(s.location.line));
    let (a, b) = (first.start.min(t.start), last.end.max(t.end));
    let (before, after) = (&r.source[a..t.start], &r.source[t.end..b]);
    // Short lines whole; long ones cut to the change with some context. Only the shown
    // part is ever copied.
    let cut = |change: &str| -> String {
        let short = width_upto(before, LONG_LINE)
            .and_then(|w| width_upto(change, LONG_LINE - w).map(|c| w + c))
            .and_then(|w| width_upto(after, LONG_LINE - w))
            .is_some();
        let text = if short {
            format!("{before}{change}{after}")
        } else {
            format!("{}{change}{}", lead(before), trail(after))
        };
        text.replace(['\r', '\n', '\t'], " ")
    };
    (cut(&r.source[t.start..t.end]), cut(&s.replacement))
}

pub fn render_finding(w: &mut dyn Write, r: &FileReport, f: &FileFinding) -> io::Result<()> {
    let l = &f.location;
    writeln!(
        w,
        "{}:{}:{}: {} [{}] {}",
        r.path.bold(),
        l.line,
        l.column,
        severity(f.severity),
        f.rule.dimmed(),
        f.message
    )?;
    let line_span = r.line_index.line_span(&r.source, l.line);
    let line_text = &r.source[line_span.start..line_span.end];
    let gutter = l.line.to_string();
    let pad = " ".repeat(gutter.len());
    let start = l.text_span.start.clamp(line_span.start, line_span.end) - line_span.start;
    let end = l.text_span.end.clamp(line_span.start, line_span.end) - line_span.start;
    let view = window(line_text, start, end.max(start));
    writeln!(
        w,
        " {} {} {}",
        gutter.blue().bold(),
        "|".blue().bold(),
        view.shown.replace('\t', " ")
    )?;
    let continues = if l.end_line > l.line { " …" } else { "" };
    writeln!(
        w,
        " {} {} {}{}{}",
        pad,
        "|".blue().bold(),
        " ".repeat(view.before_width),
        underline(f.severity, &"^".repeat(view.marked_width.max(1))),
        continues.dimmed()
    )?;
    if let Some(first) = f.suggestions.first() {
        let (minus, plus) = patch(r, first);
        writeln!(w, " {} {} {}", pad, "-".red().bold(), minus.red())?;
        writeln!(w, " {} {} {}", pad, "+".green().bold(), plus.green())?;
        let how = match first.safety {
            Safety::Safe => "veilig: `helder fix` past dit toe",
            Safety::Unsafe => "voorstel: controleer of de zin nog klopt",
        };
        writeln!(w, " {} {} {}", pad, "=".blue().bold(), how.dimmed())?;
        let others: Vec<String> = f.suggestions[1..]
            .iter()
            .map(|s| format!("'{}'", s.replacement.trim()))
            .collect();
        if !others.is_empty() {
            writeln!(
                w,
                " {} {} {}: {}",
                pad,
                "=".blue().bold(),
                "of".bold(),
                others.join(", ")
            )?;
        }
    }
    if let Some(h) = &f.hint {
        writeln!(w, " {} {} {}: {}", pad, "=".blue().bold(), "hoe".bold(), h)?;
    }
    writeln!(w)
}

pub fn render_check(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for r in reports {
        render_file(w, r)?;
    }
    render_summary(w, &Summary::of(reports))
}

/// One file's findings and its score line (streamed, file by file).
pub fn render_file(w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
    for n in &r.notices {
        writeln!(w, "{}: {} {}", r.path.bold(), "let op:".yellow().bold(), n)?;
    }
    for f in &r.findings {
        render_finding(w, r, f)?;
    }
    if r.score.sentences > 0 {
        let s = &r.score;
        let b1 = if s.b1.met {
            "B1: gehaald (indicatie)".green().to_string()
        } else {
            format!("B1: niet gehaald (indicatie): {}", s.b1.reasons.join("; "))
                .yellow()
                .to_string()
        };
        writeln!(
            w,
            "{}: {}, gemiddeld {} woorden per zin, Flesch-Douma {} ({}), B1-score {} (niveau {}). {}",
            r.path.bold(),
            plural(s.sentences, "zin", "zinnen"),
            nl_number(s.avg_sentence_words, 1),
            nl_number(s.flesch_douma, 0),
            douma_label(s.flesch_douma),
            nl_number(s.b1_score, 0),
            s.level,
            b1
        )?;
    }
    Ok(())
}

/// The closing line: how many findings of each level in how many files.
pub fn render_summary(w: &mut dyn Write, sum: &Summary) -> io::Result<()> {
    let files = plural(sum.files, "bestand", "bestanden");
    if sum.findings == 0 {
        writeln!(
            w,
            "{}",
            format!("Geen bevindingen in {files}.").green().bold()
        )
    } else {
        writeln!(
            w,
            "{} in {files}: {}, {}, {}.",
            plural(sum.findings, "bevinding", "bevindingen").bold(),
            plural(sum.errors, "fout", "fouten"),
            plural(sum.warnings, "waarschuwing", "waarschuwingen"),
            plural(sum.infos, "tip", "tips"),
        )
    }
}

/// The readability figures of each file. A file checked in parts has them on its last
/// part: the others are skipped.
pub fn render_score(w: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for r in reports.iter().filter(|r| r.part.last) {
        let s = &r.score;
        writeln!(w, "{}", r.path.bold())?;
        let row = |w: &mut dyn Write, k: &str, v: String| writeln!(w, "  {k:<30}{v}");
        row(w, "woorden", s.words.to_string())?;
        row(w, "zinnen", s.sentences.to_string())?;
        row(
            w,
            "gemiddelde zinslengte",
            format!("{} woorden", nl_number(s.avg_sentence_words, 1)),
        )?;
        row(
            w,
            "langste zin",
            format!("{} woorden", s.longest_sentence_words),
        )?;
        row(
            w,
            &format!("zinnen > {} woorden", s.long_sentence_threshold),
            format!("{}%", nl_number(s.long_sentence_share * 100.0, 0)),
        )?;
        row(
            w,
            "lettergrepen per woord",
            nl_number(s.syllables_per_word, 2),
        )?;
        row(
            w,
            "Flesch-Douma",
            format!(
                "{} ({})",
                nl_number(s.flesch_douma, 1),
                douma_label(s.flesch_douma)
            ),
        )?;
        row(w, "Brouwer (leesindex A)", nl_number(s.brouwer, 1))?;
        row(
            w,
            "zeldzame woorden",
            format!("{}%", nl_number(s.rare_word_share * 100.0, 1)),
        )?;
        row(
            w,
            "zinnen in lijdende vorm",
            format!("{}%", nl_number(s.passive_share * 100.0, 0)),
        )?;
        row(
            w,
            "ontkenningen per 100 woorden",
            nl_number(s.negations_per_100, 1),
        )?;
        row(
            w,
            "ambtelijk per 100 woorden",
            nl_number(s.officialese_per_100, 1),
        )?;
        row(
            w,
            "B1-score (helder, 0-100)",
            format!(
                "{} → niveau-indicatie {}",
                nl_number(s.b1_score, 0),
                s.level
            )
            .bold()
            .to_string(),
        )?;
        if !s.factors.is_empty() {
            let f: Vec<String> = s
                .factors
                .iter()
                .map(|f| format!("{} (−{})", f.description, nl_number(f.points, 0)))
                .collect();
            row(w, "weegt het zwaarst", f.join("; "))?;
        }
        let b1 = if s.b1.met {
            "gehaald".green().to_string()
        } else {
            format!("niet gehaald: {}", s.b1.reasons.join("; "))
                .yellow()
                .to_string()
        };
        row(w, "B1-indicatie", b1)?;
        writeln!(w)?;
    }
    Ok(())
}
