//! The built-in lexicon: every word list the model and the rules read, kept
//! once, as data files beside this one, so adding a word is an edit to a
//! list, not to code.
//!
//! - `roles.txt`: roles every committee knows ("Clerk", "Head of HR").
//! - `role_words.txt`: nouns that make a phrase a role or group ("officer").
//! - `titles.txt`: titles before a name ("Cllr", "Dr").
//! - `months.txt`, `weekdays.txt`: names and their short forms.
//! - `abbreviations.txt`: everyday abbreviations (`SHORT = long form`).
//! - `emphasis.txt`: words written in capitals for form or emphasis.
//! - `attendance.txt`: labels of attendance lists and what each records.
//! - `parts.txt`: headings that name a part of the minutes ("Agenda",
//!   "Notes"), not a topic.
//! - `lexicon/`: the clause reader's English: WordNet's verbs and nouns for
//!   people and groups, and the closed classes of function words.
//!
//! Lists are general on purpose: an entry that exists because one file
//! contains it does not belong here.

pub mod lexicon;

use std::collections::HashSet;
use std::sync::OnceLock;

const ROLES: &str = include_str!("roles.txt");
const ROLE_WORDS: &str = include_str!("role_words.txt");
const TITLES: &str = include_str!("titles.txt");
const MONTHS: &str = include_str!("months.txt");
const WEEKDAYS: &str = include_str!("weekdays.txt");
const ABBREVIATIONS: &str = include_str!("abbreviations.txt");
const EMPHASIS: &str = include_str!("emphasis.txt");
const ATTENDANCE: &str = include_str!("attendance.txt");
const PARTS: &str = include_str!("parts.txt");

fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lower_set(data: &str) -> HashSet<String> {
    entries(data).map(str::to_lowercase).collect()
}

/// Lines of names and short forms ("September Sep Sept"), numbered from 1.
fn numbered_forms(data: &str) -> Vec<(String, u8)> {
    entries(data)
        .enumerate()
        .flat_map(|(i, l)| l.split_whitespace().map(move |w| (w.to_lowercase(), i as u8 + 1)))
        .collect()
}

/// The built-in roles, as written in the catalogue.
pub fn roles() -> &'static [String] {
    static R: OnceLock<Vec<String>> = OnceLock::new();
    R.get_or_init(|| entries(ROLES).map(str::to_string).collect())
}

/// The built-in abbreviations: (short, long).
pub fn abbreviations() -> &'static [(String, String)] {
    static A: OnceLock<Vec<(String, String)>> = OnceLock::new();
    A.get_or_init(|| {
        entries(ABBREVIATIONS)
            .filter_map(|l| l.split_once(" = "))
            .map(|(s, l)| (s.trim().to_string(), l.trim().to_string()))
            .collect()
    })
}

/// Whether `name` is a catalogue role ("the clerk", "Head of HR").
pub fn is_role(name: &str) -> bool {
    let n = name.trim();
    let n = n.strip_prefix("the ").or_else(|| n.strip_prefix("The ")).unwrap_or(n);
    roles().iter().any(|r| r.eq_ignore_ascii_case(n))
}

/// The long form of an everyday abbreviation, by its short form as
/// written (case matters: `IT`, not `it`).
pub fn abbreviation(short: &str) -> Option<&'static str> {
    abbreviations().iter().find(|(s, _)| s == short).map(|(_, l)| l.as_str())
}

/// Whether a lower-case word makes a phrase a role or a group
/// ("officer", "committee", "team").
pub fn is_role_word(word: &str) -> bool {
    static W: OnceLock<HashSet<String>> = OnceLock::new();
    W.get_or_init(|| lower_set(ROLE_WORDS)).contains(&word.to_lowercase())
}

/// The titles written before a name, as in the catalogue ("Cllr", "Dr").
pub fn titles() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| entries(TITLES).map(str::to_string).collect())
}

/// Whether a word is a title before a name: "Cllr", "cllr.", "Dr".
pub fn is_title(word: &str) -> bool {
    static T: OnceLock<HashSet<String>> = OnceLock::new();
    let w = word.trim_end_matches('.').to_lowercase();
    T.get_or_init(|| lower_set(TITLES)).contains(&w)
}

/// Every written form of the months: names and short forms, lower case,
/// with the month's number (1–12).
pub fn month_forms() -> &'static [(String, u8)] {
    static M: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    M.get_or_init(|| numbered_forms(MONTHS))
}

/// The number of a month written as a name or short form ("March", "Sept.",
/// "dec"), case-insensitive.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    month_forms().iter().find(|(f, _)| *f == w).map(|(_, n)| *n)
}

