//! A very large file is checked in parts (`report::analyze_in_parts`), so memory stays
//! bounded: per sentence the findings are those of the whole text, the score is the
//! whole file's, suppression comments reach across parts, and every output format shows
//! one file. docs/performance.md has the memory figures.

use assert_cmd::Command;
use helder::input::{self, Format};
use helder::report::{FileReport, Options, WHOLE_DOCUMENT_RULES, analyze_in_parts, analyze_with};
use std::sync::LazyLock;

static RULES: LazyLock<helder::rules::RuleSet> = LazyLock::new(helder::default_rules);

/// The corpus letters one after another, repeated until the text is `len` bytes long.
fn letters(len: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/letters");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut out = String::new();
    while out.len() < len {
        for t in &texts {
            out.push_str(t.trim_end());
            out.push_str("\n\n");
        }
    }
    out
}

fn in_parts(text: &str, part_size: usize) -> Vec<FileReport> {
    reports(text, Format::Text, part_size)
}

fn reports(text: &str, format: Format, part_size: usize) -> Vec<FileReport> {
    let loaded = input::load(text.as_bytes(), format).unwrap();
    let mut parts = Vec::new();
    let sink = &mut |r| {
        parts.push(r);
        Ok(())
    };
    analyze_in_parts(
        "groot.txt",
        loaded,
        format,
        &RULES,
        Options::FULL,
        part_size,
        sink,
    )
    .unwrap();
    parts
}

fn whole(text: &str) -> FileReport {
    let loaded = input::load(text.as_bytes(), Format::Text).unwrap();
    analyze_with("groot.txt", loaded, Format::Text, &RULES, Options::FULL)
}

