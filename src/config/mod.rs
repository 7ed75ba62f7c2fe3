//! Configuration: the embedded default rules, a project's `helder.yaml`, and the rule set
//! they make together.

pub mod embedded;
pub mod schema;
pub mod tsv;

use crate::rules::{RuleSet, registry};
use schema::{ProjectConfig, RuleDef};
use std::fmt;
use std::path::{Path, PathBuf};

/// The commented starter file `helder init` writes.
pub const STARTER: &str = include_str!("starter.yaml");

/// A configuration problem, with the file and (when known) line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

fn yaml_error(file: &str, e: &serde_yaml::Error) -> ConfigError {
    let loc = e.location();
    ConfigError {
        file: file.to_owned(),
        line: loc.as_ref().map(|l| l.line()),
        column: loc.as_ref().map(|l| l.column()),
        message: translate_yaml_error(&e.to_string()),
    }
}

/// serde's messages are English; give the common ones in Dutch.
fn translate_yaml_error(msg: &str) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(t) = translate_serde(msg) {
        return t;
    }
    // The YAML scanner's common complaints; the original stays in brackets.
    const SYNTAX: &[(&str, &str)] = &[
        (
            "found character that cannot start any token",
            "een teken waarmee niets kan beginnen (een tab? YAML wil spaties)",
        ),
        (
            "did not find expected ',' or '}'",
            "een '}' of ',' ontbreekt",
        ),
        (
            "did not find expected ',' or ']'",
            "een ']' of ',' ontbreekt",
        ),
        (
            "mapping values are not allowed in this context",
            "een ':' op een plek waar die niet mag (zet de waarde tussen aanhalingstekens)",
        ),
        (
            "did not find expected key",
            "verkeerd ingesprongen: hier hoort een sleutel",
        ),
        (
            "found unexpected end of stream",
            "het bestand houdt onverwacht op (een aanhalingsteken of haakje niet gesloten?)",
        ),
    ];
    match SYNTAX.iter().find(|(en, _)| msg.contains(en)) {
        Some((_, nl)) => format!("ongeldige YAML: {nl} ({msg})"),
        None => format!("ongeldige YAML: {msg}"),
    }
}

/// The common serde messages (unknown or missing key, wrong type) in Dutch; `None` for
/// the others. Also used for the params of rules.
pub fn translate_serde(msg: &str) -> Option<String> {
    let (path, msg) = match msg.split_once(": ") {
        // "rules.lange-zin: invalid type …": keep the path in front.
        Some((p, rest)) if !p.contains(' ') => (format!("{p}: "), rest),
        _ => (String::new(), msg),
    };
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if msg.starts_with('\'') && msg.contains(" geen ") {
        // Already Dutch (a size such as max_file_size).
        return Some(format!("{path}{msg}"));
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected ")
            .trim_start_matches("one of ")
            .replace('`', "'");
        let guess = expected
            .split(", ")
            .map(|s| s.trim_matches('\''))
            .min_by_key(|c| edit_distance(c, field))
            .filter(|c| edit_distance(c, field) <= 3);
        return Some(match guess {
            Some(g) => format!("{path}onbekende sleutel '{field}'; bedoelde u '{g}'?"),
            None => format!("{path}onbekende sleutel '{field}' (toegestaan: {expected})"),
        });
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return Some(format!(
            "{path}verplichte sleutel '{}' ontbreekt",
            rest.trim_end_matches('`')
        ));
    }
    for (en, nl) in [
        ("invalid type: ", "verkeerd soort waarde: "),
        ("invalid value: ", "ongeldige waarde: "),
    ] {
        if let Some(rest) = msg.strip_prefix(en) {
            let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let got = got
                .replace("string ", "tekst ")
                .replace("sequence", "lijst")
                .replace("map", "sleutels met waarden")
                .replace("integer ", "getal ")
                .replace("floating point ", "getal ")
                .replace("boolean ", "ja/nee-waarde ");
            let expected = match expected {
                "usize" | "u64" | "u32" | "u8" => "een geheel getal (0 of meer)".to_owned(),
                "a boolean" => "true of false".to_owned(),
                "a string" => "tekst".to_owned(),
                "a sequence" => "een lijst".to_owned(),
                e if e.starts_with("struct ") || e == "a map" => "sleutels met waarden".to_owned(),
                e => e.replace('`', "'"),
            };
            return Some(format!("{path}{nl}{got}, verwacht {expected}"));
        }
    }
    None
}

