//! Code actions: the fix of every finding under the cursor, and the blank
//! a finding asks the writer to fill in ("Add owner", "Mark as action"):
//! its edit, then the cursor in the blank, where completion offers what
//! fits. Which findings have which is the rules' data, not known here.

use std::ops::Range;

use crate::diagnostic::{BlankKind, Diagnostic, Edit};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The finding it fixes (its index in the list given).
    pub fixes: Option<usize>,
    pub preferred: bool,
    /// A blank the edits leave for the writer, and where the cursor goes:
    /// a byte offset in the text after the edits.
    pub blank: Option<(BlankKind, usize)>,
}

/// Code actions for `range`, given the document's findings.
pub fn code_actions(diagnostics: &[Diagnostic], range: Range<usize>) -> Vec<CodeAction> {
    let touches = |r: &Range<usize>| r.start <= range.end && range.start <= r.end;
    let mut out = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if !touches(&d.range) {
            continue;
        }
        if let Some(b) = &d.blank {
            out.push(CodeAction {
                title: b.title.clone(),
                edits: vec![b.edit.clone()],
                fixes: Some(i),
                preferred: d.fix.is_none(),
                blank: Some((b.kind, b.edit.range.start + b.cursor.min(b.edit.text.len()))),
            });
        }
        if let Some(fix) = &d.fix {
            // the same change as the blank's: offered once, with the cursor
            if d.blank.as_ref().is_some_and(|b| fix.edits == [b.edit.clone()]) {
                out.last_mut().into_iter().for_each(|a| a.preferred = true);
                continue;
            }
            out.push(CodeAction { title: fix.title.clone(), edits: fix.edits.clone(), fixes: Some(i), preferred: true, blank: None });
        }
    }
    out
}

/// `text` with `edits` applied (they do not overlap).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut out = text.to_string();
    for e in edits {
        let (a, b) = (e.range.start.min(out.len()), e.range.end.min(out.len()));
        if out.is_char_boundary(a) && out.is_char_boundary(b) && a <= b {
            out.replace_range(a..b, &e.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::rules::Selection;
    use crate::workspace::Roster;

    fn run(text: &str) -> Vec<Diagnostic> {
        crate::analysis::analyse(text, &Roster::default(), &Config::default(), &Selection::everything()).diagnostics
    }

    #[test]
    fn add_owner_opens_the_slot() {
        let text = "1. Report\nMembers asked for a breakdown of agency staff. (Action)\n";
        let diags = run(text);
        assert!(diags.iter().any(|d| d.code == "M101"), "{diags:?}");
        let at = text.find("(Action)").unwrap();
        let actions = code_actions(&diags, at..at);
        let add = actions.iter().find(|a| a.title == "Add owner").expect("add owner");
        let out = apply(text, &add.edits);
        assert!(out.contains("(Action – )"), "{out}");
        let (kind, cursor) = add.blank.expect("a blank");
        assert_eq!(kind, BlankKind::Owner);
        assert_eq!(&out[..cursor], &out[..out.find("– )").unwrap() + "– ".len()]);
    }

    #[test]
    fn mark_as_action_is_offered_once_with_the_cursor_in_the_slot() {
        let text = "1. Report\nIt was noted that a briefing would be provided to members in due course.\n";
        let diags = run(text);
        let at = text.find("briefing").unwrap();
        let actions = code_actions(&diags, at..at);
        let marks: Vec<_> = actions.iter().filter(|a| a.title == "Mark as action").collect();
        assert_eq!(marks.len(), 1, "{actions:?}");
        let out = apply(text, &marks[0].edits);
        let (_, cursor) = marks[0].blank.expect("a blank");
        assert!(out[..cursor].ends_with("(Action – ") && out[cursor..].starts_with(')'), "{out}");
    }

    #[test]
    fn offers_rule_fixes() {
        let text = "1. Report\nText.\n\n3. Next\nText.\n";
        let diags = run(text);
        let at = text.find("3.").unwrap();
        let actions = code_actions(&diags, at..at + 1);
        assert!(actions.iter().any(|a| a.fixes.is_some() && !a.edits.is_empty()), "{diags:?} {actions:?}");
    }
}
