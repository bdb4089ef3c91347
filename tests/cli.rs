//! The command line as a user runs it: the real binary on the examples and
//! the fixtures (minutes written in the styles of real councils, boards and
//! PDF exports), with snapshots of what people read, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn minutes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minutes")).args(args).current_dir(root()).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

/// The fixtures, as paths relative to the repository (so snapshots hold
/// the same paths on every machine).
fn fixture_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "minutes"))
        .map(|p| format!("tests/fixtures/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    v.sort();
    v
}

#[test]
fn readme_rule_section_is_current() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("<!-- rules:start").expect("rules:start marker");
    let start = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    assert_eq!(readme[start..end].trim(), minutes::cli::rules_markdown().trim(), "run `minutes rule --markdown` and paste it into README.md");
}

#[test]
fn check_examples_human() {
    let o = minutes(&["check", "examples/"]);
    assert_eq!(o.status.code(), Some(1), "findings.minutes has errors");
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn check_examples_json() {
    let o = minutes(&["check", "--format", "json", "examples/"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["files"], 2);
    insta::assert_json_snapshot!(v);
}

#[test]
fn check_clean_example_exits_zero() {
    let o = minutes(&["check", "examples/clean.minutes"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_fixtures_short_and_github() {
    let mut args = vec!["check", "--format", "short"];
    let files = fixture_files();
    args.extend(files.iter().map(String::as_str));
    let o = minutes(&args);
    insta::assert_snapshot!("check_fixtures_short", stdout(&o));
    args[2] = "github";
    let o = minutes(&args);
    let out = stdout(&o);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    assert!(out.contains("title=M201 undefined-abbreviation::"));
}

#[test]
fn outline_examples_and_fixtures() {
    insta::assert_snapshot!("outline_clean", stdout(&minutes(&["outline", "examples/clean.minutes"])));
    insta::assert_snapshot!("outline_findings", stdout(&minutes(&["outline", "examples/findings.minutes"])));
    for f in fixture_files() {
        let name = f.trim_start_matches("tests/fixtures/").trim_end_matches(".minutes").replace('-', "_");
        insta::assert_snapshot!(format!("outline_{name}"), stdout(&minutes(&["outline", &f])));
    }
}

#[test]
fn actions_in_every_format() {
    let files = fixture_files();
    for format in ["table", "csv", "json", "markdown"] {
        let mut args = vec!["actions", "--today", "2026-11-23", "--format", format];
        args.extend(files.iter().map(String::as_str));
        let o = minutes(&args);
        assert_eq!(o.status.code(), Some(0));
        insta::assert_snapshot!(format!("actions_fixtures_{format}"), stdout(&o));
    }
}

/// Splits one RFC 4180 record stream into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn actions_csv_is_rfc4180_and_json_has_the_schema() {
    let files = fixture_files();
    let mut args = vec!["actions", "--today", "2026-11-23", "--format", "csv"];
    args.extend(files.iter().map(String::as_str));
    let csv = stdout(&minutes(&args));
    assert!(csv.contains("\r\n"), "CRLF records");
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], ["file", "line", "owners", "task", "due", "due_text", "status", "kind", "reference", "recorded"]);
    assert!(rows.len() > 10);
    assert!(rows.iter().all(|r| r.len() == 10), "every record has 10 fields");
    assert!(rows.iter().any(|r| r[3].contains(',')), "tasks with commas survive quoting");

    args[4] = "json";
    let json: serde_json::Value = serde_json::from_str(&stdout(&minutes(&args))).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), rows.len() - 1);
    for a in arr {
        for key in ["file", "line", "owners", "task", "due", "status", "kind"] {
            assert!(a.get(key).is_some(), "{key} in {a}");
        }
        assert!(a["line"].as_u64().unwrap() >= 1);
        assert!(a["owners"].is_array());
    }
    assert!(arr.iter().any(|a| a["kind"] == "implied" && a["owners"].as_array().unwrap().is_empty()));
}

#[test]
fn actions_filters() {
    let files = fixture_files();
    let run = |extra: &[&str]| {
        let mut args = vec!["actions", "--today", "2026-11-23", "--format", "json"];
        args.extend_from_slice(extra);
        args.extend(files.iter().map(String::as_str));
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout(&minutes(&args))).unwrap()
    };
    let all = run(&[]);
    let missing = run(&["--missing-owner"]);
    assert!(!missing.is_empty() && missing.len() < all.len());
    assert!(missing.iter().all(|a| a["owners"].as_array().unwrap().is_empty()));
    let overdue = run(&["--overdue"]);
    assert!(overdue.iter().all(|a| a["status"] == "overdue"));
    let ann = run(&["--owner", "ann james"]);
    assert!(!ann.is_empty());
    assert!(ann.iter().all(|a| a["owners"].as_array().unwrap().iter().any(|o| o.as_str().unwrap().to_lowercase().contains("ann james"))));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn bad_input_is_reported_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.minutes", b"1. Budget\n\nMembers asked for a breakdown. (Action)\n");
    write(d, "b_invalid.minutes", b"1. Budget\n\nThe Chair \xff\xfe noted it.\n");
    write(d, "c_binary.minutes", b"\x7fELF\x02\x01\x01\x00\x00\x00binary");
    write(d, "d_empty.minutes", b"");
    // 50 MB on one line
    let sentence = "The committee noted the report of the Director of Finance and thanked the officers for their work. ";
    let big: String = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    write(d, "e_big.minutes", &big.as_bytes()[..50 * 1024 * 1024]);

    let o = Command::new(env!("CARGO_BIN_EXE_minutes")).args(["check", "--format", "short"]).arg(d).output().unwrap();
    let out = stdout(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "I/O problems exit 2\n{out}\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("b_invalid.minutes: 3:11: not valid UTF-8"), "{err}");
    assert!(err.contains("c_binary.minutes: 1:8: binary file"), "{err}");
    assert!(out.contains("a_good.minutes:3:32: error[M101]"), "{out}");
    assert!(!out.contains("d_empty"), "an empty file has no findings: {out}");
    assert!(out.lines().filter(|l| l.contains("e_big.minutes")).count() <= 5, "the big file is checked: {out}");
}

