//! 10,000 random edits (inserts and deletes, multi-byte characters, CRLF)
//! sent through didChange in bursts; after each burst the server's text
//! equals the client's and its tree equals a fresh parse of that text.

mod lsp_support;

use lsp_support::{fixture, Client};
use minutes::text::{Encoding, LineIndex};
use serde_json::{json, Value};

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &["a", "The ", "DCS", "’", "£", "·", "\u{a0}", "😀", "\r\n", "\n", "\n\n", "1. Title\n", "RESOLVED:\na) That ", "(Action – ", ")", "ACTION: Clerk – ", " by 1 May 2026", "· item\n", "Present: Ann James (Chair)\n"];

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn run(utf8: bool, seed: u64) {
    let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let (mut c, _) = Client::initialized(utf8, None, Value::Null);
    let mut text: String = std::fs::read_to_string(fixture("county-scrutiny.minutes")).unwrap().chars().take(3000).collect();
    let uri = "file:///tmp/random.minutes";
    c.open(uri, &text);
    let mut rng = Rng(seed);
    let mut version = 1;
    for burst in 0..4 {
        let mut changes = Vec::new();
        for _ in 0..1250 {
            let index = LineIndex::new(&text);
            let a = boundary(&text, rng.below(text.len() + 1));
            let (start, end, insert) = if rng.below(2) == 0 || text.len() < 100 {
                (a, a, PIECES[rng.below(PIECES.len())].to_string())
            } else {
                let b = boundary(&text, a + rng.below(12));
                (a, b, String::new())
            };
            // never split a CRLF: a position can only be before the \r or after the \n
            let start = if start > 0 && text[..start].ends_with('\r') && text[start..].starts_with('\n') { start - 1 } else { start };
            let end = if end > 0 && text[..end].ends_with('\r') && text[end..].starts_with('\n') { end + 1 } else { end }.max(start);
            let (ps, pe) = (index.position(&text, start, enc), index.position(&text, end, enc));
            // the client's position must map back to the same offset
            assert_eq!(index.offset(&text, ps, enc), start);
            changes.push(json!({"range": {"start": {"line": ps.line, "character": ps.col}, "end": {"line": pe.line, "character": pe.col}}, "text": insert}));
            text.replace_range(start..end, &insert);
        }
        version += 1;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}));
        let st = c.request("minutes/debugState", json!({"uri": uri}));
        assert_eq!(st["version"], version);
        assert_eq!(st["text"].as_str().unwrap(), text, "seed {seed} burst {burst}");
        let fresh = minutes::syntax::parse_text(&text).root_node().to_sexp();
        assert_eq!(st["tree"].as_str().unwrap(), fresh, "seed {seed} burst {burst}: incremental tree differs from a fresh parse");
    }
}

#[test]
fn ten_thousand_random_edits_utf16() {
    run(false, 0x5eed_0001);
}

#[test]
fn ten_thousand_random_edits_utf8() {
    run(true, 0x5eed_0002);
}
