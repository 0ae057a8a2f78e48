/* Diagnostics and code actions for the language server: the linter's findings
 * and fixes, in LSP terms (ranges in the negotiated encoding). */
#include "lsp_features.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SOURCE_NAME "createjob-lint"
#define FIX_ALL_KIND "source.fixAll.createjob-lint"

static json_object *pos_json(struct lsp_pos pos)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "line", json_object_new_int64((int64_t)pos.line));
	json_object_object_add(o, "character", json_object_new_int64((int64_t)pos.character));
	return o;
}

json_object *lsp_range_json(struct lsp_doc *doc, enum lsp_encoding enc, size_t start, size_t end)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "start", pos_json(lsp_doc_position(doc, enc, start)));
	json_object_object_add(o, "end", pos_json(lsp_doc_position(doc, enc, end)));
	return o;
}

static bool read_index(json_object *obj, const char *key, size_t *out)
{
	json_object *v;
	int64_t n;

	if (!json_object_object_get_ex(obj, key, &v) || !json_object_is_type(v, json_type_int))
		return false;
	n = json_object_get_int64(v);
	if (n < 0)
		return false;
	*out = (size_t)n;
	return true;
}

bool lsp_pos_from_json(json_object *obj, struct lsp_pos *pos)
{
	return obj && json_object_is_type(obj, json_type_object) &&
	       read_index(obj, "line", &pos->line) && read_index(obj, "character", &pos->character);
}

void lsp_lint_free(void *lint)
{
	struct lsp_lint *l = lint;

	if (!l)
		return;
	lint_result_free(&l->res);
	free(l);
}

static int lsp_severity(enum severity sev)
{
	return sev == SEV_ERROR ? 1 : sev == SEV_WARNING ? 2 : 3;
}

static json_object *location_json(struct lsp_doc *doc, enum lsp_encoding enc, size_t start,
				  size_t end)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "uri", json_object_new_string(doc->uri));
	json_object_object_add(o, "range", lsp_range_json(doc, enc, start, end));
	return o;
}

/* The second place of a finding: the first of two duplicate keys, or the anchor
 * of the alias the finding was met through. */
static json_object *related_json(struct lsp_doc *doc, enum lsp_encoding enc, const struct diag *d)
{
	json_object *list = json_object_new_array(), *info = json_object_new_object();
	size_t at = d->related - 1;

	json_object_object_add(info, "location", location_json(doc, enc, at, at));
	json_object_object_add(info, "message",
			       json_object_new_string(d->via_alias ? "the anchor of the alias"
								   : "the first place"));
	json_object_array_add(list, info);
	return list;
}

static json_object *diagnostic_json(struct lsp_doc *doc, enum lsp_encoding enc,
				    const struct diag *d)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "range", lsp_range_json(doc, enc, d->start, d->end));
	json_object_object_add(o, "severity", json_object_new_int(lsp_severity(d->severity)));
	json_object_object_add(o, "code", json_object_new_string(diag_rule_id(d)));
	json_object_object_add(o, "source", json_object_new_string(SOURCE_NAME));
	json_object_object_add(o, "message", json_object_new_string(d->message ? d->message : ""));
	if (d->related)
		json_object_object_add(o, "relatedInformation", related_json(doc, enc, d));
	return o;
}

/* A finding with no place in the text (a configuration that cannot be used). */
static json_object *message_diagnostic(struct lsp_doc *doc, enum lsp_encoding enc,
				       const char *code, const char *message)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "range", lsp_range_json(doc, enc, 0, 0));
	json_object_object_add(o, "severity", json_object_new_int(1));
	json_object_object_add(o, "code", json_object_new_string(code));
	json_object_object_add(o, "source", json_object_new_string(SOURCE_NAME));
	json_object_object_add(o, "message", json_object_new_string(message));
	return o;
}

static json_object *diagnostics_json(struct lsp_doc *doc, enum lsp_encoding enc,
				     const struct lint_result *res)
{
	json_object *list = json_object_new_array();
	size_t i;

	if (res->config_error)
		json_object_array_add(list, message_diagnostic(doc, enc, "config", res->config_error));
	if (res->read_error)
		json_object_array_add(list, message_diagnostic(doc, enc, "read", res->read_error));
	for (i = 0; !res->skipped && i < res->diags.n; i++)
		json_object_array_add(list, diagnostic_json(doc, enc, &res->diags.items[i]));
	return list;
}

