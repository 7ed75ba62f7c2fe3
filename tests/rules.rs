//! Runs every example of every embedded rule: `bad` must be flagged by that rule,
//! `good` must not be, and `fixed` must be exactly the result of the safe fix.
//! A rule without examples fails.

use helder::{check_str, default_rules, fix_str};

#[test]
fn every_rule_has_flag_and_allow_examples() {
    let rules = default_rules();
    for r in rules.rules() {
        let d = &r.meta().def;
        assert!(
            d.examples.iter().any(|e| e.bad.is_some()),
            "{}: geen voorbeeld om te melden",
            d.id
        );
        assert!(
            d.examples.iter().any(|e| e.good.is_some()),
            "{}: geen voorbeeld om met rust te laten",
            d.id
        );
    }
}

#[test]
fn every_example_holds() {
    let rules = default_rules();
    let mut failures = Vec::new();
    for r in rules.rules() {
        let id = r.meta().id;
        for e in &r.meta().def.examples {
            if let Some(bad) = &e.bad {
                if !check_str(bad, &rules).iter().any(|f| f.rule == id) {
                    failures.push(format!("{id}: niet gemeld: {bad}"));
                }
                if let Some(fixed) = &e.fixed {
                    let got = fix_str(bad, &rules, false);
                    if &got != fixed {
                        failures.push(format!("{id}: fix gaf {got:?}, verwacht {fixed:?}"));
                    }
                }
            }
            if let Some(good) = &e.good {
                let hits: Vec<_> = check_str(good, &rules)
                    .into_iter()
                    .filter(|f| f.rule == id)
                    .map(|f| good[f.span.start..f.span.end].to_owned())
                    .collect();
                if !hits.is_empty() {
                    failures.push(format!("{id}: onterecht gemeld {hits:?} in: {good}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
