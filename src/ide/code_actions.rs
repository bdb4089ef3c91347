//! Code actions: the fix of every finding under the cursor, and "Add owner"
//! for an action that names nobody (it opens the owner slot; the editor
//! then offers the owners).

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Edit};
use crate::model::Document;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The finding it fixes (its index in the list given).
    pub fixes: Option<usize>,
    pub preferred: bool,
    /// Ask the editor for completion after the edit (the cursor is left at
    /// `cursor`).
    pub trigger_completion: bool,
    pub cursor: Option<usize>,
}

/// Code actions for `range`, given the document's findings.
pub fn code_actions(text: &str, doc: &Document, diagnostics: &[Diagnostic], range: Range<usize>) -> Vec<CodeAction> {
    let touches = |r: &Range<usize>| r.start <= range.end && range.start <= r.end;
    let mut out = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if !touches(&d.range) {
            continue;
        }
        if let Some(fix) = &d.fix {
            out.push(CodeAction {
                title: fix.title.clone(),
                edits: fix.edits.clone(),
                fixes: Some(i),
                preferred: true,
                trigger_completion: fix.edits.iter().any(|e| e.text.ends_with("– )")),
                cursor: None,
            });
        }
        if d.code == "M101" {
            if let Some(a) = doc.actions.iter().find(|a| a.owners.is_empty() && (a.span == d.range || touches(&a.span) && a.span.start <= d.range.start && d.range.end <= a.span.end)) {
                let (slot, insert) = owner_slot(text, a);
                out.push(CodeAction {
                    title: "Add owner".into(),
                    edits: vec![Edit { range: slot..slot, text: insert.clone() }],
                    fixes: Some(i),
                    preferred: d.fix.is_none(),
                    trigger_completion: true,
                    cursor: Some(slot + insert.len()),
                });
            }
        }
    }
    out
}

/// Where to write the owner and what to insert there: the model's owner
/// slot, clamped to the text.
fn owner_slot(text: &str, a: &crate::model::Action) -> (usize, String) {
    (a.owner_slot.min(text.len()), a.owner_slot_prefix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{check, Context, Selection};
    use crate::workspace::Roster;

    fn run(text: &str) -> (Document, Vec<Diagnostic>) {
        let doc = Document::parse(text);
        let roster = Roster::from_documents([&doc]);
        let d = check(&Context { text, doc: &doc, roster: &roster, series: None }, &Selection::everything());
        (doc, d)
    }

    #[test]
    fn add_owner_opens_the_slot() {
        let text = "1. Report\nMembers asked for a breakdown of agency staff. (Action)\n";
        let (doc, diags) = run(text);
        assert!(diags.iter().any(|d| d.code == "M101"), "{diags:?}");
        let at = text.find("(Action)").unwrap();
        let actions = code_actions(text, &doc, &diags, at..at);
        let add = actions.iter().find(|a| a.title == "Add owner").expect("add owner");
        let mut out = text.to_string();
        out.replace_range(add.edits[0].range.clone(), &add.edits[0].text);
        assert!(out.contains("(Action – )"), "{out}");
        assert!(add.trigger_completion);
        assert_eq!(&out[..add.cursor.unwrap()], &out[..out.find("– )").unwrap() + "– ".len()]);
    }

    #[test]
    fn offers_rule_fixes() {
        let text = "1. Report\nText.\n\n3. Next\nText.\n";
        let (doc, diags) = run(text);
        let at = text.find("3.").unwrap();
        let actions = code_actions(text, &doc, &diags, at..at + 1);
        assert!(actions.iter().any(|a| a.fixes.is_some() && !a.edits.is_empty()), "{diags:?} {actions:?}");
    }
}
