//! The model against the hand labels of the real minutes in
//! `../shared/corpus` (beside the repository, as in CI).
//!
//! - `expected/*.json`: the structure must match exactly.
//! - `more/*.json`: precision and recall of agenda items, decisions and
//!   explicit actions (with their owner) must be at least 0.9; implied
//!   actions (commitments in prose) at least recall 0.8, precision 0.75,
//!   owner accuracy 0.75. Misses and false alarms are printed.

use std::path::{Path, PathBuf};

use minutes::model::{ActionKind, Document};
use minutes::rules::{self, Context, Selection};
use minutes::text::LineIndex;
use minutes::workspace::Roster;
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn files(dir: &Path) -> Vec<(PathBuf, Value)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|json| {
            let stem = json.file_stem().unwrap().to_str().unwrap().to_string();
            let base = if dir.ends_with("expected") { dir.parent().unwrap().to_path_buf() } else { dir.to_path_buf() };
            let labels: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
            (base.join(format!("{stem}.txt")), labels)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "no labels in {}", dir.display());
    out
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
            if want == got {
                return true;
            }
            let joined = got.join(" and ");
            want.len() == 1 && (want[0] == joined || want[0] == got.join(", "))
        }
    }
}

struct Parsed {
    text: String,
    doc: Document,
    index: LineIndex,
}

fn parse(path: &Path) -> Parsed {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = Document::parse(&text);
    let index = LineIndex::new(&text);
    Parsed { text, doc, index }
}

impl Parsed {
    fn line(&self, offset: usize) -> usize {
        self.index.line_number(offset)
    }
}

fn line_of(v: &Value) -> usize {
    v["line"].as_u64().or(v["heading_line"].as_u64()).unwrap() as usize
}

// ---------------------------------------------------------------- expected

#[test]
fn every_corpus_file_parses_without_errors() {
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in [corpus(), corpus().join("more")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    assert!(paths.len() >= 11, "{paths:?}");
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let tree = minutes::syntax::parse_text(&text);
        assert!(!tree.root_node().has_error(), "{}: {}", p.display(), tree.root_node().to_sexp());
    }
}

#[test]
fn expected_structure_matches_labels_exactly() {
    let mut failures = Vec::new();
    for (path, labels) in files(&corpus().join("expected")) {
        let p = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
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
        let roster = Roster::from_documents([&p.doc]);
        let diagnostics = rules::check(&Context { text: &p.text, doc: &p.doc, roster: &roster }, &Selection::default());
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
    for (path, labels) in files(&corpus().join("expected")) {
        let p = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
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

// ---------------------------------------------------------------- more/

#[derive(Default)]
struct Score {
    found: usize,
    labelled: usize,
    true_found: usize,
    matched_labels: usize,
    owners_right: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 { 1.0 } else { self.true_found as f64 / self.found as f64 }
    }
    fn recall(&self) -> f64 {
        if self.labelled == 0 { 1.0 } else { self.matched_labels as f64 / self.labelled as f64 }
    }
    fn owner_accuracy(&self) -> f64 {
        if self.matched_labels == 0 { 1.0 } else { self.owners_right as f64 / self.matched_labels as f64 }
    }
}

/// One-to-one matching by line: each label takes the first unused found
/// item on its line that `fits`, preferring one whose owner is right.
fn match_by_line<F: Fn(usize, usize) -> bool>(found_lines: &[usize], label_lines: &[usize], fits: F, owner_right: impl Fn(usize, usize) -> bool) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; found_lines.len()];
    let mut matches = Vec::new();
    for (li, &line) in label_lines.iter().enumerate() {
        let candidates: Vec<usize> = (0..found_lines.len()).filter(|&f| !used[f] && found_lines[f] == line && fits(f, li)).collect();
        let pick = candidates.iter().copied().find(|&f| owner_right(f, li)).or(candidates.first().copied());
        if let Some(f) = pick {
            used[f] = true;
        }
        matches.push(pick);
    }
    (matches, used)
}

