//! Due dates written in a committing clause: "by 10 February 2020", "before
//! 22 February", "at the next meeting", "in due course" (vague). One regular
//! expression, run only on clauses already found to commit someone.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::meta;

/// A due date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub text: String,
    pub span: Range<usize>,
    /// True when no date, month, weekday or meeting is named.
    pub vague: bool,
}

const MONTH: &str = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const WEEKDAY: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// The due-date pattern, one regular expression per alternative, each
/// with what it cannot match without: the pattern was the costliest to
/// compile (a fifth of a cold check of a small file), and a clause needs
/// few of its alternatives. A clause's due date is the match of the whole
/// pattern, leftmost-first: the leftmost of the alternatives' matches, the
/// first alternative's among those that start there, and that
/// alternative's own leftmost-first match.
///
/// Each is compiled first without the lazy DFA, which needs it compiled a
/// second time, reversed: a small file has a few short committing clauses,
/// where the lazy DFA saves less than it costs to build. Once `FAST_AFTER`
/// clauses have been searched, each is compiled with the lazy DFA as well,
/// which searches a clause in a tenth of the time: in a long text the
/// searches cost more than the compiling. The matches are the same:
/// leftmost-first, Unicode, as `regex`'s.
struct Alternatives {
    sources: Vec<(Need, String)>,
    small: Vec<OnceLock<meta::Regex>>,
    fast: Vec<OnceLock<meta::Regex>>,
}

/// What an alternative cannot match without: a digit (a date has digits),
/// or one of these words, in the clause lower-cased.
enum Need {
    Digit,
    Word(&'static [&'static str]),
}

const FAST_AFTER: usize = 32;

fn alternatives() -> &'static Alternatives {
    static ALTERNATIVES: OnceLock<Alternatives> = OnceLock::new();
    ALTERNATIVES.get_or_init(|| {
        let date = format!(r"(?:(?:{WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{4}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})");
        let sources = vec![
            (Need::Digit, format!(r"(?i:(?:by|before|no\s+later\s+than|not\s+later\s+than|until|on|in\s+time\s+for|prior\s+to|ahead\s+of|w/c|for)\s+(?:the\s+)?{date})")),
            (Need::Word(&["meeting", "teleconference", "f2f", "call"]), format!(r"(?i:(?:by|before|at|to|for|until|in\s+time\s+for|ahead\s+of|prior\s+to|after|during)\s+(?:the|its|our|a)\s+(?:(?:next|following|forthcoming|future|subsequent|{MONTH})\s+)?(?:[A-Za-z&]+\s+)?(?:meeting|teleconference|F2F|call)(?:\s+of\s+(?:the\s+)?[A-Z]\w*)?(?:\s+(?:in|on)\s+(?:{date}|{MONTH}))?)")),
            (Need::Word(&["agm", "meeting"]), r"(?i:(?:by|before|at|to|for)\s+(?:the\s+)?(?:AGM|annual\s+(?:general\s+)?meeting))".to_string()),
            (Need::Word(&["end"]), format!(r"(?i:by\s+the\s+end\s+of\s+(?:the\s+)?(?:week|month|year|term|day|{MONTH})(?:\s*\([^()]{{1,20}}\))?)")),
            (Need::Word(&["course"]), r"(?i:in\s+due\s+course)".to_string()),
            (Need::Word(&["soon"]), r"(?i:as\s+soon\s+as\s+(?:possible|practicable|practical))".to_string()),
            (Need::Word(&["asap"]), r"(?i:asap)".to_string()),
            (Need::Word(&["future", "coming"]), r"(?i:in\s+the\s+(?:near\s+future|coming\s+(?:days|weeks|months)))".to_string()),
            (Need::Word(&["year"]), r"(?i:later\s+in\s+the\s+year)".to_string()),
            (Need::Word(&["year"]), r"(?i:in\s+the\s+new\s+year)".to_string()),
            (Need::Word(&["spring", "summer", "autumn", "winter"]), r"(?i:(?:in|during|over|by)\s+the\s+(?:spring|summer|autumn|winter))".to_string()),
            (Need::Word(&["summer"]), r"(?i:after\s+the\s+summer)".to_string()),
            (Need::Word(&["date"]), r"(?i:at\s+a\s+(?:later|future)\s+date)".to_string()),
            (Need::Word(&["next"]), r"(?i:next\s+(?:week|month))".to_string()),
            (Need::Word(&["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]), format!(r"(?i:(?:in|during|for|by)\s+{MONTH}(?:\s+\d{{4}})?)")),
            // every weekday ends in "day"
            (Need::Word(&["day"]), format!(r"(?i:(?:by|on|before)\s+{WEEKDAY})")),
            (Need::Digit, r"(?i:within\s+\d+\s+(?:working\s+)?(?:days|weeks|months))".to_string()),
        ];
        let count = sources.len();
        Alternatives { sources, small: (0..count).map(|_| OnceLock::new()).collect(), fast: (0..count).map(|_| OnceLock::new()).collect() }
    })
}

fn build(source: &str, config: meta::Config) -> meta::Regex {
    match meta::Regex::builder().configure(config).build(source) {
        Ok(r) => r,
        // a constant pattern, covered by tests: failing to compile it is a build defect
        Err(e) => panic!("due date pattern: {e}"),
    }
}

/// Where the due-date pattern's first match in `hay` is.
fn find_due(hay: &str) -> Option<Range<usize>> {
    static SEARCHES: AtomicUsize = AtomicUsize::new(0);
    let fast = SEARCHES.fetch_add(1, Ordering::Relaxed) >= FAST_AFTER;
    let alternatives = alternatives();
    let numeric = hay.chars().any(char::is_numeric);
    let lower = folded(hay);
    let mut first: Option<Range<usize>> = None;
    for (i, (need, source)) in alternatives.sources.iter().enumerate() {
        let needed = match need {
            Need::Digit => numeric,
            Need::Word(words) => words.iter().any(|w| lower.contains(w)),
        };
        if !needed {
            continue;
        }
        let re = if fast {
            alternatives.fast[i].get_or_init(|| build(source, meta::Regex::config()))
        } else {
            alternatives.small[i].get_or_init(|| build(source, meta::Regex::config().hybrid(false).dfa(false)))
        };
        // an earlier alternative starting at the same place comes first
        if let Some(m) = re.find(hay).filter(|m| first.as_ref().is_none_or(|f| m.start() < f.start)) {
            first = Some(m.range());
        }
    }
    first
}

fn datey(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"(?i:\d|{MONTH}|{WEEKDAY}|meeting|\bAGM\b|teleconference|F2F|call)")).unwrap_or_else(|_| Regex::new("$^").expect("trivial")))
        .is_match(s)
}

