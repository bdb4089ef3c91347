/*
 * Keywords: every word and phrase the scanner recognises, as data. Matching
 * is case-insensitive (the tables are lower case); the callers decide which
 * case and punctuation a keyword needs.
 */

static const char *MONTHS[] = {"january", "february", "march",     "april",
                               "may",     "june",     "july",      "august",
                               "september", "october", "november", "december", NULL};

/* The first word of a line that may open a keyword line. */
typedef enum {
  KW_NONE,
  KW_RESOLVED,    /* RESOLVED:, Resolved that, RESOLVED TO RECOMMEND: */
  KW_DECIDED,     /* AGREED:, DECISION:, Decisions, APPROVED:, RECOMMENDED:,
                     RESOLUTION: (W3C) */
  KW_AGREED,      /* also "Agreed that …" at the start of a sentence */
  KW_NOW,         /* NOW, THEREFORE, BE IT RESOLVED */
  KW_BE,          /* BE IT RESOLVED, BE IT FURTHER RESOLVED */
  KW_ACTION,      /* ACTION:, Actions:, Action –, Action by: */
  KW_ITEM,        /* Item 4: Title, Item 21/04/7 Title */
  KW_MINUTE,      /* Minute 26/19 – Title */
  KW_OTHER,       /* opens a keyword line of several words, or a field */
} Keyword;

static const struct {
  const char *word;
  Keyword kw;
} FIRST_WORDS[] = {
    {"resolved", KW_RESOLVED}, {"agreed", KW_AGREED},     {"decision", KW_DECIDED},
    {"decisions", KW_DECIDED}, {"approved", KW_DECIDED},  {"recommended", KW_DECIDED},
    {"resolution", KW_DECIDED},
    {"now", KW_NOW},           {"be", KW_BE},             {"action", KW_ACTION},
    {"actions", KW_ACTION},    {"todo", KW_ACTION},       {"item", KW_ITEM},
    {"minute", KW_MINUTE},
    {"minutes", KW_OTHER},     {"present", KW_OTHER},     {"apologies", KW_OTHER},
    {"attendees", KW_OTHER},   {"attendance", KW_OTHER},  {"absent", KW_OTHER},
    {"agenda", KW_OTHER},      {"date", KW_OTHER},        {"venue", KW_OTHER},
    {NULL, KW_NONE}};

/* Labels of attendance lists, before ':'. */
static const char *ATTENDANCE[] = {
    "present", "members present", "councillors present", "apologies",
    "apologies for absence", "apologies received", "in attendance",
    "also present", "also in attendance", "officers", "officers present",
    "officers in attendance", "attendees", "attendance", "absent", "guests",
    "committee members present", "board members present", "directors present",
    "trustees present", "governors present", "attending", "attended",
    "participants", "people present", "members in attendance", "observers",
    "regrets", "members absent", "not present", "roll call", NULL};

/* Header fields at the top of a file, before ':'. */
static const char *FIELDS[] = {"meeting", "date", "time", "venue", "place",
                               "location", "chair", "chairman", "minute taker",
                               "clerk", "title", NULL};

/* Lines that end a meeting: a label, not prose. Matched as prefixes. */
static const char *CLOSING_PHRASES[] = {
    "the meeting ended", "the meeting closed", "the meeting finished",
    "the meeting concluded", "meeting closed", "meeting ended", "adjourned at",
    "there being no other business", NULL};

/* Keywords of more than one word. Further words are read only while they
 * can still make one of these, so prose goes back to the inline lexer
 * (dates, abbreviations) as early as possible. */
static const char *PHRASES[] = {
    "roll call", "people present", "members in attendance", "members absent",
    "not present", "members present", "councillors present", "apologies for absence",
    "apologies received", "in attendance", "also present", "also in attendance",
    "officers present", "officers in attendance", "committee members present",
    "board members present", "directors present", "trustees present",
    "governors present", "minute taker", "minutes of", "the meeting ended",
    "the meeting closed", "the meeting finished", "the meeting concluded",
    "meeting closed", "meeting ended", "adjourned at", "there being no other business",
    "be it further resolved", "agenda item", NULL};

static bool buf_is_one_of(const Buf *b, const char **list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == b->len && buf_eq_ci(b, 0, list[i])) return true;
  return false;
}

static bool buf_starts_with_one_of(const Buf *b, const char **list) {
  for (int i = 0; list[i]; i++)
    if (buf_eq_ci(b, 0, list[i])) return true;
  return false;
}

/* The keyword a line's first word (the whole of `b`) may open. */
static Keyword first_word_keyword(const Buf *b) {
  for (int i = 0; FIRST_WORDS[i].word; i++)
    if (strlen(FIRST_WORDS[i].word) == b->len && buf_eq_ci(b, 0, FIRST_WORDS[i].word))
      return FIRST_WORDS[i].kw;
  return KW_NONE;
}

/* Is `w` (lower case, `n` letters) a month name or its abbreviation? */
static bool is_month_word(const char *w, int n) {
  if (n == 4 && strcmp(w, "sept") == 0) return true;
  for (int m = 0; MONTHS[m]; m++) {
    if (strcmp(w, MONTHS[m]) == 0) return true;
    if (n == 3 && strncmp(w, MONTHS[m], 3) == 0) return true;
  }
  return false;
}

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
