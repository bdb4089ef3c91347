/*
 * Markers that open a line or a bracket: bullets, "i)", "(b)", "1)",
 * "(Action –", "(DCS)", and lines that start with a number.
 */

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
/* The rest of a bullet marker, the bullet consumed: white space, then text. */
static bool bullet_rest(Lexer *lx, bool mark) {
  if (!is_hspace(look(lx))) return false;
  skip_hspace_count(lx);
  if (at_eol(lx)) return false;
  if (mark) mark_end(lx);
  return true;
}

static bool scan_list_marker(Lexer *lx, bool mark) {
  int32_t c = look(lx);
  if (is_bullet(c)) {
    adv(lx);
    return bullet_rest(lx, mark);
  }
  bool open = false;
  if (c == '(') {
    open = true;
    adv(lx);
  }
  int32_t w[5];
  int n = 0;
  while (is_alnum(look(lx)) && n < 5) {
    w[n++] = look(lx);
    adv(lx);
  }
  if (!is_marker_word(w, n)) return false;
  if (look(lx) == ')') {
    adv(lx);
  } else if (look(lx) == '.' && !open && !is_digit(w[0])) {
    adv(lx);
  } else {
    return false;
  }
  if (!is_hspace(look(lx)) && !at_eol(lx)) return false;
  skip_hspace_count(lx);
  if (mark) mark_end(lx);
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
static ParenKind scan_paren(Lexer *lx, bool action, bool short_form,
                            bool list, bool mark) {
  adv(lx); /* '(' */
  if (mark && short_form) mark_end(lx);
  int32_t w[12];
  int n = 0, caps = 0, len = 0;
  char lower[8];
  while ((is_alnum(look(lx)) || look(lx) == '&') && len < 12) {
    int32_t c = look(lx);
    if (n < 12) w[n++] = c;
    if (len < 7) lower[len] = (char)(c < 128 ? to_lower(c) : '?');
    if (is_upper(c)) caps++;
    adv(lx);
    len++;
  }
  lower[len < 7 ? len : 7] = 0;
  int32_t c = look(lx);
  if (action && (strcmp(lower, "action") == 0 || strcmp(lower, "actions") == 0) &&
      (c == ')' || c == ':' || is_dash(c) || is_hspace(c))) {
    while (is_hspace(look(lx))) adv(lx);
    if (look(lx) == ':' || is_dash(look(lx))) adv(lx);
    while (is_hspace(look(lx))) adv(lx);
    if (mark) mark_end(lx);
    /* the marker must close on this line */
    int depth = 0;
    while (!at_eol(lx)) {
      if (look(lx) == '(') depth++;
      if (look(lx) == ')') {
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
    if (!is_hspace(look(lx))) return PAREN_NONE;
    skip_hspace_count(lx);
    if (mark) mark_end(lx);
    return PAREN_LIST;
  }
  return PAREN_NONE;
}

/* ------------------------------------------------------------------ */
/* numbered lines                                                        */

/* Only white space up to the end of the line? Consumes it and marks the
 * end before the line break when so; leaves the lexer where it was
 * otherwise (nothing is consumed unless the rest is blank). */
static bool rest_of_line_is_blank(Lexer *lx) {
  if (at_eol(lx)) return true;
  if (!is_hspace(look(lx))) return false;
  /* white space must be consumed to look past it: the caller has marked
   * the end before it, which a non-blank rest keeps */
  while (is_hspace(look(lx))) adv(lx);
  if (!at_eol(lx)) return false;
  mark_end(lx);
  return true;
}

static bool next_line_continues_sentence(Lexer *lx) {
  past_newline(lx);
  if (at_eof(lx)) return false;
  skip_hspace_count(lx);
  return is_lower(look(lx));
}

/* "I" … "XXXIX": an upper-case roman number, as agendas number items. */
static bool is_upper_roman(const Buf *b) {
  if (b->len == 0 || b->len > 6) return false;
  for (uint32_t i = 0; i < b->len; i++)
    if (b->c[i] != 'I' && b->c[i] != 'V' && b->c[i] != 'X') return false;
  return true;
}

/* The rest of the line reads as a title: it starts with a capital, is no
 * longer than a heading, does not end a sentence, and the next line does
 * not continue it. Consumes the line. */
static bool rest_reads_as_title(Lexer *lx) {
  if (!is_upper(look(lx))) return false;
  int len = 0;
  int32_t last = 0;
  while (!at_eol(lx)) {
    if (!is_hspace(look(lx))) last = look(lx);
    adv(lx);
    len++;
  }
  if (len > HEADING_MAX || last == '.' || last == ',' || last == ';') return false;
  return !next_line_continues_sentence(lx);
}

/* A line that starts with a digit: "1. Title", "26.1 text", "1/16 Title",
 * "2 MATTERS ARISING", "1) text", "30 April 2019". Returns the token type,
 * or TEXT when the line is prose (whatever was read is marked as prose). */
static enum TokenType scan_numbered_line(Lexer *lx, const bool *valid) {
  int n = read_digits(lx, 6);
  mark_end(lx);
  int32_t c = look(lx);
  /* "1\." and "1\)": Markdown escapes the marker so that no renderer
   * turns the heading into a list; the reader sees "1." */
  if (c == '\\') {
    adv(lx);
    c = look(lx);
    if (c != '.' && c != ')') return TEXT;
  }

  if (c == '.') {
    adv(lx);
    /* "26.1", "1.2.3" */
    if (is_digit(look(lx))) {
      while (is_digit(look(lx)) || (look(lx) == '.')) adv(lx);
      mark_end(lx);
      if (!is_hspace(look(lx)) || !valid[PARAGRAPH_NUMBER]) return TEXT;
      skip_hspace_count(lx);
      mark_end(lx);
      return PARAGRAPH_NUMBER;
    }
    mark_end(lx);
    if (n > 3) return TEXT;
    bool space = is_hspace(look(lx));
    /* "3." alone on its line: an item whose title (if any) is below */
    if (rest_of_line_is_blank(lx)) return valid[ITEM_NUMBER] ? ITEM_NUMBER : TEXT;
    if (!space) return TEXT;
    skip_hspace_count(lx);
    mark_end(lx);
    /* a heading, or a numbered paragraph: read the rest of the line */
    bool first_word = true, caps_word = true, second_caps = false;
    int first_upper = 0, len = 0, word_no = 0;
    bool starts_upper = is_upper(look(lx)) || is_digit(look(lx));
    int32_t last = 0;
    bool in_word = false;
    int cur_upper = 0;
    bool cur_lower = false;
    while (!at_eol(lx)) {
      int32_t d = look(lx);
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

  /* "1/16", "124/17": minute numbers open items; so do references of
   * more levels, "21/04/7", "22/11/6/15." (but not a date, "1/12/2026") */
  if (c == '/' && n <= 3) {
    int groups = 1, last = 0;
    while (look(lx) == '/') {
      adv(lx);
      last = read_digits(lx, 4);
      if (last < 1 || last > 4) return TEXT;
      groups++;
    }
    if (groups == 2 && last > 2) return TEXT;
    if (groups == 3 && last == 4) return TEXT;
    if (look(lx) == '.') adv(lx);
    mark_end(lx);
    if (!is_hspace(look(lx)) && !at_eol(lx)) return TEXT;
    skip_hspace_count(lx);
    mark_end(lx);
    if (valid[ITEM_NUMBER]) return ITEM_NUMBER;
    return TEXT;
  }

  /* "1)" */
  if (c == ')' && n <= 3) {
    adv(lx);
    mark_end(lx);
    bool space = is_hspace(look(lx));
    /* "2)" or "2) " alone on its line: a resolution right after a decision
     * marker, else an item whose title (if any) is below */
    if (rest_of_line_is_blank(lx)) {
      if (valid[RESOLUTION_MARKER]) return RESOLUTION_MARKER;
      if (valid[ITEM_NUMBER]) return ITEM_NUMBER;
      if (valid[LIST_MARKER]) return LIST_MARKER;
      return TEXT;
    }
    if (!space) return TEXT;
    skip_hspace_count(lx);
    mark_end(lx);
    if (valid[RESOLUTION_MARKER]) return RESOLUTION_MARKER;
    if (valid[LIST_MARKER]) return LIST_MARKER;
    return TEXT;
  }

  /* "2 MATTERS ARISING", or a date: "30 April 2019" */
  if (is_hspace(c) && n <= 2) {
    skip_hspace_count(lx);
    mark_end(lx);
    int upper = 0, lower = 0;
    char w[12];
    int wn = 0;
    bool first_cap = is_upper(look(lx));
    while (is_alpha(look(lx))) {
      if (is_upper(look(lx))) upper++;
      else lower++;
      if (wn < 11) w[wn++] = (char)to_lower(look(lx));
      adv(lx);
    }
    w[wn] = 0;
    if (upper >= 2 && lower == 0 && valid[ITEM_NUMBER] && !is_digit(look(lx)))
      return ITEM_NUMBER;
    bool month = wn >= 3 && is_month_word(w, wn);
    /* "1   Attendance" over "--------------" (reStructuredText, Setext):
     * the underline makes the number an item's, though no stop follows it;
     * a quantity ("2 concerns for safety") is never underlined. The token
     * ends before the title either way. */
    if (!month && first_cap && valid[ITEM_NUMBER]) {
      while (!at_eol(lx)) adv(lx);
      past_newline(lx);
      return next_line_shape(lx) == NEXT_UNDERLINE ? ITEM_NUMBER : TEXT;
    }
    mark_end(lx);
    if (month && valid[DATE]) {
      if (look(lx) == ',') adv(lx);
      if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 && !is_alnum(look(lx)))
        mark_end(lx);
      return DATE;
    }
    return TEXT;
  }
  return TEXT;
}
