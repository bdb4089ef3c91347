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

/// Compiled first without the lazy DFA, which needs the pattern compiled a
/// second time, reversed: a small file has a few short committing clauses,
/// where the lazy DFA saves less than it costs to build (compiling this
/// pattern was a third of a cold check of a small file). Once the pattern
/// has searched `FAST_AFTER` clauses, it is compiled with the lazy DFA as
/// well, which searches a clause in a tenth of the time: in a long text
/// the searches cost more than the compiling. The matches are the same:
/// leftmost-first, Unicode, as `regex`'s.
fn due_re() -> &'static meta::Regex {
    static SEARCHES: AtomicUsize = AtomicUsize::new(0);
    static SMALL: OnceLock<meta::Regex> = OnceLock::new();
    static FAST: OnceLock<meta::Regex> = OnceLock::new();
    const FAST_AFTER: usize = 32;
    if let Some(fast) = FAST.get() {
        return fast;
    }
    if SEARCHES.fetch_add(1, Ordering::Relaxed) >= FAST_AFTER {
        return FAST.get_or_init(|| build(meta::Regex::config()));
    }
    SMALL.get_or_init(|| build(meta::Regex::config().hybrid(false).dfa(false)))
}

fn build(config: meta::Config) -> meta::Regex {
    let date = format!(r"(?:(?:{WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{4}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})");
    let re = format!(
        r"(?i:(?:by|before|no\s+later\s+than|not\s+later\s+than|until|on|in\s+time\s+for|prior\s+to|ahead\s+of|w/c|for)\s+(?:the\s+)?{date}|(?:by|before|at|to|for|until|in\s+time\s+for|ahead\s+of|prior\s+to|after|during)\s+(?:the|its|our|a)\s+(?:(?:next|following|forthcoming|future|subsequent|{MONTH})\s+)?(?:[A-Za-z&]+\s+)?(?:meeting|teleconference|F2F|call)(?:\s+of\s+(?:the\s+)?[A-Z]\w*)?(?:\s+(?:in|on)\s+(?:{date}|{MONTH}))?|(?:by|before|at|to|for)\s+(?:the\s+)?(?:AGM|annual\s+(?:general\s+)?meeting)|by\s+the\s+end\s+of\s+(?:the\s+)?(?:week|month|year|term|day|{MONTH})(?:\s*\([^()]{{1,20}}\))?|in\s+due\s+course|as\s+soon\s+as\s+(?:possible|practicable|practical)|asap|in\s+the\s+(?:near\s+future|coming\s+(?:days|weeks|months))|later\s+in\s+the\s+year|in\s+the\s+new\s+year|(?:in|during|over|by)\s+the\s+(?:spring|summer|autumn|winter)|after\s+the\s+summer|at\s+a\s+(?:later|future)\s+date|next\s+(?:week|month)|(?:in|during|for|by)\s+{MONTH}(?:\s+\d{{4}})?|(?:by|on|before)\s+{WEEKDAY}|within\s+\d+\s+(?:working\s+)?(?:days|weeks|months))"
    );
    match meta::Regex::builder().configure(config).build(&re) {
        Ok(r) => r,
        // a constant pattern, covered by tests: failing to compile it is a build defect
        Err(e) => panic!("due date pattern: {e}"),
    }
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
    let lower: String = hay
        .chars()
        .map(|c| match c {
            'ſ' => 's',
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    WORDS.iter().any(|w| lower.contains(w))
}

const VAGUE: &[&str] = &["spring", "summer", "autumn", "winter", "due course", "as soon as", "asap", "near future", "coming", "later in the year", "new year", "after the summer", "later date", "future date", "next week", "next month"];

/// The first due date written in `text[range]`.
pub(super) fn find(text: &str, range: Range<usize>) -> Option<Due> {
    let hay = text.get(range.clone())?;
    if !may_hold_due(hay) {
        return None;
    }
    let m = due_re().find(hay)?;
    let span = range.start + m.start()..range.start + m.end();
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
            assert!(due_re().is_match(d), "the pattern finds {d}");
        }
        for clause in ["the clerk would write to the council", "Ross to circulate the notes to members", "to be discussed further"] {
            assert!(!may_hold_due(clause), "{clause}");
            assert!(!due_re().is_match(clause), "{clause}");
        }
    }
}
