; Syntax highlighting for meeting minutes.
; Every node used here is listed in src/node-types.json. Later patterns win
; over earlier ones in most editors, so specific captures come last.

; ---- meeting header ---------------------------------------------------------

(meeting_title) @markup.heading.1

(header_field
  name: (field_name) @property)

; ---- agenda items and headings ---------------------------------------------

; "1.", "26/19", "Item 4:", "Minute 26/19 –", "##"
(item_heading
  number: (item_number) @number)

; the "Agenda item" line of a committee-system export
(item_heading
  (item_marker) @markup.heading)

(item_heading
  title: (title) @markup.heading.2)

; an unnumbered heading line ("Decisions", "DECLARATIONS OF INTEREST")
(heading
  title: (heading_text) @markup.heading.3)

; ---- numbered paragraphs and lists -----------------------------------------

; "26.1", "1.2.3"
(numbered_paragraph
  number: (paragraph_number) @number)

; "·", "•", "-", "i)", "(b)", "1)"
(list_item
  marker: (list_marker) @markup.list)

; ---- decisions -------------------------------------------------------------

; "RESOLVED:", "AGREED:", "DECISION:", "BE IT RESOLVED, that", "Decisions"
(resolved_block
  marker: (resolved_marker) @keyword)

; "a)", "(1)", "RESOLVED, that" inside a RESOLVED block
(resolution
  marker: (resolution_marker) @markup.list)

; ---- actions ---------------------------------------------------------------

; "ACTION:", "ACTIONS:", "Action –", "Action by:"
(action_line
  keyword: (action_keyword) @keyword)

; "(Action – Ann James)": the whole bracket reads as a keyword-led marker;
; the owner/task/due captures below paint over its parts
(action_marker) @keyword

(action
  owner: (owner) @variable)

(action
  task: (task) @string)

; "by 30 April 2019": the keyword part of the due date (the date itself is
; painted by the (date) pattern below)
(due) @keyword

; ---- attendance ------------------------------------------------------------

; "Present:", "Apologies:", "In attendance:"
(attendance
  label: (attendance_label) @label)

(attendee
  name: (person) @variable)

(attendee
  role: (role) @attribute)

; ---- inline ----------------------------------------------------------------

; every date: in prose, in header values, in due dates ("30 April 2019",
; "2026-12-01", "1/12/2026")
(date) @string.special

; "Director of Children’s Services (DCS)", "MASH (Multi Agency Safeguarding Hub)"
(abbreviation_definition
  short: (short_form) @constant)

(abbreviation_definition
  long: (long_form) @string)

; ---- labels, chrome, signature ---------------------------------------------

; "Minutes:", "Supporting documents:", page chrome, "The meeting ended at …",
; "Resolved: (For information only)"
(label_line
  (label) @comment)

; "Chair …… Date ……", a lone "Cllr Name" at the end
(signature_line
  (signature) @comment)

; a blank run that hides a page break inside a paragraph
(page_break) @comment

; "<!-- minutes: ignore M201 -->": a comment line, suppressions included
(comment) @comment
