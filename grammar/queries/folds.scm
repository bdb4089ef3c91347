; Folding: an agenda item folds to its heading line; multi-line blocks fold
; to their first line.

(agenda_item) @fold
(meeting_header) @fold
(attendance) @fold
(resolved_block) @fold
(resolution) @fold
(list) @fold
(list_item) @fold
(numbered_paragraph) @fold
(paragraph) @fold
(action_line) @fold
