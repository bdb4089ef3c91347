/*
 * External scanner for tree-sitter-minutes.
 *
 * Minutes are line-structured: whether a line is a heading, a list item, a
 * numbered paragraph or prose is decided by how the line starts, and
 * sometimes by the line after it. A context-free grammar cannot look at the
 * next line, so every token comes from here.
 *
 * Prose is consumed in one tight loop per line (one `text` token up to the
 * next inline construct), which is what keeps parsing fast.
 *
 * The parts live in scanner/, one header per concern (tokens, characters,
 * keywords, dates, owners, abbreviations, markers, prose, blank runs, whole
 * lines, inline tokens), included below in dependency order.
 *
 * State: three bits, `at_line_start`, `prev_blank` and `after_hashes`. Each is a function of
 * the previous token, so an unchanged region always re-lexes to the same
 * state and tree-sitter can reuse its subtrees after an edit.
 */
#include "tree_sitter/parser.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The parts, by concern; each may use the ones before it. */
#include "scanner/tokens.h"
#include "scanner/chars.h"
#include "scanner/keywords.h"
#include "scanner/dates.h"
#include "scanner/owners.h"
#include "scanner/abbreviations.h"
#include "scanner/markers.h"
#include "scanner/prose.h"
#include "scanner/blanks.h"
#include "scanner/lines.h"
#include "scanner/inline.h"

/* ------------------------------------------------------------------ */
/* the scanner object                                                    */

void *tree_sitter_minutes_external_scanner_create(void) {
  Scanner *s = (Scanner *)calloc(1, sizeof(Scanner));
  if (s) {
    s->at_line_start = true;
    s->prev_blank = true;
  }
  return s;
}

void tree_sitter_minutes_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_minutes_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *s = (Scanner *)payload;
  buffer[0] = (char)((s->at_line_start ? 1 : 0) | (s->prev_blank ? 2 : 0) | (s->after_hashes ? 4 : 0));
  return 1;
}

void tree_sitter_minutes_external_scanner_deserialize(void *payload, const char *buffer,
                                                      unsigned length) {
  Scanner *s = (Scanner *)payload;
  s->at_line_start = length == 0 || (buffer[0] & 1) != 0;
  s->prev_blank = length == 0 || (buffer[0] & 2) != 0;
  s->after_hashes = length != 0 && (buffer[0] & 4) != 0;
}

bool tree_sitter_minutes_external_scanner_scan(void *payload, TSLexer *ts,
                                               const bool *valid) {
  Scanner *s = (Scanner *)payload;
  Lexer lexer = {ts, NULL};
  Lexer *lx = &lexer;
  if (valid[ERROR_SENTINEL]) {
    /* error recovery: take the rest of the line as prose */
    while (!at_eof(lx) && is_hspace(look(lx))) skip(lx);
    if (at_eof(lx)) return false;
    if (is_newline(look(lx))) return scan_line_end(lx, s, valid);
    consume_line_marking(lx);
    return emit(lx, s, TEXT);
  }
  if (s->at_line_start) return scan_line_start(s, lx, valid);
  return scan_inline(s, lx, valid);
}

