//! `pyramid`: the main message first (B1-GUIDE §1.2 "Structure: main message first",
//! [S55] piramideprincipe, [S15], [S21]). Three checks, one rule instance each:
//!
//! - `kern`: the first body paragraph does not carry the main message. It opens with a
//!   context formula ("Naar aanleiding van …", "Op 3 maart ontvingen wij …") and holds no
//!   decision or action; or the main message (decision, action, change) first appears in
//!   the second half of the body. The finding quotes the sentence that looks like the
//!   main message and says in which paragraph it stands.
//! - `opening_length`: the first body paragraph is long (words, sentences).
//! - `subject`: the subject line says nothing ("Uw brief", "Informatie", "Betreft: uw
//!   kenmerk 12345").
//!
//! Cues are lexical (no parser): decision verbs ("besloten", "toegekend", "wijzen … af"),
//! the reader's action ("u moet", an imperative first in the sentence, a deadline "vóór
//! 15 april"), changes with a date ("vanaf 1 juli", "gaat omhoog"), appointments (date
//! and time). Boilerplate (objection procedure, "Heeft u vragen?", what happens if the
//! reader does nothing) does not count as the main message.

use super::cue_patterns::{self, formula_source};
use super::prebuilt::{CueMatcher, Matcher};
use super::{Rule, RuleMeta, params};
use crate::config::embedded::{tsv_rows, wordlist};
use crate::config::schema::RuleDef;
use crate::finding::Finding;
use crate::text::word_set::WordSet;
use crate::text::{Document, Letter, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_automata::Input;
use serde::Deserialize;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    #[default]
    Kern,
    OpeningLength,
    Subject,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    pub check: Check,
    /// Run only on texts recognised as a letter; `false`: treat any text as the body.
    pub require_letter: bool,
    /// `kern`: the word list of context formulas.
    pub formulas: String,
    /// `kern`: the main message counts as buried from this share of the body on.
    pub position: f64,
    /// `opening_length`: most words in the first paragraph.
    pub max_words: usize,
    /// `opening_length`: most sentences in the first paragraph (counted only when the
    /// paragraph also has more than `max_words_many_sentences` words).
    pub max_sentences: usize,
    pub max_words_many_sentences: usize,
    /// `subject`: extra words that say nothing in a subject line.
    pub vague_words: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            check: Check::Kern,
            require_letter: true,
            formulas: "contextformules".to_owned(),
            position: 0.5,
            max_words: 50,
            max_sentences: 3,
            max_words_many_sentences: 45,
            vague_words: Vec::new(),
        }
    }
}

/// A context formula: its matcher (anchored at the start of the sentence) is made the
/// first time a first sentence contains its gate text.
struct Formula {
    /// The regex source ([`formula_source`]).
    source: String,
    gate: Option<&'static [&'static [u8]]>,
    re: OnceLock<Matcher>,
}

impl Formula {
    fn find(&self, text: &[u8]) -> Option<Range<usize>> {
        if let Some(gate) = self.gate
            && !gate.iter().any(|g| text.windows(g.len()).any(|w| w == *g))
        {
            return None;
        }
        let re = self
            .re
            .get_or_init(|| Matcher::unanchored(&self.source).expect("checked in from_def"));
        // The source is anchored (`^`), so a match starts at 0.
        re.find_end(Input::new(text)).map(|end| 0..end)
    }
}

pub struct Pyramid {
    meta: RuleMeta,
    params: Params,
    formulas: Vec<Formula>,
    cues: &'static Cues,
    vague: Vec<String>,
}

