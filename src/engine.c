/* The schema engine: walks a document against the request shape. */
#include "engine.h"

#include "fixedit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks.h"
#include "fixedit.h"
#include "pattern.h"
#include "suggest.h"
#include "util.h"
#include "walk.h"

static void walk_node(struct schema_walk *w, const struct node *n, const struct shape *s);
static void walk_shape(struct schema_walk *w, const struct node *at, const struct node *n,
		       const struct shape *s);

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
/* True for an integer written with a leading zero, which YAML drops. */
static bool has_leading_zero(const struct node *n)
{
	const char *t = n->text;

	if (*t == '+' || *t == '-')
		t++;
	return n->kind == NODE_INT && t[0] == '0' && t[1] >= '0' && t[1] <= '9';
}

static bool check_string(struct schema_walk *w, const struct node *at, const struct node *n,
			 const struct shape *s);

/* True when the text, sent as the string it was meant to be, passes the length
 * checks the AWS CLI makes before it sends (botocore's ParamValidator): only then
 * does quoting it give a request the CLI accepts. `Md5Hash: ~` quoted is still one
 * character where 24 are due. The member's own checks run on a string copy of the
 * node, into a scratch list. */
static bool quoted_text_accepted(struct schema_walk *w, const struct node *n,
				 const struct shape *s)
{
	static const enum rule_msg refused_by_cli[] = { CJ106_SHORT, CJ106_LONG, CJ203_LENGTH };
	struct node as_string = *n;
	struct diag_list scratch, *out = w->out;
	bool accepted = true;
	size_t i, j;

	as_string.kind = NODE_STRING;
	diag_list_init(&scratch);
	w->out = &scratch;
	if (check_string(w, &as_string, &as_string, s) && s->run_check) {
		struct check_ctx c = { .walk = w };

		s->run_check(&c, &as_string, &as_string, s);
	}
	w->out = out;
	for (i = 0; i < scratch.n; i++)
		for (j = 0; j < sizeof refused_by_cli / sizeof *refused_by_cli; j++)
			accepted = accepted && scratch.items[i].msg != refused_by_cli[j];
	diag_list_free(&scratch);
	return accepted;
}

static void report_yaml_typed(struct schema_walk *w, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	struct diag *d;
	char *quoted;

	if (n->len == 0) {
		walk_report(w, at, CJ004_EMPTY, DIAG_NO_ARGS);
		return;
	}
	d = walk_report(w, at, has_leading_zero(n) ? CJ004_LEADING_ZERO : CJ004_DEFAULT,
			DIAG_ARGS({ "kind", node_kind_phrase(n->kind) },
			{ "value", walk_shown(w, n, s) }));
	/* A secret is never repeated in a report, not even in a fix's replacement. */
	if (!w->alias && at == n && !s->secret && quoted_text_accepted(w, n, s)) {
		struct fix *fix = fix_new(true, "quote the value, so that it stays the text written");

		fixedit_attach(d, fix, fixedit_quote_plain(fix, w->src, n));
	}
	if (s->secret)
		return;
	quoted = xasprintf("\"%s\"", n->text);
	diag_set_suggestion(d, quoted);
	free(quoted);
}

/* The name in a flow mapping written `{Revision.CreatedAt}`, a KeyPattern's
 * reference without its `$`, as the reference it most likely means; or NULL. */
static const char *dollarless_reference(const struct source *src, const struct node *n,
					const struct shape *s)
{
	const char *b = src->bytes, *fix;
	size_t open = fixedit_flow_open(src, n), i = open + 1, from, to;
	char *name;

	if (!s->nreferences || n->kind != NODE_MAPPING || n->nmembers != 1 ||
	    n->end > src->len || n->end < open + 3 || b[open] != '{')
		return NULL;
	while (i < n->end && b[i] == ' ')
		i++;
	for (from = i; i < n->end && (isalnum((unsigned char)b[i]) || b[i] == '.'); i++)
		;
	for (to = i; i < n->end && b[i] == ' '; i++)
		;
	if (to == from || i != n->end - 1 || b[i] != '}')
		return NULL;
	name = xstrndup(b + from, to - from);
	fix = checks_likely_reference(s, name);
	free(name);
	return fix;
}

