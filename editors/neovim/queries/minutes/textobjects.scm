; Text objects for nvim-treesitter-textobjects (or any plugin that reads
; textobjects.scm). Plain captures only: no #make-range! directive, so the
; query compiles in Neovim itself and with the tree-sitter CLI.
;
;   @class.outer      an agenda item (heading and every block it owns)
;   @class.inner      an agenda item's title
;   @block.outer      a RESOLVED block, or one resolution in it
;   @block.inner      the words of one resolution, without its "a)"
;   @call.outer       an action line or an inline "(Action – …)" marker
;   @call.inner       its owner, task and due date, without the keyword
;   @parameter.inner  an action's owner
;   @paragraph.outer  a paragraph, numbered paragraph or list item

(agenda_item) @class.outer

(item_heading
  title: (title) @class.inner)

(heading
  title: (heading_text) @class.inner)

(resolved_block) @block.outer

(resolution) @block.outer

(resolution
  (text) @block.inner)

(action_line) @call.outer

(action_line
  (action) @call.inner)

(action_marker) @call.outer

(action_marker
  (action) @call.inner)

(action
  owner: (owner) @parameter.inner)

(paragraph) @paragraph.outer

(numbered_paragraph) @paragraph.outer

(list_item) @paragraph.outer
