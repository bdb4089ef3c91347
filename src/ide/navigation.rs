//! Go to definition, references and rename for abbreviations and people.
//! A target is found under the cursor; its definition is the abbreviation's
//! definition or the person's attendance entry; its references are every
//! place it is written.

use std::ops::Range;

use super::{contains, word_at};
use crate::model::Document;

/// What the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An abbreviation, by its short form.
    Abbreviation(String),
    /// A person of the document, by their name as written in attendance.
    Person(String),
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Abbreviation(s) | Target::Person(s) => s,
        }
    }
}

/// The target under `offset` and the range of the word that names it.
pub fn target_at(text: &str, doc: &Document, offset: usize) -> Option<(Target, Range<usize>)> {
    for a in &doc.abbreviations {
        if contains(&a.span, offset) && a.form != crate::model::DefinitionForm::Attendance {
            return Some((Target::Abbreviation(a.short.clone()), a.span.clone()));
        }
    }
    for u in &doc.abbreviation_uses {
        if contains(&u.span, offset) {
            return Some((Target::Abbreviation(u.short.clone()), u.span.start..u.span.start + u.short.len().min(u.span.len())));
        }
    }
    // a person: on their name in attendance, or on any place the name is written
    for p in &doc.people {
        if let Some(r) = name_occurrence_at(text, &p.name, offset) {
            return Some((Target::Person(p.name.clone()), r));
        }
    }
    // initials from attendance ("MW") name a person too
    let word = word_at(text, offset);
    let w = &text[word.clone()];
    if let Some(p) = doc.people.iter().find(|p| p.initials.as_deref() == Some(w)) {
        return Some((Target::Person(p.name.clone()), word));
    }
    if let Some(a) = doc.abbreviations.iter().find(|a| a.short == w) {
        return Some((Target::Abbreviation(a.short.clone()), word));
    }
    None
}

/// Whether `text[r]` stands as a whole word (not inside a longer word).
fn whole_word(text: &str, r: &Range<usize>) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !word(text[..r.start].chars().next_back()) && !word(text[r.end..].chars().next())
}

/// Where a name is written as a whole word (not inside a longer word).
pub fn name_occurrences(text: &str, name: &str) -> Vec<Range<usize>> {
    if name.is_empty() {
        return Vec::new();
    }
    text.match_indices(name).map(|(i, m)| i..i + m.len()).filter(|r| whole_word(text, r)).collect()
}

/// The place `name` is written as a whole word around `offset`: only the
/// starts that could reach `offset` are tried, so finding what the cursor
/// is on costs the name's length, not the document's.
fn name_occurrence_at(text: &str, name: &str, offset: usize) -> Option<Range<usize>> {
    if name.is_empty() {
        return None;
    }
    let offset = offset.min(text.len());
    (offset.saturating_sub(name.len())..=offset)
        .filter(|i| text.is_char_boundary(*i) && text[*i..].starts_with(name))
        .map(|i| i..i + name.len())
        .find(|r| contains(r, offset) && whole_word(text, r))
}

/// Where the target is defined in this document.
pub fn definition(text: &str, doc: &Document, target: &Target) -> Option<Range<usize>> {
    match target {
        Target::Abbreviation(short) => doc.definition(short).map(|a| a.span.clone()),
        Target::Person(name) => {
            let p = doc.people.iter().find(|p| &p.name == name)?;
            let within = &text[p.span.clone()];
            Some(match within.find(name.as_str()) {
                Some(i) => p.span.start + i..p.span.start + i + name.len(),
                None => p.span.clone(),
            })
        }
    }
}

/// Every place the target is written, the definition first, in text order.
pub fn references(text: &str, doc: &Document, target: &Target, include_definition: bool) -> Vec<Range<usize>> {
    let def = definition(text, doc, target);
    let mut out: Vec<Range<usize>> = match target {
        Target::Abbreviation(short) => {
            let mut v: Vec<Range<usize>> = doc.abbreviations.iter().filter(|a| &a.short == short).map(|a| a.span.clone()).collect();
            v.extend(doc.abbreviation_uses.iter().filter(|u| &u.short == short).map(|u| u.span.start..u.span.start + short.len().min(u.span.len())));
            v
        }
        Target::Person(name) => {
            let mut v = name_occurrences(text, name);
            if let Some(i) = doc.people.iter().find(|p| &p.name == name).and_then(|p| p.initials.clone()) {
                v.extend(name_occurrences(text, &i));
            }
            v
        }
    };
    out.sort_by_key(|r| r.start);
    out.dedup();
    if !include_definition {
        if let Some(d) = &def {
            out.retain(|r| r != d);
        }
    }
    out
}

