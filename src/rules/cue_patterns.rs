//! The regex sources of the `pyramid` rule's lexical cues (B1-GUIDE §1.2), kept apart so
//! `build.rs` can read them: it works out, for each cue and each context formula, the
//! literal text a match must contain, and the rule builds a cue's regex only when a
//! sentence contains that text (see `pyramid::Cues`), and compiles each into a DFA ahead
//! of time (`rules::prebuilt`). Data, and the two functions that turn a pattern into the
//! regex source both sides compile; no `use`.

/// A date as it stands in letters (lowercase): "3 maart", "maandag 3 maart 2025", "03-03-2025".
pub const DATE: &str = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?\d{1,2}e? (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?: \d{4})?|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}";

/// Decisions: always the main message, even in a sentence about objections.
pub const DECISION: &[&str] = &[
    r"\b(besloten|beslist)\b",
    r"\bbesluiten (wij|we|ik)\b",
    r"\b(wij|we|ik) besluiten\b",
    r"\b(toegekend|afgewezen|goedgekeurd|geweigerd|ongegrond|gegrond)\b",
    r"\b(toe te kennen|af te wijzen|te weigeren)\b",
    r"\b(wij|we|ik) wijzen .{0,80}\baf\b",
    r"\bwijzen (wij|we|ik) .{0,80}\baf\b",
    r"\b(wij|we|ik) (weigeren|gaan akkoord)\b",
    r"^(wij|we|ik) (kunnen|kan) .{0,80}\b(vergoeden|betalen|terugbetalen|toekennen|goedkeuren|accepteren|leveren)\b",
];

/// Strong cues: outcome, obligation, change with a date, appointment.
pub const STRONG: &[&str] = &[
    r"\b(gaat|gaan) .{0,80}\b(omhoog|omlaag)\b",
    r"\b(omhoog|omlaag) (gaat|gaan)\b",
    r"\bwordt .{0,60}\b(verhoogd|verlaagd)\b",
    r"\b(verhoogd|verlaagd) (met|naar|tot)\b",
    r"^(wij|we|ik) (vergoeden|vergoed|betalen|betaal|storten|stort|keren|verhogen|verlagen)\b",
    r"\b(wij|we) betalen .{0,60}\bterug\b",
    r"\b(u|je|jij) (krijgt|krijg|ontvangt|ontvang)\b.{0,60}(€|\beuro\b|\bgeld\b|\bterug\b|\bvergoeding|\btoeslag|\btegemoetkoming|\buitkering|\bvergunning|\bbijstand|\bplek\b|\bplaats\b|\bkorting|\bhulp\b|\bsubsidie)",
    r"\b(krijgt|ontvangt) u\b.{0,60}(€|\beuro\b|\bgeld\b|\bterug\b|\bvergoeding|\btoeslag|\bkorting|\bhulp\b)",
    r"\b(krijg|ontvang) je\b.{0,60}(€|\beuro\b|\bgeld\b|\bterug\b|\bkorting)",
    r"\b(u|je|jij) (heeft|hebt) (recht op|gelijk)\b",
    r"\b(heeft|hebt) (u|je) recht op\b",
    r"\b(u|je|jij) (moet|moeten|dient)\b",
    r"\b(moet|dient) (u|je|jij)\b",
    r"^(vanaf|per|met ingang van) {datum}",
    r"\b(stopt|eindigt|verloopt|vervalt|begint|start|sluit|verandert|wijzigt|verhuist|verhuizen)\b.{0,30}\b(op|per|vanaf) {datum}",
    r"\b(u|je|jij) (heeft|hebt) .{0,50}\bafspraak\b",
    r"\bafspraak is op {datum}",
    r"\b(komt|komen) .{0,40}(op|vanaf) {datum}|{datum},? (komt|komen)\b",
    r"\b(u|je|jij) (bent|is) verplicht\b|\bbent u verplicht\b",
    r"\bvan € ?\d[\d.,]* naar € ?\d",
    r"^(uw|je|jouw) nieuwe .{0,30}\b(is|wordt|bedraagt) (€|\d)",
    r"^goed nieuws\b",
];

/// A request to the reader ("wij vragen u", "wilt u"): strong with a deadline.
pub const REQUEST: &[&str] = &[
    r"\b(wij|we|ik) (vragen|verzoeken|vraag|verzoek) (u|je)\b",
    r"\bverzoeken (wij|we) (u|je)\b",
    r"\b(u|je) wordt verzocht\b",
    r"\bgelieve\b",
    r"^wilt u\b",
    r"\b(wij|we) sommeren (u|je)\b",
];

/// Medium cues: receiving something, a date from which something changes.
pub const MEDIUM: &[&str] = &[
    r"\b(u|je|jij) (krijgt|krijg|ontvangt|ontvang)\b",
    r"\b(krijgt|ontvangt) u\b",
    r"\b(vanaf|per|met ingang van) {datum}",
];

/// A deadline: "vóór 1 mei", "binnen twee weken".
pub const DEADLINE: &str = r"\b(vóór|voor|uiterlijk|uiterlijk op|binnen) ({datum}|(\d+|een|één|twee|drie|vier|vijf|zes|acht|tien|veertien) (werkdagen|dagen|weken|maanden)\b)";

/// A date with a time; an appointment when an appointment word stands in the sentence.
pub const APPOINTMENT: &str =
    r"{datum}.{0,30}\b(om \d{1,2}([.:]\d{2})?( uur)?|tussen \d{1,2}[.:]\d{2} en)\b";

/// Words that make a date with a time an appointment.
pub const APPOINTMENT_WORD: &str =
    r"\b(afspraak|komt|komen|kom|meld|verwachten|langs|thuis|gesprek|bezoek|spreekuur|monteur)\b";

