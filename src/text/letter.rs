//! The letter model: which units of a [`Document`] are the subject line, the salutation,
//! the body (paragraphs, lists, headings), the closing formula and the signature.
//! Recognised from the units alone (no markup needed), so plain-text letters, Markdown
//! mails and, later, e-mail bodies (subject as a leading heading) all work.
//!
//! Text that has neither a salutation nor a closing formula is not a letter
//! ([`Letter::recognise`] gives `None`). Rules that can also run on other texts use
//! [`Letter::whole`]: the whole document as body.

use super::document::{Document, UnitKind};
use super::span::Span;
use std::ops::Range;

/// The subject of a letter or e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The unit that holds the subject.
    pub unit: usize,
    /// The subject itself, without a label such as "Betreft:".
    pub span: Span,
    /// The subject is a heading at the start (an e-mail subject), not a labelled line.
    pub from_heading: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A run of list items.
    List,
    /// A run of lines standing on their own (an address, a table of amounts).
    Lines,
    /// A heading: a Markdown heading, or a short line or question standing alone.
    Heading,
}

/// A block of the body as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Unit indices into [`Document::paragraphs`].
    pub units: Range<usize>,
    pub span: Span,
    /// The first sentence of the block is a heading on a line of its own
    /// ("Waarom krijgt u dit geld?" above the text that answers it).
    pub lead_heading: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// False for [`Letter::whole`]: the text was not recognised as a letter.
    pub recognised: bool,
    pub subject: Option<Subject>,
    /// Unit index of the salutation ("Geachte heer Jansen,").
    pub salutation: Option<usize>,
    /// Units of the body, between salutation and closing.
    pub body: Range<usize>,
    pub blocks: Vec<Block>,
    /// Headings in the body (heading units, short lines and lead questions).
    pub headings: Vec<Span>,
    /// Unit index of the closing formula ("Met vriendelijke groet,").
    pub closing: Option<usize>,
    /// Units after the closing formula: name, function, organisation.
    pub signature: Range<usize>,
}

const SALUTATIONS: &[&str] = &[
    "geachte",
    "zeer geachte",
    "beste",
    "hallo",
    "hoi",
    "hey",
    "hé",
    "dag",
    "lieve",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "l.s.",
    "mijne heren",
    "aan",
];

/// Closing formulas, lowercase, without the trailing comma.
const CLOSINGS: &[&str] = &[
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "vriendelijke groet",
    "vriendelijke groeten",
    "met hartelijke groet",
    "met hartelijke groeten",
    "hartelijke groet",
    "hartelijke groeten",
    "met beste groet",
    "met beste groeten",
    "beste groet",
    "beste groeten",
    "met warme groet",
    "warme groet",
    "warme groeten",
    "met collegiale groet",
    "collegiale groet",
    "met zonnige groet",
    "zonnige groet",
    "met groet",
    "groet",
    "groeten",
    "groetjes",
    "veel groeten",
    "hoogachtend",
    "met de meeste hoogachting",
    "met vriendelijke groet en tot ziens",
    "liefs",
    "mvg",
    "m.v.g.",
    "tot ziens",
    "tot snel",
    "dank en groet",
];

const SUBJECT_LABELS: &[&str] = &["betreft", "onderwerp", "subject", "inzake", "re"];

/// Words of a unit (word-like tokens).
fn words_in(doc: &Document, unit: usize) -> usize {
    let u = &doc.paragraphs[unit];
    doc.sentences[u.sentences.clone()]
        .iter()
        .map(|s| doc.word_count(s))
        .sum()
}

fn unit_lower<'d>(doc: &'d Document, unit: usize) -> &'d str {
    let span = doc.paragraphs[unit].span;
    doc.lower[span.start..span.end].trim()
}

/// "Geachte heer Jansen," "Beste Sanne," "Hoi!" — short, at the top, no full stop.
fn is_salutation(doc: &Document, unit: usize) -> bool {
    let lower = unit_lower(doc, unit);
    if words_in(doc, unit) > 9 || lower.contains('\n') || lower.ends_with('.') {
        return false;
    }
    SALUTATIONS.iter().any(|s| {
        lower
            .strip_prefix(s)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', '!', '\t']))
            && (*s != "aan" && *s != "dag" || lower.ends_with(','))
    })
}

