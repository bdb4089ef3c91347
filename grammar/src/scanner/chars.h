/*
 * Characters, the recording lexer and small lookahead helpers shared by
 * every part of the scanner.
 */

/* ------------------------------------------------------------------ */
/* character classes                                                    */

/* LF ends a line; the CR of CRLF (or a lone CR) is white space before it. */
static inline bool is_newline(int32_t c) { return c == '\n'; }

/* Horizontal white space as it appears in exported minutes. */
static inline bool is_hspace(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0xFEFF || c == '\f' ||
         c == '\v' || c == 0x3000 || c == 0x202F || c == 0x205F ||
         (c >= 0x2000 && c <= 0x200B);
}

static inline bool is_upper(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

static inline bool is_lower(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}

static inline bool is_alpha(int32_t c) { return is_upper(c) || is_lower(c); }
static inline bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static inline bool is_alnum(int32_t c) { return is_alpha(c) || is_digit(c); }
static inline bool is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019; }
static inline bool is_dash(int32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012;
}
static inline int32_t to_lower(int32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  return c;
}
static inline int32_t to_upper(int32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  return c;
}

/* ------------------------------------------------------------------ */
/* a small buffer of the code points read so far                        */

typedef struct {
  int32_t c[BUF_MAX];
  uint32_t len;   /* code points stored (capped) */
  uint32_t total; /* code points seen */
} Buf;

static inline void buf_push(Buf *b, int32_t c) {
  if (b->len < BUF_MAX) b->c[b->len++] = c;
  b->total++;
}

/* ------------------------------------------------------------------ */
/* the lexer                                                             */

/* tree-sitter's lexer, and where the characters it consumes are recorded.
 * While prose is lexed every character consumed is copied to `rec` (white
 * space as ' '), so that a finished line can be classified whole even
 * though checks for inline constructs consumed parts of it. The recording
 * lexer is a value made by the prose scanner (`recording_lexer`), so
 * nothing is shared between calls or threads. */
typedef struct {
  TSLexer *ts;
  Buf *rec; /* NULL: not recording */
} Lexer;

static inline Lexer recording_lexer(const Lexer *lx, Buf *rec) {
  Lexer r = {lx->ts, rec};
  return r;
}

static inline int32_t look(const Lexer *lx) { return lx->ts->lookahead; }
static inline bool at_eof(const Lexer *lx) { return lx->ts->eof(lx->ts); }
static inline void mark_end(Lexer *lx) { lx->ts->mark_end(lx->ts); }

static inline bool at_eol(Lexer *lx) {
  return at_eof(lx) || is_newline(look(lx));
}

static inline void adv_raw(Lexer *lx) { lx->ts->advance(lx->ts, false); }
static inline void skip(Lexer *lx) { lx->ts->advance(lx->ts, true); }

/* Consumes the lookahead into the token, recording it when asked. */
static inline void adv(Lexer *lx) {
  if (lx->rec && !at_eof(lx)) {
    int32_t c = look(lx);
    buf_push(lx->rec, is_hspace(c) ? ' ' : c);
  }
  adv_raw(lx);
}

/* Bullet glyphs, including those PDF text keeps as private-use symbols. */
static bool is_bullet(int32_t c) {
  switch (c) {
    case '*': case '-': case 0xB7: case 0x2022: case 0x25AA: case 0x25CF:
    case 0x25E6: case 0x2023: case 0x2219: case 0x2013: case 0x25A0:
    case 0x27A2: case 0x2043: case 0x25C6: case 0xF0B7: case 0xF0A7:
      return true;
    default:
      return false;
  }
}

static bool is_roman_char(int32_t c) {
  return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
}

/* case-insensitive comparison of the buffer's [from, from+len) with ASCII */
static bool buf_eq_ci(const Buf *b, uint32_t from, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  if (from + n > b->len) return false;
  for (uint32_t i = 0; i < n; i++) {
    if (to_lower(b->c[from + i]) != (int32_t)s[i]) return false;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* lookahead helpers: these advance the lexer; call them after mark_end */

/* Reads horizontal space; true when the line is blank (ends here). */
static bool rest_is_blank(Lexer *lx) {
  while (!at_eof(lx) && is_hspace(look(lx))) adv(lx);
  return at_eof(lx) || look(lx) == '\n';
}

/* What the line after a heading candidate is, read from its start: blank,
 * a Setext underline (three or more "-" or "=" alone, up to three spaces
 * before them), or anything else. Leaves the lexer at the line's end when
 * it is blank or an underline. */
enum NextLine { NEXT_OTHER, NEXT_BLANK, NEXT_UNDERLINE };

static enum NextLine next_line_shape(Lexer *lx) {
  for (int i = 0; i < 3 && look(lx) == ' '; i++) adv(lx);
  int32_t c = look(lx);
  if (c != '-' && c != '=') return rest_is_blank(lx) ? NEXT_BLANK : NEXT_OTHER;
  int n = 0;
  while (look(lx) == c) {
    adv(lx);
    n++;
  }
  return n >= 3 && rest_is_blank(lx) ? NEXT_UNDERLINE : NEXT_OTHER;
}

/* At a line start: is this line blank (or is input finished)? Leaves the
 * lexer after the newline when it is, or on the first non-space otherwise. */
static bool line_is_blank_consume(Lexer *lx) {
  if (!rest_is_blank(lx)) return false;
  if (!at_eof(lx)) adv(lx); /* the '\n' */
  return true;
}

static bool match_word_ci(Lexer *lx, const char *w) {
  for (const char *p = w; *p; p++) {
    if (to_lower(look(lx)) != (int32_t)*p) return false;
    adv(lx);
  }
  return true;
}

static bool at_word(Lexer *lx, const char *w) {
  /* matches the word (lower case) and requires a non-letter after it */
  if (!match_word_ci(lx, w)) return false;
  return !is_alpha(look(lx));
}

static int read_digits(Lexer *lx, int max) {
  int n = 0;
  while (is_digit(look(lx)) && n <= max) {
    adv(lx);
    n++;
  }
  return n;
}

static int skip_hspace_count(Lexer *lx) {
  int n = 0;
  while (!at_eof(lx) && is_hspace(look(lx))) {
    adv(lx);
    n++;
  }
  return n;
}

static void past_newline(Lexer *lx) {
  if (look(lx) == '\n') adv(lx);
}

/* Consumes the rest of the line, marking the end after its last
 * non-space character. */
static void consume_line_marking(Lexer *lx) {
  while (!at_eol(lx)) {
    bool space = is_hspace(look(lx));
    adv(lx);
    if (!space) mark_end(lx);
  }
}

/* ------------------------------------------------------------------ */
/* emitting a token                                                      */

static bool emit(Lexer *lx, Scanner *s, enum TokenType t) {
  lx->ts->result_symbol = t;
  s->at_line_start = false;
  s->after_hashes = false;
  return true;
}

static bool emit_line_end(Lexer *lx, Scanner *s, enum TokenType t, bool blank) {
  lx->ts->result_symbol = t;
  s->at_line_start = true;
  s->prev_blank = blank;
  s->after_hashes = false;
  return true;
}
