/* Findings rendered from the rule catalog, placed and sorted for the formatters. */
#include "findings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Replaces each {name} in the template with the argument of that name. */
static char *render(const char *template, const struct diag *d)
{
	struct strbuf sb;
	const char *p = template;

	sb_init(&sb);
	while (*p) {
		const char *close;

		if (*p == '{' && (close = strchr(p + 1, '}')) != NULL && close - p < 32) {
			char name[32];
			const char *value;

			memcpy(name, p + 1, (size_t)(close - p - 1));
			name[close - p - 1] = '\0';
			value = diag_arg(d, name);
			if (value) {
				sb_adds(&sb, value);
				p = close + 1;
				continue;
			}
		}
		sb_addc(&sb, *p++);
	}
	return sb_detach(&sb);
}

static int compare_diags(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	c = strcmp(diag_rule_id(x), diag_rule_id(y));
	return c ? c : strcmp(x->message, y->message);
}

static void add_limit_finding(struct diag_list *list)
{
	char limit[24];

	snprintf(limit, sizeof limit, "%zu", list->limit);
	list->limit = 0; /* room for this last one */
	diag_add(list, CJ007_FINDINGS, 0, 0, "", DIAG_ARGS({ "limit", limit }));
}

static enum severity severity_of(const struct rule *rule, const enum severity *overrides)
{
	if (overrides && overrides[rule->index] != SEV_UNSET)
		return overrides[rule->index];
	return rule->severity;
}

/* Said of every rule alike, so it is composed here, not in each text. */
static void add_alias_note(struct diag *d, struct source *src)
{
	char *with = xasprintf("%s (in the value of the alias; its anchor is on line %u)",
			       d->message, source_position(src, d->related - 1).line);

	free(d->message);
	d->message = with;
}

void findings_finish(struct diag_list *list, const struct catalog *cat, struct source *src,
		     const enum severity *overrides)
{
	size_t i, kept = 0;

	if (list->dropped)
		add_limit_finding(list);
	for (i = 0; i < list->n; i++) {
		struct diag *d = &list->items[i];

		d->severity = severity_of(catalog_rule(cat, d->rule), overrides);
		if (d->severity == SEV_OFF) {
			diag_release(d);
			continue;
		}
		d->message = render(catalog_text(cat, d->msg), d);
		if (d->via_alias && d->related)
			add_alias_note(d, src);
		d->from = source_position(src, d->start);
		d->to = source_position(src, d->end);
		d->related_line = d->related ? source_position(src, d->related - 1).line : 0;
		list->items[kept++] = *d;
	}
	list->n = kept;
	if (list->n > 1)
		qsort(list->items, list->n, sizeof *list->items, compare_diags);
}
