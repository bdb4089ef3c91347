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
 * State: two bits, `at_line_start` and `prev_blank`. Both are a function of
 * the previous token, so an unchanged region always re-lexes to the same
 * state and tree-sitter can reuse its subtrees after an edit.
 */
#include "tree_sitter/parser.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum TokenType {
  BLANK,
  PAGE_BREAK,
  LIST_GAP,
  RESOLUTION_GAP,
  ATTENDEE_GAP,
  LINE_END,
  ITEM_MARKER,
  ITEM_NUMBER,
  TITLE,
  HEADING_TEXT,
  PARAGRAPH_NUMBER,
  LIST_MARKER,
  RESOLVED_MARKER,
  RESOLUTION_MARKER,
  ACTION_KEYWORD,
  ATTENDANCE_LABEL,
  LABEL,
  SIGNATURE,
  MEETING_TITLE,
  FIELD_NAME,
  TEXT,
  DATE,
  ACTION_OPEN,
  ACTION_CLOSE,
  OWNER,
  OWNER_JOINER,
  OWNER_SEPARATOR,
  TASK,
  DUE_KEYWORD,
  PAREN_OPEN,
  PAREN_CLOSE,
  SHORT_FORM,
  LONG_FORM,
  PERSON,
  ROLE,
  ATTENDEE_SEPARATOR,
  ERROR_SENTINEL,
};

typedef struct {
  bool at_line_start;
  bool prev_blank;
} Scanner;

/* Not a token: classify_word_line's answer when the prose token must end
 * at the last mark, before a word that starts an inline construct. */
#define TEXT_ENDS_HERE ((enum TokenType)(ERROR_SENTINEL + 1))

/* Longest heading or label we consider; longer lines are prose. */
#define HEADING_MAX 90
#define BUF_MAX 192

/* ------------------------------------------------------------------ */
/* character classes                                                    */

static inline bool is_newline(int32_t c) { return c == '\n' || c == '\r'; }

