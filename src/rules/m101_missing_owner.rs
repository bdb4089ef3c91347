//! M101 missing-owner: an action marker that names nobody.

use super::{diagnostic, Context};
use crate::diagnostic::{Blank, BlankKind, Diagnostic, Edit};
use crate::model::ActionKind;

declare_rule! {
    /// An action marker names nobody.
    ///
    /// What it catches: an explicit action — `(Action)`, `ACTION: to circulate the report`,
    /// `Action: Full information will be sent` — that does not say who must act.
    ///
    /// Why it matters: an action nobody owns is never done; it is the most costly mistake in
    /// minutes.
    ///
    /// Example: `Members asked for a breakdown of agency staff. (Action)`
    ///
    /// Not reported: an action whose own text says it is finished or dropped (`Status: done`,
    /// `(complete)`, `withdrawn`, a ticked box `- [x]`): nobody need be named for it now.
    ///
    /// Fix: name the owner: `(Action – DCS)`. In an editor, the "Add owner" code action opens
    /// the owner slot and offers the people, roles and abbreviations of the meeting.
    pub const RULE = {
        code: "M101",
        name: "missing-owner",
        severity: Error,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .actions
        .iter()
        .filter(|a| {
            // from the start of its line: a ticked box before the task ("- [x] Setup …") says it is done
            let line_start = ctx.text[..a.span.start].rfind('\n').map_or(0, |n| n + 1);
            let ticked = crate::model::reports::ticked_box(&ctx.text[line_start..a.span.end]).is_some_and(|at| line_start + at <= a.span.start);
            a.kind == ActionKind::Explicit && a.owners.is_empty() && !ticked && !reported_closed(&ctx.text[a.span.clone()])
        })
        .map(|a| {
            let what = if a.task.is_empty() { String::new() } else { format!(" (“{}”)", shorten(&a.task)) };
            let mut d = diagnostic(&RULE, a.span.clone(), format!("this action names no owner{what}: say who will do it"));
            d.blank = Some(Blank {
                kind: BlankKind::Owner,
                title: "Add owner".into(),
                edit: Edit { range: a.owner_slot..a.owner_slot, text: a.owner_slot_prefix.to_string() },
                cursor: a.owner_slot_prefix.len(),
            });
            d
        })
        .collect()
}

/// Whether the action's own text says it is finished or dropped ("Status:
/// **done**", "(complete)"): nobody need be named for it now.
fn reported_closed(action: &str) -> bool {
    crate::model::reports::progress(&action.replace(['*', '_'], "")).is_some_and(|(p, _)| p.closes())
}

pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn flags_markers_without_owner() {
        for text in [
            "Members asked for a breakdown of staff. (Action)\n",
            "ACTION: to circulate the report to members\n",
            "Action: Full information will be sent to members.\n",
        ] {
            let found = run(&RULE, text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert!(found[0].message.contains("names no owner"));
        }
    }

    #[test]
    fn a_finished_action_needs_no_owner() {
        let text = "## Action items\n\n- Update the donation page.     Status: **done**.\n- Order the banners.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("Order the banners"), "{found:?}");
        // a ticked box says so too; an empty one does not
        let boxes = "## Action Items\n\n- [x] Setup mailing list\n- [ ] Setup the calendar\n";
        let found = run(&RULE, boxes);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("Setup the calendar"), "{found:?}");
    }

    #[test]
    fn accepts_markers_with_an_owner() {
        for text in [
            "Members asked for a breakdown. (Action – Ann James)\n",
            "ACTION: Ann James – circulate the report by 1 December 2026\n",
            "Action by: Head of HR\n",
            "ACTIONS: Clerk to put the streetlamp on the May agenda. Clerk to seek a quote.\n",
        ] {
            assert_eq!(run(&RULE, text), vec![], "{text:?}");
        }
    }
}
