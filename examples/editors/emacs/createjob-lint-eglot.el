;;; createjob-lint-eglot.el --- createjob-lint --lsp for JSON and YAML through eglot

;; Load it from init.el (or paste it there), then M-x eglot in a request file,
;; or keep the hooks below to start it for every JSON and YAML buffer. The server
;; leaves files that are not job requests without diagnostics.

(require 'eglot)

(dolist (mode '(json-mode json-ts-mode js-json-mode yaml-mode yaml-ts-mode))
  (add-to-list 'eglot-server-programs `(,mode . ("createjob-lint" "--lsp"))))

(dolist (hook '(json-mode-hook json-ts-mode-hook js-json-mode-hook yaml-mode-hook yaml-ts-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'createjob-lint-eglot)
;;; createjob-lint-eglot.el ends here
