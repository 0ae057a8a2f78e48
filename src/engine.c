/* The schema engine: walks a document against the request shape. */
#include "engine.h"

#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "pattern.h"
#include "suggest.h"
#include "util.h"

void walk_push_member(struct walk *w, const char *name)
{
	w->path = grow_array(w->path, &w->cap, w->depth + 1, sizeof *w->path);
	w->path[w->depth].name = name;
	w->path[w->depth].index = 0;
	w->depth++;
}

void walk_push_index(struct walk *w, size_t index)
{
	w->path = grow_array(w->path, &w->cap, w->depth + 1, sizeof *w->path);
	w->path[w->depth].name = NULL;
	w->path[w->depth].index = index;
	w->depth++;
}

void walk_pop(struct walk *w)
{
	if (w->depth > 0)
		w->depth--;
}

char *walk_dotted(const struct walk *w)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	for (i = 0; i < w->depth; i++) {
		if (w->path[i].name)
			sb_addf(&sb, "%s%s", i ? "." : "", w->path[i].name);
		else
			sb_addf(&sb, "[%zu]", w->path[i].index);
	}
	if (sb.len == 0)
		sb_adds(&sb, "the request");
	return sb_detach(&sb);
}

char *walk_pointer(const struct walk *w)
{
	struct strbuf sb;
	size_t i;
	const char *p;

	sb_init(&sb);
	for (i = 0; i < w->depth; i++) {
		sb_addc(&sb, '/');
		if (!w->path[i].name) {
			sb_addf(&sb, "%zu", w->path[i].index);
			continue;
		}
		/* RFC 6901: '~' is written ~0 and '/' is written ~1. */
		for (p = w->path[i].name; *p; p++) {
			if (*p == '~')
				sb_adds(&sb, "~0");
			else if (*p == '/')
				sb_adds(&sb, "~1");
			else
				sb_addc(&sb, *p);
		}
	}
	return sb_detach(&sb);
}

struct diag *walk_report(struct walk *w, const struct node *at, const char *rule,
			 const char *variant, ...)
{
	char *pointer = walk_pointer(w);
	char *dotted = walk_dotted(w);
	struct diag *d;
	va_list ap;

	va_start(ap, variant);
	d = diag_vadd(w->out, rule, variant, at->start, at->end, pointer, ap);
	va_end(ap);
	if (d->nargs < DIAG_MAX_ARGS) {
		d->args[d->nargs].name = "path";
		d->args[d->nargs].value = dotted;
		d->nargs++;
	} else {
		free(dotted);
	}
	free(pointer);
	return d;
}

static void walk_node(struct walk *w, const struct node *n, const struct shape *s);

static const char *expected_kind(const struct shape *s)
{
	switch (s->type) {
	case SHAPE_STRUCTURE:
		return "a mapping";
	case SHAPE_LIST:
		return "a list";
	default:
		return "a string";
	}
}

/* A value of the wrong kind. A YAML scalar that was meant as text but typed by
 * YAML gets its own rule, with the quoted form as the fix. */
static void report_type(struct walk *w, const struct node *at, const struct node *n,
			const struct shape *s)
{
	bool yaml_typed = w->src->format == FORMAT_YAML && (n->flags & NODE_PLAIN) &&
			  s->type == SHAPE_STRING && n->kind != NODE_MAPPING &&
			  n->kind != NODE_SEQUENCE;

	if (yaml_typed && n->len == 0) {
		walk_report(w, at, "CJ004", "empty", NULL);
	} else if (yaml_typed) {
		char *quoted = xasprintf("\"%s\"", n->text);
		struct diag *d = walk_report(w, at, "CJ004", "default", "kind",
					     node_kind_phrase(n->kind), "value", n->text, NULL);

		diag_set_suggestion(d, quoted);
		free(quoted);
	} else {
		walk_report(w, at, "CJ103", "default", "expected", expected_kind(s), "kind",
			    node_kind_phrase(n->kind), NULL);
	}
}

