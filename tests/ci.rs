//! `minutes check` in CI: every output format on the examples (snapshots,
//! and each format read back by a parser of its own), the configuration
//! file, `--fix` and `--diff`, and the exit codes CI relies on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn minutes_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minutes")).args(args).current_dir(dir).output().expect("the binary runs")
}

fn minutes(args: &[&str]) -> Output {
    minutes_in(&root(), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Rule links in snapshots: a fixed address, not the build directory.
const DOCS: &str = "https://minutes.invalid/rules#";

fn check_examples(format: &str) -> Output {
    minutes(&["check", "--rule-docs-url", DOCS, "--format", format, "examples/"])
}

#[test]
fn every_format_on_the_examples() {
    for format in ["human", "short", "json", "github", "sarif", "junit", "gitlab"] {
        let o = check_examples(format);
        assert_eq!(o.status.code(), Some(1), "{format}: findings.minutes has errors\n{}", stderr(&o));
        insta::assert_snapshot!(format!("check_examples_{format}"), stdout(&o));
    }
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json")).unwrap()).unwrap();
    // formats (URIs, date-times) are checked too; tests/schemas/README.md
    // says how the schema differs from the published text
    let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft4).should_validate_formats(true).build(&schema).expect("the schema compiles");
    let log: Value = serde_json::from_str(&stdout(&check_examples("sarif"))).expect("SARIF is JSON");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // and a broken log is caught: the check can fail
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "loud".into();
    assert!(!validator.is_valid(&broken));

    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let rules = runs[0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), minutes::rules::RULES.len());
    for r in rules {
        assert!(r["help"]["text"].as_str().is_some_and(|t| t.contains("Why it matters")), "{r}");
        assert_eq!(r["helpUri"], format!("{DOCS}{}", r["id"].as_str().unwrap().to_lowercase()));
    }
    let results = runs[0]["results"].as_array().unwrap();
    for res in results {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        let region = &res["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
    let fixed = results.iter().find(|r| r["ruleId"] == "M201").expect("an M201 result");
    let replacement = &fixed["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], " (MTFS)");
    assert_eq!(replacement["deletedRegion"]["startLine"], 16);
}

#[test]
fn junit_is_xml_with_a_failure_per_finding() {
    use quick_xml::events::Event;
    let out = stdout(&check_examples("junit"));
    let json: Value = serde_json::from_str(&stdout(&check_examples("json"))).unwrap();
    let findings = json["diagnostics"].as_array().unwrap().len();
    let mut reader = quick_xml::Reader::from_str(&out);
    let (mut suites, mut cases, mut failures, mut depth) = (0, 0, 0, 0i32);
    let mut attrs_of_root = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"testsuites" => {
                attrs_of_root = e.attributes().map(|a| a.unwrap()).map(|a| (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), a.unescape_value().unwrap().into_owned())).collect();
                depth += 1;
            }
            Event::Start(e) => {
                match e.name().as_ref() {
                    b"testsuite" => suites += 1,
                    b"testcase" => cases += 1,
                    b"failure" => failures += 1,
                    _ => {}
                }
                depth += 1;
            }
            Event::Empty(e) if e.name().as_ref() == b"testcase" => cases += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(suites, 2, "one suite per file");
    assert_eq!(failures, findings);
    assert_eq!(cases, findings + 1, "clean.minutes passes as one case");
    let attr = |k: &str| attrs_of_root.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    assert_eq!(attr("failures"), Some(findings.to_string()));
    assert_eq!(attr("tests"), Some((findings + 1).to_string()));
}

#[test]
fn gitlab_report_has_the_documented_fields() {
    let issues: Value = serde_json::from_str(&stdout(&check_examples("gitlab"))).expect("JSON");
    let issues = issues.as_array().expect("an array of issues");
    assert!(!issues.is_empty());
    let mut fingerprints = std::collections::HashSet::new();
    for i in issues {
        assert!(i["description"].as_str().is_some_and(|d| !d.is_empty()), "{i}");
        assert!(i["check_name"].as_str().is_some_and(|d| !d.is_empty()), "{i}");
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()), "fingerprints are unique: {i}");
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&i["severity"].as_str().unwrap()), "{i}");
        assert_eq!(i["location"]["path"], "examples/findings.minutes");
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    // the same findings give the same fingerprints on the next run
    let again: Value = serde_json::from_str(&stdout(&check_examples("gitlab"))).unwrap();
    assert_eq!(again.as_array().unwrap().iter().map(|i| &i["fingerprint"]).collect::<Vec<_>>(), issues.iter().map(|i| &i["fingerprint"]).collect::<Vec<_>>());
}

