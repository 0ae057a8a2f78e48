/* Lints one input: read the bytes, load the tree, run the engine, finish findings. */
#ifndef CJL_LINT_H
#define CJL_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "diag.h"
#include "load.h"
#include "shape.h"
#include "settings.h"
#include "source.h"

#define LINT_DEFAULT_MAX_SIZE ((size_t)64 * 1024 * 1024)
#define LINT_DEFAULT_MAX_FINDINGS 1000

struct lint_config {
	const struct request_shape *shape;
	const struct catalog *catalog;
	struct load_limits limits;
	size_t max_visits;            /* node visits per document, through aliases */
	size_t max_size;              /* bytes per file */
	size_t max_findings;          /* findings kept per file */
	struct settings_source *settings; /* configuration and command-line levels, or NULL */
	int stdin_format;             /* -1 to guess, else an enum source_format */
	const char *stdin_name;       /* --stdin-filename: the path shown for "-", or NULL */
};

struct lint_result {
	char *path;                   /* owned */
	char *read_error;             /* why the input could not be read, or NULL; owned */
	struct source *src;           /* NULL when it could not be read */
	struct diag_list diags;
	bool skipped;                 /* not a job request, or excluded by the configuration */
	enum severity fail_on;        /* the level at which this file fails the run */
};

/* Default limits for the given rules; the caller may change any field after. */
void lint_config_init(struct lint_config *cfg, const struct request_shape *shape,
		      const struct catalog *catalog);
/* Lints one file ("-" is standard input). With only_requests, a file whose top level
 * has neither Type nor Details is skipped: res->skipped is set and nothing reported. */
void lint_path(const struct lint_config *cfg, const char *path, bool only_requests,
	       struct lint_result *res);
/* Lints text already in memory (takes ownership of bytes, len bytes plus a NUL). */
void lint_bytes(const struct lint_config *cfg, const char *path, char *bytes, size_t len,
		enum source_format format, struct lint_result *res);
void lint_result_free(struct lint_result *res);

#endif
