/* Lints one input: read the bytes, load the tree, run the engine, finish findings. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"
#include "findings.h"
#include "readfile.h"
#include "suggest.h"
#include "suppress.h"
#include "util.h"

void lint_config_init(struct lint_config *cfg, const struct request_shape *shape,
		      const struct catalog *catalog)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->shape = shape;
	cfg->catalog = catalog;
	cfg->limits.max_depth = LOAD_DEFAULT_DEPTH;
	cfg->limits.max_nodes = LOAD_DEFAULT_NODES;
	cfg->max_visits = LOAD_DEFAULT_NODES;
	cfg->max_size = LINT_DEFAULT_MAX_SIZE;
	cfg->max_findings = LINT_DEFAULT_MAX_FINDINGS;
	cfg->stdin_format = SOURCE_GUESS;
}

/* A value that names a job type in any letter case, or nearly ("import_assets_from_s3",
 * "EXPORT_REVISION_TO_S3"). */
static bool names_job_type(const struct shape *type, const struct node *value)
{
	value = node_deref(value);
	return node_is_string(value) && type->nenums > 0 &&
	       suggest(value->text, type->enums, type->nenums) != NULL;
}

/* A key spelt "type" or "types" in some letter case other than Type: the commonest
 * keys of all (package.json's "type": "module", a JSON Schema's "type": "object",
 * tsconfig's "types"). */
static bool loose_type_key(const char *key)
{
	return strcmp(key, "Type") != 0 &&
	       (strcasecmp(key, "type") == 0 || strcasecmp(key, "types") == 0);
}

/* True when the mapping's keys name request members in any letter case, or nearly
 * (tpye, DETAILS, asset_configuration); a loose "type" key alone counts only when
 * its value names a job type. */
static bool mentions_member(const struct shape *request, const struct node *map)
{
	size_t i, m;

	map = node_deref(map);
	if (!map || map->kind != NODE_MAPPING)
		return false;
	for (i = 0; i < map->nmembers; i++) {
		const struct node *k = node_deref(map->members[i].key);

		for (m = 0; node_is_string(k) && m < request->nmembers; m++) {
			const struct shape_member *sm = &request->members[m];

			if (!suggest(k->text, &sm->name, 1))
				continue;
			if (strcmp(sm->name, "Type") != 0 || !loose_type_key(k->text) ||
			    names_job_type(sm->shape, map->members[i].value))
				return true;
		}
	}
	return false;
}

/* The children of a mapping or a list: one level down, where a request wrapped
 * in another key (CreateJob:) or a list of requests has its members. */
static bool child_mentions_member(const struct shape *request, const struct node *n)
{
	size_t i;

	if (n->kind == NODE_MAPPING)
		for (i = 0; i < n->nmembers; i++)
			if (mentions_member(request, n->members[i].value))
				return true;
	if (n->kind == NODE_SEQUENCE)
		for (i = 0; i < n->nitems; i++)
			if (mentions_member(request, n->items[i]))
				return true;
	return false;
}

static bool contains_nocase(const char *text, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	for (i = 0; n && i + n <= len; i++)
		if (strncasecmp(text + i, word, n) == 0)
			return true;
	return false;
}

/* Only what is clearly something else is skipped: a file is taken for a request
 * when a request member, in any letter case or nearly, is a key at its top level
 * or one level down. A file that does not load is taken for one when its text
 * names a member in any case, so that a broken request is still reported. */
static bool looks_like_request(const struct shape *request, const struct doc *doc,
			       const struct source *src)
{
	const struct node *root = node_deref(doc->root);
	size_t m;

	if (root)
		return mentions_member(request, root) || child_mentions_member(request, root);
	for (m = 0; m < request->nmembers; m++)
		if (contains_nocase(src->bytes, src->len, request->members[m].name))
			return true;
	return false;
}

/* Whether the loaded tree can be trusted to place fixes: without it, no fix is
 * offered, since an edit placed by a half-read tree could damage the file. */
static bool tree_trusted(const struct doc *doc, const struct diag_list *diags)
{
	size_t i;

	if (!doc->root)
		return false;
	for (i = 0; i < diags->n; i++)
		if (fixer_distrusts(&diags->items[i]))
			return false;
	return true;
}

static void drop_fixes(struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < diags->n; i++)
		diag_set_fix(&diags->items[i], NULL);
}

