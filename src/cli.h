/* Command-line options: parsing them into settings, and the help text. */
#ifndef CJL_CLI_H
#define CJL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "awscli.h"
#include "lint.h"
#include "run.h"
#include "severity.h"

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
	enum severity fail_on;       /* SEV_UNSET when not given */
	struct awscli_version aws_cli; /* --aws-cli; .set false when not given */
	const char *config;          /* --config FILE */
	const char *print_config;    /* --print-config FILE */
	const char *print_request;   /* --print-request FILE */
	bool show_secrets;           /* --show-secrets: --print-request shows ApiKey */
	char **rule_levels;          /* "CJ205=off" from --disable/--enable/--severity; owned */
	size_t nrule_levels;
	const char **excludes;       /* --exclude GLOB, pointing into argv; the array is owned */
	size_t nexcludes;
	bool lsp;                    /* --lsp: serve the Language Server Protocol */
	bool statistics;             /* --statistics: a count per rule after the report */
	bool quiet;                  /* --quiet: findings only */
	const char *rules_dir;
	const char *explain;
	bool list_rules;
	bool man_rules;              /* print the RULES section of the man page */
	bool help, version;
	bool show_skipped;           /* list skipped files in the text report too */
	bool fix;                    /* --fix: apply fixes, in place (stdin: to stdout) */
	bool unsafe_fixes;           /* --unsafe-fixes: unsafe fixes too */
	bool diff;                   /* --diff: show what --fix would change, write nothing */
	struct lint_config lint;     /* limits and standard input; shape, catalog and settings
	                              * are set once they are loaded */
	struct run_options run;      /* -j, --only-requests, --all-files */
	char **inputs;               /* points into argv */
	size_t ninputs;
};

/* Parses argv; returns 0, or -1 with *error set (caller frees) for a usage error. */
int cli_parse(int argc, char **argv, struct cli *cli, char **error);
void cli_free(struct cli *cli);
void cli_print_help(FILE *out);

#endif
