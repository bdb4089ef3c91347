//! `--fix` on random documents made of the lines of the repository's
//! minutes (examples and test fixtures): every word outside the spans a
//! fix replaced survives, in order, and a second pass changes nothing.

use std::ops::Range;
use std::path::Path;

use minutes::fix::{self, Allow};
use minutes::model::Document;
use minutes::rules::{self, Context, Selection};
use minutes::workspace::Roster;
use proptest::prelude::*;

/// Every non-blank line of the repository's minutes files.
fn pool() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("examples/clean.minutes"), root.join("examples/findings.minutes")];
    let mut dirs = vec![root.join("tests/fixtures")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()) {
            if e.is_dir() {
                dirs.push(e);
            } else if e.extension().is_some_and(|x| x == "minutes") {
                files.push(e);
            }
        }
    }
    files.sort();
    let mut lines: Vec<String> = files
        .iter()
        .flat_map(|f| std::fs::read_to_string(f).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.dedup();
    assert!(lines.len() > 40, "enough lines to mix: {}", lines.len());
    lines
}

fn check(text: &str) -> Vec<minutes::diagnostic::Diagnostic> {
    let doc = Document::parse(text);
    let roster = Roster::from_documents([&doc]);
    rules::check(&Context { text, doc: &doc, roster: &roster }, &Selection::default())
}

/// The words of `text` with their byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn document() -> impl Strategy<Value = String> {
    let pool = pool();
    let n = pool.len();
    // lines with runs of 0–3 blank lines between them (blank runs make page
    // breaks, which are fixed by joining)
    prop::collection::vec((0..n, 0usize..4), 3..40).prop_map(move |picks| {
        let mut text = String::new();
        for (i, blanks) in picks {
            text.push_str(&pool[i]);
            text.push('\n');
            text.push_str(&"\n".repeat(blanks));
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn fix_keeps_every_word_and_is_idempotent(text in document()) {
        let found = check(&text);
        let fixed = fix::apply(&text, &found, Allow::Safe);
        // every word that no replaced range touches is still there, in order
        let kept: Vec<&str> = words(&text)
            .into_iter()
            .filter(|(r, _)| !fixed.replaced.iter().any(|x| x.start < r.end && r.start < x.end && !x.is_empty()))
            .map(|(_, w)| w)
            .collect();
        let after = words(&fixed.text);
        let mut it = after.iter().map(|(_, w)| *w);
        for w in &kept {
            prop_assert!(it.any(|a| a == *w), "“{}” lost or reordered by --fix\n--- before\n{}\n--- after\n{}", w, text, fixed.text);
        }
        // a second pass has nothing left to do
        let again = fix::apply(&fixed.text, &check(&fixed.text), Allow::Safe);
        prop_assert_eq!(again.applied, 0, "second pass fixed more\n--- after one pass\n{}\n--- after two\n{}", fixed.text, again.text);
        prop_assert_eq!(&again.text, &fixed.text);
    }
}
