//! `suppression`: a rule kind without a check of its own. Its instance
//! (`ongebruikte-uitzondering`) gives the findings of [`crate::suppress`] an id, a
//! severity, docs and examples like every other rule.

use super::{Rule, RuleMeta, params};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::rules::negation::NoParams;
use crate::text::Document;

pub struct Suppression {
    meta: RuleMeta,
}

impl Suppression {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let _: NoParams = params(def)?;
        Ok(Suppression {
            meta: RuleMeta::new(def),
        })
    }
}

impl Rule for Suppression {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, _doc: &Document, _out: &mut Vec<Finding>) {}
}
