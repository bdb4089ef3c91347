//! M701 stale-action: an action listed at three meetings without a status.

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Related};

declare_rule! {
    /// An action is listed at three meetings without a status.
    ///
    /// What it catches: an action set at one meeting and listed again under "Matters arising"
    /// (by its reference, `A12`, or by its owner and task) at two later meetings, with no status
    /// reported: no `done`, `in progress`, `carried forward`…
    ///
    /// Why it matters: an action carried from meeting to meeting with nobody saying where it
    /// stands is an action nobody is doing; the chair should ask.
    ///
    /// It reads the other minutes given to `minutes check` (or open in the editor); on one file
    /// alone it finds nothing.
    ///
    /// Example: `[A12] Ann James – circulate the letter; set 14 November 2026. Status: …` in the
    /// minutes of January, after December's listed it the same way.
    ///
    /// Fix: record where the action stands (`A12 – done`, `Status: in progress`), or withdraw it.
    pub const RULE = {
        code: "M701",
        name: "stale-action",
        severity: Hint,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(here) = ctx.series else { return Vec::new() };
    here.series
        .entries
        .iter()
        .filter_map(|e| {
            // reported once, where it was last listed: asked first, since
            // every file of a series reads every entry
            let last = e.history.last().filter(|m| m.place.minute == here.minute)?;
            if !e.is_stale() {
                return None;
            }
            let name = match &e.reference {
                Some(r) => format!("action {r}"),
                None => "this action".to_string(),
            };
            let set = e.meeting_date.as_deref().map(|d| format!(" (set {d})")).unwrap_or_default();
            let mut d = diagnostic(
                &RULE,
                last.place.span.clone(),
                format!("{name}{set} has been listed at {} meetings without a status", e.meetings_without_status()),
            );
            d.related = e
                .history
                .iter()
                .filter(|m| m.place.minute == here.minute && m.place.span != last.place.span)
                .map(|m| Related { range: m.place.span.clone(), message: "also listed here".into() })
                .collect();
            Some(d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::workspace::{track, InSeries, Minute, Roster};

    fn meeting(date: &str, matters: &str) -> String {
        format!("Date: {date}\n\nPresent: Ann James (Clerk), Bob Smith\n\n1. Matters arising\n\n{matters}\n\n2. Parks\n\nThe park was discussed.\n")
    }

    fn findings(texts: &[String]) -> Vec<Vec<String>> {
        let docs: Vec<Document> = texts.iter().map(|t| Document::parse(t)).collect();
        let minutes: Vec<Minute> = texts.iter().zip(&docs).enumerate().map(|(i, (t, d))| Minute { name: ["a", "b", "c", "d"][i], text: t, doc: d }).collect();
        let series = track(&minutes, || crate::model::Date::constant(2026, 1, 1));
        let roster = Roster::from_documents(&docs);
        minutes
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let ctx = Context { text: m.text, doc: m.doc, roster: &roster, series: Some(InSeries { series: &series, minute: i }), memo: None };
                (RULE.check)(&ctx).into_iter().map(|d| format!("{}: {}", &m.text[d.range.clone()].lines().next().unwrap_or(""), d.message)).collect()
            })
            .collect()
    }

    #[test]
    fn reports_the_third_listing_without_a_status() {
        let first = "Date: 1 March 2026\n\n1. Parks\n\nACTION: [A7] Bob Smith – obtain quotes for the benches\n".to_string();
        let second = meeting("5 April 2026", "A7 Bob Smith – obtain quotes for the benches. Status: …");
        let third = meeting("3 May 2026", "A7 Bob Smith – obtain quotes for the benches. Status: …");
        let got = findings(&[first.clone(), second.clone(), third]);
        assert_eq!(got[0], Vec::<String>::new());
        assert_eq!(got[1], Vec::<String>::new());
        assert_eq!(got[2], vec!["A7 Bob Smith – obtain quotes for the benches. Status: …: action A7 (set 2026-03-01) has been listed at 3 meetings without a status".to_string()]);
        // a status at the second meeting: nothing is stale
        let second = meeting("5 April 2026", "A7 Bob Smith – obtain quotes for the benches. Status: in progress");
        let third = meeting("3 May 2026", "A7 – obtain quotes. Status: …");
        assert!(findings(&[first, second, third]).iter().all(Vec::is_empty));
    }

    #[test]
    fn nothing_on_one_file_or_a_closed_action() {
        let first = "Date: 1 March 2026\n\n1. Parks\n\nACTION: [A7] Bob Smith – obtain quotes for the benches\n".to_string();
        assert!(findings(std::slice::from_ref(&first)).iter().all(Vec::is_empty));
        let second = meeting("5 April 2026", "A7 – done");
        let third = meeting("3 May 2026", "A7 Bob Smith – obtain quotes for the benches");
        assert!(findings(&[first, second, third]).iter().all(Vec::is_empty));
    }
}
