; Text objects in the style of nvim-treesitter-textobjects.
;
;   @item.outer        a whole agenda item: heading and every block it owns
;   @item.inner        the blocks of an agenda item, without its heading
;   @resolution.outer  a whole RESOLVED block, or one resolution in it
;   @resolution.inner  the words of one resolution, without its "a)" marker
;   @action.outer      an action line ("ACTION: …") or an inline action
;                      marker ("(Action – Ann James)")
;   @action.inner      the owner/task/due part of either, without the keyword
;                      or the brackets
;   @paragraph.outer   a paragraph, numbered paragraph or list item
;   @heading.inner     an agenda item's or heading's title

; ---- agenda items ----
(agenda_item) @item.outer

(agenda_item
  heading: (item_heading)
  .
  (_) @_start @_end
  (_)? @_end
  .
  (#make-range! "item.inner" @_start @_end))

(item_heading
  title: (title) @heading.inner)

(heading
  title: (heading_text) @heading.inner)

; ---- decisions ----
(resolved_block) @resolution.outer

(resolution) @resolution.outer

(resolution
  marker: (resolution_marker)
  .
  (_) @_start @_end
  (_)? @_end
  .
  (#make-range! "resolution.inner" @_start @_end))

(resolution
  !marker
  .
  (_) @_start @_end
  (_)? @_end
  .
  (#make-range! "resolution.inner" @_start @_end))

; ---- actions ----
(action_line) @action.outer

(action_line
  (action) @action.inner)

(action_marker) @action.outer

(action_marker
  (action) @action.inner)

; ---- paragraphs ----
(paragraph) @paragraph.outer
(numbered_paragraph) @paragraph.outer
(list_item) @paragraph.outer
