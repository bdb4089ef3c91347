//! `minutes report`: the action register as one static HTML page. No
//! server and no framework: it opens from `file://`. Filters by owner,
//! status and meeting (a few lines of plain JavaScript; without it every
//! row shows), each action linked to its line in the minutes shown beside
//! the table, counts per owner, overdue rows marked, and an inline SVG
//! chart of open, done and overdue actions per meeting. Printable.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use super::actions::read_all;
use crate::model::{dates, Date};
use crate::workspace::{sort_register, track, Minute, RegisterEntry, Status};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (directories are searched for *.minutes)
    paths: Vec<PathBuf>,
    /// The directory to write index.html into (created if missing)
    #[arg(long)]
    out: PathBuf,
    /// The date actions are overdue against (default: today), e.g. 2026-11-23
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    dates::parse(s, None).ok_or_else(|| format!("“{s}” is not a date: write it as 2026-11-23"))
}

pub fn run(args: Args) -> ExitCode {
    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let (read, problems) = read_all(&args.paths);
    for p in &problems {
        eprintln!("error: {p}");
    }
    let minutes: Vec<Minute> = read.iter().map(|(s, doc)| Minute { name: &s.path, text: &s.text, doc }).collect();
    let mut entries = track(&minutes, || today).entries;
    sort_register(&mut entries);
    let html = page(&minutes, &entries, today);
    let written = std::fs::create_dir_all(&args.out).and_then(|()| std::fs::write(args.out.join("index.html"), html));
    match written {
        Ok(()) => {
            eprintln!("minutes report: wrote {}", args.out.join("index.html").display());
            if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
        }
        Err(e) => {
            eprintln!("minutes report: cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// The meeting a file records: its date, or its name when it has none.
fn meeting_of(m: &Minute) -> String {
    m.doc.meeting.date.map_or_else(|| m.name.to_string(), |d| d.to_string())
}

const STYLE: &str = r#"
:root { --overdue: #fde2e1; --overdue-ink: #8a1c14; --done: #e3f4e6; --ink: #1b1b1b; --muted: #555; --line: #ccc; --focus: #1d4ed8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; }
a { color: #0b4f9c; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header, main { padding: 0 1.25rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin: .5rem 0; }
form.filters label { display: flex; flex-direction: column; font-weight: 600; font-size: .85rem; }
form.filters select { font: inherit; padding: .2rem; min-width: 10rem; }
table { border-collapse: collapse; width: 100%; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 3rem; align-items: start; }
#owners { width: auto; min-width: 24rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; position: sticky; top: 0; }
td.num, th.num { text-align: right; }
td.nowrap { white-space: nowrap; }
tr.overdue td { background: var(--overdue); }
tr.overdue td.status { color: var(--overdue-ink); font-weight: 700; }
tr.done td, tr.withdrawn td { color: var(--muted); }
.history { font-size: .85rem; color: var(--muted); margin: .2rem 0 0; padding-left: 1rem; }
.minutes { position: sticky; top: 0; max-height: 100vh; overflow: auto; border-left: 1px solid var(--line); padding-left: 1rem; }
.minute pre { white-space: pre-wrap; font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 0; }
.minute pre span { display: block; position: relative; padding-left: 3.5em; min-height: 1.4em; }
.minute pre span::before { content: attr(data-line); position: absolute; left: 0; width: 3em; text-align: right; color: #888; }
.minute pre span:target { background: #fff3b0; outline: 2px solid #e0b000; }
svg text { font: 12px system-ui, sans-serif; }
.legend span { display: inline-block; margin-right: 1rem; } .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -1px; }
#shown { font-weight: 600; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .minutes { position: static; max-height: none; border: 0; padding: 0; } }
@media print {
  .skip, form.filters, .minutes { display: none; }
  .layout { display: block; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  tr.overdue td { background: none; } tr.overdue td.status::after { content: " (!)"; }
  a { color: inherit; text-decoration: none; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#register tbody tr'));
  var shown = document.getElementById('shown');
  function apply() {
    var owner = form.owner.value, status = form.status.value, meeting = form.meeting.value, n = 0;
    rows.forEach(function (r) {
      var owners = r.getAttribute('data-owners').split('\n');
      var ok = (!owner || owners.indexOf(owner) >= 0) &&
        (!status || r.getAttribute('data-status') === status || (status === 'open-any' && r.getAttribute('data-open') === 'yes')) &&
        (!meeting || r.getAttribute('data-meeting') === meeting);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + (n === 1 ? ' action shown' : ' actions shown');
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
"#;

/// The page.
pub fn page(minutes: &[Minute], entries: &[RegisterEntry], today: Date) -> String {
    // minutes in meeting order, each with an anchor prefix
    let mut order: Vec<usize> = (0..minutes.len()).collect();
    order.sort_by_key(|&i| (minutes[i].doc.meeting.date.is_none(), minutes[i].doc.meeting.date, minutes[i].name));
    let anchor: BTreeMap<&str, usize> = order.iter().enumerate().map(|(n, &i)| (minutes[i].name, n + 1)).collect();
    let meeting_of_file: BTreeMap<&str, String> = minutes.iter().map(|m| (m.name, meeting_of(m))).collect();
    // the file's name (the whole path in its title), line
    let link = |file: &str, line: usize| -> String {
        let short = file.rsplit(['/', '\\']).next().unwrap_or(file);
        match anchor.get(file) {
            Some(n) => format!("<a href=\"#m{n}-L{line}\" title=\"{}\">{}:{line}</a>", esc(file), esc(short)),
            None => format!("{}:{line}", esc(file)),
        }
    };

    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>Action register</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#register\">Skip to the register</a>\n<header>\n<h1>Action register</h1>\n");
    let open = entries.iter().filter(|e| e.status.is_open()).count();
    let overdue = entries.iter().filter(|e| e.status == Status::Overdue).count();
    h.push_str(&format!(
        "<p>{} actions from {} meetings: {open} still to do, of which {overdue} overdue at {today}.</p>\n</header>\n<main>\n",
        entries.len(),
        minutes.len()
    ));

    // ---- chart ----
    h.push_str("<div class=\"overview\">\n<section aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">Actions per meeting</h2>\n");
    h.push_str(&chart(&order.iter().map(|&i| meeting_of(&minutes[i])).collect::<Vec<_>>(), entries));
    h.push_str("</section>\n");

    // ---- counts per owner ----
    let mut per_owner: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for e in entries {
        let names: Vec<String> = if e.owners.is_empty() { vec!["(nobody)".into()] } else { e.owners.clone() };
        for o in names {
            let c = per_owner.entry(o).or_default();
            match e.status {
                Status::Done | Status::Withdrawn => c[1] += 1,
                Status::Overdue => {
                    c[0] += 1;
                    c[2] += 1
                }
                _ => c[0] += 1,
            }
        }
    }
    h.push_str("<section aria-labelledby=\"owners-h\">\n<h2 id=\"owners-h\">Actions per owner</h2>\n<table id=\"owners\">\n<caption>Open (including overdue), done and overdue actions of each owner</caption>\n");
    h.push_str("<thead><tr><th scope=\"col\">Owner</th><th scope=\"col\" class=\"num\">Open</th><th scope=\"col\" class=\"num\">Done</th><th scope=\"col\" class=\"num\">Overdue</th></tr></thead>\n<tbody>\n");
    for (o, c) in &per_owner {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", esc(o), c[0], c[1], c[2]));
    }
    h.push_str("</tbody>\n</table>\n</section>\n</div>\n");

    // ---- the register, with the minutes beside it ----
    h.push_str("<div class=\"layout\">\n<section aria-labelledby=\"register-h\">\n<h2 id=\"register-h\">Register</h2>\n");
    h.push_str("<form id=\"filters\" class=\"filters\" hidden aria-controls=\"register\">\n");
    let owners: Vec<&String> = per_owner.keys().filter(|o| o.as_str() != "(nobody)").collect();
    h.push_str("<label>Owner<select name=\"owner\"><option value=\"\">everyone</option>");
    for o in &owners {
        h.push_str(&format!("<option>{}</option>", esc(o)));
    }
    h.push_str("</select></label>\n<label>Status<select name=\"status\"><option value=\"\">any</option><option value=\"open-any\">still to do</option>");
    for s in [Status::Open, Status::InProgress, Status::CarriedForward, Status::Overdue, Status::Done, Status::Withdrawn] {
        h.push_str(&format!("<option value=\"{0}\">{0}</option>", s.as_str()));
    }
    h.push_str("</select></label>\n<label>Meeting<select name=\"meeting\"><option value=\"\">all</option>");
    for &i in &order {
        h.push_str(&format!("<option>{}</option>", esc(&meeting_of(&minutes[i]))));
    }
    h.push_str("</select></label>\n<button type=\"reset\">Show all</button>\n<output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n");
    h.push_str("<table id=\"register\">\n<caption>Every action, where it was set and what later minutes said about it</caption>\n<thead><tr>");
    for col in ["Ref", "Owner", "Action", "Due", "Status", "Set at", "Last recorded"] {
        h.push_str(&format!("<th scope=\"col\">{col}</th>"));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for e in entries {
        let status = e.status.as_str();
        let class = status.replace(' ', "-");
        h.push_str(&format!(
            "<tr class=\"{class}\" data-status=\"{status}\" data-open=\"{}\" data-owners=\"{}\" data-meeting=\"{}\">",
            if e.status.is_open() { "yes" } else { "no" },
            esc(&e.owners.join("\n")),
            esc(meeting_of_file.get(e.file.as_str()).map_or(e.file.as_str(), String::as_str)),
        ));
        h.push_str(&format!("<td>{}</td>", esc(e.reference.as_deref().unwrap_or(""))));
        h.push_str(&format!("<td>{}</td>", if e.owners.is_empty() { "<em>nobody</em>".to_string() } else { esc(&e.owners.join(", ")) }));
        h.push_str(&format!("<td>{}", esc(&e.task)));
        if !e.history.is_empty() {
            h.push_str("<ul class=\"history\">");
            for m in &e.history {
                h.push_str(&format!(
                    "<li>{}: {} ({})</li>",
                    esc(m.meeting_date.as_deref().unwrap_or(&m.file)),
                    m.progress.map_or("listed, no status", |p| p.as_str()),
                    link(&m.file, m.line)
                ));
            }
            h.push_str("</ul>");
        }
        h.push_str("</td>");
        h.push_str(&format!("<td class=\"nowrap\">{}</td>", esc(e.due.as_deref().or(e.due_text.as_deref()).unwrap_or(""))));
        h.push_str(&format!("<td class=\"status\">{status}</td>"));
        h.push_str(&format!("<td class=\"nowrap\">{}</td>", link(&e.file, e.line)));
        h.push_str(&format!("<td class=\"nowrap\">{}</td>", if e.history.is_empty() { String::new() } else { link(&e.recorded.file, e.recorded.line) }));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");

    // ---- the minutes ----
    h.push_str("<section class=\"minutes\" aria-labelledby=\"minutes-h\">\n<h2 id=\"minutes-h\">Minutes</h2>\n");
    for (n, &i) in order.iter().enumerate() {
        let m = &minutes[i];
        let title = m.doc.meeting.title.as_deref().unwrap_or(m.name);
        h.push_str(&format!("<article class=\"minute\" id=\"m{}\" aria-labelledby=\"m{}-h\">\n<h3 id=\"m{}-h\">{} <small>({})</small></h3>\n<pre>", n + 1, n + 1, n + 1, esc(&meeting_of(m)), esc(title)));
        for (l, line) in m.text.lines().enumerate() {
            h.push_str(&format!("<span id=\"m{}-L{}\" data-line=\"{}\">{}</span>", n + 1, l + 1, l + 1, esc(line)));
        }
        h.push_str("</pre>\n</article>\n");
    }
    h.push_str("</section>\n</div>\n</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// Stacked bars: for each meeting, the actions set there that are now
/// done, still open, and overdue.
fn chart(meetings: &[String], entries: &[RegisterEntry]) -> String {
    let counts: Vec<[usize; 3]> = meetings
        .iter()
        .map(|m| {
            let mut c = [0usize; 3];
            for e in entries.iter().filter(|e| e.meeting_date.as_deref().unwrap_or(&e.file) == m) {
                let k = match e.status {
                    Status::Done | Status::Withdrawn => 0,
                    Status::Overdue => 2,
                    _ => 1,
                };
                c[k] += 1;
            }
            c
        })
        .collect();
    let max = counts.iter().map(|c| c.iter().sum::<usize>()).max().unwrap_or(0).max(1);
    let (bar, gap, height, left, bottom) = (40.0, 44.0, 160.0, 36.0, 28.0);
    let width = left + meetings.len() as f64 * (bar + gap) + gap;
    let colours = [("done", "#3f8f4f"), ("open", "#4a78c2"), ("overdue", "#c0392b")];
    let mut s = format!(
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\">\n<title id=\"chart-title\">Actions per meeting by status</title>\n<desc id=\"chart-desc\">",
        height + bottom + 8.0,
        height + bottom + 8.0
    );
    let described: Vec<String> = meetings.iter().zip(&counts).map(|(m, c)| format!("{m}: {} done, {} open, {} overdue", c[0], c[1], c[2])).collect();
    s.push_str(&esc(&described.join("; ")));
    s.push_str("</desc>\n");
    s.push_str(&format!("<line x1=\"{left}\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#888\"/>\n<text x=\"{}\" y=\"12\" text-anchor=\"end\">{max}</text>\n<text x=\"{}\" y=\"{height}\" text-anchor=\"end\">0</text>\n", left - 6.0, left - 6.0));
    for (i, (m, c)) in meetings.iter().zip(&counts).enumerate() {
        let x = left + gap + i as f64 * (bar + gap);
        let mut y = height;
        for (k, (name, colour)) in colours.iter().enumerate() {
            if c[k] == 0 {
                continue;
            }
            let h = c[k] as f64 / max as f64 * (height - 8.0);
            y -= h;
            s.push_str(&format!("<rect x=\"{x}\" y=\"{y:.1}\" width=\"{bar}\" height=\"{h:.1}\" fill=\"{colour}\"><title>{}: {} {name}</title></rect>\n", esc(m), c[k]));
        }
        s.push_str(&format!("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x + bar / 2.0, height + 18.0, esc(m)));
    }
    s.push_str("</svg>\n<p class=\"legend\">");
    for (name, colour) in colours {
        s.push_str(&format!("<span><span class=\"swatch\" style=\"background:{colour}\"></span>{name}</span>"));
    }
    s.push_str("</p>\n");
    s
}