static void check_string(struct walk *w, const struct node *at, const struct node *n,
			 const struct shape *s)
{
	size_t i, length;
	char num[24], bound[24];

	if (s->nenums) {
		for (i = 0; i < s->nenums && strcmp(s->enums[i], n->text) != 0; i++)
			;
		if (i == s->nenums) {
			const char *best = suggest(n->text, s->enums, s->nenums);
			struct strbuf allowed;
			struct diag *d;

			sb_init(&allowed);
			for (i = 0; i < s->nenums; i++)
				sb_addf(&allowed, "%s%s", i ? ", " : "", s->enums[i]);
			d = walk_report(w, at, "CJ104", best ? "suggest" : "default", "value", n->text,
					"allowed", allowed.buf, "suggestion", best, NULL);
			diag_set_suggestion(d, best);
			sb_free(&allowed);
			return;
		}
	}
	length = utf8_count(n->text, n->len);
	snprintf(num, sizeof num, "%zu", length);
	if (s->min >= 0 && length < (size_t)s->min) {
		snprintf(bound, sizeof bound, "%ld", s->min);
		walk_report(w, at, "CJ106", "short", "length", num, "min", bound, NULL);
		return;
	}
	if (s->max >= 0 && length > (size_t)s->max) {
		snprintf(bound, sizeof bound, "%ld", s->max);
		walk_report(w, at, "CJ106", "long", "length", num, "max", bound, NULL);
		return;
	}
	if (s->pattern && pattern_match(s->pattern, n->text, n->len, NULL) == 0)
		walk_report(w, at, "CJ105", "default", "expected",
			    s->pattern_text ? s->pattern_text : s->pattern, "value", n->text, NULL);
}

static void walk_list(struct walk *w, const struct node *at, const struct node *n,
		      const struct shape *s)
{
	char count[24], bound[24];
	size_t i;

	snprintf(count, sizeof count, "%zu", n->nitems);
	if (s->min >= 0 && n->nitems < (size_t)s->min) {
		snprintf(bound, sizeof bound, "%ld", s->min);
		walk_report(w, at, "CJ107", "short", "count", count, "min", bound, NULL);
	} else if (s->max >= 0 && n->nitems > (size_t)s->max) {
		snprintf(bound, sizeof bound, "%ld", s->max);
		walk_report(w, at, "CJ107", "long", "count", count, "max", bound, NULL);
	}
	for (i = 0; i < n->nitems && !w->exhausted; i++) {
		walk_push_index(w, i);
		walk_node(w, n->items[i], s->item);
		walk_pop(w);
	}
}

static const char *key_text(const struct member *m)
{
	const struct node *k = node_deref(m->key);

	return k && k->kind == NODE_STRING ? k->text : NULL;
}

/* Index of the first earlier member with the same key, or -1. */
static long earlier_duplicate(const struct node *n, size_t i)
{
	const char *key = key_text(&n->members[i]);
	size_t j;

	if (!key || (n->members[i].key->flags & NODE_MERGED))
		return -1;
	for (j = 0; j < i; j++) {
		const char *other = key_text(&n->members[j]);

		if (other && !(n->members[j].key->flags & NODE_MERGED) && strcmp(other, key) == 0)
			return (long)j;
	}
	return -1;
}

static bool has_later_duplicate(const struct node *n, size_t i)
{
	const char *key = key_text(&n->members[i]);
	size_t j;

	for (j = i + 1; key && j < n->nmembers; j++) {
		const char *other = key_text(&n->members[j]);

		if (other && strcmp(other, key) == 0)
			return true;
	}
	return false;
}

static void report_duplicate(struct walk *w, const struct node *n, size_t i, size_t first)
{
	char line[24];
	struct diag *d;

	snprintf(line, sizeof line, "%u", source_position(w->src, n->members[first].key->start).line);
	walk_push_member(w, key_text(&n->members[i]));
	d = walk_report(w, n->members[i].key, "CJ005", "default", "first", line, "consequence",
			w->src->format == FORMAT_JSON
				? "the AWS CLI silently keeps only the last one"
				: "the AWS CLI refuses a YAML file with duplicate keys",
			NULL);
	d->related = n->members[first].key->start + 1;
	walk_pop(w);
}

/* The member a misspelt name most likely meant, or NULL. */
static const char *likely_member(const struct shape *s, const char *name)
{
	const char **names = xcalloc(s->nmembers, sizeof *names);
	const char *best;
	size_t i;

	for (i = 0; i < s->nmembers; i++)
		names[i] = s->members[i].name;
	best = suggest(name, names, s->nmembers);
	free(names);
	return best;
}

