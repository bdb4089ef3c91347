/*
 * Owners of actions: "Ann James", "Head of HR", "DCS", "Clerk", "HR and NC".
 */

/* ------------------------------------------------------------------ */
/* owners: "Ann James", "Head of HR", "DCS", "Clerk", "HR and NC"        */

/* Where an owner is read, which decides what may end it: the line, a
 * marker's ")", or either (the owner after a joiner, whose parse state
 * does not say which: the joiner checked it in its own context). */
typedef enum { OWNER_IN_LINE, OWNER_IN_MARKER, OWNER_JOINED } OwnerContext;

static bool is_owner_function_word(const char *w) {
  static const char *words[] = {"of", "for", "the", "de", "van", "von", "le", "la", NULL};
  for (int i = 0; words[i]; i++)
    if (strcmp(w, words[i]) == 0) return true;
  return false;
}

/*
 * A bracketed qualifier of an owner, the lexer at its "(": consumes it up
 * to its balanced ")" and tells whether it is one (it opens with a capital
 * and closes on this line, within a few words).
 */
static bool scan_owner_qualifier(Lexer *lx) {
  adv(lx); /* '(' */
  skip_hspace_count(lx);
  if (!is_upper(look(lx))) return false;
  int depth = 1, len = 0;
  while (!at_eol(lx) && len < 80) {
    int32_t c = look(lx);
    adv(lx);
    len++;
    if (c == '(') depth++;
    if (c == ')' && --depth == 0) return true;
  }
  return false;
}

/*
 * Reads an owner phrase and tells whether it is one: capitalised words
 * (with "of", "for", "the" inside), several owners joined by ',', '&', '/'
 * or 'and', ended by a separator (" – ", ": ", " to <verb>"), by the end of
 * the marker or the line, or (in a marker) by a due date.
 *
 * A bracketed qualifier after an owner's words belongs to the owner
 * ("Assistant Director (Safeguarding Services)", "Head of HR (Interim)"):
 * it must open with a capital and close, balanced, on the line.
 *
 * With `mark_first`, the end of the first owner is marked, so the caller
 * can return it as the OWNER token.
 */
static bool scan_owner_phrase(Lexer *lx, OwnerContext ctx, bool mark_first) {
  bool marking = mark_first;
  int words_in_owner = 0, words = 0, caps_words = 0;
  for (;;) {
    char w[8];
    int wn = 0, len = 0;
    int32_t first = look(lx), last_char = 0;
    int letters_upper = 0, letters_lower = 0;
    if (first == '(') {
      /* a qualifier follows at least one word of its owner */
      if (words_in_owner == 0 || !scan_owner_qualifier(lx)) return false;
      if (marking) mark_end(lx);
      goto after_word;
    }
    while (!at_eol(lx) && !is_hspace(look(lx)) && look(lx) != ',' &&
           look(lx) != ';' && look(lx) != ':' && look(lx) != '/' &&
           look(lx) != '(' && look(lx) != ')') {
      /* "Action: Clerk." : the owner ends before a full stop */
      if (look(lx) == '.' && marking && len > 0) mark_end(lx);
      last_char = look(lx);
      if (is_upper(last_char)) letters_upper++;
      if (is_lower(last_char)) letters_lower++;
      if (wn < 7) w[wn++] = (char)(look(lx) < 128 ? to_lower(look(lx)) : '?');
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
    if (marking && !(len > 1 && last_char == '.')) mark_end(lx);

  after_word:;
    int spaces = skip_hspace_count(lx);
    int32_t c = look(lx);
    if (at_eol(lx)) return ctx != OWNER_IN_MARKER;
    if (c == ')') return ctx != OWNER_IN_LINE;
    if (c == ':') {
      adv(lx);
      return is_hspace(look(lx)) || at_eol(lx);
    }
    if (is_dash(c) && spaces > 0) {
      adv(lx);
      return is_hspace(look(lx));
    }
    if (c == ',' || c == ';' || c == '/' || c == '&') {
      adv(lx);
      skip_hspace_count(lx);
      if (ctx != OWNER_IN_LINE &&
          (look(lx) == 'b' || look(lx) == 'd'))
        return true; /* ", by 30 April" */
      if (!is_upper(look(lx))) return false;
      marking = false;
      words_in_owner = 0;
      continue;
    }
    if (spaces == 0) return false;
    if (c == 'a' || c == 't' || c == 'b') {
      if (c == 'b') {
        /* "(Action DCS by 1 May)" */
        return ctx != OWNER_IN_LINE && at_word(lx, "by");
      }
      if (c == 't') {
        /* " to <verb>" */
        if (!at_word(lx, "to") || !is_hspace(look(lx))) return false;
        skip_hspace_count(lx);
        return is_lower(look(lx));
      }
      /* " and X" joins another owner */
      if (!at_word(lx, "and") || !is_hspace(look(lx))) return false;
      skip_hspace_count(lx);
      if (!is_upper(look(lx))) return false;
      marking = false;
      words_in_owner = 0;
      continue;
    }
    if (!is_alpha(c) && c != '&' && c != '(') return false;
  }
}
