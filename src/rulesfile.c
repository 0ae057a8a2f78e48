/* Reading the YAML files of rules/ through the document tree. */
#include "rulesfile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "util.h"

static int open_source(struct rulesfile *rf, struct source *src)
{
	static const struct load_limits limits = { LOAD_DEFAULT_DEPTH, LOAD_DEFAULT_NODES };
	struct diag_list diags;

	rf->src = src;
	rf->budget = limits.max_nodes;
	diag_list_init(&diags);
	rf->doc = load_document(src, &limits, &diags);
	if (diags.n > 0 || !rf->doc->root) {
		struct position p = source_position(src, diags.n ? diags.items[0].start : 0);
		const struct diag *d = diags.n ? &diags.items[0] : NULL;
		const char *why = !d ? "the file is empty"
			: d->nargs ? d->args[0].value : diag_variant(d);

		rf->error = xasprintf("%s:%u:%u: not valid YAML (%s)", src->path, p.line, p.column,
				      why);
		diag_list_free(&diags);
		return -1;
	}
	diag_list_free(&diags);
	return 0;
}

int rulesfile_open(struct rulesfile *rf, const char *path, const char *text, size_t len)
{
	memset(rf, 0, sizeof *rf);
	return open_source(rf, source_new(path, xstrndup(text, len), len, SOURCE_YAML));
}

void rulesfile_close(struct rulesfile *rf)
{
	doc_free(rf->doc);
	source_free(rf->src);
	free(rf->error);
	memset(rf, 0, sizeof *rf);
}

int rulesfile_fail(struct rulesfile *rf, const struct node *at, const char *fmt, ...)
{
	struct strbuf sb;
	struct position p = source_position(rf->src, at ? at->start : 0);
	va_list ap;

	if (rf->error)
		return -1;
	sb_init(&sb);
	sb_addf(&sb, "%s:%u:%u: ", rf->src->path, p.line, p.column);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	rf->error = sb_detach(&sb);
	return -1;
}

int rulesfile_visit(struct rulesfile *rf, const struct node *at)
{
	const struct node *v = node_deref(at);
	size_t n = !v ? 1 : v->kind == NODE_MAPPING ? v->nmembers + 1
		   : v->kind == NODE_SEQUENCE ? v->nitems + 1 : 1;

	if (n <= rf->budget) {
		rf->budget -= n;
		return 0;
	}
	rf->budget = 0;
	return rulesfile_fail(rf, at, "aliases expand the file past %d values", LOAD_DEFAULT_NODES);
}

const char *rulesfile_key(struct rulesfile *rf, const struct member *m)
{
	const struct node *k = node_deref(m->key);

	if (!node_is_string(k)) {
		rulesfile_fail(rf, m->key, "a key must be a string, not %s",
			       node_kind_phrase(k ? k->kind : NODE_NULL));
		return NULL;
	}
	return k->text;
}

const char *rulesfile_opt_string(struct rulesfile *rf, const struct node *map, const char *key)
{
	const struct node *v = node_get(map, key);

	if (!v)
		return NULL;
	if (!node_is_string(v)) {
		rulesfile_fail(rf, v, "%s must be a string", key);
		return NULL;
	}
	return node_deref(v)->text;
}

const char *rulesfile_string(struct rulesfile *rf, const struct node *map, const char *key)
{
	const char *s = rulesfile_opt_string(rf, map, key);

	if (!s && !rf->error)
		rulesfile_fail(rf, map, "missing member %s", key);
	return s;
}
