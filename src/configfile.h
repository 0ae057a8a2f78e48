/* Configuration files (.createjob-lint.yaml): rule severities, excluded paths,
 * the failure level, per-path overrides and suppressions for files without
 * comments (JSON). Found by walking up from each linted file to the repository
 * root, or named with --config. */
#ifndef CJL_CONFIGFILE_H
#define CJL_CONFIGFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "awscli.h"
#include "catalog.h"
#include "severity.h"

#define CONFIG_FILE_NAME ".createjob-lint.yaml"

struct config_override {
	char **files;            /* globs, relative to the config's folder */
	size_t nfiles;
	enum severity *severity; /* per catalog rule, SEV_UNSET to leave it */
	size_t line;             /* where it is written, for --print-config */
};

struct config_suppression {
	char **files;
	size_t nfiles;
	char **rules;
	size_t nrules;
	char *pointer;           /* suppress at this JSON pointer and below; NULL: anywhere */
	char *reason;
};

struct config {
	char *path;              /* the file */
	char *base;              /* its folder, absolute: globs are relative to it */
	enum severity *severity; /* per catalog rule, SEV_UNSET to leave it */
	char **exclude;
	size_t nexclude;
	enum severity fail_on;   /* SEV_UNSET when not set */
	struct awscli_version aws_cli; /* the CLI the files are for; .set false when not set */
	struct config_override *overrides;
	size_t noverrides;
	struct config_suppression *suppressions;
	size_t nsuppressions;
	size_t ncatalog;
};

/* Loads a config file; returns NULL with *error ("path:line:col: why") on failure. */
struct config *config_load(const char *path, const struct catalog *cat, char **error);
void config_free(struct config *c);

/* The path of a file relative to the config's folder, for globs; `logical` comes
 * from config_logical_path. Caller frees. */
char *config_relative(const struct config *c, const char *logical);
bool config_excludes(const struct config *c, const char *relative);
/* Applies the config's severities, then those of every override matching. */
void config_apply(const struct config *c, const char *relative, enum severity *severity);

/* The folder part of a path as written ("." for a bare name or "-"); caller frees. */
char *config_folder_of(const char *path);
/* The absolute path of a file with its folder resolved but not the file itself: a
 * symbolic link is judged by where it is written, not by where it leads. */
char *config_logical_path(const char *file);

/* Walks up from `folder` (resolved as a folder) and returns the nearest config
 * file's path (caller frees), or NULL. The walk stops after the folder holding
 * .git, after $HOME (a stop only, never a reason to trust) and at /. A config
 * owned by another user than root, or writable by others, is not used: NULL, with
 * *ignored set to its path and *why to the reason (caller frees both). */
char *config_discover(const char *folder, char **ignored, char **why);

/* An absolute form of path, resolved when it exists; caller frees. */
char *absolute_path(const char *path);

#endif
