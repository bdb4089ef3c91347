/*
 * Tokens inside a line: titles, attendance lists, the parts of an action,
 * abbreviations and dates.
 */

/* ------------------------------------------------------------------ */
/* tokens inside a line                                                  */

static bool scan_title(Lexer *lx, Scanner *s) {
  /* "PUBLIC FORUM The streetlamp…": a run of capitals, then a run-in
   * paragraph; a title in mixed case, or after "##", runs to the end of
   * the line */
  bool caps_run = false;
  int words = 0;
  while (!s->after_hashes) {
    int upper = 0, letters = 0;
    bool lower = false;
    while (!at_eol(lx) && !is_hspace(look(lx))) {
      int32_t d = look(lx);
      if (is_upper(d)) upper++, letters++;
      else if (is_lower(d)) lower = true, letters++;
      adv(lx);
    }
    bool caps_word = !lower && (upper >= 2 || letters == 0 || (upper == 1 && words > 0));
    if (words == 0) caps_run = caps_word && upper >= 2;
    if (!caps_run) break;
    if (!caps_word) return emit(lx, s, TITLE);
    mark_end(lx);
    words++;
    skip_hspace_count(lx);
    if (at_eol(lx)) return emit(lx, s, TITLE);
  }
  mark_end(lx);
  consume_line_marking(lx);
  /* "1   Attendance" over "------": the underline belongs to the title */
  past_newline(lx);
  if (next_line_shape(lx) == NEXT_UNDERLINE) mark_end(lx);
  return emit(lx, s, TITLE);
}

/* Attendance: names, roles in brackets or table columns, separators. */
static bool scan_attendance(Scanner *s, Lexer *lx, const bool *valid, bool column_gap) {
  int32_t c = look(lx);
  int consumed = 0; /* characters a failed check took into this token */
  if (c == '(' && valid[PAREN_OPEN]) {
    adv(lx);
    mark_end(lx);
    /* a role in brackets must close on this line and hold something */
    int inside = 0;
    while (!at_eol(lx) && look(lx) != ')' && look(lx) != '(') {
      if (!is_hspace(look(lx))) inside++;
      adv(lx);
    }
    if (look(lx) == ')' && inside > 0) return emit(lx, s, PAREN_OPEN);
    /* "Name (" with no role: the bracket and the rest are a column */
    if (valid[ROLE] || valid[PERSON]) {
      consume_line_marking(lx);
      return emit(lx, s, valid[ROLE] ? ROLE : PERSON);
    }
    return false;
  }
  if (c == ')' && valid[PAREN_CLOSE]) {
    adv(lx);
    mark_end(lx);
    return emit(lx, s, PAREN_CLOSE);
  }
  if (valid[ROLE] && !valid[LINE_END] && !valid[ATTENDEE_SEPARATOR]) {
    /* the role inside "(…)" */
    int n = 0;
    while (!at_eol(lx) && look(lx) != ')') {
      bool space = is_hspace(look(lx));
      adv(lx);
      n++;
      if (!space) mark_end(lx);
    }
    return n > 0 && emit(lx, s, ROLE);
  }
  if (valid[ATTENDEE_SEPARATOR] && (c == ',' || c == ';')) {
    adv(lx);
    mark_end(lx);
    return emit(lx, s, ATTENDEE_SEPARATOR);
  }
  if (valid[ATTENDEE_SEPARATOR] && (c == '&' || c == 'a')) {
    int before = 0;
    bool sep;
    if (c == '&') {
      adv(lx);
      sep = true;
      before = 1;
    } else {
      /* "and", or a name that starts with "a": what was read is its start */
      for (const char *w = "and"; *w && to_lower(look(lx)) == (int32_t)*w; w++, before++) adv(lx);
      sep = before == 3 && !is_alpha(look(lx));
    }
    if (sep && is_hspace(look(lx))) {
      mark_end(lx);
      return emit(lx, s, ATTENDEE_SEPARATOR);
    }
    consumed = before;
    if (consumed > 0) mark_end(lx);
  }
  if (consumed == 0 && (valid[ROLE] || valid[PERSON]) && (is_dash(c) || c == '|')) {
    /* a column after "-", or nothing before the line end: never a name
     * (whether a role may come here depends on the parse state, and the
     * token must not: after an attendee, which tree-sitter may reuse whole,
     * it is lexed where no role may come) */
    while (!at_eol(lx) && (is_hspace(look(lx)) || is_dash(look(lx)) ||
                           look(lx) == '|'))
      skip(lx);
    c = look(lx);
    if (at_eol(lx)) return scan_line_end(lx, s, valid);
    column_gap = true;
  }
  bool role = valid[ROLE] && (column_gap || !valid[PERSON]);
  if (valid[PERSON] || role) {
    /* a name (or a column) runs to a bracket, a separator or a column gap */
    int n = consumed;
    while (!at_eol(lx)) {
      int32_t d = look(lx);
      /* a stray bracket at the start is part of the name */
      if ((d == '(' || d == ',' || d == ';' || d == '\t' || d == ')') && n > 0) break;
      if (is_hspace(d)) {
        adv(lx);
        if (is_hspace(look(lx)) || d != ' ' || is_dash(look(lx))) break;
        if (!role && (look(lx) == 'a' || look(lx) == '&')) {
          /* " and " ends a name */
          if (look(lx) == '&' || (at_word(lx, "and") && is_hspace(look(lx)))) break;
        }
        continue;
      }
      adv(lx);
      n++;
      mark_end(lx);
    }
    return n > 0 && emit(lx, s, role ? ROLE : PERSON);
  }
  return false;
}

/* Actions: owners, separators, tasks, due dates. Returns false when the
 * character at the lexer opens nothing of an action. */
