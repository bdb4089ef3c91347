//! M201 undefined-abbreviation: an abbreviation used but never defined.

use std::collections::{HashMap, HashSet};

use super::words::Written;
use super::{diagnostic, Context};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related};
use crate::model::{DefinitionForm, LongForms};

declare_rule! {
    /// An abbreviation is used but never defined.
    ///
    /// What it catches: an abbreviation (`FFD`, `WSCB`, `PIs`) that the minutes use without
    /// defining it, and that is not common knowledge (the built-in catalogue lists those: NHS,
    /// HR, IT…).
    ///
    /// Why it matters: minutes are read by people who were not in the room, often years later.
    ///
    /// Example: `A fourth team had been created to increase capacity at the FFD.`
    ///
    /// Not reported: an ordinary English word in capitals (`TRANSFER`, `TOTAL`), unless the text
    /// spells out its initials elsewhere; the short forms of the catalogue and the roster; codes
    /// with a digit inside (`KC0HIG`, `W9NT`: call signs, part numbers), which name a thing
    /// rather than shorten words.
    ///
    /// Fix: where the long form appears elsewhere in the text (`Family Front Door`), the fix
    /// writes the definition there: `Family Front Door (FFD)`. Otherwise define it at its first
    /// use.
    pub const RULE = {
        code: "M201",
        name: "undefined-abbreviation",
        severity: Warning,
        default_enabled: true,
        fixable: true,
        check,
    }
}

/// Whether a word in capitals ("TOTAL", "TRANSFER") is written for form:
/// the text also writes it in lower case, or it is an English word whose
/// initials the text does not spell out elsewhere (`spelt_out`: "MASH"
/// after "Multi Agency Safeguarding Hub"). A word of three letters ("CAN",
/// "NOT") is one only when it is both: so many short forms are also words
/// ("ACT", "AGE") that either alone says little.
fn is_word_in_capitals(words: &Written, short: &str, spelt_out: bool) -> bool {
    let letters = short.chars().count();
    if letters < 3 || !short.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let lower = short.to_lowercase();
    let written_in_lower_case = !words.at(&lower).is_empty();
    let english = !spelt_out && crate::catalogue::lexicon::is_word(&lower);
    if letters == 3 {
        written_in_lower_case && english
    } else {
        written_in_lower_case || english
    }
}

/// A call sign or a part number ("KC0HIG", "W9NT", "B12X"): a digit between
/// letters in four characters or more. Short forms that mix in a digit
/// ("F2F", "G4", "SAM2") are three characters, or end in their number.
fn is_code(short: &str) -> bool {
    let chars: Vec<char> = short.chars().collect();
    chars.len() >= 4 && (1..chars.len() - 1).any(|i| chars[i].is_ascii_digit() && chars[..i].iter().any(|c| c.is_alphabetic()) && chars[i + 1..].iter().any(|c| c.is_alphabetic()))
}