/* Horizontal white space as it appears in exported minutes. */
static inline bool is_hspace(int32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0xFEFF || c == '\f' ||
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

static inline bool at_eol(TSLexer *lx) {
  return lx->eof(lx) || is_newline(lx->lookahead);
}

static inline void adv_raw(TSLexer *lx) { lx->advance(lx, false); }
static inline void skip(TSLexer *lx) { lx->advance(lx, true); }

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

/* While prose is lexed, every character consumed is copied here (white
 * space as ' '), so that a finished line can be classified whole even
 * though checks for inline constructs consumed parts of it. Thread-local:
 * parsers may run on several threads. */
static _Thread_local Buf *recording = NULL;

static inline void adv(TSLexer *lx) {
  if (recording && !lx->eof(lx)) {
    int32_t c = lx->lookahead;
    buf_push(recording, is_hspace(c) || c == '\r' ? ' ' : c);
  }
  adv_raw(lx);
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
static bool rest_is_blank(TSLexer *lx) {
  while (!lx->eof(lx) && is_hspace(lx->lookahead)) adv(lx);
  if (lx->eof(lx)) return true;
  if (lx->lookahead == '\r') {
    adv(lx);
    return lx->eof(lx) || lx->lookahead == '\n';
  }
  return lx->lookahead == '\n';
}

/* At a line start: is this line blank (or is input finished)? Leaves the
 * lexer after the newline when it is, or on the first non-space otherwise. */
static bool line_is_blank_consume(TSLexer *lx) {
  if (!rest_is_blank(lx)) return false;
  if (!lx->eof(lx)) adv(lx); /* the '\n' */
  return true;
}

static bool match_word_ci(TSLexer *lx, const char *w) {
  for (const char *p = w; *p; p++) {
    if (to_lower(lx->lookahead) != (int32_t)*p) return false;
    adv(lx);
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* dates                                                                 */

static const char *MONTHS[] = {"january", "february", "march",     "april",
                               "may",     "june",     "july",      "august",
                               "september", "october", "november", "december"};

/* Reads a month name (full, or three letters with an optional '.' or
 * "Sept") at the lexer. Returns true when one was read and the word ended. */
static bool read_month(TSLexer *lx) {
  char w[12];
  int n = 0;
  while (is_alpha(lx->lookahead) && n < 11) {
    w[n++] = (char)to_lower(lx->lookahead);
    adv(lx);
  }
  if (is_alpha(lx->lookahead) || n < 3) return false;
  w[n] = 0;
  for (int m = 0; m < 12; m++) {
    if (strcmp(w, MONTHS[m]) == 0) return true;
    if (n == 3 && strncmp(w, MONTHS[m], 3) == 0) {
      if (lx->lookahead == '.') adv(lx);
      return true;
    }
  }
  if (strcmp(w, "sept") == 0) {
    if (lx->lookahead == '.') adv(lx);
    return true;
  }
  return false;
}

static int read_digits(TSLexer *lx, int max) {
  int n = 0;
  while (is_digit(lx->lookahead) && n <= max) {
    adv(lx);
    n++;
  }
  return n;
}

static int skip_hspace_count(TSLexer *lx) {
  int n = 0;
  while (!lx->eof(lx) && is_hspace(lx->lookahead)) {
    adv(lx);
    n++;
  }
  return n;
}

/* A date starting with a digit: "30 April 2019", "1st December",
 * "2026-12-01", "1/12/2026". Marks the end of the date when found. */
static bool scan_digit_date(TSLexer *lx, bool mark) {
  int n = read_digits(lx, 4);
  if (n == 4 && lx->lookahead == '-') { /* ISO */
    adv(lx);
    if (read_digits(lx, 2) != 2 || lx->lookahead != '-') return false;
    adv(lx);
    if (read_digits(lx, 2) != 2 || is_alnum(lx->lookahead)) return false;
    if (mark) lx->mark_end(lx);
    return true;
  }
  if (n < 1 || n > 2) return false;
  if (lx->lookahead == '/' || lx->lookahead == '.') { /* 1/12/2026 */
    int32_t sep = lx->lookahead;
    adv(lx);
    int m = read_digits(lx, 2);
    if (m < 1 || m > 2 || lx->lookahead != sep) return false;
    adv(lx);
    int y = read_digits(lx, 4);
    if ((y != 2 && y != 4) || is_alnum(lx->lookahead)) return false;
    if (mark) lx->mark_end(lx);
    return true;
  }
  /* ordinal suffix */
  if (is_lower(lx->lookahead)) {
    int32_t a = to_lower(lx->lookahead);
    adv(lx);
    int32_t b = to_lower(lx->lookahead);
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
          (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
      return false;
    adv(lx);
  }
  if (skip_hspace_count(lx) == 0) return false;
  if (!read_month(lx)) return false;
  if (mark) lx->mark_end(lx);
  /* optional year, possibly after a comma */
  if (lx->lookahead == ',') adv(lx);
  if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 &&
      !is_alnum(lx->lookahead)) {
    if (mark) lx->mark_end(lx);
  }
  return true;
}

/* After a month name: " 2019", " 24, 2015", " 24th". Marks the end of
 * the date when asked. */
static bool scan_date_after_month(TSLexer *lx, bool mark) {
  if (skip_hspace_count(lx) == 0) return false;
  int n = read_digits(lx, 4);
  if (n == 4 && !is_alnum(lx->lookahead)) {
    if (mark) lx->mark_end(lx);
    return true;
  }
  if (n < 1 || n > 2) return false;
  if (is_alpha(lx->lookahead)) {
    /* 24th */
    adv(lx);
    if (!is_alpha(lx->lookahead)) return false;
    adv(lx);
  }
  if (is_alnum(lx->lookahead)) return false;
  if (mark) lx->mark_end(lx);
  if (lx->lookahead == ',') {
    adv(lx);
    if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 && !is_alnum(lx->lookahead) && mark)
      lx->mark_end(lx);
  }
  return true;
}

/* Is `w` (lower case, `n` letters) a month name or its abbreviation? */
static bool is_month_word(const char *w, int n) {
  if (n == 4 && strcmp(w, "sept") == 0) return true;
  for (int m = 0; m < 12; m++) {
    if (strcmp(w, MONTHS[m]) == 0) return true;
    if (n == 3 && strncmp(w, MONTHS[m], 3) == 0) return true;
  }
  return false;
}

/* ------------------------------------------------------------------ */
/* owners: "Ann James", "Head of HR", "DCS", "Clerk", "HR and NC"        */

typedef enum { OWNER_IN_LINE, OWNER_IN_MARKER } OwnerContext;

static bool is_owner_function_word(const char *w) {
  static const char *words[] = {"of", "for", "the", "de", "van", "von", "le", "la", NULL};
  for (int i = 0; words[i]; i++)
    if (strcmp(w, words[i]) == 0) return true;
  return false;
}

static bool at_word(TSLexer *lx, const char *w) {
  /* matches the word (lower case) and requires a non-letter after it */
  if (!match_word_ci(lx, w)) return false;
  return !is_alpha(lx->lookahead);
}

/*
 * Reads an owner phrase and tells whether it is one: capitalised words
 * (with "of", "for", "the" inside), several owners joined by ',', '&', '/'
 * or 'and', ended by a separator (" – ", ": ", " to <verb>"), by the end of
 * the marker or the line, or (in a marker) by a due date.
 *
 * With `mark_first`, the end of the first owner is marked, so the caller
 * can return it as the OWNER token.
 */
static bool scan_owner_phrase(TSLexer *lx, OwnerContext ctx, bool mark_first) {
  bool marking = mark_first;
  int words_in_owner = 0, words = 0, caps_words = 0;
  for (;;) {
    char w[8];
    int wn = 0, len = 0;
    int32_t first = lx->lookahead, last_char = 0;
    int letters_upper = 0, letters_lower = 0;
    while (!at_eol(lx) && !is_hspace(lx->lookahead) && lx->lookahead != ',' &&
           lx->lookahead != ';' && lx->lookahead != ':' && lx->lookahead != '/' &&
           lx->lookahead != '(' && lx->lookahead != ')') {
      /* "Action: Clerk." : the owner ends before a full stop */
      if (lx->lookahead == '.' && marking && len > 0) lx->mark_end(lx);
      last_char = lx->lookahead;
      if (is_upper(last_char)) letters_upper++;
      if (is_lower(last_char)) letters_lower++;
      if (wn < 7) w[wn++] = (char)(lx->lookahead < 128 ? to_lower(lx->lookahead) : '?');
      adv(lx);
      len++;
    }
    w[wn] = 0;
    if (len == 0) return false;
    if (!is_upper(first) && first != '&') {
      if (words_in_owner == 0 || !is_owner_function_word(w)) return false;
    }
    /* "ACTION:" starts another action; a run of capitals is a heading */
    if (words == 0 && (strcmp(w, "action") == 0 || strcmp(w, "actions") == 0)) return false;
    if (letters_upper >= 4 && letters_lower == 0 && ++caps_words >= 2) return false;
    words_in_owner++;
    if (++words > 10) return false;
    if (marking && !(len > 1 && last_char == '.')) lx->mark_end(lx);

    int spaces = skip_hspace_count(lx);
    int32_t c = lx->lookahead;
    if (at_eol(lx)) return ctx == OWNER_IN_LINE;
    if (c == ')') return ctx == OWNER_IN_MARKER;
    if (c == ':') {
      adv(lx);
      return is_hspace(lx->lookahead) || at_eol(lx);
    }
    if (is_dash(c) && spaces > 0) {
      adv(lx);
      return is_hspace(lx->lookahead);
    }
    if (c == ',' || c == ';' || c == '/' || c == '&') {
      adv(lx);
      skip_hspace_count(lx);
      if (ctx == OWNER_IN_MARKER &&
          (lx->lookahead == 'b' || lx->lookahead == 'd'))
        return true; /* ", by 30 April" */
      if (!is_upper(lx->lookahead)) return false;
      marking = false;
      words_in_owner = 0;
      continue;
    }
    if (spaces == 0) return false;
    if (c == 'a' || c == 't' || c == 'b') {
      if (c == 'b') {
        /* "(Action DCS by 1 May)" */
        return ctx == OWNER_IN_MARKER && at_word(lx, "by");
      }
      if (c == 't') {
        /* " to <verb>" */
        if (!at_word(lx, "to") || !is_hspace(lx->lookahead)) return false;
        skip_hspace_count(lx);
        return is_lower(lx->lookahead);
      }
      /* " and X" joins another owner */
      if (!at_word(lx, "and") || !is_hspace(lx->lookahead)) return false;
      skip_hspace_count(lx);
      if (!is_upper(lx->lookahead)) return false;
      marking = false;
      words_in_owner = 0;
      continue;
    }
    if (!is_alpha(c) && c != '&') return false;
  }
}

/* ------------------------------------------------------------------ */
/* abbreviations: "DCS", "DoE", "O&S", "PIs"                            */

/* After "SHORT (": is the bracket a long form whose capitalised words
 * spell the short form? "MASH (Multi Agency Safeguarding Hub)". */
static bool long_form_matches(TSLexer *lx, const int32_t *initials, int n) {
  int seen = 0, words = 0;
  while (!at_eol(lx) && lx->lookahead != ')') {
    while (is_hspace(lx->lookahead)) adv(lx);
    if (at_eol(lx) || lx->lookahead == ')') break;
    int32_t first = lx->lookahead;
    if (is_upper(first)) {
      if (seen >= n || initials[seen] != first) return false;
      seen++;
    } else if (!is_lower(first) && first != '&') {
      return false;
    }
    words++;
    while (!at_eol(lx) && !is_hspace(lx->lookahead) && lx->lookahead != ')') {
      if (is_digit(lx->lookahead)) return false;
      adv(lx);
    }
    if (words > 10) return false;
  }
  return lx->lookahead == ')' && seen == n && words >= 2;
}

typedef enum { CAP_NONE, CAP_DATE, CAP_SHORT_LONG, CAP_SHORT_CLOSE } CapKind;

/*
 * A word starting with a capital: a month that starts a date ("February
 * 2019", "March 24, 2015"), a short form followed by its long form in
 * brackets ("MASH (Multi Agency Safeguarding Hub)"), or a short form just
 * before ")". With `mark`, marks the end of the date or the short form.
 */
static CapKind scan_capital_word(TSLexer *lx, const bool *valid, bool mark) {
  int32_t initials[12];
  char low[12];
  int ni = 0, caps = 0, len = 0;
  while (is_alnum(lx->lookahead) || lx->lookahead == '&') {
    int32_t c = lx->lookahead;
    if (is_upper(c)) {
      caps++;
      if (ni < 12) initials[ni++] = c;
    }
    if (len < 11) low[len] = (char)(c < 128 ? to_lower(c) : '?');
    adv(lx);
    if (++len > 24) return CAP_NONE;
  }
  low[len < 11 ? len : 11] = 0;
  if (valid[DATE] && caps == 1 && is_month_word(low, len)) {
    if (len == 3 && lx->lookahead == '.') adv(lx);
    return scan_date_after_month(lx, mark) ? CAP_DATE : CAP_NONE;
  }
  if (!valid[SHORT_FORM] || caps < 2 || len < 2 || len > 10 || ni > 12) return CAP_NONE;
  if (is_apostrophe(lx->lookahead) || lx->lookahead == '-') return CAP_NONE;
  if (mark) lx->mark_end(lx);
  if (lx->lookahead == ')') return CAP_SHORT_CLOSE;
  if (!is_hspace(lx->lookahead)) return CAP_NONE;
  skip_hspace_count(lx);
  if (lx->lookahead != '(') return CAP_NONE;
  adv(lx);
  return long_form_matches(lx, initials, ni) ? CAP_SHORT_LONG : CAP_NONE;
}

/* ------------------------------------------------------------------ */
/* list markers                                                          */

static bool is_marker_word(const int32_t *w, int n) {
  /* "i", "iv", "a", "B", "12" */
  if (n == 0 || n > 4) return false;
  bool roman = true, digits = true;
  for (int i = 0; i < n; i++) {
    if (!is_roman_char(w[i])) roman = false;
    if (!is_digit(w[i])) digits = false;
  }
  if (digits) return n <= 3;
  if (roman) return true;
  return n == 1 && is_alpha(w[0]);
}

/*
 * Reads a list marker: a bullet glyph, "i)", "(ii)", "a)", "(b)", "1)",
 * "(1)", "A.", "iv.", then white space. Marks the end after the space.
 */
static bool scan_list_marker(TSLexer *lx, bool mark) {
  int32_t c = lx->lookahead;
  if (is_bullet(c)) {
    adv(lx);
    if (!is_hspace(lx->lookahead)) return false;
    skip_hspace_count(lx);
    if (at_eol(lx)) return false;
    if (mark) lx->mark_end(lx);
    return true;
  }
  bool open = false;
  if (c == '(') {
    open = true;
    adv(lx);
  }
  int32_t w[5];
  int n = 0;
  while (is_alnum(lx->lookahead) && n < 5) {
    w[n++] = lx->lookahead;
    adv(lx);
  }
  if (!is_marker_word(w, n)) return false;
  if (lx->lookahead == ')') {
    adv(lx);
  } else if (lx->lookahead == '.' && !open && !is_digit(w[0])) {
    adv(lx);
  } else {
    return false;
  }
  if (!is_hspace(lx->lookahead) && !at_eol(lx)) return false;
  skip_hspace_count(lx);
  if (mark) lx->mark_end(lx);
  return true;
}

/* ------------------------------------------------------------------ */
/* brackets: "(Action – …)", "(DCS)", "(ii)"                            */

typedef enum { PAREN_NONE, PAREN_ACTION, PAREN_SHORT, PAREN_LIST } ParenKind;

/*
 * At '(': decides which construct the bracket opens. With `mark`, marks
 * the end of the token that opens it: after "(Action – " for a marker,
 * after "(" for an abbreviation, after "(ii) " for a list marker.
 */
static ParenKind scan_paren(TSLexer *lx, bool action, bool short_form,
                            bool list, bool mark) {
  adv(lx); /* '(' */
  if (mark && short_form) lx->mark_end(lx);
  int32_t w[12];
  int n = 0, caps = 0, len = 0;
  char lower[8];
  while ((is_alnum(lx->lookahead) || lx->lookahead == '&') && len < 12) {
    int32_t c = lx->lookahead;
    if (n < 12) w[n++] = c;
    if (len < 7) lower[len] = (char)(c < 128 ? to_lower(c) : '?');
    if (is_upper(c)) caps++;
    adv(lx);
    len++;
  }
  lower[len < 7 ? len : 7] = 0;
  int32_t c = lx->lookahead;
  if (action && (strcmp(lower, "action") == 0 || strcmp(lower, "actions") == 0) &&
      (c == ')' || c == ':' || is_dash(c) || is_hspace(c))) {
    while (is_hspace(lx->lookahead)) adv(lx);
    if (lx->lookahead == ':' || is_dash(lx->lookahead)) adv(lx);
    while (is_hspace(lx->lookahead)) adv(lx);
    if (mark) lx->mark_end(lx);
    /* the marker must close on this line */
    int depth = 0;
    while (!at_eol(lx)) {
      if (lx->lookahead == '(') depth++;
      if (lx->lookahead == ')') {
        if (depth == 0) return PAREN_ACTION;
        depth--;
      }
      adv(lx);
    }
    return PAREN_NONE;
  }
  if (short_form && c == ')' && caps >= 2 && len >= 2 && len <= 10 && is_upper(w[0]))
    return PAREN_SHORT;
  if (list && c == ')' && is_marker_word(w, n)) {
    adv(lx);
    if (!is_hspace(lx->lookahead)) return PAREN_NONE;
    skip_hspace_count(lx);
    if (mark) lx->mark_end(lx);
    return PAREN_LIST;
  }
  return PAREN_NONE;
}

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
static bool scan_due_keyword(TSLexer *lx, bool mark) {
  bool kw = false;
  if (lx->lookahead == 'b') {
    adv(lx);
    if (lx->lookahead == 'y') {
      adv(lx);
      kw = is_hspace(lx->lookahead);
    } else {
      kw = match_word_ci(lx, "efore") && is_hspace(lx->lookahead);
    }
  } else if (lx->lookahead == 'd') {
    adv(lx);
    kw = match_word_ci(lx, "ue");
    if (kw && lx->lookahead == ':') adv(lx);
    kw = kw && is_hspace(lx->lookahead);
  }
  if (!kw) return false;
  skip_hspace_count(lx);
  if (mark) lx->mark_end(lx);
  int32_t d = lx->lookahead;
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
static void scan_prose(TSLexer *lx, const bool *valid, TextScan *ts,
                       TextMode mode, bool in_marker) {
  bool word_start = ts->buf.len > 0 && ts->buf.len == ts->buf.total &&
                    ts->buf.c[ts->buf.len - 1] == ' ';
  int depth = 0;
  recording = &ts->buf;
  for (;;) {
    if (lx->eof(lx) || lx->lookahead == '\n') {
      ts->reached_eol = true;
      recording = NULL;
      return;
    }
    int32_t c = lx->lookahead;
    if (c == '\r') {
      adv(lx);
      if (lx->eof(lx) || lx->lookahead == '\n') {
        ts->reached_eol = true;
        recording = NULL;
      return;
      }
      lx->mark_end(lx);
      word_start = true;
      continue;
    }
    if (is_hspace(c)) {
      while (!lx->eof(lx) && is_hspace(lx->lookahead)) adv(lx);
      if (lx->eof(lx) || lx->lookahead == '\n') {
        ts->reached_eol = true;
        recording = NULL;
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
          recording = NULL;
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
        recording = NULL;
      return;
      }
      if (tried) {
        /* what the check read is prose */
        lx->mark_end(lx);
        word_start = false;
        continue;
      }
    }
    if (mode == TEXT_TASK && c == '.' && !in_marker) {
      /* "Clerk to do X. Clerk to do Y.": end the task after the full stop
       * when the next sentence names its own owner */
      adv(lx);
      lx->mark_end(lx);
      if (is_hspace(lx->lookahead)) {
        skip_hspace_count(lx);
        if (is_upper(lx->lookahead) && scan_owner_phrase(lx, OWNER_IN_LINE, false)) {
          ts->stopped = true;
          recording = NULL;
      return;
        }
        lx->mark_end(lx);
      }
      word_start = true;
      continue;
    }
    adv(lx);
    lx->mark_end(lx);
    word_start = c == '(' || c == '"' || c == 0x201C || c == 0x2018 || c == '[' ||
                 c == '/';
  }
}

/* ------------------------------------------------------------------ */
/* what follows a blank run                                              */

/* The first characters of the next line (after its leading space), read
 * once: every decision about a blank run is made from this copy, since
 * looking ahead consumes. */
typedef struct {
  int32_t c[32];
  int n;
} Peek;

static void peek_line(TSLexer *lx, Peek *p) {
  skip_hspace_count(lx);
  p->n = 0;
  while (!at_eol(lx) && p->n < 32) {
    p->c[p->n++] = lx->lookahead;
    adv(lx);
  }
}

static bool peek_is_hspace(const Peek *p, int i) { return i >= p->n || is_hspace(p->c[i]); }

/* A list marker at the start of the peeked line: a bullet, "i)", "(b)",
 * "A.", "1)" followed by space. */
static bool peek_list_marker(const Peek *p) {
  if (p->n == 0) return false;
  if (is_bullet(p->c[0])) return p->n > 1 && is_hspace(p->c[1]);
  int i = 0;
  bool open = p->c[0] == '(';
  if (open) i++;
  int start = i;
  while (i < p->n && is_alnum(p->c[i]) && i - start < 5) i++;
  if (!is_marker_word(p->c + start, i - start) || i >= p->n) return false;
  if (p->c[i] == ')' || (p->c[i] == '.' && !open && !is_digit(p->c[start])))
    return peek_is_hspace(p, i + 1);
  return false;
}

static bool peek_word_ci(const Peek *p, const char *w) {
  int n = (int)strlen(w);
  if (p->n < n) return false;
  for (int i = 0; i < n; i++)
    if (to_lower(p->c[i]) != (int32_t)w[i]) return false;
  return n == p->n || !is_alpha(p->c[n]);
}

static bool peek_starts_lower(const Peek *p) {
  if (p->n == 0 || !is_lower(p->c[0])) return false;
  if (peek_list_marker(p)) return false;
  if (p->c[0] == 'o' && peek_is_hspace(p, 1)) return false; /* the bullet "o" */
  return true;
}

/* "That …", "RESOLVED, that", "BE IT FURTHER RESOLVED", or a marker */
static bool peek_resolution(const Peek *p) {
  if (peek_list_marker(p)) return true;
  if (p->n > 0 && p->c[0] == 'T' && peek_word_ci(p, "that")) return true;
  if (p->n > 8 && p->c[0] == 'R' && peek_word_ci(p, "resolved") && (p->c[8] == ',' || p->c[8] == ':'))
    return true;
  return p->n > 0 && p->c[0] == 'B' && peek_word_ci(p, "be it further resolved");
}

/* Is the line a row of an attendance list or table:
 * "Cllr Jo Bruce   JB   Chairperson", "Mark Wardle (MW) (Chair)\t-\tUHB"? */
static bool line_is_attendee_row(TSLexer *lx) {
  skip_hspace_count(lx);
  if (!is_upper(lx->lookahead)) return false;
  int len = 0, words = 1, gaps = 0;
  bool paren = false, comma = false, colon = false;
  int32_t last = 0, prev = 0;
  while (!at_eol(lx)) {
    int32_t c = lx->lookahead;
    if (c == '\t' || (is_hspace(c) && is_hspace(prev))) gaps++;
    if (c == ' ' && !is_hspace(prev)) words++;
    if (c == '(') paren = true;
    if (c == ',' || c == ';') comma = true;
    if (c == ':' && !is_digit(prev)) colon = true;
    if (!is_hspace(c)) last = c;
    prev = c;
    adv(lx);
    if (++len > 160) return false;
  }
  if (last == '.' || last == ':' || colon) return false;
  return gaps > 0 || paren || comma || words <= 4;
}

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
  buffer[0] = (char)((s->at_line_start ? 1 : 0) | (s->prev_blank ? 2 : 0));
  return 1;
}

void tree_sitter_minutes_external_scanner_deserialize(void *payload, const char *buffer,
                                                      unsigned length) {
  Scanner *s = (Scanner *)payload;
  s->at_line_start = length == 0 || (buffer[0] & 1) != 0;
  s->prev_blank = length == 0 || (buffer[0] & 2) != 0;
}

static bool emit(TSLexer *lx, Scanner *s, enum TokenType t) {
  lx->result_symbol = t;
  s->at_line_start = false;
  return true;
}

static bool emit_line_end(TSLexer *lx, Scanner *s, enum TokenType t, bool blank) {
  lx->result_symbol = t;
  s->at_line_start = true;
  s->prev_blank = blank;
  return true;
}

/* After a line end (marked): reads, without taking, the blank lines and
 * the start of the next content line. Whether the node that line ends (a
 * paragraph, a list item) goes on depends on them: a page break before a
 * lower-case line, a list gap before a marker. Reading them puts them in
 * the token's lookahead, so that an edit there makes tree-sitter lex this
 * line end again instead of reusing the node as it was. */
static void read_to_next_line(TSLexer *lx) {
  for (;;) {
    while (!lx->eof(lx) && is_hspace(lx->lookahead)) adv_raw(lx);
    if (lx->eof(lx)) return;
    if (lx->lookahead == '\r') {
      adv_raw(lx);
      if (lx->eof(lx)) return;
      if (lx->lookahead != '\n') break;
    }
    if (lx->lookahead != '\n') break;
    adv_raw(lx);
  }
  for (int i = 0; i < 32 && !at_eol(lx); i++) adv_raw(lx);
}

/* The end of a content line: LF, CRLF or the end of input. An attendance
 * list that goes on over the next lines ends its line with ATTENDEE_GAP. */
static bool scan_line_end(TSLexer *lx, Scanner *s, const bool *valid) {
  if (lx->eof(lx)) {
    lx->mark_end(lx);
    return emit_line_end(lx, s, LINE_END, false);
  }
  if (lx->lookahead == '\r') {
    adv(lx);
    if (!lx->eof(lx) && lx->lookahead != '\n') return false;
  }
  if (!lx->eof(lx)) adv(lx);
  lx->mark_end(lx);
  bool blank_lines = false;
  if (valid[ATTENDEE_GAP]) {
    /* the blank lines belong to this token either way: marked as they go */
    while (!lx->eof(lx) && line_is_blank_consume(lx)) {
      lx->mark_end(lx);
      blank_lines = true;
    }
    if (!lx->eof(lx) && line_is_attendee_row(lx))
      return emit_line_end(lx, s, ATTENDEE_GAP, false);
  }
  if (!valid[LINE_END]) return false;
  if (!valid[ATTENDEE_GAP]) read_to_next_line(lx);
  return emit_line_end(lx, s, LINE_END, blank_lines);
}

/* ------------------------------------------------------------------ */
/* whole lines of prose                                                  */

static uint32_t buf_words(const Buf *b) {
  uint32_t w = 0;
  for (uint32_t i = 0; i < b->len; i++)
    if (b->c[i] != ' ' && (i == 0 || b->c[i - 1] == ' ')) w++;
  return w;
}

static bool buf_is_signature(const Buf *b) {
  if (!(buf_eq_ci(b, 0, "chair") || buf_eq_ci(b, 0, "signed"))) return false;
  int fill = 0;
  for (uint32_t i = 0; i < b->len; i++) {
    int32_t c = b->c[i];
    if (c == '.' || c == '_' || c == 0x2026) fill++;
  }
  return fill >= 3;
}

static bool buf_all_caps(const Buf *b) {
  int upper = 0;
  for (uint32_t i = 0; i < b->len; i++) {
    if (is_lower(b->c[i])) return false;
    if (is_upper(b->c[i])) upper++;
  }
  return upper >= 3;
}

static bool buf_has_digit(const Buf *b) {
  for (uint32_t i = 0; i < b->len; i++)
    if (is_digit(b->c[i])) return true;
  return false;
}

static bool buf_ends_with_ci(const Buf *b, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  if (b->len < n) return false;
  return buf_eq_ci(b, b->len - n, s);
}

static bool buf_is_lone_councillor(const Buf *b) {
  if (!(buf_eq_ci(b, 0, "cllr ") || buf_eq_ci(b, 0, "councillor "))) return false;
  for (uint32_t i = 0; i < b->len; i++) {
    int32_t c = b->c[i];
    if (!(is_alpha(c) || c == ' ' || c == '.' || is_apostrophe(c) || c == '-')) return false;
  }
  return buf_words(b) <= 5;
}

/* After the end of a line: only blank lines until the end of input? */
static bool only_blank_lines_follow(TSLexer *lx) {
  for (int i = 0; i < 64; i++) {
    if (lx->eof(lx)) return true;
    if (!line_is_blank_consume(lx)) return false;
  }
  return false;
}

static void past_newline(TSLexer *lx) {
  if (lx->lookahead == '\r') adv(lx);
  if (lx->lookahead == '\n') adv(lx);
}

/* Decides what a line of prose read whole from its start is: a heading,
 * a label, a signature, the "Agenda item" marker, or text. The lexer sits
 * at the line's end; the token's end is marked. */
static enum TokenType classify_whole_line(TSLexer *lx, Scanner *s, const bool *valid,
                                          Buf *b) {
  while (b->len > 0 && b->c[b->len - 1] == ' ') b->len--;
  uint32_t len = b->len;
  if (b->total > BUF_MAX || len == 0) return TEXT;
  if (valid[ITEM_MARKER] && len == 11 && buf_eq_ci(b, 0, "agenda item")) return ITEM_MARKER;
  if (valid[LABEL] && len > 13 && buf_ends_with_ci(b, " agenda item") &&
      is_dash(b->c[len - 13]))
    return LABEL; /* page chrome: "Agendas, Meetings and Minutes - Agenda item" */
  if (valid[LABEL] && ((len == 8 && buf_eq_ci(b, 0, "minutes:")) ||
                       (len <= 21 && buf_eq_ci(b, 0, "supporting documents"))))
    return LABEL;
  if (valid[SIGNATURE] && buf_is_signature(b)) return SIGNATURE;
  if (valid[RESOLVED_MARKER] && len <= 10 &&
      (buf_eq_ci(b, 0, "decisions") || buf_eq_ci(b, 0, "decision")) &&
      (len == 8 || len == 9 || (len == 10 && b->c[9] == ':')))
    return RESOLVED_MARKER;
  past_newline(lx);
  if (valid[SIGNATURE] && buf_is_lone_councillor(b) && only_blank_lines_follow(lx))
    return SIGNATURE;
  if (valid[HEADING_TEXT] && s->prev_blank && len >= 2 && len <= 70 &&
      buf_words(b) <= 10 && is_alpha(b->c[0]) && !buf_has_digit(b)) {
    int32_t last = b->c[len - 1];
    bool punct = last == '.' || last == ',' || last == ';' || last == ':' ||
                 last == '?' || last == '!';
    if (!punct && (buf_all_caps(b) || rest_is_blank(lx))) return HEADING_TEXT;
  }
  return TEXT;
}

/* ------------------------------------------------------------------ */
/* keywords at the start of a line                                       */

static const char *ATTENDANCE[] = {
    "present", "members present", "councillors present", "apologies",
    "apologies for absence", "apologies received", "in attendance",
    "also present", "also in attendance", "officers", "officers present",
    "officers in attendance", "attendees", "attendance", "absent", "guests",
    "committee members present", "board members present", "directors present",
    "trustees present", "governors present", NULL};

static const char *FIELDS[] = {"meeting", "date", "time", "venue", "place",
                               "location", "chair", "chairman", "minute taker",
                               "clerk", "title", NULL};

static bool buf_is_one_of(const Buf *b, const char **list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == b->len && buf_eq_ci(b, 0, list[i])) return true;
  return false;
}

/* Reads one word of letters (apostrophes and inner hyphens allowed) into
 * `b`, and marks the end after it. */
static void read_word(TSLexer *lx, Buf *b) {
  while (is_alpha(lx->lookahead) || is_apostrophe(lx->lookahead) || lx->lookahead == '-') {
    buf_push(b, lx->lookahead);
    adv(lx);
  }
  lx->mark_end(lx);
}

/* Keywords of more than one word. Further words are read only while they
 * can still make one of these, so prose goes back to the inline lexer
 * (dates, abbreviations) as early as possible. */
static const char *PHRASES[] = {
    "members present", "councillors present", "apologies for absence",
    "apologies received", "in attendance", "also present", "also in attendance",
    "officers present", "officers in attendance", "committee members present",
    "board members present", "directors present", "trustees present",
    "governors present", "minute taker", "minutes of", "the meeting ended",
    "the meeting closed", "the meeting finished", "the meeting concluded",
    "meeting closed", "meeting ended", "adjourned at", "there being no other business",
    "be it further resolved", "agenda item", NULL};

static bool phrase_continues(const Buf *b) {
  for (int i = 0; PHRASES[i]; i++) {
    uint32_t n = (uint32_t)strlen(PHRASES[i]);
    if (n > b->len + 1 && PHRASES[i][b->len] == ' ') {
      bool same = true;
      for (uint32_t k = 0; k < b->len; k++) {
        if (to_lower(b->c[k]) != (int32_t)PHRASES[i][k]) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
  }
  return false;
}

static bool buf_is_phrase(const Buf *b) {
  for (int i = 0; PHRASES[i]; i++) {
    if (strlen(PHRASES[i]) == b->len && buf_eq_ci(b, 0, PHRASES[i])) return true;
  }
  return false;
}

/* Reads further words while they can still make a keyword phrase.
 * Returns false when it read a word that breaks the phrase and may start
 * an inline construct (an abbreviation, a month): the token must then end
 * before that word, which is not marked. */
static bool read_more_words(TSLexer *lx, Buf *b, int max) {
  for (int i = 0; i < max; i++) {
    if (lx->lookahead != ' ' || !phrase_continues(b)) return true;
    adv(lx);
    if (!is_alpha(lx->lookahead)) {
      buf_push(b, ' ');
      return true;
    }
    buf_push(b, ' ');
    uint32_t start = b->len;
    int caps = 0;
    char low[12];
    int n = 0;
    while (is_alpha(lx->lookahead) || is_apostrophe(lx->lookahead) || lx->lookahead == '-') {
      if (is_upper(lx->lookahead)) caps++;
      if (n < 11) low[n++] = (char)to_lower(lx->lookahead);
      buf_push(b, lx->lookahead);
      adv(lx);
    }
    low[n] = 0;
    Buf head = *b;
    if (!phrase_continues(&head) && !buf_is_phrase(&head) &&
        (caps >= 2 || is_month_word(low, n))) {
      b->len = start > 0 ? start - 1 : 0;
      b->total = b->len;
      return false;
    }
    lx->mark_end(lx);
  }
  return true;
}

/* A colon (or, when allowed, a dash) after a keyword, then space. Marks
 * the end after the space. */
static bool keyword_colon(TSLexer *lx, bool dash_ok) {
  while (lx->lookahead == ' ' || lx->lookahead == 0xA0) adv(lx);
  int32_t c = lx->lookahead;
  if (!(c == ':' || (dash_ok && is_dash(c)))) return false;
  adv(lx);
  if (!is_hspace(lx->lookahead) && !at_eol(lx)) return false;
  skip_hspace_count(lx);
  lx->mark_end(lx);
  return true;
}

static void consume_line_marking(TSLexer *lx) {
  while (!at_eol(lx)) {
    bool space = is_hspace(lx->lookahead);
    adv(lx);
    if (!space) lx->mark_end(lx);
  }
}

/* After a decision keyword: ':' / ',' / '–' / "that" / end of line.
 * Marks after the punctuation and space. Returns RESOLVED_MARKER, LABEL
 * for "Resolved: (For information only)", or TEXT. */
static enum TokenType finish_resolved(TSLexer *lx, const bool *valid, bool strong) {
  int32_t c = lx->lookahead;
  bool punct = c == ':' || c == ',' || is_dash(c);
  if (!strong && !punct) {
    /* "Agreed that", "AGREED that"; a bare "Agreed by all" is prose */
    if (!is_hspace(c)) return TEXT;
    skip_hspace_count(lx);
    if (!(lx->lookahead == 't' || lx->lookahead == 'T')) return TEXT;
    lx->mark_end(lx);
    if (!at_word(lx, "that")) return TEXT;
    return RESOLVED_MARKER;
  }
  while (!at_eol(lx) && (is_hspace(lx->lookahead) || lx->lookahead == ':' ||
                         lx->lookahead == ',' || is_dash(lx->lookahead)))
    adv(lx);
  lx->mark_end(lx);
  if (lx->lookahead == '(') {
    adv(lx);
    if (match_word_ci(lx, "for information")) {
      if (!valid[LABEL]) return TEXT;
      consume_line_marking(lx);
      return LABEL;
    }
  }
  return RESOLVED_MARKER;
}

/* Words that open keyword lines, never abbreviations being defined. */
static bool is_keyword_word(const Buf *b) {
  static const char *words[] = {"resolved", "agreed", "decision", "decisions", "recommended",
                                "approved", "action", "actions", "now", "be", "minutes",
                                "present", "apologies", "attendees", "attendance", "absent",
                                "item", "minute", "agenda", "date", "venue", NULL};
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == b->len && buf_eq_ci(b, 0, words[i])) return true;
  return false;
}

/* The line starts with a letter. Reads its first words and decides:
 * keyword lines, list markers, or prose (TEXT: go on lexing prose). */
static enum TokenType classify_word_line(TSLexer *lx, Scanner *s, const bool *valid,
                                         Buf *b) {
  (void)s;
  read_word(lx, b);
  int32_t c = lx->lookahead;
  bool list_ok = valid[LIST_MARKER] || valid[RESOLUTION_MARKER];
  enum TokenType list_type = valid[RESOLUTION_MARKER] ? RESOLUTION_MARKER : LIST_MARKER;

  /* "i)", "a)", "A.", "iv." and the bullet "o" */
  if (list_ok && b->len <= 4 && (c == ')' || c == '.') && is_marker_word(b->c, (int)b->len)) {
    adv(lx);
    if (is_hspace(lx->lookahead)) {
      skip_hspace_count(lx);
      lx->mark_end(lx);
      return list_type;
    }
    return TEXT;
  }
  if (list_ok && b->len == 1 && b->c[0] == 'o' && is_hspace(c)) {
    skip_hspace_count(lx);
    if (is_alpha(lx->lookahead)) {
      lx->mark_end(lx);
      return list_type;
    }
    return TEXT;
  }

  bool caps = b->len >= 2 && is_upper(b->c[0]) && is_upper(b->c[1]);

  /* "MASH (Multi Agency Safeguarding Hub)" at the start of a line */
  if (caps && valid[SHORT_FORM] && b->len <= 10 && is_hspace(c) && !is_keyword_word(b)) {
    int32_t initials[12];
    int n = 0;
    for (uint32_t i = 0; i < b->len && n < 12; i++)
      if (is_upper(b->c[i])) initials[n++] = b->c[i];
    skip_hspace_count(lx);
    if (lx->lookahead == '(') {
      adv(lx);
      if (long_form_matches(lx, initials, n)) return SHORT_FORM;
    }
    return TEXT_ENDS_HERE;
  }

  /* resolutions inside a RESOLVED block: "RESOLVED, that", "BE IT FURTHER RESOLVED" */
  if (valid[RESOLUTION_MARKER] && b->len == 8 && buf_eq_ci(b, 0, "resolved") &&
      (c == ',' || c == ':')) {
    adv(lx);
    skip_hspace_count(lx);
    lx->mark_end(lx);
    return RESOLUTION_MARKER;
  }
  if (valid[RESOLUTION_MARKER] && b->len == 2 && buf_eq_ci(b, 0, "be") && caps) {
    if (!read_more_words(lx, b, 3)) return TEXT_ENDS_HERE;
    if (buf_eq_ci(b, 0, "be it further resolved") && b->len == 22) {
      if (lx->lookahead == ',') adv(lx);
      skip_hspace_count(lx);
      lx->mark_end(lx);
      return RESOLUTION_MARKER;
    }
    return TEXT;
  }

  /* decisions */
  if (valid[RESOLVED_MARKER]) {
    if (b->len == 8 && buf_eq_ci(b, 0, "resolved")) {
      /* the marker is the word, plus its punctuation; "that" belongs to
       * the resolution. "RESOLVED TO RECOMMEND:" is one marker. */
      skip_hspace_count(lx);
      int32_t d = lx->lookahead;
      if (d == 't' || d == 'T') {
        char w[4];
        int n = 0;
        while (is_alpha(lx->lookahead) && n < 3) {
          w[n++] = (char)to_lower(lx->lookahead);
          adv(lx);
        }
        w[n] = 0;
        if (strcmp(w, "to") == 0 && !is_alpha(lx->lookahead)) {
          skip_hspace_count(lx);
          if (match_word_ci(lx, "recommend") && !is_alpha(lx->lookahead)) {
            lx->mark_end(lx);
            return finish_resolved(lx, valid, true);
          }
        }
        return RESOLVED_MARKER;
      }
      if (d == '(') {
        adv(lx);
        if (match_word_ci(lx, "for information") && valid[LABEL]) {
          consume_line_marking(lx);
          return LABEL;
        }
        return RESOLVED_MARKER;
      }
      return finish_resolved(lx, valid, true);
    }
    if ((b->len == 6 && buf_eq_ci(b, 0, "agreed")) ||
        (b->len == 8 && buf_eq_ci(b, 0, "decision")) ||
        (b->len == 9 && buf_eq_ci(b, 0, "decisions")) ||
        (b->len == 8 && buf_eq_ci(b, 0, "approved")) ||
        (b->len == 11 && buf_eq_ci(b, 0, "recommended"))) {
      bool strong = caps ? (c == ':' || c == ',' || is_dash(c) || at_eol(lx))
                         : (c == ':');
      if (strong || (c == ' ' && (buf_eq_ci(b, 0, "agreed")))) {
        enum TokenType t = finish_resolved(lx, valid, strong);
        if (t != TEXT) return t;
      }
      return TEXT;
    }
    if ((b->len == 3 && buf_eq_ci(b, 0, "now") && caps) ||
        (b->len == 2 && buf_eq_ci(b, 0, "be") && caps)) {
      /* "NOW, THEREFORE, BE IT RESOLVED, that" */
      if (b->len == 3) {
        if (c != ',') return TEXT;
        adv(lx);
        skip_hspace_count(lx);
        if (!match_word_ci(lx, "therefore")) return TEXT;
        if (lx->lookahead == ',') adv(lx);
        skip_hspace_count(lx);
        if (!match_word_ci(lx, "be")) return TEXT;
      }
      skip_hspace_count(lx);
      if (!match_word_ci(lx, "it")) return TEXT;
      skip_hspace_count(lx);
      if (!at_word(lx, "resolved")) return TEXT;
      return finish_resolved(lx, valid, true);
    }
  }

  /* "ACTION:", "Actions:", "Action –", "Action by:" */
  if (valid[ACTION_KEYWORD] &&
      ((b->len == 6 && buf_eq_ci(b, 0, "action")) ||
       (b->len == 7 && buf_eq_ci(b, 0, "actions")))) {
    if (c == ' ') {
      adv(lx);
      if (lx->lookahead == 'b' || lx->lookahead == 'B') {
        adv(lx);
        if (lx->lookahead != 'y' && lx->lookahead != 'Y') return TEXT;
        adv(lx);
      }
    }
    if (keyword_colon(lx, true)) return ACTION_KEYWORD;
    return TEXT;
  }

  /* multi-word keywords */
  if (!read_more_words(lx, b, 4)) return TEXT_ENDS_HERE;
  Buf head = *b;
  while (head.len > 0 && head.c[head.len - 1] == ' ') head.len--;
  c = lx->lookahead;

  if (valid[ATTENDANCE_LABEL] || valid[FIELD_NAME]) {
    /* the keyword is the whole of the words read, then ':' */
    for (uint32_t cut = head.len; cut > 0; cut--) {
      if (cut != head.len && head.c[cut] != ' ') continue;
      Buf k = head;
      k.len = cut;
      bool att = valid[ATTENDANCE_LABEL] && buf_is_one_of(&k, ATTENDANCE);
      bool fld = valid[FIELD_NAME] && buf_is_one_of(&k, FIELDS);
      if ((att || fld) && cut == head.len) {
        if (keyword_colon(lx, false)) return att ? ATTENDANCE_LABEL : FIELD_NAME;
      }
    }
  }

  if (valid[MEETING_TITLE] && head.len >= 10 && buf_eq_ci(&head, 0, "minutes of")) {
    consume_line_marking(lx);
    return MEETING_TITLE;
  }

  if (valid[LABEL] &&
      (buf_eq_ci(&head, 0, "the meeting ended") || buf_eq_ci(&head, 0, "the meeting closed") ||
       buf_eq_ci(&head, 0, "the meeting finished") ||
       buf_eq_ci(&head, 0, "the meeting concluded") ||
       buf_eq_ci(&head, 0, "meeting closed") || buf_eq_ci(&head, 0, "meeting ended") ||
       buf_eq_ci(&head, 0, "adjourned at") ||
       buf_eq_ci(&head, 0, "there being no other business"))) {
    consume_line_marking(lx);
    return LABEL;
  }

  /* "Item 4: Title", "Minute 26/19 – Title" */
  if (valid[ITEM_NUMBER] && (head.len == 4 || head.len == 6) &&
      (buf_eq_ci(&head, 0, "item") || buf_eq_ci(&head, 0, "minute")) && (is_hspace(c) || is_digit(c)) &&
      (skip_hspace_count(lx), is_digit(lx->lookahead))) {
    read_digits(lx, 4);
    if (lx->lookahead == '/' || lx->lookahead == '.') {
      adv(lx);
      read_digits(lx, 4);
    }
    while (lx->lookahead == ':' || lx->lookahead == '.' || is_hspace(lx->lookahead) ||
           is_dash(lx->lookahead))
      adv(lx);
    lx->mark_end(lx);
    if (!at_eol(lx)) return ITEM_NUMBER;
  }
  return TEXT;
}

/* ------------------------------------------------------------------ */
/* numbered lines                                                        */

static bool next_line_continues_sentence(TSLexer *lx) {
  past_newline(lx);
  if (lx->eof(lx)) return false;
  skip_hspace_count(lx);
  return is_lower(lx->lookahead);
}

/* A line that starts with a digit: "1. Title", "26.1 text", "1/16 Title",
 * "2 MATTERS ARISING", "1) text", "30 April 2019". Returns the token type,
 * or TEXT when the line is prose (whatever was read is marked as prose). */
static enum TokenType scan_numbered_line(TSLexer *lx, const bool *valid) {
  int n = read_digits(lx, 6);
  lx->mark_end(lx);
  int32_t c = lx->lookahead;

  if (c == '.') {
    adv(lx);
    /* "26.1", "1.2.3" */
    if (is_digit(lx->lookahead)) {
      while (is_digit(lx->lookahead) || (lx->lookahead == '.')) adv(lx);
      lx->mark_end(lx);
      if (!is_hspace(lx->lookahead) || !valid[PARAGRAPH_NUMBER]) return TEXT;
      skip_hspace_count(lx);
      lx->mark_end(lx);
      return PARAGRAPH_NUMBER;
    }
    lx->mark_end(lx);
    if (!is_hspace(lx->lookahead) || n > 3) return TEXT;
    skip_hspace_count(lx);
    lx->mark_end(lx);
    if (at_eol(lx)) return TEXT;
    /* a heading, or a numbered paragraph: read the rest of the line */
    bool first_word = true, caps_word = true, second_caps = false;
    int first_upper = 0, len = 0, word_no = 0;
    bool starts_upper = is_upper(lx->lookahead) || is_digit(lx->lookahead);
    int32_t last = 0;
    bool in_word = false;
    int cur_upper = 0;
    bool cur_lower = false;
    while (!at_eol(lx)) {
      int32_t d = lx->lookahead;
      if (is_hspace(d)) {
        if (in_word) {
          if (word_no == 1 && !cur_lower && cur_upper >= 2) second_caps = true;
          word_no++;
        }
        in_word = false;
        first_word = false;
      } else {
        if (!in_word) {
          cur_upper = 0;
          cur_lower = false;
        }
        in_word = true;
        if (is_upper(d)) cur_upper++;
        if (is_lower(d)) cur_lower = true;
        if (first_word) {
          if (is_lower(d) || is_digit(d)) caps_word = false;
          if (is_upper(d)) first_upper++;
        }
        last = d;
      }
      adv(lx);
      len++;
    }
    if (in_word && word_no == 1 && !cur_lower && cur_upper >= 2) second_caps = true;
    /* "PUBLIC FORUM The streetlamp…", "CPRE Housing…", "MOLES Cllr…" */
    bool caps_title = caps_word && first_upper >= 2 && (first_upper >= 4 || second_caps);
    bool heading = caps_title;
    if (!heading && starts_upper && len <= HEADING_MAX && last != '.' && last != ',' &&
        last != ';')
      heading = !next_line_continues_sentence(lx);
    if (heading && valid[ITEM_NUMBER]) return ITEM_NUMBER;
    if (valid[PARAGRAPH_NUMBER]) return PARAGRAPH_NUMBER;
    return TEXT;
  }

  /* "1/16", "124/17": minute numbers open items */
  if (c == '/' && n <= 3) {
    adv(lx);
    int m = read_digits(lx, 4);
    lx->mark_end(lx);
    if (m < 1 || m > 2 || !is_hspace(lx->lookahead)) return TEXT;
    skip_hspace_count(lx);
    lx->mark_end(lx);
    if (valid[ITEM_NUMBER] && !at_eol(lx)) return ITEM_NUMBER;
    return TEXT;
  }

  /* "1)" */
  if (c == ')' && n <= 3) {
    adv(lx);
    lx->mark_end(lx);
    if (!is_hspace(lx->lookahead)) return TEXT;
    skip_hspace_count(lx);
    lx->mark_end(lx);
    if (valid[RESOLUTION_MARKER]) return RESOLUTION_MARKER;
    if (valid[LIST_MARKER]) return LIST_MARKER;
    return TEXT;
  }

  /* "2 MATTERS ARISING", or a date: "30 April 2019" */
  if (is_hspace(c) && n <= 2) {
    skip_hspace_count(lx);
    lx->mark_end(lx);
    int upper = 0, lower = 0;
    char w[12];
    int wn = 0;
    while (is_alpha(lx->lookahead)) {
      if (is_upper(lx->lookahead)) upper++;
      else lower++;
      if (wn < 11) w[wn++] = (char)to_lower(lx->lookahead);
      adv(lx);
    }
    w[wn] = 0;
    if (upper >= 2 && lower == 0 && valid[ITEM_NUMBER] && !is_digit(lx->lookahead))
      return ITEM_NUMBER;
    bool month = false;
    for (int m = 0; m < 12 && wn >= 3; m++) {
      if (strcmp(w, MONTHS[m]) == 0 || (wn == 3 && strncmp(w, MONTHS[m], 3) == 0))
        month = true;
    }
    lx->mark_end(lx);
    if (month && valid[DATE]) {
      if (lx->lookahead == ',') adv(lx);
      if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 && !is_alnum(lx->lookahead))
        lx->mark_end(lx);
      return DATE;
    }
    return TEXT;
  }
  return TEXT;
}

/* ------------------------------------------------------------------ */
/* the first token of a line                                             */

static bool finish_prose(TSLexer *lx, Scanner *s, const bool *valid, TextScan *ts,
                         bool whole_line_candidate) {
  scan_prose(lx, valid, ts, TEXT_PLAIN, false);
  if (whole_line_candidate && ts->reached_eol && !ts->stopped) {
    enum TokenType t = classify_whole_line(lx, s, valid, &ts->buf);
    if (t != TEXT) return emit(lx, s, t);
  }
  if (!valid[TEXT]) return false;
  return emit(lx, s, TEXT);
}

static bool scan_attendance(Scanner *s, TSLexer *lx, const bool *valid, bool column_gap);

static bool scan_line_start(Scanner *s, TSLexer *lx, const bool *valid) {
  /* leading space is padding; one plain space may be a lost bullet */
  int spaces = 0, other_space = 0;
  while (!lx->eof(lx) && is_hspace(lx->lookahead)) {
    if (lx->lookahead == ' ') spaces++;
    else other_space++;
    skip(lx);
  }
  if (lx->eof(lx)) return false;

  /* a run of blank lines */
  if (is_newline(lx->lookahead)) {
    if (lx->lookahead == '\r') {
      adv(lx);
      if (!lx->eof(lx) && lx->lookahead != '\n') {
        /* a lone carriage return: prose */
        lx->mark_end(lx);
        TextScan ts = {0};
        buf_push(&ts.buf, '\r');
        return finish_prose(lx, s, valid, &ts, false);
      }
    }
    if (!lx->eof(lx)) adv(lx);
    lx->mark_end(lx);
    while (!lx->eof(lx) && line_is_blank_consume(lx)) lx->mark_end(lx);
    if (!lx->eof(lx) && (valid[PAGE_BREAK] || valid[RESOLUTION_GAP] || valid[LIST_GAP])) {
      Peek next;
      peek_line(lx, &next);
      if (valid[PAGE_BREAK] && peek_starts_lower(&next))
        return emit_line_end(lx, s, PAGE_BREAK, false);
      if (valid[RESOLUTION_GAP] && peek_resolution(&next))
        return emit_line_end(lx, s, RESOLUTION_GAP, true);
      if (valid[LIST_GAP] && peek_list_marker(&next))
        return emit_line_end(lx, s, LIST_GAP, true);
    }
    if (!valid[BLANK]) return false;
    return emit_line_end(lx, s, BLANK, true);
  }

  if (valid[PERSON]) return scan_attendance(s, lx, valid, false);

  int32_t c = lx->lookahead;

  /* the title line after "Agenda item" */
  if (valid[TITLE]) {
    consume_line_marking(lx);
    return emit(lx, s, TITLE);
  }

  bool list_ok = valid[LIST_MARKER] || valid[RESOLUTION_MARKER];
  enum TokenType list_type = valid[RESOLUTION_MARKER] ? RESOLUTION_MARKER : LIST_MARKER;

  if (c == '(') {
    ParenKind k = scan_paren(lx, valid[ACTION_OPEN], valid[PAREN_OPEN], list_ok, true);
    if (k == PAREN_ACTION) return emit(lx, s, ACTION_OPEN);
    if (k == PAREN_SHORT) return emit(lx, s, PAREN_OPEN);
    if (k == PAREN_LIST) return emit(lx, s, list_type);
    lx->mark_end(lx);
    TextScan ts = {0};
    buf_push(&ts.buf, '(');
    return finish_prose(lx, s, valid, &ts, false);
  }

  if (is_digit(c)) {
    enum TokenType t = scan_numbered_line(lx, valid);
    if (t != TEXT) return emit(lx, s, t);
    TextScan ts = {0};
    buf_push(&ts.buf, c);
    return finish_prose(lx, s, valid, &ts, false);
  }

  if (c == '#' && valid[ITEM_NUMBER]) {
    int hashes = 0;
    while (lx->lookahead == '#' && hashes < 7) {
      adv(lx);
      hashes++;
    }
    lx->mark_end(lx);
    if (hashes <= 6 && is_hspace(lx->lookahead)) {
      skip_hspace_count(lx);
      /* "## 5. Title" */
      while (is_digit(lx->lookahead)) adv(lx);
      if (lx->lookahead == '.') adv(lx);
      skip_hspace_count(lx);
      lx->mark_end(lx);
      if (!at_eol(lx)) return emit(lx, s, ITEM_NUMBER);
    }
    TextScan ts = {0};
    buf_push(&ts.buf, '#');
    return finish_prose(lx, s, valid, &ts, false);
  }

  if (is_bullet(c) && list_ok) {
    if (scan_list_marker(lx, true)) return emit(lx, s, list_type);
    lx->mark_end(lx);
    TextScan ts = {0};
    buf_push(&ts.buf, c);
    return finish_prose(lx, s, valid, &ts, false);
  }

  /* a PDF that lost the bullet glyph keeps the single space before it */
  if (valid[LIST_MARKER] && spaces == 1 && other_space == 0 && is_upper(c)) {
    return emit(lx, s, LIST_MARKER);
  }

  if (is_alpha(c)) {
    TextScan ts = {0};
    enum TokenType t = classify_word_line(lx, s, valid, &ts.buf);
    if (t == TEXT_ENDS_HERE) return valid[TEXT] && emit(lx, s, TEXT);
    if (t != TEXT) return emit(lx, s, t);
    return finish_prose(lx, s, valid, &ts, true);
  }

  /* anything else starts prose */
  if (!valid[TEXT]) return false;
  adv(lx);
  lx->mark_end(lx);
  TextScan ts = {0};
  buf_push(&ts.buf, c);
  return finish_prose(lx, s, valid, &ts, false);
}

/* ------------------------------------------------------------------ */
/* tokens inside a line                                                  */

static bool scan_title(TSLexer *lx, Scanner *s) {
  /* "PUBLIC FORUM The streetlamp…": a run of capitals, then a run-in
   * paragraph; a title in mixed case runs to the end of the line */
  bool caps_run = false;
  int words = 0;
  for (;;) {
    int upper = 0, letters = 0;
    bool lower = false;
    while (!at_eol(lx) && !is_hspace(lx->lookahead)) {
      int32_t d = lx->lookahead;
      if (is_upper(d)) upper++, letters++;
      else if (is_lower(d)) lower = true, letters++;
      adv(lx);
    }
    bool caps_word = !lower && (upper >= 2 || letters == 0 || (upper == 1 && words > 0));
    if (words == 0) caps_run = caps_word && upper >= 2;
    if (!caps_run) break;
    if (!caps_word) return emit(lx, s, TITLE);
    lx->mark_end(lx);
    words++;
    skip_hspace_count(lx);
    if (at_eol(lx)) return emit(lx, s, TITLE);
  }
  lx->mark_end(lx);
  consume_line_marking(lx);
  return emit(lx, s, TITLE);
}

/* Attendance: names, roles in brackets or table columns, separators. */
static bool scan_attendance(Scanner *s, TSLexer *lx, const bool *valid, bool column_gap) {
  int32_t c = lx->lookahead;
  if (c == '(' && valid[PAREN_OPEN]) {
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, PAREN_OPEN);
  }
  if (c == ')' && valid[PAREN_CLOSE]) {
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, PAREN_CLOSE);
  }
  if (valid[ROLE] && !valid[LINE_END] && !valid[ATTENDEE_SEPARATOR]) {
    /* the role inside "(…)" */
    int n = 0;
    while (!at_eol(lx) && lx->lookahead != ')') {
      bool space = is_hspace(lx->lookahead);
      adv(lx);
      n++;
      if (!space) lx->mark_end(lx);
    }
    return n > 0 && emit(lx, s, ROLE);
  }
  if (valid[ATTENDEE_SEPARATOR] && (c == ',' || c == ';')) {
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, ATTENDEE_SEPARATOR);
  }
  if (valid[ATTENDEE_SEPARATOR] && (c == '&' || c == 'a')) {
    bool sep = c == '&' ? (adv(lx), true) : at_word(lx, "and");
    if (sep && is_hspace(lx->lookahead)) {
      lx->mark_end(lx);
      return emit(lx, s, ATTENDEE_SEPARATOR);
    }
    return false;
  }
  if (valid[ROLE] && (is_dash(c) || c == '|')) {
    /* a column after "-" */
    while (!at_eol(lx) && (is_hspace(lx->lookahead) || is_dash(lx->lookahead) ||
                           lx->lookahead == '|'))
      skip(lx);
    c = lx->lookahead;
    if (at_eol(lx)) return false;
    column_gap = true;
  }
  bool role = valid[ROLE] && (column_gap || !valid[PERSON]);
  if (valid[PERSON] || role) {
    /* a name (or a column) runs to a bracket, a separator or a column gap */
    int n = 0;
    while (!at_eol(lx)) {
      int32_t d = lx->lookahead;
      if (d == '(' || d == ',' || d == ';' || d == '\t' || d == ')') break;
      if (is_hspace(d)) {
        adv(lx);
        if (is_hspace(lx->lookahead) || d != ' ' || is_dash(lx->lookahead)) break;
        if (!role && (lx->lookahead == 'a' || lx->lookahead == '&')) {
          /* " and " ends a name */
          if (lx->lookahead == '&' || (at_word(lx, "and") && is_hspace(lx->lookahead))) break;
        }
        continue;
      }
      adv(lx);
      n++;
      lx->mark_end(lx);
    }
    return n > 0 && emit(lx, s, role ? ROLE : PERSON);
  }
  return false;
}

