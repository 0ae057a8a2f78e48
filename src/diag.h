/* Findings: what a check reports (a rule, a message variant, its arguments and a
 * source range) collected in a list per file; messages are rendered later from the
 * rule catalog so checks never hold message text. */
#ifndef CJL_DIAG_H
#define CJL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "source.h"

enum severity { SEV_OFF = 0, SEV_INFO, SEV_WARNING, SEV_ERROR };

struct diag_arg {
	const char *name;
	char *value; /* owned by the diag */
};

#define DIAG_MAX_ARGS 6

struct diag {
	char rule[8];             /* "CJ201" */
	const char *variant;      /* message variant in the catalog; static string */
	struct diag_arg args[DIAG_MAX_ARGS];
	size_t nargs;
	size_t start, end;        /* byte range, end exclusive */
	char *pointer;            /* RFC 6901 pointer of the node; owned */
	char *suggestion;         /* replacement text, or NULL; owned */
	size_t related;           /* byte offset of a related place (+1), 0 for none */
	bool via_alias;           /* found inside a YAML alias's value; related is the anchor */
	bool empty_value;         /* about an empty string (hidden in skeleton leftovers) */
	/* Filled by diag_list_finish: */
	enum severity severity;
	char *message;            /* owned */
	struct position from, to;
	unsigned related_line;
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t limit;             /* most findings kept (0: no limit) */
	size_t dropped;           /* findings past the limit, counted only */
	struct diag spare;        /* where a dropped finding is written, then discarded */
};

void diag_list_init(struct diag_list *list);
void diag_list_free(struct diag_list *list);

/* Appends a finding; args are name/value string pairs ended by NULL. The returned
 * diag stays valid until the next add, so callers can set a suggestion at once. */
struct diag *diag_add(struct diag_list *list, const char *rule, const char *variant,
		      size_t start, size_t end, const char *pointer, ...);
struct diag *diag_vadd(struct diag_list *list, const char *rule, const char *variant,
		       size_t start, size_t end, const char *pointer, va_list ap);
/* True when the list keeps no more findings; diag_drop then counts one and hands
 * back a scratch diag, without the cost of building it. */
bool diag_list_full(const struct diag_list *list);
struct diag *diag_drop(struct diag_list *list);
/* Frees what one diag owns (for callers that drop findings from a list). */
void diag_release(struct diag *d);
void diag_set_suggestion(struct diag *d, const char *suggestion);
const char *diag_arg(const struct diag *d, const char *name);

struct catalog;
/* Renders messages and severities, computes positions, sorts by position and drops
 * findings whose rule is off. */
void diag_list_finish(struct diag_list *list, const struct catalog *cat, struct source *src,
		      const enum severity *overrides);

const char *severity_name(enum severity sev);
int severity_parse(const char *s, enum severity *out);

#endif
