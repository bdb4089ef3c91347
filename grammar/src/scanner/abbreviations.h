/*
 * Abbreviations: "DCS", "DoE", "O&S", "PIs"; "MASH (Multi Agency
 * Safeguarding Hub)".
 */

/* ------------------------------------------------------------------ */
/* abbreviations: "DCS", "DoE", "O&S", "PIs"                            */

/* After "SHORT (": is the bracket a long form whose capitalised words
 * spell the short form? "MASH (Multi Agency Safeguarding Hub)". A word may
 * give the short form more than its first letter, as "LAFCO (Local Agency
 * Formation Commission)" takes "CO" from "Commission": every way of reading
 * the words is kept at once, as a set of how many initials are spelt so far
 * (a bit per count), so no word is read twice. */
static bool long_form_matches(Lexer *lx, const int32_t *initials, int n) {
  uint32_t spelt = 1; /* bit k: the words so far spell initials[0..k) */
  int words = 0;
  while (!at_eol(lx) && look(lx) != ')') {
    while (is_hspace(look(lx))) adv(lx);
    if (at_eol(lx) || look(lx) == ')') break;
    int32_t first = look(lx);
    bool capital = is_upper(first);
    if (!capital && !is_lower(first) && first != '&') return false;
    /* the counts a word in capitals can reach: its first letter, then each
     * letter after it that goes on spelling the short form */
    uint32_t reading = 0, reached = 0;
    if (capital) {
      for (int k = 0; k < n; k++)
        if ((spelt >> k & 1) && initials[k] == first) reading |= 1u << (k + 1);
      reached = reading;
    }
    words++;
    adv(lx);
    while (!at_eol(lx) && !is_hspace(look(lx)) && look(lx) != ')') {
      int32_t c = look(lx);
      if (is_digit(c)) return false;
      uint32_t next = 0;
      for (int k = 1; k < n; k++)
        if ((reading >> k & 1) && initials[k] == to_upper(c)) next |= 1u << (k + 1);
      reading = next;
      reached |= next;
      adv(lx);
    }
    if (capital) {
      spelt = reached;
      if (!spelt) return false;
    }
    if (words > 10) return false;
  }
  return look(lx) == ')' && (spelt >> n & 1) && words >= 2;
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
