/* Configuration files (.createjob-lint.yaml). */
#include "configfile.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "awscli.h"
#include "findings.h"
#include "glob.h"
#include "yamldata.h"
#include "suggest.h"
#include "util.h"

static const char *const top_keys[] = {
	"rules", "exclude", "fail-on", "overrides", "suppressions", "aws-cli",
};

char *absolute_path(const char *path)
{
	char resolved[PATH_MAX];

	return realpath(path, resolved) ? xstrdup(resolved) : path_absolute_lexical(path);
}

static bool exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = stat(p, &st) == 0;

	free(p);
	return ok;
}

char *config_folder_of(const char *path)
{
	const char *slash = strcmp(path, "-") == 0 ? NULL : strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

char *config_logical_path(const char *file)
{
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;
	char *folder, *logical;

	if (strcmp(file, "-") == 0 || !*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return absolute_path(strcmp(file, "-") == 0 ? "." : file);
	folder = config_folder_of(file);
	logical = absolute_path(folder);
	free(folder);
	if (strcmp(logical, "/") == 0)
		logical[0] = '\0';
	folder = logical;
	logical = xasprintf("%s/%s", folder, base);
	free(folder);
	return logical;
}

/* Why a config file may not be trusted (NULL: it may): someone else could have
 * written it, and it can turn checks off for every file below it. A symbolic link
 * is judged both as a link (its owner) and by the file it leads to. */
static char *distrust(const char *path)
{
	struct stat st;
	bool link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);

	if (link && st.st_uid != geteuid() && st.st_uid != 0)
		return xasprintf("it is a symbolic link owned by another user (uid %lu)",
				 (unsigned long)st.st_uid);
	if (stat(path, &st) != 0)
		return NULL;
	if (st.st_uid != geteuid() && st.st_uid != 0)
		return xasprintf("it is owned by another user (uid %lu)", (unsigned long)st.st_uid);
	if (st.st_mode & S_IWOTH)
		return xstrdup("it is writable by others");
	return NULL;
}

/* $HOME resolved, or NULL: where discovery stops at the latest. */
static char *home_folder(void)
{
	const char *home = getenv("HOME");

	return home && *home ? realpath(home, NULL) : NULL;
}

/* The config in dir, if any: its path, or NULL with *ignored and *why when it is
 * there but not trusted. */
static char *config_in(const char *dir, bool *found, char **ignored, char **why)
{
	char *path = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, CONFIG_FILE_NAME);
	struct stat st;

	*found = stat(path, &st) == 0;
	if (!*found) {
		free(path);
		return NULL;
	}
	if ((*why = distrust(path)) != NULL) {
		*ignored = path;
		return NULL;
	}
	return path;
}

