//! Serde types of the rule files (`rules/*.yaml`) and of a project's `helder.yaml`.

use crate::finding::{Safety, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rule instance: an id, a kind (a Rust rule type) and its settings.
#[derive(Clone, Debug, Deserialize, Serialize)]
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
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
    #[serde(default)]
    pub fixed: Option<String>,
}

/// A project's configuration (`helder.yaml`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// Per-rule settings by id: on/off, severity, params.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Extra rule instances of the existing kinds.
    #[serde(default)]
    pub extra_rules: Vec<RuleDef>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub params: Option<serde_yaml::Mapping>,
}
