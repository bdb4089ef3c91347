//! To and from LSP types. Positions go through `text::LineIndex` in the
//! negotiated encoding; positions a client gets wrong are clamped.

use std::ops::Range;

use tower_lsp_server::ls_types as lsp;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Encoding, LineCol, LineIndex};

#[derive(Clone, Copy)]
pub struct Pos<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Pos<'_> {
    pub fn offset(&self, p: lsp::Position) -> usize {
        self.index.offset(self.text, LineCol { line: p.line, col: p.character }, self.enc)
    }

    pub fn range_in(&self, r: lsp::Range) -> Range<usize> {
        let (a, b) = (self.offset(r.start), self.offset(r.end));
        a.min(b)..a.max(b)
    }

    pub fn position(&self, offset: usize) -> lsp::Position {
        let p = self.index.position(self.text, offset, self.enc);
        lsp::Position { line: p.line, character: p.col }
    }

    pub fn range(&self, r: &Range<usize>) -> lsp::Range {
        lsp::Range { start: self.position(r.start), end: self.position(r.end.max(r.start)) }
    }
}

pub fn line_col(p: lsp::Position) -> LineCol {
    LineCol { line: p.line, col: p.character }
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(pos: Pos, uri: &lsp::Uri, d: &Diagnostic, docs_base: &str) -> lsp::Diagnostic {
    let href = (!docs_base.is_empty()).then(|| format!("{docs_base}{}", d.code.to_ascii_lowercase()).parse::<lsp::Uri>().ok()).flatten();
    lsp::Diagnostic {
        range: pos.range(&d.range),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: href.map(|href| lsp::CodeDescription { href }),
        source: Some("minutes".into()),
        message: d.message.clone(),
        related_information: (!d.related.is_empty()).then(|| {
            d.related
                .iter()
                .map(|r| lsp::DiagnosticRelatedInformation {
                    location: lsp::Location { uri: uri.clone(), range: pos.range(&r.range) },
                    message: r.message.clone(),
                })
                .collect()
        }),
        tags: None,
        data: Some(serde_json::json!({ "name": d.name })),
    }
}

pub fn text_edit(pos: Pos, e: &crate::diagnostic::Edit) -> lsp::TextEdit {
    lsp::TextEdit { range: pos.range(&e.range), new_text: e.text.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "The Director’s £15k · budget\u{a0}was 😀 noted.\r\nsecond line\n";

    #[test]
    fn positions_round_trip_in_both_encodings_and_clamp() {
        let index = LineIndex::new(LINE);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let pos = Pos { text: LINE, index: &index, enc };
            for (offset, c) in LINE.char_indices() {
                if c == '\r' || c == '\n' {
                    continue;
                }
                assert_eq!(pos.offset(pos.position(offset)), offset);
            }
            assert_eq!(pos.offset(lsp::Position { line: 9, character: 9 }), LINE.len());
            let end0 = pos.offset(lsp::Position { line: 0, character: 10_000 });
            assert_eq!(&LINE[end0..end0 + 2], "\r\n");
        }
        let pos = Pos { text: LINE, index: &index, enc: Encoding::Utf16 };
        let emoji = LINE.find('😀').unwrap();
        assert_eq!(pos.position(emoji + 4).character - pos.position(emoji).character, 2);
    }
}