/* "[A12]", "[12]", "[AP3.2]", "[26/07]": up to four letters, then digits
 * in groups joined by '.', '/' or '-', in square brackets. Marks the end
 * after the ']'. */
static bool scan_action_reference(Lexer *lx) {
  adv(lx); /* '[' */
  int letters = 0, digits = 0, len = 0;
  while (is_alpha(look(lx)) && letters < 4) {
    adv(lx);
    letters++;
  }
  while (len < 12) {
    int run = 0;
    while (is_digit(look(lx)) && run < 6) {
      adv(lx);
      run++;
    }
    if (run == 0) return false;
    digits += run;
    len += run;
    int32_t c = look(lx);
    if (c != '.' && c != '/' && c != '-') break;
    adv(lx);
    len++;
  }
  if (digits == 0 || look(lx) != ']') return false;
  adv(lx);
  mark_end(lx);
  return true;
}

static bool scan_action_part(Scanner *s, Lexer *lx, const bool *valid) {
  bool in_marker = valid[ACTION_CLOSE];
  /* after a joiner only an owner may follow, in a marker or in a line */
  bool joined = valid[OWNER] && !valid[TASK] && !valid[OWNER_SEPARATOR];
  OwnerContext ctx = in_marker ? OWNER_IN_MARKER : joined ? OWNER_JOINED : OWNER_IN_LINE;
  int32_t c = look(lx);
  if (c == '[' && valid[ACTION_REFERENCE]) {
    if (scan_action_reference(lx)) return emit(lx, s, ACTION_REFERENCE);
    mark_end(lx);
    goto task;
  }
  if (c == ')' && in_marker) {
    adv(lx);
    mark_end(lx);
    return emit(lx, s, ACTION_CLOSE);
  }
  if (c == ',' || c == ';' || c == '/' || c == '&') {
    adv(lx);
    mark_end(lx);
    skip_hspace_count(lx);
    mark_end(lx);
    if (valid[DUE_KEYWORD] && (look(lx) == 'b' || look(lx) == 'd')) {
      if (scan_due_keyword(lx, true)) return emit(lx, s, DUE_KEYWORD);
    } else if (valid[OWNER_JOINER] && is_upper(look(lx)) &&
               scan_owner_phrase(lx, ctx, false)) {
      return emit(lx, s, OWNER_JOINER);
    }
    mark_end(lx);
    TextScan ts = {0};
    buf_push(&ts.buf, c);
    scan_prose(lx, valid, &ts, TEXT_TASK, in_marker);
    return emit(lx, s, valid[TASK] ? TASK : TEXT);
  }
  if ((c == ':' || is_dash(c)) && valid[OWNER_SEPARATOR]) {
    adv(lx);
    skip_hspace_count(lx);
    mark_end(lx);
    return emit(lx, s, OWNER_SEPARATOR);
  }
  if (c == 't' && valid[OWNER_SEPARATOR]) {
    if (at_word(lx, "to") && is_hspace(look(lx))) {
      skip_hspace_count(lx);
      mark_end(lx);
      return emit(lx, s, OWNER_SEPARATOR);
    }
    mark_end(lx);
    goto task;
  }
  if (c == 'a' && valid[OWNER_JOINER]) {
    if (at_word(lx, "and") && is_hspace(look(lx))) {
      skip_hspace_count(lx);
      mark_end(lx);
      if (is_upper(look(lx)) && scan_owner_phrase(lx, ctx, false))
        return emit(lx, s, OWNER_JOINER);
    }
    mark_end(lx);
    goto task;
  }
  if ((c == 'b' || c == 'd') && valid[DUE_KEYWORD]) {
    if (scan_due_keyword(lx, true)) return emit(lx, s, DUE_KEYWORD);
    mark_end(lx);
    goto task;
  }
  if (is_upper(c) && valid[OWNER]) {
    if (scan_owner_phrase(lx, ctx, true)) return emit(lx, s, OWNER);
    mark_end(lx);
    goto task;
  }
  if (valid[TASK]) {
    if (c == ')' && in_marker) return false;
    if ((c == '.' || c == ';') && valid[TEXT]) {
      /* "Action: Clerk." : the full stop after an owner-only action */
      adv(lx);
      mark_end(lx);
      TextScan ts = {0};
      buf_push(&ts.buf, c);
      scan_prose(lx, valid, &ts, TEXT_PLAIN, false);
      return emit(lx, s, TEXT);
    }
    adv(lx);
    mark_end(lx);
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
static bool rest_as_prose(Lexer *lx, Scanner *s, const bool *valid, int32_t first) {
  if (!valid[TEXT]) return false;
  mark_end(lx);
  TextScan ts = {0};
  buf_push(&ts.buf, first);
  scan_prose(lx, valid, &ts, TEXT_PLAIN, false);
  return emit(lx, s, TEXT);
}

static bool scan_inline(Scanner *s, Lexer *lx, const bool *valid) {
  /* space between tokens is padding; a tab or a run of spaces separates
   * the columns of an attendance table */
  int gap = 0;
  while (!at_eof(lx) && is_hspace(look(lx))) {
    gap += look(lx) == '\t' ? 2 : 1;
    skip(lx);
  }
  if (at_eol(lx)) {
    if (valid[LINE_END] || valid[ATTENDEE_GAP]) return scan_line_end(lx, s, valid);
    return false;
  }
  int32_t c = look(lx);

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
    mark_end(lx);
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
    mark_end(lx);
    return emit(lx, s, PAREN_CLOSE);
  }
  if (valid[LONG_FORM]) {
    while (!at_eol(lx) && look(lx) != ')') {
      bool space = is_hspace(look(lx));
      adv(lx);
      if (!space) mark_end(lx);
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
