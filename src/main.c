/* createjob-lint: parse the command line, lint every input, print one report,
 * and exit with the status the worst finding calls for. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "cli.h"
#include "config.h"
#include "escape.h"
#include "files.h"
#include "format.h"
#include "lint.h"
#include "outfile.h"
#include "yamltype.h"
#include "progress.h"
#include "run.h"
#include "settings.h"
#include "ruledoc.h"
#include "shape.h"
#include "util.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

static int usage_error(char *message)
{
	escape_error("%s", message);
	free(message);
	return EXIT_USAGE;
}

/* Whether what was printed on standard output reached it (a full disk, a closed
 * pipe): a listing that was cut must not exit 0. */
static int stdout_status(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_CLEAN;
	escape_error("cannot write to standard output: %s", strerror(errno ? errno : EIO));
	return EXIT_USAGE;
}

/* The built-in rules, or the copy of rules/ in --rules DIR. */
static int load_rules(const char *dir, struct catalog *cat, struct request_shape *rs,
		      char **error)
{
	char *path;
	int rc;

	if (!dir) {
		if (catalog_load_builtin(cat, error) < 0)
			return -1;
		rc = shape_load_builtin(rs, error);
	} else {
		path = xasprintf("%s/catalog.yaml", dir);
		rc = catalog_load_file(cat, path, error);
		free(path);
		if (rc < 0)
			return -1;
		path = xasprintf("%s/shape.yaml", dir);
		rc = shape_load_file(rs, path, error);
		free(path);
	}
	if (rc < 0)
		catalog_free(cat);
	return rc;
}

static int run_catalog_command(const struct cli *cli, const struct catalog *cat)
{
	const struct rule *r;

	if (cli->list_rules) {
		const struct cli_output *o = &cli->outputs[0];

		if (cli->noutputs > 1 || o->path ||
		    (strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0))
			return usage_error(xstrdup("--list-rules prints text or json (-f json) on "
						   "standard output"));
		if (strcmp(o->format, "json") == 0)
			ruledoc_list_json(stdout, cat);
		else
			ruledoc_list(stdout, cat);
	} else if (cli->man_rules) {
		ruledoc_man(stdout, cat);
	} else {
		r = catalog_find(cat, cli->explain);
		if (!r)
			return usage_error(catalog_unknown_rule(cat, cli->explain));
		ruledoc_explain(stdout, r);
	}
	return stdout_status();
}

static bool use_color(enum color_mode mode)
{
	const char *no_color = getenv("NO_COLOR");

	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	return !(no_color && *no_color) && isatty(STDOUT_FILENO);
}

/* Everything the per-file consumer needs: the open reports and the running totals. */
struct emit_state {
	struct formatter *outputs[CLI_MAX_OUTPUTS];
	size_t noutputs;
	struct report_counts counts;
	struct progress progress;
	int status;
	char **told;            /* warnings given, each given once a run */
	size_t ntold, told_cap;
	const struct catalog *catalog;
	size_t *per_rule;       /* --statistics: findings per rule (catalog index), or NULL */
};

static void count_per_rule(struct emit_state *st, const struct lint_result *res)
{
	size_t j;

	for (j = 0; st->per_rule && j < res->diags.n; j++) {
		const struct rule *r = catalog_rule(st->catalog, res->diags.items[j].rule);

		if (r)
			st->per_rule[r->index]++;
	}
}

/* --statistics: "COUNT  ID  NAME" per rule that fired, most findings first (then by
 * id), as ruff prints them. */
