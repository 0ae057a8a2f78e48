/* Findings: what a check reports (a rule's message variant, its arguments and a
 * source range) collected in a list per file; messages are rendered later from the
 * rule catalog (findings.h) so checks never hold message text. */
#ifndef CJL_DIAG_H
#define CJL_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "fix.h"
#include "rule_ids.h"
#include "severity.h"
#include "source.h"

/* An argument as a check passes it: the value is copied. */
struct diag_pair {
	const char *name;
	const char *value;
};

/* The arguments of one finding, counted at compile time:
 * DIAG_ARGS({ "value", v }, { "max", m }); DIAG_NO_ARGS when there are none. */
#define DIAG_ARGS(...) ((const struct diag_pair[]){ __VA_ARGS__ }), \
	(sizeof((const struct diag_pair[]){ __VA_ARGS__ }) / sizeof(struct diag_pair))
#define DIAG_NO_ARGS NULL, 0

struct diag_arg {
	const char *name;
	char *value; /* owned by the diag */
};

#define DIAG_MAX_ARGS 6

struct diag {
	enum rule_msg msg;        /* the message variant reported */
	enum rule_id rule;        /* the rule it belongs to (rule_msgs[msg].rule) */
	struct diag_arg args[DIAG_MAX_ARGS];
	size_t nargs;
	size_t start, end;        /* byte range, end exclusive */
	char *pointer;            /* RFC 6901 pointer of the node; owned */
	char *suggestion;         /* replacement text, or NULL; owned */
	struct fix *fix;          /* the repair, or NULL; owned (fix.h) */
	size_t related;           /* byte offset of a related place (+1), 0 for none */
	bool via_alias;           /* found inside a YAML alias's value; related is the anchor */
	bool empty_value;         /* about an empty string (hidden in skeleton leftovers) */
	/* Filled by findings_finish: */
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

/* Appends a finding with `nargs` name/value pairs (DIAG_ARGS). The returned diag
 * stays valid until the next add, so callers can set a suggestion at once. */
struct diag *diag_add(struct diag_list *list, enum rule_msg msg, size_t start, size_t end,
		      const char *pointer, const struct diag_pair *args, size_t nargs);
/* True when the list keeps no more findings; diag_drop then counts one and hands
 * back a scratch diag, without the cost of building it. */
bool diag_list_full(const struct diag_list *list);
struct diag *diag_drop(struct diag_list *list);
/* Frees what one diag owns (for callers that drop findings from a list). */
void diag_release(struct diag *d);
void diag_set_suggestion(struct diag *d, const char *suggestion);
/* Gives the finding its fix (replacing any earlier one); the diag owns it. */
void diag_set_fix(struct diag *d, struct fix *fix);
const char *diag_arg(const struct diag *d, const char *name);
/* Appends one argument (ignored past DIAG_MAX_ARGS); the value is copied, with
 * control characters escaped and a very long value cut. */
void diag_add_arg(struct diag *d, const char *name, const char *value);
/* Appends an argument the program built itself, taking `value` as is (freed when
 * there is no room). */
void diag_adopt_arg(struct diag *d, const char *name, char *value);
/* "CJ201", the rule's id as printed. */
const char *diag_rule_id(const struct diag *d);
/* "missing", the message variant's name in the catalog. */
const char *diag_variant(const struct diag *d);

#endif
