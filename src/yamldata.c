/* Reading YAML data files (rules, configuration) through the document tree. */
#include "yamldata.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "readfile.h"
#include "util.h"

static int open_source(struct yamldata *rf, struct source *src)
{
	static const struct load_limits limits = { LOAD_DEFAULT_DEPTH, LOAD_DEFAULT_NODES };

	rf->src = src;
	rf->budget = limits.max_nodes;
	rf->doc = load_document(src, &limits, &rf->problems);
	if (rf->problems.n > 0 || !rf->doc->root) {
		const struct diag *d = rf->problems.n ? &rf->problems.items[0] : NULL;
		struct position p = source_position(src, d ? d->start : 0);

		/* The catalog's words replace these when the reader has a catalog
		 * (yamldata.h); the catalog's own file, which ships with the program, has none. */
		rf->error = d ? xasprintf("%s:%u:%u: not valid here (%s %s)", src->path, p.line,
					  p.column, diag_rule_id(d), diag_variant(d))
			      : xasprintf("%s:1:1: the file is empty", src->path);
		return -1;
	}
	diag_list_free(&rf->problems);
	return 0;
}

int yamldata_read(const char *path, char **text, size_t *len, char **error)
{
	char *why;

	if (read_file(path, YAMLDATA_MAX_SIZE, text, len, &why) < 0) {
		*error = xasprintf("%s: %s", path, why);
		free(why);
		return -1;
	}
	return 0;
}

int yamldata_open(struct yamldata *rf, const char *path, const char *text, size_t len)
{
	memset(rf, 0, sizeof *rf);
	return open_source(rf, source_new(path, xstrndup(text, len), len, SOURCE_YAML));
}

void yamldata_close(struct yamldata *rf)
{
	doc_free(rf->doc);
	diag_list_free(&rf->problems);
	source_free(rf->src);
	free(rf->error);
	memset(rf, 0, sizeof *rf);
}

int yamldata_fail(struct yamldata *rf, const struct node *at, const char *fmt, ...)
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

/* A key written twice in one mapping is refused: in a configuration the second
 * would silently undo the first (a `rules:` below the one a reviewer reads). Keys
 * a merge (<<) brings in may be overridden, as YAML intends. */
static int refuse_duplicate_keys(struct yamldata *rf, const struct node *map)
{
	struct strmap seen;
	size_t i;
	int rc = 0;

	strmap_init(&seen);
	for (i = 0; i < map->nmembers && rc == 0; i++) {
		const struct member *m = &map->members[i];
		const struct node *k = node_deref(m->key);
		const struct member *first;

		if (k && (k->kind == NODE_MAPPING || k->kind == NODE_SEQUENCE)) {
			/* `? [a]` or `{a: b}: x`: no key here is a collection. */
			rc = yamldata_fail(rf, m->key, "a key must be a string, not %s",
					   node_kind_phrase(k->kind));
			break;
		}
		if (!node_is_string(k) || (m->key->flags & NODE_MERGED))
			continue;
		/* Keys are looked up as C strings: "rules\0x" would read as rules. */
		if (strlen(k->text) != k->len) {
			rc = yamldata_fail(rf, m->key, "a key holds a NUL character (\\0), "
					   "which no key here can have");
			break;
		}
		first = strmap_get(&seen, k->text);
		if (!first) {
			strmap_put(&seen, k->text, (void *)m);
			continue;
		}
		rc = yamldata_fail(rf, m->key, "%s is given twice in one mapping (first on line %u)",
				   k->text, source_position(rf->src, first->key->start).line);
	}
	strmap_free(&seen);
	return rc;
}

int yamldata_visit(struct yamldata *rf, const struct node *at)
{
	const struct node *v = node_deref(at);
	size_t n = !v ? 1 : v->kind == NODE_MAPPING ? v->nmembers + 1
		   : v->kind == NODE_SEQUENCE ? v->nitems + 1 : 1;

	if (n > rf->budget) {
		rf->budget = 0;
		return yamldata_fail(rf, at, "aliases expand the file past %d values",
				     LOAD_DEFAULT_NODES);
	}
	rf->budget -= n;
	return v && v->kind == NODE_MAPPING ? refuse_duplicate_keys(rf, v) : 0;
}

const char *yamldata_key(struct yamldata *rf, const struct member *m)
{
	const struct node *k = node_deref(m->key);

	if (!node_is_string(k)) {
		yamldata_fail(rf, m->key, "a key must be a string, not %s",
			       node_kind_phrase(k ? k->kind : NODE_NULL));
		return NULL;
	}
	return k->text;
}

const char *yamldata_opt_string(struct yamldata *rf, const struct node *map, const char *key)
{
	const struct node *v = node_get(map, key);

	if (!v)
		return NULL;
	if (!node_is_string(v)) {
		yamldata_fail(rf, v, "%s must be a string", key);
		return NULL;
	}
	return node_deref(v)->text;
}

const char *yamldata_string(struct yamldata *rf, const struct node *map, const char *key)
{
	const char *s = yamldata_opt_string(rf, map, key);

	if (!s && !rf->error)
		yamldata_fail(rf, map, "missing member %s", key);
	return s;
}
