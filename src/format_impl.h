/* What the formatters share with format.c: their state and their three steps. */
#ifndef CJL_FORMAT_IMPL_H
#define CJL_FORMAT_IMPL_H

#include "format.h"

/* The state each format keeps from begin to end, its own (in its format_*.c). */
struct json_report;
struct sarif_report;
struct junit_report;

struct formatter {
	const struct format_ops *ops;
	const struct report_meta *meta;
	FILE *out;
	struct outfile *file;        /* NULL for a stream the caller owns */
	size_t files;                /* files written so far */
	size_t results;              /* findings written so far */
	union {                      /* the format's own state, freed by ops->release */
		struct json_report *json;
		struct sarif_report *sarif;
		struct junit_report *junit;
	} own;
	char *cwd;                   /* working directory, for relative paths */
};

struct format_ops {
	const char *name;
	void (*begin)(struct formatter *f);
	void (*file)(struct formatter *f, const struct lint_result *res);
	void (*end)(struct formatter *f, const struct report_counts *counts);
	void (*skipped)(struct formatter *f, const struct lint_result *res); /* or NULL */
	void (*release)(struct formatter *f); /* frees f->own, also when a report is dropped; or NULL */
};

extern const struct format_ops format_text_ops;
extern const struct format_ops format_json_ops;
extern const struct format_ops format_sarif_ops;
extern const struct format_ops format_github_ops;
extern const struct format_ops format_junit_ops;

#endif
