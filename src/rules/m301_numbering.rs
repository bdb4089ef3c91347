//! M301 numbering: gaps, duplicates and disorder in agenda numbers,
//! paragraph numbers and list markers, and item numbers that break the
//! document's numbering scheme.

use super::{diagnostic, Context};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related};
use crate::model::scheme::{ItemNumber, Scheme};
use crate::model::{rendered, ItemForm};
use std::ops::Range;

declare_rule! {
    /// Numbers skip, repeat, go backwards or break the document's scheme.
    ///
    /// What it catches: agenda items numbered `11.`, `12.`, `12.`; minute numbers `25/16`,
    /// `26/6`, `27/16`, or `13117` where the document writes `131/17`; paragraphs `26.1`,
    /// `26.3` with no `26.2`; list markers `a)`, `c)`. Numbers are compared within the
    /// document's own scheme (learnt from its first items) and one level: `Item 21/04/7`
    /// counts among `21/04/…`, and a sub-heading `i. Highways` is not an item.
    ///
    /// Why it matters: minutes are cited by their numbers ("see minute 26/16"); a duplicate or
    /// a gap makes a citation ambiguous or suggests something was lost.
    ///
    /// Example: `11. Finance`, `12. Planning`, `12. Any other business` (the last should be
    /// `13.`).
    ///
    /// Fix: renumber: the fix replaces the number with the one the sequence expects.
    pub const RULE = {
        code: "M301",
        name: "numbering",
        severity: Warning,
        default_enabled: true,
        fixable: true,
        check,
    }
}

/// One numbered thing: its value, the written number's span (digits only)
/// and, for "N/YY" minute numbers, the suffix.
struct Numbered {
    value: u32,
    digits: Range<usize>,
    suffix: Option<String>,
    whole: Range<usize>,
    /// How the message quotes it: an item's number and title as they read
    /// (Markdown escapes and hard breaks removed), other numbers as written.
    shown: String,
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text;
    let mut out = Vec::new();

