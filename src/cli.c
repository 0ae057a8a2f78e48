/* Command-line options: parsing them into settings, and the help text. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "format.h"
#include "lint.h"
#include "source.h"
#include "suggest.h"
#include "util.h"

enum {
	OPT_COLOR = 256, OPT_FAIL_ON, OPT_RULES, OPT_LIST_RULES, OPT_EXPLAIN, OPT_MAX_DEPTH,
	OPT_MAX_NODES, OPT_MAX_SIZE, OPT_INPUT_FORMAT, OPT_MAN_RULES, OPT_ONLY_REQUESTS,
	OPT_ALL_FILES, OPT_STDIN_FILENAME, OPT_CONFIG, OPT_PRINT_CONFIG, OPT_DISABLE, OPT_ENABLE,
	OPT_SEVERITY, OPT_MAX_FINDINGS, OPT_EXCLUDE, OPT_STATISTICS,
	OPT_FIX, OPT_UNSAFE_FIXES, OPT_DIFF,
	OPT_LSP,
	OPT_PRINT_REQUEST, OPT_SHOW_SECRETS,
	OPT_AWS_CLI,
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "aws-cli", required_argument, NULL, OPT_AWS_CLI },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "only-requests", no_argument, NULL, OPT_ONLY_REQUESTS },
	{ "all-files", no_argument, NULL, OPT_ALL_FILES },
	{ "show-skipped", no_argument, NULL, 'v' },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "print-config", required_argument, NULL, OPT_PRINT_CONFIG },
	{ "print-request", required_argument, NULL, OPT_PRINT_REQUEST },
	{ "show-secrets", no_argument, NULL, OPT_SHOW_SECRETS },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "severity", required_argument, NULL, OPT_SEVERITY },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "statistics", no_argument, NULL, OPT_STATISTICS },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ "quiet", no_argument, NULL, 'q' },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "unsafe-fixes", no_argument, NULL, OPT_UNSAFE_FIXES },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "max-nodes", required_argument, NULL, OPT_MAX_NODES },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-findings", required_argument, NULL, OPT_MAX_FINDINGS },
	{ "man-rules", no_argument, NULL, OPT_MAN_RULES },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

void cli_print_help(FILE *out)
{
	fputs("Usage: createjob-lint [OPTION]... FILE|DIR|-...\n"
	      "Checks AWS Data Exchange CreateJob request files (the input of\n"
	      "`aws dataexchange create-job --cli-input-json/--cli-input-yaml`).\n"
	      "\n"
	      "  -f, --format=FORMAT[=FILE]\n"
	      "                          text (default), json, sarif, github or junit, to\n"
	      "                          standard output or to FILE; may be given several times\n"
	      "  -o, --output=FILE       write the report to FILE instead of standard output\n"
	      "  -j, --jobs=N            lint N files at a time (default: one per processor);\n"
	      "                          the output does not depend on N\n"
	      "      --color=WHEN        auto (default), always or never; NO_COLOR is honoured\n"
	      "      --fail-on=LEVEL     exit 1 when a finding is at least LEVEL: error\n"
	      "                          (default), warning or info\n"
	      "      --aws-cli=VERSION   the AWS CLI v2 that will run the files (2.9.19, 2.11\n"
	      "                          or 2): members it does not know are errors\n"
	      "      --config=FILE       use FILE instead of the .createjob-lint.yaml found\n"
	      "                          above each linted file\n"
	      "      --print-config=FILE show the settings that apply to FILE and their origin\n"
	      "      --print-request=FILE  print, as JSON, the request the AWS CLI would send\n"
	      "                          for FILE (ApiKey masked) and exit: 0 when it\n"
	      "                          loads, 2 when it does not\n"
	      "      --show-secrets      with --print-request, show ApiKey as it is\n"
	      "      --disable=ID[,ID]   turn rules off\n"
	      "      --enable=ID[,ID]    turn rules on at their default level\n"
	      "      --severity=ID=LEVEL set a rule's level: off, info, warning or error\n"
	      "                          (a rule's name may stand for its ID everywhere)\n"
	      "      --exclude=GLOB      skip files whose path, or a folder on it, matches\n"
	      "                          GLOB; a GLOB without / matches any one name;\n"
	      "                          may be given several times\n",
	      out);
	/* Two pieces: one string literal of the whole text is past the length ISO C
	 * promises to support. */
	fputs("      --rules=DIR         load catalog.yaml and shape.yaml from DIR instead of\n"
	      "                          the built-in copy of rules/\n"
	      "      --list-rules        list every rule (with -f json, as JSON) and exit\n"
	      "      --explain=RULE      describe one rule, with examples and sources, and exit\n"
	      "      --man-rules         print the RULES section of the man page and exit\n"
	      "      --input-format=FMT  json or yaml for standard input (default: from\n"
	      "                          --stdin-filename, else guessed from the text)\n"
	      "      --stdin-filename=PATH  the path standard input stands for, in the report\n"
	      "                          and to choose JSON or YAML\n"
	      "      --only-requests     skip named files that are not job requests (no request\n"
	      "                          member, in any case, at the top or one level down),\n"
	      "                          as in directories\n"
	      "      --all-files         lint every file found in directories, requests or not\n"
	      "  -v, --show-skipped      list each skipped file and why in the text report\n"
	      "                          (the json and sarif reports always list them)\n"
	      "  -q, --quiet             findings only: no summary line, no progress line\n"
	      "      --statistics        a count of findings per rule instead of the text\n"
	      "                          report on standard output\n"
	      "      --fix               apply the safe fixes in place (standard input: print\n"
	      "                          the fixed document); report what remains\n"
	      "      --unsafe-fixes      with --fix or --diff, apply the unsafe fixes too\n"
	      "      --diff              print a unified diff of what --fix would change and\n"
	      "                          write nothing; exit 1 when there is a change\n"
	      "      --lsp               run as a language server on standard input and\n"
	      "                          output (LSP); the rule and config options apply\n"
	      "      --max-depth=N       nesting limit per document (default 256)\n"
	      "      --max-nodes=N       values per document, aliases expanded (default 1000000)\n"
	      "      --max-size=BYTES    size limit per file (default 67108864)\n"
	      "      --max-findings=N    findings shown per file (default 1000)\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "Directories are searched for *.json, *.yaml and *.yml files; those that are\n"
	      "not job requests are skipped and counted. A folder or file met there that\n"
	      "cannot be read is an error; a symbolic link leading out of the named folder\n"
	      "is skipped.\n"
	      "Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage error or\n"
	      "an input that could not be read.\n",
	      out);
}

