/*
 * Abbreviations: "DCS", "DoE", "O&S", "PIs"; "MASH (Multi Agency
 * Safeguarding Hub)".
 */

/* ------------------------------------------------------------------ */
/* abbreviations: "DCS", "DoE", "O&S", "PIs"                            */

/* After "SHORT (": is the bracket a long form whose capitalised words
 * spell the short form? "MASH (Multi Agency Safeguarding Hub)". */
static bool long_form_matches(Lexer *lx, const int32_t *initials, int n) {
  int seen = 0, words = 0;
  while (!at_eol(lx) && look(lx) != ')') {
    while (is_hspace(look(lx))) adv(lx);
    if (at_eol(lx) || look(lx) == ')') break;
    int32_t first = look(lx);
    if (is_upper(first)) {
      if (seen >= n || initials[seen] != first) return false;
      seen++;
    } else if (!is_lower(first) && first != '&') {
      return false;
    }
    words++;
    while (!at_eol(lx) && !is_hspace(look(lx)) && look(lx) != ')') {
      if (is_digit(look(lx))) return false;
      adv(lx);
    }
    if (words > 10) return false;
  }
  return look(lx) == ')' && seen == n && words >= 2;
}

typedef enum { CAP_NONE, CAP_DATE, CAP_SHORT_LONG, CAP_SHORT_CLOSE } CapKind;

/*
 * A word starting with a capital: a month that starts a date ("February
 * 2019", "March 24, 2015"), a short form followed by its long form in
 * brackets ("MASH (Multi Agency Safeguarding Hub)"), or a short form just
 * before ")". With `mark`, marks the end of the date or the short form.
 */
static CapKind scan_capital_word(Lexer *lx, const bool *valid, bool mark) {
  int32_t initials[12];
  char low[12];
  int ni = 0, caps = 0, len = 0;
  while (is_alnum(look(lx)) || look(lx) == '&') {
    int32_t c = look(lx);
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
    if (len == 3 && look(lx) == '.') adv(lx);
    return scan_date_after_month(lx, mark) ? CAP_DATE : CAP_NONE;
  }
  if (!valid[SHORT_FORM] || caps < 2 || len < 2 || len > 10 || ni > 12) return CAP_NONE;
  if (is_apostrophe(look(lx)) || look(lx) == '-') return CAP_NONE;
  if (mark) mark_end(lx);
  if (look(lx) == ')') return CAP_SHORT_CLOSE;
  if (!is_hspace(look(lx))) return CAP_NONE;
  skip_hspace_count(lx);
  if (look(lx) != '(') return CAP_NONE;
  adv(lx);
  return long_form_matches(lx, initials, ni) ? CAP_SHORT_LONG : CAP_NONE;
}
