//! Parse, reparse and check throughput against the performance budget
//! (design/ARCHITECTURE.md, "Performance budget").
//!
//! Builds 1 MB and 10 MB documents by concatenating the real minutes in
//! `$MINUTES_CORPUS/*.txt` and `$MINUTES_CORPUS/more/*.txt` (MINUTES_CORPUS
//! defaults to ../shared/corpus beside the crate) and
//! measures, on one thread, in process, in one run:
//!
//! 1. full parse throughput of the minutes grammar and of tree-sitter-md's
//!    block grammar on the same bytes, with the ratio;
//! 2. incremental reparse after a one-character edit in the middle of the
//!    document (a letter inserted inside a prose word, at ~50 positions; and
//!    a newline that makes a blank line, splitting a block), for both
//!    grammars;
//! 3. `minutes check` work: parse + model + roster + rules, and its parts:
//!    model building (`Document::new`, which includes commitment detection)
//!    and `find_commitments` alone over the blocks' text.
//!
//! Plain `fn main` harness: `cargo bench --bench parse` (or `scripts/bench`).
//! Environment: `MINUTES_BENCH_STRICT=1` exits non-zero when a budget is
//! missed; `MINUTES_BENCH_SCALE=0.5` scales the sample counts;
//! `MINUTES_BENCH_ONLY=parse,reparse,check` picks sections and
//! `MINUTES_BENCH_SIZES=1` (or `10`, `1,10`) picks inputs, for profiling.
//! A rule whose 1 MB time projects (quadratically) past 20 s on 10 MB is not
//! run on 10 MB: the 10 MB check figure is then an upper bound, marked so.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use minutes::model::commitments::{find_commitments, People, Setting};
use minutes::model::{BlockKind, Document};
use minutes::analysis::{self, Setup};
use minutes::config::Config;
use minutes::rules::{self, Context, Selection};
use minutes::syntax;
use minutes::workspace::Roster;
use tree_sitter::{Parser, Tree};

const MB: f64 = 1_000_000.0;
/// `minutes check`, one core, parse + model + rules.
const BUDGET_CHECK_MBPS: f64 = 30.0;
/// Incremental reparse after a one-character edit, 1 MB document.
const BUDGET_REPARSE_1MB_MS: f64 = 1.0;

// ---------------------------------------------------------------------------
// Input

fn corpus_dir() -> PathBuf {
    match std::env::var_os("MINUTES_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"), // the MINUTES_CORPUS default
    }
}

fn corpus_files(dir: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    for d in [dir.to_path_buf(), dir.join("more")] {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("reading {}: {e}", d.display()));
        let mut here: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            // held out from development: never read, benchmarks included
            .filter(|p| !(d.as_path() != dir && ["09.txt", "16.txt", "21.txt", "25.txt"].iter().any(|h| p.file_name().is_some_and(|n| n == *h))))
            .collect();
        here.sort();
        paths.extend(here);
    }
    assert!(!paths.is_empty(), "no minutes (*.txt) in {}", dir.display());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display())))
        .collect()
}

/// Whole corpus files, in order and round again, separated by a blank line,
/// until the text holds at least `target` bytes.
fn build_input(files: &[String], target: usize) -> String {
    let mut out = String::with_capacity(target + 64 * 1024);
    for f in files.iter().cycle() {
        if out.len() >= target {
            break;
        }
        out.push_str(f.trim_end());
        out.push_str("\n\n");
    }
    out
}