    // agenda items: within one scheme and, for references, one prefix
    // ("21/04/7" counts among "21/04/…"), in the order they are written
    // a heading naming a part of the minutes ("## Agenda", "## Notes")
    // starts its own run: the notes may number the items again from 1
    let parts = ctx.doc.part_heading_starts(text);
    let mut groups: Vec<((Scheme, String, usize), Vec<Numbered>)> = Vec::new();
    for item in ctx.doc.items.iter().filter(|i| matches!(i.form, ItemForm::Numbered | ItemForm::MidLine)) {
        let Some(n) = &item.numbering else { continue };
        if matches!(n.scheme, Scheme::Markdown(_)) {
            continue;
        }
        let Some(value) = n.value else { continue };
        let heading = &text[item.heading_span.clone()];
        // a number that breaks the scheme is reported as such, and still
        // counts in the sequence (so the items after it show no gap)
        let broken = broken_scheme(item.heading_span.start, heading, n);
        // the counting part: the last of a reference, the first of N/YY
        let counting = if n.prefix.is_empty() { n.normal.split('/').next().unwrap_or("") } else { n.normal.rsplit(['/', '.']).next().unwrap_or("") };
        let offset = if n.prefix.is_empty() { heading.find(&n.normal).unwrap_or(0) } else { heading.find(&n.normal).map_or(0, |i| i + n.normal.len() - counting.len()) };
        let at = item.heading_span.start + offset;
        let family = if n.scheme == Scheme::Minute { Scheme::NumberYear } else { n.scheme };
        let part = parts.iter().filter(|&&p| p < item.heading_span.start).count();
        let key = (family, n.prefix.clone(), part);
        let entry = Numbered { value, digits: at..at + counting.len(), suffix: n.year.clone(), whole: item.heading_span.clone(), shown: rendered(heading) };
        if let Some(d) = broken {
            out.push(d);
            // in the sequence, but not compared again: its digits are not N/YY
            let entry = Numbered { suffix: None, ..entry };
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(entry),
                None => groups.push((key, vec![entry])),
            }
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(entry),
            None => groups.push((key, vec![entry])),
        }
    }
    for (_, items) in &groups {
        sequence(text, items, "item", &mut out);
        suffixes(text, items, &mut out);
    }

    // numbered paragraphs, by their prefix: 26.1, 26.2 …
    let mut groups: Vec<(String, Vec<Numbered>)> = Vec::new();
    for p in &ctx.doc.numbered_paragraphs {
        let n = p.number.trim_end_matches('.');
        let Some((prefix, last)) = n.rsplit_once('.') else { continue };
        let Ok(value) = last.parse() else { continue };
        let at = p.number_span.start + prefix.len() + 1;
        let entry = Numbered { value, digits: at..at + last.len(), suffix: None, whole: p.number_span.clone(), shown: text[p.number_span.clone()].trim().to_string() };
        match groups.last_mut() {
            Some((g, list)) if g == prefix => list.push(entry),
            _ => groups.push((prefix.to_string(), vec![entry])),
        }
    }
    for (_, group) in &groups {
        sequence(text, group, "paragraph", &mut out);
    }

    // list markers: a) b) c), i) ii) iii), (1) (2)
    let mut lists: Vec<(usize, Vec<Numbered>)> = Vec::new();
    for li in &ctx.doc.list_items {
        let Some(marker) = &li.marker else { continue };
        let core = marker.trim_matches(|c: char| c == '(' || c == ')' || c == '.');
        let Some(value) = marker_value(core) else { continue };
        let at = li.marker_span.start + marker.find(core).unwrap_or(0);
        let entry = Numbered { value, digits: at..at + core.len(), suffix: None, whole: li.marker_span.clone(), shown: text[li.marker_span.clone()].trim().to_string() };
        match lists.last_mut() {
            Some((l, v)) if *l == li.list => v.push(entry),
            _ => lists.push((li.list, vec![entry])),
        }
    }
    for (_, list) in &lists {
        // "D. Ascher raised …" / "D. Ascher will …": letters that do not
        // start from a or i are initials, not a lettered list
        let lettered = list.first().is_some_and(|n| text[n.digits.clone()].starts_with(|c: char| c.is_alphabetic()));
        if lettered && list[0].value != 1 {
            continue;
        }
        if list.len() > 1 {
            sequence(text, list, "list item", &mut out);
        }
    }
    out
}