static void lint_loaded(const struct lint_config *cfg, const struct file_settings *fs,
			char *bytes, size_t len, enum source_format format, bool only_requests,
			struct lint_result *res)
{
	struct doc *doc;

	res->src = source_new(res->path, bytes, len, format);
	res->diags.limit = cfg->max_findings;
	doc = load_document(res->src, &cfg->limits, &res->diags);
	res->parsed = tree_trusted(doc, &res->diags);
	if (only_requests && !looks_like_request(cfg->shape->root, doc, res->src)) {
		res->skipped = SKIP_NOT_REQUEST;
		diag_list_free(&res->diags);
		doc_free(doc);
		return;
	}
	engine_check(cfg->shape, res->src, doc, cfg->max_visits, fs ? &fs->aws_cli : NULL,
		     &res->diags);
	doc_free(doc);
	suppress_apply(res->src, cfg->catalog, fs, &res->diags);
	/* Past --max-findings the fixes of the findings not kept are unknown, and
	 * fixing part of a file would leave a second run more to do. */
	if (!res->parsed || res->diags.dropped)
		drop_fixes(&res->diags);
	findings_finish(&res->diags, cfg->catalog, res->src, fs ? fs->severity : NULL);
}

/* Moves the findings and source of `next` (the fixed bytes) into res; the bytes as
 * first read are kept for the diff. */
static void adopt_pass(struct lint_result *res, struct lint_result *next, size_t applied)
{
	if (!res->original) {
		res->original = res->src->bytes;
		res->original_len = res->src->len;
		res->src->bytes = NULL;
	}
	source_free(res->src);
	diag_list_free(&res->diags);
	res->src = next->src;
	res->diags = next->diags;
	res->parsed = next->parsed;
	res->fixed += applied;
	next->src = NULL;
	diag_list_init(&next->diags);
}

/* Applies fixes pass after pass, re-linting each time, until no fix applies (or
 * FIXER_MAX_PASSES). A pass whose result no longer parses is dropped whole and the
 * file stays as the last good pass left it. */
static void lint_fix(const struct lint_config *cfg, const struct file_settings *fs,
		     struct lint_result *res)
{
	unsigned pass;

	for (pass = 0; pass < FIXER_MAX_PASSES && res->parsed; pass++) {
		struct lint_result next;
		size_t len, applied;
		char *bytes = fixer_apply_pass(res->src->bytes, res->src->len, &res->diags,
					       cfg->fix_mode, &len, &applied);

		if (!bytes)
			return;
		if (len == res->src->len && memcmp(bytes, res->src->bytes, len) == 0) {
			free(bytes);
			return;
		}
		memset(&next, 0, sizeof next);
		next.path = res->path;
		diag_list_init(&next.diags);
		lint_loaded(cfg, fs, bytes, len, res->src->format, false, &next);
		if (!next.parsed) {
			res->fix_error = xstrdup("the fixes would leave the file unreadable; "
						 "it was not changed by them");
			source_free(next.src);
			diag_list_free(&next.diags);
			return;
		}
		adopt_pass(res, &next, applied);
	}
}

static void result_init(struct lint_result *res, const char *path)
{
	memset(res, 0, sizeof *res);
	res->path = xstrdup(path);
	res->fail_on = SEV_ERROR;
	diag_list_init(&res->diags);
}

void lint_bytes(const struct lint_config *cfg, const char *path, char *bytes, size_t len,
		enum source_format format, struct lint_result *res)
{
	result_init(res, path);
	lint_loaded(cfg, NULL, bytes, len, format, false, res);
	if (cfg->fix_mode != FIX_NONE)
		lint_fix(cfg, NULL, res);
}

/* Resolves the settings for `shown` into fs; false when the file is not to be
 * linted (a broken or excluding configuration), with res saying why. */
static bool apply_settings(const struct lint_config *cfg, const char *shown,
			   struct file_settings *fs, struct lint_result *res)
{
	if (!cfg->settings)
		return true;
	settings_resolve(cfg->settings, shown, fs);
	res->fail_on = fs->fail_on;
	res->warning = fs->warning;
	fs->warning = NULL;
	if (fs->error) {
		/* One config error, told once a run, not an unreadable file each. */
		res->skipped = SKIP_BROKEN_CONFIG;
		res->config_error = fs->error;
		fs->error = NULL;
		return false;
	}
	if (fs->excluded) {
		res->skipped = SKIP_EXCLUDED;
		res->excluded_by = fs->config_shown;
		return false;
	}
	return true;
}