/* The member's key as written, then the value quoted: `KeyPattern: "{...}"`. */
static char *quoted_member(const struct schema_walk *w, const char *quoted)
{
	const struct node *key = w->key;
	const char *b = w->src->bytes;

	if (!key || key->end > w->src->len || key->end <= key->start ||
	    memchr(b + key->start, '\n', key->end - key->start) ||
	    memchr(b + key->start, '\r', key->end - key->start))
		return xstrdup(quoted);
	return xasprintf("%.*s: %s", (int)(key->end - key->start), b + key->start, quoted);
}

/* A string member written `{...}` or `[...]` unquoted: YAML read a flow mapping or
 * list, not the text. The finding shows the value quoted, and quoting the source
 * text is the unsafe fix (the user must see the string is the one meant). False,
 * with nothing reported, for a value that is not such a collection, or one without
 * a bracket of its own: the single pair `a: b` inside a flow list `[a: b]`. */
static bool reported_as_flow_collection(struct schema_walk *w, const struct node *at,
					const struct node *n, const struct shape *s)
{
	char *quoted, *shown;
	const char *bracket = n->kind == NODE_MAPPING ? "'{'" : "'['";
	const char *kind = node_kind_phrase(n->kind);
	const char *reference;
	struct diag *d;
	struct fix *fix;

	if (!(n->flags & NODE_FLOW) || s->secret || w->src->format != SOURCE_YAML ||
	    n->end > w->src->len || n->start >= n->end ||
	    !(quoted = fixedit_flow_as_string(w->src, n)))
		return false;
	reference = dollarless_reference(w->src, n, s);
	shown = quoted_member(w, quoted);
	if (reference)
		d = walk_report(w, at, CJ103_YAML_FLOW_REFERENCE,
				DIAG_ARGS({ "bracket", bracket }, { "kind", kind },
				{ "quoted", shown }, { "reference", reference }));
	else
		d = walk_report(w, at, CJ103_YAML_FLOW,
				DIAG_ARGS({ "bracket", bracket }, { "kind", kind }, { "quoted", shown }));
	diag_set_suggestion(d, quoted);
	if (!w->alias && at == n) {
		fix = fix_new(false, "quote the value, so that YAML reads it as the text written");
		fixedit_attach(d, fix, fixedit_quote_flow(fix, w->src, n));
	}
	free(shown);
	free(quoted);
	return true;
}

static void report_type(struct schema_walk *w, const struct node *at, const struct node *n,
			const struct shape *s)
{
	bool scalar = n->kind != NODE_MAPPING && n->kind != NODE_SEQUENCE;
	bool want_string = s->type == SHAPE_STRING;

	if (want_string && scalar && (n->flags & NODE_TAGGED)) {
		walk_report(w, at, CJ011_DEFAULT, DIAG_ARGS({ "kind", node_kind_phrase(n->kind) }));
	} else if (want_string && scalar && w->src->format == SOURCE_YAML && (n->flags & NODE_PLAIN)) {
		report_yaml_typed(w, at, n, s);
	} else if (want_string && (n->flags & (NODE_NONFINITE | NODE_HUGE_INT))) {
		walk_report(w, at, n->flags & NODE_HUGE_INT ? CJ010_HUGE : CJ010_NONFINITE,
			    DIAG_ARGS({ "value", walk_shown(w, n, s) }));
	} else if (!(want_string && reported_as_flow_collection(w, at, n, s))) {
		walk_report(w, at, CJ103_DEFAULT, DIAG_ARGS({ "expected", expected_kind(s) },
			    { "kind", node_kind_phrase(n->kind) }));
	}
}

/* CJ105 when the value does not match; a match that fails (the match limit on a
 * backtracking --rules pattern) is said to be unchecked, not taken for either. */
/* A full ARN where an id goes ("arn:aws:dataexchange:...:data-sets/ID"): when the
 * ARN's last segment fits, that segment is the fix. Returns true when reported. */
static bool report_arn_for_id(struct schema_walk *w, const struct node *at,
			      const struct node *n, const struct shape *s)
{
	const char *slash, *colon, *last;
	struct diag *d;

	if (s->secret || n->len < 5 || strncmp(n->text, "arn:", 4) != 0)
		return false;
	slash = strrchr(n->text, '/');
	colon = strrchr(n->text, ':');
	last = (slash > colon ? slash : colon) + 1;
	if (!*last || pattern_match(shape_pattern(w->rs, s), last, strlen(last), NULL) != 1)
		return false;
	d = walk_report(w, at, CJ105_ARN, DIAG_ARGS({ "suggestion", last }));
	diag_set_suggestion(d, last);
	return true;
}