/// "Met vriendelijke groet," "Hoogachtend," "Groetjes, Jesse".
fn is_closing(doc: &Document, unit: usize) -> bool {
    let lower = unit_lower(doc, unit);
    let first_line = lower.lines().next().unwrap_or("").trim();
    if words_in(doc, unit) > 8 || first_line.ends_with('.') || first_line.ends_with('?') {
        return false;
    }
    let head = first_line
        .split(',')
        .next()
        .unwrap_or("")
        .trim_end_matches(['!', ' '])
        .trim();
    CLOSINGS.contains(&head)
}

/// "Betreft: uw aanvraag" → the span of "uw aanvraag".
fn subject_label(doc: &Document, unit: usize) -> Option<Span> {
    let u = &doc.paragraphs[unit];
    if u.kind == UnitKind::ListItem {
        return None;
    }
    let lower = &doc.lower[u.span.start..u.span.end];
    let label = SUBJECT_LABELS.iter().find(|l| {
        lower
            .strip_prefix(**l)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })?;
    let colon = u.span.start + lower[label.len()..].find(':')? + label.len() + 1;
    let text = &doc.text[colon..u.span.end];
    let start = colon + (text.len() - text.trim_start().len());
    let end = u.span.end - (text.len() - text.trim_end().len());
    (start < end).then(|| Span::new(start, end))
}

impl Letter {
    /// The letter structure of a document, or `None` when it has neither a salutation
    /// nor a closing formula.
    pub fn recognise(doc: &Document) -> Option<Letter> {
        let units = &doc.paragraphs;
        let n = units.len();
        // The salutation comes before the running text.
        let mut salutation = None;
        for (i, u) in units.iter().enumerate() {
            if is_salutation(doc, i) {
                salutation = Some(i);
                break;
            }
            if matches!(u.kind, UnitKind::Paragraph | UnitKind::ListItem) && words_in(doc, i) > 12 {
                break;
            }
        }
        let search_from = salutation.map_or(0, |s| s + 1);
        let closing = (search_from..n).find(|&i| is_closing(doc, i));
        if salutation.is_none() && closing.is_none() {
            return None;
        }
        let header_end = salutation.unwrap_or(n);
        let mut subject = (0..header_end.min(n)).find_map(|i| {
            subject_label(doc, i).map(|span| Subject {
                unit: i,
                span,
                from_heading: false,
            })
        });
        if subject.is_none()
            && n > 0
            && units[0].kind == UnitKind::Heading
            && salutation.is_none_or(|s| s > 0)
        {
            subject = Some(Subject {
                unit: 0,
                span: units[0].span,
                from_heading: true,
            });
        }
        let body_start = match (salutation, &subject) {
            (Some(s), _) => s + 1,
            (None, Some(subj)) => subj.unit + 1,
            // No salutation: skip the header lines (address, date, reference).
            (None, None) => (0..n)
                .find(|&i| units[i].kind != UnitKind::Line)
                .unwrap_or(n),
        };
        let (body_end, signature) = match closing {
            Some(c) => (c, c + 1..n),
            None => {
                // No closing formula: trailing lines are the signature.
                let mut end = n;
                while end > body_start && units[end - 1].kind == UnitKind::Line {
                    end -= 1;
                }
                (end, end..n)
            }
        };
        let body = body_start..body_end.max(body_start);
        Some(Self::build(
            doc, true, subject, salutation, body, closing, signature,
        ))
    }

    /// The whole document as the body of a "letter" (for texts that are not letters).
    pub fn whole(doc: &Document) -> Letter {
        let n = doc.paragraphs.len();
        Self::build(doc, false, None, None, 0..n, None, n..n)
    }

