//! M102 unknown-owner: an owner who is not a known person, role or
//! abbreviation.

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
    let mut out = Vec::new();
    // lower-cased once, and only when some owner is not in the roster
    let mut lower: Option<String> = None;
    for a in ctx.doc.actions.iter().filter(|a| a.kind == ActionKind::Explicit) {
        for owner in &a.owners {
            let Some(span) = owner.span.clone() else { continue };
            if ctx.roster.knows(&owner.name) {
                continue;
            }
            let lower = lower.get_or_insert_with(|| ctx.text.to_lowercase());
            if ctx.doc_knows(&owner.name, lower) {
                continue;
            }
            out.push(diagnostic(
                &RULE,
                span,
                format!("“{}” is not a person, role or abbreviation these minutes know: check the spelling, or add them to the attendance", owner.name),
            ));
        }
    }
    out
}

impl Context<'_> {
    /// Whether the document itself makes `name` known: a defined
    /// abbreviation, or a role title it uses in prose ("The Head of
    /// Strategic Infrastructure advised…").
    fn doc_knows(&self, name: &str, lower_text: &str) -> bool {
        let n = name.trim();
        if self.doc.abbreviations.iter().any(|a| a.short == n || a.long.as_deref() == Some(n)) {
            return true;
        }
        n.split_whitespace().count() >= 2 && lower_text.contains(&format!("the {}", n.to_lowercase()))
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
    fn flags_a_misspelt_owner() {
        let text = "Present: Ann James (Clerk)\n\nACTION: Ann Jmaes – circulate the letter\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Ann Jmaes");
    }
}