/// A minute number written without its slash ("13117" among "130/17" and
/// "132/17"): it breaks the document's scheme; the fix restores the slash.
fn broken_scheme(heading_start: usize, heading: &str, n: &ItemNumber) -> Option<Diagnostic> {
    let (Some(value), Some(year)) = (n.value, n.year.as_deref()) else { return None };
    if !matches!(n.scheme, Scheme::NumberYear | Scheme::Minute) || n.normal.contains('/') {
        return None;
    }
    let at = heading_start + heading.find(&n.normal)?;
    let intended = format!("{value}/{year}");
    let mut d = diagnostic(
        &RULE,
        at..at + n.normal.len(),
        format!("minute number “{}” breaks the document's numbering (N/{year}): it reads as {intended} with the slash lost", n.normal),
    );
    d.fix = Some(Fix { title: format!("Renumber as {intended}"), edits: vec![Edit { range: at..at + n.normal.len(), text: intended }], applicability: Applicability::Unsafe });
    Some(d)
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// The value of a list marker: "c" → 3, "iv" → 4, "2" → 2.
fn marker_value(core: &str) -> Option<u32> {
    if let Ok(n) = core.parse() {
        return Some(n);
    }
    let lower = core.to_ascii_lowercase();
    if lower.len() > 1 || lower == "i" || lower == "v" || lower == "x" {
        return roman_value(&lower);
    }
    let c = lower.chars().next()?;
    c.is_ascii_lowercase().then(|| c as u32 - 'a' as u32 + 1)
}

fn render(text: &str, n: &Numbered, value: u32) -> String {
    let written = &text[n.digits.clone()];
    if written.parse::<u32>().is_ok() {
        return value.to_string();
    }
    let upper = written.chars().next().is_some_and(|c| c.is_uppercase());
    let s = if written.len() > 1 || written == "i" || written == "v" || written == "x" {
        to_roman(value)
    } else {
        char::from_u32('a' as u32 + value - 1).map(String::from).unwrap_or_default()
    };
    if upper { s.to_uppercase() } else { s }
}

fn to_roman(mut n: u32) -> String {
    let table = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn sequence(text: &str, seq: &[Numbered], what: &str, out: &mut Vec<Diagnostic>) {
    let mut prev: Option<&Numbered> = None;
    for (i, n) in seq.iter().enumerate() {
        if let Some(p) = prev {
            let written = &n.shown;
            let expected = p.value + 1;
            let first_same = seq[..i].iter().find(|e| e.value == n.value);
            let message = if let Some(same) = first_same {
                // "2, 1, 2": the number expected here is the one written
                let renumber = render(text, n, expected);
                let advice = if renumber == text[n.digits.clone()] { String::new() } else { format!(": renumber it {renumber}") };
                let mut d = diagnostic(&RULE, n.whole.clone(), format!("{what} number “{}” is used twice{advice}", written.trim()));
                d.related.push(Related { range: same.whole.clone(), message: "first used here".into() });
                Some(d)
            } else if n.value < p.value {
                Some(diagnostic(&RULE, n.whole.clone(), format!("{what} number “{}” comes after {}: numbers should go up", written.trim(), p.value)))
            } else if n.value > expected {
                Some(diagnostic(&RULE, n.whole.clone(), format!("{what} number “{}” skips {}: renumber it, or restore what is missing", written.trim(), render(text, n, expected))))
            } else {
                None
            };
            if let Some(mut d) = message {
                // "2, 1, 2": the number the sequence expects may be the one
                // written, used twice; renumbering it to itself changes nothing
                let renumbered = render(text, n, expected);
                d.fix = (renumbered != text[n.digits.clone()]).then(|| Fix {
                    title: format!("Renumber as {renumbered}"),
                    edits: vec![Edit { range: n.digits.clone(), text: renumbered.clone() }],
                    // citations elsewhere may use the number as it was
                    applicability: Applicability::Unsafe,
                });
                out.push(d);
            }
        }
        prev = Some(n);
    }
}

/// Minute numbers carry the year: `26/6` among `25/16` and `27/16`.
fn suffixes(text: &str, items: &[Numbered], out: &mut Vec<Diagnostic>) {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in items.iter().filter_map(|i| i.suffix.as_deref()) {
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, c)) => *c += 1,
            None => counts.push((s, 1)),
        }
    }
    let Some(&(common, n)) = counts.iter().max_by_key(|(_, c)| *c) else { return };
    if n < 2 {
        return;
    }
    for i in items {
        let Some(s) = i.suffix.as_deref() else { continue };
        if s != common {
            let at = i.digits.end + 1;
            let mut d = diagnostic(&RULE, i.whole.clone(), format!("minute number “{}” ends /{s}, the others end /{common}", text[i.whole.clone()].split_whitespace().next().unwrap_or("")));
            d.fix = Some(Fix { title: format!("Renumber as {}/{common}", i.value), edits: vec![Edit { range: at..at + s.len(), text: common.to_string() }], applicability: Applicability::Unsafe });
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn the_message_quotes_an_item_as_it_reads_without_markdown_escapes() {
        let text = "5\\. Roadmap\\\nSee slides.\n\n7\\. Website\\\nThe site was hacked.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "item number “7. Website” skips 6: renumber it, or restore what is missing");
    }

    #[test]
    fn initials_at_the_start_of_lines_are_no_lettered_list() {
        let text = "8. Trademarks\n\nD. Ascher raised the policy.\n\nD. Ascher will work with counsel on it.\n";
        assert_eq!(run(&RULE, text), vec![]);
        // a lettered list from its first letter is still checked
        let list = "8. Trademarks\n\na) The policy.\nc) The logo.\n";
        assert_eq!(run(&RULE, list).len(), 1, "{:?}", run(&RULE, list));
    }

    #[test]
    fn no_fix_that_renumbers_a_number_to_itself() {
        // 2, 1, 2: the last is a duplicate, but 2 is what follows 1
        let text = "2. Next\n\n1. Title\n\n2. Title\n";
        let found = run(&RULE, text);
        assert!(found.iter().any(|d| d.message.contains("used twice")), "{found:?}");
        for d in &found {
            assert!(d.fix.as_ref().is_none_or(|f| f.edits.iter().all(|e| text[e.range.clone()] != e.text)), "{d:?}");
        }
    }

    #[test]
    fn the_notes_may_number_the_agenda_again() {
        let text = "# Council notes\n\n## Agenda\n\n1. Minutes\n\n2. Budget\n\n3. AOB\n\n## Notes\n\n1. Minutes\n\nApproved.\n\n2. Budget\n\nNoted.\n\n3. AOB\n\nNone.\n";
        assert_eq!(run(&RULE, text), vec![]);
        // without a part heading between them, a second 1 is still a slip
        let text = "1. Minutes\n\nApproved.\n\n2. Budget\n\nNoted.\n\n1. AOB\n\nNone.\n";
        assert!(!run(&RULE, text).is_empty());
    }

    #[test]
    fn flags_duplicates_gaps_and_disorder() {
        let text = "1. First\n\nText.\n\n2. Second\n\nText.\n\n2. Third\n\nText.\n\n5. Fifth\n\nText.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("used twice"));
        assert!(found[1].message.contains("skips"));
        assert_eq!(apply(text, &found[0]).matches("3. Third").count(), 1);
    }

    #[test]
    fn paragraph_and_list_sequences() {
        let text = "26.1 One.\n\n26.2 Two.\n\n26.4 Four.\n\na) first\nb) second\nd) fourth\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        let fixed = apply(&apply(text, &found[1]), &found[0]);
        assert!(fixed.contains("26.3 Four") && fixed.contains("c) fourth"), "{fixed}");
    }

    #[test]
    fn minute_number_with_the_wrong_year() {
        let text = "25/16 Finance\n\nText.\n\n26/6 Management\n\nText.\n\n27/16 Close\n\nText.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(apply(text, &found[0]).contains("26/16 Management"));
    }

    #[test]
    fn a_clean_sequence_passes() {
        assert_eq!(run(&RULE, "1. A\n\nx.\n\n2. B\n\ny.\n\ni) one\nii) two\niii) three\n"), vec![]);
    }

    #[test]
    fn a_minute_number_that_lost_its_slash_breaks_the_scheme_and_leaves_no_gap() {
        let text = "129/17 Plan\n\nNoted.\n\n130/17 Budget\n\nNoted.\n\n13117 Village CCTV The clerk advised that crime had risen.\n\n132/17 Funding\n\nNoted.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("breaks the document's numbering"), "{}", found[0].message);
        assert!(apply(text, &found[0]).contains("131/17 Village CCTV"));
    }

    #[test]
    fn numbers_are_compared_within_one_scheme_and_one_level() {
        // references count within their prefix: not "used twice"
        assert_eq!(run(&RULE, "Item 21/04/7 Planning\n\nNone.\n\nItem 21/04/8 Highways\n\nNoted.\n"), vec![]);
        // sub-headings in another scheme are not items
        assert_eq!(run(&RULE, "5. Reports\n\ni. Highways\n\nNoted.\n\nii. Playground\n\nNoted.\n\n6. Close\n\nDone.\n"), vec![]);
        assert_eq!(run(&RULE, "1/16 Apologies\n\nNone.\n\n1. i) Highways\n\nNoted.\n\n2/16 Finance\n\nNoted.\n"), vec![]);
        // a gap within a prefix is still a gap
        assert_eq!(run(&RULE, "Item 21/04/7 Planning\n\nNone.\n\nItem 21/04/9 Highways\n\nNoted.\n").len(), 1);
    }
}
