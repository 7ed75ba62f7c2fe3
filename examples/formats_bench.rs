//! Throughput per input format, on a corpus generated in memory from
//! tests/corpus/formats/ (nothing is written to disk).
//!
//!     cargo run --release --example formats_bench [-- SECONDS]
//!
//! Two shapes per format: many letters (the letter as is, checked over and over: the
//! per-file cost) and one big document (the letter's body repeated to about 2 MB: catches
//! anything worse than linear). For each: MB/s of input bytes for reading alone
//! (`input::load`: decode, parse, map, mask) and for a full check (reading, document model,
//! all rules, locating every finding).

use helder::input::{self, Format};
use helder::report::analyze;
use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/formats");
const BIG: usize = 2 << 20;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{CORPUS}/{name}")).expect("corpus file")
}

/// Repeat the middle of a document (between `head` and `tail`) until it is ~BIG bytes.
fn grow(doc: &str, head_end: &str, tail_start: &str) -> Vec<u8> {
    let a = doc.find(head_end).expect("head") + head_end.len();
    let z = a + doc[a..].find(tail_start).expect("tail");
    let (head, body, tail) = (&doc[..a], &doc[a..z], &doc[z..]);
    let mut out = String::with_capacity(BIG + doc.len());
    out.push_str(head);
    while out.len() < BIG {
        out.push_str(body);
    }
    out.push_str(tail);
    out.into_bytes()
}

fn big_docx() -> Vec<u8> {
    let letter = String::from_utf8(read("brief.txt")).unwrap();
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    while xml.len() < BIG {
        for line in letter.lines() {
            xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
            xml.push_str(line);
            xml.push_str("</w:t></w:r></w:p>");
        }
    }
    xml.push_str("</w:body></w:document>");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(xml.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// Runs of `f` for at least `budget`; returns MB/s over `bytes` per run.
fn rate(bytes: usize, budget: Duration, mut f: impl FnMut()) -> f64 {
    f(); // warm up
    let start = Instant::now();
    let mut runs = 0u64;
    while start.elapsed() < budget || runs < 3 {
        f();
        runs += 1;
    }
    (bytes as f64 * runs as f64) / start.elapsed().as_secs_f64() / 1e6
}

fn main() {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let budget = Duration::from_secs_f64(secs);
    let rules = helder::default_rules();
    let s = |name: &str| String::from_utf8(read(name)).unwrap();
    let cases: Vec<(&str, Format, Vec<u8>, Vec<u8>)> = vec![
        (
            "txt",
            Format::Text,
            read("brief.txt"),
            grow(&s("brief.txt"), "Jansen,\n", "Met vriendelijke"),
        ),
        (
            "md",
            Format::Markdown,
            read("brief.md"),
            grow(&s("brief.md"), "Jansen,\n", "Met vriendelijke"),
        ),
        (
            "html",
            Format::Html,
            read("brief.html"),
            grow(&s("brief.html"), "Jansen,</p>\n", "<p>Met vriendelijke"),
        ),
        (
            "eml (8bit)",
            Format::Eml,
            read("brief.eml"),
            grow(&s("brief.eml"), "Jansen,\r\n", "Met vriendelijke"),
        ),
        (
            "eml (QP-HTML)",
            Format::Eml,
            read("brief-html-qp.eml"),
            grow(
                &s("brief-html-qp.eml"),
                "Jansen,</p>\r\n",
                "<p>Met vriendelijke",
            ),
        ),
        ("docx (zip)", Format::Docx, read("brief.docx"), big_docx()),
        (
            "hbs",
            Format::Template,
            read("brief.hbs"),
            grow(&s("brief.hbs"), "{{achternaam}},\n", "Met vriendelijke"),
        ),
    ];
    println!(
        "{:<15} {:>9} {:>11} {:>11} | {:>10} {:>11} {:>11}",
        "formaat", "brief", "lezen MB/s", "check MB/s", "groot", "lezen MB/s", "check MB/s"
    );
    for (name, format, small, big) in &cases {
        // For .docx also per byte of word/document.xml (what is actually parsed).
        let unpacked = |b: &[u8]| -> usize {
            if *format != Format::Docx {
                return b.len();
            }
            let mut z = zip::ZipArchive::new(Cursor::new(b)).unwrap();
            z.by_name("word/document.xml").unwrap().size() as usize
        };
        let (xs, xb) = (unpacked(small), unpacked(big));
        let load = |b: &[u8]| input::load(b, *format).expect("readable");
        let r_small = rate(small.len(), budget, || {
            std::hint::black_box(load(small));
        });
        let c_small = rate(small.len(), budget, || {
            std::hint::black_box(analyze("x", load(small), *format, &rules));
        });
        let r_big = rate(big.len(), budget, || {
            std::hint::black_box(load(big));
        });
        let c_big = rate(big.len(), budget, || {
            std::hint::black_box(analyze("x", load(big), *format, &rules));
        });
        println!(
            "{:<15} {:>7} B {:>11.1} {:>11.1} | {:>7} kB {:>11.1} {:>11.1}",
            name,
            small.len(),
            r_small,
            c_small,
            big.len() / 1000,
            r_big,
            c_big
        );
        if *format == Format::Docx {
            let f = |r: f64, n: usize, x: usize| r * x as f64 / n as f64;
            println!(
                "{:<15} {:>7} B {:>11.1} {:>11.1} | {:>7} kB {:>11.1} {:>11.1}",
                "docx (XML)",
                xs,
                f(r_small, small.len(), xs),
                f(c_small, small.len(), xs),
                xb / 1000,
                f(r_big, big.len(), xb),
                f(c_big, big.len(), xb)
            );
        }
    }
}
