/* The settings that apply to one file. */
#include "settings.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "glob.h"
#include "util.h"

struct config_cache_entry {
	char *folder;
	char *config_path;        /* NULL: none found */
	char *shown;              /* config_path as shown: relative below the working folder */
	struct config *config;    /* loaded once; NULL when none or on error */
	char *error;
	char *ignored, *why;      /* an unsafe config met on the way up, and why */
};

void settings_init(struct settings_source *src, const struct catalog *cat)
{
	size_t i;

	memset(src, 0, sizeof *src);
	src->catalog = cat;
	src->cli_fail_on = SEV_UNSET;
	src->discover = true;
	src->cli_severity = xcalloc(cat->n ? cat->n : 1, sizeof *src->cli_severity);
	for (i = 0; i < cat->n; i++)
		src->cli_severity[i] = SEV_UNSET;
	pthread_mutex_init(&src->lock, NULL);
}

void settings_forget_configs(struct settings_source *src)
{
	size_t i, j;

	for (i = 0; i < src->ncache; i++) {
		/* Several folders may share one config: free each config once. */
		for (j = 0; j < i && src->cache[j].config != src->cache[i].config; j++)
			;
		if (j == i)
			config_free(src->cache[i].config);
		free(src->cache[i].folder);
		free(src->cache[i].config_path);
		free(src->cache[i].shown);
		free(src->cache[i].error);
		free(src->cache[i].ignored);
		free(src->cache[i].why);
	}
	free(src->cache);
	src->cache = NULL;
	src->ncache = src->cache_cap = 0;
}

void settings_cleanup(struct settings_source *src)
{
	settings_forget_configs(src);
	config_free(src->forced);
	free(src->cli_severity);
	pthread_mutex_destroy(&src->lock);
}

int settings_cli_rule(struct settings_source *src, const char *id, const char *level, char **error)
{
	const struct rule *r = catalog_find(src->catalog, id);
	enum severity sev;

	if (!r) {
		*error = catalog_unknown_rule(src->catalog, id);
		return -1;
	}
	if (!level) {
		src->cli_severity[r->index] = r->severity; /* --enable: its default level */
		return 0;
	}
	if (severity_parse(level, &sev) < 0) {
		*error = xasprintf("level %s for %s: use off, info, warning or error", level, id);
		return -1;
	}
	src->cli_severity[r->index] = sev;
	return 0;
}

/* A path below the working folder is shown relative to it, as users wrote it. */
static char *shown_path(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;

	if (!path || !getcwd(cwd, sizeof cwd))
		return path ? xstrdup(path) : NULL;
	n = strlen(cwd);
	if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
		return xstrdup(path + n + 1);
	return xstrdup(path);
}

/* Finds the config for a new cache entry, and loads it unless an earlier entry did. */
static void discover(struct settings_source *src, struct config_cache_entry *e)
{
	size_t i;

	e->config_path = config_discover(e->folder, &e->ignored, &e->why);
	e->shown = shown_path(e->config_path);
	for (i = 0; e->config_path && i + 1 < src->ncache; i++)
		if (src->cache[i].config_path && strcmp(src->cache[i].config_path, e->config_path) == 0) {
			e->config = src->cache[i].config;
			e->error = src->cache[i].error ? xstrdup(src->cache[i].error) : NULL;
			return;
		}
	if (e->config_path)
		e->config = config_load(e->config_path, src->catalog, &e->error);
}

/* The config for a folder as written, found and loaded once per run (under the
 * lock). Runs over many files meet few folders, and usually the last one again. */
static struct config_cache_entry *lookup(struct settings_source *src, const char *path)
{
	char *folder = config_folder_of(path);
	struct config_cache_entry *e;
	size_t i = src->ncache;

	while (i-- > 0)
		if (strcmp(src->cache[i].folder, folder) == 0) {
			free(folder);
			return &src->cache[i];
		}
	src->cache = grow_array(src->cache, &src->cache_cap, src->ncache + 1, sizeof *src->cache);
	e = &src->cache[src->ncache++];
	memset(e, 0, sizeof *e);
	e->folder = folder;
	discover(src, e);
	return e;
}

/* The config that applies to path, from --config or found above it. */
static void find_config(struct settings_source *src, const char *path, struct file_settings *out)
{
	struct config_cache_entry *e;

	out->config = src->forced;
	out->config_shown = src->forced ? src->forced->path : NULL;
	if (out->config || !src->discover)
		return;
	pthread_mutex_lock(&src->lock);
	e = lookup(src, path);
	out->config = e->config;
	out->config_shown = e->shown;
	if (e->error)
		out->error = xstrdup(e->error);
	if (e->ignored)
		out->warning = xasprintf("%s is ignored: %s", e->ignored, e->why);
	pthread_mutex_unlock(&src->lock);
}

/* Whether glob matches path or a folder on it (each prefix ending before a '/'),
 * or, for a glob without '/', any one segment of it. */
static bool glob_matches_path(const char *glob, const char *path)
{
	bool per_segment = !strchr(glob, '/');
	char *copy = xstrdup(path);
	const char *segment = copy;
	bool found = false;
	size_t k;

	for (k = 0; !found; k++) {
		char c = copy[k];

		if (c != '/' && c != '\0')
			continue;
		copy[k] = '\0';
		found = glob_match(glob, copy) || (per_segment && glob_match(glob, segment));
		copy[k] = c;
		segment = copy + k + 1;
		if (c == '\0')
			break;
	}
	free(copy);
	return found;
}

