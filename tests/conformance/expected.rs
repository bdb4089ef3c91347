//! The seeds (`expected/*.json`): their structure must match the labels
//! exactly, and every labelled implied action must be found with its owner.

use minutes::model::ActionKind;
use serde_json::Value;

use crate::support::{clean, labelled_files, Labelled, Parsed};

fn norm_number(s: &str) -> String {
    s.trim().trim_end_matches(['.', ':']).to_string()
}

fn norm_owner(s: &str) -> String {
    let s = clean(s).to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).trim_end_matches('.').to_string()
}

/// Label owner "A; B" (or "A and B") against found owners.
fn owner_matches(label: &Value, found: &[String]) -> bool {
    match label.as_str() {
        None => found.is_empty(),
        Some(l) => {
            let mut want: Vec<String> = l.split(';').map(norm_owner).collect();
            let mut got: Vec<String> = found.iter().map(|o| norm_owner(o)).collect();
            want.sort();
            got.sort();
            want == got || (want.len() == 1 && (want[0] == got.join(" and ") || want[0] == got.join(", ")))
        }
    }
}

fn seeds() -> Vec<Labelled> {
    labelled_files().into_iter().filter(|f| f.seed).collect()
}

#[test]
fn expected_structure_matches_labels_exactly() {
    let mut failures = Vec::new();
    for file in seeds() {
        let p = Parsed::new(file.text());
        let labels = &file.labels;
        let name = file.name.clone();
        let check = |failures: &mut Vec<String>, what: &str, got: Vec<String>, want: Vec<String>| {
            if got != want {
                failures.push(format!("{name} {what}:\n  got  {got:?}\n  want {want:?}"));
            }
        };

        let got: Vec<String> = p
            .doc
            .items
            .iter()
            .map(|i| {
                let heading = p.line(i.heading_span.start);
                let title_line = i.title_span.as_ref().map(|t| p.line(t.start)).filter(|&l| l != heading);
                format!("{heading} {title_line:?} {:?} {}", i.number, i.title)
            })
            .collect();
        let want: Vec<String> = labels["agenda_items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                format!(
                    "{} {:?} {:?} {}",
                    i["heading_line"],
                    i["title_line"].as_u64().map(|l| l as usize),
                    i["number"].as_str().map(norm_number),
                    i["title"].as_str().unwrap()
                )
            })
            .collect();
        check(&mut failures, "agenda items", got, want);

        let got = p.doc.numbered_paragraphs.iter().map(|n| format!("{} {}", p.line(n.span.start), n.number)).collect();
        let want = labels["numbered_paragraphs"].as_array().unwrap().iter().map(|n| format!("{} {}", n["line"], n["number"].as_str().unwrap())).collect();
        check(&mut failures, "numbered paragraphs", got, want);

        let got = p.doc.list_items.iter().map(|l| format!("{} {:?}", p.line(l.span.start), l.marker)).collect();
        let want = labels["list_items"]
            .as_array()
            .map(|a| a.iter().map(|l| format!("{} {:?}", l["line"], l["marker"].as_str())).collect())
            .unwrap_or_default();
        check(&mut failures, "list items", got, want);

        let got = p
            .doc
            .resolved_blocks
            .iter()
            .map(|b| {
                let rs: Vec<String> = b.resolutions.iter().map(|r| format!("{} {:?}", p.line(r.span.start), r.marker)).collect();
                format!("{} {rs:?}", p.line(b.span.start))
            })
            .collect();
        let want = labels["resolved_blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let rs: Vec<String> = b["resolutions"].as_array().unwrap().iter().map(|r| format!("{} {:?}", r["line"], r["marker"].as_str())).collect();
                format!("{} {rs:?}", b["line"])
            })
            .collect();
        check(&mut failures, "resolved blocks", got, want);
        for b in labels["resolved_blocks"].as_array().unwrap() {
            for r in b["resolutions"].as_array().unwrap() {
                if let Some(t) = r["text"].as_str() {
                    let found = p.doc.resolved_blocks.iter().flat_map(|b| &b.resolutions).any(|x| x.text == t);
                    if !found {
                        failures.push(format!("{name}: resolution text {t:?} not found"));
                    }
                }
            }
        }

        let got = p
            .doc
            .actions
            .iter()
            .filter(|a| a.kind == ActionKind::Explicit)
            .map(|a| format!("{} {:?}", p.line(a.span.start), a.owners.iter().map(|o| o.name.clone()).collect::<Vec<_>>()))
            .collect();
        let want = labels["explicit_actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| format!("{} {:?}", a["line"], a["owner"].as_str().map(|o| vec![o.to_string()]).unwrap_or_default()))
            .collect();
        check(&mut failures, "explicit actions", got, want);

        let got = p
            .doc
            .abbreviations
            .iter()
            .map(|a| format!("{} {} = {}", p.line(a.span.start), a.short, a.long.as_deref().unwrap_or("?")))
            .collect();
        let want = labels["abbreviation_definitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| format!("{} {} = {}", a["line"], a["short"].as_str().unwrap(), a["long"].as_str().unwrap()))
            .collect();
        check(&mut failures, "abbreviation definitions", got, want);

        // every abbreviation to flag is reported on its line
        let diagnostics = p.findings();
        for u in labels["undefined_abbreviations_to_flag"].as_array().unwrap() {
            let short = u["short"].as_str().unwrap();
            let line = u["line"].as_u64().unwrap() as usize;
            let hit = diagnostics.iter().any(|d| {
                d.code == "M201" && p.line(d.range.start) == line && p.text[d.range.clone()].starts_with(short)
            });
            if !hit {
                failures.push(format!("{name}: undefined abbreviation {short} on line {line} not reported"));
            }
            if let Some(long) = u["long_form_seen"].as_str() {
                let said = diagnostics.iter().any(|d| d.code == "M201" && d.message.contains(long) && d.fix.is_some());
                if !said {
                    failures.push(format!("{name}: {short}: long form {long:?} not offered"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn expected_implied_actions_are_found_with_their_owner() {
    let mut failures = Vec::new();
    for file in seeds() {
        let p = Parsed::new(file.text());
        let labels = &file.labels;
        let name = file.name.clone();
        for ex in labels["implied_actions_examples"].as_array().unwrap() {
            let line = ex["line"].as_u64().unwrap() as usize;
            let text = clean(ex["text"].as_str().unwrap());
            let found = p.doc.actions.iter().find(|a| {
                a.kind == ActionKind::Implied && p.line(a.span.start) <= line && line <= p.line(a.span.end) && clean(&p.text[a.span.clone()]).contains(&text[..text.len().min(40)])
            });
            match found {
                None => failures.push(format!("{name}:{line}: not found: {text}")),
                Some(a) => {
                    let owners: Vec<String> = a.owners.iter().map(|o| o.name.clone()).collect();
                    if !owner_matches(&ex["owner"], &owners) {
                        failures.push(format!("{name}:{line}: owner {owners:?}, labelled {}", ex["owner"]));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