/// Every written form of the days of the week: names and short forms,
/// lower case, with the day's number (1 = Monday).
pub fn weekday_forms() -> &'static [(String, u8)] {
    static D: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    D.get_or_init(|| numbered_forms(WEEKDAYS))
}

/// The day of the week (1 = Monday) written as a name or short form.
pub fn weekday_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    weekday_forms().iter().find(|(f, _)| *f == w).map(|(_, n)| *n)
}

/// The short forms among [`month_forms`] or [`weekday_forms`] ("sept",
/// "tues"): every form but the name, which is written first.
pub fn short_forms(forms: &[(String, u8)]) -> impl Iterator<Item = &str> {
    forms.iter().enumerate().filter(|(i, (_, n))| forms[..*i].iter().any(|(_, m)| m == n)).map(|(_, (f, _))| f.as_str())
}

/// Whether a word in capitals is written for form or emphasis
/// ("RESOLVED", "NOT"), not as an abbreviation.
pub fn is_emphasis(word: &str) -> bool {
    static E: OnceLock<HashSet<String>> = OnceLock::new();
    E.get_or_init(|| entries(EMPHASIS).map(str::to_string).collect()).contains(word)
}

/// What an attendance list's label records ("present", "apologies",
/// "absent", "in-attendance"): `label` as written, with its colon, any
/// words in brackets ("People present (lines said)") and a closing "were"
/// ("Board members in attendance were:"); a short phrase ending in a
/// label is that label.
/// Whether a heading names a part of the minutes ("Agenda", "Notes",
/// "Attendees") rather than a topic.
pub fn is_part_heading(title: &str) -> bool {
    static P: OnceLock<HashSet<String>> = OnceLock::new();
    let t = title.trim().trim_end_matches(':').trim().to_lowercase();
    P.get_or_init(|| lower_set(PARTS)).contains(&t) || attendance_label(title).is_some()
}

