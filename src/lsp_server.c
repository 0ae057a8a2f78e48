/* The language server's lifecycle and dispatch: it reads every message that is
 * ready before it lints, so that a burst of edits is linted once and a request
 * that a later message cancels is answered as cancelled. */
#include "lsp_server.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "lsp_features.h"
#include "lsp_rpc.h"
#include "lsp_text.h"
#include "util.h"

#define CONFIG_NAME ".createjob-lint.yaml"

struct lsp_server {
	struct lsp_rpc rpc;
	struct lsp_docs docs;
	struct lsp_ctx ctx;
	const struct lint_config *cfg;
	const char *version;
	bool initialized, shutdown, exit;
	bool watch_registered;
};

/* The messages read in one go, and the ids a $/cancelRequest among them names. */
struct batch {
	json_object **msgs;
	size_t n, cap;
	json_object **cancelled;
	size_t ncancelled, cancelled_cap;
};

static const char *member_string(json_object *obj, const char *key)
{
	json_object *v;

	if (!obj || !json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static json_object *member(json_object *obj, const char *key)
{
	json_object *v = NULL;

	if (obj && json_object_is_type(obj, json_type_object))
		json_object_object_get_ex(obj, key, &v);
	return v;
}

/* --- initialize --- */

static bool offers_utf8(json_object *params)
{
	json_object *list = member(member(member(params, "capabilities"), "general"),
				   "positionEncodings");
	size_t i, n = list && json_object_is_type(list, json_type_array)
			      ? json_object_array_length(list) : 0;

	for (i = 0; i < n; i++) {
		const char *e = json_object_get_string(json_object_array_get_idx(list, i));

		if (e && strcmp(e, "utf-8") == 0)
			return true;
	}
	return false;
}

static json_object *string_array(const char *const *items, size_t n)
{
	json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(items[i]));
	return a;
}

static json_object *capabilities(enum lsp_encoding enc)
{
	static const char *const kinds[] = { "quickfix", "source.fixAll.createjob-lint" };
	static const char *const triggers[] = { "\"", " " };
	json_object *caps = json_object_new_object(), *sync = json_object_new_object();
	json_object *save = json_object_new_object(), *completion = json_object_new_object();
	json_object *actions = json_object_new_object();

	json_object_object_add(caps, "positionEncoding",
			       json_object_new_string(enc == LSP_UTF8 ? "utf-8" : "utf-16"));
	json_object_object_add(sync, "openClose", json_object_new_boolean(1));
	json_object_object_add(sync, "change", json_object_new_int(2)); /* incremental */
	json_object_object_add(save, "includeText", json_object_new_boolean(0));
	json_object_object_add(sync, "save", save);
	json_object_object_add(caps, "textDocumentSync", sync);
	json_object_object_add(caps, "hoverProvider", json_object_new_boolean(1));
	json_object_object_add(completion, "triggerCharacters", string_array(triggers, 2));
	json_object_object_add(caps, "completionProvider", completion);
	json_object_object_add(actions, "codeActionKinds", string_array(kinds, 2));
	json_object_object_add(caps, "codeActionProvider", actions);
	return caps;
}

static json_object *handle_initialize(struct lsp_server *s, json_object *params)
{
	json_object *result = json_object_new_object(), *info = json_object_new_object();

	s->ctx.enc = offers_utf8(params) ? LSP_UTF8 : LSP_UTF16;
	s->watch_registered = json_object_get_boolean(member(
		member(member(member(params, "capabilities"), "workspace"), "didChangeWatchedFiles"),
		"dynamicRegistration"));
	s->initialized = true;
	json_object_object_add(result, "capabilities", capabilities(s->ctx.enc));
	json_object_object_add(info, "name", json_object_new_string("createjob-lint"));
	json_object_object_add(info, "version", json_object_new_string(s->version));
	json_object_object_add(result, "serverInfo", info);
	return result;
}

/* Asks the client to tell us when a configuration file changes. */
static void register_config_watch(struct lsp_server *s)
{
	json_object *msg = json_object_new_object(), *params = json_object_new_object();
	json_object *regs = json_object_new_array(), *reg = json_object_new_object();
	json_object *opts = json_object_new_object(), *watchers = json_object_new_array();
	json_object *w = json_object_new_object();

	json_object_object_add(w, "globPattern", json_object_new_string("**/" CONFIG_NAME));
	json_object_array_add(watchers, w);
	json_object_object_add(opts, "watchers", watchers);
	json_object_object_add(reg, "id", json_object_new_string("createjob-lint-config"));
	json_object_object_add(reg, "method", json_object_new_string("workspace/didChangeWatchedFiles"));
	json_object_object_add(reg, "registerOptions", opts);
	json_object_array_add(regs, reg);
	json_object_object_add(params, "registrations", regs);
	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(msg, "id", json_object_new_string("createjob-lint-register"));
	json_object_object_add(msg, "method", json_object_new_string("client/registerCapability"));
	json_object_object_add(msg, "params", params);
	lsp_rpc_write(&s->rpc, msg);
	json_object_put(msg);
}

/* --- documents --- */

static struct lsp_doc *doc_of(struct lsp_server *s, json_object *params)
{
	return lsp_docs_find(&s->docs, member_string(member(params, "textDocument"), "uri"));
}

static void did_open(struct lsp_server *s, json_object *params)
{
	json_object *td = member(params, "textDocument"), *text = member(td, "text");
	const char *uri = member_string(td, "uri");

	if (!uri || !text || !json_object_is_type(text, json_type_string))
		return;
	lsp_docs_open(&s->docs, uri, member_string(td, "languageId"),
		      json_object_get_int64(member(td, "version")), json_object_get_string(text),
		      (size_t)json_object_get_string_len(text));
}

static void apply_change(struct lsp_server *s, struct lsp_doc *doc, json_object *change)
{
	json_object *text = member(change, "text"), *range = member(change, "range");
	struct lsp_pos from, to;

	if (!text || !json_object_is_type(text, json_type_string))
		return;
	if (!range) {
		lsp_doc_replace_all(doc, json_object_get_string(text),
				    (size_t)json_object_get_string_len(text));
		return;
	}
	if (!lsp_pos_from_json(member(range, "start"), &from) ||
	    !lsp_pos_from_json(member(range, "end"), &to))
		return;
	lsp_doc_replace_range(doc, s->ctx.enc, from, to, json_object_get_string(text),
			      (size_t)json_object_get_string_len(text));
}

static void did_change(struct lsp_server *s, json_object *params)
{
	struct lsp_doc *doc = doc_of(s, params);
	json_object *changes = member(params, "contentChanges");
	size_t i, n;

	if (!doc || !changes || !json_object_is_type(changes, json_type_array))
		return;
	n = json_object_array_length(changes);
	for (i = 0; i < n; i++)
		apply_change(s, doc, json_object_array_get_idx(changes, i));
	if (member(member(params, "textDocument"), "version"))
		doc->version = json_object_get_int64(member(member(params, "textDocument"), "version"));
}

static bool names_config(const char *uri)
{
	return uri && str_has_suffix(uri, "/" CONFIG_NAME);
}

/* A configuration changed: read configurations afresh and lint every document. */
static void configs_changed(struct lsp_server *s)
{
	size_t i;

	if (s->cfg->settings)
		settings_forget_configs(s->cfg->settings);
	for (i = 0; i < s->docs.n; i++)
		s->docs.items[i]->dirty = true;
}

static void did_save(struct lsp_server *s, json_object *params)
{
	if (names_config(member_string(member(params, "textDocument"), "uri")))
		configs_changed(s);
}

static void watched_files_changed(struct lsp_server *s, json_object *params)
{
	json_object *changes = member(params, "changes");
	size_t i, n = changes && json_object_is_type(changes, json_type_array)
			      ? json_object_array_length(changes) : 0;

	for (i = 0; i < n; i++)
		if (names_config(member_string(json_object_array_get_idx(changes, i), "uri"))) {
			configs_changed(s);
			return;
		}
}

static void did_close(struct lsp_server *s, json_object *params)
{
	const char *uri = member_string(member(params, "textDocument"), "uri");

	if (!lsp_docs_find(&s->docs, uri))
		return;
	lsp_clear_diagnostics(&s->ctx, uri);
	lsp_docs_close(&s->docs, uri, lsp_lint_free);
}

/* --- requests --- */

static json_object *position_request(struct lsp_server *s, const char *method,
				     json_object *params, bool *found)
{
	struct lsp_doc *doc = doc_of(s, params);
	struct lsp_pos pos;

	*found = true;
	if (strcmp(method, "textDocument/codeAction") == 0)
		return doc ? lsp_code_actions(&s->ctx, doc, params) : json_object_new_array();
	if (strcmp(method, "textDocument/hover") != 0 &&
	    strcmp(method, "textDocument/completion") != 0) {
		*found = false;
		return NULL;
	}
	if (!doc || !lsp_pos_from_json(member(params, "position"), &pos))
		return NULL;
	if (strcmp(method, "textDocument/hover") == 0)
		return lsp_hover(&s->ctx, doc, pos);
	return lsp_completion(&s->ctx, doc, pos);
}

static bool is_cancelled(const struct batch *b, json_object *id)
{
	size_t i;

	for (i = 0; i < b->ncancelled; i++)
		if (json_object_equal(b->cancelled[i], id))
			return true;
	return false;
}

static void handle_request(struct lsp_server *s, const struct batch *b, json_object *id,
			   const char *method, json_object *params)
{
	json_object *result;
	bool found;

	if (is_cancelled(b, id)) {
		lsp_rpc_error(&s->rpc, id, LSP_REQUEST_CANCELLED, "the request was cancelled");
	} else if (strcmp(method, "initialize") == 0) {
		if (s->initialized)
			lsp_rpc_error(&s->rpc, id, LSP_INVALID_REQUEST, "initialize was sent twice");
		else
			lsp_rpc_respond(&s->rpc, id, handle_initialize(s, params));
	} else if (!s->initialized) {
		lsp_rpc_error(&s->rpc, id, LSP_SERVER_NOT_INITIALIZED, "initialize was not sent");
	} else if (s->shutdown) {
		lsp_rpc_error(&s->rpc, id, LSP_INVALID_REQUEST, "the server is shutting down");
	} else if (strcmp(method, "shutdown") == 0) {
		s->shutdown = true;
		lsp_rpc_respond(&s->rpc, id, NULL);
	} else {
		result = position_request(s, method, params, &found);
		if (found)
			lsp_rpc_respond(&s->rpc, id, result);
		else
			lsp_rpc_error(&s->rpc, id, LSP_METHOD_NOT_FOUND, "method not found");
	}
}

static void handle_notification(struct lsp_server *s, const char *method, json_object *params)
{
	static const struct {
		const char *method;
		void (*handle)(struct lsp_server *, json_object *);
	} table[] = {
		{ "textDocument/didOpen", did_open },
		{ "textDocument/didChange", did_change },
		{ "textDocument/didSave", did_save },
		{ "textDocument/didClose", did_close },
		{ "workspace/didChangeWatchedFiles", watched_files_changed },
	};
	size_t i;

	if (strcmp(method, "exit") == 0) {
		s->exit = true;
		return;
	}
	if (strcmp(method, "initialized") == 0) {
		if (s->watch_registered)
			register_config_watch(s);
		return;
	}
	if (!s->initialized || s->shutdown)
		return;
	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(method, table[i].method) == 0)
			table[i].handle(s, params);
}

