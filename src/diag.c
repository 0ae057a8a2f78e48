/* Findings collected per file; findings.c renders them from the rule catalog. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

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
	fix_free(d->fix);
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

/* How a message quotes a value from the input: a control character is shown as
 * \xNN, as Python's repr() shows it, so that a value holding a newline or a tab
 * reads as one quoted token in every format (JSON and SARIF consumers included),
 * and a very long value is cut after DIAG_ARG_MAX bytes. This is presentation, not
 * protection: what reaches a terminal, a CI log or a report is made safe by the one
 * output boundary (escape.h), which also handles what is left here (C1 and
 * bidirectional controls, bytes that are not UTF-8). */
#define DIAG_ARG_MAX 512

static char *quoted_value(const char *value)
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

void diag_adopt_arg(struct diag *d, const char *name, char *value)
{
	if (d->nargs == DIAG_MAX_ARGS) {
		free(value);
		return;
	}
	d->args[d->nargs].name = name;
	d->args[d->nargs].value = value;
	d->nargs++;
}

void diag_add_arg(struct diag *d, const char *name, const char *value)
{
	if (d->nargs < DIAG_MAX_ARGS)
		diag_adopt_arg(d, name, quoted_value(value ? value : ""));
}

struct diag *diag_add(struct diag_list *list, enum rule_msg msg, size_t start, size_t end,
		      const char *pointer, const struct diag_pair *args, size_t nargs)
{
	struct diag *d;
	size_t i;

	if (diag_list_full(list)) {
		/* Past the limit a finding is only counted: hostile input must not cost
		 * unbounded memory. The caller may still set fields on the scratch diag. */
		d = diag_drop(list);
	} else {
		list->items = grow_array(list->items, &list->cap, list->n + 1, sizeof *list->items);
		d = &list->items[list->n++];
	}
	memset(d, 0, sizeof *d);
	d->msg = msg;
	d->rule = rule_msgs[msg].rule;
	d->start = start;
	d->end = end < start ? start : end;
	d->pointer = xstrdup(pointer ? pointer : "");
	for (i = 0; i < nargs; i++)
		diag_add_arg(d, args[i].name, args[i].value);
	return d;
}

void diag_set_fix(struct diag *d, struct fix *fix)
{
	fix_free(d->fix);
	d->fix = fix;
}

const char *diag_rule_id(const struct diag *d)
{
	return rule_id_names[d->rule];
}

const char *diag_variant(const struct diag *d)
{
	return rule_msgs[d->msg].variant;
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

