//! A sequence of LSP operations decoded from the input, run against the
//! server in process (`minutes::lsp::harness`): open, incremental edits with
//! arbitrary ranges (out of range too) and text, whole-text replacements,
//! and every request at arbitrary positions. After each step the server's
//! text equals the client's (edits applied through `text::LineIndex`, which
//! clamps as the server must), and its tree, model and findings equal a
//! fresh analysis of that text.
//!
//! Input: the opening text, a NUL byte, then the operations.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use minutes::lsp::harness::{Harness, Request};
use minutes::text::{Encoding, LineCol, LineIndex};

const URI: &str = "file:///fuzz/doc.minutes";

/// Text worth inserting: line ends of every kind, multi-byte characters
/// (a surrogate pair, a combining mark) and the starts of constructs.
const PIECES: &[&str] = &[
    "a", " ", "\n", "\r\n", "\r", "\n\n", "é", "😀", "\u{301}", "’", "\t", "1. Title\n", "1.1 ", "RESOLVED:\n", "a) That ",
    "(Action – ", ")", "ACTION: Clerk – ", " by 1 May 2026", "· item\n", "Present: Ann James (Chair)\n", "(DCS)", "DCS",
    "It was AGREED that ", "the Clerk would write to ", "\n\nthe", "Agenda item\n",
];

fn text_piece(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 => u.arbitrary::<String>()?.chars().take(40).collect(),
        _ => (0..u.int_in_range(1..=3)?).map(|_| u.choose(PIECES).map(|p| p.to_string())).collect::<Result<String>>()?,
    })
}

/// A position: mostly a real one of the client's text, sometimes anything.
fn position(u: &mut Unstructured, text: &str, index: &LineIndex, enc: Encoding) -> Result<LineCol> {
    if u.ratio(1, 8)? {
        return Ok(LineCol { line: u.int_in_range(0..=index.line_count() as u32 + 2)?, col: u.int_in_range(0..=200)? });
    }
    let mut at = u.int_in_range(0..=text.len())?;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    Ok(index.position(text, at, enc))
}

fn run(u: &mut Unstructured, initial: &str) -> Result<()> {
    let enc = if u.arbitrary::<bool>()? { Encoding::Utf8 } else { Encoding::Utf16 };
    let mut server = Harness::new(enc);
    let mut text = initial.to_string();
    let mut version = 1;
    server.open(URI, &text, version);
    let mut steps = 0;
    while !u.is_empty() && steps < 64 {
        steps += 1;
        match u.int_in_range(0..=9)? {
            0..=5 => {
                // one didChange of up to four edits, applied in order
                let mut changes = Vec::new();
                for _ in 0..u.int_in_range(1..=4)? {
                    let index = LineIndex::new(&text);
                    let (a, b) = (position(u, &text, &index, enc)?, position(u, &text, &index, enc)?);
                    let insert = text_piece(u)?;
                    let (x, y) = (index.offset(&text, a, enc), index.offset(&text, b, enc));
                    text.replace_range(x.min(y)..x.max(y), &insert);
                    changes.push((Some([a.line, a.col, b.line, b.col]), insert));
                }
                version += 1;
                server.change(URI, version, &changes).expect("a newer version is applied");
            }
            6 => {
                text = text_piece(u)?;
                version += 1;
                server.change(URI, version, &[(None, text.clone())]).expect("a newer version is applied");
            }
            _ => {
                let index = LineIndex::new(&text);
                let p = position(u, &text, &index, enc)?;
                let r = *u.choose(&Request::ALL)?;
                server.request(URI, r, p.line, p.col);
            }
        }
        assert_eq!(server.text(URI).as_deref(), Some(text.as_str()), "the server's text differs from the client's");
        if let Err(e) = server.check(URI) {
            panic!("{e}");
        }
    }
    server.close(URI);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let initial = String::from_utf8_lossy(&data[..split]);
    let mut u = Unstructured::new(data.get(split + 1..).unwrap_or_default());
    let _ = run(&mut u, &initial);
});
