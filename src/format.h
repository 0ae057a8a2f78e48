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

/* True when name[0..n) names a format. */
bool format_exists(const char *name, size_t n);
/* Writes the report in format `name` to standard output (path NULL) or to `path`,
 * atomically: a temporary file in the same folder, renamed into place when
 * complete, removed on failure. Returns 0, or -1 with *error set (caller frees). */
int format_write(const char *name, const char *path, const struct report *r, char **error);

/* Each returns 0, or -1 when writing failed. */
int format_text(FILE *out, const struct report *r);
int format_json(FILE *out, const struct report *r);
int format_sarif(FILE *out, const struct report *r);

#endif
