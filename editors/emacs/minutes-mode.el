;;; minutes-mode.el --- Meeting minutes written as plain text  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, text
;; SPDX-License-Identifier: MIT

;;; Commentary:

;; A major mode for *.minutes files: agenda items, RESOLVED blocks,
;; actions with owners.  Font-lock colours the structure; the language
;; server `minutes lsp' (through eglot) brings diagnostics (flymake), the
;; outline (imenu), completion of owners, hover and quick fixes.
;;
;;   (add-to-list 'load-path "/path/to/minutes/editors/emacs")
;;   (require 'minutes-mode)
;;   (add-hook 'minutes-mode-hook #'eglot-ensure)
;;
;; The server is `minutes' on PATH (`cargo install --locked --path .' in the
;; repository); set `minutes-server-command' to use another.

;;; Code:

(defgroup minutes nil
  "Meeting minutes written as plain text."
  :group 'text
  :prefix "minutes-")

(defcustom minutes-server-command '("minutes" "lsp")
  "The language server and its arguments, for eglot."
  :type '(repeat string))

(defcustom minutes-rule-docs-url nil
  "Where a diagnostic's rule link points (`#m101' is appended).
nil keeps the server's default: the project README's rule anchors."
  :type '(choice (const :tag "Server default" nil) string))

(defface minutes-heading-face '((t :inherit font-lock-function-name-face :weight bold))
  "Agenda item headings and the meeting title.")

(defface minutes-owner-face '((t :inherit font-lock-variable-name-face))
  "The owner of an action.")

(defconst minutes--item-heading-re
  (concat "^\\(?:\\(?:Item\\|Minute\\|Agenda item\\)[ \t]+\\)?"
          "\\([0-9]+\\(?:[./][0-9]+\\)?\\.?\\|##+\\)[ \t]*[:–-]?[ \t]+"
          "\\([[:upper:]][^\n]\\{0,120\\}\\)$")
  "An agenda item heading: \"1. Title\", \"26/19 Title\", \"Item 4: Title\".")

(defconst minutes-font-lock-keywords
  `(("\\`MINUTES\\b[^\n]*" . 'minutes-heading-face)
    (,minutes--item-heading-re (1 font-lock-constant-face) (2 'minutes-heading-face))
    ("^[0-9]+\\(?:\\.[0-9]+\\)+\\b" . font-lock-constant-face)
    ("^\\(?:BE IT \\)?\\(?:RESOLVED\\|AGREED\\|DECISION\\|Resolved\\|Agreed\\)\\b[^\n:–-]*[:–-]?"
     . font-lock-keyword-face)
    ("^[ \t]*\\(?:[a-z]\\|[ivx]+\\|[0-9]+\\))[ \t]" . font-lock-builtin-face)
    ("^\\(ACTIONS?\\|Action by\\)[ \t]*[:–-][ \t]*\\([[:upper:]][^–\n]*?\\)?[ \t]*\\(?:–\\|$\\)"
     (1 font-lock-keyword-face) (2 'minutes-owner-face nil t))
    ("(\\(Action\\)\\(?:[ \t]*[–—:-][ \t]*\\([^,)\n]+\\)\\)?"
     (1 font-lock-keyword-face) (2 'minutes-owner-face nil t))
    ("^\\(Present\\|Apologies\\|In attendance\\|Attendees\\|Also present\\)[ \t]*:"
     (1 font-lock-type-face))
    ("\\b[0-9]\\{1,2\\} \\(?:January\\|February\\|March\\|April\\|May\\|June\\|July\\|August\\|September\\|October\\|November\\|December\\) [0-9]\\{4\\}\\b"
     . font-lock-string-face))
  "Font-lock for minutes: headings, decisions, actions and owners, attendance, dates.")

(defvar minutes-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    ;; O&S, DoE and Children’s stay one word
    (modify-syntax-entry ?& "w" table)
    (modify-syntax-entry ?’ "w" table)
    table)
  "Syntax table of `minutes-mode'.")

;;;###autoload
(define-derived-mode minutes-mode text-mode "Minutes"
  "Major mode for meeting minutes written as plain text.
\\{minutes-mode-map}"
  :syntax-table minutes-mode-syntax-table
  (setq-local font-lock-defaults '(minutes-font-lock-keywords))
  (setq-local fill-column 79))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.minutes\\'" . minutes-mode))

(defun minutes--eglot-contact (&optional _interactive)
  "The server command, with the rule documentation URL if one is set."
  (append minutes-server-command
          (when minutes-rule-docs-url
            (list :initializationOptions (list :ruleDocsUrl minutes-rule-docs-url)))))

;; eglot manages imenu (textDocument/documentSymbol) and flymake itself.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(minutes-mode . minutes--eglot-contact)))

(provide 'minutes-mode)
;;; minutes-mode.el ends here
