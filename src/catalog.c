/* The rule catalog (rules/catalog.yaml): ids, names, severities, texts, examples. */
#include "catalog.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "util.h"

static int read_messages(struct catalog *cat, struct rule *r, const struct node *rule_node)
{
	const struct node *msgs = node_deref(node_get(rule_node, "messages"));
	struct rule_message *read;
	size_t i;

	if (!msgs || msgs->kind != NODE_MAPPING)
		return yamldata_fail(&cat->file, rule_node, "rule %s needs a messages mapping", r->id);
	if (yamldata_visit(&cat->file, msgs) < 0)
		return -1;
	r->messages = read = xcalloc(msgs->nmembers, sizeof *read);
	for (i = 0; i < msgs->nmembers; i++) {
		const struct node *k = node_deref(msgs->members[i].key);
		const struct node *v = node_deref(msgs->members[i].value);

		if (!node_is_string(k) || !node_is_string(v))
			return yamldata_fail(&cat->file, k, "messages map variant names to strings");
		read[i].variant = k->text;
		read[i].text = v->text;
		r->nmessages++;
	}
	return 0;
}

/* A source is "Title <https://address>": what --explain and SARIF help cite. */
static bool is_source(const char *s)
{
	const char *open = strstr(s, " <https://");
	size_t n = strlen(s);

	return open && open > s && s[n - 1] == '>' && !strchr(open + 2, ' ') &&
	       !strchr(open + 2, '<') && strchr(open + 2, '>') == s + n - 1;
}

static int read_sources(struct catalog *cat, struct rule *r, const struct node *rule_node)
{
	const struct node *list = node_deref(node_get(rule_node, "sources"));
	const char **sources;
	size_t i;

	if (!list)
		return 0;
	if (list->kind != NODE_SEQUENCE)
		return yamldata_fail(&cat->file, list, "sources of %s must be a list", r->id);
	sources = xcalloc(list->nitems ? list->nitems : 1, sizeof *sources);
	r->sources = sources;
	for (i = 0; i < list->nitems; i++) {
		const struct node *item = node_deref(list->items[i]);

		if (!node_is_string(item) || !is_source(item->text))
			return yamldata_fail(&cat->file, item,
					      "a source of %s reads \"Title <https://address>\"", r->id);
		sources[r->nsources++] = item->text;
	}
	return 0;
}

static const char *const rule_fix_names[] = { "none", "safe", "unsafe" };

const char *rule_fix_name(enum rule_fix fix)
{
	return (unsigned)fix < 3 ? rule_fix_names[fix] : "none";
}

/* `fix:` is optional (none), so that an older copy of the rules still loads. */
static int read_fix(struct yamldata *rf, struct rule *r, const struct node *n)
{
	const char *fix = yamldata_opt_string(rf, n, "fix");
	size_t i;

	if (rf->error)
		return -1;
	r->fix = RULE_FIX_NONE;
	for (i = 0; fix && i < 3; i++)
		if (strcmp(fix, rule_fix_names[i]) == 0) {
			r->fix = (enum rule_fix)i;
			return 0;
		}
	if (fix)
		return yamldata_fail(rf, n, "fix of %s must be safe, unsafe or none, not %s", r->id,
				     fix);
	return 0;
}

static int read_rule(struct catalog *cat, struct rule *r, const struct node *n)
{
	struct yamldata *rf = &cat->file;
	const struct node *ex;
	const char *sev;

	if (yamldata_visit(rf, n) < 0)
		return -1;
	r->id = yamldata_string(rf, n, "id");
	r->name = yamldata_string(rf, n, "name");
	sev = yamldata_string(rf, n, "severity");
	r->summary = yamldata_string(rf, n, "summary");
	r->description = yamldata_string(rf, n, "description");
	if (rf->error)
		return -1;
	if (strlen(r->id) != 5 || strncmp(r->id, "CJ", 2) != 0)
		return yamldata_fail(rf, n, "rule id %s is not of the form CJnnn", r->id);
	if (severity_parse(sev, &r->severity) < 0 || r->severity == SEV_OFF)
		return yamldata_fail(rf, n, "severity must be error, warning or info, not %s", sev);
	if (catalog_find(cat, r->id))
		return yamldata_fail(rf, n, "rule %s is defined twice", r->id);
	if (read_fix(rf, r, n) < 0)
		return -1;
	ex = node_get(n, "examples");
	if (ex && yamldata_visit(rf, ex) < 0)
		return -1;
	if (ex) {
		r->example_format = yamldata_string(rf, ex, "format");
		r->example_bad = yamldata_string(rf, ex, "bad");
		r->example_good = yamldata_string(rf, ex, "good");
		r->example_also = yamldata_opt_string(rf, ex, "also");
		r->example_instead = yamldata_opt_string(rf, ex, "instead");
	}
	if (rf->error || read_sources(cat, r, n) < 0)
		return -1;
	return read_messages(cat, r, n);
}

