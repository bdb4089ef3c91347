//! Dates as clerks write them: "30 April 2019", "1st December", "2026-12-01",
//! "1/12/2026" (day first), "February 2019", "March 24, 2015". A date with
//! no year takes the meeting's.

use std::sync::OnceLock;

use regex::Regex;

use super::pattern::Pattern;

pub use jiff::civil::Date;

/// Why a written date is not a usable due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date this reader understands.
    Unreadable,
    /// A day that does not exist: "31 February 2026".
    Impossible,
}

fn month_number(word: &str) -> Option<i8> {
    crate::catalogue::month_number(word).map(|n| n as i8)
}

/// The parts of a written date; `year` is absent when not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub year: Option<i16>,
    pub month: i8,
    /// Absent for "February 2019".
    pub day: Option<i8>,
}

fn patterns() -> &'static [Regex; 4] {
    static P: OnceLock<[Regex; 4]> = OnceLock::new();
    P.get_or_init(|| {
        [
            // 30 April 2019, 1st Dec, 9 February
            Regex::new(r"(?i)^(\d{1,2})(?:st|nd|rd|th)?[\s\u{a0}]+([a-z]{3,9}\.?)(?:,?[\s\u{a0}]+(\d{4}))?$").unwrap(),
            // April 30, 2019 / February 2019
            Regex::new(r"(?i)^([a-z]{3,9}\.?)[\s\u{a0}]+(\d{1,4})(?:st|nd|rd|th)?(?:,[\s\u{a0}]*(\d{4}))?$").unwrap(),
            // 2026-12-01
            Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").unwrap(),
            // 1/12/2026, 01.12.26 (day first, as in the UK)
            Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$").unwrap(),
        ]
    })
}

/// How numeric dates are read: `1/12/2026` is 1 December in the UK
/// (day first, the default) and 12 January in the US (`month-day` in
/// `minutes.toml`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    #[default]
    DayMonth,
    MonthDay,
}