/* --fix of standard input writes the document to standard output, fixed or not: one
 * a configuration excludes is read and kept as it is, so that a pipe (an editor's
 * format-on-save) never receives an empty document in its place. */
static void keep_unlinted(const struct lint_config *cfg, const char *path,
			  struct lint_result *res)
{
	char *bytes, *error;
	size_t len;

	if (read_file(path, cfg->max_size, &bytes, &len, &error) < 0) {
		res->read_error = error;
		return;
	}
	res->src = source_new(res->path, bytes, len, source_guess_format(res->path, bytes, len));
}

void lint_path(const struct lint_config *cfg, const char *path, bool only_requests,
	       struct lint_result *res)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *shown = is_stdin && cfg->stdin_name ? cfg->stdin_name : path;
	char *bytes, *error;
	size_t len;
	enum source_format format;

	struct file_settings fs = { 0 };

	result_init(res, shown);
	res->is_stdin = is_stdin;
	if (!apply_settings(cfg, shown, &fs, res)) {
		if (is_stdin && cfg->fix_mode != FIX_NONE)
			keep_unlinted(cfg, path, res);
		goto out;
	}
	if (read_file(path, cfg->max_size, &bytes, &len, &error) < 0) {
		res->read_error = error;
		goto out;
	}
	if (is_stdin && cfg->stdin_format != SOURCE_GUESS)
		format = cfg->stdin_format;
	else
		format = source_guess_format(shown, bytes, len);
	lint_loaded(cfg, cfg->settings ? &fs : NULL, bytes, len, format, only_requests, res);
	if (cfg->fix_mode != FIX_NONE && !res->skipped)
		lint_fix(cfg, cfg->settings ? &fs : NULL, res);
out:
	file_settings_free(&fs);
}

void lint_buffer(const struct lint_config *cfg, const char *path, char *bytes, size_t len,
	       bool only_requests, struct lint_result *res)
{
	struct file_settings fs = { 0 };

	result_init(res, path);
	if (apply_settings(cfg, path, &fs, res))
		lint_loaded(cfg, cfg->settings ? &fs : NULL, bytes, len,
			    source_guess_format(path, bytes, len), only_requests, res);
	else
		free(bytes);
	file_settings_free(&fs);
}

void lint_unread(const char *path, const char *error, enum skip_reason skip,
		 struct lint_result *res)
{
	result_init(res, path);
	res->read_error = error ? xstrdup(error) : NULL;
	res->skipped = error ? SKIP_NONE : skip;
}

/* Why a file was skipped, said of one file and of several: the one table of these
 * words, for the listings and for the text summary. */
static const struct {
	const char *one, *many;
} skip_reasons[SKIP_REASONS] = {
	[SKIP_NONE] = { "linted", "linted" },
	[SKIP_NOT_REQUEST] = { "not a job request", "not job requests" },
	[SKIP_EXCLUDED] = { "excluded by the configuration", "excluded by the configuration" },
	[SKIP_OUTSIDE_LINK] = { "symbolic link outside the walked folder",
				"symbolic links outside the walked folder" },
	[SKIP_WALKED_BEFORE] = { "folder walked already", "folders walked already" },
	[SKIP_NOT_REGULAR] = { "not a regular file", "not regular files" },
	[SKIP_BROKEN_CONFIG] = { "its configuration has an error",
				 "their configuration has an error" },
};

const char *lint_skip_reason(enum skip_reason reason, bool many)
{
	if (reason >= SKIP_REASONS)
		reason = SKIP_NONE;
	return many ? skip_reasons[reason].many : skip_reasons[reason].one;
}

char *lint_skip_text(const struct lint_result *res)
{
	if (res->skipped == SKIP_EXCLUDED && res->excluded_by)
		return xasprintf("excluded by %s", res->excluded_by);
	return xstrdup(lint_skip_reason(res->skipped, false));
}

void lint_result_free(struct lint_result *res)
{
	free(res->path);
	free(res->read_error);
	free(res->warning);
	free(res->config_error);
	free(res->original);
	free(res->fix_error);
	source_free(res->src);
	diag_list_free(&res->diags);
	memset(res, 0, sizeof *res);
}