/// Imperatives that open an instruction to the reader ("Betaal …", "Stuur …").
static IMPERATIVES: WordSet = WordSet::new(&[
    "accepteer",
    "activeer",
    "annuleer",
    "antwoord",
    "bel",
    "betaal",
    "bevestig",
    "bewaar",
    "breng",
    "chat",
    "check",
    "controleer",
    "denk",
    "doe",
    "download",
    "ga",
    "geef",
    "gebruik",
    "haal",
    "hou",
    "houd",
    "installeer",
    "kies",
    "kijk",
    "klik",
    "kom",
    "koop",
    "laat",
    "lees",
    "leg",
    "lever",
    "log",
    "maak",
    "mail",
    "meld",
    "neem",
    "noteer",
    "onderteken",
    "open",
    "parkeer",
    "plan",
    "print",
    "reageer",
    "regel",
    "scan",
    "schrijf",
    "sluit",
    "stap",
    "stuur",
    "teken",
    "trek",
    "upload",
    "vergeet",
    "verleng",
    "verstuur",
    "verzet",
    "volg",
    "vraag",
    "vul",
    "wijzig",
    "zeg",
    "zet",
]);

/// Lexical cues, shared by the rule instances. A cue's regex is built the first time a
/// sentence contains its gate text, so start-up builds none.
static CUES: LazyLock<Cues> = LazyLock::new(Cues::new);

/// Literals a match of a built-in cue or formula must contain, worked out by build.rs.
mod gates {
    include!(concat!(env!("OUT_DIR"), "/cue_gates.rs"));
}

/// Cues run on bytes with Unicode off: ASCII word boundaries and byte-wise `.` keep the
/// automata small. Each searches one sentence with the DFAs build.rs made; a cue with a
/// gap is cut there ([`CueMatcher`]).
fn cue_matcher(pattern: &str) -> CueMatcher {
    CueMatcher::new(pattern).expect("built-in cue pattern")
}

/// The gate of a built-in pattern: `None` when the table does not know the pattern,
/// `Some(None)` when no literal set bounds its matches.
fn gate_of(
    table: &'static [(&str, Option<&'static [&'static [u8]]>)],
    pattern: &str,
) -> Option<Option<&'static [&'static [u8]]>> {
    table.iter().find(|(p, _)| *p == pattern).map(|(_, g)| *g)
}

struct Cue {
    source: &'static str,
    re: OnceLock<CueMatcher>,
}

/// Cue indices into `Cues::cues`, one field per kind of cue (see `cue_patterns`).
struct Cues {
    cues: Vec<Cue>,
    /// All gate literals; `gate_cue[i]` is the cue of literal `i`.
    gate: AhoCorasick,
    gate_cue: Vec<usize>,
    /// Cues without a gate: always tried.
    ungated: u64,
    decision: Range<usize>,
    strong: Range<usize>,
    request: Range<usize>,
    medium: Range<usize>,
    deadline: usize,
    appointment: usize,
    appointment_word: usize,
    reader_date: usize,
    change_verb: usize,
    boilerplate: usize,
    announcement: usize,
    negative_question: usize,
    consequence: usize,
}

/// One sentence's text and the cues whose gate text it contains.
struct Scan<'t> {
    text: &'t [u8],
    open: u64,
}

