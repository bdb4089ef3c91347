//! Bytes → parse → model → every rule → every fix applied, then the fixed
//! text analysed again. Nothing may panic; every range a finding or a fix
//! names lies on character boundaries inside the text and converts to
//! positions and back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes::analysis;
use minutes::config::Config;
use minutes::rules::Selection;
use minutes::text::{Encoding, LineIndex};
use minutes::workspace::Roster;

fn analyse(text: &str) -> Vec<minutes::diagnostic::Diagnostic> {
    let found = analysis::analyse(text, &Roster::default(), &Config::default(), &Selection::everything());
    minutes::ide::outline::outline(text, &found.doc);
    found.diagnostics
}

fn on_boundaries(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let index = LineIndex::new(text);
    // each fixed text is analysed again; a few per input keep one input's
    // run short under the sanitiser (a corpus file has dozens of fixes)
    let mut reanalysed = 0;
    for d in analyse(text) {
        assert!(on_boundaries(text, &d.range), "{} at {:?}", d.code, d.range);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let p = index.position(text, d.range.start, enc);
            assert_eq!(index.offset(text, p, enc), d.range.start, "{} at {:?} in {enc:?}", d.code, d.range);
        }
        let Some(fix) = &d.fix else { continue };
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut fixed = text.to_string();
        let mut last = usize::MAX;
        for e in edits {
            assert!(on_boundaries(text, &e.range), "{} fix at {:?}", d.code, e.range);
            assert!(e.range.end <= last, "{}: the fix's edits overlap", d.code);
            last = e.range.start;
            fixed.replace_range(e.range.clone(), &e.text);
        }
        if reanalysed < 4 {
            reanalysed += 1;
            analyse(&fixed);
        }
    }
});