/// The short form a finding names: as written ("PIs"), but a possessive
/// ("YA’s") by its short form.
fn named<'t>(text: &'t str, u: &'t crate::model::AbbreviationUse) -> &'t str {
    let written = &text[u.span.clone()];
    let possessive = written.ends_with("’s") || written.ends_with("'s");
    if possessive { u.short.as_str() } else { written }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = ctx.doc;
    // a bracket after words that do not spell it ("School office (LA)")
    // defines nothing
    let defined: HashSet<&str> = doc
        .abbreviations
        .iter()
        .filter(|a| a.long.is_some() || a.form == DefinitionForm::Attendance)
        .map(|a| a.short.as_str())
        .collect();
    // only what reads as an abbreviation somewhere in running prose
    let in_prose: HashSet<&str> = doc.abbreviation_uses.iter().filter(|u| u.prose).map(|u| u.short.as_str()).collect();
    let people: HashSet<&str> = doc.people.iter().map(|p| p.name.as_str()).collect();
    let mut reported = HashSet::new();
    let mut out = Vec::new();
    let mut long_forms = LongForms::new(ctx.text);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for u in &doc.abbreviation_uses {
        *counts.entry(u.short.as_str()).or_default() += 1;
    }
    let undefined: Vec<&crate::model::AbbreviationUse> = doc
        .abbreviation_uses
        .iter()
        .filter(|u| {
            let short = u.short.as_str();
            in_prose.contains(short)
                && !defined.contains(short)
                && crate::catalogue::abbreviation(short).is_none()
                && !is_code(short)
                && !ctx.roster.is_initials(short)
                && !ctx.roster.knows_abbreviation(short)
                && reported.insert(short)
        })
        .collect();
    // the words asked about below, looked up in the text in one pass
    let lower: Vec<String> = undefined.iter().map(|u| named(ctx.text, u).to_lowercase()).collect();
    let asked = undefined.iter().flat_map(|u| [named(ctx.text, u), u.short.as_str()]).chain(lower.iter().map(String::as_str));
    let words = Written::find(ctx.text, asked);
    for u in undefined {
        let uses = *counts.get(u.short.as_str()).unwrap_or(&1);
        // name it as written ("PIs"), look it up by its short form ("PI")
        let short = named(ctx.text, u);
        // where a reader first meets it: the title or a heading may come first
        let first = [short, u.short.as_str()]
            .iter()
            .filter_map(|w| words.at(w).first().copied())
            .filter(|&at| at < u.span.start)
            .min()
            .map_or(u.range(), |at| at..at + short.len());
        // a person's name is not an expansion of the letters ("Jenny Mason" for JM)
        let long = long_forms.find(short).filter(|l| !people.contains(ctx.text[l.clone()].trim()));
        if is_word_in_capitals(&words, short, long.is_some()) {
            continue;
        }
        let mut d = match long {
            Some(long) => {
                let long_text = &ctx.text[long.clone()];
                let mut d = diagnostic(
                    &RULE,
                    first,
                    format!("“{short}” is never defined, but “{long_text}” appears in the text: define it there as “{long_text} ({short})”"),
                );
                d.related.push(Related { range: long.clone(), message: format!("the long form of {short}") });
                // offered only where the definition would be read as one (not
                // in a title or an owner), or --fix would offer it again
                if reads_back(ctx, long.clone(), short) {
                    d.fix = Some(Fix {
                        title: format!("Define {short} as “{long_text}”"),
                        edits: vec![Edit { range: long.end..long.end, text: format!(" ({short})") }],
                        // adds the short form after words whose capitals spell it
                        applicability: Applicability::Safe,
                    });
                }
                d
            }
            None => diagnostic(&RULE, first, format!("“{short}” is used but never defined: write its long form at its first use, e.g. “Long Form ({short})”")),
        };
        if uses > 1 {
            d.message.push_str(&format!(" ({uses} uses)"));
        }
        out.push(d);
    }
    out
}

