/* The settings that apply to one file: the rule catalog's defaults, then the
 * configuration file found for it (or given with --config) with its overrides,
 * then the command line. Shared by the threads of a run. */
#ifndef CJL_SETTINGS_H
#define CJL_SETTINGS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "awscli.h"
#include "catalog.h"
#include "configfile.h"

struct settings_source {
	const struct catalog *catalog;
	struct config *forced;          /* --config FILE; owned */
	enum severity *cli_severity;    /* per rule from the command line; owned */
	enum severity cli_fail_on;      /* SEV_UNSET when not given */
	struct awscli_version cli_aws_cli; /* --aws-cli; .set false when not given */
	const char *const *cli_exclude; /* --exclude globs; not owned */
	size_t ncli_exclude;
	bool discover;                  /* look for .createjob-lint.yaml (off with --config) */
	pthread_mutex_t lock;
	struct config_cache_entry *cache; /* folder -> config found for it */
	size_t ncache, cache_cap;
};

struct file_settings {
	enum severity *severity;        /* per rule; owned */
	enum severity fail_on;
	struct awscli_version aws_cli;  /* the CLI the file is for; .set false: none named */
	const struct config *config;    /* NULL when none applies */
	const char *config_shown;       /* its path as shown to the user; owned by src */
	char *relative;                 /* path relative to the config's folder; owned */
	bool excluded;
	char *error;                    /* a config file that could not be used; owned */
	char *warning;                  /* a config ignored as unsafe; owned */
};

/* The rule that names members the target AWS CLI (--aws-cli) does not know. */
#define SETTINGS_TARGET_CLI_RULE "CJ222"

void settings_init(struct settings_source *src, const struct catalog *cat);
void settings_cleanup(struct settings_source *src);
/* Drops the configurations found so far, so that the next files read them afresh
 * (a long-running server after a config file changed). */
void settings_forget_configs(struct settings_source *src);
/* Command-line settings: "CJ205=off" style; returns -1 with *error for a bad one. */
int settings_cli_rule(struct settings_source *src, const char *id, const char *level, char **error);

/* The settings for path: a function of the path alone (its folder as written,
 * resolved as a folder), whatever else the run has met. */
void settings_resolve(struct settings_source *src, const char *path, struct file_settings *out);
void file_settings_free(struct file_settings *fs);

/* --print-config: the settings for `path` and where each comes from. */
int settings_print(FILE *out, struct settings_source *src, const char *path);

#endif
