//! `--fix` on random documents made of the lines of the repository's
//! minutes (examples and test fixtures): all the text outside the spans a
//! fix replaced survives, in order, and a second pass changes nothing.

use std::path::Path;

use minutes::fix::{self, Allow};
use minutes::analysis;
use minutes::config::Config;
use minutes::rules::Selection;
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
    analysis::analyse(text, &Roster::default(), &Config::default(), &Selection::default()).diagnostics
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

/// Every character that no replaced range of `fixed` covers is still
/// there, in order: the text between two edits survives whole (an insertion
/// glued to a word, "Ann James (AJ),", keeps both sides).
fn keeps_unreplaced_text(text: &str, fixed: &fix::Fixed) -> Result<(), TestCaseError> {
    let mut kept = Vec::new();
    let mut at = 0;
    for r in &fixed.replaced {
        kept.push(&text[at..r.start]);
        at = r.end;
    }
    kept.push(&text[at..]);
    let mut pos = 0;
    for segment in kept {
        let found = fixed.text[pos..].find(segment);
        prop_assert!(found.is_some(), "“{}” lost or reordered by --fix\n--- before\n{}\n--- after\n{}", segment, text, fixed.text);
        pos += found.unwrap_or(0) + segment.len();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn fix_keeps_every_word_and_is_idempotent(text in document()) {
        // pass by pass, as `converge` does, each pass keeping the text it
        // does not replace
        let mut current = text.clone();
        let mut passes = 0;
        loop {
            let fixed = fix::apply(&current, &check(&current), Allow::Safe);
            if fixed.applied == 0 {
                break;
            }
            keeps_unreplaced_text(&current, &fixed)?;
            current = fixed.text;
            passes += 1;
            prop_assert!(passes <= fix::MAX_PASSES, "fixes do not settle\n--- before\n{}\n--- now\n{}", text, current);
        }
        // `--fix` reaches the same text, and a second `--fix` has nothing to do
        let converged = fix::converge(&text, &check(&text), Allow::Safe, check);
        prop_assert_eq!(&converged.text, &current);
        let again = fix::converge(&converged.text, &check(&converged.text), Allow::Safe, check);
        prop_assert_eq!(again.applied, 0, "second --fix fixed more\n--- after one\n{}\n--- after two\n{}", converged.text, again.text);
    }
}
