/* Lints one input: read the bytes, load the tree, run the engine, finish findings. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "readfile.h"
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
	cfg->stdin_format = -1;
}

/* A job request has Type or Details at the top. A file that does not load is taken
 * for one when its text names either, so that a broken request is still reported. */
static bool looks_like_request(const struct doc *doc, const struct source *src)
{
	const struct node *root = node_deref(doc->root);

	if (root)
		return root->kind == NODE_MAPPING &&
		       (node_get(root, "Type") || node_get(root, "Details"));
	return memmem(src->bytes, src->len, "Type", 4) || memmem(src->bytes, src->len, "Details", 7);
}

static void lint_loaded(const struct lint_config *cfg, const struct file_settings *fs,
			char *bytes, size_t len, enum source_format format, bool only_requests,
			struct lint_result *res)
{
	struct doc *doc;

	res->src = source_new(res->path, bytes, len, format);
	res->diags.limit = cfg->max_findings;
	doc = load_document(res->src, &cfg->limits, &res->diags);
	if (only_requests && !looks_like_request(doc, res->src)) {
		res->skipped = true;
		diag_list_free(&res->diags);
		doc_free(doc);
		return;
	}
	engine_check(cfg->shape, res->src, doc, cfg->max_visits, &res->diags);
	doc_free(doc);
	suppress_apply(res->src, cfg->catalog, fs, &res->diags);
	diag_list_finish(&res->diags, cfg->catalog, res->src, fs ? fs->severity : NULL);
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
	if (cfg->settings) {
		settings_resolve(cfg->settings, is_stdin && cfg->stdin_name ? cfg->stdin_name : path,
				 &fs);
		res->fail_on = fs.fail_on;
		if (fs.error) {
			res->read_error = xasprintf("cannot use the configuration: %s", fs.error);
			goto out;
		}
		if (fs.excluded) {
			res->skipped = true;
			goto out;
		}
	}
	if (read_file(path, cfg->max_size, &bytes, &len, &error) < 0) {
		res->read_error = error;
		goto out;
	}
	if (is_stdin && cfg->stdin_format >= 0)
		format = (enum source_format)cfg->stdin_format;
	else
		format = source_guess_format(shown, bytes, len);
	lint_loaded(cfg, cfg->settings ? &fs : NULL, bytes, len, format, only_requests, res);
out:
	file_settings_free(&fs);
}

void lint_result_free(struct lint_result *res)
{
	free(res->path);
	free(res->read_error);
	source_free(res->src);
	diag_list_free(&res->diags);
	memset(res, 0, sizeof *res);
}
