;;; emacs.el --- Emacs + eglot (Debian's) with editors/emacs/minutes-mode.el, in batch  -*- lexical-binding: t -*-
;;
;; Checks: the mode is chosen for *.minutes, flymake shows the server's
;; diagnostics, imenu (eglot → documentSymbol) lists agenda items and
;; actions, every code action applies through eglot's own code path
;; without an error, an edit re-publishes the diagnostics.
;;
;;   MINUTES_BIN=target/debug/minutes MINUTES_EMACS_MODE=editors/emacs OUT=result.json \
;;     emacs --batch -l tests/editors/emacs.el FILE.minutes
(require 'package)
(package-initialize)                    ; Debian's elpa-eglot
(require 'eglot)
(require 'json)
(require 'cl-lib)
(add-to-list 'load-path (getenv "MINUTES_EMACS_MODE"))
(require 'minutes-mode)
(setq minutes-server-command (list (getenv "MINUTES_BIN") "lsp"))

(defvar mt-out (getenv "OUT"))
(defvar mt-checks nil)
(defvar mt-failed nil)
(defvar mt-facts nil)
(defvar mt-count 0 "How many diagnostics the fixture has.")

(defun mt-check (name ok &optional detail)
  (push `((name . ,name) (ok . ,(if ok t :json-false)) (detail . ,(format "%S" detail))) mt-checks)
  (unless ok (setq mt-failed t)))

(defun mt-wait (pred &optional seconds)
  "Pump process output (batch mode has no idle loop) until PRED or timeout."
  (let ((deadline (+ (float-time) (or seconds 15))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall pred)))

(defun mt-finish ()
  (push (cons 'emacs emacs-version) mt-facts)
  (push (cons 'checks (reverse mt-checks)) mt-facts)
  (push (cons 'ok (if mt-failed :json-false t)) mt-facts)
  (with-temp-file mt-out (insert (json-encode mt-facts)))
  (ignore-errors (let ((s (eglot-current-server))) (when s (eglot-shutdown s))))
  (kill-emacs (if mt-failed 1 0)))

(defun mt-codes ()
  (mapcar (lambda (d)
            (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
              (format "%s@%d" (plist-get lsp :code) (line-number-at-pos (flymake-diagnostic-beg d)))))
          (flymake-diagnostics)))

(defun mt-sync ()
  "Send the buffer's changes now (eglot waits for an idle timer otherwise)."
  (eglot--signal-textDocument/didChange))

(defun mt-run (file)
  (find-file file)
  (mt-check "minutes-mode for *.minutes" (eq major-mode 'minutes-mode) major-mode)
  ;; eglot-ensure defers to post-command-hook, which never runs in --batch
  (apply #'eglot--connect (eglot--guess-contact))
  (mt-check "eglot manages the buffer" (mt-wait (lambda () eglot--managed-mode)))
  (flymake-start)
  (let ((t0 (float-time)))
    (mt-wait (lambda () (cl-some (lambda (c) (string-prefix-p "M103" c)) (mt-codes))))
    (push (cons 'first_diagnostics_ms (* 1000 (- (float-time) t0))) mt-facts))
  (let ((codes (mt-codes)))
    (setq mt-count (length codes))
    (push (cons 'diagnostics codes) mt-facts)
    (mt-check "flymake shows the diagnostics (M101, M103)"
              (and (cl-some (lambda (c) (string-prefix-p "M101" c)) codes)
                   (cl-some (lambda (c) (string-prefix-p "M103" c)) codes))
              codes))
  ;; imenu through eglot (textDocument/documentSymbol), grouped by kind
  (let* ((index (funcall imenu-create-index-function))
         (flat nil))
    (cl-labels ((walk (entries path)
                  (dolist (e entries)
                    (if (imenu--subalist-p e)
                        (walk (cdr e) (cons (car e) path))
                      (push (string-join (reverse (cons (car e) path)) " / ") flat)))))
      (walk index nil))
    (setq flat (nreverse flat))
    (push (cons 'imenu flat) mt-facts)
    (mt-check "imenu lists agenda items and actions"
              (and (cl-some (lambda (s) (string-match-p "2\\. Public Health Annual Report" s)) flat)
                   (cl-some (lambda (s) (string-match-p "Ann James: " s)) flat))
              flat))
  ;; every code action of every diagnostic, through eglot's own reader
  (let ((original (buffer-string))
        (titles nil) (applied 0) (errors nil))
    (dolist (d (flymake-diagnostics))
      (let* ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d))
             (actions (eglot-code-actions beg end)))
        (dotimes (i (length actions))
          (let ((inhibit-read-only t))
            (erase-buffer) (insert original) (mt-sync))
          ;; fresh actions for the restored text; pick the i-th
          (let* ((fresh (eglot-code-actions beg end))
                 (a (nth i fresh))
                 (title (plist-get a :title)))
            (push title titles)
            (condition-case err
                (progn
                  ;; as from the keyboard: eglot asks with completing-read
                  ;; (a mouse event would pop up a menu)
                  (let ((last-nonmenu-event ?\r))
                    (cl-letf (((symbol-function 'completing-read)
                               (lambda (&rest _) title)))
                      (eglot--read-execute-code-action fresh (eglot--current-server-or-lose))))
                  (if (equal (buffer-string) original)
                      (push (format "%s: nothing changed" title) errors)
                    (setq applied (1+ applied))))
              (error (push (format "%s: %S" title err) errors)))))))
    (let ((inhibit-read-only t)) (erase-buffer) (insert original) (mt-sync))
    (push (cons 'code_actions (reverse titles)) mt-facts)
    (mt-check "every code action applies without an error"
              (and titles (null errors) (= applied (length titles)))
              (or errors titles)))
  ;; an edit re-publishes the diagnostics
  (mt-wait (lambda () (= (length (flymake-diagnostics)) mt-count)))
  (let ((before (length (flymake-diagnostics))))
    (goto-char (point-max))
    (insert "\nACTION: to review the contract\n")
    (mt-sync)
    (mt-check "an edit updates the diagnostics"
              (mt-wait (lambda () (= (length (flymake-diagnostics)) (1+ before))))
              (list before (length (flymake-diagnostics)))))
  (set-buffer-modified-p nil))

(condition-case err
    (let ((file (car command-line-args-left)))
      (setq command-line-args-left nil)
      (mt-run file))
  (error (mt-check "test ran" nil err)))
(mt-finish)
