/*
 * Whole lines: the end of a line, the first token of a line (keyword
 * lines, headings, labels, markers, prose), and lines classified once
 * read whole.
 */

/* The end of a content line: LF, CRLF or the end of input. An attendance
 * list that goes on over the next lines ends its line with ATTENDEE_GAP. */
/* After a line end (marked): reads, without taking, the blank lines and
 * the start of the next content line. Whether the node that line ends (a
 * paragraph, a list item) goes on depends on them: a page break before a
 * lower-case line, a list gap before a marker. Reading them puts them in
 * the token's lookahead, so that an edit there makes tree-sitter lex this
 * line end again instead of reusing the node as it was. */
static void read_to_next_line(Lexer *lx) {
  for (;;) {
    while (!at_eof(lx) && is_hspace(look(lx))) adv_raw(lx);
    if (at_eof(lx)) return;
    if (look(lx) == '\r') {
      adv_raw(lx);
      if (at_eof(lx)) return;
      if (look(lx) != '\n') break;
    }
    if (look(lx) != '\n') break;
    adv_raw(lx);
  }
  for (int i = 0; i < 32 && !at_eol(lx); i++) adv_raw(lx);
}

static bool scan_line_end(Lexer *lx, Scanner *s, const bool *valid) {
  if (at_eof(lx)) {
    mark_end(lx);
    return emit_line_end(lx, s, LINE_END, false);
  }
  if (!at_eof(lx)) adv(lx);
  mark_end(lx);
  bool blank_lines = false;
  if (valid[ATTENDEE_GAP]) {
    /* the blank lines belong to this token either way: marked as they go */
    while (!at_eof(lx) && line_is_blank_consume(lx)) {
      mark_end(lx);
      blank_lines = true;
    }
    if (!at_eof(lx) && line_is_attendee_row(lx))
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
static bool only_blank_lines_follow(Lexer *lx) {
  for (int i = 0; i < 64; i++) {
    if (at_eof(lx)) return true;
    if (!line_is_blank_consume(lx)) return false;
  }
  return false;
}

/* "**Board Reports (J)**": the whole line in "**" or "__", a title inside
 * (a capital or a digit first, no stop, comma or colon last, short). */
static bool line_is_strong_title(const Buf *b) {
  uint32_t len = b->len;
  if (len < 6 || len > 124 || b->total > BUF_MAX) return false;
  int32_t m = b->c[0];
  if ((m != '*' && m != '_') || b->c[1] != m || b->c[len - 1] != m || b->c[len - 2] != m) return false;
  int32_t first = b->c[2], last = b->c[len - 3];
  if (!(is_upper(first) || is_digit(first))) return false;
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '*' || last == '_') return false;
  for (uint32_t i = 2; i + 2 < len; i++)
    if (b->c[i] == m && b->c[i + 1] == m) return false; /* "**A** and **B**" */
  return buf_words(b) <= 20;
}

/* Decides what a line of prose read whole from its start is: a heading,
 * a label, a signature, the "Agenda item" marker, or text. The lexer sits
 * at the line's end, which is marked: a keyword check before the prose
 * ("BE IT …") may have read words without marking them, and a whole-line
 * token must end at the line's end. */
static enum TokenType classify_whole_line(Lexer *lx, Scanner *s, const bool *valid,
                                          Buf *b) {
  mark_end(lx);
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
      buf_words(b) <= 10 && is_alpha(b->c[0])) {
    enum NextLine next = next_line_shape(lx);
    /* "Budget" over "------" (a Setext heading): the underline says it is
     * a heading whatever follows, and belongs to it */
    if (next == NEXT_UNDERLINE) {
      mark_end(lx);
      return HEADING_TEXT;
    }
    if (buf_has_digit(b)) return TEXT;
    /* "… the figures.*": a sentence in Markdown emphasis still ends at its stop */
    uint32_t end = len;
    while (end > 1 && (b->c[end - 1] == '*' || b->c[end - 1] == '_')) end--;
    int32_t last = b->c[end - 1];
    bool punct = last == '.' || last == ',' || last == ';' || last == ':' ||
                 last == '?' || last == '!';
    if (!punct && (buf_all_caps(b) || next == NEXT_BLANK)) return HEADING_TEXT;
  }
  return TEXT;
}


