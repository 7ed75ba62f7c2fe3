//! Input formats end to end: the same letter as .txt, .md, .html, .eml, .docx and a
//! Handlebars template gives the same findings, and every finding points at the right
//! place in the original file (bytes, line and column), or for .docx at the right
//! paragraph of the rendering.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const CORPUS: &str = "tests/corpus/formats";

fn helder() -> Command {
    let mut c = Command::cargo_bin("helder").unwrap();
    c.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// `helder check --format json` on one file (or stdin), all findings including tips.
fn check(args: &[&str], stdin: Option<Vec<u8>>) -> Value {
    let mut c = helder();
    c.args([
        "check",
        "--isolated",
        "--fail-on",
        "info",
        "--format",
        "json",
    ])
    .args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().unwrap()
}

fn file(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

/// Whitespace folded: HTML whitespace is not text, so "gelden\n  die" is "gelden die".
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (rule, flagged text) of every finding, in order.
fn rule_texts(v: &Value) -> Vec<(String, String)> {
    findings(v)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                fold(f["text"].as_str().unwrap()),
            )
        })
        .collect()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, col as u64)
}

fn span(f: &Value) -> (usize, usize) {
    (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    )
}

fn line_col_of(f: &Value) -> (u64, u64) {
    (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())
}

/// For a text file: the bytes at the reported range are the flagged text, and the
/// reported line:column is where those bytes start.
fn assert_positions_in_text_file(name: &str, v: &Value) {
    let bytes = fs::read(file(name)).unwrap();
    let text = String::from_utf8(bytes.clone()).expect("UTF-8 corpus file");
    assert!(!findings(v).is_empty(), "{name}");
    for f in findings(v) {
        let (s, e) = span(f);
        assert_eq!(
            &text[s..e],
            f["text"].as_str().unwrap(),
            "{name}: bytes {s}..{e}"
        );
        assert_eq!(line_col(&text, s), line_col_of(f), "{name}: {f}");
    }
}

#[test]
fn the_same_letter_gives_the_same_findings_in_every_format() {
    let expected = rule_texts(&check(&[&file("brief.txt")], None));
    let rules: Vec<&str> = expected.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        rules,
        [
            "lijdende-vorm",
            "ambtelijk-woord",
            "lange-zin",
            "ontkenning"
        ]
    );
    assert_eq!(expected[1].1, "Indien");
    for name in [
        "brief.md",
        "brief.html",
        "brief.eml",
        "brief.docx",
        "brief.hbs",
        "brief-libreoffice.docx",
    ] {
        assert_eq!(rule_texts(&check(&[&file(name)], None)), expected, "{name}");
    }
}

#[test]
fn text_markdown_html_eml_and_template_point_at_the_flagged_bytes() {
    for name in [
        "brief.txt",
        "brief.md",
        "brief.html",
        "brief.eml",
        "brief.hbs",
    ] {
        assert_positions_in_text_file(name, &check(&[&file(name)], None));
    }
}