static void check_pattern(struct schema_walk *w, const struct node *at, const struct node *n,
			  const struct shape *s)
{
	char *why = NULL;
	int rc = pattern_match(shape_pattern(w->rs, s), n->text, n->len, &why);

	if (rc < 0)
		walk_report(w, at, CJ007_PATTERN, DIAG_ARGS({ "detail", why }));
	else if (rc == 0 && !report_arn_for_id(w, at, n, s))
		walk_report(w, at, n->len ? CJ105_DEFAULT : CJ105_EMPTY,
			    DIAG_ARGS({ "expected", s->pattern_text ? s->pattern_text : s->pattern },
			    { "value", walk_shown(w, n, s) }));
	free(why);
}

/* CJ009: a block scalar's default chomping keeps the final line break; the strip
 * indicator after '|' or '>' drops it. Only a header without a chomping indicator
 * is changed ("|+" keeps breaks on purpose). */
static void offer_strip(struct schema_walk *w, struct diag *d, const struct node *at)
{
	const char *b = w->src->bytes;
	size_t i = at->start;
	struct fix *fix;

	if (w->alias || at->kind != NODE_STRING || (at->flags & NODE_TAGGED) ||
	    i >= w->src->len || (b[i] != '|' && b[i] != '>'))
		return;
	for (i++; i < w->src->len && b[i] >= '1' && b[i] <= '9'; i++)
		;
	if (i < w->src->len && (b[i] == '-' || b[i] == '+'))
		return;
	fix = fix_new(true, "add the strip indicator '-', so that no line break ends the value");
	fix_add_edit(fix, at->start + 1, at->start + 1, "-");
	diag_set_fix(d, fix);
}

/* Returns false when the value is beyond further checks (one mistake, one finding). */
static bool check_string(struct schema_walk *w, const struct node *at, const struct node *n,
			 const struct shape *s)
{
	size_t i, length;
	char num[24], bound[24];

	if ((n->flags & NODE_BLOCK) && n->len && n->text[n->len - 1] == '\n' && !s->free_text) {
		offer_strip(w, walk_report(w, at, CJ009_DEFAULT, DIAG_NO_ARGS), at);
		return false;
	}
	if (n->flags & NODE_LONE_SURROGATE) {
		walk_report(w, at, CJ012_DEFAULT, DIAG_NO_ARGS);
		return false;
	}
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
			d = walk_report(w, at, best ? CJ104_SUGGEST : CJ104_DEFAULT,
					DIAG_ARGS({ "value", walk_shown(w, n, s) },
					{ "allowed", allowed.buf }, { "suggestion", best }));
			diag_set_suggestion(d, best);
			if (best && !s->secret)
				walk_fix_replace(w, d, at, best, strcasecmp(best, n->text) == 0,
						 "replace with the allowed value");
			sb_free(&allowed);
			return true;
		}
	}
	/* Counted only where a bound needs it: most strings have none. */
	length = s->min >= 0 || s->max >= 0 ? utf8_count(n->text, n->len) : 0;
	if (s->min >= 0 && length < (size_t)s->min) {
		snprintf(num, sizeof num, "%zu", length);
		snprintf(bound, sizeof bound, "%ld", s->min);
		walk_report(w, at, length ? CJ106_SHORT : CJ106_EMPTY,
			    DIAG_ARGS({ "length", num }, { "min", bound }));
		return true;
	}
	if (s->max >= 0 && length > (size_t)s->max) {
		snprintf(num, sizeof num, "%zu", length);
		snprintf(bound, sizeof bound, "%ld", s->max);
		walk_report(w, at, CJ106_LONG, DIAG_ARGS({ "length", num }, { "max", bound }));
		return true;
	}
	if (s->pattern)
		check_pattern(w, at, n, s);
	return true;
}

#define MAX_UNIQUE 4

/* The identity of a list entry for `unique`: the string nodes of its listed
 * members (NULL for an absent one), pointed at, not copied, since aliases can make
 * many entries share one long value. */
