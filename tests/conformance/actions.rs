//! Explicit and implied actions with their owners against every labelled
//! file: recall, precision and owner accuracy, held-out files reported apart.
//! (Issue 13.)
//!
//! Found and labelled actions are paired one to one by line (±1) and by the
//! words they share, so several actions on one line are not paired
//! crosswise. The seeds' `implied_actions_examples` are examples, not a
//! complete list: they count for recall and owners only.

use minutes::model::{Action, ActionKind};
use serde_json::Value;

use crate::support::{labelled_files, line_of, match_one_to_one, Parsed, Score};

/// Lower-case words of two letters or more.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).map(str::to_lowercase).collect()
}

/// The share of the label's words the found action's text holds.
fn overlap(found: &str, label: &str) -> f64 {
    let f = words(found);
    let l = words(label);
    if l.is_empty() {
        return 1.0;
    }
    l.iter().filter(|w| f.contains(w)).count() as f64 / l.len() as f64
}

/// Owners as a set: a label writes "A and B", "A; B", "A/B" or "A, B" for
/// two owners, the model lists them.
fn owner_set<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = names
        .into_iter()
        .flat_map(|n| n.split([';', ',', '/', '&']).flat_map(|p| p.split(" and ")).map(str::to_string).collect::<Vec<_>>())
        .map(|s| {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            // a handle's sign is not part of the name: "@Robert J"
            let s = s.trim_start_matches('@');
            s.strip_prefix("the ").unwrap_or(s).trim_end_matches('.').trim().to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn owner_right(label: &Value, found: &Action) -> bool {
    let got = owner_set(found.owners.iter().map(|o| o.name.as_str()));
    match label.as_str() {
        None => got.is_empty(),
        Some(l) => owner_set([l]) == got,
    }
}

/// Scores one kind of action in one file; returns the lines of the report.
fn score(p: &Parsed, kind: ActionKind, labels: &[Value], other_labels: &[Value], recall_only: bool, s: &mut Score) -> Vec<String> {
    let found: Vec<&Action> = p.doc.actions.iter().filter(|a| a.kind == kind).collect();
    let found_lines: Vec<usize> = found.iter().map(|a| p.line(a.span.start)).collect();
    let label_lines: Vec<usize> = labels.iter().map(line_of).collect();
    let text_of = |a: &Action| p.text[a.span.clone()].to_string();
    let label_text = |l: &Value| l["text"].as_str().unwrap_or("").to_string();
    let fits = |f: usize, l: usize| overlap(&text_of(found[f]), &label_text(&labels[l])) >= 0.3;
    let rank = |f: usize, l: usize| {
        let o = overlap(&text_of(found[f]), &label_text(&labels[l]));
        i64::from(owner_right(&labels[l]["owner"], found[f])) * 1000 + (o * 100.0) as i64
    };
    let (matches, used) = match_one_to_one(&found_lines, &label_lines, 1, fits, rank);
    let mut report = Vec::new();
    s.labelled += labels.len();
    for (l, m) in matches.iter().enumerate() {
        let text: String = label_text(&labels[l]).chars().take(80).collect();
        match m {
            Some(f) => {
                s.matched_labels += 1;
                if owner_right(&labels[l]["owner"], found[*f]) {
                    s.owners_right += 1;
                } else {
                    let got: Vec<&str> = found[*f].owners.iter().map(|o| o.name.as_str()).collect();
                    report.push(format!("{}: owner {got:?}, labelled {}: {text}", label_lines[l], labels[l]["owner"]));
                }
            }
            None => report.push(format!("{}: missed (owner {}): {text}", label_lines[l], labels[l]["owner"])),
        }
    }
    if recall_only {
        return report;
    }
    s.found += found.len();
    for (f, u) in used.iter().enumerate() {
        // an action found as the other kind on a labelled line is a kind
        // error, counted where it is labelled, not a false alarm here
        let other = other_labels.iter().any(|l| line_of(l).abs_diff(found_lines[f]) <= 1 && overlap(&text_of(found[f]), &label_text(l)) >= 0.3);
        if *u || other {
            s.true_found += 1;
        } else {
            let owners: Vec<&str> = found[f].owners.iter().map(|o| o.name.as_str()).collect();
            report.push(format!("{}: false alarm {owners:?}: {}", found_lines[f], found[f].task.chars().take(80).collect::<String>()));
        }
    }
    report
}

fn summary(what: &str, s: &Score) -> String {
    format!(
        "{what}: recall {:.2} ({}/{}), precision {:.2} ({}/{}), owner right {:.2} ({}/{})",
        s.recall(), s.matched_labels, s.labelled, s.precision(), s.true_found, s.found, s.owner_accuracy(), s.owners_right, s.matched_labels
    )
}

/// The target is recall, precision and owner right 0.90 on the
/// development files and 0.85 on the held-out ones. Where it is not reached
/// yet the floor is the figure reached (a ratchet that fails on any loss):
/// development implied actions 0.85 / 0.86 / 0.88, held-out explicit
/// 0.26 / 0.27 / 0.00 and implied 0.46 / 0.69 / 0.83 (issue 13's report).
const DEV_FLOOR: [(&str, f64, f64, f64); 2] = [("explicit", 0.90, 0.90, 0.90), ("implied", 0.85, 0.86, 0.88)];
const HELD_OUT_FLOOR: [(&str, f64, f64, f64); 2] = [("explicit", 0.25, 0.26, 0.0), ("implied", 0.45, 0.69, 0.82)];

#[test]
fn actions_and_owners_recall_precision() {
    let mut dev = [Score::default(), Score::default()];
    let mut held = [Score::default(), Score::default()];
    let mut report = Vec::new();
    for file in labelled_files() {
        let p = Parsed::new(file.text());
        let explicit = file.labels["explicit_actions"].as_array().cloned().unwrap_or_default();
        let implied_key = if file.seed { "implied_actions_examples" } else { "implied_actions" };
        let implied = file.labels[implied_key].as_array().cloned().unwrap_or_default();
        let mut here = [Score::default(), Score::default()];
        let mut lines = score(&p, ActionKind::Explicit, &explicit, &implied, false, &mut here[0]);
        lines.extend(score(&p, ActionKind::Implied, &implied, &explicit, file.seed, &mut here[1]));
        let totals = if file.held_out { &mut held } else { &mut dev };
        totals[0].add(&here[0]);
        totals[1].add(&here[1]);
        if !file.held_out {
            report.push(format!("== {} | {} | {}", file.name, summary("explicit", &here[0]), summary("implied", &here[1])));
            report.extend(lines.into_iter().map(|l| format!("  {}:{l}", file.name)));
        }
    }
    let figures = format!(
        "development files: {}\ndevelopment files: {}\nheld-out files (aggregate only): {}\nheld-out files (aggregate only): {}",
        summary("explicit", &dev[0]),
        summary("implied", &dev[1]),
        summary("explicit", &held[0]),
        summary("implied", &held[1])
    );
    println!("{}\n\n{figures}", report.join("\n"));
    let mut failures = Vec::new();
    for (set, scores, floors) in [("development", &dev, &DEV_FLOOR), ("held-out", &held, &HELD_OUT_FLOOR)] {
        for (s, (kind, recall, precision, owner)) in scores.iter().zip(floors.iter()) {
            if s.recall() < *recall || s.precision() < *precision || s.owner_accuracy() < *owner {
                failures.push(format!("{set} {kind} actions below recall {recall}, precision {precision}, owner {owner}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}\n{figures}", failures.join("\n"));
}
