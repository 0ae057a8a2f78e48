/* Where the schema walk is in the document, and reporting a finding there. */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "fixedit.h"
#include "util.h"

void walk_push_member(struct schema_walk *w, const char *name)
{
	w->path = grow_array(w->path, &w->cap, w->depth + 1, sizeof *w->path);
	w->path[w->depth].name = name;
	w->path[w->depth].index = 0;
	w->depth++;
}

void walk_push_index(struct schema_walk *w, size_t index)
{
	w->path = grow_array(w->path, &w->cap, w->depth + 1, sizeof *w->path);
	w->path[w->depth].name = NULL;
	w->path[w->depth].index = index;
	w->depth++;
}

void walk_pop(struct schema_walk *w)
{
	if (w->depth > 0)
		w->depth--;
}

char *walk_dotted(const struct schema_walk *w)
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

char *walk_pointer(const struct schema_walk *w)
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

struct diag *walk_report(struct schema_walk *w, const struct node *at, enum rule_msg msg,
			 const struct diag_pair *args, size_t nargs)
{
	char *pointer, *dotted;
	struct diag *d;
	const struct node *place = w->alias ? w->alias : at;

	if (diag_list_full(w->out))
		return diag_drop(w->out);
	pointer = walk_pointer(w);
	dotted = walk_dotted(w);
	d = diag_add(w->out, msg, place->start, place->end, pointer, args, nargs);
	if (w->alias) {
		d->via_alias = true;
		d->related = node_deref(w->alias)->start + 1;
	}
	d->empty_value = at->kind == NODE_STRING && at->len == 0;
	diag_adopt_arg(d, "path", dotted);
	free(pointer);
	return d;
}

/* A message would quote a value that holds NUL only up to the NUL, hiding the
 * rest: such a value is shown with each NUL written as \x00, as other control
 * characters are. The copy lives until the walk shows two more such values, which
 * is longer than the finding that quotes it takes to copy it (diag_add). */
static const char *shown_with_nul(struct schema_walk *w, const struct node *n)
{
	struct strbuf sb;
	char **slot;
	size_t i;

	if (!n->text || !memchr(n->text, '\0', n->len))
		return n->text;
	sb_init(&sb);
	for (i = 0; i < n->len && i < WALK_SHOWN_MAX; i++) {
		if (n->text[i])
			sb_addc(&sb, n->text[i]);
		else
			sb_adds(&sb, "\\x00");
	}
	slot = &w->shown[w->next_shown++ % (sizeof w->shown / sizeof *w->shown)];
	free(*slot);
	*slot = sb_detach(&sb);
	return *slot;
}

const char *walk_shown(struct schema_walk *w, const struct node *n, const struct shape *s)
{
	/* A secret stays hidden wherever it is used, through an alias too. */
	return s->secret || source_is_masked(w->src, n->start) ? "********" : shown_with_nul(w, n);
}

void walk_release(struct schema_walk *w)
{
	size_t i;

	for (i = 0; i < sizeof w->shown / sizeof *w->shown; i++)
		free(w->shown[i]);
	free(w->path);
}

bool walk_fix_replace(struct schema_walk *w, struct diag *d, const struct node *at,
		      const char *text, bool safe, const char *description)
{
	struct fix *fix;
	bool ok;

	if (w->alias || !at || at->kind == NODE_ALIAS || !text)
		return false;
	fix = fix_new(safe, description);
	ok = fixedit_replace_string(fix, w->src, at, text);
	fixedit_attach(d, fix, ok);
	return ok;
}

bool walk_fix_remove_members(struct schema_walk *w, struct diag *d, const struct node *map,
			     const size_t *which, size_t count, bool safe,
			     const char *description)
{
	struct fix *fix;
	bool ok;

	if (w->alias || !map || map->kind != NODE_MAPPING)
		return false;
	fix = fix_new(safe, description);
	ok = fixedit_remove_members(fix, w->src, map, which, count);
	fixedit_attach(d, fix, ok);
	return ok;
}

/* --- The check context: the narrow view checks.h gives the semantic checks. ---- */

struct diag *check_report(struct check_ctx *c, const struct node *at, enum rule_msg msg,
			  const struct diag_pair *args, size_t nargs)
{
	return walk_report(c->walk, at, msg, args, nargs);
}

struct diag *check_report_part(struct check_ctx *c, const struct node *at, const struct node *n,
			       size_t from, size_t to, enum rule_msg msg,
			       const struct diag_pair *args, size_t nargs)
{
	struct diag *d = walk_report(c->walk, at, msg, args, nargs);
	size_t start, end;

	/* Through an alias the finding stays on the alias, which is where it was used. */
	if (!c->walk->alias && at == n &&
	    textspan_find(&c->span, c->walk->src, n, from, to, &start, &end)) {
		d->start = start;
		d->end = end;
	}
	return d;
}

void check_enter(struct check_ctx *c, const char *member)
{
	walk_push_member(c->walk, member);
}

void check_enter_index(struct check_ctx *c, size_t index)
{
	walk_push_index(c->walk, index);
}

void check_leave(struct check_ctx *c)
{
	walk_pop(c->walk);
}

bool check_count_if_full(struct check_ctx *c)
{
	if (!diag_list_full(c->walk->out))
		return false;
	diag_drop(c->walk->out);
	return true;
}

const char *check_shown(const struct check_ctx *c, const struct node *n, const struct shape *s)
{
	return walk_shown(c->walk, n, s);
}

const char *check_details_for_type(const struct check_ctx *c, const char *type)
{
	return shape_details_for_type(c->walk->rs, type);
}

const char *check_type_for_details(const struct check_ctx *c, const char *member)
{
	return shape_type_for_details(c->walk->rs, member);
}

size_t check_skeleton_members(const struct check_ctx *c)
{
	return c->walk->skeleton;
}

bool check_fix_replace(struct check_ctx *c, struct diag *d, const struct node *n,
		       const char *text, bool safe, const char *description)
{
	return walk_fix_replace(c->walk, d, n, text, safe, description);
}

bool check_fix_replace_part(struct check_ctx *c, struct diag *d, const struct node *n,
			    size_t from, size_t to, const char *text, bool safe,
			    const char *description)
{
	struct fix *fix;
	size_t start, end;

	if (c->walk->alias || !n || n->kind == NODE_ALIAS || strpbrk(text, "\\\"' \t\r\n") ||
	    !textspan_find(&c->span, c->walk->src, n, from, to, &start, &end))
		return false;
	fix = fix_new(safe, description);
	fix_add_edit(fix, start, end, text);
	diag_set_fix(d, fix);
	return true;
}

bool check_fix_remove_members(struct check_ctx *c, struct diag *d, const struct node *map,
			      const size_t *which, size_t count, bool safe,
			      const char *description)
{
	return walk_fix_remove_members(c->walk, d, map, which, count, safe, description);
}