impl Cues {
    fn new() -> Cues {
        let mut cues = Vec::new();
        let mut group = |patterns: &[&'static str]| {
            let start = cues.len();
            cues.extend(patterns.iter().map(|&source| Cue {
                source,
                re: OnceLock::new(),
            }));
            start..cues.len()
        };
        let decision = group(cue_patterns::DECISION);
        let strong = group(cue_patterns::STRONG);
        let request = group(cue_patterns::REQUEST);
        let medium = group(cue_patterns::MEDIUM);
        let mut one = |p: &'static str| group(&[p]).start;
        let deadline = one(cue_patterns::DEADLINE);
        let appointment = one(cue_patterns::APPOINTMENT);
        let appointment_word = one(cue_patterns::APPOINTMENT_WORD);
        let reader_date = one(cue_patterns::READER_DATE);
        let change_verb = one(cue_patterns::CHANGE_VERB);
        let boilerplate = one(cue_patterns::BOILERPLATE);
        let announcement = one(cue_patterns::ANNOUNCEMENT);
        let negative_question = one(cue_patterns::NEGATIVE_QUESTION);
        let consequence = one(cue_patterns::CONSEQUENCE);
        assert!(cues.len() <= 64, "one bit per cue in Scan::open");
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut gate_cue = Vec::new();
        let mut ungated = 0u64;
        for (i, cue) in cues.iter().enumerate() {
            match gate_of(gates::CUE_GATES, cue.source).flatten() {
                Some(lits) => {
                    literals.extend_from_slice(lits);
                    gate_cue.extend(lits.iter().map(|_| i));
                }
                None => ungated |= 1 << i,
            }
        }
        let gate = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&literals)
            .expect("gate literals");
        Cues {
            cues,
            gate,
            gate_cue,
            ungated,
            decision,
            strong,
            request,
            medium,
            deadline,
            appointment,
            appointment_word,
            reader_date,
            change_verb,
            boilerplate,
            announcement,
            negative_question,
            consequence,
        }
    }

    fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        let mut open = self.ungated;
        for m in self.gate.find_overlapping_iter(text) {
            open |= 1 << self.gate_cue[m.pattern().as_usize()];
        }
        Scan {
            text: text.as_bytes(),
            open,
        }
    }

    fn is(&self, scan: &Scan, i: usize) -> bool {
        scan.open & (1 << i) != 0 && {
            let cue = &self.cues[i];
            cue.re
                .get_or_init(|| cue_matcher(cue.source))
                .is_match(scan.text)
        }
    }

    fn any(&self, scan: &Scan, cues: Range<usize>) -> bool {
        cues.into_iter().any(|i| self.is(scan, i))
    }
}

/// One sentence of the body, with what the pyramid needs to know about it.
struct BodySentence {
    index: usize,
    block: usize,
    /// Words in the body before this sentence.
    offset: usize,
    strength: u8,
}

impl Pyramid {
    pub fn from_def(def: &RuleDef) -> Result<Self, String> {
        let p: Params = params(def)?;
        let mut formulas = Vec::new();
        if p.check == Check::Kern {
            let list = wordlist(&p.formulas).ok_or_else(|| {
                format!(
                    "regel '{}': onbekende woordenlijst '{}'",
                    def.id, p.formulas
                )
            })?;
            for (line, row) in tsv_rows(list) {
                let source = formula_source(row[0]);
                let gate = match gate_of(gates::FORMULA_GATES, row[0]) {
                    Some(gate) => gate,
                    // Not a built-in pattern (cannot happen today: lists are embedded),
                    // so check it now.
                    None => {
                        Matcher::unanchored(&source).map_err(|e| {
                            format!("{}.tsv regel {line}: ongeldig patroon: {e}", p.formulas)
                        })?;
                        None
                    }
                };
                formulas.push(Formula {
                    source,
                    gate,
                    re: OnceLock::new(),
                });
            }
        }
        let mut vague: Vec<String> = VAGUE_SUBJECT_WORDS.iter().map(|w| w.to_string()).collect();
        vague.extend(p.vague_words.iter().map(|w| w.to_lowercase()));
        Ok(Pyramid {
            meta: RuleMeta::new(def),
            params: p,
            formulas,
            cues: &CUES,
            vague,
        })
    }

    /// How strongly a sentence reads as the main message: 0 none, 2 medium, 3 strong.
    fn strength(&self, doc: &Document, s: usize, prev: Option<usize>) -> u8 {
        let c = &self.cues;
        let text = collapsed(doc, s);
        let scan = c.scan(&text);
        if c.any(&scan, c.decision.clone()) {
            return 3;
        }
        let question = text.trim_end().ends_with('?');
        let announcement = c.is(&scan, c.announcement) && !text.contains(" dat ");
        if question || announcement || c.is(&scan, c.boilerplate) {
            return 0;
        }
        // "Past de afspraak niet? Bel ons dan …": what to do if something goes wrong.
        let first_words: Vec<&str> = text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .collect();
        let then = first_words.contains(&"dan");
        if then
            && prev.is_some_and(|p| {
                let pt = collapsed(doc, p);
                pt.ends_with('?') && c.is(&c.scan(&pt), c.negative_question)
            })
        {
            return 0;
        }
        if c.is(&scan, c.consequence) {
            return 0;
        }
        let deadline = c.is(&scan, c.deadline);
        let imperative = self.imperative(doc, s, &text);
        let request = imperative || c.any(&scan, c.request.clone());
        let appointment = c.is(&scan, c.appointment) && c.is(&scan, c.appointment_word);
        let change = c.is(&scan, c.reader_date) && c.is(&scan, c.change_verb);
        if appointment || change || c.any(&scan, c.strong.clone()) || request && deadline {
            return 3;
        }
        if request || deadline || c.any(&scan, c.medium.clone()) {
            return 2;
        }
        0
    }