/// What a user sees of a finding: rule, place, message and rewrites.
type Seen = (&'static str, usize, usize, usize, String, Vec<String>);

fn seen(reports: &[&FileReport], keep: &dyn Fn(&str) -> bool) -> Vec<Seen> {
    let mut out: Vec<Seen> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| keep(f.rule))
        .map(|f| {
            (
                f.rule,
                f.location.start,
                f.location.end,
                f.location.line,
                f.message.clone(),
                f.suggestions
                    .iter()
                    .map(|s| s.replacement.clone())
                    .collect(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn parts_find_per_sentence_what_the_whole_text_finds() {
    let text = letters(300_000);
    let whole = whole(&text);
    let parts = in_parts(&text, 32 * 1024);
    assert!(parts.len() >= 8, "{} parts", parts.len());
    for (i, p) in parts.iter().enumerate() {
        assert_eq!(p.part.index, i);
        assert_eq!(p.part.last, i + 1 == parts.len());
    }
    let local = |rule: &str| !WHOLE_DOCUMENT_RULES.contains(&rule);
    let in_parts = seen(&parts.iter().collect::<Vec<_>>(), &local);
    assert!(in_parts.len() > 1000, "{} findings", in_parts.len());
    assert_eq!(in_parts, seen(&[&whole], &local));
    // Each part's findings lie in that part and are in order.
    let mut last_start = 0;
    for p in &parts {
        for f in &p.findings {
            assert!(f.location.start >= last_start, "{f:?}");
            last_start = f.location.start;
        }
    }
    // The same sentences, and the whole file's score on the last part only.
    let sentences: Vec<_> = parts
        .iter()
        .flat_map(|p| &p.sentences)
        .map(|s| (s.location.start, s.text.clone()))
        .collect();
    let expected: Vec<_> = whole
        .sentences
        .iter()
        .map(|s| (s.location.start, s.text.clone()))
        .collect();
    assert_eq!(sentences, expected);
    let score = &parts.last().unwrap().score;
    assert_eq!(score.sentences, whole.score.sentences);
    assert_eq!(score.words, whole.score.words);
    assert_eq!(score.b1_score, whole.score.b1_score);
    assert_eq!(score.flesch_douma, whole.score.flesch_douma);
    assert!(
        parts[..parts.len() - 1]
            .iter()
            .all(|p| p.score.sentences == 0)
    );
}

#[test]
fn a_text_of_two_parts_or_less_is_one_report_as_before() {
    let text = letters(60_000);
    let part_size = text.len() * 2 / 3;
    let parts = in_parts(&text, part_size);
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].part, helder::report::Part::WHOLE);
    let all = |_: &str| true;
    assert_eq!(seen(&[&parts[0]], &all), seen(&[&whole(&text)], &all));
}

#[test]
fn the_letter_rules_look_only_at_the_start_of_the_file() {
    let text = letters(300_000);
    let parts = in_parts(&text, 32 * 1024);
    let count = |r: &FileReport, rule: &str| r.findings.iter().filter(|f| f.rule == rule).count();
    let letter_rules = ["kern-eerst", "nietszeggend-onderwerp", "eerste-alinea-lang"];
    for p in &parts[1..] {
        for rule in letter_rules {
            assert_eq!(count(p, rule), 0, "{rule} in part {}", p.part.index);
        }
    }
}

#[test]
fn suppression_comments_reach_across_parts_and_unused_ones_are_reported_once() {
    let body = letters(200_000);
    // Without the comment, later parts have long sentences.
    let unsuppressed = in_parts(&body, 32 * 1024);
    assert!(
        unsuppressed[3..]
            .iter()
            .any(|p| p.findings.iter().any(|f| f.rule == "lange-zin"))
    );
    // Off for the whole file from the top; one comment that suppresses nothing; one
    // that is used only in the last part.
    let mut text = String::from(
        "<!-- helder-disable lange-zin -->\n\n\
         <!-- helder-disable-next-line lijdende-vorm -->\nWij sturen u een brief.\n\n",
    );
    text.push_str(&body);
    text.push_str(
        "<!-- helder-disable-next-line ontkenning -->\nWij betalen dat niet.\n\n\
         Dat doen wij niet.\n",
    );
    let parts = in_parts(&text, 32 * 1024);
    assert!(parts.len() >= 5);
    let all: Vec<_> = parts.iter().flat_map(|p| &p.findings).collect();
    assert!(all.iter().all(|f| f.rule != "lange-zin"));
    let unused: Vec<_> = all
        .iter()
        .filter(|f| f.rule == "ongebruikte-uitzondering")
        .collect();
    assert_eq!(unused.len(), 1, "{unused:#?}");
    assert!(unused[0].message.contains("'lijdende-vorm'"));
    assert_eq!(unused[0].location.line, 3);
    let last = parts.last().unwrap();
    assert!(
        last.findings
            .iter()
            .any(|f| f.rule == "ongebruikte-uitzondering")
    );
    // The ontkenning on the last line is still reported, the one after the comment not.
    let negations = lines_of(last, "ontkenning");
    let lines = text.lines().count();
    assert!(negations.contains(&lines), "{negations:?}");
    assert!(!negations.contains(&(lines - 2)), "{negations:?}");
    // Without parts, the same verdict.
    assert_eq!(lines_of(&whole(&text), "ongebruikte-uitzondering"), vec![3]);
}

/// The lines of a rule's findings in a report.
fn lines_of(r: &FileReport, rule: &str) -> Vec<usize> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.location.line)
        .collect()
}

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// A file above the size where helder checks in parts (1 MiB), through the binary.
static BIG_FILE: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.txt");
    std::fs::write(&path, letters(1_300_000)).unwrap();
    (dir, path)
});

fn check(format: &str) -> String {
    run(&["check", "--isolated", "--format", format], 1)
}

/// Run helder on the big file: its exit code and output.
fn run(args: &[&str], code: i32) -> String {
    let out = helder().args(args).arg(&BIG_FILE.1).output().unwrap();
    assert_eq!(out.status.code(), Some(code), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_file_checked_in_parts_is_one_file_in_the_json() {
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert!(files[0]["score"]["sentences"].as_u64().unwrap() > 10_000);
    assert_eq!(json["summary"]["files"], 1);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(
        json["summary"]["findings"].as_u64().unwrap(),
        findings.len() as u64
    );
    let lines: Vec<u64> = findings
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    // The findings run through the whole file, in order.
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));
    let total = std::fs::read_to_string(&BIG_FILE.1)
        .unwrap()
        .lines()
        .count() as u64;
    assert!(*lines.last().unwrap() > total * 9 / 10);
}

