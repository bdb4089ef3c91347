//! M104 implied-action: a commitment in prose, with its owner, that is not
//! marked as an action.

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::ActionKind;

declare_rule! {
    /// A commitment in prose is not marked as an action.
    ///
    /// What it catches: a sentence that commits someone to act after the meeting ("The Director
    /// and Cabinet Member agreed to look into this") with no action marker.
    ///
    /// Why it matters: marked actions are what the action register and the next meeting's
    /// matters arising are built from.
    ///
    /// Off by default in `minutes check` (enable with `--enable implied-action`); editors show
    /// it as a hint.
    ///
    /// Example: `The Director and Cabinet Member agreed to look into this.`
    ///
    /// Fix: "Mark as action" appends `(Action – <owner>)`.
    pub const RULE = {
        code: "M104",
        name: "implied-action",
        severity: Hint,
        default_enabled: false,
        fixable: true,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Implied && !a.owners.is_empty())
        .map(|a| {
            let owners = a.owners.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ");
            let mut d = diagnostic(&RULE, a.span.clone(), format!("a commitment for {owners}, not marked as an action"));
            d.fix = Some(Fix {
                title: format!("Mark as action for {owners}"),
                edits: vec![Edit { range: a.owner_slot..a.owner_slot, text: format!(" (Action – {owners})") }],
            });
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn hints_at_an_owned_commitment_and_marks_it_for_its_owner() {
        let text = "The Director agreed to look into this.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("Director"), "{}", found[0].message);
        let fixed = apply(text, &found[0]);
        assert!(fixed.contains("(Action – Director)"), "{fixed}");
    }

    #[test]
    fn quiet_on_marked_actions_ownerless_commitments_and_prose() {
        for text in [
            "Members asked for a breakdown. (Action – Ann James)\n",
            "It was noted that a briefing would be provided to members in due course.\n",
            "Members noted the report.\n",
        ] {
            assert_eq!(run(&RULE, text), vec![], "{text:?}");
        }
    }
}
