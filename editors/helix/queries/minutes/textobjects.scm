; Text objects for Helix (`mi`/`ma` + key, `]`/`[` to move):
;   class (c)      an agenda item; inside: its title
;   function (f)   an action line or "(Action – …)" marker; inside: owner, task, due
;   parameter (a)  an action's owner
;   entry (e)      a resolution; inside: its words

(agenda_item) @class.around

(item_heading
  title: (title) @class.inside)

(action_line) @function.around

(action_line
  (action) @function.inside)

(action_marker) @function.around

(action_marker
  (action) @function.inside)

(action
  owner: (owner) @parameter.inside)

(resolution) @entry.around

(resolution
  (text) @entry.inside)