#[test]
fn markdown_skips_front_matter_comments_code_and_link_targets() {
    // The .md holds "Indien" and "niet" in its front matter, an HTML comment, a code block
    // and a link target: none of them is reported.
    let v = check(&[&file("brief.md")], None);
    let src = fs::read_to_string(file("brief.md")).unwrap();
    for f in findings(&v) {
        let line = src
            .lines()
            .nth(f["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            !line.starts_with("titel")
                && !line.starts_with("<!--")
                && !line.contains("codeblok")
                && !line.contains("Bel ons"),
            "{f}"
        );
    }
}

#[test]
fn html_entities_map_to_the_entity() {
    let html = "<p>Die kost &euro;&nbsp;25 en is&nbsp;niet terug te krijgen.</p>\n";
    let v = check(&["--stdin-filename", "mail.html", "-"], Some(html.into()));
    let f = &findings(&v)[0];
    assert_eq!(f["rule"], "ontkenning");
    let (s, e) = span(f);
    assert_eq!(&html[s..e], "niet");
    assert_eq!(line_col_of(f), (1, html.find("niet").unwrap() as u64 + 1));
}

/// Undo quoted-printable (soft breaks, =XX) and the few entities of brief.html.
fn unquote(raw: &[u8]) -> String {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            if raw[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            let hex = std::str::from_utf8(&raw[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .unwrap()
        .replace("&nbsp;", " ")
        .replace("&euro;", "€")
}

#[test]
fn quoted_printable_positions_cover_the_encoded_text() {
    // The flagged text is the raw QP (soft line breaks, =XX): decoded it is the letter's.
    let v = check(&[&file("brief-html-qp.eml")], None);
    let expected = rule_texts(&check(&[&file("brief.txt")], None));
    let raw = fs::read(file("brief-html-qp.eml")).unwrap();
    let text = String::from_utf8(raw.clone()).unwrap();
    let got: Vec<(String, String)> = findings(&v)
        .iter()
        .map(|f| {
            let (s, e) = span(f);
            assert_eq!(line_col(&text, s), line_col_of(f));
            (
                f["rule"].as_str().unwrap().to_owned(),
                fold(&unquote(&raw[s..e])),
            )
        })
        .collect();
    assert_eq!(got, expected);
    // "Indien" is plain ASCII in the QP: exact.
    let indien = &findings(&v)[1];
    let (s, e) = span(indien);
    assert_eq!(&raw[s..e], b"Indien");
}

#[test]
fn latin1_eml_is_read_with_exact_positions() {
    let name = "brief-latin1.eml";
    let v = check(&[&file(name)], None);
    let bytes = fs::read(file(name)).unwrap();
    let expected: Vec<String> = rule_texts(&check(&[&file("brief.txt")], None))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let got: Vec<String> = rule_texts(&v).into_iter().map(|(r, _)| r).collect();
    assert_eq!(got, expected);
    for f in findings(&v) {
        let (s, e) = span(f);
        // Every character is one byte in ISO-8859-1.
        let at: String = bytes[s..e].iter().map(|&b| b as char).collect();
        assert_eq!(at, f["text"].as_str().unwrap());
    }
    assert!(
        v["files"][0]["notices"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252")
    );
    assert_eq!(v["files"][0]["encoding"], "Windows-1252");
}

#[test]
fn base64_eml_points_into_the_encoded_body() {
    let v = check(&[&file("brief-base64.eml")], None);
    let rules: Vec<(String, String)> = rule_texts(&v);
    assert_eq!(rules.len(), 4);
    let text = fs::read_to_string(file("brief-base64.eml")).unwrap();
    let body_line = text.lines().position(|l| l.is_empty()).unwrap() as u64 + 1;
    for f in findings(&v) {
        assert!(f["line"].as_u64().unwrap() > body_line, "{f}");
    }
}

#[test]
fn eml_subject_is_checked_and_signature_and_quote_are_not() {
    let mail = "Subject: Indien u wilt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
        Wij sturen de pas.\r\n-- \r\nIndien u niet wilt, mail ons.\r\n";
    let v = check(&["--stdin-filename", "mail.eml", "-"], Some(mail.into()));
    let f = findings(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["rule"], "ambtelijk-woord");
    assert_eq!(line_col_of(&f[0]), (1, 10));
    let (s, e) = span(&f[0]);
    assert_eq!(&mail[s..e], "Indien");
}

#[test]
fn docx_positions_are_paragraph_numbers() {
    // brief.docx (scripts/make_docx.py): paragraph 1 is the title, 2 the salutation, …
    let v = check(&[&file("brief.docx")], None);
    let places: Vec<(u64, u64)> = findings(&v).iter().map(line_col_of).collect();
    assert_eq!(places, [(4, 15), (5, 1), (6, 1), (6, 22)]);
    // The rendering has one paragraph per line: the flagged text stands at line:column.
    let loaded = helder::input::load(
        &fs::read(file("brief.docx")).unwrap(),
        helder::input::Format::Docx,
    )
    .unwrap();
    for f in findings(&v) {
        let line = loaded
            .source
            .lines()
            .nth(f["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let col = f["column"].as_u64().unwrap() as usize - 1;
        let rest: String = line.chars().skip(col).collect();
        assert!(
            rest.starts_with(f["text"].as_str().unwrap().lines().next().unwrap()),
            "{f}"
        );
        let (s, e) = span(f);
        assert_eq!(&loaded.source[s..e], f["text"].as_str().unwrap());
    }
    // The tracked deletion "Indien niet" (w:delText) is not text.
    assert!(!loaded.source.contains("Indien niet"));
}

#[test]
fn a_libreoffice_docx_is_read_and_its_paragraphs_are_the_lines_of_the_text() {
    // LibreOffice turned each line of brief.txt into a paragraph (empty ones too), so
    // paragraph numbers equal the text's line numbers.
    let docx = check(&[&file("brief-libreoffice.docx")], None);
    let txt = check(&[&file("brief.txt")], None);
    let places = |v: &Value| findings(v).iter().map(line_col_of).collect::<Vec<_>>();
    assert_eq!(places(&docx), places(&txt));
    assert!(!places(&docx).is_empty());
}

#[test]
fn stdin_filename_and_input_format_choose_the_format() {
    let html = fs::read(file("brief.html")).unwrap();
    let expected = rule_texts(&check(&[&file("brief.txt")], None));
    let v = check(&["--stdin-filename", "brief.html", "-"], Some(html.clone()));
    assert_eq!(rule_texts(&v), expected);
    assert_eq!(findings(&v)[0]["path"], "brief.html");
    let v = check(&["--input-format", "html", "-"], Some(html));
    assert_eq!(rule_texts(&v), expected);
    let docx = fs::read(file("brief.docx")).unwrap();
    let v = check(&["--stdin-filename", "brief.docx", "-"], Some(docx));
    assert_eq!(rule_texts(&v), expected);
    // A bare template with HTML in it is read as HTML; .md.j2 as Markdown.
    let v = check(
        &["--stdin-filename", "mail.hbs", "-"],
        Some(b"<p>Beste {{naam}},</p><style>p{}</style><p>Het kan niet.</p>".to_vec()),
    );
    assert_eq!(rule_texts(&v), [("ontkenning".into(), "niet".into())]);
    let md = "Het `niet` is code, {{ x }} ook; dit niet.\n";
    let v = check(&["--stdin-filename", "mail.md.j2", "-"], Some(md.into()));
    assert_eq!(findings(&v).len(), 1);
    let col = md.rfind("niet").unwrap() as u64 + 1;
    assert_eq!(line_col_of(&findings(&v)[0]), (1, col));
}

/// Sentences of `score --format json` with their word counts.
fn sentence_words(text: &str, name: &str) -> Vec<(String, u64)> {
    let out = helder()
        .args([
            "score",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            name,
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap().trim().to_owned(),
                s["words"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn placeholders_are_one_word_and_control_tags_none() {
    let s = sentence_words(
        "U krijgt {{ bedrag }} terug van [NAAM ORGANISATIE].\n",
        "a.txt",
    );
    assert_eq!(
        s,
        [(
            "U krijgt {{ bedrag }} terug van [NAAM ORGANISATIE].".into(),
            6
        )]
    );
    let s = sentence_words("{{#if betaald}}U krijgt geld terug.{{/if}}\n", "a.hbs");
    assert_eq!(s[0].1, 4);
    let s = sentence_words("Wij betalen <#if x>${bedrag}</#if> uit.\n", "a.ftl");
    assert_eq!(s[0].1, 4);
}

#[test]
fn placeholders_are_never_flagged_and_both_branches_are_checked() {
    for (name, text) in [
        (
            "a.hbs",
            "Beste {{indien_niet}},\n\n{{#if x}}Indien u wilt, bel ons.{{else}}Dat kan niet.{{/if}}\n",
        ),
        (
            "a.j2",
            "Beste {{ indien }},\n\n{% if x %}Indien u wilt, bel ons.{% else %}Dat kan niet.{% endif %}\n",
        ),
        (
            "a.ftl",
            "Beste ${indien},\n\n<#if x>Indien u wilt, bel ons.<#else>Dat kan niet.</#if>\n",
        ),
        (
            "a.txt",
            "Beste [INDIEN NIET] <<INDIEN>> {NIET} %(niet)s %s,\n\nIndien u wilt, bel ons. Dat kan niet.\n",
        ),
    ] {
        let v = check(&["--stdin-filename", name, "-"], Some(text.into()));
        let got: Vec<(String, String)> = rule_texts(&v);
        assert_eq!(
            got,
            [
                ("ambtelijk-woord".to_owned(), "Indien".to_owned()),
                ("ontkenning".to_owned(), "niet".to_owned())
            ],
            "{name}"
        );
        for f in findings(&v) {
            let (s, e) = span(f);
            assert_eq!(&text[s..e], f["text"].as_str().unwrap());
        }
    }
}

#[test]
fn folders_pick_up_every_format() {
    let out = helder()
        .args(["check", "--isolated", "--format", "json", CORPUS])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: std::collections::BTreeSet<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .extension()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for ext in ["txt", "md", "html", "eml", "docx", "hbs"] {
        assert!(paths.contains(ext), "{ext} in {paths:?}");
    }
}

#[test]
fn a_zip_bomb_docx_is_refused_in_dutch_with_exit_2() {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..10_001 {
        w.start_file(format!("x/{i}"), o).unwrap();
    }
    w.start_file("word/document.xml", o).unwrap();
    w.write_all(b"<w:document/>").unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bom.docx");
    fs::write(&p, bytes).unwrap();
    helder()
        .args(["check", "--isolated"])
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("geweigerd"))
        .stderr(predicates::str::contains("zip-bom"));
    let q = dir.path().join("kapot.docx");
    fs::write(&q, b"PK\x03\x04 dit is geen zip").unwrap();
    helder()
        .args(["check", "--isolated"])
        .arg(&q)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("geen geldig .docx-bestand"));
}

#[test]
fn mangled_inputs_never_panic() {
    // Truncated and byte-flipped versions of every corpus file, through reading, rules
    // and both renderers: errors are fine, panics are not.
    let rules = helder::default_rules();
    let mut seed: u64 = std::env::var("HELDER_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for entry in fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let format = helder::input::Format::from_path(&path).unwrap();
        let original = fs::read(&path).unwrap();
        // HELDER_FUZZ_ROUNDS=5000 for a longer local run.
        let rounds = std::env::var("HELDER_FUZZ_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(120);
        for round in 0..rounds {
            let mut bytes = original.clone();
            if round % 2 == 0 {
                bytes.truncate(next() % (bytes.len() + 1));
            } else {
                for _ in 0..1 + next() % 8 {
                    let i = next() % bytes.len();
                    bytes[i] = next() as u8;
                }
            }
            let Ok(loaded) = helder::input::load(&bytes, format) else {
                continue;
            };
            let report = helder::report::analyze("x", loaded, format, &rules);
            let mut out = Vec::new();
            helder::render::terminal::render_check(&mut out, std::slice::from_ref(&report))
                .unwrap();
            helder::render::json::render(&mut out, std::slice::from_ref(&report), true).unwrap();
        }
    }
}
