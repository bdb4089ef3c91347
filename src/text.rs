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
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line. A line ends at '\n'; a '\r'
    /// before it belongs to the line's end, not its content.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts, len: text.len() }
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
        let mut end = self.starts.get(line + 1).map(|s| s - 1).unwrap_or(self.len);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.max(start)
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
            Encoding::Utf16 => text[start..offset].chars().map(char::len_utf16).sum(),
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
        let content = &text[range.clone()];
        let want = pos.col as usize;
        match enc {
            Encoding::Utf8 => {
                let mut col = want.min(content.len());
                while !content.is_char_boundary(col) {
                    col -= 1;
                }
                range.start + col
            }
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, ch) in content.char_indices() {
                    let next = units + ch.len_utf16();
                    if next > want {
                        return range.start + i;
                    }
                    units = next;
                }
                range.end
            }
        }
    }

    /// The one-based line number of a byte offset, as people count lines.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_of(offset) + 1
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i)
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
}