/// Whether `hay` holds a digit or one of the words every form of due date
/// is written with (a date has digits; "meeting", "call", "AGM", "end of",
/// "due course", "as soon as", "asap", "near future", "coming", "year",
/// the seasons, "later", "next", the months' first three letters, and every
/// weekday ends in "day"), so that a clause without any is not searched, and
/// a document without one does not compile the pattern: it is the costliest
/// to compile (a third of a cold check of a small file). The pattern is
/// case-insensitive: the letters that fold onto ASCII ones ("ſ", the Kelvin
/// sign) are read as those.
fn may_hold_due(hay: &str) -> bool {
    const WORDS: &[&str] = &[
        "meeting", "teleconference", "call", "agm", "end", "course", "soon", "asap", "future", "coming", "year", "spring", "summer", "autumn", "winter", "later", "next", "day", "jan", "feb", "mar", "apr", "may", "jun",
        "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if hay.chars().any(char::is_numeric) {
        return true;
    }
    let lower = folded(hay);
    WORDS.iter().any(|w| lower.contains(w))
}

/// `hay` with ASCII in lower case and the letters that fold onto ASCII
/// ones under case-insensitivity ("ſ", the Kelvin sign) as those.
fn folded(hay: &str) -> String {
    hay.chars()
        .map(|c| match c {
            'ſ' => 's',
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

const VAGUE: &[&str] = &["spring", "summer", "autumn", "winter", "due course", "as soon as", "asap", "near future", "coming", "later in the year", "new year", "after the summer", "later date", "future date", "next week", "next month"];

/// The first due date written in `text[range]`.
pub(super) fn find(text: &str, range: Range<usize>) -> Option<Due> {
    let hay = text.get(range.clone())?;
    if !may_hold_due(hay) {
        return None;
    }
    let m = find_due(hay)?;
    let span = range.start + m.start..range.start + m.end;
    let written = &text[span.clone()];
    let lower = written.to_lowercase();
    let vague = VAGUE.iter().any(|v| lower.contains(v)) || !datey(written);
    Some(Due { text: written.to_string(), span, vague })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_due_date_the_pattern_finds_passes_the_word_check() {
        let dues = [
            "by 10 February 2020",
            "before 22nd of feb",
            "no later than\n3/4/25",
            "at the next meeting",
            "to the  following Board call of the Trust",
            "for the AGM",
            "by the annual general meeting",
            "by the end of the month",
            "by the END OF term",
            "in due course",
            "as soon as practicable",
            "ASAP",
            "in the near future",
            "in the coming weeks",
            "later in the year",
            "in the new year",
            "over the winter",
            "after the summer",
            "at a later date",
            "next week",
            "in SEPT",
            "on Friday",
            "within 14 working days",
            "within ٣ days",
            // the pattern is case-insensitive: a long s is an s
            "in the ſpring",
            "aſap",
        ];
        for d in dues {
            assert!(may_hold_due(d), "{d}");
            assert!(find_due(d).is_some(), "the pattern finds {d}");
        }
        for clause in ["the clerk would write to the council", "Ross to circulate the notes to members", "to be discussed further"] {
            assert!(!may_hold_due(clause), "{clause}");
            assert!(find_due(clause).is_none(), "{clause}");
        }
    }

    /// The alternatives searched apart find what the whole pattern does.
    #[test]
    fn the_alternatives_find_what_the_whole_pattern_does() {
        let inner: Vec<&str> = alternatives().sources.iter().map(|(_, s)| &s[4..s.len() - 1]).collect();
        let whole = meta::Regex::new(&format!("(?i:{})", inner.join("|"))).unwrap();
        let clauses = [
            "Ann to report on Friday, by the next meeting, in due course",
            "Bob to write by 3 March 2021 or at the AGM",
            "to circulate the notes before the AGM on 4 May",
            "Cat to call the council after the summer, by the end of the year",
            "on Monday 12 June: at a later date within 3 weeks",
            "for the next Board call of the Trust in March, asap",
            "the clerk would write to the council",
            "by 10/11/2022 in the coming weeks",
            "during the spring meeting, in the new year",
            "no later than\n3/4/25 later in the year",
            "in SEPT before Tuesday ſoon aſap",
        ];
        for clause in clauses {
            assert_eq!(find_due(clause), whole.find(clause).map(|m| m.range()), "{clause}");
        }
    }
}
