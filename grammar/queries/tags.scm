; Tags: agenda items are sections, actions are actions; the @name is what a
; symbol list or outline shows.

; "1. Ofsted Outcome Letter", "Item 4: Work Programme", "Agenda item" + title
(agenda_item
  heading: (item_heading
    title: (title) @name)) @definition.section

; an unnumbered heading ("Decisions", "DECLARATIONS OF INTEREST")
(heading
  title: (heading_text) @name) @definition.section

; "ACTION: Ann James – circulate the letter …": named by its (first) owner
(action_line
  (action
    .
    owner: (owner) @name) @definition.action)

; "Action – DCS to provide …" without an owner: named by its task
(action_line
  (action
    !owner
    task: (task) @name) @definition.action)

; "(Action – Ann James)" inside prose
(action_marker
  (action
    .
    owner: (owner) @name)) @definition.action
