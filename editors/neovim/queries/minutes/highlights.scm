; Highlighting for Neovim 0.7 and 0.10+.
;
; Neovim 0.7 maps a capture to a highlight group through a fixed table
; (keyword → Keyword, label → Label, property → Identifier, …) or, for a
; capture written with a capital letter, to the group of that name; it
; knows no markup.* names. Neovim 0.10+ links @markup.heading and the rest
; by default and leaves an unknown @Title unpainted. So headings carry both
; (@markup.heading for 0.10+, @Title for 0.7), and everything else uses
; names both versions know.

(meeting_title) @markup.heading @Title

(header_field
  name: (field_name) @label)

; "1.", "26/19", "Item 4:", "Minute 26/19 –", "##"
(item_heading
  number: (item_number) @number)

(item_heading
  (item_marker) @markup.heading @Title)

(item_heading
  title: (title) @markup.heading @Title)

(heading
  title: (heading_text) @markup.heading @Title)

(numbered_paragraph
  number: (paragraph_number) @number)

(list_item
  marker: (list_marker) @punctuation.special)

; "RESOLVED:", "AGREED:", "DECISION:"
(resolved_block
  marker: (resolved_marker) @keyword)

(resolution
  marker: (resolution_marker) @punctuation.special)

; "ACTION:", "Action by:"
(action_line
  keyword: (action_keyword) @keyword)

(action_marker) @keyword

(action
  owner: (owner) @property)

(due) @keyword

(attendance
  label: (attendance_label) @label)

(attendee
  role: (role) @type)

(date) @string.special

(abbreviation_definition
  short: (short_form) @constant)

(label_line
  (label) @comment)

(signature_line
  (signature) @comment)
