//! M104 implied-action: a commitment in prose, with its owner, that is not
//! marked as an action.

use super::{diagnostic, Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::model::ActionKind;

pub const RULE: Rule = Rule {
    code: "M104",
    name: "implied-action",
    summary: "A commitment in prose is not marked as an action",
    severity: Severity::Hint,
    default_enabled: false,
    doc: "What it catches: a sentence that commits someone to act after the meeting (\"The Director \
and Cabinet Member agreed to look into this\") with no action marker.\n\n\
Why it matters: marked actions are what the action register and the next meeting's matters \
arising are built from.\n\n\
Off by default in `minutes check` (enable with `--enable implied-action`); editors show it as a \
hint.\n\nFix: \"Mark as action\" appends `(Action – <owner>)`.",
    check,
};

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
                // the owner is read from the prose: a person should confirm it
                applicability: Applicability::Unsafe,
            });
            d
        })
        .collect()
}
