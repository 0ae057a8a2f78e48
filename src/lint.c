/* Lints one input: read the bytes, load the tree, run the engine, finish findings. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "readfile.h"
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
	cfg->stdin_format = -1;
}

void lint_bytes(const struct lint_config *cfg, const char *path, char *bytes, size_t len,
		enum source_format format, struct lint_result *res)
{
	struct doc *doc;

	memset(res, 0, sizeof *res);
	res->path = xstrdup(path);
	diag_list_init(&res->diags);
	res->src = source_new(path, bytes, len, format);
	doc = load_document(res->src, &cfg->limits, &res->diags);
	engine_check(cfg->shape, res->src, doc, cfg->max_visits, &res->diags);
	doc_free(doc);
	diag_list_finish(&res->diags, cfg->catalog, res->src, cfg->overrides);
}

void lint_path(const struct lint_config *cfg, const char *path, struct lint_result *res)
{
	char *bytes, *error;
	size_t len;
	enum source_format format;

	if (read_file(path, cfg->max_size, &bytes, &len, &error) < 0) {
		memset(res, 0, sizeof *res);
		res->path = xstrdup(path);
		res->read_error = error;
		diag_list_init(&res->diags);
		return;
	}
	if (strcmp(path, "-") == 0 && cfg->stdin_format >= 0)
		format = (enum source_format)cfg->stdin_format;
	else
		format = source_guess_format(path, bytes, len);
	lint_bytes(cfg, path, bytes, len, format, res);
}

void lint_result_free(struct lint_result *res)
{
	free(res->path);
	free(res->read_error);
	source_free(res->src);
	diag_list_free(&res->diags);
	memset(res, 0, sizeof *res);
}