    /// The sentence starts with an imperative ("Betaal …", "Stuur ons …", "Pas … aan").
    fn imperative(&self, doc: &Document, s: usize, text: &str) -> bool {
        let first = doc
            .sentence_tokens(&doc.sentences[s])
            .iter()
            .find(|t| t.kind == TokenKind::Word)
            .map(|t| doc.token_lower(t));
        match first {
            Some("pas") => text.trim_end_matches(['.', '!']).ends_with(" aan"),
            Some("let") => false,
            Some(w) => IMPERATIVES.contains(w),
            None => false,
        }
    }

    fn body_sentences(&self, doc: &Document, letter: &Letter) -> Vec<BodySentence> {
        let mut out = Vec::new();
        let mut offset = 0;
        let mut prev = None;
        for (b, block) in letter.blocks.iter().enumerate() {
            if block.kind == crate::text::BlockKind::Heading {
                continue;
            }
            for s in letter.block_sentences(doc, b) {
                let strength = self.strength(doc, s, prev);
                out.push(BodySentence {
                    index: s,
                    block: b,
                    offset,
                    strength,
                });
                offset += doc.word_count(&doc.sentences[s]);
                prev = Some(s);
            }
        }
        out
    }

    fn check_kern(&self, doc: &Document, letter: &Letter, out: &mut Vec<Finding>) {
        let Some(first) = letter.first_paragraph() else {
            return;
        };
        let sentences = self.body_sentences(doc, letter);
        let total: usize = sentences
            .iter()
            .map(|s| doc.word_count(&doc.sentences[s.index]))
            .sum();
        if total == 0 {
            return;
        }
        let first_has_kern = sentences
            .iter()
            .any(|s| s.block == first && s.strength >= 2);
        if first_has_kern {
            return;
        }
        let best = sentences.iter().map(|s| s.strength).max().unwrap_or(0);
        let kern = sentences
            .iter()
            .find(|s| best >= 2 && s.strength == best && s.block > first);
        let first_sentence = letter.block_sentences(doc, first).start;
        let opening = self.formula(doc, first_sentence);
        // Without a context formula, only a strong cue (a decision, an obligation, a
        // change) is sure enough to call the letter's structure buried.
        // In a short letter any second paragraph is "late": two paragraphs must come first.
        let late = kern.is_some_and(|k| {
            k.strength == 3
                && k.offset as f64 >= self.params.position * total as f64
                && letter.paragraph_number(k.block) >= 3
        });
        let detail = match (&opening, kern) {
            (Some(o), Some(k)) => format!(
                "De eerste alinea begint met '{o}' en geeft alleen achtergrond. Zet de kern bovenaan: '{}' staat nu in alinea {}.",
                quote(doc, k.index),
                letter.paragraph_number(k.block)
            ),
            (Some(o), None) => format!(
                "De eerste alinea begint met '{o}' en geeft alleen achtergrond. Zeg eerst wat er besloten is of wat de lezer moet doen."
            ),
            (None, Some(k)) if late => format!(
                "'{}' staat pas in alinea {}, in de tweede helft van de brief. Zet dit bovenaan en geef daarna de uitleg.",
                quote(doc, k.index),
                letter.paragraph_number(k.block)
            ),
            _ => return,
        };
        let span = doc.sentences[first_sentence].span;
        let mut f = self
            .meta
            .finding(span, self.meta.message(&[("detail", &detail)]));
        f.hint = Some(
            "Schrijf eerst het besluit of wat de lezer moet doen, met de datum. Zet de aanleiding en de uitleg daarna."
                .into()
        );
        out.push(f);
    }