#[test]
fn statistics_quiet_exit_zero_and_output_file() {
    let o = minutes(&["check", "--statistics", "examples/"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check_examples_statistics", stdout(&o));
    let o = minutes(&["check", "--statistics", "--format", "json", "examples/"]);
    let counts: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let total: u64 = counts.as_array().unwrap().iter().map(|c| c["count"].as_u64().unwrap()).sum();
    let json: Value = serde_json::from_str(&stdout(&check_examples("json"))).unwrap();
    assert_eq!(total as usize, json["diagnostics"].as_array().unwrap().len());

    let human = stdout(&minutes(&["check", "examples/"]));
    let quiet = stdout(&minutes(&["check", "--quiet", "examples/"]));
    assert!(human.contains("Checked 2 files") && !quiet.contains("Checked 2 files"));
    assert!(quiet.contains("M101 missing-owner"));

    assert_eq!(minutes(&["check", "--exit-zero", "examples/"]).status.code(), Some(0));
    assert_eq!(minutes(&["check", "--exit-zero", "examples/", "no-such-file.minutes"]).status.code(), Some(2), "unreadable files still fail");

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.sarif");
    let o = minutes(&["check", "--rule-docs-url", DOCS, "--format", "sarif", "--output-file", report.to_str().unwrap(), "examples/"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&report).unwrap(), stdout(&check_examples("sarif")));
}

// ---- configuration ----

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/ci").join(name)
}

fn short(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["check", "--format", "short"];
    all.extend(args);
    let o = minutes_in(dir, &all);
    (o.status.code(), stdout(&o), stderr(&o))
}

#[test]
fn the_roster_changes_unknown_owner() {
    let dir = fixture("roster");
    // with the committee's minutes.toml: everyone is known
    let (code, out, _) = short(&dir, &["planning.minutes"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("M102") && !out.contains("M201"), "{out}");
    // with an empty configuration: the owners and FFD are unknown
    let empty = tempfile::NamedTempFile::new().unwrap();
    let (_, out, _) = short(&dir, &["--config", empty.path().to_str().unwrap(), "planning.minutes"]);
    let m102: Vec<&str> = out.lines().filter(|l| l.contains("[M102]")).collect();
    assert_eq!(m102.len(), 3, "{out}");
    for owner in ["Ann James", "AJ", "Neighbourhood Forum"] {
        assert!(m102.iter().any(|l| l.contains(owner)), "{owner}: {out}");
    }
    assert!(out.contains("[M201]") && out.contains("FFD"), "{out}");
}

#[test]
fn a_broken_configuration_names_file_line_and_column() {
    let (code, out, err) = short(&fixture("broken"), &["planning.minutes"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    let config = fixture("broken").join("minutes.toml");
    assert!(err.starts_with(&format!("minutes: {}:3:1: ", config.display())), "{err}");
}

#[test]
fn an_unknown_key_names_file_line_and_column() {
    let (code, _, err) = short(&fixture("unknown-key"), &["planning.minutes"]);
    assert_eq!(code, Some(2));
    let config = fixture("unknown-key").join("minutes.toml");
    assert!(err.starts_with(&format!("minutes: {}:5:1: unknown field `group`", config.display())), "{err}");
}

#[test]
fn date_order_reads_us_dates() {
    let dir = fixture("us-dates");
    let (code, out, _) = short(&dir, &["budget.minutes"]);
    assert_eq!(code, Some(0), "month-day: due 24 March, after the 10 March meeting\n{out}");
    let day_month = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(day_month.path(), "[dates]\norder = \"day-month\"\n").unwrap();
    let (code, out, _) = short(&dir, &["--config", day_month.path().to_str().unwrap(), "budget.minutes"]);
    assert_eq!(code, Some(1), "day-month: 3/24 has no month 24\n{out}");
    assert!(out.contains("[M501]"), "{out}");
}

#[test]
fn files_exclude_applies_to_walked_directories() {
    let dir = fixture("walk");
    let (_, out, _) = short(&dir, &["."]);
    assert!(out.contains("committee/january.minutes") && !out.contains("drafts"), "{out}");
    // a file named on the command line is checked all the same
    let (_, out, _) = short(&dir, &["drafts/february.minutes"]);
    assert!(out.contains("drafts/february.minutes"), "{out}");
    // unless --force-exclude (what the pre-commit hooks pass)
    let (code, out, _) = short(&dir, &["--force-exclude", "drafts/february.minutes"]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
}

// ---- fixes ----

fn temp_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join(name);
    std::fs::copy(root().join("examples").join(name), &to).unwrap();
    (dir, to)
}

#[test]
fn fix_applies_safe_fixes_and_reports_the_rest() {
    let (dir, file) = temp_copy("findings.minutes");
    let before = std::fs::read_to_string(&file).unwrap();
    let o = minutes_in(dir.path(), &["check", "--format", "short", "--diff", "findings.minutes"]);
    assert_eq!(o.status.code(), Some(1), "--diff exits 1 when there is something to fix");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "--diff writes nothing");
    insta::assert_snapshot!("fix_diff_findings", stdout(&o));

    let o = minutes_in(dir.path(), &["check", "--format", "short", "--fix", "findings.minutes"]);
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("Medium Term Financial Strategy (MTFS)"), "{after}");
    assert!(after.contains("agreed in 2024, and the Clerk"), "the split paragraph is joined: {after}");
    assert!(after.contains("3. Reserves Policy"), "renumbering is unsafe: not applied");
    let out = stdout(&o);
    assert!(!out.contains("[M201]") && !out.contains("[M601]") && out.contains("[M301]"), "{out}");
    assert!(stderr(&o).contains("fixed 2 findings in 1 file"), "{}", stderr(&o));

    let o = minutes_in(dir.path(), &["check", "--diff", "findings.minutes"]);
    assert_eq!(o.status.code(), Some(0), "a second pass has nothing to fix");

    let o = minutes_in(dir.path(), &["check", "--format", "short", "--fix", "--unsafe-fixes", "findings.minutes"]);
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(after.contains("2. Reserves Policy"), "{after}");
    assert!(!stdout(&o).contains("[M301]"));
}
