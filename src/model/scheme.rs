//! Numbering schemes: how a document numbers its items, learnt from its own
//! first items and used to read the lines after them.
//!
//! Clerks number items in many ways (`1.`, `2)`, `Item 4`, `Minute 26`,
//! `124/17` minute/year, `Item 21/04/7` references whose last part counts,
//! `## Title`). Whatever a document uses for its first items is what its
//! later items use too; a heading in another shape (`i. Highways` under
//! `5. Reports`, `1. i) Highways` among `6/16`) is a sub-heading, not an
//! item, and numbers are compared only within one scheme and one level.

use std::fmt;

/// The shape of an item number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `1.`, `12.`, `2` before a title in capitals
    Dot,
    /// `1)`, `2)`
    Paren,
    /// `Item 4`, `Item 4:`
    Item,
    /// `Minute 26`, `Minute 26/19 –`
    Minute,
    /// `124/17`: the minute's number, then the year
    NumberYear,
    /// `21/04/7`, `Item 22/11/6/15.`: a reference of three or more parts
    /// whose last part counts within the others
    Reference,
    /// `I.`, `IV.`: upper-case roman numbers (US agendas)
    Roman,
    /// `## Title`, `### Title`: Markdown headings of one level
    Markdown(u8),
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scheme::Dot => write!(f, "N."),
            Scheme::Paren => write!(f, "N)"),
            Scheme::Item => write!(f, "Item N"),
            Scheme::Minute => write!(f, "Minute N"),
            Scheme::NumberYear => write!(f, "N/YY"),
            Scheme::Reference => write!(f, "A/B/N"),
            Scheme::Roman => write!(f, "I."),
            Scheme::Markdown(level) => write!(f, "{}", "#".repeat(*level as usize)),
        }
    }
}

/// An item number as written, read into its scheme and parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemNumber {
    pub scheme: Scheme,
    /// The parts before the counting one: `21/04` of `21/04/7`.
    pub prefix: String,
    /// The counting part: `7` of `21/04/7`, `124` of `124/17`.
    pub value: Option<u32>,
    /// The year of a minute number: `17` of `124/17`.
    pub year: Option<String>,
    /// The number in the model's normal form: `7`, `124/17`, `21/04/7`.
    pub normal: String,
}

/// Reads an item number token as the grammar gives it: `1.`, `2) `,
/// `Item 4:`, `Minute 26/19 –`, `124/17 `, `Item 21/04/7 `, `22/11/6/15. `,
/// `## `, `## 5.`, `2 ` (before a title in capitals).
pub fn read(written: &str) -> Option<ItemNumber> {
    let w = written.trim();
    if w.starts_with('#') {
        let level = w.chars().take_while(|c| *c == '#').count().min(6) as u8;
        let rest = w.trim_start_matches('#').trim().trim_end_matches(['.', ':', ')', '\\']);
        // "# 2.1 Participants": the parts before the last are its parents
        let (prefix, last) = match rest.rsplit_once('.') {
            Some((parents, last)) if !parents.is_empty() && parents.split('.').chain([last]).all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) => (parents, last),
            _ => ("", rest),
        };
        return Some(ItemNumber {
            scheme: Scheme::Markdown(level),
            prefix: prefix.to_string(),
            value: last.parse().ok(),
            year: None,
            normal: rest.to_string(),
        });
    }
    let bare = w.trim_end_matches(['.', ')', ':']).trim();
    if let Some(value) = roman_value(bare) {
        return Some(ItemNumber { scheme: Scheme::Roman, prefix: String::new(), value: Some(value), year: None, normal: bare.to_string() });
    }
    let w = super::build::strip_agenda(w);
    let lower = w.to_ascii_lowercase();
    let (keyword, rest) = if lower.starts_with("item") {
        (Some(Scheme::Item), &w[4..])
    } else if lower.starts_with("minute") {
        (Some(Scheme::Minute), &w[6..])
    } else {
        (None, w)
    };
    let rest = rest.trim();
    // "Item #1:", "Item No. 4": the sign before the number
    let rest = match keyword {
        Some(_) => number_sign(rest),
        None => rest,
    };
    let digits_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.')).unwrap_or(rest.len());
    let reference = rest[..digits_end].trim_end_matches(['.', '/']);
    let closer = rest[digits_end..].trim_start().chars().next();
    if reference.is_empty() {
        return None;
    }
    let parts: Vec<&str> = reference.split(['/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let slashes = reference.contains('/');
    // "1.0 Apologies", "2.0 Minutes": whole numbers written as decimals
    if keyword.is_none() && parts.len() == 2 && parts[1] == "0" && !slashes {
        return Some(ItemNumber { scheme: Scheme::Dot, prefix: String::new(), value: parts[0].parse().ok(), year: None, normal: parts[0].to_string() });
    }
    let (scheme, prefix, value, year) = match (keyword, parts.len(), slashes) {
        (Some(k), 1, _) => (k, String::new(), parts[0].parse().ok(), None),
        (Some(Scheme::Minute), 2, true) | (None, 2, true) => {
            let scheme = keyword.unwrap_or(Scheme::NumberYear);
            (scheme, String::new(), parts[0].parse().ok(), Some(parts[1].to_string()))
        }
        (Some(Scheme::Item), 2, true) => (Scheme::Item, String::new(), parts[0].parse().ok(), Some(parts[1].to_string())),
        (_, n, _) if n >= 2 => {
            let sep = if slashes { '/' } else { '.' };
            let prefix = parts[..n - 1].join(&sep.to_string());
            (Scheme::Reference, prefix, parts[n - 1].parse().ok(), None)
        }
        (None, 1, _) => {
            let scheme = if closer == Some(')') || w.ends_with(')') { Scheme::Paren } else { Scheme::Dot };
            (scheme, String::new(), parts[0].parse().ok(), None)
        }
        _ => return None,
    };
    Some(ItemNumber { scheme, prefix, value, year, normal: reference.to_string() })
}

/// `rest` without a number sign before its digits ("#1" → "1", "No. 4" → "4").
fn number_sign(rest: &str) -> &str {
    if let Some(r) = rest.strip_prefix('#') {
        return r;
    }
    match rest.get(..2) {
        Some(no) if no.eq_ignore_ascii_case("no") => rest[2..].trim_start_matches('.').trim_start(),
        _ => rest,
    }
}

/// The value of an upper-case roman number ("IV" → 4), written the
/// usual way (no more than three of a letter in a row).
fn roman_value(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 6 || !w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) || w.contains("IIII") {
        return None;
    }
    let digit = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let bytes = w.as_bytes();
    let mut total = 0i32;
    for (k, &b) in bytes.iter().enumerate() {
        let v = digit(b);
        if bytes.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// The scheme a document's items follow: that of its first numbered items.
/// A scheme is taken once two items share it (one may be a stray or a
/// heading of the preamble); a document with one numbered item has that
/// item's.
pub fn learn<'a>(numbers: impl IntoIterator<Item = &'a ItemNumber>) -> Option<Scheme> {
    // each scheme seen, with the first number written in it
    let mut seen: Vec<(Scheme, Option<u32>)> = Vec::new();
    let mut first = None;
    for n in numbers {
        first.get_or_insert(n.scheme);
        match seen.iter_mut().find(|(s, _)| *s == n.scheme) {
            // the same number again ("15. Special provisions" quoted before
            // and after an amendment) counts nothing on
            Some((_, value)) if n.value.is_some() && *value == n.value => {}
            Some(_) => return Some(n.scheme),
            None => seen.push((n.scheme, n.value)),
        }
    }
    first
}

/// The year most minute numbers of the scheme carry (`17` of `124/17`).
pub fn common_year<'a>(numbers: impl IntoIterator<Item = &'a ItemNumber>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for y in numbers.into_iter().filter_map(|n| n.year.clone()) {
        match counts.iter_mut().find(|(k, _)| *k == y) {
            Some((_, c)) => *c += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, c)| *c).filter(|(_, c)| *c >= 2).map(|(y, _)| y)
}