char *config_discover(const char *folder, char **ignored, char **why)
{
	char *dir = absolute_path(folder), *home = home_folder(), *config = NULL;

	*ignored = *why = NULL;
	for (;;) {
		char *slash;
		bool found;

		config = config_in(dir, &found, ignored, why);
		if (found || exists(dir, ".git") || (home && strcmp(dir, home) == 0) ||
		    strcmp(dir, "/") == 0 || !(slash = strrchr(dir, '/')))
			break;
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
	free(home);
	free(dir);
	return config;
}

/* --- Reading. ------------------------------------------------------------------ */

struct reader {
	struct yamldata rf;
	const struct catalog *cat;
};

/* Records the first error of a read, with its position in the config file. */
#define fail(r, at, ...) yamldata_fail(&(r)->rf, (at), __VA_ARGS__)

static int fail_unknown_rule(struct reader *r, const struct node *at, const char *key)
{
	char *why = catalog_unknown_rule(r->cat, key);
	int rc = fail(r, at, "%s", why);

	free(why);
	return rc;
}

static enum severity *new_severities(size_t n)
{
	enum severity *s = xcalloc(n ? n : 1, sizeof *s);
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = SEV_UNSET;
	return s;
}

static int read_level(struct reader *r, const struct node *v, enum severity *out)
{
	v = node_deref(v);
	/* YAML 1.2 reads an unquoted off as the string "off" (and on as "on"). */
	if (!node_is_string(v) || severity_parse(v->text, out) < 0)
		return fail(r, v, "the level must be off, info, warning or error, not %s",
			    v && v->text ? v->text : "this");
	return 0;
}

/* One rule key of a `rules:` mapping against the key that set the rule before
 * (NULL for none): 1 to apply it, 0 to pass over it, -1 after reporting it. A
 * merged (<<) key yields to a key written in the mapping, as YAML has written
 * keys win over merged ones, whichever spelling (id or name) each uses. */
static int rule_key_applies(struct reader *r, const struct node *key, const struct node *before,
			    const struct rule *rule)
{
	const struct node *k = node_deref(key);

	if (!before)
		return 1;
	if (key->flags & NODE_MERGED)
		return 0;
	if (before->flags & NODE_MERGED)
		return 1;
	/* An id and its name are one rule: the later would silently win. */
	return fail(r, k, "%s sets rule %s a second time (first as %s on line %u)", k->text,
		    rule->id, node_deref(before)->text,
		    source_position(r->rf.src, before->start).line);
}

static int read_rules(struct reader *r, const struct node *map, enum severity *severity)
{
	const struct node **set_by; /* the key (as written) that set each rule, by catalog index */
	size_t i;
	int rc = 0, applies;

	map = node_deref(map);
	if (!map || map->kind != NODE_MAPPING)
		return fail(r, map, "%s must map rule ids to levels (rules: {CJ205: off})", "rules");
	if (yamldata_visit(&r->rf, map) < 0)
		return -1;
	set_by = xcalloc(r->cat->n ? r->cat->n : 1, sizeof *set_by);
	for (i = 0; i < map->nmembers && rc == 0; i++) {
		const struct node *key = map->members[i].key, *k = node_deref(key);
		const struct rule *rule = node_is_string(k) ? catalog_find(r->cat, k->text) : NULL;

		if (!rule)
			rc = fail_unknown_rule(r, k, k && k->text ? k->text : "");
		else if ((applies = rule_key_applies(r, key, set_by[rule->index], rule)) < 0)
			rc = -1;
		else if (applies && (rc = read_level(r, map->members[i].value,
						     &severity[rule->index])) == 0)
			set_by[rule->index] = key;
	}
	free(set_by);
	return rc;
}

static char **read_strings(struct reader *r, const struct node *list, size_t *n, const char *what)
{
	char **out;
	size_t i;

	list = node_deref(list);
	if (yamldata_visit(&r->rf, list) < 0)
		return NULL;
	if (node_is_string(list)) {
		out = xcalloc(1, sizeof *out);
		out[0] = xstrdup(list->text);
		*n = 1;
		return out;
	}
	if (!list || list->kind != NODE_SEQUENCE) {
		fail(r, list, "%s must be a list of strings", what);
		return NULL;
	}
	out = xcalloc(list->nitems ? list->nitems : 1, sizeof *out);
	for (i = 0; i < list->nitems; i++) {
		if (!node_is_string(list->items[i])) {
			fail(r, list->items[i], "%s must be a list of strings", what);
			while (i-- > 0)
				free(out[i]);
			free(out);
			return NULL;
		}
		out[i] = xstrdup(node_deref(list->items[i])->text);
	}
	*n = list->nitems;
	return out;
}

static int check_keys(struct reader *r, const struct node *map, const char *const *keys, size_t n,
		      const char *where)
{
	size_t i, j;

	if (yamldata_visit(&r->rf, map) < 0)
		return -1;
	for (i = 0; i < map->nmembers; i++) {
		const struct node *k = node_deref(map->members[i].key);

		for (j = 0; j < n && !(node_is_string(k) && strcmp(k->text, keys[j]) == 0); j++)
			;
		if (j == n) {
			const char *text = k && k->text ? k->text : "";
			const char *near = suggest(text, keys, n);

			if (near)
				return fail(r, k, "unknown key %s in %s; did you mean %s?", text, where, near);
			return fail(r, k, "unknown key %s in %s", text, where);
		}
	}
	return 0;
}

static int read_override(struct reader *r, const struct node *o, struct config_override *out,
			 size_t ncat)
{
	static const char *const keys[] = { "files", "rules" };
	const struct node *files = node_get(o, "files");
	const struct node *rules = node_get(o, "rules");

	if (!o || o->kind != NODE_MAPPING)
		return fail(r, o, "each of %s is a mapping with files and rules", "overrides");
	if (check_keys(r, o, keys, 2, "an override") < 0)
		return -1;
	if (!files)
		return fail(r, o, "an override needs %s", "files");
	out->line = source_position(r->rf.src, o->start).line;
	out->severity = new_severities(ncat);
	if (!(out->files = read_strings(r, files, &out->nfiles, "files")))
		return -1;
	return rules ? read_rules(r, rules, out->severity) : 0;
}

static int read_suppression(struct reader *r, const struct node *s, struct config_suppression *out)
{
	static const char *const keys[] = { "files", "rules", "pointer", "reason" };
	const struct node *files = node_get(s, "files");
	const struct node *rules = node_get(s, "rules");
	const struct node *pointer = node_deref(node_get(s, "pointer"));
	const struct node *reason = node_deref(node_get(s, "reason"));
	size_t i;

	if (!s || s->kind != NODE_MAPPING)
		return fail(r, s, "each of %s is a mapping with files, rules, pointer and reason",
			    "suppressions");
	if (check_keys(r, s, keys, 4, "a suppression") < 0)
		return -1;
	if (!files || !rules)
		return fail(r, s, "a suppression needs files and rules%s", "");
	if (!(out->files = read_strings(r, files, &out->nfiles, "files")) ||
	    !(out->rules = read_strings(r, rules, &out->nrules, "rules")))
		return -1;
	for (i = 0; i < out->nrules; i++) {
		const struct rule *rule = catalog_find(r->cat, out->rules[i]);

		if (!rule)
			return fail_unknown_rule(r, rules, out->rules[i]);
		/* Matched against findings by id: a name given here becomes its id. */
		free(out->rules[i]);
		out->rules[i] = xstrdup(rule->id);
	}
	if (pointer && (!node_is_string(pointer) || (pointer->len && pointer->text[0] != '/')))
		return fail(r, pointer, "pointer must be a JSON pointer such as %s", "/Details");
	out->pointer = pointer ? xstrdup(pointer->text) : NULL;
	out->reason = node_is_string(reason) ? xstrdup(reason->text) : NULL;
	return 0;
}

static int read_list(struct reader *r, const struct node *list, const char *what, size_t *n)
{
	list = node_deref(list);
	if (!list || list->kind != NODE_SEQUENCE)
		return fail(r, list, "%s must be a list", what);
	*n = list->nitems;
	return 0;
}

/* aws-cli: 2.11.3 (YAML reads 2.11 as a number: its text is what counts). */
static int read_aws_cli(struct reader *r, const struct node *v, struct config *c)
{
	char *why = NULL;
	int rc = 0;

	v = node_deref(v);
	if (!v || !v->text || v->kind == NODE_MAPPING || v->kind == NODE_SEQUENCE)
		return fail(r, v, "aws-cli takes an AWS CLI v2 version like %s", AWSCLI_TRACKED_FROM);
	if (awscli_version_parse(v->text, &c->aws_cli, &why) < 0)
		rc = fail(r, v, "aws-cli: %s", why);
	free(why);
	return rc;
}

static int read_config(struct reader *r, struct config *c)
{
	const struct node *root = node_deref(r->rf.doc->root);
	const struct node *v;
	size_t i, n = 0;

	if (!root || root->kind != NODE_MAPPING)
		return fail(r, root, "a configuration is a mapping (rules, exclude, fail-on, %s)",
			    "overrides, suppressions");
	if (check_keys(r, root, top_keys, sizeof top_keys / sizeof *top_keys, "the configuration") < 0)
		return -1;
	if ((v = node_get(root, "rules")) && read_rules(r, v, c->severity) < 0)
		return -1;
	if ((v = node_get(root, "exclude")) &&
	    !(c->exclude = read_strings(r, v, &c->nexclude, "exclude")))
		return -1;
	if ((v = node_get(root, "fail-on"))) {
		enum severity level;

		if (read_level(r, v, &level) < 0 || level == SEV_OFF)
			return r->rf.error ? -1 : fail(r, v, "fail-on takes error, warning or info%s", "");
		c->fail_on = level;
	}
	if ((v = node_get(root, "aws-cli")) && read_aws_cli(r, v, c) < 0)
		return -1;
	if ((v = node_get(root, "overrides"))) {
		if (read_list(r, v, "overrides", &n) < 0)
			return -1;
		c->overrides = xcalloc(n ? n : 1, sizeof *c->overrides);
		for (i = 0; i < n; i++) {
			c->noverrides++; /* counted first, so a half-read one is freed too */
			if (read_override(r, node_deref(node_deref(v)->items[i]), &c->overrides[i],
					  c->ncatalog) < 0)
				return -1;
		}
	}
	if ((v = node_get(root, "suppressions"))) {
		if (read_list(r, v, "suppressions", &n) < 0)
			return -1;
		c->suppressions = xcalloc(n ? n : 1, sizeof *c->suppressions);
		for (i = 0; i < n; i++) {
			c->nsuppressions++;
			if (read_suppression(r, node_deref(node_deref(v)->items[i]),
					     &c->suppressions[i]) < 0)
				return -1;
		}
	}
	return 0;
}

/* The words for load problems whose catalog message speaks of a request and the
 * AWS CLI; NULL for the others, whose catalog message holds for any YAML file. */
static char *config_load_words(const struct diag *d)
{
	switch (d->msg) {
	case CJ002_INVALID_UTF8:
		return xasprintf("byte %s is not valid UTF-8; write the file in UTF-8",
				 diag_arg(d, "byte") ? diag_arg(d, "byte") : "??");
	case CJ003_EMPTY:
		return xstrdup("the file is empty; a configuration is a mapping (rules: {CJ205: off})");
	case CJ006_DEFAULT:
		return xstrdup("a second YAML document starts here; a configuration is one document");
	case CJ008_DEFAULT:
		return xstrdup("a %YAML 1.1 directive: configurations are read as YAML 1.2, "
			       "in which off is a string; remove it");
	default:
		return NULL;
	}
}

/* Loads the config text; a file that does not load is reported at the problem's
 * position, in words for a configuration where the catalog's speak of a request. */
static int open_config(struct reader *r, const char *path, const char *text, size_t len)
{
	struct diag_list *found = &r->rf.problems;
	const struct diag *d;
	struct position p;
	char *words;

	if (yamldata_open(&r->rf, path, text, len) == 0)
		return 0;
	findings_finish(found, r->cat, r->rf.src, NULL);
	if (!found->n)
		return -1;
	d = &found->items[0];
	words = config_load_words(d);
	if (words || d->message) {
		p = source_position(r->rf.src, d->start);
		free(r->rf.error);
		r->rf.error = xasprintf("%s:%u:%u: %s", path, p.line, p.column,
					words ? words : d->message);
	}
	free(words);
	return -1;
}

struct config *config_load(const char *path, const struct catalog *cat, char **error)
{
	struct config *c = xcalloc(1, sizeof *c);
	struct reader r = { .cat = cat };
	char *text, *slash;
	size_t len;

	c->path = xstrdup(path);
	c->base = config_logical_path(path);
	slash = strrchr(c->base, '/');
	if (slash)
		*(slash == c->base ? slash + 1 : slash) = '\0';
	c->ncatalog = cat->n;
	c->severity = new_severities(cat->n);
	c->fail_on = SEV_UNSET;
	if (yamldata_read(path, &text, &len, error) < 0) {
		config_free(c);
		return NULL;
	}
	if (open_config(&r, path, text, len) < 0 || read_config(&r, c) < 0) {
		*error = xstrdup(r.rf.error);
		free(text);
		yamldata_close(&r.rf);
		config_free(c);
		return NULL;
	}
	free(text);
	yamldata_close(&r.rf);
	return c;
}

static void free_strings(char **s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

void config_free(struct config *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->noverrides; i++) {
		free_strings(c->overrides[i].files, c->overrides[i].nfiles);
		free(c->overrides[i].severity);
	}
	for (i = 0; i < c->nsuppressions; i++) {
		free_strings(c->suppressions[i].files, c->suppressions[i].nfiles);
		free_strings(c->suppressions[i].rules, c->suppressions[i].nrules);
		free(c->suppressions[i].pointer);
		free(c->suppressions[i].reason);
	}
	free(c->overrides);
	free(c->suppressions);
	free_strings(c->exclude, c->nexclude);
	free(c->severity);
	free(c->path);
	free(c->base);
	free(c);
}

/* --- Applying. ------------------------------------------------------------------ */

char *config_relative(const struct config *c, const char *logical)
{
	size_t n = strlen(c->base);

	if (strncmp(logical, c->base, n) == 0 && (logical[n] == '/' || n == 1))
		return xstrdup(logical + (n == 1 ? 1 : n + 1));
	return xstrdup(logical);
}

static bool any_glob(char *const *globs, size_t n, const char *path)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (glob_match(globs[i], path))
			return true;
	return false;
}

bool config_excludes(const struct config *c, const char *relative)
{
	return any_glob(c->exclude, c->nexclude, relative);
}

static void overlay(enum severity *to, const enum severity *from, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (from[i] != SEV_UNSET)
			to[i] = from[i];
}

void config_apply(const struct config *c, const char *relative, enum severity *severity)
{
	size_t i;

	overlay(severity, c->severity, c->ncatalog);
	for (i = 0; i < c->noverrides; i++)
		if (any_glob(c->overrides[i].files, c->overrides[i].nfiles, relative))
			overlay(severity, c->overrides[i].severity, c->ncatalog);
}