static void dispatch(struct lsp_server *s, const struct batch *b, json_object *msg)
{
	const char *method = member_string(msg, "method");
	json_object *id = member(msg, "id"), *params = member(msg, "params");

	if (!json_object_is_type(msg, json_type_object)) {
		lsp_rpc_error(&s->rpc, NULL, LSP_INVALID_REQUEST, "a message must be a JSON object");
		return;
	}
	if (!method) {
		if (!json_object_object_get_ex(msg, "result", NULL) &&
		    !json_object_object_get_ex(msg, "error", NULL))
			lsp_rpc_error(&s->rpc, id, LSP_INVALID_REQUEST, "a message without a method");
		return; /* a response to our own request */
	}
	if (json_object_object_get_ex(msg, "id", NULL))
		handle_request(s, b, id, method, params);
	else if (strcmp(method, "$/cancelRequest") != 0)
		handle_notification(s, method, params);
}

/* --- the loop --- */

static void batch_add(struct batch *b, json_object *msg)
{
	const char *method = member_string(msg, "method");
	json_object *id;

	b->msgs = grow_array(b->msgs, &b->cap, b->n + 1, sizeof *b->msgs);
	b->msgs[b->n++] = msg;
	if (method && strcmp(method, "$/cancelRequest") == 0 &&
	    (id = member(member(msg, "params"), "id"))) {
		b->cancelled = grow_array(b->cancelled, &b->cancelled_cap, b->ncancelled + 1,
					  sizeof *b->cancelled);
		b->cancelled[b->ncancelled++] = id;
	}
}

