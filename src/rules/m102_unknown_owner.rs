//! M102 unknown-owner: an owner who is not a known person, role or
//! abbreviation.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use super::{diagnostic, Context};
use crate::diagnostic::Diagnostic;
use crate::model::ActionKind;

declare_rule! {
    /// An action's owner is not a known person, role or abbreviation.
    ///
    /// What it catches: an explicit action whose owner is not in the attendance, not a role the
    /// minutes or the built-in catalogue know, and not a defined abbreviation.
    ///
    /// Why it matters: a misspelt or unknown owner (`Ann Jmaes`, `the DSC`) leaves the action
    /// without anyone who recognises it as theirs.
    ///
    /// Example: `(Action – Ann Jmaes)` where the attendance lists Ann James.
    ///
    /// Fix: use the name, role or abbreviation as the minutes define it; add the person to the
    /// attendance, or define the abbreviation.
    pub const RULE = {
        code: "M102",
        name: "unknown-owner",
        severity: Warning,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // owners neither the roster nor the document's abbreviations know
    let unknown: Vec<(&str, std::ops::Range<usize>)> = ctx
        .doc
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Explicit)
        .flat_map(|a| &a.owners)
        .filter_map(|o| Some((o.name.as_str(), o.span.clone()?)))
        .filter(|(name, _)| !ctx.roster.knows(name) && !ctx.defines(name))
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    let used = ctx.roles_used_in_prose(unknown.iter().map(|(name, _)| *name));
    unknown
        .into_iter()
        .filter(|(name, _)| !used.contains(&role_phrase(name)))
        .map(|(name, span)| {
            diagnostic(
                &RULE,
                span,
                format!("“{name}” is not a person, role or abbreviation these minutes know: check the spelling, or add them to the attendance"),
            )
        })
        .collect()
}

/// "the head of strategic infrastructure" for an owner of two words or
/// more: how prose names a role ("The Head of Strategic Infrastructure
/// advised…"); `None` for one word, which prose cannot confirm.
fn role_phrase(name: &str) -> Option<String> {
    let n = name.trim();
    (n.split_whitespace().count() >= 2).then(|| format!("the {}", n.to_lowercase()))
}

impl Context<'_> {
    /// Whether the document defines `name` as an abbreviation.
    fn defines(&self, name: &str) -> bool {
        let n = name.trim();
        self.doc.abbreviations.iter().any(|a| a.short == n || a.long.as_deref() == Some(n))
    }

    /// Which owners' role phrases the prose uses: one pass over the
    /// lower-cased text for all of them, however many.
    fn roles_used_in_prose<'n>(&self, names: impl Iterator<Item = &'n str>) -> HashSet<Option<String>> {
        let mut phrases: Vec<String> = names.filter_map(role_phrase).collect();
        phrases.sort();
        phrases.dedup();
        let mut used = HashSet::new();
        if phrases.is_empty() {
            return used;
        }
        let Ok(finder) = AhoCorasick::new(&phrases) else { return used };
        let lower = self.text.to_lowercase();
        for m in finder.find_overlapping_iter(&lower) {
            used.insert(Some(phrases[m.pattern().as_usize()].clone()));
        }
        used
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn knows_attendance_roles_and_abbreviations() {
        let text = "Present: Cllr A. Patel (Chair), Ann James (Democratic Services Officer)\n\n\
The Director of Children’s Services (DCS) presented.\n\n\
ACTION: Ann James – circulate the letter\n\nACTION: DCS – report back\n\nACTION: Clerk – book the room\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn a_role_named_in_prose_is_known() {
        let text = "The Grand Poobah advised.\n\nACTION: Grand Poobah – report\n\nACTION: Tiny Wizard – report\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "Tiny Wizard");
    }

    #[test]
    fn each_of_many_unknown_owners_is_reported() {
        let text: String = (0..2_000).map(|i| format!("ACTION: Someone Number{i} – do it\n\n")).collect();
        assert_eq!(run(&RULE, &text).len(), 2_000);
    }

    #[test]
    fn flags_a_misspelt_owner() {
        let text = "Present: Ann James (Clerk)\n\nACTION: Ann Jmaes – circulate the letter\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Ann Jmaes");
    }
}