struct keyed_entry {
	const struct node *part[MAX_UNIQUE];
	size_t nparts;
	size_t index;
};

static bool entry_identity(const struct node *item, const struct shape *s, struct keyed_entry *e)
{
	const struct node *n = node_deref(item);
	size_t i;

	if (!n)
		return false;
	if (s->nunique == 1 && strcmp(s->unique[0], ".") == 0) {
		e->part[0] = n;
		e->nparts = 1;
		return n->kind == NODE_STRING;
	}
	if (n->kind != NODE_MAPPING)
		return false;
	for (i = 0; i < s->nunique && i < MAX_UNIQUE; i++) {
		const struct node *v = node_deref(node_get(n, s->unique[i]));

		e->part[i] = node_is_string(v) ? v : NULL;
	}
	e->nparts = i;
	return true;
}

static int compare_part(const struct node *x, const struct node *y)
{
	int c;

	if (x == y)
		return 0;
	if (!x || !y)
		return x ? 1 : -1;
	c = memcmp(x->text, y->text, x->len < y->len ? x->len : y->len);
	return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

static int compare_identity(const struct keyed_entry *x, const struct keyed_entry *y)
{
	size_t i;
	int c;

	for (i = 0; i < x->nparts; i++)
		if ((c = compare_part(x->part[i], y->part[i])) != 0)
			return c;
	return 0;
}

static int compare_entries(const void *a, const void *b)
{
	const struct keyed_entry *x = a, *y = b;
	int c = compare_identity(x, y);

	return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

static void report_repeat(struct schema_walk *w, const struct node *list, size_t i, size_t first,
			  const struct shape *s)
{
	struct strbuf what;
	char line[24], index[24];
	struct diag *d;
	size_t k;

	sb_init(&what);
	for (k = 0; k < s->nunique; k++)
		sb_addf(&what, "%s%s", k == 0 ? "" : k + 1 == s->nunique ? " and " : ", ",
			strcmp(s->unique[k], ".") == 0 ? "value" : s->unique[k]);
	snprintf(line, sizeof line, "%u", source_position(w->src, list->items[first]->start).line);
	snprintf(index, sizeof index, "%zu", first);
	walk_push_index(w, i);
	d = walk_report(w, list->items[i], CJ213_DEFAULT, DIAG_ARGS({ "what", what.buf },
			{ "first", index }, { "line", line }));
	if (!d->via_alias)
		d->related = list->items[first]->start + 1;
	walk_pop(w);
	sb_free(&what);
}

/* Entries alike in the members that identify them: each repeat is reported at the
 * later entry and names the first. Sorting keeps this fast on long lists. */
static void check_unique(struct schema_walk *w, const struct node *n, const struct shape *s)
{
	struct keyed_entry *e = xcalloc(n->nitems, sizeof *e);
	size_t i, count = 0, first = 0;

	for (i = 0; i < n->nitems; i++) {
		if (entry_identity(n->items[i], s, &e[count]))
			e[count++].index = i;
	}
	if (count > 1)
		qsort(e, count, sizeof *e, compare_entries);
	for (i = 0; i < count; i++) {
		if (i == 0 || compare_identity(&e[i], &e[first]) != 0)
			first = i;
		else
			report_repeat(w, n, e[i].index, e[first].index, s);
	}
	free(e);
}

static void check_quota(struct schema_walk *w, const struct node *at, const struct node *n,
			const struct shape *s)
{
	char count[24], quota[24];

	if (s->quota < 0 || n->nitems <= (size_t)s->quota)
		return;
	snprintf(count, sizeof count, "%zu", n->nitems);
	snprintf(quota, sizeof quota, "%ld", s->quota);
	walk_report(w, at, s->quota_confirmed ? CJ214_DEFAULT : CJ215_DEFAULT,
		    DIAG_ARGS({ "count", count }, { "quota", quota }));
}

/* The value of a member, with its key known as the place of what the value lacks. */
static void walk_member_value(struct schema_walk *w, const struct member *m,
			      const struct shape *s)
{
	const struct node *outer = w->key;

	w->key = m->key;
	walk_node(w, m->value, s);
	w->key = outer;
}

/* A list entry: no key of its own, so what it lacks is reported on the entry. */
static void walk_item(struct schema_walk *w, const struct node *item, const struct shape *s)
{
	const struct node *outer = w->key;

	w->key = NULL;
	walk_node(w, item, s);
	w->key = outer;
}

static void walk_list(struct schema_walk *w, const struct node *at, const struct node *n,
		      const struct shape *s)
{
	char count[24], bound[24];
	size_t i;

	check_quota(w, at, n, s);
	if (s->nunique && !shape_one_entry_per_job(s, n->nitems))
		check_unique(w, n, s);
	if (s->min >= 0 && n->nitems < (size_t)s->min) {
		snprintf(count, sizeof count, "%zu", n->nitems);
		snprintf(bound, sizeof bound, "%ld", s->min);
		walk_report(w, at, CJ107_SHORT, DIAG_ARGS({ "count", count }, { "min", bound }));
	} else if (s->max >= 0 && n->nitems > (size_t)s->max) {
		snprintf(count, sizeof count, "%zu", n->nitems);
		snprintf(bound, sizeof bound, "%ld", s->max);
		walk_report(w, at, CJ107_LONG, DIAG_ARGS({ "count", count }, { "max", bound }));
	}
	for (i = 0; i < n->nitems && !w->exhausted; i++) {
		walk_push_index(w, i);
		walk_item(w, n->items[i], s->item);
		walk_pop(w);
	}
}

static const char *key_text(const struct member *m)
{
	const struct node *k = node_deref(m->key);

	return k && k->kind == NODE_STRING ? k->text : NULL;
}

/* What the walk of one mapping needs to know about each member: the first earlier
 * member with the same key (-1 for none), whether a later one repeats it (then
 * this one is not sent), and, for an unknown member, the name it likely meant. */
struct member_info {
	long first;
	bool repeated_later;
	const char *meant;
};

struct keyed_member {
	const char *key;
	size_t index;
};

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed_member *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->index < y->index ? -1 : 1);
}

