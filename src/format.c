/* Choosing a formatter by name and writing its report where it belongs. */
#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format_impl.h"
#include "outfile.h"
#include "util.h"

static const struct format_ops *const formats[] = {
	&format_text_ops,
	&format_json_ops,
	&format_sarif_ops,
	&format_github_ops,
	&format_junit_ops,
};

static const struct format_ops *find(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof formats / sizeof *formats; i++)
		if (strlen(formats[i]->name) == n && strncmp(formats[i]->name, name, n) == 0)
			return formats[i];
	return NULL;
}

bool format_exists(const char *name, size_t n)
{
	return find(name, n) != NULL;
}

const char *format_name(size_t i)
{
	return i < sizeof formats / sizeof *formats ? formats[i]->name : NULL;
}

/* Counts a file excluded by a config under that config's name. */
static void count_exclusion(struct report_counts *c, const char *config)
{
	size_t i;

	for (i = 0; i < c->nexcluded; i++)
		if (strcmp(c->excluded[i].config, config) == 0) {
			c->excluded[i].files++;
			return;
		}
	if (c->nexcluded == REPORT_MAX_CONFIGS) {
		c->excluded_elsewhere++;
		return;
	}
	c->excluded[c->nexcluded].config = config;
	c->excluded[c->nexcluded++].files = 1;
}

void report_counts_add(struct report_counts *c, const struct lint_result *res)
{
	size_t j;

	if (res->skipped) {
		c->skipped++;
		if (res->skipped < SKIP_REASONS)
			c->skipped_by[res->skipped]++;
		if (res->skipped == SKIP_EXCLUDED)
			count_exclusion(c, res->excluded_by ? res->excluded_by : "the configuration");
		return;
	}
	c->files++;
	if (res->read_error)
		c->unreadable++;
	for (j = 0; j < res->diags.n; j++) {
		enum severity sev = res->diags.items[j].severity;

		c->errors += sev == SEV_ERROR;
		c->warnings += sev == SEV_WARNING;
		c->infos += sev == SEV_INFO;
	}
}

static void formatter_free(struct formatter *f)
{
	if (f->ops && f->ops->release)
		f->ops->release(f);
	free(f->cwd);
	free(f);
}

/* A formatter writing to `out` (NULL: a temporary file for `path`). */
static struct formatter *start(const char *name, const char *path, FILE *out,
			       const struct report_meta *meta, char **error)
{
	struct formatter *f = xcalloc(1, sizeof *f);
	char cwd[PATH_MAX];

	*error = NULL;
	f->ops = find(name, strlen(name));
	f->meta = meta;
	f->cwd = xstrdup(getcwd(cwd, sizeof cwd) ? cwd : "/");
	if (!f->ops) {
		*error = xasprintf("unknown format %s", name);
		formatter_free(f);
		return NULL;
	}
	if (path) {
		f->file = outfile_open(path, error);
		if (!f->file) {
			formatter_free(f);
			return NULL;
		}
		out = outfile_stream(f->file);
	}
	f->out = out;
	f->ops->begin(f);
	return f;
}

struct formatter *formatter_open(const char *name, const char *path,
				 const struct report_meta *meta, char **error)
{
	return start(name, path, stdout, meta, error);
}

struct formatter *formatter_open_stream(const char *name, FILE *out,
					const struct report_meta *meta, char **error)
{
	return start(name, NULL, out, meta, error);
}

void formatter_file(struct formatter *f, const struct lint_result *res)
{
	if (res->skipped) {
		if (f->ops->skipped)
			f->ops->skipped(f, res);
		return;
	}
	f->ops->file(f, res);
	f->files++;
}

int formatter_close(struct formatter *f, const struct report_counts *counts, char **error)
{
	int rc = 0;

	*error = NULL;
	f->ops->end(f, counts);
	if (f->file) {
		rc = outfile_commit(f->file, error);
	} else if (fflush(f->out) != 0 || ferror(f->out)) {
		*error = xasprintf("%s: cannot write: %s", f->out == stdout ? "standard output" : "report",
				   strerror(errno ? errno : EIO));
		rc = -1;
	}
	formatter_free(f);
	return rc;
}

void formatter_abort(struct formatter *f)
{
	if (!f)
		return;
	outfile_abort(f->file);
	formatter_free(f);
}
