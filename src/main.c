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
#include "fixer.h"
#include "files.h"
#include "format.h"
#include "lint.h"
#include "lsp_server.h"
#include "outfile.h"
#include "progress.h"
#include "request_print.h"
#include "run.h"
#include "settings.h"
#include "targets.h"
#include "ruledoc.h"
#include "shape.h"
#include "udiff.h"
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
	bool fix, diff;         /* --fix, --diff */
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

/* --fix: a fixed file replaces the one read, atomically and keeping its mode;
 * standard input's fixed document goes to standard output whether or not it
 * changed, so that it can stand in a pipe. */
static void write_fixed(struct emit_state *st, const struct lint_result *res)
{
	struct outfile *of;
	char *error;

	if (res->is_stdin) {
		fwrite(res->src->bytes, 1, res->src->len, stdout);
		return;
	}
	if (!res->original)
		return;
	of = outfile_open(res->path, &error);
	if (of) {
		fwrite(res->src->bytes, 1, res->src->len, outfile_stream(of));
		if (outfile_commit(of, &error) == 0)
			return;
	}
	escape_error("%s", error);
	free(error);
	st->status = EXIT_USAGE;
}

/* What fixing did to one file: the fixed file written, or (--diff) the change
 * shown, which makes the run exit 1. */
static void emit_fixes(struct emit_state *st, const struct lint_result *res)
{
	if (res->fix_error)
		escape_error("%s: %s", res->path, res->fix_error);
	if (!res->src)
		return;
	if (st->diff) {
		if (res->original) {
			udiff_write(stdout, res->path, res->original, res->original_len,
				    res->src->bytes, res->src->len);
			if (st->status == EXIT_CLEAN)
				st->status = EXIT_FINDINGS;
		}
		return;
	}
	if (st->fix)
		write_fixed(st, res);
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
	if (st->fix || st->diff)
		emit_fixes(st, res);
	if (res->skipped) {
		for (i = 0; i < st->noutputs; i++)
			formatter_file(st->outputs[i], res);
		return;
	}
	if (res->read_error) {
		escape_error("%s: %s", res->path, res->read_error);
		st->status = EXIT_USAGE;
	}
	for (i = 0; i < res->diags.n && st->status == EXIT_CLEAN && !st->diff; i++)
		if (res->diags.items[i].severity >= res->fail_on)
			st->status = EXIT_FINDINGS;
	for (i = 0; i < st->noutputs; i++)
		formatter_file(st->outputs[i], res);
}

/* --diff prints the diffs on standard output, and --fix of standard input the fixed
 * document, as ruff does: a report there would be mixed into them. */
static bool fixes_use_stdout(const struct cli *cli)
{
	size_t i;

	if (cli->diff)
		return true;
	for (i = 0; cli->fix && i < cli->ninputs; i++)
		if (strcmp(cli->inputs[i], "-") == 0)
			return true;
	return false;
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
		if (!o->path && fixes_use_stdout(cli))
			continue; /* standard output carries the diff or the fixed document */
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

/* The command line's lint configuration, with the loaded rules and settings. */
static struct lint_config lint_config_of(const struct cli *cli, const struct catalog *cat,
					 const struct request_shape *rs,
					 struct settings_source *settings)
{
	struct lint_config cfg = cli->lint;

	cfg.shape = rs;
	cfg.catalog = cat;
	cfg.settings = settings;
	return cfg;
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

	cfg = lint_config_of(cli, cat, rs, settings);
	if (cli->fix || cli->diff)
		cfg.fix_mode = cli->unsafe_fixes ? FIX_UNSAFE : FIX_SAFE;
	st.fix = cli->fix;
	st.diff = cli->diff;
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

/* --lsp: the rule and configuration options apply to every document served. */
static int serve_lsp(const struct cli *cli, const struct catalog *cat,
		     const struct request_shape *rs, struct settings_source *settings)
{
	struct lint_config cfg = lint_config_of(cli, cat, rs, settings);

	if (cli->ninputs > 0)
		return usage_error(xstrdup("--lsp reads requests from the editor, not from files; "
					   "remove the file arguments"));
	return lsp_serve(&cfg, PACKAGE_VERSION, STDIN_FILENO, STDOUT_FILENO);
}

/* --print-request FILE: the request as JSON on standard output, notes and load
 * errors on standard error. */
static int print_request_command(const struct cli *cli, const struct catalog *cat,
				 const struct request_shape *rs)
{
	struct lint_config cfg = cli->lint;
	struct request_print_options opts = { cli->print_request, cli->show_secrets, &cfg };
	struct request_print_notes notes = { 0 };
	char *error = NULL;
	size_t i;

	cfg.shape = rs;
	cfg.catalog = cat;
	if (cli->ninputs > 0)
		return usage_error(xstrdup("--print-request takes one file and lints nothing else"));
	if (request_print(stdout, &opts, &error, &notes) < 0)
		return usage_error(error);
	for (i = 0; i < notes.n; i++)
		escape_error("note: %s", notes.lines[i]);
	request_print_notes_free(&notes);
	return stdout_status();
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
	    !cli->lsp && !cli->print_request && cli->ninputs == 0)
		return usage_error(xstrdup("no input given: name files, directories or - (see --help)"));
	if (cli->ninputs > 0 && !cli->list_rules && !cli->man_rules && !cli->explain &&
	    !cli->print_config && !cli->print_request && (error = targets_check(cli)) != NULL)
		return usage_error(error);
	if (load_rules(cli->rules_dir, &cat, &rs, &error) < 0)
		return usage_error(error);
	if (cli->list_rules || cli->man_rules || cli->explain) {
		status = run_catalog_command(cli, &cat);
	} else if (cli->print_request) {
		status = print_request_command(cli, &cat, &rs);
	} else if (prepare_settings(cli, &cat, &settings) < 0) {
		status = EXIT_USAGE;
	} else {
		status = cli->lsp ? serve_lsp(cli, &cat, &rs, &settings)
		       : cli->print_config ? (settings_print(stdout, &settings, cli->print_config) < 0
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
	return status;
}