/* Finds repeated keys by sorting, so a mapping with many keys costs n log n.
 * Members brought in by a merge key never repeat an own key (own keys win). */
static struct member_info *member_infos(const struct node *n)
{
	struct member_info *info = xcalloc(n->nmembers ? n->nmembers : 1, sizeof *info);
	struct keyed_member *k = xcalloc(n->nmembers ? n->nmembers : 1, sizeof *k);
	size_t i, count = 0, group = 0;

	for (i = 0; i < n->nmembers; i++) {
		info[i].first = -1;
		if (key_text(&n->members[i])) {
			k[count].key = key_text(&n->members[i]);
			k[count++].index = i;
		}
	}
	if (count > 1)
		qsort(k, count, sizeof *k, compare_keyed);
	for (i = 0; i < count; i++) {
		if (i == 0 || strcmp(k[i].key, k[group].key) != 0) {
			group = i;
			continue;
		}
		info[k[i].index].first = (long)k[group].index;
		info[k[i - 1].index].repeated_later = true;
	}
	free(k);
	return info;
}

static void report_duplicate(struct schema_walk *w, const struct node *n, size_t i, size_t first)
{
	char line[24];
	const char *consequence;
	struct diag *d;

	snprintf(line, sizeof line, "%u", source_position(w->src, n->members[first].key->start).line);
	walk_push_member(w, key_text(&n->members[i]));
	consequence = w->src->format == SOURCE_JSON
		? "the AWS CLI silently keeps only the last one"
		: "the AWS CLI refuses a YAML file with duplicate keys";
	d = walk_report(w, n->members[i].key, CJ005_DEFAULT,
			DIAG_ARGS({ "first", line }, { "consequence", consequence }));
	d->related = n->members[first].key->start + 1;
	/* JSON: the CLI sends the last one, so the earlier can go without a change in
	 * meaning; YAML refuses the file, and which one was meant is the user's call. */
	if (w->src->format == SOURCE_JSON)
		walk_fix_remove_members(w, d, n, &first, 1, true, "remove the earlier duplicate");
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

/* Hides a secret value in every excerpt, wherever a finding's line shows it. */
static void mask_value(struct schema_walk *w, const struct node *value)
{
	const struct node *v = node_deref(value);

	if (v)
		source_add_mask(w->src, v->start, v->end);
	if (value && value != v)
		source_add_mask(w->src, value->start, value->end);
}

/* A key that is a collection (`{a: b}: x`, `? [a]`) has no text: it is named by
 * its flow source when that is short and on one line, else by its kind. */
static char *collection_key_name(const struct source *src, const struct node *key)
{
	size_t open = fixedit_flow_open(src, key);
	const char *b = src->bytes + open;
	size_t len = key->end - open;

	if (open < key->end && len <= 60 && !memchr(b, '\n', len) && !memchr(b, '\r', len))
		return xstrndup(b, len);
	return xasprintf("(%s used as a key)", node_kind_phrase(key->kind));
}

static void report_unknown(struct schema_walk *w, const struct member *m, const struct shape *s,
			   const char *best, bool rename_is_clear)
{
	const struct node *key = node_deref(m->key);
	char *collection = key && !key->text ? collection_key_name(w->src, key) : NULL;
	const char *name = key && key->text ? key->text : collection ? collection : "";
	struct diag *d;
	char *where = walk_dotted(w);

	if (best && shape_member(s, best)->shape->secret)
		mask_value(w, m->value); /* a misspelt ApiKey still holds the key */
	walk_push_member(w, name);
	d = walk_report(w, m->key, best ? CJ102_SUGGEST : CJ102_DEFAULT,
			DIAG_ARGS({ "member", name }, { "suggestion", best }, { "where", where }));
	diag_set_suggestion(d, best);
	if (best && rename_is_clear)
		walk_fix_replace(w, d, m->key, best, false, "rename the member");
	walk_pop(w);
	free(where);
	free(collection);
}

/* True when some unknown member is a misspelling of `name`: the missing member is
 * then already reported, with its fix, as that unknown member. */
static bool meant_by_any(const struct member_info *info, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (info[i].meant && strcmp(info[i].meant, name) == 0)
			return true;
	return false;
}

/* Where a missing member is reported: the key of a YAML block mapping's parent, the
 * line to add it under, or else the mapping itself (its `{`, or for the top level
 * its first key). */
static const struct node *missing_place(const struct schema_walk *w, const struct node *n)
{
	bool flow = n->start < w->src->len && w->src->bytes[n->start] == '{';

	return !flow && w->key ? w->key : n;
}

/* One mistake, one finding: all the required members a mapping lacks, named
 * together ("AssetId and RevisionId"). */
static void report_missing_names(struct schema_walk *w, const struct node *n,
				 const char *const *names, size_t count)
{
	struct strbuf all;
	size_t k;

	if (count == 0)
		return;
	if (count == 1) {
		walk_report(w, missing_place(w, n), CJ101_DEFAULT, DIAG_ARGS({ "member", names[0] }));
		return;
	}
	sb_init(&all);
	for (k = 0; k < count; k++)
		sb_addf(&all, "%s%s", k == 0 ? "" : k + 1 == count ? " and " : ", ", names[k]);
	walk_report(w, missing_place(w, n), CJ101_SEVERAL, DIAG_ARGS({ "members", all.buf }));
	sb_free(&all);
}

/* Required members that are absent and not the likely meaning of an unknown one
 * (CJ101). Small mappings are searched; large ones (a --rules structure with many
 * required members, a document with many keys) get their keys indexed once. */
static void report_missing(struct schema_walk *w, const struct node *n, const struct shape *s,
			   const struct member_info *info)
{
	struct strmap present, meant;
	bool indexed = s->nmembers * n->nmembers > 256;
	const char **missing = xcalloc(s->nmembers ? s->nmembers : 1, sizeof *missing);
	size_t i, nmissing = 0;

	strmap_init(&present);
	strmap_init(&meant);
	for (i = 0; indexed && i < n->nmembers; i++) {
		if (key_text(&n->members[i]))
			strmap_put(&present, key_text(&n->members[i]), n->members[i].value);
		if (info[i].meant)
			strmap_put(&meant, info[i].meant, (void *)info[i].meant);
	}
	for (i = 0; i < s->nmembers; i++) {
		const char *name = s->members[i].name;
		bool absent = indexed ? !strmap_get(&present, name) && !strmap_get(&meant, name)
				      : !node_get(n, name) && !meant_by_any(info, n->nmembers, name);

		if (s->members[i].required && absent)
			missing[nmissing++] = name;
	}
	strmap_free(&present);
	strmap_free(&meant);
	report_missing_names(w, n, missing, nmissing);
	free(missing);
}

/* The members of s that the target CLI knows, in the model's order, as the CLI
 * lists them when it refuses another ("Bucket, KeyPrefixes, Keys"). */
static void known_members(const struct schema_walk *w, const struct shape *s, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < s->nmembers; i++)
		if (!awscli_lacks(w->target, s->members[i].aws_cli))
			sb_addf(sb, "%s%s", sb->len ? ", " : "", s->members[i].name);
}