/* Actions: owners, separators, tasks, due dates. Returns false when the
 * character at the lexer opens nothing of an action. */
static bool scan_action_part(Scanner *s, TSLexer *lx, const bool *valid) {
  bool in_marker = valid[ACTION_CLOSE];
  OwnerContext ctx = in_marker ? OWNER_IN_MARKER : OWNER_IN_LINE;
  int32_t c = lx->lookahead;
  if (c == ')' && in_marker) {
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, ACTION_CLOSE);
  }
  if (c == ',' || c == ';' || c == '/' || c == '&') {
    adv(lx);
    lx->mark_end(lx);
    skip_hspace_count(lx);
    lx->mark_end(lx);
    if (valid[DUE_KEYWORD] && (lx->lookahead == 'b' || lx->lookahead == 'd')) {
      if (scan_due_keyword(lx, true)) return emit(lx, s, DUE_KEYWORD);
    } else if (valid[OWNER_JOINER] && is_upper(lx->lookahead) &&
               scan_owner_phrase(lx, ctx, false)) {
      return emit(lx, s, OWNER_JOINER);
    }
    lx->mark_end(lx);
    TextScan ts = {0};
    buf_push(&ts.buf, c);
    scan_prose(lx, valid, &ts, TEXT_TASK, in_marker);
    return emit(lx, s, valid[TASK] ? TASK : TEXT);
  }
  if ((c == ':' || is_dash(c)) && valid[OWNER_SEPARATOR]) {
    adv(lx);
    skip_hspace_count(lx);
    lx->mark_end(lx);
    return emit(lx, s, OWNER_SEPARATOR);
  }
  if (c == 't' && valid[OWNER_SEPARATOR]) {
    if (at_word(lx, "to") && is_hspace(lx->lookahead)) {
      skip_hspace_count(lx);
      lx->mark_end(lx);
      return emit(lx, s, OWNER_SEPARATOR);
    }
    lx->mark_end(lx);
    goto task;
  }
  if (c == 'a' && valid[OWNER_JOINER]) {
    if (at_word(lx, "and") && is_hspace(lx->lookahead)) {
      skip_hspace_count(lx);
      lx->mark_end(lx);
      if (is_upper(lx->lookahead) && scan_owner_phrase(lx, ctx, false))
        return emit(lx, s, OWNER_JOINER);
    }
    lx->mark_end(lx);
    goto task;
  }
  if ((c == 'b' || c == 'd') && valid[DUE_KEYWORD]) {
    if (scan_due_keyword(lx, true)) return emit(lx, s, DUE_KEYWORD);
    lx->mark_end(lx);
    goto task;
  }
  if (is_upper(c) && valid[OWNER]) {
    if (scan_owner_phrase(lx, ctx, true)) return emit(lx, s, OWNER);
    lx->mark_end(lx);
    goto task;
  }
  if (valid[TASK]) {
    if (c == ')' && in_marker) return false;
    if ((c == '.' || c == ';') && valid[TEXT]) {
      /* "Action: Clerk." : the full stop after an owner-only action */
      adv(lx);
      lx->mark_end(lx);
      TextScan ts = {0};
      buf_push(&ts.buf, c);
      scan_prose(lx, valid, &ts, TEXT_PLAIN, false);
      return emit(lx, s, TEXT);
    }
    adv(lx);
    lx->mark_end(lx);
    goto task;
  }
  return false;
