/*
 * The external tokens (in the order of `externals` in grammar.js), the
 * scanner's state and its limits.
 */

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
  COMMENT,
  ACTION_REFERENCE,
  ERROR_SENTINEL,
};

typedef struct {
  bool at_line_start;
  bool prev_blank;
  /* the last token was the "##" of a Markdown heading, whose title is the
   * whole line (no run-in paragraph after a title in capitals) */
  bool after_hashes;
} Scanner;

/* Not a token: classify_word_line's answer when the prose token must end
 * at the last mark, before a word that starts an inline construct. */
#define TEXT_ENDS_HERE ((enum TokenType)(ERROR_SENTINEL + 1))

/* Longest heading or label we consider; longer lines are prose. */
#define HEADING_MAX 90
#define BUF_MAX 192