    fn build(
        doc: &Document,
        recognised: bool,
        subject: Option<Subject>,
        salutation: Option<usize>,
        body: Range<usize>,
        closing: Option<usize>,
        signature: Range<usize>,
    ) -> Letter {
        let units = &doc.paragraphs;
        let mut blocks: Vec<Block> = Vec::new();
        let mut headings = Vec::new();
        let mut i = body.start;
        while i < body.end {
            let u = &units[i];
            let next_is_text = i + 1 < body.end
                && matches!(units[i + 1].kind, UnitKind::Paragraph | UnitKind::ListItem);
            let (kind, end) = match u.kind {
                UnitKind::Heading => (BlockKind::Heading, i + 1),
                UnitKind::ListItem => {
                    let mut j = i + 1;
                    while j < body.end && units[j].kind == UnitKind::ListItem {
                        j += 1;
                    }
                    (BlockKind::List, j)
                }
                UnitKind::Line => {
                    let mut j = i + 1;
                    while j < body.end && units[j].kind == UnitKind::Line {
                        j += 1;
                    }
                    let alone = j == i + 1 && next_is_text && is_heading_like(doc, i);
                    if alone {
                        (BlockKind::Heading, j)
                    } else {
                        (BlockKind::Lines, j)
                    }
                }
                UnitKind::Paragraph => {
                    let one_question = u.sentences.len() == 1
                        && next_is_text
                        && is_heading_like(doc, i)
                        && doc.slice(u.span).trim_end().ends_with('?');
                    if one_question {
                        (BlockKind::Heading, i + 1)
                    } else {
                        (BlockKind::Paragraph, i + 1)
                    }
                }
            };
            let span = Span::new(units[i].span.start, units[end - 1].span.end);
            let lead_heading = kind == BlockKind::Paragraph && lead_question(doc, i);
            if kind == BlockKind::Heading {
                headings.push(span);
            } else if lead_heading {
                headings.push(doc.sentences[u.sentences.start].span);
            }
            blocks.push(Block {
                kind,
                units: i..end,
                span,
                lead_heading,
            });
            i = end;
        }
        Letter {
            recognised,
            subject,
            salutation,
            body,
            blocks,
            headings,
            closing,
            signature,
        }
    }

    /// Index (into `blocks`) of the first paragraph of running text.
    pub fn first_paragraph(&self) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
    }

    /// The reader's paragraph number (1-based) of a block: headings do not count.
    pub fn paragraph_number(&self, block: usize) -> usize {
        self.blocks[..=block]
            .iter()
            .filter(|b| b.kind != BlockKind::Heading)
            .count()
    }

    /// Sentence indices of a block, without a lead heading.
    pub fn block_sentences(&self, doc: &Document, block: usize) -> Range<usize> {
        let b = &self.blocks[block];
        let first = doc.paragraphs[b.units.start].sentences.start + usize::from(b.lead_heading);
        let last = doc.paragraphs[b.units.end - 1].sentences.end;
        first..last.max(first)
    }

    /// Words in the body, headings excluded.
    pub fn body_words(&self, doc: &Document) -> usize {
        (0..self.blocks.len())
            .filter(|&b| self.blocks[b].kind != BlockKind::Heading)
            .flat_map(|b| self.block_sentences(doc, b))
            .map(|s| doc.word_count(&doc.sentences[s]))
            .sum()
    }
}

/// A short line that can be a heading: starts with a capital, a few words, no link.
fn is_heading_like(doc: &Document, unit: usize) -> bool {
    let u = &doc.paragraphs[unit];
    let toks = &doc.tokens[doc.sentences[u.sentences.start].tokens.start
        ..doc.sentences[u.sentences.end - 1].tokens.end];
    let words = toks.iter().filter(|t| t.counts_as_word()).count();
    let starts_upper = doc
        .slice(u.span)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let ends = doc.slice(u.span).trim_end();
    starts_upper
        && (1..=10).contains(&words)
        && !ends.ends_with(':')
        && !ends.ends_with(',')
        && toks
            .iter()
            .all(|t| !matches!(t.kind, super::TokenKind::Url | super::TokenKind::Email))
}