static void report_unknown(struct walk *w, const struct member *m, const struct shape *s)
{
	const struct node *key = node_deref(m->key);
	const char *name = key && key->text ? key->text : "";
	const char *best = likely_member(s, name);
	struct diag *d;
	char *where = walk_dotted(w);

	walk_push_member(w, name);
	d = walk_report(w, m->key, "CJ102", best ? "suggest" : "default", "member", name,
			"suggestion", best, "where", where, NULL);
	diag_set_suggestion(d, best);
	walk_pop(w);
	free(where);
}

/* True when some unknown member of n is a misspelling of `name`: the missing member
 * is then already reported, with its fix, as that unknown member. */
static bool misspelt_in(const struct node *n, const struct shape *s, const char *name)
{
	size_t i;

	for (i = 0; i < n->nmembers; i++) {
		const char *key = key_text(&n->members[i]);
		const char *best;

		if (!key || shape_member(s, key))
			continue;
		best = likely_member(s, key);
		if (best && strcmp(best, name) == 0)
			return true;
	}
	return false;
}

static void walk_structure(struct walk *w, const struct node *n, const struct shape *s)
{
	size_t i;

	for (i = 0; i < n->nmembers && !w->exhausted; i++) {
		const struct member *m = &n->members[i];
		const char *key = key_text(m);
		const struct shape_member *sm = key ? shape_member(s, key) : NULL;
		long first = earlier_duplicate(n, i);

		if (first >= 0)
			report_duplicate(w, n, i, (size_t)first);
		if (has_later_duplicate(n, i))
			continue; /* only the last of duplicates is sent */
		if (!sm) {
			report_unknown(w, m, s);
			continue;
		}
		walk_push_member(w, sm->name);
		walk_node(w, m->value, sm->shape);
		walk_pop(w);
	}
	for (i = 0; i < s->nmembers; i++)
		if (s->members[i].required && !node_get(n, s->members[i].name) &&
		    !misspelt_in(n, s, s->members[i].name))
			walk_report(w, n, "CJ101", "default", "member", s->members[i].name, NULL);
}

static void walk_node(struct walk *w, const struct node *at, const struct shape *s)
{
	const struct node *n = node_deref(at);

	if (!n || !s)
		return;
	if (w->budget == 0) {
		w->exhausted = true;
		return;
	}
	w->budget--;
	/* A finding inside an aliased value points at the anchored node. */
	switch (s->type) {
	case SHAPE_STRUCTURE:
		if (n->kind != NODE_MAPPING)
			return report_type(w, at, n, s);
		walk_structure(w, n, s);
		break;
	case SHAPE_LIST:
		if (n->kind != NODE_SEQUENCE)
			return report_type(w, at, n, s);
		walk_list(w, at, n, s);
		break;
	case SHAPE_STRING:
		if (n->kind != NODE_STRING)
			return report_type(w, at, n, s);
		check_string(w, at, n, s);
		break;
	}
	if (s->check && !w->exhausted)
		checks_run(w, s->check, at, n, s);
}

void engine_check(const struct request_shape *rs, struct source *src, const struct doc *doc,
		  size_t max_visits, struct diag_list *out)
{
	struct walk w = { 0 };
	const struct node *root = node_deref(doc->root);

	if (!doc->root)
		return;
	if (!root || root->kind == NODE_NULL) {
		diag_add(out, "CJ003", "empty", doc->root->start, doc->root->end, "", NULL);
		return;
	}
	if (root->kind != NODE_MAPPING) {
		diag_add(out, "CJ003", "not-mapping", doc->root->start, doc->root->end, "", "kind",
			 node_kind_phrase(root->kind), NULL);
		return;
	}
	w.rs = rs;
	w.src = src;
	w.out = out;
	w.budget = max_visits;
	walk_node(&w, doc->root, rs->root);
	if (w.exhausted) {
		char limit[24];

		snprintf(limit, sizeof limit, "%zu", max_visits);
		diag_add(out, "CJ007", "expansion", doc->root->start, doc->root->start + 1, "", "limit",
			 limit, NULL);
	}
	free(w.path);
}
