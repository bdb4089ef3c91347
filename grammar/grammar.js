/**
 * tree-sitter-minutes: meeting minutes written as plain text.
 *
 * The grammar never rejects prose: every line is at worst a paragraph line.
 * Line-level decisions (is this numbered line a heading, does this blank run
 * hide a page break, is this bracket an action marker) are made by the
 * external scanner (`src/scanner.c`), which consumes a line's prose in one
 * token. The tree is hierarchical (document → agenda items → blocks → lines)
 * so that an edit reparses one item, not the whole document.
 *
 * There are no extras: whitespace is part of the tokens that own it.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

module.exports = grammar({
  name: 'minutes',

  extras: _ => [],

  // Every token comes from the external scanner: the scanner decides which
  // kind of line it is looking at, and tokens only make sense per line.
  externals: $ => [
    // ---- line-level separators (consume whole blank lines) ----
    $._blank, // a run of blank lines (spaces, tabs, U+00A0, BOM, form feed)
    $._page_break, // blank run inside a paragraph before a lower-case continuation
    $._list_gap, // blank run between two list items
    $._resolution_gap, // blank run between two resolutions of one RESOLVED block
    $._attendee_gap, // blank run between two attendee rows
    $._line_end, // end of a content line: LF, CRLF or end of input
    // ---- tokens that open a line ----
    $.item_marker, // "Agenda item" (committee-system export)
    $.item_number, // "1.", "26", "1/16", "21/04/7", "Item 4:", "Item 22/11/6/15.", "Minute 26/19 –", "##", "2)" alone on its line
    $.title, // heading title: the rest of the line, or a run of capitals
    $.heading_text, // an unnumbered heading line (short, set off by blank lines)
    $.paragraph_number, // "26.1", "1.2.3", "4." before body text
    $.list_marker, // "·", "•", "-", "i)", "(b)", "1)"; one space where a PDF lost the glyph
    $.resolved_marker, // "RESOLVED:", "AGREED:", "DECISION:", "BE IT RESOLVED, that"…
    $.resolution_marker, // "a)", "(1)", "RESOLVED, that" inside a RESOLVED block
    $.action_keyword, // "ACTION:", "ACTIONS:", "Action –", "Action by:"
    $.attendance_label, // "Present:", "Apologies:", "In attendance:"…
    $.label, // "Minutes:", "Supporting documents:", page chrome, "The meeting ended at…"
    $.signature, // "Chair …… Date ……", a lone "Cllr Name" at the end
    $.meeting_title, // "MINUTES of a meeting of … held on …"
    $.field_name, // "Date:", "Venue:", "Chair:" at the top of the file
    // ---- inline tokens ----
    $.text, // a run of prose up to the next inline construct or line end
    $.date, // "30 April 2019", "1st December", "2026-12-01", "1/12/2026"
    $._action_open, // "(Action", "(ACTION:", "(Action –"
    $._action_close, // ")" closing an action marker
    $.owner, // one owner of an action
    $._owner_joiner, // ",", "&", "and", "/" between owners
    $._owner_separator, // " – ", ": ", " to " between owner and task
    $.task, // what the owner must do
    $._due_keyword, // "by", "before", "due", ", by"
    $._paren_open, // "(" of an abbreviation definition or a role
    $._paren_close, // ")"
    $.short_form, // "DCS" in "Director of Children’s Services (DCS)"
    $.long_form, // "Multi Agency Safeguarding Hub" in "MASH (Multi Agency Safeguarding Hub)"
    $.person, // a name in an attendance list
    $.role, // "(Chair)", or a column of an attendance table
    $._attendee_separator, // ",", ";", "and" between attendees
    // ---- comments ----
    $.comment, // a line that starts "<!--": never minutes text; holds suppressions
    $._error_sentinel, // never in the grammar: tells the scanner it is in error recovery
  ],

  conflicts: _ => [],

  rules: {
    document: $ => seq(
      optional($.meeting_header),
      repeat($._block),
      repeat($.agenda_item),
    ),

    // ---- the meeting ----
    meeting_header: $ => choice(
      seq($._meeting_title_line, repeat($.header_field)),
      repeat1($.header_field),
    ),
    // "MINUTES of a meeting of the … Committee / held on 14 November 2026"
    _meeting_title_line: $ => prec.right(seq(
      $.meeting_title,
      repeat($._inline),
      $._line_end,
      repeat($._text_line),
    )),
    header_field: $ => seq(
      field('name', $.field_name),
      field('value', optional(alias($._field_value, $.value))),
      $._line_end,
    ),
    _field_value: $ => repeat1($._inline),

    // ---- agenda items own every block up to the next item ----
    agenda_item: $ => prec.right(seq(
      field('heading', $.item_heading),
      repeat($._block),
    )),

    item_heading: $ => choice(
      // "Agenda item" line, blank lines, then the title on its own line
      prec.right(seq(
        $.item_marker,
        $._line_end,
        optional($._blank),
        optional(seq(field('title', $.title), $._line_end)),
      )),
      // "1. Title", "26/19 Title", "Item 4: Title", "## Title"
      seq(
        field('number', $.item_number),
        optional(field('title', $.title)),
        choice(
          $._line_end,
          // "1. PUBLIC FORUM The streetlamp was discussed…": the item's first
          // paragraph runs on after a capitalised title
          field('run_in', alias($._run_in_paragraph, $.paragraph)),
        ),
      ),
    ),

    _run_in_paragraph: $ => prec.right(seq(
      repeat1($._inline),
      $._line_end,
      repeat($._paragraph_continuation),
    )),

    // ---- blocks ----
    _block: $ => choice(
      $._blank,
      $.heading,
      $.paragraph,
      $.numbered_paragraph,
      $.list,
      $.resolved_block,
      $.action_line,
      $.attendance,
      $.label_line,
      $.signature_line,
      $._comment_line,
    ),

    // "<!-- minutes: ignore M201 -->": invisible to the model's prose; the
    // model reads suppressions from it
    _comment_line: $ => seq($.comment, $._line_end),

    heading: $ => seq(field('title', $.heading_text), $._line_end),

    label_line: $ => seq($.label, $._line_end),

    signature_line: $ => seq($.signature, $._line_end),

    paragraph: $ => prec.right(seq(
      $._text_line,
      repeat($._paragraph_continuation),
    )),

    _paragraph_continuation: $ => choice(
      $._text_line,
      seq(alias($._page_break, $.page_break), $._text_line),
    ),

    _text_line: $ => seq(repeat1($._inline), $._line_end),

    numbered_paragraph: $ => prec.right(seq(
      field('number', $.paragraph_number),
      repeat($._inline),
      $._line_end,
      repeat($._paragraph_continuation),
    )),

    list: $ => prec.right(seq(
      $.list_item,
      repeat(seq(optional($._list_gap), $.list_item)),
    )),

    list_item: $ => prec.right(seq(
      field('marker', $.list_marker),
      repeat($._inline),
      $._line_end,
      repeat($._paragraph_continuation),
    )),

    // ---- decisions ----
    resolved_block: $ => prec.right(seq(
      field('marker', $.resolved_marker),
      choice(
        // "RESOLVED – That the report be noted." / "Resolved: (1) That …"
        seq($.resolution, repeat(seq(optional($._resolution_gap), $.resolution))),
        // "RESOLVED:" alone, resolutions below it
        seq($._line_end, repeat(seq(optional($._resolution_gap), $.resolution))),
      ),
    )),

    resolution: $ => prec.right(seq(
      choice(
        // "a) That …", or "2)" alone with its text on the next line
        seq(field('marker', $.resolution_marker), repeat($._inline)),
        repeat1($._inline),
      ),
      $._line_end,
      repeat($._paragraph_continuation),
    )),

    // ---- actions ----
    action_line: $ => prec.right(seq(
      field('keyword', $.action_keyword),
      repeat(choice($.action, $._inline)),
      $._line_end,
      repeat($._paragraph_continuation),
    )),

    action: $ => prec.right(choice(
      seq($._owners, optional($._owner_separator), optional(field('task', $.task)), optional(field('due', $.due))),
      seq(field('task', $.task), optional(field('due', $.due))),
      field('due', $.due),
    )),

    _owners: $ => seq(field('owner', $.owner), repeat(seq($._owner_joiner, field('owner', $.owner)))),

    due: $ => seq($._due_keyword, $.date),

    action_marker: $ => seq($._action_open, optional($.action), $._action_close),

    // ---- attendance ----
    // The line end of an attendance line that the list goes on after is
    // `_attendee_gap` (the scanner looks at the next non-blank line), so
    // rows separated by blank lines stay in one list.
    attendance: $ => seq(
      field('label', $.attendance_label),
      repeat($._attendee_or_separator),
      repeat(seq($._attendee_gap, repeat1($._attendee_or_separator))),
      $._line_end,
    ),

    _attendee_or_separator: $ => choice($.attendee, $._attendee_separator),

    attendee: $ => prec.right(seq(
      field('name', $.person),
      repeat(choice(
        seq($._paren_open, field('role', $.role), $._paren_close),
        field('role', $.role),
      )),
    )),

    // ---- inline ----
    _inline: $ => choice(
      $.text,
      $.date,
      $.action_marker,
      $.abbreviation_definition,
    ),

    abbreviation_definition: $ => choice(
      // "Director of Children’s Services (DCS)": the long form is the words
      // before the bracket; the model reads them back from the initials
      seq($._paren_open, field('short', $.short_form), $._paren_close),
      // "MASH (Multi Agency Safeguarding Hub)"
      seq(field('short', $.short_form), $._paren_open, field('long', $.long_form), $._paren_close),
    ),
  },
});