static void batch_clear(struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		json_object_put(b->msgs[i]);
	b->n = b->ncancelled = 0;
}

static void batch_free(struct batch *b)
{
	batch_clear(b);
	free(b->msgs);
	free(b->cancelled);
}

static void refuse(struct lsp_server *s, char *error, bool body_read)
{
	escape_error("createjob-lint --lsp: %s", error);
	if (body_read)
		lsp_rpc_error(&s->rpc, NULL, LSP_PARSE_ERROR, error);
	free(error);
}

/* Reads what is ready (waiting for the first message when `wait`); false at the
 * end of input. */
static bool read_batch(struct lsp_server *s, struct batch *b, bool wait)
{
	for (;;) {
		json_object *msg;
		char *error;
		enum lsp_read r = lsp_rpc_read(&s->rpc, wait && b->n == 0, &msg, &error);

		if (r == LSP_READ_MESSAGE)
			batch_add(b, msg);
		else if (r == LSP_READ_BAD_HEADER || r == LSP_READ_BAD_BODY)
			refuse(s, error, r == LSP_READ_BAD_BODY);
		else
			return r != LSP_READ_EOF;
	}
}

static bool lint_one_dirty(struct lsp_server *s)
{
	size_t i;

	for (i = 0; i < s->docs.n; i++)
		if (s->docs.items[i]->dirty) {
			lsp_lint_and_publish(&s->ctx, s->docs.items[i]);
			return true;
		}
	return false;
}

