//! Positions. Byte offsets are the library's currency; editors speak in
//! lines and columns counted in UTF-16 code units (LSP's default) or UTF-8
//! bytes. [`LineIndex`] converts between them and is the only place that
//! does.

use std::ops::Range;

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for converting offsets to positions and back.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as LSP counts them. Every
/// conversion costs O(1) (or a binary search) after one pass over the
/// text: a UTF-16 column is the byte column less the bytes that UTF-16
/// saves on multi-byte characters, and that saving is kept at every
/// [`BLOCK`] bytes of non-ASCII text, so no conversion walks a long line.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// For a text with non-ASCII characters: `saved[k]` is how many more
    /// bytes than UTF-16 code units the characters starting before byte
    /// `k * BLOCK` take. Empty for ASCII text.
    saved: Vec<u32>,
    len: usize,
}

/// Bytes between two checkpoints of the UTF-16 saving.
const BLOCK: usize = 64;

/// Bytes a character starting with byte `b` takes beyond its UTF-16 units
/// (continuation bytes count nothing: the lead byte counts the character).
fn saving(b: u8) -> usize {
    // 0xC0..=0xDF lead 2 bytes, 1 unit: 1; 0xE0..=0xEF 3 bytes, 1 unit: 2;
    // 0xF0..=0xFF 4 bytes, 2 units: 2; written as two comparisons, which
    // the compiler adds up over many bytes at a time
    usize::from(b >= 0xC0) + usize::from(b >= 0xE0)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // a line end is one byte in tens: a run of bytes holding none is
        // passed over in one step (a test the compiler does for many bytes
        // at once), the server builds an index on every edit
        const RUN: usize = 32;
        for (k, run) in bytes.chunks(RUN).enumerate() {
            if !run.iter().fold(false, |any, &b| any | (b == b'\n') | (b == b'\r')) {
                continue;
            }
            for (j, &b) in run.iter().enumerate() {
                let i = k * RUN + j;
                match b {
                    b'\n' => starts.push(i + 1),
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                    _ => {}
                }
            }
        }
        let saved = if text.is_ascii() {
            Vec::new()
        } else {
            let mut saved = Vec::with_capacity(bytes.len() / BLOCK + 2);
            let mut total = 0usize;
            for block in bytes.chunks(BLOCK) {
                saved.push(total as u32);
                total += block.iter().map(|b| saving(*b)).sum::<usize>();
            }
            saved.push(total as u32);
            saved
        };
        LineIndex { starts, saved, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The zero-based line holding byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of line `line` without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = match self.starts.get(line + 1) {
            Some(next) => next - 1, // the '\n' or lone '\r'
            None => self.len,
        };
        if end > start && bytes.get(end) == Some(&b'\n') && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    /// Bytes saved by UTF-16 on the characters starting before `offset`.
    fn saved_before(&self, text: &str, offset: usize) -> usize {
        if self.saved.is_empty() {
            return 0;
        }
        let block = offset / BLOCK;
        let from = block * BLOCK;
        self.saved[block] as usize + text.as_bytes()[from..offset].iter().map(|b| saving(*b)).sum::<usize>()
    }

    /// UTF-16 code units between two character boundaries.
    fn utf16_len(&self, text: &str, from: usize, to: usize) -> usize {
        (to - from) - (self.saved_before(text, to) - self.saved_before(text, from))
    }

    /// Byte offset → line and column in `enc`. Offsets inside a character
    /// are moved back to its start; offsets past the end are clamped.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = match enc {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => self.utf16_len(text, start, offset),
        };
        LineCol { line: line as u32, col: col as u32 }
    }

    /// Line and column in `enc` → byte offset. A line past the end gives
    /// the end of the text; a column past the end of its line gives the
    /// line's end; a column inside a character gives the character's start.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let range = self.line_range(text, line);
        let want = pos.col as usize;
        let mut at = match enc {
            Encoding::Utf8 => range.start + want.min(range.len()),
            Encoding::Utf16 if self.saved.is_empty() => range.start + want.min(range.len()),
            Encoding::Utf16 => {
                if self.utf16_len(text, range.start, range.end) <= want {
                    return range.end;
                }
                // the last checkpoint in the line whose (estimated) column
                // is at most the column, then character by character
                let base = self.saved_before(text, range.start) as i64;
                let estimate = |k: usize| (k * BLOCK - range.start) as i64 - (self.saved[k] as i64 - base);
                let (mut lo, mut hi) = (range.start.div_ceil(BLOCK), range.end / BLOCK + 1);
                let first = lo;
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if estimate(mid) <= want as i64 {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let mut at = if lo > first { (lo - 1) * BLOCK } else { range.start };
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                // a character across the checkpoint can make the estimate
                // one unit short: step back until the column is ahead
                while at > range.start && self.utf16_len(text, range.start, at) > want {
                    at = at.saturating_sub(BLOCK).max(range.start);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                }
                let mut units = self.utf16_len(text, range.start, at);
                for ch in text[at..range.end].chars() {
                    let next = units + ch.len_utf16();
                    if next > want {
                        return at;
                    }
                    units = next;
                    at += ch.len_utf8();
                }
                at
            }
        };
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The one-based line number of a byte offset, as people count lines.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_of(offset) + 1
    }
}

