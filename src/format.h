/* Formatters: each writes one report of a run in one format. They never check
 * anything; they only read finished results, which arrive one file at a time, in
 * input order, so a run over many files never holds them all in memory. */
#ifndef CJL_FORMAT_H
#define CJL_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "lint.h"

/* What every formatter may know about the run. */
struct report_meta {
	const struct catalog *catalog;
	const char *version;
	bool color;              /* text on a terminal only */
	bool show_skipped;       /* text: list each skipped file (--show-skipped) */
	bool quiet;              /* text: findings only, no summary (--quiet) */
};

/* The configs that excluded files, for the summary; past the first few, counted
 * together. */
#define REPORT_MAX_CONFIGS 4
struct report_exclusion {
	const char *config;      /* as shown; owned by the settings, which outlive the report */
	size_t files;
};

struct report_counts {
	size_t files;            /* linted, not counting skipped ones */
	size_t skipped;          /* not linted, for any reason */
	size_t skipped_by[SKIP_REASONS]; /* by reason */
	struct report_exclusion excluded[REPORT_MAX_CONFIGS];
	size_t nexcluded;
	size_t excluded_elsewhere; /* by configs past the first REPORT_MAX_CONFIGS */
	size_t errors, warnings, infos, unreadable;
	size_t fixable_safe;     /* findings --fix would repair */
	size_t fixable_unsafe;   /* findings only --fix --unsafe-fixes would repair */
	size_t fixed;            /* fixes applied in this run */
};

void report_counts_add(struct report_counts *c, const struct lint_result *res);

struct formatter;

/* True when name[0..n) names a format. */
bool format_exists(const char *name, size_t n);
/* The name of the i-th format, or NULL past the last. */
const char *format_name(size_t i);

/* Starts a report in format `name` on standard output (path NULL) or in `path`
 * (see outfile.h: a regular file is replaced atomically, a device or FIFO is
 * written in place). NULL with *error set (caller frees) on failure. */
struct formatter *formatter_open(const char *name, const char *path,
				 const struct report_meta *meta, char **error);
/* The same report written to a stream the caller owns (and closes after
 * formatter_close), such as a memory stream. */
struct formatter *formatter_open_stream(const char *name, FILE *out,
					const struct report_meta *meta, char **error);
/* One result; a skipped one goes to the formatters that list skips. */
void formatter_file(struct formatter *f, const struct lint_result *res);
/* Ends the report and frees f; returns 0, or -1 with *error set. */
int formatter_close(struct formatter *f, const struct report_counts *counts, char **error);
/* Drops an unfinished report: a file report's temporary file is removed. */
void formatter_abort(struct formatter *f);

#endif
