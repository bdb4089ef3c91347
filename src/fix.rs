//! Applying fixes to a text: `minutes check --fix`.
//!
//! One pass: the fixes are taken in text order, a fix whose edits overlap
//! one already taken is left for later (reported as remaining), and all the
//! taken edits are applied at once. Every edit replaces only its own range,
//! so every word outside the edited ranges is kept. [`converge`] repeats
//! passes until the text is stable: one fix can bring the next to light
//! (joining a split paragraph can make the line after it a split too), and
//! a second `--fix` must have nothing left to do.

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The text after fixing, and what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many findings were fixed.
    pub applied: usize,
    /// The ranges of the original text that were replaced.
    pub replaced: Vec<Range<usize>>,
}

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allow {
    Safe,
    SafeAndUnsafe,
}

impl Allow {
    pub fn permits(self, a: Applicability) -> bool {
        a == Applicability::Safe || self == Allow::SafeAndUnsafe
    }
}

/// Whether two edits touch the same text. Two insertions at one place, or
/// an insertion inside a replaced range, conflict; an insertion at the edge
/// of a replaced range does not.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
}

/// Applies the permitted fixes of `diagnostics` to `text` in one pass.
pub fn apply(text: &str, diagnostics: &[Diagnostic], allow: Allow) -> Fixed {
    let mut fixes: Vec<&Vec<Edit>> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| allow.permits(f.applicability) && !f.edits.is_empty())
        .map(|f| &f.edits)
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.range.start).min());
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in fixes {
        let valid = edits.iter().all(|e| e.range.start <= e.range.end && e.range.end <= text.len() && text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
        let clash = edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| overlaps(&t.range, &e.range)) || edits[..i].iter().any(|o| overlaps(&o.range, &e.range))
        });
        if valid && !clash {
            taken.extend(edits);
            applied += 1;
        }
    }
    // an insertion at the start of a replaced range goes before it
    taken.sort_by_key(|e| (e.range.start, !e.range.is_empty()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in &taken {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.text);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    Fixed { text: out, applied, replaced: taken.iter().map(|e| e.range.clone()).collect() }
}

/// Most passes [`converge`] makes; a fix that undid another would
/// otherwise loop for ever.
pub const MAX_PASSES: usize = 10;

/// The text after fixing until nothing more applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converged {
    pub text: String,
    /// How many findings were fixed, over all passes.
    pub applied: usize,
    /// How many passes changed the text.
    pub passes: usize,
}

/// Applies the permitted fixes of `diagnostics` (the findings of `text`),
/// then checks the result again with `check` and fixes what that finds,
/// until a pass fixes nothing or [`MAX_PASSES`] passes were made.
pub fn converge(text: &str, diagnostics: &[Diagnostic], allow: Allow, mut check: impl FnMut(&str) -> Vec<Diagnostic>) -> Converged {
    let mut fixed = apply(text, diagnostics, allow);
    let mut done = Converged { text: text.to_string(), applied: 0, passes: 0 };
    while fixed.applied > 0 && done.passes < MAX_PASSES {
        done.applied += fixed.applied;
        done.passes += 1;
        done.text = fixed.text;
        fixed = apply(&done.text, &check(&done.text), allow);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    fn finding(edits: &[(Range<usize>, &str)], applicability: Applicability) -> Diagnostic {
        Diagnostic {
            code: "M000",
            name: "test",
            severity: Severity::Warning,
            message: String::new(),
            range: 0..0,
            related: Vec::new(),
            fix: Some(Fix {
                title: String::new(),
                edits: edits.iter().map(|(r, t)| Edit { range: r.clone(), text: t.to_string() }).collect(),
                applicability,
            }),
            blank: None,
        }
    }

    #[test]
    fn applies_in_one_pass_and_skips_overlaps() {
        let text = "abc def ghi";
        let ds = [
            finding(&[(4..7, "DEF")], Applicability::Safe),
            finding(&[(5..6, "x")], Applicability::Safe),
            finding(&[(0..0, ">")], Applicability::Safe),
            finding(&[(11..11, "!")], Applicability::Unsafe),
        ];
        let fixed = apply(text, &ds, Allow::Safe);
        assert_eq!(fixed.text, ">abc DEF ghi");
        assert_eq!(fixed.applied, 2);
        assert_eq!(apply(text, &ds, Allow::SafeAndUnsafe).text, ">abc DEF ghi!");
    }

    #[test]
    fn insertion_at_the_edge_of_a_replacement() {
        let text = "Front Door\n\nnext";
        let ds = [finding(&[(10..12, " ")], Applicability::Safe), finding(&[(10..10, " (FD)")], Applicability::Safe)];
        assert_eq!(apply(text, &ds, Allow::Safe).text, "Front Door (FD) next");
    }
}