/* A member older CLIs do not know: a note, or, with a target CLI that lacks it, the
 * refusal that CLI gives ("Unknown parameter in input: ..."); nothing when the
 * target knows it. The path is pushed already: the CLI names the parent. */
static void report_newer_member(struct schema_walk *w, const struct member *m,
				const struct shape *s, const struct shape_member *sm)
{
	char target[AWSCLI_VERSION_TEXT], *where;
	struct strbuf known;

	if (!w->target) {
		if (sm->since)
			walk_report(w, m->key, CJ222_DEFAULT, DIAG_ARGS({ "member", sm->name },
				    { "since", sm->since }));
		return;
	}
	if (!awscli_lacks(w->target, sm->aws_cli))
		return;
	walk_pop(w);
	where = w->depth ? walk_dotted(w) : xstrdup("input");
	walk_push_member(w, sm->name);
	sb_init(&known);
	known_members(w, s, &known);
	walk_report(w, m->key, CJ222_REFUSED, DIAG_ARGS({ "member", sm->name }, { "where", where },
		    { "known", known.buf }, { "first", sm->aws_cli },
		    { "target", awscli_version_text(w->target, target, sizeof target) }));
	sb_free(&known);
	free(where);
}

/* The member each unknown key likely meant (info[i].meant), and how many keys
 * meant each member of the shape: a rename is offered only to the one key that
 * means a member, since renaming two to one name would make a duplicate. */
