//! Properties (proptest): positions round-trip on arbitrary Unicode;
//! random edit sequences keep the language server's incremental tree and
//! model equal to fresh ones, and so do edits interleaved with workspace
//! scans (after which the server keeps the model and recomputes only the
//! findings); every fix is idempotent and keeps the words
//! of the text.

use minutes::lsp::harness::Harness;
use minutes::analysis;
use minutes::config::Config;
use minutes::rules::Selection;
use minutes::text::{Encoding, LineCol, LineIndex};
use minutes::workspace::Roster;
use proptest::prelude::*;

/// Pieces of minutes: constructs, line ends of every kind, wide characters.
const PIECES: &[&str] = &[
    "a", " ", "\n", "\r\n", "\r", "\n\n", "é", "😀", "\u{301}", "’", "\t", "1. Title\n", "2. Next\n", "1.1 ", "1.3 ", "RESOLVED:\n", "a) That ",
    "(Action – ", ")", "(Action)", "ACTION: Clerk – ", "ACTION: ", " by 1 May 2026", "· item\n", "Present: Ann James (Chair)\n", "(DCS)", "DCS",
    "Director of Children’s Services", "It was AGREED that ", "the Clerk would write to ", "a report would be presented to members\n",
    "\n\nthe", "Agenda item\n", "the meeting noted it. ", "MASH ", "The ", "Minute 26/19 – ", "27/18 Title\n",
    "£", "·", "\u{a0}", "£15k", "Action: ", "\nAction: Ann James to circulate the notes\n", "Actions:\n", "\n3. Finance\n", "\n\n4.\u{a0}Any other business\n",
    "Ann James will report back. ", "Date: 12/1/2026\n", "\nApologies: Bob Smith\n",
    // an owner only while the attendance names her: an edit of one block
    // changes what another holds
    "Present: alice\n", "alice to update the wiki. ",
    // a motion, carried in its own block or in the next
    "Ann James moved that the fees be raised. ", "Motion carried.\n",
    // decisions and short forms, which the server keeps per block: an
    // earlier decision reported, capitals in emphasis and in a heading
    // run, a short form in a table row
    "It had been AGREED that the fee stays. ", "**NOTE** ", "PUBLIC FORUM ", "SNOMED CT ", "MASH\t£15k\tDCS\n",
    // commitments in a row on one line, which may run on into the next
    "DECISION: 1) To bid. 2) To buy.\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ]
}

fn minutes_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// Text with every kind of line end among arbitrary characters.
fn unicode_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![3 => any::<char>().prop_map(String::from), 1 => proptest::sample::select(&["\n", "\r", "\r\n"][..]).prop_map(str::to_string)], 0..200)
        .prop_map(|v| v.concat())
}

/// One step of an editing session.
#[derive(Debug, Clone)]
enum Step {
    /// At (modulo the length), delete so many bytes, insert.
    Edit((u32, usize, String)),
    /// The workspace scan reads one more minutes file beside the document.
    Scan(String),
}

fn boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0)
}

