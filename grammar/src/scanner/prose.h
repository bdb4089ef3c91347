/*
 * Prose: one token per stretch of a line, up to the next inline construct.
 */

/* ------------------------------------------------------------------ */
/* prose                                                                 */

typedef struct {
  Buf buf;          /* what the token holds, from its start */
  bool reached_eol; /* the token runs to the end of the line */
  bool stopped;     /* the token stopped before an inline construct */
} TextScan;

typedef enum {
  TEXT_PLAIN, /* prose */
  TEXT_TASK,  /* the task of an action: stops before a due date, at ')' in a
                 marker, and after a sentence when the next names an owner */
} TextMode;

/* "by 30 April", "before 22 February", "due 2026-12-01", "due: 1/12/2026" */
static bool scan_due_keyword(Lexer *lx, bool mark) {
  bool kw = false;
  if (look(lx) == 'b') {
    adv(lx);
    if (look(lx) == 'y') {
      adv(lx);
      kw = is_hspace(look(lx));
    } else {
      kw = match_word_ci(lx, "efore") && is_hspace(look(lx));
    }
  } else if (look(lx) == 'd') {
    adv(lx);
    kw = match_word_ci(lx, "ue");
    if (kw && look(lx) == ':') adv(lx);
    kw = kw && is_hspace(look(lx));
  }
  if (!kw) return false;
  skip_hspace_count(lx);
  if (mark) mark_end(lx);
  int32_t d = look(lx);
  if (is_digit(d)) return scan_digit_date(lx, false);
  if (is_upper(d)) return scan_capital_word(lx, (const bool[ERROR_SENTINEL + 1]){[DATE] = true}, false) == CAP_DATE;
  return false;
}

/*
 * Consumes prose up to the end of the line or the start of an inline
 * construct (action marker, bracketed abbreviation, SHORT (Long Form),
 * date). The token must already hold at least one character (`ts->buf`).
 * Trailing white space is left out of the token.
 */
static void scan_prose(const Lexer *outer, const bool *valid, TextScan *ts,
                       TextMode mode, bool in_marker) {
  bool word_start = ts->buf.len > 0 && ts->buf.len == ts->buf.total &&
                    ts->buf.c[ts->buf.len - 1] == ' ';
  int depth = 0;
  /* what this token reads is recorded, for classify_whole_line */
  Lexer recorder = recording_lexer(outer, &ts->buf);
  Lexer *lx = &recorder;
  for (;;) {
    if (at_eof(lx) || look(lx) == '\n') {
      ts->reached_eol = true;
      return;
    }
    int32_t c = look(lx);
    if (is_hspace(c)) {
      while (!at_eof(lx) && is_hspace(look(lx))) adv(lx);
      if (at_eof(lx) || look(lx) == '\n') {
        ts->reached_eol = true;
        return;
      }
      word_start = true;
      continue;
    }
    if (in_marker) {
      if (c == '(') depth++;
      if (c == ')') {
        if (depth == 0) {
          ts->stopped = true;
      return;
        }
        depth--;
      }
    }
    if (word_start) {
      bool found = false, tried = false;
      if (mode == TEXT_TASK) {
        /* a task keeps its dates and brackets; only a due date ends it */
        if (valid[DUE_KEYWORD] && (c == 'b' || c == 'd')) {
          tried = true;
          found = scan_due_keyword(lx, false);
        }
      } else if (c == '(' && (valid[ACTION_OPEN] || valid[PAREN_OPEN])) {
        tried = true;
        found = scan_paren(lx, valid[ACTION_OPEN], valid[PAREN_OPEN], false, false) !=
                PAREN_NONE;
      } else if (valid[DATE] && is_digit(c)) {
        tried = true;
        found = scan_digit_date(lx, false);
      } else if ((valid[DATE] || valid[SHORT_FORM]) && is_upper(c)) {
        tried = true;
        CapKind k = scan_capital_word(lx, valid, false);
        found = k == CAP_DATE || k == CAP_SHORT_LONG;
      }
      if (found) {
        ts->stopped = true;
      return;
      }
      if (tried) {
        /* what the check read is prose */
        mark_end(lx);
        word_start = false;
        continue;
      }
    }
    if (mode == TEXT_TASK && c == '.' && !in_marker) {
      /* "Clerk to do X. Clerk to do Y.": end the task after the full stop
       * when the next sentence names its own owner */
      adv(lx);
      mark_end(lx);
      if (is_hspace(look(lx))) {
        skip_hspace_count(lx);
        if (is_upper(look(lx)) && scan_owner_phrase(lx, OWNER_IN_LINE, false)) {
          ts->stopped = true;
      return;
        }
        mark_end(lx);
      }
      word_start = true;
      continue;
    }
    adv(lx);
    mark_end(lx);
    word_start = c == '(' || c == '"' || c == 0x201C || c == 0x2018 || c == '[' ||
                 c == '/';
  }
}