/// Why a rename cannot happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenameError(pub String);

/// The range a rename would replace at `offset`, or why not.
pub fn prepare_rename(text: &str, doc: &Document, offset: usize) -> Result<(Range<usize>, Target), RenameError> {
    match target_at(text, doc, offset) {
        Some((t, r)) => Ok((r, t)),
        None => Err(RenameError("only abbreviations and people can be renamed".into())),
    }
}

/// The edits that rename the target to `new_name`: its definition and every
/// use (a plural or possessive keeps its ending: `PIs` → `KPIs`).
pub fn rename(text: &str, doc: &Document, target: &Target, new_name: &str) -> Result<Vec<(Range<usize>, String)>, RenameError> {
    let new_name = new_name.trim();
    if new_name.is_empty() || new_name.contains(['\n', '\r', '(', ')']) {
        return Err(RenameError(format!("“{new_name}” is not a name")));
    }
    if let Target::Abbreviation(_) = target {
        if new_name.chars().any(char::is_whitespace) {
            return Err(RenameError(format!("an abbreviation has no spaces: “{new_name}”")));
        }
    }
    let refs = references(text, doc, target, true);
    let initials = match target {
        Target::Person(n) => doc.people.iter().find(|p| &p.name == n).and_then(|p| p.initials.clone()),
        _ => None,
    };
    Ok(refs
        .into_iter()
        .filter(|r| initials.as_deref() != Some(&text[r.clone()]))
        .map(|r| (r, new_name.to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Present: Ann James (Chair), Bob Smith\n\n1. Report\nThe Director of Children’s Services (DCS) presented. The DCS’s PIs were noted. Ann James thanked the DCS. (Action – Ann James)\n";

    fn at(needle: &str, nth: usize) -> usize {
        TEXT.match_indices(needle).nth(nth).unwrap().0
    }

    #[test]
    fn finds_abbreviation_definition_and_uses() {
        let doc = Document::parse(TEXT);
        let (t, r) = target_at(TEXT, &doc, at("DCS", 2) + 1).unwrap();
        assert_eq!(t, Target::Abbreviation("DCS".into()));
        assert_eq!(&TEXT[r], "DCS");
        let def = definition(TEXT, &doc, &t).unwrap();
        assert_eq!(def.start, at("DCS", 0));
        let refs = references(TEXT, &doc, &t, true);
        assert_eq!(refs.len(), 3, "{refs:?}");
        assert_eq!(references(TEXT, &doc, &t, false).len(), 2);
    }

    #[test]
    fn finds_people_by_name() {
        let doc = Document::parse(TEXT);
        let (t, _) = target_at(TEXT, &doc, at("Ann James", 2) + 2).unwrap();
        assert_eq!(t, Target::Person("Ann James".into()));
        assert_eq!(definition(TEXT, &doc, &t).unwrap().start, at("Ann James", 0));
        assert_eq!(references(TEXT, &doc, &t, true).len(), 3);
    }

    #[test]
    fn rename_keeps_endings_and_rejects_bad_names() {
        let doc = Document::parse(TEXT);
        let t = Target::Abbreviation("DCS".into());
        let edits = rename(TEXT, &doc, &t, "DoCS").unwrap();
        let mut out = TEXT.to_string();
        let mut e = edits.clone();
        e.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (r, s) in e {
            out.replace_range(r, &s);
        }
        assert!(out.contains("(DoCS) presented. The DoCS’s PIs"), "{out}");
        assert!(rename(TEXT, &doc, &t, "Do CS").is_err());
        assert!(prepare_rename(TEXT, &doc, at("presented", 0)).is_err());
    }

    #[test]
    fn names_are_whole_words() {
        assert_eq!(name_occurrences("Ann Jameson and Ann James", "Ann James"), vec![16..25]);
    }
}
