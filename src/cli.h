/* Command-line options: parsing them into settings, and the help text. */
#ifndef CJL_CLI_H
#define CJL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "awscli.h"
#include "severity.h"
#include "load.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

#define CLI_MAX_OUTPUTS 8

/* One report to write: a formatter name and a file (NULL for standard output). */
struct cli_output {
	char *format;                /* owned */
	const char *path;
};

struct cli {
	struct cli_output outputs[CLI_MAX_OUTPUTS];
	size_t noutputs;
	const char *output_file;     /* -o: where the single report goes */
	enum color_mode color;
	int fail_on;                 /* an enum severity, -1 when not given */
	struct awscli_version aws_cli; /* --aws-cli; .set false when not given */
	const char *config;          /* --config FILE */
	const char *print_config;    /* --print-config FILE */
	char **rule_levels;          /* "CJ205=off" from --disable/--enable/--severity; owned */
	size_t nrule_levels;
	const char **excludes;       /* --exclude GLOB, pointing into argv; the array is owned */
	size_t nexcludes;
	bool statistics;             /* --statistics: a count per rule after the report */
	bool quiet;                  /* --quiet: findings only */
	const char *rules_dir;
	const char *explain;
	bool list_rules;
	bool man_rules;              /* print the RULES section of the man page */
	bool help, version;
	int stdin_format;            /* -1 guess, else enum source_format */
	struct load_limits limits;
	size_t max_size;
	size_t max_findings;
	size_t max_visits;
	unsigned jobs;               /* 0: one per processor */
	bool only_requests;          /* skip named files that are not job requests too */
	bool all_files;              /* lint every file found in directories */
	bool show_skipped;           /* list skipped files in the text report too */
	const char *stdin_filename;  /* path shown for standard input */
	char **inputs;               /* points into argv */
	size_t ninputs;
};

/* Parses argv; returns 0, or -1 with *error set (caller frees) for a usage error. */
int cli_parse(int argc, char **argv, struct cli *cli, char **error);
void cli_free(struct cli *cli);
void cli_print_help(FILE *out);

#endif
