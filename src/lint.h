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
	enum source_format stdin_format; /* SOURCE_GUESS: from the bytes */
	const char *stdin_name;       /* --stdin-filename: the path shown for "-", or NULL */
};

/* Why an input was not linted: each is listed in the reports that list skips. */
enum skip_reason {
	SKIP_NONE,                    /* linted */
	SKIP_NOT_REQUEST,             /* no request member at the top or one level down */
	SKIP_EXCLUDED,                /* a configuration's exclude matched it */
	SKIP_OUTSIDE_LINK,            /* a walk met a symbolic link leading out of its folder */
	SKIP_WALKED_BEFORE,           /* a walk met a folder it had walked already */
	SKIP_NOT_REGULAR,             /* a walk met a FIFO, device or socket */
	SKIP_BROKEN_CONFIG,           /* the configuration that applies cannot be used */
	SKIP_REASONS
};

struct lint_result {
	char *path;                   /* owned */
	char *read_error;             /* why the input could not be read, or NULL; owned */
	struct source *src;           /* NULL when it could not be read */
	struct diag_list diags;
	enum skip_reason skipped;     /* SKIP_NONE when linted */
	const char *excluded_by;      /* SKIP_EXCLUDED: the config, as shown; owned by the settings */
	char *warning;                /* an ignored config, to tell the user once a run; owned */
	char *config_error;           /* SKIP_BROKEN_CONFIG: why, with the config's position; owned */
	enum severity fail_on;        /* the level at which this file fails the run */
};

/* Default limits for the given rules; the caller may change any field after. */
void lint_config_init(struct lint_config *cfg, const struct request_shape *shape,
		      const struct catalog *catalog);
/* Lints one file ("-" is standard input). With only_requests, a file that names no
 * request member (in any letter case, or nearly) at its top level or one level down
 * is skipped: res->skipped is set and nothing reported. */
void lint_path(const struct lint_config *cfg, const char *path, bool only_requests,
	       struct lint_result *res);
/* Lints text already in memory (takes ownership of bytes, len bytes plus a NUL). */
void lint_bytes(const struct lint_config *cfg, const char *path, char *bytes, size_t len,
		enum source_format format, struct lint_result *res);
/* A result for an input that was not read: a walk error (when error is not NULL)
 * or a skip. */
void lint_unread(const char *path, const char *error, enum skip_reason skip,
		 struct lint_result *res);
/* "not a job request", "excluded by CONFIG": why res was skipped; caller frees. */
char *lint_skip_text(const struct lint_result *res);
/* The reason in words, of one file or (many) of several: "not job requests". */
const char *lint_skip_reason(enum skip_reason reason, bool many);
void lint_result_free(struct lint_result *res);

#endif