/// Whether "Long Form (SHORT)" written at `long` reads as a definition:
/// it is not written there already, and the paragraph around it (to the
/// blank lines either side), with the definition written in, parsed on its
/// own, defines it.
fn reads_back(ctx: &Context, long: std::ops::Range<usize>, short: &str) -> bool {
    let text = ctx.text;
    // written there already but read as something else (a role in an
    // attendance list, a title): writing it again would change nothing
    let after = text[long.end..].trim_start();
    if after.strip_prefix('(').is_some_and(|a| a.starts_with(short)) {
        return false;
    }
    let start = text[..long.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[long.end..].find("\n\n").map_or(text.len(), |i| long.end + i);
    let paragraph = format!("{} ({short}){}", &text[start..long.end], &text[long.end..end]);
    ctx.recall(
        || format!("M201 {} {short}\n{paragraph}", short.len()),
        || crate::model::Document::parse(&paragraph).abbreviations.iter().any(|a| a.short == short && a.long.is_some()),
    )
}

impl crate::model::AbbreviationUse {
    fn range(&self) -> std::ops::Range<usize> {
        self.span.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn offers_the_long_form_seen_elsewhere() {
        let text = "Contacts at the Family Front Door had gone up.\n\nA team was created at the FFD.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("Family Front Door"));
        assert_eq!(apply(text, &found[0]), "Contacts at the Family Front Door (FFD) had gone up.\n\nA team was created at the FFD.\n");
    }

    #[test]
    fn defined_and_common_abbreviations_pass() {
        let text = "The Director of Children’s Services (DCS) spoke.\n\nThe DCS and HR agreed. The NHS too.\n\nMASH (Multi Agency Safeguarding Hub) noted.\n\nThe MASH met.\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn words_in_markdown_emphasis_are_not_uses() {
        let text = "Action items, by person\n\n* **UNASSIGNED**\n\nThe board met. The **QRX** figures were **NOT** ready.\n";
        assert_eq!(run(&RULE, text), vec![]);
        let prose = "The board met. The QRX figures were ready.\n";
        assert_eq!(run(&RULE, prose).len(), 1, "the same word in running prose is a use");
    }

    #[test]
    fn words_in_code_spans_are_not_uses() {
        let text = "The board met. Saving vectors in `PCA` and in `sklearn.QDA` was merged.\n";
        assert_eq!(run(&RULE, text), vec![]);
        assert_eq!(run(&RULE, "The board met. Saving vectors in PCA was merged.\n").len(), 1);
    }

    #[test]
    fn a_short_word_in_capitals_is_emphasis_where_the_text_also_writes_it_in_lower_case() {
        let text = "Ask what CAN be done before planning what can and cannot be built.\n";
        assert_eq!(run(&RULE, text), vec![]);
        // a short form that happens to be a word, never written as the word
        assert_eq!(run(&RULE, "The ACT office wrote back.\n").len(), 1);
    }

    #[test]
    fn english_words_in_capitals_are_not_abbreviations() {
        let text = "TRANSFER - The board moved funds. The TOTAL was agreed at the MEETING.\n";
        assert_eq!(run(&RULE, text), vec![]);
        // the same word is an abbreviation where the text spells out its initials
        let spelt = "The Multi Agency Safeguarding Hub opened.\n\nThe MASH met twice.\n";
        assert_eq!(run(&RULE, spelt).len(), 1);
        // an acronym that is no English word is still reported
        assert_eq!(run(&RULE, "The WSCB team met.\n").len(), 1);
    }

    #[test]
    fn codes_are_not_reported() {
        // call signs and part numbers name things
        assert_eq!(run(&RULE, "KC0HIG moved and W9NT seconded.\n"), vec![]);
        // short forms with a digit in them are still read
        assert_eq!(run(&RULE, "The next F2F is in May. The I2S team met.\n").len(), 2);
    }

    #[test]
    fn a_definition_whose_long_form_gives_more_than_initials() {
        let short_first = "A paper by LAFCO (Local Agency Formation Commission) was noted. LAFCO met.\n";
        assert_eq!(run(&RULE, short_first), vec![]);
        let long_first = "The Local Agency Formation Commission (LAFCO) met. LAFCO agreed.\n";
        assert_eq!(run(&RULE, long_first), vec![]);
        // words that cannot spell it define nothing
        let wrong = "The EC (Economic Community Commission) met. The EC agreed.\n";
        assert_eq!(run(&RULE, wrong).len(), 1);
    }

    #[test]
    fn reference_numbers_are_not_uses() {
        let references = "There was a discussion of SB 360 and of the sites MIN 32 and WAS 56.\n";
        assert_eq!(run(&RULE, references), vec![]);
        // the same letters in running prose are uses
        let prose = "There was a discussion of the SB and of the MIN.\n";
        assert_eq!(run(&RULE, prose).len(), 2);
    }

    #[test]
    fn a_persons_initials_defined_after_their_name() {
        let notes = "Eric Rescorla (EKR): I want to understand this.\n\nEKR: What guidance can we give?\n";
        assert_eq!(run(&RULE, notes), vec![]);
        // a speaker's initials the notes never tie to a name are reported
        let untied = "Present: Eric Rescorla.\n\nKH: What guidance can we give?\n\nKH said more.\n";
        assert_eq!(run(&RULE, untied).len(), 1);
    }

    #[test]
    fn reports_each_abbreviation_once_with_plurals_folded() {
        let text = "In terms of PIs, the Board would look.\n\nThe PI was met.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("“PIs”"), "{}", found[0].message);
    }

    #[test]
    fn an_owners_name_is_not_the_long_form_of_initials() {
        // "(AJ)" after an owner would be read as part of the owner, not as a
        // definition: a fix there would be offered again after every --fix
        let text = "The WCA report was noted. WCA to reply.\n\nFigures by district. (Action – Ann James, by 6 March 2026)\n\nThe AJ group met.\n";
        let found = run(&RULE, text);
        assert!(found.iter().filter(|d| d.message.contains("“AJ”")).all(|d| d.fix.is_none()), "{found:?}");
    }
}