task: {
  if (!valid[TASK]) return false;
  TextScan ts = {0};
  buf_push(&ts.buf, c);
  scan_prose(lx, valid, &ts, TEXT_TASK, in_marker);
  return emit(lx, s, TASK);
}
}

/* After a check for an inline construct failed, what it read (from `first`
 * on) is prose: mark it and go on to the end of the prose. */
static bool rest_as_prose(TSLexer *lx, Scanner *s, const bool *valid, int32_t first) {
  if (!valid[TEXT]) return false;
  lx->mark_end(lx);
  TextScan ts = {0};
  buf_push(&ts.buf, first);
  scan_prose(lx, valid, &ts, TEXT_PLAIN, false);
  return emit(lx, s, TEXT);
}

static bool scan_inline(Scanner *s, TSLexer *lx, const bool *valid) {
  /* space between tokens is padding; a tab or a run of spaces separates
   * the columns of an attendance table */
  int gap = 0;
  while (!lx->eof(lx) && is_hspace(lx->lookahead)) {
    gap += lx->lookahead == '\t' ? 2 : 1;
    skip(lx);
  }
  if (at_eol(lx)) {
    if (valid[LINE_END] || valid[ATTENDEE_GAP]) return scan_line_end(lx, s, valid);
    return false;
  }
  int32_t c = lx->lookahead;

  if (valid[TITLE]) return scan_title(lx, s);

  /* "Resolved:   (1) That …" */
  if (valid[RESOLUTION_MARKER] && (c == '(' || is_digit(c) || is_alpha(c) || is_bullet(c))) {
    if (scan_list_marker(lx, true)) return emit(lx, s, RESOLUTION_MARKER);
    return rest_as_prose(lx, s, valid, c);
  }

  if (valid[PERSON] || valid[ROLE] || valid[ATTENDEE_SEPARATOR])
    return scan_attendance(s, lx, valid, gap >= 2);

  if (valid[OWNER] || valid[TASK] || valid[ACTION_CLOSE] || valid[DUE_KEYWORD] ||
      valid[OWNER_SEPARATOR] || valid[OWNER_JOINER]) {
    if (!(c == '(' && valid[ACTION_OPEN] && !valid[ACTION_CLOSE]) &&
        !(valid[DATE] && !valid[TASK] && !valid[TEXT])) {
      if (scan_action_part(s, lx, valid)) return true;
      return false;
    }
  }

  if (c == '(' && valid[PAREN_OPEN] && !valid[TEXT]) {
    /* "MASH (": the bracket after a short form holds its long form */
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, PAREN_OPEN);
  }
  if (c == '(' && (valid[ACTION_OPEN] || valid[PAREN_OPEN])) {
    ParenKind k = scan_paren(lx, valid[ACTION_OPEN], valid[PAREN_OPEN], false, true);
    if (k == PAREN_ACTION) return emit(lx, s, ACTION_OPEN);
    if (k == PAREN_SHORT) return emit(lx, s, PAREN_OPEN);
    return rest_as_prose(lx, s, valid, c);
  }
  if (c == ')' && valid[PAREN_CLOSE]) {
    adv(lx);
    lx->mark_end(lx);
    return emit(lx, s, PAREN_CLOSE);
  }
  if (valid[LONG_FORM]) {
    while (!at_eol(lx) && lx->lookahead != ')') {
      bool space = is_hspace(lx->lookahead);
      adv(lx);
      if (!space) lx->mark_end(lx);
    }
    return emit(lx, s, LONG_FORM);
  }
  if ((valid[SHORT_FORM] || valid[DATE]) && is_upper(c)) {
    CapKind k = scan_capital_word(lx, valid, true);
    if (k == CAP_DATE) return emit(lx, s, DATE);
    if (k == CAP_SHORT_LONG || (k == CAP_SHORT_CLOSE && !valid[TEXT])) return emit(lx, s, SHORT_FORM);
    return rest_as_prose(lx, s, valid, c);
  }
  if (valid[DATE] && is_digit(c)) {
    if (scan_digit_date(lx, true)) return emit(lx, s, DATE);
    return rest_as_prose(lx, s, valid, c);
  }
  if (!valid[TEXT]) return false;
  adv(lx);
  return rest_as_prose(lx, s, valid, c);
}

bool tree_sitter_minutes_external_scanner_scan(void *payload, TSLexer *lx,
                                               const bool *valid) {
  Scanner *s = (Scanner *)payload;
  if (valid[ERROR_SENTINEL]) {
    /* error recovery: take the rest of the line as prose */
    while (!lx->eof(lx) && is_hspace(lx->lookahead)) skip(lx);
    if (lx->eof(lx)) return false;
    if (is_newline(lx->lookahead)) return scan_line_end(lx, s, valid);
    consume_line_marking(lx);
    return emit(lx, s, TEXT);
  }
  if (s->at_line_start) return scan_line_start(s, lx, valid);
  return scan_inline(s, lx, valid);
}