static void publish(const struct lsp_ctx *ctx, const char *uri, long version, json_object *list)
{
	json_object *params = json_object_new_object();

	json_object_object_add(params, "uri", json_object_new_string(uri));
	if (version >= 0)
		json_object_object_add(params, "version", json_object_new_int64(version));
	json_object_object_add(params, "diagnostics", list);
	lsp_rpc_notify(ctx->rpc, "textDocument/publishDiagnostics", params);
}

void lsp_clear_diagnostics(const struct lsp_ctx *ctx, const char *uri)
{
	publish(ctx, uri, -1, json_object_new_array());
}

static void log_message(const struct lsp_ctx *ctx, int type, const char *text)
{
	json_object *params = json_object_new_object();

	json_object_object_add(params, "type", json_object_new_int(type));
	json_object_object_add(params, "message", json_object_new_string(text));
	lsp_rpc_notify(ctx->rpc, "window/logMessage", params);
}

/* A walk lints *.json, *.yaml and *.yml; an editor also names the language of
 * a buffer that has no such name yet. */
static bool json_or_yaml(const struct lsp_doc *doc)
{
	return strcmp(doc->language, "json") == 0 || strcmp(doc->language, "jsonc") == 0 ||
	       strcmp(doc->language, "yaml") == 0 || str_has_suffix(doc->path, ".json") ||
	       str_has_suffix(doc->path, ".yaml") || str_has_suffix(doc->path, ".yml");
}

static void lint_doc(const struct lsp_ctx *ctx, struct lsp_doc *doc)
{
	struct lsp_lint *l = xcalloc(1, sizeof *l);
	char *copy = xmalloc(doc->len + 1);

	memcpy(copy, doc->text, doc->len + 1);
	lint_buffer(ctx->cfg, doc->path, copy, doc->len, true, &l->res);
	if (!json_or_yaml(doc))
		l->res.skipped = SKIP_NOT_REQUEST;
	lsp_lint_free(doc->lint);
	doc->lint = l;
	doc->dirty = false;
	if (l->res.warning)
		log_message(ctx, 2, l->res.warning);
}

void lsp_lint_and_publish(const struct lsp_ctx *ctx, struct lsp_doc *doc)
{
	const struct lsp_lint *l;

	lint_doc(ctx, doc);
	l = doc->lint;
	publish(ctx, doc->uri, doc->version, diagnostics_json(doc, ctx->enc, &l->res));
}

const struct lsp_lint *lsp_lint_current(const struct lsp_ctx *ctx, struct lsp_doc *doc)
{
	if (doc->dirty || !doc->lint)
		lsp_lint_and_publish(ctx, doc);
	return doc->lint;
}

/* --- Code actions --- */

static json_object *text_edit(struct lsp_doc *doc, enum lsp_encoding enc, size_t start,
			      size_t end, const char *text)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "range", lsp_range_json(doc, enc, start, end));
	json_object_object_add(o, "newText", json_object_new_string(text));
	return o;
}

/* {"changes": {uri: edits}}; takes edits. */
static json_object *workspace_edit(const struct lsp_doc *doc, json_object *edits)
{
	json_object *o = json_object_new_object(), *changes = json_object_new_object();

	json_object_object_add(changes, doc->uri, edits);
	json_object_object_add(o, "changes", changes);
	return o;
}

static json_object *action(const char *title, const char *kind, json_object *edit)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "title", json_object_new_string(title));
	json_object_object_add(o, "kind", json_object_new_string(kind));
	json_object_object_add(o, "edit", edit);
	return o;
}

static void add_fix_edits(struct lsp_doc *doc, enum lsp_encoding enc, const struct fix *fix,
			  json_object *edits)
{
	size_t i;

	for (i = 0; i < fix->nedits; i++)
		json_object_array_add(edits, text_edit(doc, enc, fix->edits[i].start,
						       fix->edits[i].end, fix->edits[i].text));
}

static json_object *quickfix(struct lsp_doc *doc, enum lsp_encoding enc, const struct diag *d)
{
	json_object *edits = json_object_new_array(), *diags = json_object_new_array();
	json_object *o;

	add_fix_edits(doc, enc, d->fix, edits);
	o = action(d->fix->description ? d->fix->description : "fix", "quickfix",
		   workspace_edit(doc, edits));
	json_object_array_add(diags, diagnostic_json(doc, enc, d));
	json_object_object_add(o, "diagnostics", diags);
	json_object_object_add(o, "isPreferred", json_object_new_boolean(d->fix->safe));
	return o;
}

/* Every safe fix of the document, leaving out any that would overlap an earlier
 * one (findings are sorted by place, so edits are met in order). */
