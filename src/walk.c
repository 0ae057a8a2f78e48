/* Where the schema walk is in the document, and reporting a finding there. */
#include "walk.h"

#include <stdlib.h>

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

struct diag *walk_report(struct walk *w, const struct node *at, enum rule_msg msg,
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

const char *walk_shown(const struct walk *w, const struct node *n, const struct shape *s)
{
	/* A secret stays hidden wherever it is used, through an alias too. */
	return s->secret || source_is_masked(w->src, n->start) ? "********" : n->text;
}
