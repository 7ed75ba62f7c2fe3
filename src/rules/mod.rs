//! The rule engine. Rules are data (`rules/*.yaml`): each entry is an instance of one of
//! a small closed set of rule *kinds*, one Rust file per kind. Everything expensive
//! (automata, regexes) is built when the rule set is loaded, once per process.

pub mod negation;
pub mod passive;
pub mod registry;
pub mod sentence_length;
pub mod suppression;
pub mod word_list;

use crate::config::schema::RuleDef;
use crate::finding::{Finding, Severity, Suggestion};
use crate::text::{Document, Span};

/// What every rule instance knows about itself.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub severity: Severity,
    pub def: RuleDef,
}

impl RuleMeta {
    pub fn new(def: &RuleDef) -> RuleMeta {
        RuleMeta {
            // Rule ids live as long as the process; leaking them lets findings carry a
            // `&'static str` instead of a String each.
            id: Box::leak(def.id.clone().into_boxed_str()),
            severity: def.severity,
            def: def.clone(),
        }
    }

    /// A finding of this rule.
    pub fn finding(&self, span: Span, message: String) -> Finding {
        Finding {
            rule: self.id,
            severity: self.severity,
            span,
            message,
            hint: self.def.hint.clone(),
            suggestions: Vec::new(),
        }
    }

    pub fn message(&self, vars: &[(&str, &str)]) -> String {
        crate::finding::fill(&self.def.message, vars)
    }

    /// The fix safety the rule file declares for its suggestions.
    pub fn safety(&self) -> crate::finding::Safety {
        self.def.fix.unwrap_or_default()
    }

    pub fn suggestion(&self, span: Span, replacement: String) -> Suggestion {
        Suggestion {
            span,
            replacement,
            safety: self.safety(),
        }
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);
}

/// Parse a kind's typed params (`deny_unknown_fields` on the kind's struct).
pub fn params<T: serde::de::DeserializeOwned + Default>(def: &RuleDef) -> Result<T, String> {
    if def.params.is_null() {
        return Ok(T::default());
    }
    serde_yaml::from_value(def.params.clone()).map_err(|e| {
        let msg = e.to_string();
        let msg = crate::config::translate_serde(&msg).unwrap_or(msg);
        format!("regel '{}': ongeldige params: {msg}", def.id)
    })
}

/// The loaded rules, ready to run.
pub struct RuleSet {
    rules: Vec<Box<dyn Rule>>,
}

impl RuleSet {
    pub fn new(rules: Vec<Box<dyn Rule>>) -> RuleSet {
        RuleSet { rules }
    }

    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    pub fn get(&self, id: &str) -> Option<&dyn Rule> {
        self.rules().find(|r| r.meta().id == id)
    }

    /// Remove findings of a rule another rule supersedes on overlapping words.
    fn drop_superseded(&self, out: &mut Vec<Finding>) {
        let pairs: Vec<(&str, &str)> = self
            .rules()
            .flat_map(|r| {
                let by = r.meta().id;
                r.meta()
                    .def
                    .supersedes
                    .iter()
                    .map(move |s| (by, s.as_str()))
            })
            .collect();
        if pairs.is_empty() {
            return;
        }
        // Spans per superseding rule, sorted, so each lookup is a binary search
        // (a long text can have thousands of findings).
        let mut spans: Vec<(&str, Vec<Span>)> = Vec::new();
        for (by, _) in &pairs {
            if !spans.iter().any(|(r, _)| r == by) {
                let mut v: Vec<Span> = out
                    .iter()
                    .filter(|g| g.rule == *by)
                    .map(|g| g.span)
                    .collect();
                v.sort();
                spans.push((by, v));
            }
        }
        let superseded: Vec<bool> = out
            .iter()
            .map(|f| {
                pairs.iter().filter(|(_, v)| *v == f.rule).any(|(by, _)| {
                    let v = &spans.iter().find(|(r, _)| r == by).expect("collected").1;
                    let i = v.partition_point(|s| s.start < f.span.end);
                    v[..i].iter().rev().take(4).any(|s| s.overlaps(f.span))
                })
            })
            .collect();
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !superseded[i - 1]
        });
    }

    /// The sentence length above which a sentence counts as long (the `lange-zin`
    /// rule's `max_words`), for the score.
    pub fn long_sentence_threshold(&self) -> usize {
        self.get("lange-zin")
            .and_then(|r| r.meta().def.params.get("max_words"))
            .and_then(serde_yaml::Value::as_u64)
            .map_or(20, |n| n as usize)
    }

    /// Run every rule on a document; findings sorted by place, then rule id.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        for rule in &self.rules {
            let from = out.len();
            rule.check(doc, &mut out);
            // The rule's general hint is for findings without a concrete rewrite.
            let general = &rule.meta().def.hint;
            for f in &mut out[from..] {
                if !f.suggestions.is_empty() && &f.hint == general {
                    f.hint = None;
                }
            }
        }
        self.drop_superseded(&mut out);
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out
    }
}
