/* What the language server offers on a document: diagnostics, hover, completion
 * and code actions, each a JSON answer built from the linter's own findings, rule
 * catalog and request shape. */
#ifndef CJL_LSP_FEATURES_H
#define CJL_LSP_FEATURES_H

#include <json-c/json.h>

#include "lint.h"
#include "lsp_rpc.h"
#include "lsp_text.h"

struct lsp_ctx {
	struct lsp_rpc *rpc;
	enum lsp_encoding enc;
	const struct lint_config *cfg; /* with the settings the command line gave */
};

/* The last lint of a document's text (doc->lint). */
struct lsp_lint {
	struct lint_result res;
};

/* Lints the document's current text and publishes its diagnostics. */
void lsp_lint_and_publish(const struct lsp_ctx *ctx, struct lsp_doc *doc);
/* Lints again first when the text changed since the last lint. */
const struct lsp_lint *lsp_lint_current(const struct lsp_ctx *ctx, struct lsp_doc *doc);
/* Publishes no diagnostics for a document (closed). */
void lsp_clear_diagnostics(const struct lsp_ctx *ctx, const char *uri);
void lsp_lint_free(void *lint);

/* {"start": {...}, "end": {...}} for bytes [start, end) of the document. */
json_object *lsp_range_json(struct lsp_doc *doc, enum lsp_encoding enc, size_t start, size_t end);
/* A position read from JSON ({"line", "character"}); false when malformed. */
bool lsp_pos_from_json(json_object *obj, struct lsp_pos *pos);

json_object *lsp_code_actions(const struct lsp_ctx *ctx, struct lsp_doc *doc, json_object *params);
/* A Hover, or NULL (JSON null) when there is nothing to say at pos. */
json_object *lsp_hover(const struct lsp_ctx *ctx, struct lsp_doc *doc, struct lsp_pos pos);
/* A CompletionList. */
json_object *lsp_completion(const struct lsp_ctx *ctx, struct lsp_doc *doc, struct lsp_pos pos);

#endif
