/* Formatters: each prints the finished findings of a whole run in one format.
 * They never check anything; they only read results. */
#ifndef CJL_FORMAT_H
#define CJL_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "lint.h"

struct report {
	const struct lint_result *results;
	size_t n;
	const struct catalog *catalog;
	const char *version;
	bool color;
};

struct report_counts {
	size_t files, errors, warnings, infos, unreadable;
};

struct report_counts report_count(const struct report *r);

/* Each returns 0, or -1 when writing failed. */
int format_text(FILE *out, const struct report *r);
int format_json(FILE *out, const struct report *r);

#endif