    /// The context formula the sentence opens with, as written ("Naar aanleiding van …").
    fn formula(&self, doc: &Document, s: usize) -> Option<String> {
        let text = collapsed(doc, s);
        let m = self.formulas.iter().find_map(|f| f.find(text.as_bytes()))?;
        let original: String = doc
            .slice(doc.sentences[s].span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // The collapsed lowercase text has the same characters as the original.
        let n = text[..text.floor_char_boundary(m.end)].chars().count();
        let mut words: String = original.chars().take(n).collect();
        if words.chars().count() > 45 {
            words = words.chars().take(45).collect();
            if let Some(cut) = words.rfind(' ') {
                words.truncate(cut);
            }
        }
        Some(format!("{} …", words.trim_end_matches([',', ' '])))
    }

    fn check_opening_length(&self, doc: &Document, letter: &Letter, out: &mut Vec<Finding>) {
        let Some(first) = letter.first_paragraph() else {
            return;
        };
        let range = letter.block_sentences(doc, first);
        if range.is_empty() {
            return;
        }
        let sentences = range.len();
        let words: usize = range
            .clone()
            .map(|s| doc.word_count(&doc.sentences[s]))
            .sum();
        let p = &self.params;
        let too_long = words > p.max_words
            || (sentences > p.max_sentences && words > p.max_words_many_sentences);
        if !too_long {
            return;
        }
        let span = doc.sentences[range.start].span;
        let mut f = self.meta.finding(
            span,
            self.meta.message(&[
                ("words", &words.to_string()),
                ("sentences", &sentences.to_string()),
                ("max_words", &p.max_words.to_string()),
                ("max_sentences", &p.max_sentences.to_string()),
            ]),
        );
        f.hint = Some(
            "Zet alleen de kern in de eerste alinea: het besluit of wat de lezer moet doen. De uitleg kan in de volgende alinea."
                .into()
        );
        out.push(f);
    }

    fn check_subject(&self, doc: &Document, letter: &Letter, out: &mut Vec<Finding>) {
        let Some(subject) = &letter.subject else {
            return;
        };
        let text = doc.slice(subject.span).trim_start_matches(['#', ' ']);
        let lower = text.to_lowercase();
        let informative = lower
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '(' | ')'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .any(|w| {
                w.chars().any(char::is_alphabetic)
                    && !self.vague.iter().any(|v| v == w)
                    && !is_reference_code(w)
            });
        if informative {
            return;
        }
        let span = doc.paragraphs[subject.unit].span;
        let mut f = self
            .meta
            .finding(span, self.meta.message(&[("subject", text)]));
        f.hint = Some(
            "Zet de boodschap in het onderwerp, bijvoorbeeld 'U krijgt een betalingsregeling' of 'Stuur ons vóór 1 mei uw loonstrook'."
                .into()
        );
        out.push(f);
    }
}

/// Words that say nothing in a subject line on their own.
const VAGUE_SUBJECT_WORDS: &[&str] = &[
    "uw",
    "je",
    "jouw",
    "de",
    "het",
    "een",
    "ons",
    "onze",
    "van",
    "over",
    "op",
    "aan",
    "inzake",
    "betreffende",
    "brief",
    "e-mail",
    "mail",
    "bericht",
    "schrijven",
    "informatie",
    "info",
    "mededeling",
    "verzoek",
    "aanvraag",
    "vraag",
    "vragen",
    "reactie",
    "antwoord",
    "kenmerk",
    "referentie",
    "dossier",
    "dossiernummer",
    "klantnummer",
    "zaaknummer",
    "nummer",
    "nr",
    "d.d",
    "dd",
    "datum",
    "zaak",
    "onderwerp",
    "update",
    "nieuws",
    "belangrijk",
    "belangrijke",
    "aanvullende",
    "nadere",
    "extra",
    "meer",
    "diverse",
    "enkele",
    "uitnodiging",
    "attentie",
    "t.a.v",
    "ter",
    "jullie",
    "mijn",
    "hierbij",
    "let",
    "correspondentie",
    "re",
    "fw",
    "fwd",
    "diversen",
    "overig",
    "algemeen",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "12345", "BEL/2025/04817", "TP-881204": a reference, not content.
fn is_reference_code(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

/// A sentence in lowercase with runs of whitespace as one space.
fn collapsed(doc: &Document, s: usize) -> String {
    let span = doc.sentences[s].span;
    doc.lower[span.start..span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence to quote in a message: on one line, at most about 100 characters.
fn quote(doc: &Document, s: usize) -> String {
    let words: Vec<&str> = doc
        .slice(doc.sentences[s].span)
        .split_whitespace()
        .collect();
    // Without a list marker ("-", "•", "1.").
    let marker = words.first().is_some_and(|w| {
        matches!(*w, "-" | "*" | "•" | "–")
            || w.trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && w.len() > 1
                && w.ends_with(['.', ')'])
    });
    let text = words[usize::from(marker && words.len() > 1)..].join(" ");
    if text.chars().count() <= 110 {
        return text;
    }
    let mut cut: String = text.chars().take(100).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{} …", cut.trim_end_matches([',', ' ']))
}

impl Rule for Pyramid {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(letter) = doc.letter_or_whole(self.params.require_letter) else {
            return;
        };
        match self.params.check {
            Check::Kern => self.check_kern(doc, &letter, out),
            Check::OpeningLength => self.check_opening_length(doc, &letter, out),
            Check::Subject => self.check_subject(doc, &letter, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(check: &str) -> Pyramid {
        let def: RuleDef = serde_yaml::from_str(&format!(
            "{{id: t, kind: pyramid, severity: warning, title: t, message: '{{detail}}', explanation: x, params: {{check: {check}}}}}"
        ))
        .unwrap();
        Pyramid::from_def(&def).unwrap()
    }

    fn run(r: &Pyramid, text: &str) -> Vec<String> {
        let doc = Document::from_text(text);
        let mut out = Vec::new();
        r.check(&doc, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    /// The gates from build.rs may only skip a regex that would not have matched, and a
    /// prebuilt DFA must match as the regex does: on every sentence of the test corpus,
    /// each cue and formula must give what its lean regex gives.
    #[test]
    fn gates_never_hide_a_match() {
        let c = &*CUES;
        assert_eq!(
            gates::CUE_GATES.len(),
            c.cues.len(),
            "build.rs sees every cue"
        );
        let formulas = rule("kern").formulas;
        let lean = |source: &str| crate::rules::lean_regex(source).unwrap();
        let cue_res: Vec<_> = c
            .cues
            .iter()
            .map(|q| lean(&cue_patterns::cue_source(q.source)))
            .collect();
        let formula_res: Vec<_> = formulas.iter().map(|f| lean(&f.source)).collect();
        let mut sentences = 0;
        let mut matched = 0;
        for dir in [
            "tests/corpus/letters",
            "tests/corpus/kern-eerst",
            "tests/corpus/paren",
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                let doc = Document::from_text(&text);
                for s in 0..doc.sentences.len() {
                    let text = collapsed(&doc, s);
                    let scan = c.scan(&text);
                    sentences += 1;
                    for (i, cue) in c.cues.iter().enumerate() {
                        let hit = cue_res[i].is_match(text.as_bytes());
                        matched += usize::from(hit);
                        assert_eq!(c.is(&scan, i), hit, "{} on {text:?}", cue.source);
                    }
                    for (f, re) in formulas.iter().zip(&formula_res) {
                        let hit = re.find(text.as_bytes());
                        assert_eq!(f.find(text.as_bytes()), hit.map(|m| m.range()));
                    }
                }
            }
        }
        assert!(
            sentences > 500 && matched > 100,
            "{sentences} sentences, {matched} cue hits"
        );
    }

    #[test]
    fn formula_opening_with_only_background_quotes_the_kern() {
        let text = "Geachte heer Prins,\n\nOp 4 maart 2025 stuurden wij u de rekening. Wij hebben nog niets ontvangen.\n\n\
            Het voorschot is gebaseerd op uw verbruik.\n\nU moet € 42,75 vóór 16 april 2025 betalen.\n\nMet vriendelijke groet,\n\nL. Mertens\n";
        let m = run(&rule("kern"), text);
        assert_eq!(
            m,
            vec![
                "De eerste alinea begint met 'Op 4 maart 2025 stuurden …' en geeft alleen achtergrond. Zet de kern bovenaan: 'U moet € 42,75 vóór 16 april 2025 betalen.' staat nu in alinea 3."
            ]
        );
    }

    #[test]
    fn kern_first_is_fine() {
        let text = "Geachte heer Prins,\n\nU moet € 42,75 vóór 16 april 2025 betalen.\n\nOp 4 maart 2025 stuurden wij u de rekening.\n\nMet vriendelijke groet,\n\nL. Mertens\n";
        assert!(run(&rule("kern"), text).is_empty());
    }

    #[test]
    fn late_decision_without_formula() {
        let text = "Geachte mevrouw Verhoeven,\n\nElk jaar mogen woningcorporaties de huur verhogen. De overheid bepaalt hoeveel. Wij onderhouden daarmee onze woningen en maken ze beter.\n\n\
            Wij kijken ook naar de kwaliteit van de woning en het inkomen van de huurders. Voor u geldt dat niet.\n\n\
            Uw kale huur gaat per 1 juli 2025 met € 21,30 per maand omhoog.\n\nMet vriendelijke groet,\n\nP. van Leeuwen\n";
        let m = run(&rule("kern"), text);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with("'Uw kale huur gaat per 1 juli 2025"),
            "{m:?}"
        );
    }

    #[test]
    fn hierbij_with_the_message_is_fine() {
        let text = "Geachte heer Smeets,\n\nHierbij laten wij u weten dat uw kale huur per 1 juli 2025 met € 24,10 per maand omhoog gaat.\n\nElk jaar mogen corporaties de huur verhogen.\n\nMet vriendelijke groet,\n\nP. van Leeuwen\n";
        assert!(run(&rule("kern"), text).is_empty());
    }

    #[test]
    fn not_a_letter_is_left_alone_unless_configured() {
        let text = "Naar aanleiding van vragen hebben wij deze pagina gemaakt.\n\nU moet vóór 1 mei betalen.\n";
        assert!(run(&rule("kern"), text).is_empty());
    }

    #[test]
    fn boilerplate_is_not_the_kern() {
        let r = rule("kern");
        let doc = Document::from_text(
            "Heeft u vragen? Bel ons dan op 0800-1234. Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken. Past de afspraak niet? Bel ons dan vóór 5 mei.",
        );
        for s in 0..doc.sentences.len() {
            assert_eq!(
                r.strength(&doc, s, s.checked_sub(1)),
                0,
                "{}",
                doc.slice(doc.sentences[s].span)
            );
        }
    }

    #[test]
    fn subject_that_says_nothing() {
        let r = rule("subject");
        let letter = |subject: &str| {
            format!(
                "Betreft: {subject}\n\nGeachte heer Jansen,\n\nU krijgt geld.\n\nMet vriendelijke groet,\n\nJan\n"
            )
        };
        for s in [
            "Uw brief",
            "Informatie",
            "uw kenmerk 12345",
            "Uw verzoek",
            "Brief",
            "uw brief van 3 maart",
        ] {
            assert_eq!(run(&r, &letter(s)).len(), 1, "{s}");
        }
        for s in [
            "u krijgt een betalingsregeling",
            "uw aanvraag parkeervergunning",
            "herinnering rekening maart",
        ] {
            assert!(run(&r, &letter(s)).is_empty(), "{s}");
        }
    }
}
