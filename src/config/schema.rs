//! Serde types of the rule files (`rules/*.yaml`) and of a project's `helder.yaml`.

use crate::finding::{Safety, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rule instance: an id, a kind (a Rust rule type) and its settings.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    /// Short Dutch title for lists and SARIF.
    pub title: String,
    pub message: String,
    /// A concrete hint with an example, shown when a finding has no exact rewrite.
    #[serde(default)]
    pub hint: Option<String>,
    pub explanation: String,
    #[serde(default)]
    pub fix: Option<Safety>,
    #[serde(default)]
    #[schemars(with = "serde_json::Value")]
    pub params: serde_yaml::Value,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Rules whose findings this rule replaces where both flag the same words
    /// (`dubbele-ontkenning` supersedes `ontkenning`).
    #[serde(default)]
    pub supersedes: Vec<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// An executed example: `bad` must be flagged by this rule (and, with `fixed`, the safe
/// fix must give exactly that text); `good` must not be flagged.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
    #[serde(default)]
    pub fixed: Option<String>,
}

/// A project's configuration (`helder.yaml` or `.helder.yaml`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// Per rule (by id): on/off, severity and params. Thresholds are params, e.g.
    /// `lange-zin: { params: { max_words: 15 } }`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Extra rule instances of the existing kinds (own word lists, house style).
    #[serde(default)]
    pub extra_rules: Vec<RuleDef>,
    /// Words and phrases no rule ever flags (case-insensitive): names of products,
    /// terms the organisation must use.
    #[serde(default)]
    pub allow: Vec<String>,
    /// When walking folders: only files matching these globs (default: all known formats).
    #[serde(default)]
    pub include: Vec<String>,
    /// When walking folders: skip files matching these globs.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Input format per glob, e.g. `"*.tpl": text`.
    #[serde(default)]
    pub formats: BTreeMap<String, crate::input::Format>,
    /// Extra template placeholder patterns (regular expressions), masked like `{{naam}}`.
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Files larger than this are skipped with a message (default 32M; 0 is no limit).
    /// `--max-file-size` overrides it.
    #[serde(default)]
    pub max_file_size: Option<crate::input::limit::ByteSize>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// `false` switches the rule off.
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Params of the rule's kind; merged over the defaults (see `helder explain <id>`).
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub params: Option<serde_yaml::Mapping>,
}
