//! `cargo bench --bench lsp`: the language server on a 1 MB document made
//! by repeating the corpus, against a baseline measured in the same run
//! (tree-sitter-md parsing the same bytes). Not a test: it prints figures.

#[path = "../tests/lsp_support/mod.rs"]
mod lsp_support;

use std::time::{Duration, Instant};

use lsp_support::Client;
use minutes::text::{Encoding, LineIndex};
use serde_json::{json, Value};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn document(size: usize) -> String {
    // the real minutes: $MINUTES_CORPUS, by default ../shared/corpus beside the crate
    let dir = std::env::var_os("MINUTES_CORPUS").map(std::path::PathBuf::from).unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut out = String::new();
    while out.len() < size {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
        }
    }
    out
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let text = document(1 << 20);
    let mb = text.len() as f64 / (1 << 20) as f64;
    // baseline: tree-sitter-md's block grammar on the same bytes, and ours
    let mut md = tree_sitter::Parser::new();
    md.set_language(&tree_sitter_md::LANGUAGE.into()).unwrap();
    let t = Instant::now();
    let _ = md.parse(&text, None).unwrap();
    let baseline = t.elapsed();
    let t = Instant::now();
    let tree = minutes::syntax::parse_text(&text);
    let ours_parse = t.elapsed();
    let config = minutes::config::Config::default();
    let t = Instant::now();
    let doc = minutes::analysis::model(&text, &tree, &config);
    let model = t.elapsed();
    let t = Instant::now();
    let roster = minutes::analysis::roster(minutes::workspace::Roster::default(), &doc, &config);
    let sel = minutes::rules::Selection { enable: vec!["M104".into()], disable: vec![] };
    let _ = minutes::analysis::check(&text, &doc, minutes::analysis::Setup { roster: &roster, series: None, config: &config, selection: &sel });
    let rules = t.elapsed();
    // where the rules' time goes: each rule on its own
    let ctx = minutes::rules::Context { text: &text, doc: &doc, roster: &roster, series: None };
    let mut per_rule: Vec<(&str, Duration)> = minutes::rules::RULES
        .iter()
        .map(|r| {
            let t = Instant::now();
            let _ = (r.check)(&ctx);
            (r.code, t.elapsed())
        })
        .collect();
    per_rule.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    let t = Instant::now();
    let _ = minutes::ide::outline::outline(&text, &doc);
    let outline = t.elapsed();

    let (mut c, _) = Client::initialized(false, None, Value::Null);
    let uri = "file:///tmp/bench.minutes";
    let t = Instant::now();
    c.open(uri, &text);
    let open = t.elapsed();

    // 200 single-character edits, each followed by its diagnostics
    let index = LineIndex::new(&text);
    let mut current = text.clone();
    let mut latencies = Vec::new();
    for i in 0..200 {
        let at = (current.len() / 200) * i;
        let mut at = at;
        while !current.is_char_boundary(at) || current[..at].ends_with('\r') {
            at += 1;
        }
        let p = LineIndex::new(&current).position(&current, at, Encoding::Utf16);
        let version = i as i64 + 2;
        let t = Instant::now();
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": p.line, "character": p.col}, "end": {"line": p.line, "character": p.col}}, "text": "x"}]}));
        c.notification("textDocument/publishDiagnostics", |d| d["version"] == version);
        latencies.push(t.elapsed());
        current.insert(at, 'x');
    }
    let _ = index;
    let p50 = percentile(&mut latencies, 0.5);
    let p95 = percentile(&mut latencies, 0.95);

    let owner_at = {
        let at = current.find("(Action – ").map(|i| i + "(Action – ".len()).unwrap_or(0);
        LineIndex::new(&current).position(&current, at, Encoding::Utf16)
    };
    let mut completion = Vec::new();
    let mut symbols = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        c.request("textDocument/completion", json!({"textDocument": {"uri": uri}, "position": {"line": owner_at.line, "character": owner_at.col}}));
        completion.push(t.elapsed());
        let t = Instant::now();
        c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
        symbols.push(t.elapsed());
    }
    let completion = percentile(&mut completion, 0.5);
    let symbols = percentile(&mut symbols, 0.5);
    let rss = peak_rss_kb(c_pid(&c)).unwrap_or(0);

    println!("document: {:.2} MB ({} lines), made by repeating the corpus", mb, text.lines().count());
    println!("baseline: tree-sitter-md parse {:.1} ms ({:.1} MB/s)", ms(baseline), mb / baseline.as_secs_f64());
    println!("in process: minutes parse {:.1} ms ({:.2}x baseline), model {:.1} ms, rules {:.1} ms, outline {:.2} ms", ms(ours_parse), ms(ours_parse) / ms(baseline), ms(model), ms(rules), ms(outline));
    println!("rules, slowest first: {}", per_rule.iter().take(4).map(|(c, d)| format!("{c} {:.1} ms", ms(*d))).collect::<Vec<_>>().join(", "));
    println!("server: didOpen → first diagnostics {:.1} ms ({:.2}x baseline)", ms(open), ms(open) / ms(baseline));
    println!("server: edit → diagnostics p50 {:.1} ms, p95 {:.1} ms ({:.2}x baseline; budget p95 ≤ 5 ms)", ms(p50), ms(p95), ms(p95) / ms(baseline));
    println!("server: completion p50 {:.1} ms, documentSymbol p50 {:.1} ms (budget ≤ 10 ms)", ms(completion), ms(symbols));
    println!("server: peak RSS {:.1} MB", rss as f64 / 1024.0);
    let _ = c.stop();
}

fn c_pid(c: &Client) -> u32 {
    c.pid()
}