pub fn attendance_label(label: &str) -> Option<&'static str> {
    static A: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let labels = A.get_or_init(|| {
        entries(ATTENDANCE)
            .filter_map(|l| l.split_once(" = "))
            .map(|(l, k)| (l.trim().to_string(), k.trim().to_string()))
            .collect()
    });
    let cut = label.find(['(', '[']).unwrap_or(label.len());
    let mut words: Vec<String> = label[..cut].trim().trim_end_matches(':').split_whitespace().map(str::to_lowercase).collect();
    // "Board members in attendance were:", "Those present are"
    if words.last().is_some_and(|w| w == "were" || w == "are") {
        words.pop();
    }
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let wanted = words.join(" ");
    // the label itself, or a phrase ending in it ("Board members in
    // attendance"); asked of every heading, so nothing is built per label
    labels
        .iter()
        .filter(|(l, _)| wanted.strip_suffix(l.as_str()).is_some_and(|before| before.is_empty() || before.ends_with(' ')))
        .max_by_key(|(l, _)| l.len())
        .map(|(_, k)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_roles() {
        assert!(is_role("Clerk"));
        assert!(is_role("the Chair"));
        assert!(is_role("Monitoring Officer"));
        assert!(is_role("Section 151 Officer"));
        assert!(!is_role("Ann James"));
    }

    #[test]
    fn catalogue_role_words() {
        assert!(is_role_word("officer"));
        assert!(is_role_word("Committee"));
        assert!(!is_role_word("james"));
    }

    #[test]
    fn attendance_labels() {
        assert_eq!(attendance_label("Attendees:"), Some("present"));
        assert_eq!(attendance_label("People present (lines said)"), Some("present"));
        assert_eq!(attendance_label("REGRETS"), Some("apologies"));
        assert_eq!(attendance_label("Also  in attendance:"), Some("in-attendance"));
        assert_eq!(attendance_label("Presentations"), None);
        assert_eq!(attendance_label("Board members in attendance were:"), Some("present"));
        assert_eq!(attendance_label("Officers in attendance"), Some("in-attendance"));
        assert_eq!(attendance_label("Those present"), Some("present"));
        assert_eq!(attendance_label("Members who sent apologies"), Some("apologies"));
        assert_eq!(attendance_label("The items discussed at the meeting were"), None);
        let kinds: HashSet<&str> = entries(ATTENDANCE).filter_map(|l| l.split_once(" = ")).map(|(_, k)| k.trim()).collect();
        assert_eq!(kinds, HashSet::from(["present", "apologies", "absent", "in-attendance"]), "every label records a known kind");
    }

    #[test]
    fn catalogue_titles() {
        assert!(is_title("Cllr"));
        assert!(is_title("cllr."));
        assert!(is_title("Dr"));
        assert!(is_title("Revd"));
        assert!(!is_title("Ann"));
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("DEC"), Some(12));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(month_forms().iter().filter(|(_, n)| *n == 9).count(), 3);
        assert_eq!(weekday_number("Tues"), Some(2));
        assert_eq!(weekday_number("sunday"), Some(7));
        assert_eq!(weekday_number("Sundays"), None);
    }

    #[test]
    fn everyday_abbreviations() {
        assert_eq!(abbreviation("NHS"), Some("National Health Service"));
        for short in ["COVID", "HQ", "RAF", "SSL", "AGM", "VAT", "UK", "PDF"] {
            assert!(abbreviation(short).is_some(), "{short}");
        }
        assert_eq!(abbreviation("FFD"), None);
        assert_eq!(abbreviation("it"), None);
        // every entry is SHORT = long form (each listed once: every_list_loads_with_no_entry_twice)
        let lines = entries(ABBREVIATIONS).count();
        assert_eq!(abbreviations().len(), lines, "an entry is not written `SHORT = long form`");
    }

    /// Fails unless `entries` has some and none twice, as the list's
    /// lookup compares them (lower-cased where it ignores case).
    fn distinct(list: &str, entries: impl IntoIterator<Item = String>) {
        let mut seen = HashSet::new();
        let mut n = 0;
        for e in entries {
            assert!(seen.insert(e.clone()), "{list}: “{e}” is listed twice");
            n += 1;
        }
        assert!(n > 0, "{list} is empty");
    }

    #[test]
    fn every_list_loads_with_no_entry_twice() {
        distinct("roles.txt", roles().iter().map(|r| r.to_lowercase()));
        distinct("role_words.txt", entries(ROLE_WORDS).map(str::to_lowercase));
        distinct("titles.txt", titles().iter().map(|t| t.to_lowercase()));
        distinct("months.txt", month_forms().iter().map(|(f, _)| f.clone()));
        distinct("weekdays.txt", weekday_forms().iter().map(|(f, _)| f.clone()));
        // short forms are told apart by case ("ToR", "TOR"; "IT", not "it")
        distinct("abbreviations.txt", abbreviations().iter().map(|(s, _)| s.clone()));
        distinct("emphasis.txt", entries(EMPHASIS).map(str::to_string));
        distinct("attendance.txt", entries(ATTENDANCE).filter_map(|l| l.split_once(" = ")).map(|(l, _)| l.trim().to_lowercase()));
        // a line a month, a line a day
        assert_eq!(month_forms().iter().map(|(_, n)| *n).max(), Some(12));
        assert_eq!(weekday_forms().iter().map(|(_, n)| *n).max(), Some(7));
    }

    #[test]
    fn short_forms_leave_out_the_names() {
        let months: Vec<&str> = short_forms(month_forms()).collect();
        assert!(months.contains(&"sept") && months.contains(&"jan"), "{months:?}");
        assert!(!months.contains(&"may") && !months.contains(&"january"), "{months:?}");
        let days: Vec<&str> = short_forms(weekday_forms()).collect();
        assert!(days.contains(&"tues") && !days.contains(&"tuesday"), "{days:?}");
    }

    /// The grammar marks an attendance list by its label before the model
    /// reads it: a label the grammar knows and the catalogue does not would
    /// parse as attendance and then record no one.
    #[test]
    fn the_grammar_and_the_catalogue_know_the_same_attendance_labels() {
        let scanner = include_str!("../../grammar/src/scanner/keywords.h");
        let table = scanner.split("ATTENDANCE[] = {").nth(1).and_then(|t| t.split("NULL").next()).expect("ATTENDANCE table in keywords.h");
        let grammar: Vec<&str> = table.split('"').skip(1).step_by(2).collect();
        assert!(grammar.len() > 10, "{grammar:?}");
        for label in &grammar {
            assert!(attendance_label(label).is_some(), "the grammar's attendance label {label:?} is not in attendance.txt");
        }
        for (label, _) in entries(ATTENDANCE).filter_map(|l| l.split_once(" = ")) {
            assert!(grammar.contains(&label.trim()), "attendance.txt's {label:?} is not in the grammar's ATTENDANCE table");
        }
    }

    #[test]
    fn emphasis_words() {
        assert!(is_emphasis("RESOLVED"));
        assert!(is_emphasis("NOT"));
        assert!(!is_emphasis("NHS"));
        assert!(!is_emphasis("resolved"));
    }
}