#[test]
fn a_file_checked_in_parts_has_one_score_line_and_one_file_in_the_summary() {
    let out = check("terminal");
    let name = BIG_FILE.1.display().to_string();
    let score_lines = out
        .lines()
        .filter(|l| l.starts_with(&format!("{name}: ")) && l.contains("Flesch-Douma"))
        .count();
    assert_eq!(score_lines, 1);
    let summary = out.lines().last().unwrap();
    assert!(summary.contains(" in 1 bestand: "), "{summary}");
}

#[test]
fn a_file_checked_in_parts_has_one_block_in_helder_score() {
    let out = run(&["score", "--isolated"], 0);
    let name = BIG_FILE.1.display().to_string();
    assert_eq!(out.lines().filter(|l| *l == name).count(), 1, "{out}");
    let sentences = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("zinnen"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert!(sentences.is_some_and(|n| n > 10_000), "{out}");
}

mod any_text {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Indien",
        "u",
        "wij",
        "teneinde",
        "de",
        "rekening",
        "wordt",
        "door",
        "ons",
        "verstuurd",
        "niet",
        "geen",
        "betalen",
        "1",
        "mei",
        "€",
        "12,50",
        "en",
        "middels",
        "het",
        "formulier",
        "derhalve",
        "is",
        "aangepast",
        "je",
        "jij",
        "o.a.",
        "dhr.",
        "J.P.",
        "Jansen",
        "thans",
        "BSN",
        "burgerservicenummer",
        "kwijtschelding",
        "{{naam}}",
        "`code`",
        "helder",
    ];
    const ENDS: &[&str] = &[".", "?", ":", ""];
    const BREAKS: &[&str] = &[
        "\n\n", "\n", "\r\n\r\n", "\n  \n", "\n\n- ", "\n\n# ", "\n\n\n",
    ];

    /// Paragraphs of Dutch-like words, list items, headings and blank lines of every kind,
    /// now and then a suppression comment.
    fn text() -> impl Strategy<Value = String> {
        let sentence = (
            proptest::collection::vec(proptest::sample::select(WORDS), 1..30),
            proptest::sample::select(ENDS),
        )
            .prop_map(|(w, end)| w.join(" ") + end);
        let piece = prop_oneof![
            12 => (sentence, proptest::sample::select(BREAKS)).prop_map(|(s, b)| s + " " + b),
            1 => Just("<!-- helder-disable-next-line ontkenning -->\n".to_owned()),
            1 => Just("<!-- helder-disable lange-zin -->\n\n".to_owned()),
        ];
        proptest::collection::vec(piece, 1..80).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Wherever the cuts fall, the findings per sentence and the readability counts
        /// are the whole text's.
        #[test]
        fn parts_agree_with_the_whole_text(
            t in text(),
            part_size in 16usize..400,
            markdown in any::<bool>(),
        ) {
            let format = if markdown { Format::Markdown } else { Format::Text };
            let whole = reports(&t, format, usize::MAX);
            prop_assert_eq!(whole.len(), 1);
            let parts = reports(&t, format, part_size);
            let local = |rule: &str| !WHOLE_DOCUMENT_RULES.contains(&rule);
            prop_assert_eq!(
                seen(&parts.iter().collect::<Vec<_>>(), &local),
                seen(&[&whole[0]], &local)
            );
            let sentences = |rs: &[FileReport]| -> Vec<(usize, usize)> {
                rs.iter()
                    .flat_map(|r| &r.sentences)
                    .map(|s| (s.location.start, s.location.end))
                    .collect()
            };
            prop_assert_eq!(sentences(&parts), sentences(&whole));
            // The counts are the whole text's. (The B1 score also counts reported rare
            // words, which `moeilijk-woord` reports once per part.)
            let (a, b) = (&parts.last().unwrap().score, &whole[0].score);
            prop_assert_eq!(
                (a.words, a.sentences, a.longest_sentence_words, a.flesch_douma),
                (b.words, b.sentences, b.longest_sentence_words, b.flesch_douma)
            );
        }
    }
}