/// The reader's situation changes from a date ("Uw container wordt vanaf 1 maart …").
pub const READER_DATE: &str = r"\b(uw|je|jouw)\b.{0,60}\b(vanaf|per|met ingang van) {datum}";

/// A present-tense verb of change: with `READER_DATE` a strong cue.
pub const CHANGE_VERB: &str = r"\b(wordt|worden|gaat|gaan|verandert|veranderen|wijzigt|wijzigen|krijgt|krijg|betaalt|betaal|geldt|gelden|stopt|stoppen|begint|beginnen|start|starten|halen|legen|komt|komen)\b";

/// Objection procedure, questions and contact: not the main message.
pub const BOILERPLATE: &str = r"\bniet eens\b|\bbezwaar (maken|indienen|aantekenen)|\bbezwaarschrift|\b(in )?beroep (gaan|instellen)\b|\bvragen\?|\b(heeft|hebt|heb) (u|je) (nog )?vragen\b|\bcontact (met ons )?op(nemen)?\b|\bneem .{0,30}\bcontact\b|\bklachtencommissie\b|\bhoeft .{0,40}\bniets\b";

/// "Hierbij informeren wij u over …": announces, does not say.
pub const ANNOUNCEMENT: &str = r"^(hierbij|graag|bij dezen|langs deze weg|met deze brief|in deze brief|met dit schrijven|in dit schrijven)\b";

/// A question about what the reader does not do ("Past de afspraak niet?").
pub const NEGATIVE_QUESTION: &str = r"\b(niet|geen|nooit|toch|te laat|vragen)\b";

/// "u moet dan …": a consequence, not the main action.
pub const CONSEQUENCE: &str = r"\b(moet|moeten) (u|je) dan\b|\b(u|je) (moet|moeten) dan\b|^(als|indien|wanneer|mocht|zolang)\b.*\b(niet|geen)\b";

/// Every cue, for `build.rs`.
pub const ALL: &[&[&str]] = &[
    DECISION,
    STRONG,
    REQUEST,
    MEDIUM,
    &[
        DEADLINE,
        APPOINTMENT,
        APPOINTMENT_WORD,
        READER_DATE,
        CHANGE_VERB,
        BOILERPLATE,
        ANNOUNCEMENT,
        NEGATIVE_QUESTION,
        CONSEQUENCE,
    ],
];

/// The regex source of a cue: `{datum}` stands for [`DATE`].
pub fn cue_source(pattern: &str) -> String {
    pattern.replace("{datum}", &format!("(?:{DATE})"))
}

/// A cue cut at its gaps, for a search that stays small. An unanchored DFA of
/// `X.{0,80}Y` has to remember every place in the last 80 bytes where an `X` ended, so it
/// grows into megabytes. Cut in three it is small: `X` found anywhere (every end of a
/// match), `Y` found anywhere (every start of a match, with a reverse DFA), and a check
/// that some `Y` starts at most 80 bytes after some `X` ends, with no line break between.
/// That holds exactly when the whole cue matches.
#[derive(Debug, PartialEq, Eq)]
pub struct GapCue {
    /// The top-level alternatives without a gap, as one regex source (`None`: all have one).
    pub plain: Option<String>,
    /// The alternatives with a gap.
    pub gaps: Vec<Gap>,
}

/// One alternative `head.{0,most}tail` of a [`GapCue`]; `head` and `tail` are regex sources.
#[derive(Debug, PartialEq, Eq)]
pub struct Gap {
    pub head: String,
    pub most: usize,
    pub tail: String,
}

/// [`GapCue`] of a cue with a gap `.{0,N}` at the top level of an alternative; `None` for
/// a cue without one. The parts are regex sources, as [`cue_source`] makes them.
pub fn split_gaps(pattern: &str) -> Option<GapCue> {
    let mut plain = Vec::new();
    let mut gaps = Vec::new();
    for alternative in split_top_level(pattern, '|') {
        let gap = top_level(alternative).find_map(|(i, c)| {
            let rest = alternative[i..]
                .strip_prefix(".{0,")
                .filter(|_| c == '.' && i > 0)?;
            let (most, rest) = rest.split_once('}')?;
            let most = most.parse().ok()?;
            // A lazy gap (`.{0,N}?`) matches the same texts.
            let tail = rest.strip_prefix('?').unwrap_or(rest);
            (!tail.is_empty()).then(|| Gap {
                head: cue_source(&alternative[..i]),
                most,
                tail: cue_source(tail),
            })
        });
        match gap {
            Some(gap) => gaps.push(gap),
            None => plain.push(alternative),
        }
    }
    (!gaps.is_empty()).then(|| GapCue {
        plain: (!plain.is_empty()).then(|| cue_source(&plain.join("|"))),
        gaps,
    })
}

/// `pattern` split at `sep` where it stands at the top level.
fn split_top_level(pattern: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in top_level(pattern).filter(|&(_, c)| c == sep) {
        parts.push(&pattern[start..i]);
        start = i + sep.len_utf8();
    }
    parts.push(&pattern[start..]);
    parts
}

/// The characters of a regex source outside groups, classes and escapes, with their
/// byte offsets.
fn top_level(pattern: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let (mut depth, mut escaped, mut class) = (0usize, false, false);
    pattern.char_indices().filter(move |&(_, c)| {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !class => class = true,
            ']' if class => class = false,
            _ if class => {}
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => return depth == 0,
        }
        false
    })
}

/// The regex source of a context formula (`wordlists/contextformules.tsv`): a cue that
/// must open the sentence.
pub fn formula_source(formula: &str) -> String {
    cue_source(&format!("^(?:{formula})"))
}