#[test]
fn more_minutes_precision_and_recall() {
    let mut items = Score::default();
    let mut decisions = Score::default();
    let mut explicit = Score::default();
    let mut implied = Score::default();
    let mut report = Vec::new();
    for (path, labels) in files(&corpus().join("more")) {
        let p = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();

        // agenda items: line and number
        let found: Vec<usize> = p.doc.items.iter().map(|i| p.line(i.heading_span.start)).collect();
        let want: Vec<usize> = labels["agenda_items"].as_array().unwrap().iter().map(line_of).collect();
        let (m, used) = match_by_line(&found, &want, |_, _| true, |_, _| true);
        items.found += found.len();
        items.labelled += want.len();
        items.true_found += used.iter().filter(|u| **u).count();
        items.matched_labels += m.iter().filter(|x| x.is_some()).count();
        for (i, x) in m.iter().enumerate() {
            if x.is_none() {
                report.push(format!("{name}:{} item missed", want[i]));
            }
        }
        for (f, u) in used.iter().enumerate() {
            if !u {
                report.push(format!("{name}:{} item false alarm: {:?}", found[f], p.doc.items[f].title));
            }
        }

        // decisions: the line of the block
        let found: Vec<usize> = p.doc.resolved_blocks.iter().map(|b| p.line(b.span.start)).collect();
        let want: Vec<usize> = labels["resolved_blocks"].as_array().unwrap().iter().map(line_of).collect();
        let (m, used) = match_by_line(&found, &want, |_, _| true, |_, _| true);
        decisions.found += found.len();
        decisions.labelled += want.len();
        decisions.true_found += used.iter().filter(|u| **u).count();
        decisions.matched_labels += m.iter().filter(|x| x.is_some()).count();
        for (i, x) in m.iter().enumerate() {
            if x.is_none() {
                report.push(format!("{name}:{} decision missed", want[i]));
            }
        }
        for (f, u) in used.iter().enumerate() {
            if !u {
                report.push(format!("{name}:{} decision false alarm: {}", found[f], p.doc.resolved_blocks[f].marker));
            }
        }

        // explicit actions, with their owner
        let ex: Vec<&minutes::model::Action> = p.doc.actions.iter().filter(|a| a.kind == ActionKind::Explicit).collect();
        let owners = |a: &minutes::model::Action| a.owners.iter().map(|o| o.name.clone()).collect::<Vec<_>>();
        let found: Vec<usize> = ex.iter().map(|a| p.line(a.span.start)).collect();
        let want_v = labels["explicit_actions"].as_array().unwrap();
        let want: Vec<usize> = want_v.iter().map(line_of).collect();
        let right = |f: usize, l: usize| owner_matches(&want_v[l]["owner"], &owners(ex[f]));
        let (m, used) = match_by_line(&found, &want, right, right);
        explicit.found += found.len();
        explicit.labelled += want.len();
        explicit.true_found += used.iter().filter(|u| **u).count();
        explicit.matched_labels += m.iter().filter(|x| x.is_some()).count();
        for (i, x) in m.iter().enumerate() {
            if x.is_none() {
                let near: Vec<Vec<String>> = ex.iter().filter(|a| p.line(a.span.start) == want[i]).map(|a| owners(a)).collect();
                report.push(format!("{name}:{} explicit action missed (owner {}; found here {near:?})", want[i], want_v[i]["owner"]));
            }
        }
        for (f, u) in used.iter().enumerate() {
            if !u {
                report.push(format!("{name}:{} explicit action false alarm: {:?} {}", found[f], owners(ex[f]), ex[f].task.chars().take(60).collect::<String>()));
            }
        }

        // implied actions: recall against implied labels; a found one is
        // right when it matches an implied or an explicit label's line
        let im: Vec<&minutes::model::Action> = p.doc.actions.iter().filter(|a| a.kind == ActionKind::Implied).collect();
        let found: Vec<usize> = im.iter().map(|a| p.line(a.span.start)).collect();
        let want_v = labels["implied_actions"].as_array().unwrap();
        let want: Vec<usize> = want_v.iter().map(line_of).collect();
        let right = |f: usize, l: usize| owner_matches(&want_v[l]["owner"], &owners(im[f]));
        let (m, mut used) = match_by_line(&found, &want, |_, _| true, right);
        implied.found += found.len();
        implied.labelled += want.len();
        implied.matched_labels += m.iter().filter(|x| x.is_some()).count();
        for (l, x) in m.iter().enumerate() {
            match x {
                Some(f) if right(*f, l) => implied.owners_right += 1,
                Some(f) => report.push(format!("{name}:{} implied action owner {:?}, labelled {}", want[l], owners(im[*f]), want_v[l]["owner"])),
                None => report.push(format!("{name}:{} implied action missed: {}", want[l], want_v[l]["text"].as_str().unwrap_or("").chars().take(70).collect::<String>())),
            }
        }
        let explicit_lines: Vec<usize> = labels["explicit_actions"].as_array().unwrap().iter().map(line_of).collect();
        for (f, u) in used.iter_mut().enumerate() {
            if !*u && explicit_lines.contains(&found[f]) {
                *u = true;
            }
            if !*u {
                report.push(format!("{name}:{} implied action false alarm: {}", found[f], im[f].task.chars().take(70).collect::<String>()));
            }
        }
        implied.true_found += used.iter().filter(|u| **u).count();
    }
    let summary = format!(
        "agenda items: precision {:.2} recall {:.2}\ndecisions: precision {:.2} recall {:.2}\nexplicit actions (with owner): precision {:.2} recall {:.2}\nimplied actions: precision {:.2} recall {:.2} owner accuracy {:.2}",
        items.precision(), items.recall(), decisions.precision(), decisions.recall(), explicit.precision(), explicit.recall(),
        implied.precision(), implied.recall(), implied.owner_accuracy()
    );
    println!("{summary}\n\n{}", report.join("\n"));
    for (what, s) in [("agenda items", &items), ("decisions", &decisions), ("explicit actions", &explicit)] {
        assert!(s.precision() >= 0.9 && s.recall() >= 0.9, "{what} below 0.9\n{summary}\n{}", report.join("\n"));
    }
    assert!(
        implied.recall() >= 0.8 && implied.precision() >= 0.75 && implied.owner_accuracy() >= 0.75,
        "implied actions below target\n{summary}\n{}",
        report.join("\n")
    );
}
