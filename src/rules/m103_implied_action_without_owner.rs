//! M103 implied-action-without-owner: a commitment in prose that nobody owns.

use super::{diagnostic, Context, Rule};
use crate::diagnostic::{Blank, BlankKind, Diagnostic, Edit, Fix, Severity};

/// The marker "Mark as action" appends; the owner goes before its ")".
const MARKER: &str = " (Action – )";
use crate::model::ActionKind;

pub const RULE: Rule = Rule {
    code: "M103",
    name: "implied-action-without-owner",
    summary: "A commitment in prose names nobody to do it",
    severity: Severity::Warning,
    default_enabled: true,
    doc: "What it catches: a sentence that commits the meeting to something after it — \"a briefing \
would be provided to members in due course\", \"That a further report be presented to the next \
meeting\" — without saying who will do it.\n\n\
Why it matters: most actions in real minutes are written as prose; when nobody is named, \
nobody does it.\n\n\
Fix: \"Mark as action\" appends `(Action – )` with the cursor in the owner slot; name the owner.",
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Implied && a.owners.is_empty())
        .map(|a| {
            let mut d = diagnostic(
                &RULE,
                a.span.clone(),
                format!("a commitment with no owner: “{}”: say who will do it", super::m101_missing_owner::shorten(&a.task)),
            );
            let edit = Edit { range: a.owner_slot..a.owner_slot, text: MARKER.into() };
            d.fix = Some(Fix { title: "Mark as action".into(), edits: vec![edit.clone()] });
            // the marker is finished only when the writer names the owner
            d.blank = Some(Blank { kind: BlankKind::Owner, title: "Mark as action".into(), edit, cursor: MARKER.len() - ")".len() });
            d
        })
        .collect()
}
