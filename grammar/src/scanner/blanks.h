/*
 * Blank runs: what the line after them decides (a page break, the gap
 * inside a list, a RESOLVED block or an attendance table).
 */

/* ------------------------------------------------------------------ */
/* what follows a blank run                                              */

/* The first characters of the next line (after its leading space), read
 * once: every decision about a blank run is made from this copy, since
 * looking ahead consumes. */
typedef struct {
  int32_t c[32];
  int n;
} Peek;

static void peek_line(Lexer *lx, Peek *p) {
  skip_hspace_count(lx);
  p->n = 0;
  while (!at_eol(lx) && p->n < 32) {
    p->c[p->n++] = look(lx);
    adv(lx);
  }
}

static bool peek_is_hspace(const Peek *p, int i) { return i >= p->n || is_hspace(p->c[i]); }

/* A list marker at the start of the peeked line: a bullet, "i)", "(b)",
 * "A.", "1)" followed by space. */
static bool peek_list_marker(const Peek *p) {
  if (p->n == 0) return false;
  if (is_bullet(p->c[0])) {
    /* as scan_list_marker: the bullet, space, then something */
    if (p->n < 2 || !is_hspace(p->c[1])) return false;
    for (int i = 2; i < p->n; i++)
      if (!is_hspace(p->c[i])) return true;
    return false;
  }
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

/* "V. OLD BUSINESS", "IV. Presentation": an upper-case roman number and a
 * capital after it, the shape of a US agenda item. After a blank run it
 * does not go on the list above it, whatever that list's markers. */
static bool peek_roman_item(const Peek *p) {
  int i = 0;
  while (i < p->n && i < 6 && (p->c[i] == 'I' || p->c[i] == 'V' || p->c[i] == 'X')) i++;
  if (i == 0 || i + 2 >= p->n || p->c[i] != '.' || !is_hspace(p->c[i + 1])) return false;
  int j = i + 1;
  while (j < p->n && is_hspace(p->c[j])) j++;
  return j < p->n && is_upper(p->c[j]);
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

/* "That …", "RESOLVED, that", "BE IT FURTHER RESOLVED", or a marker (a
 * second "RESOLVED:" opens a block of its own) */
static bool peek_resolution(const Peek *p) {
  if (peek_list_marker(p)) return true;
  if (p->n > 0 && p->c[0] == 'T' && peek_word_ci(p, "that")) return true;
  if (p->n > 8 && p->c[0] == 'R' && peek_word_ci(p, "resolved") && p->c[8] == ',')
    return true;
  if (p->n > 0 && p->c[0] == 'N' && peek_word_ci(p, "now, therefore, be it further")) return true;
  return p->n > 0 && p->c[0] == 'B' && peek_word_ci(p, "be it further resolved");
}

/* Is the line a row of an attendance list or table:
 * "Cllr Jo Bruce   JB   Chairperson", "Mark Wardle (MW) (Chair)\t-\tUHB"? */
static bool line_is_attendee_row(Lexer *lx) {
  skip_hspace_count(lx);
  if (!is_upper(look(lx))) return false;
  int len = 0, words = 1, gaps = 0;
  bool paren = false, comma = false, colon = false;
  int32_t last = 0, prev = 0;
  while (!at_eol(lx)) {
    int32_t c = look(lx);
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