static bool any_dirty(const struct lsp_server *s)
{
	size_t i;

	for (i = 0; i < s->docs.n; i++)
		if (s->docs.items[i]->dirty)
			return true;
	return false;
}

int lsp_serve(const struct lint_config *cfg, const char *version, int in, int out)
{
	struct lsp_server s = { 0 };
	struct batch b = { 0 };
	bool open = true;
	size_t i;

	signal(SIGPIPE, SIG_IGN); /* a client gone away is a failed write, not a crash */
	lsp_rpc_init(&s.rpc, in, out);
	lsp_docs_init(&s.docs);
	s.cfg = cfg;
	s.version = version;
	s.ctx.rpc = &s.rpc;
	s.ctx.cfg = cfg;
	while (open && !s.exit) {
		open = read_batch(&s, &b, !any_dirty(&s));
		for (i = 0; i < b.n && !s.exit; i++)
			dispatch(&s, &b, b.msgs[i]);
		batch_clear(&b);
		/* One document at a time, and only while no message waits: edits that
		 * came meanwhile are taken first, and a large document does not hold
		 * up requests about the others. */
		if (!s.exit && !lsp_rpc_pending(&s.rpc))
			lint_one_dirty(&s);
	}
	batch_free(&b);
	lsp_docs_free(&s.docs, lsp_lint_free);
	lsp_rpc_free(&s.rpc);
	return s.shutdown ? 0 : 1;
}