static size_t *find_meant(const struct node *n, const struct shape *s, struct member_info *info)
{
	size_t *meant_by = xcalloc(s->nmembers + 1, sizeof *meant_by);
	size_t i;

	for (i = 0; i < n->nmembers; i++) {
		const char *key = key_text(&n->members[i]);

		if (info[i].repeated_later || (key && shape_member(s, key)))
			continue;
		info[i].meant = likely_member(s, key ? key : "");
		if (info[i].meant)
			meant_by[shape_member(s, info[i].meant) - s->members]++;
	}
	return meant_by;
}

/* True for a member of Details that belongs to a job type other than Type's. It
 * is reported whole (CJ201, or CJ221 for a skeleton) as a member to remove, so
 * nothing inside it is checked: one mistake, one finding. */
static bool other_job_member(const struct schema_walk *w, const struct node *n, const char *key)
{
	return n == w->job_details && key && strcmp(key, w->job_member) != 0 &&
	       shape_type_for_details(w->rs, key);
}

static void walk_structure(struct schema_walk *w, const struct node *n, const struct shape *s)
{
	struct member_info *info = member_infos(n);
	size_t *meant_by = find_meant(n, s, info);
	size_t i;

	/* Hide secrets first, so that no finding on a sibling can show one. */
	for (i = 0; i < n->nmembers; i++) {
		const char *key = key_text(&n->members[i]);
		const struct shape_member *sm = key ? shape_member(s, key) : NULL;

		if (sm && sm->shape->secret)
			mask_value(w, n->members[i].value);
	}
	for (i = 0; i < n->nmembers && !w->exhausted; i++) {
		const struct member *m = &n->members[i];
		const char *key = key_text(m);
		const struct shape_member *sm = key ? shape_member(s, key) : NULL;

		if (info[i].first >= 0 && !(m->key->flags & NODE_MERGED))
			report_duplicate(w, n, i, (size_t)info[i].first);
		if (info[i].repeated_later)
			continue; /* only the last of duplicates is sent */
		if (!sm) {
			report_unknown(w, m, s, info[i].meant,
				       info[i].meant && !node_get(n, info[i].meant) &&
				       meant_by[shape_member(s, info[i].meant) - s->members] == 1);
			continue;
		}
		if (other_job_member(w, n, key))
			continue;
		walk_push_member(w, sm->name);
		report_newer_member(w, m, s, sm);
		walk_member_value(w, m, sm->shape);
		walk_pop(w);
	}
	report_missing(w, n, s, info);
	free(meant_by);
	free(info);
}