static json_object *fix_all(struct lsp_doc *doc, enum lsp_encoding enc,
			    const struct diag_list *diags)
{
	json_object *edits = json_object_new_array();
	size_t i, j, done = 0;

	for (i = 0; i < diags->n; i++) {
		const struct fix *fix = diags->items[i].fix;
		bool overlaps = false;

		if (!fix || !fix->safe || fix->nedits == 0)
			continue;
		for (j = 0; j < fix->nedits; j++)
			overlaps |= fix->edits[j].start < done;
		if (overlaps)
			continue;
		add_fix_edits(doc, enc, fix, edits);
		done = fix->edits[fix->nedits - 1].end;
		if (done == fix->edits[fix->nedits - 1].start)
			done++; /* two insertions at one place would be in no clear order */
	}
	if (json_object_array_length(edits) == 0) {
		json_object_put(edits);
		return NULL;
	}
	return action("Fix all safe createjob-lint findings", FIX_ALL_KIND,
		      workspace_edit(doc, edits));
}

/* A YAML comment line above the finding's line, indented like it, that suppresses
 * the rule there; the reason is left for the user to write. */
static json_object *suppress_here(struct lsp_doc *doc, enum lsp_encoding enc,
				  const struct diag *d)
{
	size_t line = d->start, indent;
	char *text, *title;
	json_object *edits = json_object_new_array(), *o;

	while (line > 0 && doc->text[line - 1] != '\n' && doc->text[line - 1] != '\r')
		line--;
	for (indent = line; indent < doc->len && (doc->text[indent] == ' '); indent++)
		;
	text = xasprintf("%.*s# createjob-lint: disable=%s -- reason: \n", (int)(indent - line),
			 doc->text + line, diag_rule_id(d));
	title = xasprintf("Suppress %s here", diag_rule_id(d));
	json_object_array_add(edits, text_edit(doc, enc, line, line, text));
	o = action(title, "quickfix", workspace_edit(doc, edits));
	free(text);
	free(title);
	return o;
}

/* Whether the client asked for actions of this kind (all when it named none). */
static bool wanted(json_object *only, const char *kind)
{
	size_t i, n;

	if (!only || !json_object_is_type(only, json_type_array))
		return true;
	n = json_object_array_length(only);
	for (i = 0; i < n; i++) {
		const char *k = json_object_get_string(json_object_array_get_idx(only, i));
		size_t len = k ? strlen(k) : 0;

		if (k && strncmp(kind, k, len) == 0 && (kind[len] == '\0' || kind[len] == '.'))
			return true;
	}
	return false;
}

static bool read_range(struct lsp_doc *doc, enum lsp_encoding enc, json_object *range,
		       size_t *start, size_t *end)
{
	json_object *from = NULL, *to = NULL;
	struct lsp_pos a, b;

	if (!range || !json_object_object_get_ex(range, "start", &from) ||
	    !json_object_object_get_ex(range, "end", &to) || !lsp_pos_from_json(from, &a) ||
	    !lsp_pos_from_json(to, &b))
		return false;
	*start = lsp_doc_offset(doc, enc, a);
	*end = lsp_doc_offset(doc, enc, b);
	return true;
}

json_object *lsp_code_actions(const struct lsp_ctx *ctx, struct lsp_doc *doc, json_object *params)
{
	const struct lsp_lint *l = lsp_lint_current(ctx, doc);
	const struct diag_list *diags = &l->res.diags;
	json_object *list = json_object_new_array(), *context = NULL, *only = NULL, *all;
	size_t start = 0, end = doc->len, i;

	read_range(doc, ctx->enc, json_object_object_get(params, "range"), &start, &end);
	if (json_object_object_get_ex(params, "context", &context))
		json_object_object_get_ex(context, "only", &only);
	for (i = 0; !l->res.skipped && i < diags->n; i++) {
		const struct diag *d = &diags->items[i];

		if (d->start > end || d->end < start)
			continue;
		if (d->fix && d->fix->nedits && wanted(only, "quickfix"))
			json_object_array_add(list, quickfix(doc, ctx->enc, d));
		if (l->res.src && l->res.src->format == SOURCE_YAML && wanted(only, "quickfix"))
			json_object_array_add(list, suppress_here(doc, ctx->enc, d));
	}
	if (!l->res.skipped && wanted(only, FIX_ALL_KIND) && (all = fix_all(doc, ctx->enc, diags)))
		json_object_array_add(list, all);
	return list;
}