static int parse_size(const char *arg, const char *name, size_t min, size_t *out, char **error)
{
	char *end;
	unsigned long long v = strtoull(arg, &end, 10);

	if (!*arg || *end || arg[0] == '-' || v < min) {
		*error = xasprintf("--%s needs a whole number of at least %zu, not '%s'", name, min, arg);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

static int pick(const char *arg, const char *name, const char *const *choices, int *out,
		char **error)
{
	int i;

	for (i = 0; choices[i]; i++) {
		if (strcmp(arg, choices[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	*error = xasprintf("--%s: unknown value '%s'", name, arg);
	return -1;
}

/* FORMAT or FORMAT=FILE. */
static int add_output(const char *arg, struct cli *cli, char **error)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	struct cli_output *out;

	if (!format_exists(arg, n)) {
		*error = xasprintf("--format: unknown format '%.*s' (text, json, sarif, github or junit)", (int)n, arg);
		return -1;
	}
	if (eq && !eq[1]) {
		*error = xasprintf("--format %s: the file name is missing after '='", arg);
		return -1;
	}
	if (cli->noutputs == CLI_MAX_OUTPUTS) {
		*error = xasprintf("at most %d --format options", CLI_MAX_OUTPUTS);
		return -1;
	}
	out = &cli->outputs[cli->noutputs++];
	out->format = xstrndup(arg, n);
	out->path = eq ? eq + 1 : NULL;
	return 0;
}

/* --disable A,B -> "A=off" "B=off"; --enable A -> "A"; --severity A=warning as is. */
static int add_rule_levels(int opt, const char *arg, struct cli *cli, char **error)
{
	char *copy = xstrdup(arg), *item, *save = NULL;

	if (opt == OPT_SEVERITY && !strchr(arg, '=')) {
		*error = xasprintf("--severity takes ID=LEVEL, not '%s'", arg);
		free(copy);
		return -1;
	}
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		cli->rule_levels = xrealloc(cli->rule_levels,
					    (cli->nrule_levels + 1) * sizeof *cli->rule_levels);
		cli->rule_levels[cli->nrule_levels++] =
			opt == OPT_DISABLE ? xasprintf("%s=off", item) : xstrdup(item);
	}
	free(copy);
	return 0;
}

static int parse_one(int opt, const char *arg, struct cli *cli, char **error)
{
	static const char *const colors[] = { "auto", "always", "never", NULL };
	static const char *const inputs[] = { "json", "yaml", NULL };
	size_t n;
	int v;

	switch (opt) {
	case 'f':
		return add_output(arg, cli, error);
	case 'o':
		cli->output_file = arg;
		return 0;
	case 'j':
		if (parse_size(arg, "jobs", 1, &n, error) < 0)
			return -1;
		cli->run.jobs = n > 64 ? 64 : (unsigned)n;
		return 0;
	case OPT_COLOR:
		if (pick(arg, "color", colors, &v, error) < 0)
			return -1;
		cli->color = (enum color_mode)v;
		return 0;
	case OPT_FAIL_ON:
		if (severity_parse(arg, &cli->fail_on) < 0 || cli->fail_on == SEV_OFF) {
			*error = xasprintf("--fail-on takes error, warning or info, not '%s'", arg);
			return -1;
		}
		return 0;
	case OPT_AWS_CLI:
		if (awscli_version_parse(arg, &cli->aws_cli, error) < 0) {
			char *why = *error;

			*error = xasprintf("--aws-cli: %s", why);
			free(why);
			return -1;
		}
		return 0;
	case OPT_INPUT_FORMAT:
		if (pick(arg, "input-format", inputs, &v, error) < 0)
			return -1;
		cli->lint.stdin_format = v == 0 ? SOURCE_JSON : SOURCE_YAML;
		return 0;
	case OPT_CONFIG:
		cli->config = arg;
		return 0;
	case OPT_PRINT_CONFIG:
		cli->print_config = arg;
		return 0;
	case OPT_PRINT_REQUEST:
		cli->print_request = arg;
		return 0;
	case OPT_SHOW_SECRETS:
		cli->show_secrets = true;
		return 0;
	case OPT_DISABLE:
	case OPT_ENABLE:
	case OPT_SEVERITY:
		return add_rule_levels(opt, arg, cli, error);
	case OPT_EXCLUDE:
		cli->excludes = xrealloc(cli->excludes, (cli->nexcludes + 1) * sizeof *cli->excludes);
		cli->excludes[cli->nexcludes++] = arg;
		return 0;
	case OPT_LSP:
		cli->lsp = true;
		return 0;
	case OPT_STATISTICS:
		cli->statistics = true;
		return 0;
	case 'q':
		cli->quiet = true;
		return 0;
	case OPT_FIX:
		cli->fix = true;
		return 0;
	case OPT_UNSAFE_FIXES:
		cli->unsafe_fixes = true;
		return 0;
	case OPT_DIFF:
		cli->diff = true;
		return 0;
	case OPT_STDIN_FILENAME:
		cli->lint.stdin_name = arg;
		return 0;
	case OPT_ONLY_REQUESTS:
		cli->run.only_requests = true;
		return 0;
	case OPT_ALL_FILES:
		cli->run.all_files = true;
		return 0;
	case 'v':
		cli->show_skipped = true;
		return 0;
	case OPT_RULES:
		cli->rules_dir = arg;
		return 0;
	case OPT_LIST_RULES:
		cli->list_rules = true;
		return 0;
	case OPT_MAN_RULES:
		cli->man_rules = true;
		return 0;
	case OPT_EXPLAIN:
		cli->explain = arg;
		return 0;
	case OPT_MAX_DEPTH:
		if (parse_size(arg, "max-depth", 1, &n, error) < 0)
			return -1;
		cli->lint.limits.max_depth = n > 100000 ? 100000 : (unsigned)n;
		return 0;
	case OPT_MAX_NODES:
		if (parse_size(arg, "max-nodes", 1, &n, error) < 0)
			return -1;
		cli->lint.limits.max_nodes = n;
		cli->lint.max_visits = n;
		return 0;
	case OPT_MAX_SIZE:
		return parse_size(arg, "max-size", 1, &cli->lint.max_size, error);
	case OPT_MAX_FINDINGS:
		return parse_size(arg, "max-findings", 1, &cli->lint.max_findings, error);
	case 'h':
		cli->help = true;
		return 0;
	case 'V':
		cli->version = true;
		return 0;
	default:
		*error = xstrdup("unknown option; see --help");
		return -1;
	}
}

/* "unknown option --frmat; did you mean --format?" for what argv held. */
static char *unknown_option(const char *arg)
{
	const char *names[sizeof long_options / sizeof *long_options];
	size_t n = 0, len;
	const char *near;
	char *word;

	if (strncmp(arg, "--", 2) != 0)
		return xasprintf("unknown option %s; see --help", arg);
	for (n = 0; long_options[n].name; n++)
		names[n] = long_options[n].name;
	len = strcspn(arg + 2, "=");
	word = xstrndup(arg + 2, len);
	near = suggest(word, names, n);
	free(word);
	if (near)
		return xasprintf("unknown option %.*s; did you mean --%s? (see --help)",
				 (int)(len + 2), arg, near);
	return xasprintf("unknown option %.*s; see --help", (int)(len + 2), arg);
}

int cli_parse(int argc, char **argv, struct cli *cli, char **error)
{
	int opt;
	size_t i;

	memset(cli, 0, sizeof *cli);
	cli->fail_on = SEV_UNSET;
	/* The defaults are the lint configuration's own; options change them in place. */
	lint_config_init(&cli->lint, NULL, NULL);
	*error = NULL;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":f:o:j:vqhV", long_options, NULL)) != -1) {
		if (opt == '?') {
			*error = optopt ? xasprintf("unknown option -%c; see --help", optopt)
					: unknown_option(argv[optind - 1]);
			return -1;
		}
		if (opt == ':') {
			*error = xasprintf("option %s needs an argument", argv[optind - 1]);
			return -1;
		}
		if (parse_one(opt, optarg, cli, error) < 0) {
			if (!*error)
				*error = xstrdup("missing option argument; see --help");
			return -1;
		}
	}
	if (cli->output_file && cli->noutputs > 1) {
		*error = xstrdup("-o takes one report; with several --format options write FORMAT=FILE");
		return -1;
	}
	if (cli->unsafe_fixes && !cli->fix && !cli->diff) {
		*error = xstrdup("--unsafe-fixes goes with --fix or --diff");
		return -1;
	}
	if (cli->show_secrets && !cli->print_request) {
		*error = xstrdup("--show-secrets applies only to --print-request");
		return -1;
	}
	if (cli->noutputs == 0) {
		cli->outputs[0].format = xstrdup("text");
		cli->noutputs = 1;
	}
	if (cli->output_file && !cli->outputs[0].path)
		cli->outputs[0].path = cli->output_file;
	for (i = 0; i < cli->noutputs; i++)
		if (cli->outputs[i].path && strcmp(cli->outputs[i].path, "-") == 0)
			cli->outputs[i].path = NULL; /* "-" is standard output, as for inputs */
	cli->inputs = argv + optind;
	cli->ninputs = (size_t)(argc - optind);
	return 0;
}

void cli_free(struct cli *cli)
{
	size_t i;

	for (i = 0; i < cli->noutputs; i++)
		free(cli->outputs[i].format);
	for (i = 0; i < cli->nrule_levels; i++)
		free(cli->rule_levels[i]);
	free(cli->rule_levels);
	free(cli->excludes);
	cli->excludes = NULL;
	cli->nexcludes = 0;
	cli->noutputs = 0;
	cli->nrule_levels = 0;
	cli->rule_levels = NULL;
}
