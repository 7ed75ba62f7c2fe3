//! Rule documentation generated from the rule definitions: `helder explain <id>`,
//! `helder rules` and `helder rules --markdown` (docs/regels.md, checked by a test).

use crate::rules::{ListInfo, Rule, RuleSet};
use std::fmt::Write;

/// "1.066 woorden en woordgroepen uit wordlists/ambtelijk.tsv (per sector: …)".
fn list_line(l: &ListInfo) -> String {
    let mut s = format!("{} {} uit {}", thousands(l.entries), l.what, l.file);
    if let Some(d) = &l.detail {
        let _ = write!(s, " ({d})");
    }
    s
}

/// Dutch thousands separator: 80000 → "80.000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

pub fn explain(rule: &dyn Rule) -> String {
    let d = &rule.meta().def;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", d.id, d.title);
    let _ = writeln!(
        s,
        "niveau: {} · soort: {}{}\n",
        d.severity.label(),
        d.kind,
        match d.fix {
            Some(crate::finding::Safety::Safe) => " · herstelbaar met `helder fix`",
            _ => "",
        }
    );
    let _ = writeln!(s, "{}", d.explanation.trim_end());
    if let Some(l) = rule.list() {
        let _ = writeln!(s, "\nLijst: {}.", list_line(&l));
    }
    if !d.examples.is_empty() {
        let _ = writeln!(s, "\nVoorbeelden:");
        for e in &d.examples {
            if let Some(b) = &e.bad {
                let _ = writeln!(s, "  ✗ {b}");
            }
            if let Some(f) = &e.fixed {
                let _ = writeln!(s, "    → {f}");
            }
            if let Some(g) = &e.good {
                let _ = writeln!(s, "  ✓ {g}");
            }
        }
    }
    if !d.sources.is_empty() {
        let _ = writeln!(s, "\nBronnen: {}", d.sources.join("; "));
    }
    s
}

pub fn list(rules: &RuleSet) -> String {
    let mut s = String::new();
    for r in rules.rules() {
        let d = &r.meta().def;
        let _ = writeln!(s, "{:<22} {:<13} {}", d.id, d.severity.label(), d.title);
    }
    s
}

pub fn markdown(rules: &RuleSet) -> String {
    let mut s = String::from(
        "# Regels van helder\n\n\
         Dit bestand is gemaakt met `helder rules --markdown`; pas de regels aan in `rules/*.yaml`.\n\n\
         | regel | niveau | wat |\n|---|---|---|\n",
    );
    for r in rules.rules() {
        let d = &r.meta().def;
        let _ = writeln!(
            s,
            "| [`{}`](#{}) | {} | {} |",
            d.id,
            d.id,
            d.severity.label(),
            d.title
        );
    }
    for r in rules.rules() {
        let d = &r.meta().def;
        let _ = writeln!(s, "\n## {}\n", d.id);
        let _ = writeln!(
            s,
            "**{}** · niveau: {} · soort: `{}`\n",
            d.title,
            d.severity.label(),
            d.kind
        );
        let _ = writeln!(s, "{}\n", d.explanation.trim_end());
        if let Some(l) = r.list() {
            let _ = writeln!(s, "Lijst: {}.\n", list_line(&l));
        }
        for e in &d.examples {
            if let Some(b) = &e.bad {
                let _ = writeln!(s, "- ✗ {b}");
            }
            if let Some(f) = &e.fixed {
                let _ = writeln!(s, "  - → {f}");
            }
            if let Some(g) = &e.good {
                let _ = writeln!(s, "- ✓ {g}");
            }
        }
        if !d.sources.is_empty() {
            let _ = writeln!(s, "\nBronnen: {}", d.sources.join("; "));
        }
    }
    s
}
