//! M104 implied-action: a commitment in prose, with its owner, that is not
//! marked as an action.

use std::collections::HashMap;

use super::{diagnostic, Context};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::model::{ActionKind, Owner};

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
    // the marker of each set of owners, read back once: a long document
    // names the same owners many times
    let mut markers: HashMap<Vec<&str>, Option<(String, String)>> = HashMap::new();
    ctx.doc
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Implied && !a.owners.is_empty())
        .map(|a| {
            let names: Vec<&str> = a.owners.iter().map(|o| o.name.as_str()).collect();
            let mut d = diagnostic(&RULE, a.span.clone(), format!("a commitment for {}, not marked as an action", names.join(", ")));
            let marker = markers.entry(names).or_insert_with(|| {
                // the wording's read-back test, kept by a caller that checks again
                marker_for(&a.owners, |m| ctx.recall(|| format!("M104 marker\n{m}"), || reads_back(m)))
            })
            .clone();
            d.fix = marker.filter(|(_, marker)| super::marker_reads_back_at(ctx, &a.span, a.owner_slot, &format!(" {marker}"), true)).map(|(written, marker)| Fix {
                title: format!("Mark as action for {written}"),
                edits: vec![Edit { range: a.owner_slot..a.owner_slot, text: format!(" {marker}") }],
                // the owner is read from the prose: a person should confirm it
                applicability: Applicability::Unsafe,
            });
            d
        })
        .collect()
}

/// The marker that names `owners` and reads back as naming them, with the
/// owners as written in it; `None` when no wording does (no fix then: a
/// fix must never leave text that the rules flag). Owners are written as
/// names are ("public Health" → "Public Health"); a bracketed qualifier
/// ("Assistant Director (Safeguarding Services)") is kept, and left out
/// only when the owner does not read back with it ("Clerk (acting)": a
/// bracket in lower case is a remark, not part of an owner). `reads_back`
/// is [`reads_back`], or its answer kept from an earlier check.
fn marker_for(owners: &[Owner], reads_back: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let capitalised: Vec<String> = owners.iter().map(|o| capitalise(&o.name)).collect();
    let unqualified: Vec<String> = capitalised.iter().map(|o| without_brackets(o)).collect();
    [capitalised, unqualified].into_iter().find_map(|names| {
        let written = names.join(", ");
        let marker = format!("(Action – {written})");
        reads_back(&marker).then_some((written, marker))
    })
}

/// `s` without its bracketed parts: "Head of HR (Interim)" → "Head of HR".
fn without_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `marker`, after a sentence, is read as one action with an owner.
fn reads_back(marker: &str) -> bool {
    let doc = crate::model::Document::parse(&format!("The report would be circulated. {marker}\n"));
    let mut explicit = doc.actions.iter().filter(|a| a.kind == ActionKind::Explicit);
    matches!((explicit.next(), explicit.next()), (Some(a), None) if !a.owners.is_empty())
}

/// Each word's first letter in capitals, except the small words names keep
/// in lower case ("Head of Service").
fn capitalise(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if f.is_lowercase() && !matches!(w, "of" | "for" | "and" | "the" | "to" | "on") => f.to_uppercase().collect::<String>() + c.as_str(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};
    use crate::rules::Selection;

    /// Every rule on `text`, with the roster of that text alone.
    fn findings(text: &str) -> Vec<Diagnostic> {
        crate::rules::test_support::findings(text, &Selection::everything())
    }

    #[test]
    fn the_fix_leaves_nothing_the_rules_flag() {
        for (owners, written) in [
            (&["Ann James"][..], "Ann James"),
            (&["public Health"], "Public Health"),
            (&["Assistant Director (Safeguarding Services)"], "Assistant Director (Safeguarding Services)"),
            (&["Clerk (acting)"], "Clerk"),
            (&["Director", "Cabinet Member"], "Director, Cabinet Member"),
            (&["Head of HR (People Services)", "Clerk"], "Head of HR (People Services), Clerk"),
        ] {
            let owners: Vec<Owner> = owners.iter().map(|o| Owner { name: o.to_string(), span: None }).collect();
            let (w, marker) = marker_for(&owners, reads_back).expect("a marker that reads back");
            assert_eq!(w, written);
            let text = format!("1. Report\nThe report would be circulated. {marker}\n");
            let codes: Vec<_> = findings(&text).into_iter().map(|d| d.code).collect();
            assert!(!codes.contains(&"M101"), "{marker}: {codes:?}");
            let doc = crate::model::Document::parse(&text);
            let named: Vec<&str> = doc.actions.iter().flat_map(|a| a.owners.iter().map(|o| o.name.as_str())).collect();
            assert_eq!(named.join(", "), written, "{marker} reads back as naming its owners");
        }
        assert_eq!(capitalise("public Health"), "Public Health");
        assert_eq!(capitalise("head of service"), "Head of Service");
    }

    #[test]
    fn applied_fixes_on_commitments_read_as_owned_actions() {
        for (text, marker) in [
            ("1. Report\nThe Director agreed to look into this.\n", "(Action – Director)"),
            ("1. Report\nThe Assistant Director (Safeguarding Services) agreed to provide a breakdown.\n", "(Action – Assistant Director (Safeguarding Services))"),
            ("1. Report\nThe Director and Cabinet Member agreed to look into this.\n", "(Action – Director, Cabinet Member)"),
        ] {
            let found = run(&RULE, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let fixed = apply(text, &found[0]);
            assert!(fixed.contains(marker), "{fixed}");
            let codes: Vec<_> = findings(&fixed).into_iter().map(|d| d.code).collect();
            assert!(!codes.contains(&"M101") && !codes.contains(&"M102") && !codes.contains(&"M104"), "{fixed}: {codes:?}");
        }
    }

    #[test]
    fn no_fix_where_the_marker_would_not_read_back() {
        // after a number the grammar reads no marker: the fix would come back
        // after a stop the marker would stand outside the commitment it marks
        for text in ["the Clerk would write to 1. Title\n", "a· item\n\n3. Finance\nthe Clerk would write to !·"] {
            let found = run(&RULE, text);
            assert!(!found.is_empty(), "{text}: the commitment is found");
            for d in found {
                assert!(d.fix.is_none(), "{text}: {:?}", d.fix);
            }
        }
    }

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