/// Whether `offset` sits inside a line end (between `\r` and `\n`), where
/// no position can point.
fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn positions_round_trip_through_both_encodings(text in unicode_text()) {
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if inside_crlf(&text, offset) {
                continue;
            }
            let p8 = index.position(&text, offset, Encoding::Utf8);
            let p16 = index.position(&text, offset, Encoding::Utf16);
            prop_assert_eq!(p8.line, p16.line);
            prop_assert_eq!(index.offset(&text, p8, Encoding::Utf8), offset);
            prop_assert_eq!(index.offset(&text, p16, Encoding::Utf16), offset);
            // the columns are the line's text so far in each encoding
            let line_start = index.offset(&text, LineCol { line: p8.line, col: 0 }, Encoding::Utf8);
            let before = &text[line_start..offset];
            prop_assert_eq!(p8.col as usize, before.len());
            prop_assert_eq!(p16.col as usize, before.encode_utf16().count());
            // a line holds no line end
            prop_assert!(!before.contains(['\n', '\r']), "{:?}", before);
        }
    }

    #[test]
    fn random_edits_keep_tree_and_model_equal_to_fresh_ones(
        initial in minutes_text(),
        utf8 in any::<bool>(),
        edits in proptest::collection::vec((any::<u32>(), 0usize..12, piece()), 1..24),
    ) {
        let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let uri = "file:///prop/doc.minutes";
        let mut server = Harness::new(enc);
        server.open(uri, &initial, 1);
        let mut text = initial;
        for (version, (at, len, insert)) in edits.into_iter().enumerate() {
            let index = LineIndex::new(&text);
            let start = boundary(&text, at as usize % (text.len() + 1));
            let end = boundary(&text, start + len);
            let (a, b) = (index.position(&text, start, enc), index.position(&text, end, enc));
            let (x, y) = (index.offset(&text, a, enc), index.offset(&text, b, enc));
            text.replace_range(x.min(y)..x.max(y), &insert);
            server.change(uri, version as i32 + 2, &[(Some([a.line, a.col, b.line, b.col]), insert)]).map_err(TestCaseError::fail)?;
            let held = server.text(uri);
            prop_assert_eq!(held.as_deref(), Some(text.as_str()));
            server.check(uri).map_err(TestCaseError::fail)?;
        }
    }

    /// Edits of the document interleaved with scans that read other
    /// minutes of its folder (people, actions, meetings): after a scan the
    /// server keeps the document's model and recomputes its findings only;
    /// after every step they equal a fresh analysis with those files.
    #[test]
    fn edits_and_workspace_scans_keep_the_findings_equal_to_fresh_ones(
        initial in minutes_text(),
        steps in proptest::collection::vec(prop_oneof![
            4 => (any::<u32>(), 0usize..12, piece()).prop_map(Step::Edit),
            1 => minutes_text().prop_map(Step::Scan),
        ], 1..16),
    ) {
        let enc = Encoding::Utf16;
        let uri = "file:///prop/doc.minutes";
        let mut server = Harness::new(enc);
        server.open(uri, &initial, 1);
        let mut text = initial;
        let mut version = 1;
        for (n, step) in steps.into_iter().enumerate() {
            match step {
                Step::Edit((at, len, insert)) => {
                    let index = LineIndex::new(&text);
                    let start = boundary(&text, at as usize % (text.len() + 1));
                    let end = boundary(&text, start + len);
                    let (a, b) = (index.position(&text, start, enc), index.position(&text, end, enc));
                    text.replace_range(start..end, &insert);
                    version += 1;
                    server.change(uri, version, &[(Some([a.line, a.col, b.line, b.col]), insert)]).map_err(TestCaseError::fail)?;
                }
                Step::Scan(peer) => {
                    // analysed before the scan, so that there is a model to keep
                    server.check(uri).map_err(TestCaseError::fail)?;
                    let path = format!("/prop/peer-{n}.minutes");
                    server.scanned(&[(path.as_str(), format!("Present: Ann James (Chair), Bob Smith\n\n{peer}").as_str())]);
                    prop_assert_eq!(server.reused_model(uri), Some(true));
                }
            }
            server.check(uri).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn every_fix_keeps_the_words(text in minutes_text()) {
        for d in findings(&text) {
            let Some(fix) = &d.fix else { continue };
            let fixed = apply(&text, fix);
            // what a fix replaces is at most a number (a list numeral: `a`, `iv`)
            for e in &fix.edits {
                let removed = &text[e.range.clone()];
                prop_assert!(words(removed).iter().all(|w| d.code == "M301" && w.len() <= 4), "{} “{}” removes {:?}", d.code, fix.title, removed);
            }
            // and every other word of the text is still there, whole, in order
            let mut untouched = text.clone();
            for e in &fix.edits {
                untouched.replace_range(e.range.clone(), &" ".repeat(e.range.len()));
            }
            let kept = words(&fixed);
            let mut rest = kept.iter();
            for w in words(&untouched) {
                prop_assert!(rest.any(|k| *k == w), "{} “{}” lost the word {:?} of {:?}", d.code, fix.title, w, text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A fix applied once leaves nothing for the same fix to do again (M104
    /// after a number, "would write to 1. Title", once offered a marker the
    /// grammar does not read there: it now offers none).
    #[test]
    fn every_fix_is_idempotent(text in minutes_text()) {
        for d in findings(&text) {
            let Some(fix) = &d.fix else { continue };
            prop_assert_eq!(fix.edits.len(), 1, "{} fixes with one edit", d.code);
            let e = &fix.edits[0];
            let fixed = apply(&text, fix);
            // applying it again would change nothing: the finding is gone
            let placed = e.range.start..e.range.start + e.text.len();
            for again in findings(&fixed).iter().filter(|f| f.code == d.code) {
                let Some(f) = &again.fix else { continue };
                let repeat = f.edits.iter().any(|x| x.text == e.text && x.range.len() == e.range.len() && placed.start <= x.range.start && x.range.start <= placed.end);
                prop_assert!(!repeat, "{} “{}” would apply again to {:?}", d.code, fix.title, fixed);
            }
        }
    }
}

fn findings(text: &str) -> Vec<minutes::diagnostic::Diagnostic> {
    analysis::analyse(text, &Roster::default(), &Config::default(), &Selection::everything()).diagnostics
}

fn apply(text: &str, fix: &minutes::diagnostic::Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.range.clone(), &e.text);
    }
    out
}

/// The alphabetic words of a text.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect()
}