/* Said once, where the walk stopped; what lies deeper is not checked. */
static void report_too_deep(struct schema_walk *w, const struct node *at)
{
	char limit[24];

	if (w->too_deep)
		return;
	w->too_deep = true;
	snprintf(limit, sizeof limit, "%d", ENGINE_MAX_DEPTH);
	diag_add(w->out, CJ007_DEPTH, at->start, at->start + 1, "", DIAG_ARGS({ "limit", limit }));
}

static void walk_node(struct schema_walk *w, const struct node *at, const struct shape *s)
{
	const struct node *n = node_deref(at);

	if (!n || !s)
		return;
	if (diag_list_full(w->out)) {
		/* Enough said about this file: the rest is noted once, not checked. */
		diag_drop(w->out);
		return;
	}
	if (w->budget == 0) {
		w->exhausted = true;
		return;
	}
	if (w->depth >= ENGINE_MAX_DEPTH) {
		report_too_deep(w, at);
		return;
	}
	w->budget--;
	if (at->kind == NODE_ALIAS && !w->alias) {
		w->alias = at;
		walk_shape(w, at, n, s);
		w->alias = NULL;
		return;
	}
	walk_shape(w, at, n, s);
}

static void walk_shape(struct schema_walk *w, const struct node *at, const struct node *n,
		       const struct shape *s)
{
	switch (s->type) {
	case SHAPE_STRUCTURE:
		if (n->kind != NODE_MAPPING) {
			report_type(w, at, n, s);
			return;
		}
		walk_structure(w, n, s);
		break;
	case SHAPE_LIST:
		if (n->kind != NODE_SEQUENCE) {
			report_type(w, at, n, s);
			return;
		}
		walk_list(w, at, n, s);
		break;
	case SHAPE_STRING:
		if (n->kind != NODE_STRING) {
			report_type(w, at, n, s);
			return;
		}
		/* A secret's own check (it is there at all) runs whatever its form. */
		if (!check_string(w, at, n, s) && !s->secret)
			return;
		break;
	}
	if (s->run_check && !w->exhausted) {
		struct check_ctx c = { .walk = w };

		s->run_check(&c, at, n, s);
	}
}

/* In an untrimmed skeleton every empty string is a leftover that the one skeleton
 * finding already covers. */
static void drop_empty_value_findings(struct diag_list *out, size_t first)
{
	size_t i, kept = first;

	for (i = first; i < out->n; i++) {
		if (out->items[i].empty_value) {
			diag_release(&out->items[i]);
			continue;
		}
		out->items[kept++] = out->items[i];
	}
	out->n = kept;
}

void engine_check(const struct request_shape *rs, struct source *src, const struct doc *doc,
		  size_t max_visits, const struct awscli_version *target, struct diag_list *out)
{
	struct schema_walk w = { 0 };
	size_t first;
	const struct node *root = node_deref(doc->root);

	if (!doc->root)
		return;
	if (!root || root->kind == NODE_NULL) {
		diag_add(out, CJ003_EMPTY, doc->root->start, doc->root->end, "", DIAG_NO_ARGS);
		return;
	}
	if (root->kind != NODE_MAPPING) {
		diag_add(out, CJ003_NOT_MAPPING, doc->root->start, doc->root->end, "",
			 DIAG_ARGS({ "kind", node_kind_phrase(root->kind) }));
		return;
	}
	w.rs = rs;
	w.src = src;
	w.out = out;
	w.budget = max_visits;
	w.target = target && target->set ? target : NULL;
	/* An untrimmed skeleton gets one CJ221 finding (check_type_details), and the
	 * empty leftovers it stands for are dropped after the walk. */
	w.skeleton = checks_untrimmed_skeleton(rs, root);
	w.job_details = checks_typed_details(rs, root, &w.job_member);
	first = out->n;
	walk_node(&w, doc->root, rs->root);
	if (w.skeleton)
		drop_empty_value_findings(out, first);
	if (w.exhausted) {
		char limit[24];

		snprintf(limit, sizeof limit, "%zu", max_visits);
		diag_add(out, CJ007_EXPANSION, doc->root->start, doc->root->start + 1, "",
			 DIAG_ARGS({ "limit", limit }));
	}
	walk_release(&w);
}
