/* createjob-lint --lsp: a Language Server Protocol 3.17 server on standard input
 * and output, linting open documents as they change. */
#ifndef CJL_LSP_SERVER_H
#define CJL_LSP_SERVER_H

#include "lint.h"

/* Serves until `exit` or the end of input; returns the exit status (0 after a
 * shutdown request, 1 otherwise, as the protocol says). cfg->settings is used
 * for every document and its configurations are re-read when one changes.
 * `version` is the program's, told to the client. */
int lsp_serve(const struct lint_config *cfg, const char *version, int in, int out);

#endif
