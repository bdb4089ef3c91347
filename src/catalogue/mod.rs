//! The built-in catalogue: roles and abbreviations everyone knows. Kept as
//! data files (`roles.txt`, `abbreviations.txt`) so adding one is an edit
//! to a list, not to code.

pub mod lexicon;

use std::sync::OnceLock;

const ROLES: &str = include_str!("roles.txt");
const ABBREVIATIONS: &str = include_str!("abbreviations.txt");

fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
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
            .filter_map(|l| l.split_once('='))
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

/// The long form of a well-known abbreviation.
pub fn abbreviation(short: &str) -> Option<&'static str> {
    abbreviations().iter().find(|(s, _)| s == short).map(|(_, l)| l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_knows_common_roles_and_abbreviations() {
        assert!(is_role("Clerk"));
        assert!(is_role("the Chair"));
        assert!(is_role("Monitoring Officer"));
        assert!(is_role("Section 151 Officer"));
        assert!(!is_role("Ann James"));
        assert_eq!(abbreviation("NHS"), Some("National Health Service"));
        assert_eq!(abbreviation("FFD"), None);
    }
}