/// Positions in the middle half of `text` with an ASCII lower-case letter on
/// each side (inside a prose word), one near each of `n` evenly spaced
/// targets.
fn word_positions(text: &str, n: usize) -> Vec<usize> {
    let b = text.as_bytes();
    let (lo, hi) = (b.len() / 4, b.len() * 3 / 4);
    let mut out: Vec<usize> = Vec::new();
    for k in 0..n {
        let mut p = lo + (hi - lo) * k / n.max(1);
        while p < b.len() && !(b[p - 1].is_ascii_lowercase() && b[p].is_ascii_lowercase()) {
            p += 1;
        }
        if p < b.len() && out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// From the middle of `text`: a line start `p` between two non-blank lines
/// where the earlier ends a sentence and the later starts with a capital.
/// Inserting "\n" at `p` makes a blank line: one block becomes two.
fn blank_line_position(text: &str) -> usize {
    let b = text.as_bytes();
    let nonblank = |s: &[u8]| s.iter().any(|c| !c.is_ascii_whitespace());
    let mut fallback = None;
    let mut p = b.len() / 2;
    while p < b.len() {
        let Some(nl) = b[p..].iter().position(|&c| c == b'\n') else { break };
        let start = p + nl + 1; // a line start
        let prev_start = b[..p + nl].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
        let prev = &b[prev_start..p + nl];
        let next_end = b[start..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| start + i);
        let next = &b[start..next_end];
        if nonblank(prev) && nonblank(next) {
            let prev_t = prev.trim_ascii_end();
            if prev_t.ends_with(b".") && next.first().is_some_and(|c| c.is_ascii_uppercase()) {
                return start;
            }
            fallback.get_or_insert(start);
        }
        p = start;
    }
    fallback.expect("two adjacent non-blank lines after the middle of the input")
}

fn inserted(text: &str, at: usize, s: &str) -> String {
    let mut t = String::with_capacity(text.len() + s.len());
    t.push_str(&text[..at]);
    t.push_str(s);
    t.push_str(&text[at..]);
    t
}

// ---------------------------------------------------------------------------
// Measuring

fn wanted(var: &str, item: &str) -> bool {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => v.split(',').any(|x| x.trim() == item),
        _ => true,
    }
}

fn scale() -> f64 {
    std::env::var("MINUTES_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0)
}

/// Runs `f` after one warm-up call: at least `min` times, then until `max`
/// samples or `budget` of wall time. Returns the samples.
fn sample(min: usize, max: usize, budget: Duration, mut f: impl FnMut()) -> Vec<Duration> {
    let s = scale();
    let max = ((max as f64 * s).round() as usize).max(1);
    let min = ((min as f64 * s).round() as usize).clamp(1, max);
    let budget = budget.mul_f64(s.max(0.05));
    // warm-up; when one call already takes a good part of the budget it
    // counts as a sample (a 10 MB check can take minutes)
    let t = Instant::now();
    f();
    let first = t.elapsed();
    let begin = Instant::now();
    let mut out = Vec::new();
    if first * 4 > budget {
        out.push(first);
        if begin.elapsed() + first > budget {
            return out;
        }
    }
    while out.len() < min || (out.len() < max && begin.elapsed() < budget) {
        let t = Instant::now();
        f();
        out.push(t.elapsed());
    }
    out
}

#[derive(Clone, Copy)]
struct Stats {
    n: usize,
    median: Duration,
    p95: Duration,
}

fn stats(mut v: Vec<Duration>) -> Stats {
    assert!(!v.is_empty());
    v.sort();
    let q = |f: f64| v[((f * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    Stats { n: v.len(), median: q(0.5), p95: q(0.95) }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / MB / d.as_secs_f64()
}

/// ms per MB of input.
fn ms_per_mb(bytes: usize, d: Duration) -> f64 {
    ms(d) / (bytes as f64 / MB)
}

fn md_parser() -> Parser {
    let mut p = Parser::new();
    p.set_language(&tree_sitter_md::LANGUAGE.into()).expect("tree-sitter-md's block grammar loads");
    p
}

fn parse_md(p: &mut Parser, text: &str, old: Option<&Tree>) -> Tree {
    p.parse(text, old).expect("tree-sitter-md returns a tree")
}

/// One timed incremental reparse: the edit is applied to a clone of `base`
/// (cheap: trees are reference counted); `new_text` is prepared outside the
/// timing. Returns (edit_tree time, reparse time, the new tree).
fn one_reparse(
    parser: &mut Parser,
    base: &Tree,
    old_text: &str,
    at: usize,
    ins: &str,
    new_text: &str,
) -> (Duration, Duration, Tree) {
    let mut tree = base.clone();
    let t0 = Instant::now();
    syntax::edit_tree(&mut tree, old_text, at..at, ins);
    let t1 = Instant::now();
    let new_tree = parser.parse(new_text, Some(&tree)).expect("a tree");
    let t2 = Instant::now();
    (t1 - t0, t2 - t1, new_tree)
}

struct Reparse {
    edit: Stats,
    parse: Stats,
    /// edit_tree + parse, per edit.
    total: Stats,
    blank: Stats,
    blank_changed_nodes: isize,
}

fn reparse_bench(
    parser: &mut Parser,
    text: &str,
    base: &Tree,
    positions: &[usize],
    blank_at: usize,
    blank_repeats: usize,
) -> Reparse {
    let (mut e, mut p, mut t) = (Vec::new(), Vec::new(), Vec::new());
    // warm up caches on the first position
    let w = inserted(text, positions[0], "e");
    black_box(one_reparse(parser, base, text, positions[0], "e", &w));
    for &at in positions {
        let new_text = inserted(text, at, "e");
        let (de, dp, tree) = one_reparse(parser, base, text, at, "e", &new_text);
        drop(black_box(tree));
        e.push(de);
        p.push(dp);
        t.push(de + dp);
    }
    let blank_text = inserted(text, blank_at, "\n");
    let mut b = Vec::new();
    let mut changed = 0isize;
    for _ in 0..blank_repeats.max(1) {
        let (de, dp, tree) = one_reparse(parser, base, text, blank_at, "\n", &blank_text);
        changed = tree.root_node().descendant_count() as isize - base.root_node().descendant_count() as isize;
        b.push(de + dp);
    }
    Reparse { edit: stats(e), parse: stats(p), total: stats(t), blank: stats(b), blank_changed_nodes: changed }
}

/// Incremental reparse gives the same tree as a fresh parse (minutes
/// grammar, one word edit and the blank-line edit, on the 1 MB input).
fn check_reparse_equal(text: &str, at: usize, ins: &str) -> bool {
    let mut p = syntax::parser();
    let mut tree = syntax::parse(&mut p, text, None);
    syntax::edit_tree(&mut tree, text, at..at, ins);
    let new_text = inserted(text, at, ins);
    let re = syntax::parse(&mut p, &new_text, Some(&tree));
    let fresh = syntax::parse_text(&new_text);
    re.root_node().to_sexp() == fresh.root_node().to_sexp()
}

/// The root's children by kind, most frequent first, and the tree's depth.
fn tree_shape(tree: &Tree) -> String {
    let root = tree.root_node();
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut c = root.walk();
    for ch in root.children(&mut c) {
        *kinds.entry(ch.kind()).or_default() += 1;
    }
    let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1));
    let mut depth = 0;
    let mut max_depth = 0;
    let mut cur = root.walk();
    'walk: loop {
        if cur.goto_first_child() {
            depth += 1;
            max_depth = max_depth.max(depth);
            continue;
        }
        while !cur.goto_next_sibling() {
            if !cur.goto_parent() {
                break 'walk;
            }
            depth -= 1;
        }
    }
    format!(
        "root has {} children ({}), depth {}, {} nodes",
        root.child_count(),
        kinds.iter().take(6).map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", "),
        max_depth,
        root.descendant_count()
    )
}

/// What tree-sitter does in one incremental reparse of `text` after
/// inserting `ins` at `at`: its log messages by kind (first word), most
/// frequent first. Not timed (logging is slow).
fn reparse_log(text: &str, tree: &Tree, at: usize, ins: &str) -> String {
    use std::cell::RefCell;
    use std::rc::Rc;
    let counts: Rc<RefCell<std::collections::BTreeMap<String, usize>>> = Default::default();
    let mut p = syntax::parser();
    let c = counts.clone();
    p.set_logger(Some(Box::new(move |_, msg| {
        // node reuse by symbol; everything else by the message's first word
        let kind = if msg.starts_with("reuse_node") || msg.starts_with("cant_reuse") {
            msg.replace("symbol:", "").replace("tree:", "")
        } else {
            msg.split([' ', ':']).next().unwrap_or("").to_string()
        };
        *c.borrow_mut().entry(kind).or_default() += 1;
    })));
    let mut t = tree.clone();
    syntax::edit_tree(&mut t, text, at..at, ins);
    let new_text = inserted(text, at, ins);
    black_box(p.parse(&new_text, Some(&t)));
    p.set_logger(None);
    let mut v: Vec<(String, usize)> = counts.borrow().iter().map(|(k, n)| (k.clone(), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    v.iter().take(16).map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
}

fn commitment_blocks(doc: &Document) -> Vec<std::ops::Range<usize>> {
    // the blocks the model runs the detector on (model/actions.rs)
    doc.blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Heading | BlockKind::Attendance | BlockKind::ActionLine))
        .map(|b| b.text.clone())
        .collect()
}

// ---------------------------------------------------------------------------
// Table

struct Row {
    section: &'static str,
    what: String,
    size: &'static str,
    figure: String,
    baseline: String,
    ratio: String,
    budget: String,
}

fn row(section: &'static str, what: impl Into<String>, size: &'static str, figure: impl Into<String>) -> Row {
    Row {
        section,
        what: what.into(),
        size,
        figure: figure.into(),
        baseline: String::new(),
        ratio: String::new(),
        budget: String::new(),
    }
}

impl Row {
    fn vs(mut self, baseline: impl Into<String>, ratio: impl Into<String>) -> Row {
        self.baseline = baseline.into();
        self.ratio = ratio.into();
        self
    }
    fn budget(mut self, b: impl Into<String>) -> Row {
        self.budget = b.into();
        self
    }
}

fn print_table(rows: &[Row]) {
    let head = ["", "measure", "size", "minutes", "tree-sitter-md", "ratio", "budget"];
    let cells: Vec<[&str; 7]> = rows
        .iter()
        .map(|r| [r.section, &r.what, r.size, &r.figure, &r.baseline, &r.ratio, &r.budget])
        .collect();
    let mut w = head.map(|h| h.chars().count());
    for c in &cells {
        for (i, s) in c.iter().enumerate() {
            w[i] = w[i].max(s.chars().count());
        }
    }
    let line = |c: &[&str; 7]| {
        let mut s = String::from("|");
        for (i, x) in c.iter().enumerate() {
            let pad = w[i] - x.chars().count();
            // numbers right-aligned, words left-aligned
            if matches!(i, 3..=5) {
                s += &format!(" {}{} |", " ".repeat(pad), x);
            } else {
                s += &format!(" {}{} |", x, " ".repeat(pad));
            }
        }
        s
    };
    println!("{}", line(&head));
    let sep: Vec<String> = w.iter().map(|n| "-".repeat(*n)).collect();
    println!("|{}|", sep.iter().map(|s| format!("-{s}-")).collect::<Vec<_>>().join("|"));
    let mut last = "";
    for c in &cells {
        if !c[0].is_empty() && c[0] != last && last != "" {
            println!("{}", line(&["", "", "", "", "", "", ""]));
        }
        if !c[0].is_empty() {
            last = c[0];
        }
        println!("{}", line(c));
    }
}

// ---------------------------------------------------------------------------

struct Input {
    name: &'static str,
    text: String,
}

fn budget_mark(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISS"
    }
}

