//! Actions from one meeting to the next, on a series of three meetings
//! (tests/fixtures/meetings): every form of status report, a
//! carried-forward action, closed ones and a stale one; `minutes actions`
//! across the files, its iCalendar output parsed back, `minutes new` and
//! `minutes report`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SERIES: &str = "tests/fixtures/meetings";
const LAST: &str = "tests/fixtures/meetings/2026-11-12.minutes";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn minutes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minutes")).args(args).current_dir(root()).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

fn register(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["actions", "--today", "2026-11-23", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(SERIES);
    serde_json::from_str(&stdout(&minutes(&args))).expect("JSON")
}

fn by_task<'a>(all: &'a [Value], words: &str) -> &'a Value {
    let found: Vec<&Value> = all.iter().filter(|a| a["task"].as_str().unwrap().contains(words)).collect();
    assert_eq!(found.len(), 1, "one action about “{words}”: {found:#?}");
    found[0]
}

#[test]
fn actions_table_across_three_meetings() {
    let o = minutes(&["actions", "--today", "2026-11-23", SERIES]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn each_form_of_status_report_links_to_its_action() {
    let all = register(&[]);
    // seven actions set; the reports of later minutes add none
    assert_eq!(all.len(), 7, "{all:#?}");
    let status = |words: &str| by_task(&all, words)["status"].as_str().unwrap().to_string();
    let recorded = |words: &str| by_task(&all, words)["recorded"]["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
    // "A1 – done": by reference
    assert_eq!(status("three quotes"), "done");
    assert_eq!(recorded("three quotes"), "2026-10-08.minutes");
    // "The Clerk had circulated the letter … (complete)": by owner (her role) and task
    assert_eq!(status("circulate the letter"), "done");
    assert_eq!(by_task(&all, "circulate the letter")["history"][0]["progress"], "done");
    // "Status: in progress" then "carried forward", by reference: carried forward
    let a3 = by_task(&all, "letter to the school");
    assert_eq!(a3["reference"], "A3");
    assert_eq!(a3["status"], "carried_forward");
    let progress: Vec<&Value> = a3["history"].as_array().unwrap().iter().map(|m| &m["progress"]).collect();
    assert_eq!(progress, ["in_progress", "carried_forward"]);
    assert_eq!(recorded("letter to the school"), "2026-11-12.minutes");
    // carried forward at the second meeting, done at the third
    let hedges = by_task(&all, "hedges");
    let progress: Vec<&Value> = hedges["history"].as_array().unwrap().iter().map(|m| &m["progress"]).collect();
    assert_eq!(progress, ["carried_forward", "done"]);
    // in progress (a "Status:" line under the entry), but past its due date
    let a4 = by_task(&all, "order the swing chains");
    assert_eq!(a4["history"][0]["progress"], "in_progress");
    assert_eq!(a4["status"], "overdue");
    // listed twice with no status: open, and stale
    let stale = by_task(&all, "waiting list");
    assert_eq!(stale["status"], "open");
    assert_eq!(stale["history"].as_array().unwrap().len(), 2);
    assert!(stale["history"].as_array().unwrap().iter().all(|m| m["progress"].is_null()));
    // set at the last meeting: nothing reported yet
    assert_eq!(status("book the hall"), "open");
    assert!(by_task(&all, "book the hall")["history"].as_array().unwrap().is_empty());
}

#[test]
fn stale_action_is_reported_where_it_was_last_listed() {
    let o = minutes(&["check", "--format", "short", SERIES]);
    assert_eq!(o.status.code(), Some(0), "a hint is not an error");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("M701")).collect();
    assert_eq!(lines, ["tests/fixtures/meetings/2026-11-12.minutes:23:1: hint[M701] this action (set 2026-09-10) has been listed at 3 meetings without a status"]);
    // each file alone: nothing to follow, nothing stale
    let o = minutes(&["check", "--format", "short", LAST]);
    assert!(!stdout(&o).contains("M701"));
}

#[test]
fn ics_has_a_vtodo_per_open_action_and_parses_back() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let o = minutes(&["actions", "--today", "2026-11-23", "--format", "ics", SERIES]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("\r\nVERSION:2.0\r\n"), "{text}");
    let cal: Calendar = text.parse().expect("RFC 5545 that icalendar reads back");
    let todos: Vec<&icalendar::Todo> = cal.components.iter().filter_map(|c| if let CalendarComponent::Todo(t) = c { Some(t) } else { None }).collect();
    let open: Vec<Value> = register(&[]).into_iter().filter(|a| !matches!(a["status"].as_str(), Some("done" | "withdrawn"))).collect();
    assert_eq!(todos.len(), open.len());
    assert_eq!(todos.len(), 4);
    let a4 = todos.iter().find(|t| t.get_summary() == Some("A4: order the swing chains")).expect("A4");
    assert_eq!(a4.property_value("DUE"), Some("20261101"));
    let description = a4.get_description().unwrap();
    assert!(description.contains("Owner: Tom Reed") && description.contains("Status: overdue"), "{description}");
    assert!(description.contains("Source: tests/fixtures/meetings/2026-10-08.minutes:31"), "{description}");
    let mut uids: Vec<&str> = todos.iter().map(|t| t.get_uid().unwrap()).collect();
    uids.dedup();
    assert_eq!(uids.len(), 4);
    assert!(todos.iter().all(|t| t.property_value("DTSTAMP") == Some("20261123T000000Z")));
    // the same minutes give the same file
    assert_eq!(stdout(&minutes(&["actions", "--today", "2026-11-23", "--format", "ics", SERIES])), text);
    // --owner filters
    let o = minutes(&["actions", "--today", "2026-11-23", "--format", "ics", "--owner", "reed", SERIES]);
    let cal: Calendar = stdout(&o).parse().unwrap();
    assert_eq!(cal.components.len(), 1);
}

fn draft(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["new", "--from", LAST, "--date", "2026-12-10", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let _ = dir;
    minutes(&args)
}

#[test]
fn new_drafts_the_next_meeting() {
    let o = minutes(&["new", "--from", LAST, "--date", "2026-12-10"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    insta::assert_snapshot!(text);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2026-12-10.minutes");
    assert_eq!(draft(dir.path(), &out, &[]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    // idempotent: the same draft again changes nothing
    let again = draft(dir.path(), &out, &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stderr).contains("up to date"));
    // never overwrites what the clerk wrote, unless forced
    std::fs::write(&out, "Date: 10 December 2026\n\nNotes written by hand.\n").unwrap();
    let refused = draft(dir.path(), &out, &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not overwritten"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("by hand"));
    assert_eq!(draft(dir.path(), &out, &["--force"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);

    // the draft parses and checks cleanly, every rule on
    let o = minutes(&["check", "--enable", "all", "--format", "json", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{report:#}");
    let tree = stdout(&minutes(&["parse", out.to_str().unwrap()]));
    assert!(!tree.contains("ERROR") && !tree.contains("MISSING"), "{tree}");

    // beside the series, each entry reports on its action: no new action
    for f in std::fs::read_dir(SERIES).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let o = minutes(&["actions", "--today", "2026-11-23", "--format", "json", dir.path().to_str().unwrap()]);
    let all: Vec<Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(all.len(), 7);
    for a in all.iter().filter(|a| !matches!(a["status"].as_str(), Some("done"))) {
        assert!(a["recorded"]["file"].as_str().unwrap().ends_with("2026-12-10.minutes"), "{a:#}");
    }
    // and the action listed at a fourth meeting without a status is stale there
    let o = minutes(&["check", "--format", "short", dir.path().to_str().unwrap()]);
    let stale: Vec<String> = stdout(&o).lines().filter(|l| l.contains("M701")).map(|l| l.rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(stale, ["2026-12-10.minutes:19:1: hint[M701] this action (set 2026-09-10) has been listed at 4 meetings without a status"]);
}

#[test]
fn report_writes_one_static_page() {
    let dir = tempfile::tempdir().unwrap();
    let o = minutes(&["report", "--today", "2026-11-23", "--out", dir.path().to_str().unwrap(), SERIES]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert_eq!(html.matches("<tr class=").count(), 7, "a row per action");
    assert_eq!(html.matches("<tr class=\"overdue\"").count(), 1);
    assert!(html.contains("<svg role=\"img\""));
    assert!(html.contains("<a href=\"#m2-L31\""), "A4 links to its line in the second meeting");
    assert!(html.contains("id=\"m2-L31\""));
    // nothing fetched from elsewhere: it works from file://
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src="), "no external resource");
}
