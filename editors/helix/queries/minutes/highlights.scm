; Highlighting for Helix, with Helix's scope names. In Helix the first
; pattern that matches a node wins, so specific patterns come first.

(meeting_title) @markup.heading.1

(item_heading
  number: (item_number) @markup.list.numbered)

(item_heading
  (item_marker) @markup.heading.marker)

(item_heading
  title: (title) @markup.heading.2)

(heading
  title: (heading_text) @markup.heading.3)

(header_field
  name: (field_name) @attribute)

(numbered_paragraph
  number: (paragraph_number) @markup.list.numbered)

(list_item
  marker: (list_marker) @markup.list.unnumbered)

(resolved_block
  marker: (resolved_marker) @keyword.control)

(resolution
  marker: (resolution_marker) @markup.list.numbered)

(action_line
  keyword: (action_keyword) @keyword.control)

(action
  owner: (owner) @variable.other.member)

(action
  task: (task) @string)

(due) @keyword

(action_marker) @keyword.control

(attendance
  label: (attendance_label) @label)

(attendee
  name: (person) @variable)

(attendee
  role: (role) @type)

(date) @string.special

(abbreviation_definition
  short: (short_form) @constant)

(abbreviation_definition
  long: (long_form) @string)

(label_line
  (label) @comment)

(signature_line
  (signature) @comment)

(page_break) @comment