/// A minute number written without its slash (`13117` for `131/17`): the
/// digits are the expected number followed by the scheme's year.
pub fn is_slash_dropped(digits: &str, expected: u32, year: &str) -> bool {
    digits == format!("{expected}{year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme(w: &str) -> Option<Scheme> {
        read(w).map(|n| n.scheme)
    }

    #[test]
    fn reads_every_shape() {
        assert_eq!(scheme("1."), Some(Scheme::Dot));
        assert_eq!(scheme("2) "), Some(Scheme::Paren));
        assert_eq!(scheme("Item 4:"), Some(Scheme::Item));
        assert_eq!(read("Agenda Item 4 -").map(|n| (n.scheme, n.value)), Some((Scheme::Item, Some(4))));
        assert_eq!(scheme("Minute 26/19 –"), Some(Scheme::Minute));
        assert_eq!(scheme("124/17 "), Some(Scheme::NumberYear));
        assert_eq!(scheme("## "), Some(Scheme::Markdown(2)));
        assert_eq!(read("IV. ").map(|n| (n.scheme, n.value)), Some((Scheme::Roman, Some(4))));
        assert_eq!(read("XII.").and_then(|n| n.value), Some(12));
        assert_eq!(read("2.0 ").map(|n| (n.scheme, n.value)), Some((Scheme::Dot, Some(2))));
        let r = read("Item 22/11/6/15. ").unwrap();
        assert_eq!((r.scheme, r.prefix.as_str(), r.value, r.normal.as_str()), (Scheme::Reference, "22/11/6", Some(15), "22/11/6/15"));
        let r = read("21/04/7 ").unwrap();
        assert_eq!((r.scheme, r.prefix.as_str(), r.value), (Scheme::Reference, "21/04", Some(7)));
        let r = read("# 2.1 ").unwrap();
        assert_eq!((r.scheme, r.prefix.as_str(), r.value, r.normal.as_str()), (Scheme::Markdown(1), "2", Some(1), "2.1"));
        assert_eq!(read("## 5\\.").map(|n| (n.prefix, n.value)), Some((String::new(), Some(5))));
        let r = read("124/17").unwrap();
        assert_eq!((r.value, r.year.as_deref()), (Some(124), Some("17")));
    }

    #[test]
    fn learns_from_the_first_items() {
        let ns: Vec<ItemNumber> = ["1/16", "1.", "2/16", "3/16"].iter().filter_map(|w| read(w)).collect();
        assert_eq!(learn(&ns), Some(Scheme::NumberYear));
        assert_eq!(common_year(&ns).as_deref(), Some("16"));
        assert!(is_slash_dropped("13117", 131, "17"));
        assert!(!is_slash_dropped("1317", 131, "17"));
    }
}