static void print_statistics(FILE *out, const struct catalog *cat, const size_t *per_rule)
{
	size_t *order = xcalloc(cat->n ? cat->n : 1, sizeof *order);
	size_t i, j, n = 0;

	for (i = 0; i < cat->n; i++) {
		if (!per_rule[i])
			continue;
		for (j = n; j > 0 && per_rule[order[j - 1]] < per_rule[i]; j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	for (i = 0; i < n; i++) {
		const struct rule *r = &cat->rules[order[i]];

		fprintf(out, "%6zu  %s  %s\n", per_rule[order[i]], r->id, r->name);
	}
	free(order);
}

/* The one place warnings and config errors reach standard error (an ignored unsafe
 * config, a broken one): once a run each, at the first file they concern in input
 * order, however many files they concern. */
static void tell_once(struct emit_state *st, const char *kind, const char *message)
{
	char *told = xasprintf("%s: %s", kind, message);
	size_t i;

	for (i = 0; i < st->ntold; i++)
		if (strcmp(st->told[i], told) == 0) {
			free(told);
			return;
		}
	st->told = grow_array(st->told, &st->told_cap, st->ntold + 1, sizeof *st->told);
	st->told[st->ntold++] = told;
	escape_error("%s", told);
}

static void emit(const struct lint_result *res, void *ctx)
{
	struct emit_state *st = ctx;
	size_t i;

	report_counts_add(&st->counts, res);
	count_per_rule(st, res);
	progress_step(&st->progress, res->path);
	if (res->warning)
		tell_once(st, "warning", res->warning);
	if (res->config_error) {
		tell_once(st, "config error", res->config_error);
		st->status = EXIT_USAGE;
	}
	if (res->skipped) {
		for (i = 0; i < st->noutputs; i++)
			formatter_file(st->outputs[i], res);
		return;
	}
	if (res->read_error) {
		escape_error("%s: %s", res->path, res->read_error);
		st->status = EXIT_USAGE;
	}
	for (i = 0; i < res->diags.n && st->status == EXIT_CLEAN; i++)
		if (res->diags.items[i].severity >= res->fail_on)
			st->status = EXIT_FINDINGS;
	for (i = 0; i < st->noutputs; i++)
		formatter_file(st->outputs[i], res);
}

static int open_outputs(const struct cli *cli, const struct report_meta *meta,
			const struct report_meta *plain, struct emit_state *st)
{
	char *error;
	size_t i;

	for (i = 0; i < cli->noutputs; i++) {
		const struct cli_output *o = &cli->outputs[i];
		bool text_on_stdout = strcmp(o->format, "text") == 0 && !o->path;
		struct formatter *f;

		if (text_on_stdout && cli->statistics)
			continue; /* the statistics take the text report's place */
		f = formatter_open(o->format, o->path, text_on_stdout && meta->color ? meta : plain,
				   &error);
		if (!f) {
			escape_error("%s", error);
			free(error);
			while (st->noutputs > 0)
				formatter_abort(st->outputs[--st->noutputs]);
			return -1;
		}
		st->outputs[st->noutputs++] = f;
	}
	return 0;
}

/* A report target as the checks before a run see it. */
struct target {
	const char *shown;          /* the path, or "standard output" */
	bool on_stdout;
	struct outfile_id id;
};

static bool names_stdout(const char *path)
{
	return strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/fd/1") == 0 ||
	       strcmp(path, "/proc/self/fd/1") == 0;
}

static void identify_target(const struct cli_output *o, struct target *t)
{
	t->on_stdout = !o->path || names_stdout(o->path);
	t->shown = o->path ? o->path : "standard output";
	if (t->on_stdout)
		outfile_identify_stdout(&t->id);
	else
		outfile_identify(o->path, &t->id);
}

/* Why writing report t would change an input of the run, or NULL. A report in a
 * folder that is linted would be read as a request by the next run (or this one). */
static char *clobbers_input(const struct target *t, const char *input)
{
	struct outfile_id in;
	char resolved[PATH_MAX];
	char *why = NULL;
	size_t n;

	if (t->on_stdout || strcmp(input, "-") == 0)
		return NULL;
	outfile_identify(input, &in);
	if (outfile_same(&t->id, &in) || strcmp(t->id.where, in.where) == 0) {
		why = xasprintf("the report %s is also an input", t->shown);
	} else if (in.exists && S_ISDIR(in.mode) && realpath(input, resolved) &&
		   (n = strlen(resolved), strncmp(t->id.where, resolved, n) == 0) &&
		   (t->id.where[n] == '/' || n == 1) &&
		   (str_has_suffix(t->id.where, ".json") || str_has_suffix(t->id.where, ".yaml") ||
		    str_has_suffix(t->id.where, ".yml"))) {
		why = xasprintf("the report %s would be linted as an input below %s", t->shown,
				input);
	}
	outfile_id_free(&in);
	return why;
}

/* The usage errors found before anything is read or written: two reports into
 * one file or onto standard output, and a report that is also an input. */
static char *check_targets(const struct cli *cli)
{
	struct target t[CLI_MAX_OUTPUTS];
	char *why = NULL;
	size_t i, j;

	for (i = 0; i < cli->noutputs; i++)
		if (cli->statistics && strcmp(cli->outputs[i].format, "text") != 0 &&
		    (!cli->outputs[i].path || names_stdout(cli->outputs[i].path)))
			return xasprintf("--statistics prints on standard output; write the %s report to "
					 "a file (-f %s=FILE)", cli->outputs[i].format,
					 cli->outputs[i].format);

	for (i = 0; i < cli->noutputs; i++)
		identify_target(&cli->outputs[i], &t[i]);
	for (i = 0; i < cli->noutputs && !why; i++)
		for (j = i + 1; j < cli->noutputs && !why; j++)
			if ((t[i].on_stdout && t[j].on_stdout) || outfile_same(&t[i].id, &t[j].id))
				why = xasprintf("the %s and %s reports would both be written to %s",
						cli->outputs[i].format, cli->outputs[j].format,
						t[j].shown);
	for (i = 0; i < cli->noutputs && !why; i++)
		for (j = 0; j < cli->ninputs && !why; j++)
			why = clobbers_input(&t[i], cli->inputs[j]);
	for (i = 0; i < cli->noutputs; i++)
		outfile_id_free(&t[i].id);
	return why;
}

/* The configuration and command-line rule levels, shared by the whole run. */
static int prepare_settings(const struct cli *cli, const struct catalog *cat,
			    struct settings_source *settings)
{
	char *error = NULL;
	size_t i;

	settings_init(settings, cat);
	settings->cli_fail_on = cli->fail_on;
	settings->cli_aws_cli = cli->aws_cli;
	settings->cli_exclude = cli->excludes;
	settings->ncli_exclude = cli->nexcludes;
	for (i = 0; i < cli->nrule_levels; i++) {
		char *id = xstrdup(cli->rule_levels[i]);
		char *eq = strchr(id, '=');
		int rc;

		if (eq)
			*eq = '\0';
		rc = settings_cli_rule(settings, id, eq ? eq + 1 : NULL, &error);
		free(id);
		if (rc < 0)
			goto fail;
	}
	if (cli->config) {
		settings->discover = false;
		settings->forced = config_load(cli->config, cat, &error);
		if (!settings->forced)
			goto fail;
	}
	return 0;
fail:
	escape_error("%s", error);
	free(error);
	settings_cleanup(settings);
	return -1;
}

static int lint_inputs(const struct cli *cli, const struct catalog *cat,
		       const struct request_shape *rs, struct settings_source *settings)
{
	struct lint_config cfg;
	struct file_walk *walk;
	struct report_meta meta = { cat, PACKAGE_VERSION, use_color(cli->color), cli->show_skipped,
				    cli->quiet };
	struct report_meta plain = { cat, PACKAGE_VERSION, false, cli->show_skipped, cli->quiet };
	struct emit_state st = { 0 };
	char *error;
	size_t i;

	cfg = cli->lint;
	cfg.shape = rs;
	cfg.catalog = cat;
	cfg.settings = settings;
	if (open_outputs(cli, &meta, &plain, &st) < 0)
		return EXIT_USAGE;
	st.catalog = cat;
	if (cli->statistics)
		st.per_rule = xcalloc(cat->n ? cat->n : 1, sizeof *st.per_rule);
	walk = file_walk_new(cli->inputs, cli->ninputs);
	progress_start(&st.progress);
	if (cli->quiet)
		st.progress.on = false;
	run_lint(&cfg, walk, &cli->run, emit, &st);
	file_walk_free(walk);
	progress_finish(&st.progress, st.counts.files);
	for (i = 0; i < st.noutputs; i++) {
		if (formatter_close(st.outputs[i], &st.counts, &error) < 0) {
			escape_error("%s", error);
			free(error);
			st.status = EXIT_USAGE;
		}
	}
	if (st.per_rule) {
		print_statistics(stdout, cat, st.per_rule);
		if (stdout_status() != EXIT_CLEAN)
			st.status = EXIT_USAGE;
	}
	free(st.per_rule);
	for (i = 0; i < st.ntold; i++)
		free(st.told[i]);
	free(st.told);
	return st.status;
}

static int run(const struct cli *cli)
{
	struct catalog cat;
	struct request_shape rs;
	struct settings_source settings;
	char *error;
	int status;

	if (cli->help) {
		cli_print_help(stdout);
		return stdout_status();
	}
	if (cli->version) {
		printf("createjob-lint %s\n", PACKAGE_VERSION);
		return stdout_status();
	}
	if (!cli->list_rules && !cli->man_rules && !cli->explain && !cli->print_config &&
	    cli->ninputs == 0)
		return usage_error(xstrdup("no input given: name files, directories or - (see --help)"));
	if (cli->ninputs > 0 && !cli->list_rules && !cli->man_rules && !cli->explain &&
	    !cli->print_config && (error = check_targets(cli)) != NULL)
		return usage_error(error);
	if (load_rules(cli->rules_dir, &cat, &rs, &error) < 0)
		return usage_error(error);
	if (cli->list_rules || cli->man_rules || cli->explain) {
		status = run_catalog_command(cli, &cat);
	} else if (prepare_settings(cli, &cat, &settings) < 0) {
		status = EXIT_USAGE;
	} else {
		status = cli->print_config ? (settings_print(stdout, &settings, cli->print_config) < 0
						      ? EXIT_USAGE : EXIT_CLEAN)
					   : lint_inputs(cli, &cat, &rs, &settings);
		settings_cleanup(&settings);
	}
	catalog_free(&cat);
	shape_free(&rs);
	return status;
}

int main(int argc, char **argv)
{
	struct cli cli;
	char *error;
	int status;

	outfile_init();
	if (cli_parse(argc, argv, &cli, &error) < 0)
		status = usage_error(error);
	else
		status = run(&cli);
	cli_free(&cli);
	yamltype_cleanup();
	return status;
}
