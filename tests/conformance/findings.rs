//! `minutes check` against each `more/NN.findings.json`: precision and recall
//! over the warning and error rules, held-out files reported apart. (Issue 12.)
//!
//! Each file is checked as `minutes check FILE` checks it: the default rule
//! selection, the roster of that file alone (the corpus files are `.txt`,
//! so they are nobody's workspace peers). Only findings of severity warning
//! or error are scored: a hint or an info is what a rule says when it may be
//! wrong, and a reader is not asked to act on it.
//!
//! A finding matches a label one-to-one on the same code and line, and on
//! the same token where the label gives one (the abbreviation, the number).

use std::collections::BTreeMap;

use minutes::diagnostic::Severity;

use crate::support::{labelled_files, match_one_to_one, Parsed, Score};

/// One finding, found or labelled: code, line, token. A found finding's
/// token is the text it underlines, with the few characters before it on
/// its line (a list marker `1) ` before `Action:`).
#[derive(Clone, Debug)]
struct Finding {
    code: String,
    line: usize,
    token: Option<String>,
    before: String,
}

/// The token of a finding as a reader names it: the abbreviation without
/// a plural or possessive ending, the number without its closing mark.
fn norm_token(t: &str) -> String {
    let t = t.trim().trim_end_matches(['.', ':', ')', ',']);
    let t = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")).unwrap_or(t);
    t.to_string()
}

/// An abbreviation is named exactly ("ALC" is not "NALC"); a number or a
/// marker agrees when the finding underlines it or starts just after it.
fn tokens_agree(found: &Finding, label: &Finding) -> bool {
    let (Some(f), Some(l)) = (&found.token, &label.token) else { return true };
    let (f, l) = (norm_token(f), norm_token(l));
    if found.code == "M201" {
        // a plural use ("PIs") names the abbreviation "PI"
        return f == l || f.strip_suffix('s') == Some(&l) || l.strip_suffix('s') == Some(&f);
    }
    f.contains(&l) || found.before.contains(&l)
}

/// What `minutes check` reports on one file, warnings and errors only.
fn found(p: &Parsed) -> Vec<Finding> {
    p.findings()
        .into_iter()
        .filter(|d| matches!(d.severity, Severity::Warning | Severity::Error))
        .map(|d| {
            let line_start = p.text[..d.range.start].rfind('\n').map_or(0, |i| i + 1);
            let before: String = p.text[line_start..d.range.start].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
            Finding { code: d.code.to_string(), line: p.line(d.range.start), token: Some(p.text[d.range.clone()].to_string()), before }
        })
        .collect()
}

fn labelled(v: &serde_json::Value) -> Vec<Finding> {
    v["findings"]
        .as_array()
        .expect("a findings file has a `findings` list")
        .iter()
        .map(|f| Finding {
            code: f["code"].as_str().expect("a finding has a code").to_string(),
            line: f["line"].as_u64().expect("a finding has a line") as usize,
            token: f["token"].as_str().map(str::to_string),
            before: String::new(),
        })
        .collect()
}

/// Scores per rule for one file, and the lines that say what was missed
/// and what was reported wrongly.
fn score_file(found: &[Finding], labels: &[Finding]) -> (BTreeMap<String, Score>, Vec<String>) {
    let found_lines: Vec<usize> = found.iter().map(|f| f.line).collect();
    let label_lines: Vec<usize> = labels.iter().map(|f| f.line).collect();
    let (matches, used) = match_one_to_one(
        &found_lines,
        &label_lines,
        0,
        |f, l| found[f].code == labels[l].code && tokens_agree(&found[f], &labels[l]),
        |f, l| i64::from(found[f].token.as_deref().map(norm_token) == labels[l].token.as_deref().map(norm_token)),
    );
    let mut per_rule: BTreeMap<String, Score> = BTreeMap::new();
    let mut report = Vec::new();
    for (l, m) in matches.iter().enumerate() {
        let s = per_rule.entry(labels[l].code.clone()).or_default();
        s.labelled += 1;
        match m {
            Some(_) => s.matched_labels += 1,
            None => report.push(format!("    miss        {} line {} {:?}", labels[l].code, labels[l].line, labels[l].token.as_deref().unwrap_or(""))),
        }
    }
    for (f, taken) in used.iter().enumerate() {
        let s = per_rule.entry(found[f].code.clone()).or_default();
        s.found += 1;
        if *taken {
            s.true_found += 1;
        } else {
            report.push(format!("    false alarm {} line {} {:?}", found[f].code, found[f].line, found[f].token.as_deref().unwrap_or("")));
        }
    }
    (per_rule, report)
}

fn total(per_rule: &BTreeMap<String, Score>) -> Score {
    let mut t = Score::default();
    for s in per_rule.values() {
        t.add(s);
    }
    t
}

fn figures(s: &Score) -> String {
    format!("precision {:.2} ({}/{}), recall {:.2} ({}/{})", s.precision(), s.true_found, s.found, s.recall(), s.matched_labels, s.labelled)
}

#[test]
fn check_findings_match_the_labels() {
    let mut dev: BTreeMap<String, Score> = BTreeMap::new();
    let mut held: BTreeMap<String, Score> = BTreeMap::new();
    let mut files = 0;
    for file in labelled_files().into_iter().filter(|f| !f.seed) {
        let Some(truth) = &file.findings else { continue };
        files += 1;
        let p = Parsed::new(file.text());
        let (per_rule, report) = score_file(&found(&p), &labelled(truth));
        let into = if file.held_out { &mut held } else { &mut dev };
        for (code, s) in &per_rule {
            into.entry(code.clone()).or_default().add(s);
        }
        if !file.held_out {
            println!("more/{}: {}", file.name, figures(&total(&per_rule)));
            for line in report {
                println!("{line}");
            }
        }
    }
    assert!(files >= 12, "expected twelve findings files, read {files}");

    println!("\ndev files, per rule:");
    for (code, s) in &dev {
        println!("  {code}: {}", figures(s));
    }
    let dev_total = total(&dev);
    println!("dev files, overall: {}", figures(&dev_total));
    println!("\nheld-out files ({}), per rule:", crate::support::held_out().join(", "));
    for (code, s) in &held {
        println!("  {code}: {}", figures(s));
    }
    let held_total = total(&held);
    println!("held-out files, overall: {}", figures(&held_total));

    let mut all = dev_total;
    all.add(&held_total);
    println!("\nall files: {}", figures(&all));
    // The issue asks for precision 0.90 and recall 0.80. A ratchet: raise it
    // as work lands, never lower it. Reached (all twelve files): 0.79 / 0.72
    // after US date order, dictionary words in capitals, hints for plans
    // and proposals; recall was 0.74 before imperative entries and "let's"
    // became hints (a hint is not scored: two labelled ones in dev files).
    // 0.85 / 0.69 after "we will …" and "I will …" with no speaker became
    // hints: on minutes from outside the repository most such warnings
    // were wrong (sets G and H: 18 false of 21), while the corpus's
    // labellers count five of them.
    const PRECISION: f64 = 0.85;
    const RECALL: f64 = 0.68;
    assert!(all.precision() >= PRECISION, "precision {:.3} fell below {PRECISION} (target 0.90)", all.precision());
    assert!(all.recall() >= RECALL, "recall {:.3} fell below {RECALL} (target 0.80)", all.recall());
}
