/*
 * Dates: "30 April 2019", "1st December", "2026-12-01", "1/12/2026",
 * "March 24, 2015".
 */

/* ------------------------------------------------------------------ */
/* dates                                                                 */

/* Reads a month name (full, or three letters with an optional '.' or
 * "Sept") at the lexer. Returns true when one was read and the word ended. */
static bool read_month(Lexer *lx) {
  char w[12];
  int n = 0;
  while (is_alpha(look(lx)) && n < 11) {
    w[n++] = (char)to_lower(look(lx));
    adv(lx);
  }
  if (is_alpha(look(lx)) || n < 3) return false;
  w[n] = 0;
  for (int m = 0; MONTHS[m]; m++) {
    if (strcmp(w, MONTHS[m]) == 0) return true;
    if (n == 3 && strncmp(w, MONTHS[m], 3) == 0) {
      if (look(lx) == '.') adv(lx);
      return true;
    }
  }
  if (strcmp(w, "sept") == 0) {
    if (look(lx) == '.') adv(lx);
    return true;
  }
  return false;
}

/* A date starting with a digit: "30 April 2019", "1st December",
 * "2026-12-01", "1/12/2026". Marks the end of the date when found. */
static bool scan_digit_date(Lexer *lx, bool mark) {
  int n = read_digits(lx, 4);
  if (n == 4 && look(lx) == '-') { /* ISO */
    adv(lx);
    if (read_digits(lx, 2) != 2 || look(lx) != '-') return false;
    adv(lx);
    if (read_digits(lx, 2) != 2 || is_alnum(look(lx))) return false;
    if (mark) mark_end(lx);
    return true;
  }
  if (n < 1 || n > 2) return false;
  if (look(lx) == '/' || look(lx) == '.') { /* 1/12/2026 */
    int32_t sep = look(lx);
    adv(lx);
    int m = read_digits(lx, 2);
    if (m < 1 || m > 2 || look(lx) != sep) return false;
    adv(lx);
    int y = read_digits(lx, 4);
    if ((y != 2 && y != 4) || is_alnum(look(lx))) return false;
    if (mark) mark_end(lx);
    return true;
  }
  /* ordinal suffix */
  if (is_lower(look(lx))) {
    int32_t a = to_lower(look(lx));
    adv(lx);
    int32_t b = to_lower(look(lx));
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
          (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
      return false;
    adv(lx);
  }
  if (skip_hspace_count(lx) == 0) return false;
  if (!read_month(lx)) return false;
  if (mark) mark_end(lx);
  /* optional year, possibly after a comma */
  if (look(lx) == ',') adv(lx);
  if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 &&
      !is_alnum(look(lx))) {
    if (mark) mark_end(lx);
  }
  return true;
}

/* After a month name: " 2019", " 24, 2015", " 24th". Marks the end of
 * the date when asked. */
static bool scan_date_after_month(Lexer *lx, bool mark) {
  if (skip_hspace_count(lx) == 0) return false;
  int n = read_digits(lx, 4);
  if (n == 4 && !is_alnum(look(lx))) {
    if (mark) mark_end(lx);
    return true;
  }
  if (n < 1 || n > 2) return false;
  if (is_alpha(look(lx))) {
    /* 24th */
    adv(lx);
    if (!is_alpha(look(lx))) return false;
    adv(lx);
  }
  if (is_alnum(look(lx))) return false;
  if (mark) mark_end(lx);
  if (look(lx) == ',') {
    adv(lx);
    if (skip_hspace_count(lx) > 0 && read_digits(lx, 4) == 4 && !is_alnum(look(lx)) && mark)
      mark_end(lx);
  }
  return true;
}

