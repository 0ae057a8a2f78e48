/* Findings collected per file and rendered from the rule catalog. */
#include "diag.h"

#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "util.h"

void diag_list_init(struct diag_list *list)
{
	memset(list, 0, sizeof *list);
}

void diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->nargs; i++)
		free(d->args[i].value);
	free(d->pointer);
	free(d->suggestion);
	free(d->message);
}

void diag_list_free(struct diag_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		diag_release(&list->items[i]);
	diag_release(&list->spare);
	free(list->items);
	diag_list_init(list);
}

struct diag *diag_add(struct diag_list *list, const char *rule, const char *variant,
		      size_t start, size_t end, const char *pointer, ...)
{
	struct diag *d;
	va_list ap;

	va_start(ap, pointer);
	d = diag_vadd(list, rule, variant, start, end, pointer, ap);
	va_end(ap);
	return d;
}

bool diag_list_full(const struct diag_list *list)
{
	return list->limit && list->n >= list->limit;
}

struct diag *diag_drop(struct diag_list *list)
{
	diag_release(&list->spare);
	memset(&list->spare, 0, sizeof list->spare);
	list->dropped++;
	return &list->spare;
}

/* Arguments quote the input, which may hold anything: control characters are
 * written as \xNN, so that no file can send escape sequences to a terminal or break
 * a line-based format, and a very long value is cut after DIAG_ARG_MAX bytes. */
#define DIAG_ARG_MAX 512

static char *printable(const char *value)
{
	struct strbuf sb;
	const char *p;

	sb_init(&sb);
	for (p = value; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (sb.len >= DIAG_ARG_MAX && (c & 0xC0) != 0x80) {
			sb_adds(&sb, "...");
			break;
		}
		if (c < 0x20 || c == 0x7F)
			sb_addf(&sb, "\\x%02X", c);
		else
			sb_addc(&sb, (char)c);
	}
	return sb_detach(&sb);
}

struct diag *diag_vadd(struct diag_list *list, const char *rule, const char *variant,
		       size_t start, size_t end, const char *pointer, va_list ap)
{
	struct diag *d;
	const char *name;

	if (diag_list_full(list)) {
		/* Past the limit a finding is only counted: hostile input must not cost
		 * unbounded memory. The caller may still set fields on the scratch diag. */
		d = diag_drop(list);
	} else {
		list->items = grow_array(list->items, &list->cap, list->n + 1, sizeof *list->items);
		d = &list->items[list->n++];
	}
	memset(d, 0, sizeof *d);
	snprintf(d->rule, sizeof d->rule, "%s", rule);
	d->variant = variant;
	d->start = start;
	d->end = end < start ? start : end;
	d->pointer = xstrdup(pointer ? pointer : "");
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *value = va_arg(ap, const char *);

		if (d->nargs == DIAG_MAX_ARGS)
			continue;
		d->args[d->nargs].name = name;
		d->args[d->nargs].value = printable(value ? value : "");
		d->nargs++;
	}
	return d;
}

void diag_set_suggestion(struct diag *d, const char *suggestion)
{
	free(d->suggestion);
	d->suggestion = suggestion ? xstrdup(suggestion) : NULL;
}

const char *diag_arg(const struct diag *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nargs; i++)
		if (strcmp(d->args[i].name, name) == 0)
			return d->args[i].value;
	return NULL;
}

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

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (strcmp(x->rule, y->rule) != 0)
		return strcmp(x->rule, y->rule);
	return strcmp(x->message, y->message);
}

void diag_list_finish(struct diag_list *list, const struct catalog *cat, struct source *src,
		      const enum severity *overrides)
{
	size_t i, kept = 0;

	if (list->dropped) {
		char limit[24];

		snprintf(limit, sizeof limit, "%zu", list->limit);
		list->limit = 0; /* room for this last one */
		diag_add(list, "CJ007", "findings", 0, 0, "", "limit", limit, NULL);
	}
	for (i = 0; i < list->n; i++) {
		struct diag *d = &list->items[i];
		const struct rule *rule = catalog_find(cat, d->rule);
		const char *template = rule ? rule_message(rule, d->variant) : NULL;

		d->severity = rule ? rule->severity : SEV_ERROR;
		if (rule && overrides && overrides[rule->index] != (enum severity)-1)
			d->severity = overrides[rule->index];
		if (d->severity == SEV_OFF) {
			diag_release(d);
			continue;
		}
		d->message = render(template ? template : d->variant, d);
		if (d->via_alias && d->related) {
			/* Said of every rule alike, so it is composed here, not in each text. */
			char *with = xasprintf("%s (in the value of the alias; its anchor is on line %u)",
					       d->message, source_position(src, d->related - 1).line);

			free(d->message);
			d->message = with;
		}
		d->from = source_position(src, d->start);
		d->to = source_position(src, d->end);
		d->related_line = d->related ? source_position(src, d->related - 1).line : 0;
		list->items[kept++] = *d;
	}
	list->n = kept;
	if (list->n > 1)
		qsort(list->items, list->n, sizeof *list->items, compare_diags);
}

const char *severity_name(enum severity sev)
{
	static const char *const names[] = { "off", "info", "warning", "error" };

	return names[sev];
}

int severity_parse(const char *s, enum severity *out)
{
	static const char *const names[] = { "off", "info", "warning", "error" };
	int i;

	for (i = 0; i < 4; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum severity)i;
			return 0;
		}
	}
	return -1;
}