/// The paragraph starts with a short question on a line of its own.
fn lead_question(doc: &Document, unit: usize) -> bool {
    let u = &doc.paragraphs[unit];
    if u.sentences.len() < 2 {
        return false;
    }
    let first = &doc.sentences[u.sentences.start];
    let text = doc.slice(first.span);
    let rest = &doc.text[first.span.end..u.span.end];
    text.ends_with('?')
        && !text.contains('\n')
        && rest
            .trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r'])
        && doc.word_count(first) <= 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(text: &str) -> Option<(Letter, Vec<String>)> {
        let doc = Document::from_text(text);
        let l = doc.letter()?.clone();
        let blocks = l
            .blocks
            .iter()
            .map(|b| format!("{:?}: {}", b.kind, doc.slice(b.span)))
            .collect();
        Some((l, blocks))
    }

    const BRIEF: &str = "Gemeente Lindenburg\nPostbus 1200\n1234 AB Lindenburg\n\n\
        De heer P. Jansen\nKerkstraat 14\n\nLindenburg, 24 maart 2025\nOns kenmerk: BEL/2025/04817\n\
        Betreft: uw betalingsregeling\n\nGeachte heer Jansen,\n\nU mag in 6 delen betalen. Stuur het formulier terug.\n\n\
        Waarom krijgt u dit?\nU vroeg erom. Wij vinden dat goed.\n\nZo betaalt u:\n- Maak het geld over.\n- Zet het nummer erbij.\n\n\
        Heeft u vragen? Bel ons.\n\nMet vriendelijke groet,\n\nM. de Vries\nteamleider Invordering\n";

    #[test]
    fn parts_of_a_letter() {
        let doc = Document::from_text(BRIEF);
        let l = doc.letter().unwrap();
        assert!(l.recognised);
        let subj = l.subject.as_ref().unwrap();
        assert_eq!(doc.slice(subj.span), "uw betalingsregeling");
        assert_eq!(
            doc.slice(doc.paragraphs[l.salutation.unwrap()].span),
            "Geachte heer Jansen,"
        );
        assert_eq!(
            doc.slice(doc.paragraphs[l.closing.unwrap()].span),
            "Met vriendelijke groet,"
        );
        let sig: Vec<&str> = l
            .signature
            .clone()
            .map(|i| doc.slice(doc.paragraphs[i].span))
            .collect();
        assert_eq!(sig, vec!["M. de Vries\nteamleider Invordering"]);
        let (_, blocks) = letter(BRIEF).unwrap();
        assert_eq!(
            blocks,
            vec![
                "Paragraph: U mag in 6 delen betalen. Stuur het formulier terug.",
                "Paragraph: Waarom krijgt u dit?\nU vroeg erom. Wij vinden dat goed.",
                "Paragraph: Zo betaalt u:",
                "List: - Maak het geld over.\n- Zet het nummer erbij.",
                "Paragraph: Heeft u vragen? Bel ons.",
            ]
        );
        assert!(l.blocks[1].lead_heading);
        assert_eq!(l.headings.len(), 1);
        assert_eq!(doc.slice(l.headings[0]), "Waarom krijgt u dit?");
        assert_eq!(l.paragraph_number(3), 4);
        assert_eq!(l.first_paragraph(), Some(0));
        let s = l.block_sentences(&doc, 1);
        assert_eq!(doc.slice(doc.sentences[s.start].span), "U vroeg erom.");
    }

    #[test]
    fn email_with_heading_subject_and_line_headings() {
        let text = "# Je overstap naar glasvezel\n\nHoi Sanne,\n\nDe monteur komt op 12 juni.\n\n\
            Zo werkt het\nJe hoeft niets te doen.\n\nWat moet je doen?\n\n- Leg je modem klaar.\n\nGroetjes,\nLotte\n";
        let doc = Document::from_text(text);
        let l = doc.letter().unwrap();
        let subj = l.subject.as_ref().unwrap();
        assert!(subj.from_heading);
        assert_eq!(doc.slice(subj.span), "# Je overstap naar glasvezel");
        let heads: Vec<&str> = l.headings.iter().map(|h| doc.slice(*h)).collect();
        assert_eq!(heads, vec!["Zo werkt het", "Wat moet je doen?"]);
        assert_eq!(
            doc.slice(doc.paragraphs[l.closing.unwrap()].span),
            "Groetjes,"
        );
    }

    #[test]
    fn text_without_salutation_or_closing_is_not_a_letter() {
        let doc = Document::from_text(
            "Veelgestelde vragen\n\nHoe betaal ik? U betaalt met iDEAL.\n\nWanneer krijg ik de pas? Binnen een week.\n",
        );
        assert!(doc.letter().is_none());
        let w = Letter::whole(&doc);
        assert!(!w.recognised);
        assert_eq!(w.body, 0..doc.paragraphs.len());
    }

    #[test]
    fn closing_without_salutation_and_address_lines_in_the_body() {
        let text = "Betreft: verhuizing\n\nVanaf 3 november vindt u ons hier:\n\nStationsplein 2\n1234 AD Lindenburg\n\nTot dan.\n\nGroeten,\nWillemijn\n";
        let doc = Document::from_text(text);
        let l = doc.letter().unwrap();
        assert!(l.salutation.is_none());
        let kinds: Vec<BlockKind> = l.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Paragraph, BlockKind::Lines, BlockKind::Paragraph]
        );
        assert!(l.headings.is_empty());
    }

    #[test]
    fn salutation_needs_to_be_short_and_at_the_top() {
        let doc = Document::from_text(
            "Dag en nacht kunt u ons bellen over uw rekening en uw abonnement bij ons bedrijf.\n\nBeste klant, dit is geen aanhef meer.\n",
        );
        assert!(doc.letter().is_none());
    }
}
