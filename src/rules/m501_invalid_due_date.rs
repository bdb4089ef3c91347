//! M501 invalid-due-date: a due date that cannot be read, does not exist,
//! or falls before the meeting.

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::DateProblem;

declare_rule! {
    /// A due date cannot be read, does not exist, or is before the meeting.
    ///
    /// What it catches: `by 31 February 2026` (no such day), or `by 1 March 2019` in the
    /// minutes of a meeting held on 28 March 2019.
    ///
    /// Why it matters: a due date is what turns an action into a commitment; a wrong one makes
    /// it overdue before it starts, or never.
    ///
    /// Example: `ACTION: Clerk – write to the contractor by 31 February 2026`.
    ///
    /// Fix: correct the date.
    pub const RULE = {
        code: "M501",
        name: "invalid-due-date",
        severity: Error,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let meeting = ctx.doc.meeting.date;
    let mut out = Vec::new();
    for a in &ctx.doc.actions {
        let Some(due) = &a.due else { continue };
        if due.vague {
            continue;
        }
        match (due.problem, due.date, meeting) {
            (Some(DateProblem::Impossible), _, _) => {
                out.push(diagnostic(&RULE, due.span.clone(), format!("“{}” is not a real date: correct the day or month", due.text)))
            }
            (Some(DateProblem::Unreadable), _, _) => {
                out.push(diagnostic(&RULE, due.span.clone(), format!("“{}” cannot be read as a date: write it as “30 April 2027” or “2027-04-30”", due.text)))
            }
            (None, Some(date), Some(m)) if date_with_year(date, &due.text, m) < m => {
                let mut d = diagnostic(&RULE, due.span.clone(), format!("“{}” is before the meeting ({m}): correct the date", due.text));
                d.severity = Severity::Warning;
                out.push(d);
            }
            _ => {}
        }
    }
    out
}

/// A due date written without a year belongs to the meeting's year or the
/// next; one written with a year is taken as written.
fn date_with_year(date: crate::model::Date, written: &str, meeting: crate::model::Date) -> crate::model::Date {
    let has_year = written.split(|c: char| !c.is_ascii_digit()).any(|p| p.len() == 4) || written.matches('/').count() == 2;
    if has_year {
        return date;
    }
    crate::model::dates::resolve(
        crate::model::dates::Written { year: None, month: date.month(), day: Some(date.day()) },
        Some(meeting),
    )
    .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn flags_impossible_and_past_dates() {
        let impossible = "Date: 14 November 2026\n\nACTION: Ann James – circulate the letter by 31 February 2027\n";
        assert_eq!(run(&RULE, impossible).len(), 1);
        let past = "Date: 14 November 2026\n\nACTION: Ann James – circulate the letter by 1 November 2026\n";
        let found = run(&RULE, past);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("before the meeting"));
        let fine = "Date: 14 November 2026\n\nACTION: Ann James – circulate the letter by 1 December\n";
        assert_eq!(run(&RULE, fine), vec![]);
    }

    #[test]
    fn reads_numeric_dates_in_the_order_the_document_writes_them() {
        // a US board: "December 21, 2020" and "12/25/2020" are month first
        let us = "Town Board meeting, December 21, 2020\n\nACTION: Ray – send the levy form to the County Auditor by 12/25/2020\n";
        assert_eq!(run(&RULE, us), vec![], "12/25/2020 is 25 December in a document that writes months first");
        // the same due date in a document that writes days first is no date
        let uk = "Parish Council meeting, 21 December 2020\n\nACTION: Ray – send the form by 12/25/2020\n";
        assert_eq!(run(&RULE, uk).len(), 1);
    }
}
