//! M103 implied-action-without-owner: a commitment in prose that nobody owns.

use super::{diagnostic, Context};
use crate::diagnostic::{Applicability, Blank, BlankKind, Diagnostic, Edit, Fix, Severity};
use crate::model::ActionKind;

/// The marker "Mark as action" appends; the owner goes before its ")".
const MARKER: &str = " (Action – )";

declare_rule! {
    /// A commitment in prose names nobody to do it.
    ///
    /// What it catches: a sentence that commits the meeting to something after it — "a briefing
    /// would be provided to members in due course", "That a further report be presented to the
    /// next meeting" — without saying who will do it.
    ///
    /// Why it matters: most actions in real minutes are written as prose; when nobody is named,
    /// nobody does it.
    ///
    /// Example: `It was noted that a briefing would be provided to members in due course.`
    ///
    /// A bare imperative list entry outside an action section (`- Turn on recording`), a
    /// proposal (`Let's follow up async`), a plan whose subject the notes leave out (`Will
    /// take another look.`), a plan of "we" (`We will renew the licence.`) and a pronoun or an
    /// "I" that the notes do not tie to anyone are reported as hints: they are as often the
    /// meeting's or the speaker's own plan, with an owner the reader knows, as a task nobody
    /// has taken.
    ///
    /// Fix: "Mark as action" appends `(Action – )` with the cursor in the owner slot; name the
    /// owner.
    pub const RULE = {
        code: "M103",
        name: "implied-action-without-owner",
        severity: Warning,
        default_enabled: true,
        fixable: true,
        check,
    }
}

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
            // a bare imperative or a "let's" may be a plan rather than a task
            if a.tentative {
                d.severity = Severity::Hint;
            }
            // where the marker would not take the commitment in (a line
            // that runs on past it), the finding would come back: no fix
            if !super::marker_reads_back_at(ctx, &a.span, a.owner_slot, MARKER, false) {
                return d;
            }
            let edit = Edit { range: a.owner_slot..a.owner_slot, text: MARKER.into() };
            d.fix = Some(Fix {
                title: "Mark as action".into(),
                edits: vec![edit.clone()],
                // leaves the owner for a person to write
                applicability: Applicability::Unsafe,
            });
            // the marker is finished only when the writer names the owner
            d.blank = Some(Blank { kind: BlankKind::Owner, title: "Mark as action".into(), edit, cursor: MARKER.len() - ")".len() });
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn flags_a_commitment_nobody_owns_and_marks_it() {
        let text = "It was noted that a briefing would be provided to members in due course.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("no owner"), "{}", found[0].message);
        let fixed = apply(text, &found[0]);
        assert!(fixed.contains("(Action – )"), "{fixed}");
        assert!(fixed.starts_with("It was noted that a briefing would be provided"), "{fixed}");
    }

    #[test]
    fn plans_and_proposals_are_hints() {
        let found = run(&RULE, "Notes\n\n- Clerk to book the room\n- Turn on recording\n- Call for clarifications\n\nTravis is away, so let's follow up async.\n\nWill take another look at this.\n");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|d| d.severity == Severity::Hint), "{found:?}");
        let firm = run(&RULE, "It was noted that a briefing would be provided to members in due course.\n");
        assert_eq!(firm[0].severity, Severity::Warning);
        // "we" is the body as a whole, an owner many readers accept, and
        // "I" with no speaker named is someone in the room: hints
        let unsure = run(&RULE, "We will vote on the logo next week.\n\nI will circulate the draft.\n");
        assert_eq!(unsure.len(), 2, "{unsure:?}");
        assert!(unsure.iter().all(|d| d.severity == Severity::Hint), "{unsure:?}");
    }

    #[test]
    fn no_fix_where_the_marker_would_not_take_the_commitment_in() {
        // the second commitment runs on into the next line, past where the
        // marker would go: marking it would leave the finding in place
        let text = "1.1 DECISION: 1) To bid. 2) To buy.\n\u{e9}PUBLIC FORUM ";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].fix.is_some(), "{found:?}");
        assert!(found[1].fix.is_none() && found[1].blank.is_none(), "{found:?}");
        let fixed = apply(text, &found[0]);
        assert!(fixed.starts_with("1.1 DECISION: 1) To bid (Action – ). 2)"), "{fixed}");
    }

    #[test]
    fn quiet_on_owned_commitments_and_plain_prose() {
        for text in [
            "The Director agreed to look into this.\n",
            "Members noted the report.\n",
            "Members asked for a breakdown. (Action – Ann James)\n",
        ] {
            assert_eq!(run(&RULE, text), vec![], "{text:?}");
        }
    }
}