/* Reads one word of letters (apostrophes and inner hyphens allowed) into
 * `b`, and marks the end after it. */
static void read_word(Lexer *lx, Buf *b) {
  while (is_alpha(look(lx)) || is_apostrophe(look(lx)) || look(lx) == '-') {
    buf_push(b, look(lx));
    adv(lx);
  }
  mark_end(lx);
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
static bool read_more_words(Lexer *lx, Buf *b, int max) {
  for (int i = 0; i < max; i++) {
    if (look(lx) != ' ' || !phrase_continues(b)) return true;
    adv(lx);
    if (!is_alpha(look(lx))) {
      buf_push(b, ' ');
      return true;
    }
    buf_push(b, ' ');
    uint32_t start = b->len;
    int caps = 0;
    char low[12];
    int n = 0;
    while (is_alpha(look(lx)) || is_apostrophe(look(lx)) || look(lx) == '-') {
      if (is_upper(look(lx))) caps++;
      if (n < 11) low[n++] = (char)to_lower(look(lx));
      buf_push(b, look(lx));
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
    mark_end(lx);
  }
  return true;
}

/* A colon (or, when allowed, a dash) after a keyword, then space. Marks
 * the end after the space. */
static bool keyword_colon(Lexer *lx, bool dash_ok) {
  while (look(lx) == ' ' || look(lx) == 0xA0) adv(lx);
  int32_t c = look(lx);
  if (!(c == ':' || (dash_ok && is_dash(c)))) return false;
  adv(lx);
  if (!is_hspace(look(lx)) && !at_eol(lx)) return false;
  skip_hspace_count(lx);
  mark_end(lx);
  return true;
}

/* After a decision keyword: ':' / ',' / '–' / "that" / end of line.
 * Marks after the punctuation and space. Returns RESOLVED_MARKER, LABEL
 * for "Resolved: (For information only)", or TEXT. */
static enum TokenType finish_resolved(Lexer *lx, const bool *valid, bool strong) {
  int32_t c = look(lx);
  bool punct = c == ':' || c == ',' || is_dash(c);
  if (!strong && !punct) {
    /* "Agreed that", "AGREED that"; a bare "Agreed by all" is prose */
    if (!is_hspace(c)) return TEXT;
    skip_hspace_count(lx);
    if (!(look(lx) == 't' || look(lx) == 'T')) return TEXT;
    mark_end(lx);
    if (!at_word(lx, "that")) return TEXT;
    return RESOLVED_MARKER;
  }
  while (!at_eol(lx) && (is_hspace(look(lx)) || look(lx) == ':' ||
                         look(lx) == ',' || is_dash(look(lx))))
    adv(lx);
  mark_end(lx);
  if (look(lx) == '(') {
    adv(lx);
    if (match_word_ci(lx, "for information")) {
      if (!valid[LABEL]) return TEXT;
      consume_line_marking(lx);
      return LABEL;
    }
  }
  return RESOLVED_MARKER;
}

/* After the word "RESOLVED": the marker is the word plus its punctuation;
 * "that" belongs to the resolution. "RESOLVED TO RECOMMEND:" is one
 * marker; "Resolved: (For information only)" is a label. */
static enum TokenType finish_resolved_word(Lexer *lx, const bool *valid) {
  skip_hspace_count(lx);
  int32_t d = look(lx);
  if (d == 't' || d == 'T') {
    char w[4];
    int n = 0;
    while (is_alpha(look(lx)) && n < 3) {
      w[n++] = (char)to_lower(look(lx));
      adv(lx);
    }
    w[n] = 0;
    if (strcmp(w, "to") == 0 && !is_alpha(look(lx))) {
      skip_hspace_count(lx);
      if (match_word_ci(lx, "recommend") && !is_alpha(look(lx))) {
        mark_end(lx);
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

/* After "BE" (or "NOW, THEREFORE, BE"): "IT RESOLVED". */
static enum TokenType finish_be_it_resolved(Lexer *lx, const bool *valid) {
  skip_hspace_count(lx);
  if (!match_word_ci(lx, "it")) return TEXT;
  skip_hspace_count(lx);
  if (!at_word(lx, "resolved")) return TEXT;
  return finish_resolved(lx, valid, true);
}

/* The sign some clerks write before an item's number: "#1", "No. 4",
 * "no 4". False when the letters after "Item " are a word instead. */
static bool skip_number_sign(Lexer *lx) {
  if (look(lx) == '#') {
    adv(lx);
    return true;
  }
  if (look(lx) != 'N' && look(lx) != 'n') return true;
  adv(lx);
  if (look(lx) != 'o' && look(lx) != 'O') return false;
  adv(lx);
  if (look(lx) == '.') adv(lx);
  if (!is_hspace(look(lx)) && !is_digit(look(lx))) return false;
  skip_hspace_count(lx);
  return true;
}

/* After "Item " or "Minute " at a digit: the reference, with any number
 * of levels ("4", "26/19", "21/04/7", "22/11/6/15."), then its
 * punctuation. The title may be on the next line. */
static enum TokenType finish_item_reference(Lexer *lx) {
  read_digits(lx, 6);
  while ((look(lx) == '/' || look(lx) == '.') ) {
    adv(lx);
    if (!is_digit(look(lx))) break;
    read_digits(lx, 6);
  }
  while (look(lx) == ':' || look(lx) == '.' || look(lx) == ')' || is_hspace(look(lx)) ||
         is_dash(look(lx)))
    adv(lx);
  mark_end(lx);
  return ITEM_NUMBER;
}

/* The line starts with a letter. Reads its first words and decides:
 * keyword lines, list markers, or prose (TEXT: go on lexing prose). */
static enum TokenType classify_word_line(Lexer *lx, Scanner *s, const bool *valid,
                                         Buf *b) {
  (void)s;
  read_word(lx, b);
  int32_t c = look(lx);
  bool list_ok = valid[LIST_MARKER] || valid[RESOLUTION_MARKER];
  enum TokenType list_type = valid[RESOLUTION_MARKER] ? RESOLUTION_MARKER : LIST_MARKER;

  /* "II. ROLL CALL", "IV. Old Business": an upper-case roman number over
   * a title is an item (US agendas); over a sentence, a list marker */
  if (valid[ITEM_NUMBER] && c == '.' && is_upper_roman(b)) {
    adv(lx);
    if (!is_hspace(look(lx))) return TEXT;
    skip_hspace_count(lx);
    mark_end(lx);
    if (rest_reads_as_title(lx)) return ITEM_NUMBER;
    return list_ok ? list_type : TEXT;
  }
  /* "i)", "a)", "A.", "iv." and the bullet "o" */
  if (list_ok && b->len <= 4 && (c == ')' || c == '.') && is_marker_word(b->c, (int)b->len)) {
    adv(lx);
    if (is_hspace(look(lx))) {
      skip_hspace_count(lx);
      mark_end(lx);
      return list_type;
    }
    return TEXT;
  }
  if (list_ok && b->len == 1 && b->c[0] == 'o' && is_hspace(c)) {
    skip_hspace_count(lx);
    if (is_alpha(look(lx))) {
      mark_end(lx);
      return list_type;
    }
    return TEXT;
  }

  bool caps = b->len >= 2 && is_upper(b->c[0]) && is_upper(b->c[1]);
  Keyword kw = first_word_keyword(b);

  /* "MASH (Multi Agency Safeguarding Hub)" at the start of a line */
  if (caps && valid[SHORT_FORM] && b->len <= 10 && is_hspace(c) && kw == KW_NONE) {
    int32_t initials[12];
    int n = 0;
    for (uint32_t i = 0; i < b->len && n < 12; i++)
      if (is_upper(b->c[i])) initials[n++] = b->c[i];
    skip_hspace_count(lx);
    if (look(lx) == '(') {
      adv(lx);
      if (long_form_matches(lx, initials, n)) return SHORT_FORM;
    }
    return TEXT_ENDS_HERE;
  }

  /* "Agenda Item 1 - Apologies": the item keyword after "Agenda" */
  if (kw == KW_OTHER && valid[ITEM_NUMBER] && b->len == 6 && buf_eq_ci(b, 0, "agenda") && c == ' ') {
    if (!read_more_words(lx, b, 1)) return TEXT_ENDS_HERE;
    if (b->len == 11 && buf_eq_ci(b, 0, "agenda item") && look(lx) == ' ') {
      skip_hspace_count(lx);
      if (!skip_number_sign(lx)) return TEXT;
      if (is_digit(look(lx))) return finish_item_reference(lx);
      return TEXT;
    }
    c = look(lx);
  }

  switch (kw) {
    case KW_RESOLVED:
      /* inside a RESOLVED block, "RESOLVED, that" is one of its
       * resolutions; "RESOLVED:" opens a block of its own */
      if (valid[RESOLUTION_MARKER] && c == ',') {
        adv(lx);
        skip_hspace_count(lx);
        mark_end(lx);
        return RESOLUTION_MARKER;
      }
      if (valid[RESOLVED_MARKER]) return finish_resolved_word(lx, valid);
      break;
    case KW_BE:
      /* "BE IT FURTHER RESOLVED" inside a block, "BE IT RESOLVED" opens one */
      if (!caps) break;
      if (valid[RESOLUTION_MARKER]) {
        if (!read_more_words(lx, b, 3)) return TEXT_ENDS_HERE;
        if (buf_eq_ci(b, 0, "be it further resolved") && b->len == 22) {
          if (look(lx) == ',') adv(lx);
          skip_hspace_count(lx);
          mark_end(lx);
          return RESOLUTION_MARKER;
        }
        return TEXT;
      }
      if (valid[RESOLVED_MARKER]) return finish_be_it_resolved(lx, valid);
      break;
    case KW_NOW:
      /* "NOW, THEREFORE, BE IT RESOLVED, that" opens a block; inside one,
       * "NOW, THEREFORE, BE IT FURTHER RESOLVED, that" is a resolution */
      if (!caps || !(valid[RESOLVED_MARKER] || valid[RESOLUTION_MARKER]) || c != ',') break;
      adv(lx);
      skip_hspace_count(lx);
      if (!match_word_ci(lx, "therefore")) return TEXT;
      if (look(lx) == ',') adv(lx);
      skip_hspace_count(lx);
      if (!match_word_ci(lx, "be")) return TEXT;
      if (valid[RESOLUTION_MARKER]) {
        skip_hspace_count(lx);
        if (!match_word_ci(lx, "it")) return TEXT;
        skip_hspace_count(lx);
        if (!at_word(lx, "further")) return TEXT;
        skip_hspace_count(lx);
        if (!at_word(lx, "resolved")) return TEXT;
        if (look(lx) == ',') adv(lx);
        skip_hspace_count(lx);
        mark_end(lx);
        return RESOLUTION_MARKER;
      }
      return finish_be_it_resolved(lx, valid);
    case KW_AGREED:
    case KW_DECIDED:
      if (valid[RESOLVED_MARKER]) {
        bool strong = caps ? (c == ':' || c == ',' || is_dash(c) || at_eol(lx)) : (c == ':');
        if (strong || (c == ' ' && kw == KW_AGREED)) {
          enum TokenType t = finish_resolved(lx, valid, strong);
          if (t != TEXT) return t;
        }
        return TEXT;
      }
      break;
    case KW_ACTION:
      /* "ACTION:", "Actions:", "Action –", "Action by:" */
      if (!valid[ACTION_KEYWORD]) break;
      if (c == ' ') {
        adv(lx);
        if (look(lx) == 'b' || look(lx) == 'B') {
          adv(lx);
          if (look(lx) != 'y' && look(lx) != 'Y') return TEXT;
          adv(lx);
        }
      }
      if (keyword_colon(lx, true)) return ACTION_KEYWORD;
      return TEXT;
    case KW_ITEM:
    case KW_MINUTE:
      /* "Item 4: Title", "Minute 26/19 – Title", "Item 21/04/7 Planning",
       * "Item #1: Introductions", "Item No. 4 – Finance" */
      if (valid[ITEM_NUMBER] && (is_hspace(c) || is_digit(c) || c == '#')) {
        skip_hspace_count(lx);
        if (!skip_number_sign(lx)) return TEXT;
        if (is_digit(look(lx))) return finish_item_reference(lx);
        return TEXT;
      }
      break;
    default:
      break;
  }

  /* multi-word keywords */
  if (!read_more_words(lx, b, 4)) return TEXT_ENDS_HERE;
  Buf head = *b;
  while (head.len > 0 && head.c[head.len - 1] == ' ') head.len--;
  c = look(lx);

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

  if (valid[LABEL] && buf_starts_with_one_of(&head, CLOSING_PHRASES)) {
    consume_line_marking(lx);
    return LABEL;
  }

  return TEXT;
}

/* ------------------------------------------------------------------ */
/* the first token of a line                                             */

/* Prose at the start of a line. Where prose cannot stand (after a blank
 * run that promised a list item or a resolution: the promise is read from
 * the next line's first characters, and a line that breaks it must not
 * break the parse) the prose is the item's marker, so no text is lost. */
static bool emit_prose(Lexer *lx, Scanner *s, const bool *valid) {
  if (valid[TEXT]) return emit(lx, s, TEXT);
  if (valid[RESOLUTION_MARKER]) return emit(lx, s, RESOLUTION_MARKER);
  if (valid[LIST_MARKER]) return emit(lx, s, LIST_MARKER);
  return false;
}

static bool finish_prose(Lexer *lx, Scanner *s, const bool *valid, TextScan *ts,
                         bool whole_line_candidate) {
  scan_prose(lx, valid, ts, TEXT_PLAIN, false);
  if (whole_line_candidate && ts->reached_eol && !ts->stopped) {
    enum TokenType t = classify_whole_line(lx, s, valid, &ts->buf);
    if (t != TEXT) return emit(lx, s, t);
  }
  return emit_prose(lx, s, valid);
}

/* Prose that opened with "**" or "__": "**Minutes Approved (D)**" over
 * the text it heads. A line wholly in strong emphasis, as documents
 * converted from PDF or word processors write their headings, is a
 * heading whatever follows it. */
static bool finish_strong_prose(Lexer *lx, Scanner *s, const bool *valid, TextScan *ts) {
  scan_prose(lx, valid, ts, TEXT_PLAIN, false);
  if (ts->reached_eol && !ts->stopped && valid[HEADING_TEXT] && s->prev_blank) {
    Buf *b = &ts->buf;
    while (b->len > 0 && is_hspace(b->c[b->len - 1])) b->len--;
    if (line_is_strong_title(b)) {
      mark_end(lx);
      return emit(lx, s, HEADING_TEXT);
    }
  }
  return emit_prose(lx, s, valid);
}

static bool scan_attendance(Scanner *s, Lexer *lx, const bool *valid, bool column_gap);

/* "<!-- minutes: ignore M201 -->": a line that opens an HTML comment is a
 * comment to the end of the line (clerks never write "<!--" in minutes).
 * Anything else starting with '<' is prose. */
static bool scan_comment(Lexer *lx, Scanner *s, const bool *valid) {
  static const char OPEN[] = "<!--";
  TextScan ts = {0};
  for (int i = 0; OPEN[i]; i++) {
    if (look(lx) != OPEN[i]) {
      mark_end(lx);
      return i > 0 && finish_prose(lx, s, valid, &ts, false);
    }
    buf_push(&ts.buf, look(lx));
    adv(lx);
  }
  mark_end(lx);
  consume_line_marking(lx);
  return emit(lx, s, COMMENT);
}

static bool scan_line_start(Scanner *s, Lexer *lx, const bool *valid) {
  /* leading space is padding; one plain space may be a lost bullet */
  int spaces = 0, other_space = 0;
  while (!at_eof(lx) && is_hspace(look(lx))) {
    if (look(lx) == ' ') spaces++;
    else other_space++;
    skip(lx);
  }
  if (at_eof(lx)) return false;

  /* a run of blank lines */
  if (is_newline(look(lx))) {
    adv(lx);
    mark_end(lx);
    while (!at_eof(lx) && line_is_blank_consume(lx)) mark_end(lx);
    if (!at_eof(lx) && (valid[PAGE_BREAK] || valid[RESOLUTION_GAP] || valid[LIST_GAP])) {
      Peek next;
      peek_line(lx, &next);
      if (valid[PAGE_BREAK] && peek_starts_lower(&next))
        return emit_line_end(lx, s, PAGE_BREAK, false);
      if (valid[RESOLUTION_GAP] && peek_resolution(&next))
        return emit_line_end(lx, s, RESOLUTION_GAP, true);
      if (valid[LIST_GAP] && peek_list_marker(&next) && !peek_roman_item(&next))
        return emit_line_end(lx, s, LIST_GAP, true);
    }
    if (!valid[BLANK]) return false;
    return emit_line_end(lx, s, BLANK, true);
  }

  if (valid[PERSON]) return scan_attendance(s, lx, valid, false);

  int32_t c = look(lx);

  if (c == '<' && valid[COMMENT]) return scan_comment(lx, s, valid);

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
    mark_end(lx);
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
    while (look(lx) == '#' && hashes < 7) {
      adv(lx);
      hashes++;
    }
    mark_end(lx);
    if (hashes <= 6 && is_hspace(look(lx))) {
      skip_hspace_count(lx);
      mark_end(lx);
      /* "## 5. Title": the number is the marker's; in "# 2023-07-06
       * Meeting" the digits start the title (the token ends before them) */
      if (is_digit(look(lx))) {
        int digits = 0;
        while (is_digit(look(lx))) {
          adv(lx);
          digits++;
        }
        /* "## 5. Title", "## 5) Title", "## 5 Title", "# 2.1 Participants",
         * "## 2.1.1 Members"; not a year ("## 2024 plans") */
        bool closed = false;
        for (;;) {
          if (look(lx) == '\\') adv(lx); /* "## 5\. Title", escaped */
          if (look(lx) == ')') {
            adv(lx);
            closed = true;
            break;
          }
          if (look(lx) != '.') break;
          adv(lx);
          closed = true;
          if (!is_digit(look(lx))) break;
          while (is_digit(look(lx))) adv(lx);
        }
        if (closed || (digits <= 3 && is_hspace(look(lx)))) {
          skip_hspace_count(lx);
          mark_end(lx);
        }
      }
      if (!at_eol(lx)) {
        emit(lx, s, ITEM_NUMBER);
        s->after_hashes = true;
        return true;
      }
    }
    TextScan ts = {0};
    buf_push(&ts.buf, '#');
    return finish_prose(lx, s, valid, &ts, false);
  }

  /* "**1\. Call to Order**", "__2. Finance__", "**II. Public Comment**": a
   * numbered heading in strong emphasis, as word processors export it */
  if ((c == '*' || c == '_') && valid[ITEM_NUMBER]) {
    adv(lx);
    bool doubled = look(lx) == c;
    Buf roman = {0};
    if (doubled) {
      adv(lx);
      if (is_digit(look(lx))) {
        enum TokenType t = scan_numbered_line(lx, valid);
        if (t != TEXT) return emit(lx, s, t);
      } else if (is_upper(look(lx))) {
        read_word(lx, &roman);
        if (look(lx) == '.' && is_upper_roman(&roman)) {
          adv(lx);
          if (is_hspace(look(lx))) {
            skip_hspace_count(lx);
            mark_end(lx);
            if (rest_reads_as_title(lx)) return emit(lx, s, ITEM_NUMBER);
          }
        }
      }
    } else if (c == '*' && list_ok && bullet_rest(lx, true)) {
      return emit(lx, s, list_type);
    }
    mark_end(lx);
    TextScan ts = {0};
    buf_push(&ts.buf, c);
    if (!doubled) return finish_prose(lx, s, valid, &ts, false);
    buf_push(&ts.buf, c);
    for (uint32_t i = 0; i < roman.len; i++) buf_push(&ts.buf, roman.c[i]);
    return finish_strong_prose(lx, s, valid, &ts);
  }

  if (is_bullet(c) && list_ok) {
    if (scan_list_marker(lx, true)) return emit(lx, s, list_type);
    mark_end(lx);
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
    if (t == TEXT_ENDS_HERE) return emit_prose(lx, s, valid);
    if (t != TEXT) return emit(lx, s, t);
    return finish_prose(lx, s, valid, &ts, true);
  }

  /* anything else starts prose */
  if (!valid[TEXT] && !valid[LIST_MARKER] && !valid[RESOLUTION_MARKER]) return false;
  adv(lx);
  mark_end(lx);
  TextScan ts = {0};
  buf_push(&ts.buf, c);
  return finish_prose(lx, s, valid, &ts, false);
}