static int catalog_parse(struct catalog *cat, const char *path, const char *text, size_t len,
			 char **error)
{
	const struct node *list;
	size_t i;

	memset(cat, 0, sizeof *cat);
	if (yamldata_open(&cat->file, path, text, len) < 0)
		goto fail;
	list = node_deref(node_get(cat->file.doc->root, "rules"));
	if (!list || list->kind != NODE_SEQUENCE) {
		yamldata_fail(&cat->file, cat->file.doc->root, "expected a list named rules");
		goto fail;
	}
	if (yamldata_visit(&cat->file, list) < 0)
		goto fail;
	cat->rules = cat->owned = xcalloc(list->nitems, sizeof *cat->owned);
	cat->allocated = list->nitems;
	for (i = 0; i < list->nitems; i++) {
		struct rule *r = &cat->owned[i];

		r->index = i;
		if (read_rule(cat, r, node_deref(list->items[i])) < 0)
			goto fail;
		cat->n++;
	}
	return 0;
fail:
	*error = xstrdup(cat->file.error ? cat->file.error : "cannot load the catalog");
	catalog_free(cat);
	return -1;
}

/* Looks up each enum once, by id and variant name; the catalog's own order is
 * free. Returns -1 with *error set when a built-in rule or variant is missing. */
static int catalog_bind(struct catalog *cat, const char *path, char **error)
{
	size_t i;

	for (i = 0; i < RULE_COUNT; i++) {
		cat->by_id[i] = catalog_find(cat, rule_id_names[i]);
		if (!cat->by_id[i]) {
			*error = xasprintf("%s: rule %s is missing; a catalog must define every "
					   "built-in rule", path, rule_id_names[i]);
			return -1;
		}
	}
	for (i = 0; i < RULE_MSG_COUNT; i++) {
		const struct rule_msg_info *m = &rule_msgs[i];

		cat->text[i] = rule_message(cat->by_id[m->rule], m->variant);
		if (!cat->text[i]) {
			*error = xasprintf("%s: rule %s has no message '%s'; a catalog must define "
					   "every built-in message variant", path,
					   rule_id_names[m->rule], m->variant);
			return -1;
		}
	}
	return 0;
}

int catalog_load(struct catalog *cat, const char *path, const char *text, size_t len,
		 char **error)
{
	if (catalog_parse(cat, path, text, len, error) < 0)
		return -1;
	if (catalog_bind(cat, path, error) < 0) {
		catalog_free(cat);
		return -1;
	}
	return 0;
}

static int catalog_read(struct catalog *cat, const char *path, bool bind, char **error)
{
	char *text;
	size_t len;
	int rc;

	if (yamldata_read(path, &text, &len, error) < 0)
		return -1;
	rc = bind ? catalog_load(cat, path, text, len, error)
		  : catalog_parse(cat, path, text, len, error);
	free(text);
	return rc;
}

int catalog_load_file(struct catalog *cat, const char *path, char **error)
{
	return catalog_read(cat, path, true, error);
}

int catalog_parse_file(struct catalog *cat, const char *path, char **error)
{
	return catalog_read(cat, path, false, error);
}

int catalog_init_static(struct catalog *cat, const struct rule *rules, size_t n, char **error)
{
	memset(cat, 0, sizeof *cat);
	cat->rules = rules;
	cat->n = n;
	cat->is_static = true;
	/* Fails only when src/rule_ids.h is older than rules/catalog.yaml. */
	return catalog_bind(cat, "built-in catalog", error);
}

void catalog_free(struct catalog *cat)
{
	size_t i;

	if (cat->is_static) {
		memset(cat, 0, sizeof *cat);
		return;
	}
	for (i = 0; i < cat->allocated; i++) {
		free((void *)cat->owned[i].messages); /* allocated by read_messages */
		free((void *)cat->owned[i].sources);
	}
	free(cat->owned);
	yamldata_close(&cat->file);
	memset(cat, 0, sizeof *cat);
}

const struct rule *catalog_find(const struct catalog *cat, const char *key)
{
	size_t i;

	if (!cat || !key)
		return NULL;
	for (i = 0; i < cat->n; i++)
		if (strcmp(cat->rules[i].id, key) == 0)
			return &cat->rules[i];
	for (i = 0; i < cat->n; i++)
		if (strcmp(cat->rules[i].name, key) == 0)
			return &cat->rules[i];
	return NULL;
}

const char *catalog_suggest(const struct catalog *cat, const char *key)
{
	const char **keys;
	const char *best;
	size_t i;

	if (!cat || !cat->n || !key)
		return NULL;
	keys = xcalloc(2 * cat->n, sizeof *keys);
	for (i = 0; i < cat->n; i++) {
		keys[2 * i] = cat->rules[i].id;
		keys[2 * i + 1] = cat->rules[i].name;
	}
	best = suggest(key, keys, 2 * cat->n);
	free(keys);
	return best;
}

char *catalog_unknown_rule(const struct catalog *cat, const char *key)
{
	const char *near = catalog_suggest(cat, key);

	if (near)
		return xasprintf("unknown rule %s; did you mean %s? (see --list-rules)", key, near);
	return xasprintf("unknown rule %s (see --list-rules)", key);
}

const char *rule_message(const struct rule *rule, const char *variant)
{
	size_t i;

	for (i = 0; i < rule->nmessages; i++)
		if (strcmp(rule->messages[i].variant, variant) == 0)
			return rule->messages[i].text;
	return NULL;
}

const struct rule *catalog_rule(const struct catalog *cat, enum rule_id id)
{
	return cat->by_id[id];
}

const char *catalog_text(const struct catalog *cat, enum rule_msg msg)
{
	return cat->text[msg];
}
