//! Configuration: the embedded default rules, a project's `helder.yaml`, and the rule set
//! they make together.

pub mod embedded;
pub mod schema;

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
        return match guess {
            Some(g) => format!("onbekende sleutel '{field}'; bedoelde u '{g}'?"),
            None => format!("onbekende sleutel '{field}' (toegestaan: {expected})"),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return format!(
            "verplichte sleutel '{}' ontbreekt",
            rest.trim_end_matches('`')
        );
    }
    format!("ongeldige YAML: {msg}")
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

/// The default rule definitions, from the embedded `rules/*.yaml`.
pub fn default_defs() -> Result<Vec<RuleDef>, ConfigError> {
    let mut defs = Vec::new();
    for (name, text) in embedded::RULE_FILES {
        let file: Vec<RuleDef> =
            serde_yaml::from_str(text).map_err(|e| yaml_error(&format!("rules/{name}"), &e))?;
        defs.extend(file);
    }
    Ok(defs)
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
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(&format!("{id}:")))
                .map(|i| i + 1);
            let column = line
                .and_then(|l| text.lines().nth(l - 1))
                .map(|l| l.len() - l.trim_start().len() + 1);
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
    let mut rules = Vec::new();
    for def in defs.iter().filter(|d| d.enabled) {
        rules.push(registry::build(def).map_err(|message| ConfigError {
            file: file.clone(),
            line: None,
            column: None,
            message,
        })?);
    }
    Ok(RuleSet::new(rules))
}