/// Levenshtein distance, for "bedoelde u …?" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The default rule definitions: `rules/*.yaml`, embedded as JSON by build.rs.
pub fn default_defs() -> Result<Vec<RuleDef>, ConfigError> {
    serde_json::from_str(embedded::RULES_JSON).map_err(|e| ConfigError {
        file: "rules/*.yaml".to_owned(),
        line: Some(e.line()),
        column: Some(e.column()),
        message: e.to_string(),
    })
}

/// Find `helder.yaml` or `.helder.yaml` from `start` upward, stopping at a repository root.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        for name in ["helder.yaml", ".helder.yaml"] {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

pub fn load_project(path: &Path) -> Result<ProjectConfig, ConfigError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: file.clone(),
        line: None,
        column: None,
        message: format!("kan het bestand niet lezen: {e}"),
    })?;
    if text.trim().is_empty() {
        return Ok(ProjectConfig::default());
    }
    let cfg: ProjectConfig = serde_yaml::from_str(&text).map_err(|e| yaml_error(&file, &e))?;
    // Point unknown rule ids at their line.
    let defs = default_defs()?;
    for id in cfg.rules.keys() {
        if !defs.iter().any(|d| &d.id == id) && !cfg.extra_rules.iter().any(|d| &d.id == id) {
            let (line, column) = locate_in(&text, &[&format!("{id}:")]);
            let guess = defs
                .iter()
                .map(|d| d.id.as_str())
                .min_by_key(|d| edit_distance(d, id))
                .filter(|d| edit_distance(d, id) <= 3);
            return Err(ConfigError {
                file,
                line,
                column,
                message: match guess {
                    Some(g) => format!("onbekende regel '{id}'; bedoelde u '{g}'?"),
                    None => format!("onbekende regel '{id}' (zie `helder rules`)"),
                },
            });
        }
    }
    Ok(cfg)
}

/// Line and column (1-based, in characters) of the first of `needles` found in `text`
/// at the start of a YAML key or value (not inside another word), trying them in order:
/// where a configuration error points.
pub fn locate_in(text: &str, needles: &[&str]) -> (Option<usize>, Option<usize>) {
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        for (i, line) in text.lines().enumerate() {
            let found = line.match_indices(needle).map(|(at, _)| at).find(|&at| {
                line[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, ' ' | '\t' | '-' | '{' | '[' | ',' | '"' | '\''))
            });
            if let Some(at) = found {
                return (Some(i + 1), Some(line[..at].chars().count() + 1));
            }
        }
    }
    (None, None)
}

/// As [`locate_in`], reading the configuration file (only on the error path).
pub fn locate(path: &Path, needles: &[&str]) -> (Option<usize>, Option<usize>) {
    std::fs::read_to_string(path).map_or((None, None), |text| locate_in(&text, needles))
}

/// Build the rule set from the defaults plus an optional project configuration.
pub fn rule_set(project: Option<(&Path, &ProjectConfig)>) -> Result<RuleSet, ConfigError> {
    let mut defs = default_defs()?;
    let file = project
        .map(|(p, _)| p.display().to_string())
        .unwrap_or_else(|| "(ingebouwde regels)".to_owned());
    if let Some((_, cfg)) = project {
        defs.extend(cfg.extra_rules.iter().cloned());
        for def in &mut defs {
            let Some(o) = cfg.rules.get(&def.id) else {
                continue;
            };
            if let Some(e) = o.enabled {
                def.enabled = e;
            }
            if let Some(s) = o.severity {
                def.severity = s;
            }
            if let Some(p) = &o.params {
                let mut merged = def.params.as_mapping().cloned().unwrap_or_default();
                for (k, v) in p {
                    merged.insert(k.clone(), v.clone());
                }
                def.params = serde_yaml::Value::Mapping(merged);
            }
        }
    }
    // Building the word indexes and regexes is most of the start-up time: build the
    // rules on all threads. The first error in file order is the one reported.
    let enabled: Vec<&RuleDef> = defs.iter().filter(|d| d.enabled).collect();
    let built: Vec<Result<Box<dyn crate::rules::Rule>, String>> = {
        use rayon::prelude::*;
        enabled.par_iter().map(|def| registry::build(def)).collect()
    };
    let mut rules = Vec::new();
    for (def, result) in enabled.into_iter().zip(built) {
        rules.push(result.map_err(|message| {
            // An extra rule or an override in the project file: point at its id.
            let (line, column) = match project {
                Some((path, _)) => {
                    locate(path, &[&format!("id: {}", def.id), &format!("{}:", def.id)])
                }
                None => (None, None),
            };
            ConfigError {
                file: file.clone(),
                line,
                column,
                message,
            }
        })?);
    }
    Ok(RuleSet::new(rules))
}