/* Whether an --exclude glob matches path as the walk names it: the whole path or a
 * folder on it, and a glob without '/' any one segment (--exclude vendor). */
static bool cli_excludes(const struct settings_source *src, const char *path)
{
	size_t i;

	if (strncmp(path, "./", 2) == 0)
		path += 2;
	for (i = 0; i < src->ncli_exclude; i++) {
		const char *glob = src->cli_exclude[i];

		if (glob_matches_path(strncmp(glob, "./", 2) == 0 ? glob + 2 : glob, path))
			return true;
	}
	return false;
}

/* With a target CLI named, a member it does not know is what that CLI refuses: the
 * note becomes an error, below the levels a config or the command line set. */
static void settings_target_cli_level(const struct catalog *cat, struct file_settings *out)
{
	const struct rule *r = catalog_find(cat, SETTINGS_TARGET_CLI_RULE);

	if (out->aws_cli.set && r)
		out->severity[r->index] = SEV_ERROR;
}

void settings_resolve(struct settings_source *src, const char *path, struct file_settings *out)
{
	const struct catalog *cat = src->catalog;
	size_t i;

	memset(out, 0, sizeof *out);
	out->severity = xcalloc(cat->n ? cat->n : 1, sizeof *out->severity);
	for (i = 0; i < cat->n; i++)
		out->severity[i] = cat->rules[i].severity;
	out->fail_on = SEV_ERROR;
	if (strcmp(path, "-") != 0 && cli_excludes(src, path)) {
		out->excluded = true;
		out->config_shown = "--exclude";
		return;
	}
	find_config(src, path, out);
	out->aws_cli = src->cli_aws_cli.set || !out->config ? src->cli_aws_cli
			: out->config->aws_cli;
	settings_target_cli_level(cat, out);
	if (out->config) {
		char *logical = config_logical_path(path);

		out->relative = config_relative(out->config, logical);
		free(logical);
		out->excluded = strcmp(path, "-") != 0 && config_excludes(out->config, out->relative);
		config_apply(out->config, out->relative, out->severity);
		if (out->config->fail_on != SEV_UNSET)
			out->fail_on = out->config->fail_on;
	}
	for (i = 0; i < cat->n; i++)
		if (src->cli_severity[i] != SEV_UNSET)
			out->severity[i] = src->cli_severity[i];
	if (src->cli_fail_on != SEV_UNSET)
		out->fail_on = src->cli_fail_on;
}

void file_settings_free(struct file_settings *fs)
{
	free(fs->severity);
	free(fs->relative);
	free(fs->error);
	free(fs->warning);
	memset(fs, 0, sizeof *fs);
}

/* Where the level of rule i comes from, for --print-config. */
static const char *origin(const struct settings_source *src, const struct file_settings *fs,
			  size_t i, char *buf, size_t size)
{
	const struct config *c = fs->config;
	const char *from = "default";
	size_t k;

	if (fs->aws_cli.set && strcmp(src->catalog->rules[i].id, SETTINGS_TARGET_CLI_RULE) == 0)
		from = "aws-cli";
	if (c && c->severity[i] != SEV_UNSET)
		from = "rules";
	for (k = 0; c && k < c->noverrides; k++) {
		size_t g;

		for (g = 0; g < c->overrides[k].nfiles; g++)
			if (c->overrides[k].severity[i] != SEV_UNSET &&
			    glob_match(c->overrides[k].files[g], fs->relative)) {
				snprintf(buf, size, "override on line %zu", c->overrides[k].line);
				from = buf;
			}
	}
	if (src->cli_severity[i] != SEV_UNSET)
		from = "command line";
	return from;
}

static void print_aws_cli(FILE *out, const struct settings_source *src,
			  const struct file_settings *fs)
{
	char text[AWSCLI_VERSION_TEXT];

	if (!fs->aws_cli.set) {
		fputs("aws-cli: any (default: members newer than some CLIs are noted, not errors)\n",
		      out);
		return;
	}
	fprintf(out, "aws-cli: %s (%s)\n", awscli_version_text(&fs->aws_cli, text, sizeof text),
		src->cli_aws_cli.set ? "command line" : "config");
}

int settings_print(FILE *out, struct settings_source *src, const char *path)
{
	struct file_settings fs;
	size_t i;
	char buf[64];

	settings_resolve(src, path, &fs);
	if (fs.error) {
		escape_error("%s", fs.error);
		file_settings_free(&fs);
		return -1;
	}
	fputs("file: ", out);
	escape_put(out, path);
	fputs("\nconfig: ", out);
	escape_put(out, fs.config ? fs.config->path : "(none)");
	fputc('\n', out);
	if (fs.warning) {
		fputs("ignored config: ", out);
		escape_put(out, fs.warning);
		fputc('\n', out);
	}
	if (fs.config) {
		fputs("path in config: ", out);
		escape_put(out, fs.relative);
		fprintf(out, "\nexcluded: %s\n", fs.excluded ? "yes" : "no");
	}
	fprintf(out, "fail-on: %s (%s)\n", severity_name(fs.fail_on),
		src->cli_fail_on != SEV_UNSET ? "command line"
		: fs.config && fs.config->fail_on >= 0 ? "config" : "default");
	print_aws_cli(out, src, &fs);
	fputs("rules:\n", out);
	for (i = 0; i < src->catalog->n; i++)
		fprintf(out, "  %s %-8s %s\n", src->catalog->rules[i].id, severity_name(fs.severity[i]),
			origin(src, &fs, i, buf, sizeof buf));
	file_settings_free(&fs);
	return fflush(out) == 0 ? 0 : -1;
}