/// A word of letters only, distinct for each `i` ("Bac", "Bad", …): a
/// surname the catalogue cannot know.
fn surname(i: usize) -> String {
    let letters: Vec<char> = "bcdfghjklmnpqrstvwxz".chars().collect();
    format!("Q{}{}{}", letters[i / 400 % 20], letters[i / 20 % 20], letters[i % 20])
}

/// Many distinct files in three workspaces (one with a `minutes.toml`),
/// checked on one thread and on four, give the same bytes in every format:
/// the same findings in the same order, the workspace rosters and the
/// series of meetings gathered across files the same way, and no progress
/// bar on a pipe.
#[test]
fn many_files_checked_in_parallel_match_one_thread() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for ws in ["council", "council/sub", "board"] {
        std::fs::create_dir_all(d.join(ws)).unwrap();
    }
    // a workspace of its own, with numeric dates read month first
    write(&d.join("board"), "minutes.toml", b"[dates]\norder = \"month-day\"\n");
    let mut bodies: Vec<String> = ["examples/findings.minutes", "examples/clean.minutes"].iter().map(|p| std::fs::read_to_string(root().join(p)).unwrap()).collect();
    bodies.extend(fixture_files().iter().map(|p| std::fs::read_to_string(root().join(p)).unwrap()));
    let workspaces = ["council", "council/sub", "board"];
    let n = 120;
    for i in 0..n {
        // each file lists one person; its action's owner is listed three
        // files on, in the same workspace (the last three name nobody listed)
        let body = &bodies[i % bodies.len()];
        let text = format!(
            "Present: Cllr Ann {}\nDate: {}/{}/2026\n\n{body}\n\n99. Note {i}\n\nMembers asked for note {i} to be circulated. (Action – Ann {})\n",
            surname(i),
            i % 12 + 1,
            i % 28 + 1,
            surname(i + 3),
        );
        write(&d.join(workspaces[i % 3]), &format!("{i:03}.minutes"), text.as_bytes());
    }
    let run = |threads: &str, format: &str| {
        Command::new(env!("CARGO_BIN_EXE_minutes")).args(["check", "--format", format]).arg(d).env("RAYON_NUM_THREADS", threads).output().unwrap()
    };
    for format in ["human", "json", "short", "sarif"] {
        let (one, many) = (run("1", format), run("4", format));
        assert_eq!(one.status.code(), many.status.code(), "{format}");
        assert_eq!(String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&many.stdout), "{format}");
        assert_eq!(String::from_utf8_lossy(&one.stderr), String::from_utf8_lossy(&many.stderr), "{format}");
        assert!(many.stderr.is_empty(), "nothing but findings on a pipe: {}", String::from_utf8_lossy(&many.stderr));
    }
    // the rosters span each workspace's files: an owner listed in another
    // file of the same workspace is known, one listed nowhere is not
    let o = run("4", "json");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["files"], n);
    let unknown: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "M102")
        .filter_map(|f| (0..n + 3).map(surname).find(|s| f["message"].as_str().unwrap_or("").contains(s.as_str())))
        .collect();
    let mut want: Vec<String> = (n - 3..n).map(|i| surname(i + 3)).collect();
    let mut got = unknown.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want, "unknown owners");
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(minutes(&["check", "--format", "nonsense"]).status.code(), Some(2));
    assert_eq!(minutes(&["check", "--enable", "no-such-rule", "examples/"]).status.code(), Some(2));
    assert_eq!(minutes(&["check", "no/such/dir"]).status.code(), Some(2));
    assert_eq!(minutes(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn parse_prints_the_tree() {
    let o = stdout(&minutes(&["parse", "examples/clean.minutes"]));
    assert!(o.starts_with("(document [0, 0]"));
    assert!(o.contains("owner: (owner"));
    assert!(!o.contains("ERROR"));
}

#[test]
fn rule_explains_itself() {
    let o = stdout(&minutes(&["rule", "missing-owner"]));
    assert!(o.starts_with("M101 missing-owner (error)"), "{o}");
    // the rule's doc comment, as the README and the editor's hover show it
    let rule = minutes::rules::find("M101").unwrap();
    assert!(o.contains(&rule.documentation()), "{o}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(&rule.help_markdown()));
    assert_eq!(minutes(&["rule", "M999"]).status.code(), Some(2));
}
