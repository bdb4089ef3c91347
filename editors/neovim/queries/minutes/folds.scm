; an agenda item folds to its heading line; blocks to their first line
(agenda_item) @fold
(meeting_header) @fold
(attendance) @fold
(resolved_block) @fold
(list) @fold
(numbered_paragraph) @fold
(paragraph) @fold
