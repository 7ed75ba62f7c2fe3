//! `--format sarif`: SARIF 2.1.0 for code scanning, with rule metadata (id, short
//! description, help) and fixes. Hand-written serde structs (as ruff does): the subset of
//! the format helder fills, validated against the official schema in CI.

use crate::finding::{Safety, Severity};
use crate::report::{FileReport, Location};
use crate::rules::RuleSet;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: Vec<SarifLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Text<'a>,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(l: &Location) -> Region {
    Region {
        start_line: l.line,
        start_column: l.column,
        end_line: l.end_line,
        end_column: l.end_column,
        byte_offset: l.start,
        byte_length: l.end - l.start,
    }
}

/// A relative URI reference for a path: forward slashes, spaces and other unsafe bytes
/// percent-encoded.
fn uri(path: &str) -> std::borrow::Cow<'_, str> {
    let path = path.strip_prefix("./").unwrap_or(path);
    if path == "-" {
        return "stdin".into();
    }
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.into()
}

/// Streams a SARIF log: the tool and rule metadata first, then each result as its
/// file is done, so memory does not grow with the number of findings.
pub struct SarifWriter {
    rule_ids: Vec<&'static str>,
    first: bool,
}

impl SarifWriter {
    pub fn begin(w: &mut dyn Write, rules: &RuleSet) -> io::Result<SarifWriter> {
        let metas: Vec<_> = rules.rules().map(|r| r.meta()).collect();
        let driver_rules: Vec<Rule> = metas
            .iter()
            .map(|m| Rule {
                id: m.id,
                short_description: Text { text: &m.def.title },
                full_description: Text {
                    text: &m.def.explanation,
                },
                help: Help {
                    text: &m.def.explanation,
                    markdown: format!(
                        "**{}**\n\n{}\n\nMeer: `helder explain {}`",
                        m.def.title, m.def.explanation, m.id
                    ),
                },
                default_configuration: Configuration {
                    level: level(m.severity),
                },
            })
            .collect();
        let log = Log {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "helder",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: "https://github.com/helder-nl/helder",
                        rules: driver_rules,
                    },
                },
                column_kind: "unicodeCodePoints",
                results: Vec::new(),
            }],
        };
        // Serialise with an empty result list, then open that list for streaming.
        let text = serde_json::to_string_pretty(&log)?;
        let open = text
            .rfind("\"results\": []")
            .expect("the results key is serialised");
        write!(w, "{}\"results\": [", &text[..open])?;
        Ok(SarifWriter {
            rule_ids: metas.iter().map(|m| m.id).collect(),
            first: true,
        })
    }

    pub fn add(&mut self, w: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        for f in &r.findings {
            let artifact = || ArtifactLocation { uri: uri(&r.path) };
            let fixes = f
                .suggestions
                .iter()
                .filter(|s| s.exact)
                .map(|s| Fix {
                    description: Text {
                        text: match s.safety {
                            Safety::Safe => "veilige herschrijving",
                            Safety::Unsafe => "voorstel",
                        },
                    },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: artifact(),
                        replacements: vec![Replacement {
                            deleted_region: region(&s.location),
                            inserted_content: Text {
                                text: &s.replacement,
                            },
                        }],
                    }],
                })
                .collect();
            let result = SarifResult {
                rule_id: f.rule,
                rule_index: self
                    .rule_ids
                    .iter()
                    .position(|id| *id == f.rule)
                    .unwrap_or(0),
                level: level(f.severity),
                message: Text { text: &f.message },
                locations: vec![SarifLocation {
                    physical_location: PhysicalLocation {
                        artifact_location: artifact(),
                        region: region(&f.location),
                    },
                }],
                fixes,
            };
            w.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            let text = serde_json::to_string_pretty(&result)?.replace('\n', "\n        ");
            write!(w, "        {text}")?;
        }
        Ok(())
    }

    pub fn finish(self, w: &mut dyn Write) -> io::Result<()> {
        let close = if self.first { "" } else { "\n      " };
        writeln!(w, "{close}]\n    }}\n  ]\n}}")
    }
}

/// The whole log for reports already in memory.
pub fn render(w: &mut dyn Write, reports: &[FileReport], rules: &RuleSet) -> io::Result<()> {
    let mut s = SarifWriter::begin(w, rules)?;
    for r in reports {
        s.add(w, r)?;
    }
    s.finish(w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_relative_references() {
        assert_eq!(
            super::uri("./brieven/mijn brief.txt"),
            "brieven/mijn%20brief.txt"
        );
        assert_eq!(super::uri("-"), "stdin");
    }
}