fn main() {
    let started = Instant::now();
    let elapsed = || started.elapsed().as_secs_f64();
    let dir = corpus_dir();
    let files = corpus_files(&dir);
    let corpus_bytes: usize = files.iter().map(|f| f.len()).sum();
    let inputs: Vec<Input> = [("1 MB", "1", 1_000_000), ("10 MB", "10", 10_000_000)]
        .into_iter()
        .filter(|(_, key, _)| wanted("MINUTES_BENCH_SIZES", key))
        .map(|(name, _, size)| Input { name, text: build_input(&files, size) })
        .collect();
    println!(
        "minutes parse benchmark: corpus {} ({} files, {} bytes); inputs {}",
        dir.display(),
        files.len(),
        corpus_bytes,
        inputs.iter().map(|i| format!("{} = {} bytes", i.name, i.text.len())).collect::<Vec<_>>().join(", ")
    );
    println!("one thread, in process; MB = 10^6 bytes; sample scale {}", scale());

    let mut rows: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    // per-rule median seconds on the 1 MB input, to project the 10 MB cost
    let mut rule_secs_1mb: std::collections::HashMap<&'static str, (f64, usize)> = Default::default();

    for input in &inputs {
        let text = input.text.as_str();
        let n = text.len();
        let big = n > 5_000_000;
        let mut mp = syntax::parser();
        let m_tree = syntax::parse(&mut mp, text, None);
        notes.push(format!("{}: minutes tree: {}", input.name, tree_shape(&m_tree)));
        if m_tree.root_node().has_error() {
            notes.push(format!("{}: the minutes tree has ERROR/MISSING nodes", input.name));
        }

        // 1. full parse ------------------------------------------------------
        if wanted("MINUTES_BENCH_ONLY", "parse") {
            eprintln!("[{:>5.1}s] {}: full parse", elapsed(), input.name);
            let m_parse_text = stats(sample(3, if big { 5 } else { 20 }, Duration::from_secs(if big { 4 } else { 2 }), || {
                black_box(syntax::parse_text(text));
            }));
            let m_parse = stats(sample(3, if big { 5 } else { 20 }, Duration::from_secs(if big { 4 } else { 2 }), || {
                black_box(syntax::parse(&mut mp, text, None));
            }));
            let mut dp = md_parser();
            let md_parse = stats(sample(2, if big { 2 } else { 6 }, Duration::from_secs(if big { 6 } else { 3 }), || {
                black_box(parse_md(&mut dp, text, None));
            }));
            let (m_rate, md_rate) = (mbps(n, m_parse_text.median), mbps(n, md_parse.median));
            rows.push(
                row("parse", format!("full parse, parse_text (median of {})", m_parse_text.n), input.name, format!("{m_rate:.1} MB/s"))
                    .vs(format!("{md_rate:.1} MB/s"), format!("{:.1}x", m_rate / md_rate)),
            );
            rows.push(row(
                "parse",
                format!("  ...reusing one Parser (median of {})", m_parse.n),
                input.name,
                format!("{:.1} MB/s", mbps(n, m_parse.median)),
            ));
        }

        // 2. incremental reparse -------------------------------------------
        if wanted("MINUTES_BENCH_ONLY", "reparse") {
            eprintln!("[{:>5.1}s] {}: incremental reparse", elapsed(), input.name);
            let positions = word_positions(text, 50);
            let blank_at = blank_line_position(text);
            let m_re = reparse_bench(&mut mp, text, &m_tree, &positions, blank_at, 11);
            // the baseline reparses as slowly as it parses: fewer edits
            let mut dp = md_parser();
            let md_tree = parse_md(&mut dp, text, None);
            let md_positions: Vec<usize> = {
                let want = ((if big { 3.0 } else { 10.0 } * scale()).round() as usize).max(2);
                let step = (positions.len() / want).max(1);
                positions.iter().step_by(step).copied().take(want).collect()
            };
            let md_re = reparse_bench(&mut dp, text, &md_tree, &md_positions, blank_at, if big { 1 } else { 3 });
            let ratio = |a: Duration, b: Duration| format!("{:.0}x faster", b.as_secs_f64() / a.as_secs_f64());
            let budgeted = |r: Row, what: &str, d: Duration, missed: &mut Vec<String>| {
                if big {
                    return r;
                }
                let ok = ms(d) <= BUDGET_REPARSE_1MB_MS;
                if !ok {
                    missed.push(format!("{what}, {}: {:.3} ms", input.name, ms(d)));
                }
                r.budget(format!("<= {BUDGET_REPARSE_1MB_MS} ms: {}", budget_mark(ok)))
            };
            let r = row(
                "reparse",
                format!("1-char edit in a word, median ({} / {} edits)", m_re.total.n, md_re.total.n),
                input.name,
                format!("{:.3} ms", ms(m_re.total.median)),
            )
            .vs(format!("{:.1} ms", ms(md_re.total.median)), ratio(m_re.total.median, md_re.total.median));
            rows.push(budgeted(r, "reparse after a one-character edit, median", m_re.total.median, &mut missed));
            let r = row("reparse", "1-char edit in a word, p95", input.name, format!("{:.3} ms", ms(m_re.total.p95)))
                .vs(format!("{:.1} ms", ms(md_re.total.p95)), ratio(m_re.total.p95, md_re.total.p95));
            rows.push(budgeted(r, "reparse after a one-character edit, p95", m_re.total.p95, &mut missed));
            rows.push(row(
                "reparse",
                "  ...of which edit_tree, median / p95",
                input.name,
                format!("{:.3} / {:.3} ms", ms(m_re.edit.median), ms(m_re.edit.p95)),
            ));
            rows.push(row(
                "reparse",
                "  ...of which parse(old tree), median / p95",
                input.name,
                format!("{:.3} / {:.3} ms", ms(m_re.parse.median), ms(m_re.parse.p95)),
            ));
            let r = row(
                "reparse",
                format!("blank line inserted (\"\\n\"), median of {}", m_re.blank.n),
                input.name,
                format!("{:.3} ms", ms(m_re.blank.median)),
            )
            .vs(format!("{:.1} ms", ms(md_re.blank.median)), ratio(m_re.blank.median, md_re.blank.median));
            rows.push(budgeted(r, "reparse after inserting a blank line, median", m_re.blank.median, &mut missed));
            notes.push(format!(
                "{}: blank line inserted at byte {blank_at} (line {}); tree nodes after: minutes {:+}, tree-sitter-md {:+}",
                input.name,
                text[..blank_at].matches('\n').count() + 1,
                m_re.blank_changed_nodes,
                md_re.blank_changed_nodes
            ));
            if !big {
                notes.push(format!(
                    "{}: one word-edit reparse, tree-sitter log: {}",
                    input.name,
                    reparse_log(text, &m_tree, positions[positions.len() / 2], "e")
                ));
                let word_ok = check_reparse_equal(text, positions[positions.len() / 2], "e");
                let blank_ok = check_reparse_equal(text, blank_at, "\n");
                notes.push(format!(
                    "{}: incremental reparse == fresh parse: word edit {}, blank line {}",
                    input.name,
                    if word_ok { "yes" } else { "NO" },
                    if blank_ok { "yes" } else { "NO" }
                ));
            }
        }

        // 3. check pipeline ------------------------------------------------
        if wanted("MINUTES_BENCH_ONLY", "check") {
            eprintln!("[{:>5.1}s] {}: check pipeline", elapsed(), input.name);
            let selection = Selection::default();
            let selected: Vec<&'static rules::Rule> = rules::RULES.iter().filter(|r| selection.includes(r)).collect();
            // on 10 MB, leave out rules projected (quadratically, from 1 MB) past 20 s
            let skipped: Vec<&'static str> = selected
                .iter()
                .filter(|r| {
                    rule_secs_1mb.get(r.code).is_some_and(|&(secs, n1)| {
                        let f = n as f64 / n1 as f64;
                        secs * f * f > 20.0
                    })
                })
                .map(|r| r.code)
                .collect();
            let (mut t_parse, mut t_model, mut t_roster, mut t_rules, mut t_all) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut n_diags = 0;
            let mut n_actions = 0;
            let mut uses = 0;
            // the CLI's path, step by step ([`analysis`]), without the
            // rules projected past the time limit
            let config = Config::default();
            let checked = Selection { disable: skipped.iter().map(|c| c.to_string()).collect(), ..selection.clone() };
            let mut last: Option<(Document, Roster)> = None;
            drop(sample(3, if big { 3 } else { 10 }, Duration::from_secs(if big { 15 } else { 6 }), || {
                let t0 = Instant::now();
                let tree = syntax::parse_text(text);
                let t1 = Instant::now();
                let doc = analysis::model(text, &tree, &config);
                let t2 = Instant::now();
                let roster = analysis::roster(Roster::default(), &doc, &config);
                let t3 = Instant::now();
                let diags = analysis::check(text, &doc, Setup { roster: &roster, series: None, config: &config, selection: &checked });
                let t4 = Instant::now();
                n_diags = black_box(diags).len();
                n_actions = doc.actions.len();
                uses = doc.abbreviation_uses.len();
                t_parse.push(t1 - t0);
                t_model.push(t2 - t1);
                t_roster.push(t3 - t2);
                t_rules.push(t4 - t3);
                t_all.push(t4 - t0);
                last = Some((doc, roster));
            }));
            // the warm-up run is recorded too: drop it unless it is the only one
            for v in [&mut t_parse, &mut t_model, &mut t_roster, &mut t_rules, &mut t_all] {
                if v.len() > 1 {
                    v.remove(0);
                }
            }
            // where the rules' time goes: each rule once more on its own
            // (a breakdown of the figure above, not part of it)
            let per_rule: Vec<Vec<Duration>> = match &last {
                None => vec![Vec::new(); selected.len()],
                Some((doc, roster)) => {
                    let ctx = Context { text, doc, roster, series: None, memo: None };
                    selected
                        .iter()
                        .map(|r| {
                            if skipped.contains(&r.code) {
                                return Vec::new();
                            }
                            let t = Instant::now();
                            black_box((r.check)(&ctx));
                            vec![t.elapsed()]
                        })
                        .collect()
                }
            };
            let all = stats(t_all);
            let rate = mbps(n, all.median);
            let ok = rate >= BUDGET_CHECK_MBPS;
            let bound = if skipped.is_empty() { "" } else { "<= " };
            if !ok {
                missed.push(format!("check, {}: {bound}{rate:.1} MB/s", input.name));
            }
            rows.push(
                row(
                    "check",
                    format!("parse+model+roster+rules (median of {})", all.n),
                    input.name,
                    format!("{bound}{rate:.1} MB/s"),
                )
                .budget(format!(">= {BUDGET_CHECK_MBPS} MB/s: {}", budget_mark(ok))),
            );
            let per_mb = |d: Duration| format!("{:.1} MB/s = {:.1} ms/MB", mbps(n, d), ms_per_mb(n, d));
            for (what, v) in [
                ("  parse (parse_text)", t_parse),
                ("  model: analysis::model (incl. commitments)", t_model),
                ("  roster: analysis::roster", t_roster),
            ] {
                rows.push(row("check", what, input.name, per_mb(stats(v).median)));
            }
            let rules_what = if skipped.is_empty() {
                "  rules: analysis::check (all default rules)".to_string()
            } else {
                format!("  rules: analysis::check without {}", skipped.join(", "))
            };
            rows.push(row("check", rules_what, input.name, per_mb(stats(t_rules).median)));
            for (i, r) in selected.iter().enumerate() {
                if per_rule[i].is_empty() {
                    rows.push(row("check", format!("    {} {}", r.code, r.name), input.name, "skipped (projected > 20 s)"));
                    continue;
                }
                let s = stats(per_rule[i].clone());
                if !big {
                    rule_secs_1mb.insert(r.code, (s.median.as_secs_f64(), n));
                }
                rows.push(row(
                    "check",
                    format!("    {} {}", r.code, r.name),
                    input.name,
                    format!("{:.1} ms = {:.1} ms/MB", ms(s.median), ms_per_mb(n, s.median)),
                ));
            }

            let doc = Document::new(text, &m_tree);
            let blocks = commitment_blocks(&doc);
            let block_bytes: usize = blocks.iter().map(|r| r.len()).sum();
            let people = People::new(doc.people.iter().map(|p| p.name.as_str()));
            let mut n_commit = 0;
            let fc = stats(sample(3, if big { 3 } else { 10 }, Duration::from_secs(if big { 8 } else { 4 }), || {
                n_commit = 0;
                for r in &blocks {
                    n_commit += black_box(find_commitments(&text[r.clone()], &people, Setting::default())).len();
                }
            }));
            rows.push(row(
                "check",
                format!("  find_commitments alone, {} blocks", blocks.len()),
                input.name,
                per_mb(fc.median),
            ));
            notes.push(format!(
                "{}: {} blocks ({} bytes) through the detector, {} commitments; {} actions, {} abbreviation uses, {} diagnostics",
                input.name, blocks.len(), block_bytes, n_commit, n_actions, uses, n_diags
            ));
        }
    }

    println!();
    print_table(&rows);
    println!();
    println!("ms/MB = milliseconds per MB of the whole input; 'ratio' = minutes vs tree-sitter-md (block grammar) on the same bytes.");
    println!("reparse = syntax::edit_tree + syntax::parse(old tree), one Parser; edits at 50 word positions in the middle half.");
    for n in &notes {
        println!("note: {n}");
    }
    if missed.is_empty() {
        println!("budgets: all met");
    } else {
        println!("budgets MISSED:");
        for m in &missed {
            println!("  - {m}");
        }
    }
    println!("total time {:.1} s", elapsed());
    if !missed.is_empty() && std::env::var("MINUTES_BENCH_STRICT").is_ok_and(|v| v == "1") {
        std::process::exit(1);
    }
}