/// The order the document's own dates show: a numeric date that can only
/// be read one way (`25/12/2020` is day first, `12/25/2020` month first)
/// and a date written with its month name (`30 April` against `April 30`).
/// `None` when the document shows no order or both equally: then the
/// configured order, or day first, stands.
pub fn infer_order(text: &str) -> Option<DateOrder> {
    // run over the whole text, where most searches are guided (`Pattern`)
    static NUMERIC: Pattern = Pattern::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b");
    static DAY_FIRST: Pattern = Pattern::new(r"\b\d{1,2}(?:st|nd|rd|th)?[\s\u{a0}]+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b");
    // "April 30" but not "April 2019"; month names capitalised, so "may"
    // the verb is no month
    static MONTH_FIRST: Pattern = Pattern::new(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?[\s\u{a0}]+\d{1,2}(?:st|nd|rd|th)?\b");
    let (numeric, day_first, month_first) = (&NUMERIC, &DAY_FIRST, &MONTH_FIRST);
    let (mut day, mut month) = (0usize, 0usize);
    for c in numeric.captures_iter(text) {
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        match (a, b) {
            (13..=31, 1..=12) => day += 1,
            (1..=12, 13..=31) => month += 1,
            _ => {}
        }
    }
    day += day_first.find_iter(text).count();
    month += month_first.find_iter(text).count();
    match day.cmp(&month) {
        std::cmp::Ordering::Greater => Some(DateOrder::DayMonth),
        std::cmp::Ordering::Less => Some(DateOrder::MonthDay),
        std::cmp::Ordering::Equal => None,
    }
}

/// Reads the parts of a written date, numeric dates in the given order.
pub fn read_in(written: &str, order: DateOrder) -> Option<Written> {
    let w = read(written)?;
    let numeric = || patterns()[3].is_match(written.trim().trim_end_matches(['.', ',', ';', ')']));
    match (order, w.day) {
        (DateOrder::MonthDay, Some(day)) if numeric() => Some(Written { day: Some(w.month), month: day, year: w.year }),
        _ => Some(w),
    }
}

/// Reads the parts of a written date (numeric dates day first).
pub fn read(written: &str) -> Option<Written> {
    let w = written.trim().trim_end_matches(['.', ',', ';', ')']);
    let [dm, md, iso, slash] = patterns();
    if let Some(c) = dm.captures(w) {
        let month = month_number(&c[2])?;
        return Some(Written {
            day: c[1].parse().ok(),
            month,
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
        });
    }
    if let Some(c) = md.captures(w) {
        let month = month_number(&c[1])?;
        let n: i32 = c[2].parse().ok()?;
        if c[2].len() == 4 {
            return Some(Written { day: None, month, year: Some(n as i16) });
        }
        return Some(Written {
            day: Some(n as i8),
            month,
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
        });
    }
    if let Some(c) = iso.captures(w) {
        return Some(Written { year: c[1].parse().ok(), month: c[2].parse().ok()?, day: c[3].parse().ok() });
    }
    if let Some(c) = slash.captures(w) {
        let mut year: i16 = c[3].parse().ok()?;
        if year < 100 {
            year += 2000;
        }
        return Some(Written { day: c[1].parse().ok(), month: c[2].parse().ok()?, year: Some(year) });
    }
    None
}

/// Resolves a written date. With no year, takes the meeting's year (the
/// next one when that would put it before the meeting). "February 2019"
/// means the end of the month.
pub fn resolve(w: Written, meeting: Option<Date>) -> Result<Date, DateProblem> {
    let year = match (w.year, meeting) {
        (Some(y), _) => y,
        (None, Some(m)) => m.year(),
        (None, None) => return Err(DateProblem::Unreadable),
    };
    if !(1..=12).contains(&w.month) {
        return Err(DateProblem::Impossible);
    }
    let date = match w.day {
        Some(d) => Date::new(year, w.month, d).map_err(|_| DateProblem::Impossible)?,
        None => Date::new(year, w.month, 1).map_err(|_| DateProblem::Impossible)?.last_of_month(),
    };
    if w.year.is_none() {
        if let Some(m) = meeting {
            if date < m {
                if let Ok(next) = Date::new(year + 1, w.month, date.day()) {
                    return Ok(next);
                }
            }
        }
    }
    Ok(date)
}

/// Parses a written date, with the meeting date for a missing year.
pub fn parse(written: &str, meeting: Option<Date>) -> Option<Date> {
    read(written).and_then(|w| resolve(w, meeting).ok())
}

/// Parses a date that must stand on its own (a year may be missing: that
/// is resolved later against the meeting). Reports what is wrong.
pub fn parse_checked(written: &str) -> Result<Date, DateProblem> {
    let w = read(written).ok_or(DateProblem::Unreadable)?;
    // check the day exists, in a leap year when no year is written
    resolve(Written { year: Some(w.year.unwrap_or(2024)), ..w }, None)
}

/// The date in a due phrase: "30 April 2019" of "by 30 April 2019",
/// "(due: 1/12/2026)". `None` when the phrase names no date ("at the next
/// meeting").
pub fn date_part(phrase: &str) -> Option<&str> {
    let t = phrase.trim().trim_start_matches([',', '(']).trim();
    let lower = t.to_lowercase();
    for kw in ["no later than ", "by ", "before ", "due: ", "due ", "on ", "until "] {
        if lower.starts_with(kw) {
            let rest = t[kw.len()..].trim().trim_end_matches([')', '.', ',', ';']);
            return read(rest).map(|_| rest);
        }
    }
    read(t).map(|_| t)
}

/// Finds the first date written in `text` (for the meeting date).
pub fn find_first(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    // every form has digits: text without any is not searched, and the
    // pattern is not compiled for it
    if !text.chars().any(char::is_numeric) {
        return None;
    }
    static P: Pattern = Pattern::new(r"(?i)\b(\d{1,2}(?:st|nd|rd|th)?[\s\u{a0}]+(?:january|february|march|april|may|june|july|august|september|october|november|december)[\s\u{a0}]+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)[\s\u{a0}]+\d{1,2},[\s\u{a0}]*\d{4})\b");
    let p = &P;
    p.find_iter(text).find_map(|m| {
        let w = read(m.as_str())?;
        w.year?;
        resolve(w, None).ok().map(|d| (d, m.range()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_the_forms_clerks_write() {
        let m = Some(date(2019, 3, 1));
        assert_eq!(parse("30 April 2019", None), Some(date(2019, 4, 30)));
        assert_eq!(parse("1st December", m), Some(date(2019, 12, 1)));
        assert_eq!(parse("9 February", m), Some(date(2020, 2, 9)));
        assert_eq!(parse("2026-12-01", None), Some(date(2026, 12, 1)));
        assert_eq!(parse("1/12/2026", None), Some(date(2026, 12, 1)));
        assert_eq!(parse("February 2019", None), Some(date(2019, 2, 28)));
        assert_eq!(parse("March 24, 2015", None), Some(date(2015, 3, 24)));
        assert_eq!(parse("22\u{a0}Feb", m), Some(date(2020, 2, 22)));
    }

    #[test]
    fn numeric_dates_month_first_when_asked() {
        let us = |t: &str| read_in(t, DateOrder::MonthDay).and_then(|w| resolve(w, None).ok()).map(|d| d.to_string());
        assert_eq!(us("12/1/2026").as_deref(), Some("2026-12-01"));
        assert_eq!(us("30 April 2019.").as_deref(), Some("2019-04-30"));
        assert_eq!(us("2026-12-01").as_deref(), Some("2026-12-01"));
        assert_eq!(read_in("12/1/2026", DateOrder::DayMonth).map(|w| (w.day, w.month)), Some((Some(12), 1)));
    }

    #[test]
    fn the_document_shows_its_date_order() {
        assert_eq!(infer_order("Meeting of 21 December 2020. Forms due by 12/25/2020."), None);
        assert_eq!(infer_order("Meeting of December 21, 2020. Forms due by 12/25/2020."), Some(DateOrder::MonthDay));
        assert_eq!(infer_order("Payment sent 25/12/2020 and 3/1/2021."), Some(DateOrder::DayMonth));
        assert_eq!(infer_order("Held on 3 March 2026; next on 7 April."), Some(DateOrder::DayMonth));
        assert_eq!(infer_order("Report due April 2027; members may 12 times object."), None);
        assert_eq!(infer_order("Nothing dated here, 3/4/2026 either way."), None);
    }

    #[test]
    fn reports_impossible_and_unreadable_dates() {
        assert_eq!(parse_checked("31 February 2026"), Err(DateProblem::Impossible));
        assert_eq!(parse_checked("29 February"), Ok(date(2024, 2, 29)));
        assert_eq!(parse_checked("32/13/2026"), Err(DateProblem::Impossible));
        assert_eq!(parse_checked("soon"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn finds_the_first_full_date() {
        let (d, r) = find_first("Meeting held on Tuesday 4th April 2017, 7.30pm").unwrap();
        assert_eq!(d, date(2017, 4, 4));
        assert_eq!(r, 24..38);
    }
}