/// The one-based line numbers of `offsets`, as [`LineIndex::line_number`]
/// gives them, from one count of the line ends up to the last: for a
/// caller that needs the lines of a few places (the series of meetings,
/// those of the actions and reports), not an index of every line.
pub fn line_numbers(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let carriage_returns = bytes.contains(&b'\r');
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut lines = vec![0; offsets.len()];
    let (mut counted, mut line) = (0, 1);
    for i in order {
        let to = offsets[i].min(bytes.len());
        line += bytes[counted..to].iter().filter(|&&b| b == b'\n').count();
        if carriage_returns {
            // a lone '\r' ends a line too; one before '\n' does not
            line += (counted..to).filter(|&k| bytes[k] == b'\r' && bytes.get(k + 1) != Some(&b'\n')).count();
        }
        counted = to;
        lines[i] = line;
    }
    lines
}

/// Line and column in `enc` → byte offset in a rope (an open document's
/// text), with the same lines and clamping as [`LineIndex::offset`]
/// (the rope counts `\r`, `\n` and `\r\n` as line ends). The flag says
/// whether the position was outside the text and had to be clamped.
/// O(log n): no line is walked.
#[cfg(feature = "lsp")]
pub fn rope_offset(rope: &ropey::Rope, pos: LineCol, enc: Encoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), true);
    }
    let start_char = rope.line_to_char(line);
    let mut end_char = if line + 1 < rope.len_lines() { rope.line_to_char(line + 1) } else { rope.len_chars() };
    // without its line end
    if end_char > start_char && rope.char(end_char - 1) == '\n' {
        end_char -= 1;
    }
    if end_char > start_char && rope.char(end_char - 1) == '\r' {
        end_char -= 1;
    }
    let want = pos.col as usize;
    let (char_at, clamped) = match enc {
        Encoding::Utf8 => {
            let (start, end) = (rope.char_to_byte(start_char), rope.char_to_byte(end_char));
            let byte = start + want.min(end - start);
            (rope.byte_to_char(byte), want > end - start)
        }
        Encoding::Utf16 => {
            let (start, end) = (rope.char_to_utf16_cu(start_char), rope.char_to_utf16_cu(end_char));
            let cu = start + want.min(end - start);
            (rope.utf16_cu_to_char(cu), want > end - start)
        }
    };
    (rope.char_to_byte(char_at), clamped)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "The Director’s £15k · budget\u{a0}was 😀 noted.\r\nsecond line\n";

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let idx = LineIndex::new(LINE);
        let emoji = LINE.find('😀').unwrap();
        let after = emoji + '😀'.len_utf8();
        let p = idx.position(LINE, emoji, Encoding::Utf16);
        let q = idx.position(LINE, after, Encoding::Utf16);
        assert_eq!(q.col - p.col, 2);
        assert_eq!(idx.offset(LINE, p, Encoding::Utf16), emoji);
        assert_eq!(idx.offset(LINE, q, Encoding::Utf16), after);
    }

    #[test]
    fn every_char_boundary_round_trips_in_both_encodings() {
        let idx = LineIndex::new(LINE);
        for (offset, _) in LINE.char_indices() {
            if LINE[offset..].starts_with('\n') || LINE[offset..].starts_with('\r') {
                continue;
            }
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let pos = idx.position(LINE, offset, enc);
                assert_eq!(idx.offset(LINE, pos, enc), offset, "{offset} {enc:?}");
            }
        }
    }

    #[test]
    fn known_positions_on_a_line_of_multibyte_characters() {
        let idx = LineIndex::new(LINE);
        let pound = LINE.find('£').unwrap();
        // "The Director’s " is 15 UTF-16 units and 17 bytes
        assert_eq!(idx.position(LINE, pound, Encoding::Utf16), LineCol { line: 0, col: 15 });
        assert_eq!(idx.position(LINE, pound, Encoding::Utf8), LineCol { line: 0, col: 17 });
        let second = LINE.find("second").unwrap();
        assert_eq!(idx.position(LINE, second, Encoding::Utf16), LineCol { line: 1, col: 0 });
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let idx = LineIndex::new(LINE);
        // past the end of line 0 lands before its CRLF
        let end0 = idx.offset(LINE, LineCol { line: 0, col: 999 }, Encoding::Utf16);
        assert_eq!(&LINE[end0..end0 + 2], "\r\n");
        assert_eq!(idx.offset(LINE, LineCol { line: 99, col: 0 }, Encoding::Utf16), LINE.len());
        // an offset inside '£' moves to its start
        let pound = LINE.find('£').unwrap();
        assert_eq!(idx.position(LINE, pound + 1, Encoding::Utf8).col, 17);
        // a UTF-16 column in the middle of a surrogate pair gives the emoji's start
        let emoji = LINE.find('😀').unwrap();
        let p = idx.position(LINE, emoji, Encoding::Utf16);
        let mid = LineCol { line: 0, col: p.col + 1 };
        assert_eq!(idx.offset(LINE, mid, Encoding::Utf16), emoji);
    }

    #[test]
    fn line_numbers_are_one_based() {
        let idx = LineIndex::new("a\nb\n\nc");
        assert_eq!(idx.line_number(0), 1);
        assert_eq!(idx.line_number(2), 2);
        assert_eq!(idx.line_number(5), 4);
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn line_numbers_of_a_few_places_are_the_index_s() {
        for text in ["a\nb\n\nc", "one\rtwo\r\nthree\nfour\r", "\r\n\r\r\n\n", "", "no line end"] {
            let idx = LineIndex::new(text);
            // every offset and one past the end, in an order of their own
            let offsets: Vec<usize> = (0..=text.len() + 1).rev().chain([2, 0, 2]).collect();
            let want: Vec<usize> = offsets.iter().map(|&o| idx.line_number(o)).collect();
            assert_eq!(line_numbers(text, &offsets), want, "{text:?}");
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "one\rtwo\r\nthree\nfour";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(text, text.find("two").unwrap(), Encoding::Utf16), LineCol { line: 1, col: 0 });
        assert_eq!(&text[idx.line_range(text, 0)], "one");
        assert_eq!(&text[idx.line_range(text, 1)], "two");
        assert_eq!(idx.offset(text, LineCol { line: 2, col: 2 }, Encoding::Utf16), text.find("ree").unwrap());
    }

    /// UTF-16 columns the slow way: walking the line.
    fn walked(text: &str, start: usize, offset: usize) -> u32 {
        text[start..offset].chars().map(char::len_utf16).sum::<usize>() as u32
    }

    #[test]
    fn columns_on_a_long_line_of_mixed_widths_match_a_walk() {
        let line: String = "aé€😀 ".repeat(500);
        let text = format!("x\n{line}\n{line}");
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(7) {
            let p = idx.position(&text, offset, Encoding::Utf16);
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(p.col, walked(&text, start, offset), "{offset}");
            assert_eq!(idx.offset(&text, p, Encoding::Utf16), offset, "{offset}");
        }
        // a column in the middle of a surrogate pair, anywhere on the line
        for k in 0..200u32 {
            let col = k * 6 + 4; // "aé€" is 3 units, then 😀 is units 3–4
            let at = idx.offset(&text, LineCol { line: 1, col }, Encoding::Utf16);
            assert!(text[at..].starts_with('😀'), "{col}");
        }
    }
}
