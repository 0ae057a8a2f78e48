/* Choosing a formatter by name and writing its report where it belongs. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format_impl.h"
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

static int open_temporary(struct formatter *f, const char *path, char **error)
{
	int fd;

	f->path = xstrdup(path);
	f->tmp_path = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(f->tmp_path);
	if (fd < 0) {
		*error = xasprintf("%s: cannot create a temporary file: %s", path, strerror(errno));
		return -1;
	}
	f->out = fdopen(fd, "w");
	if (!f->out) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		unlink(f->tmp_path);
		return -1;
	}
	return 0;
}

static void formatter_free(struct formatter *f)
{
	free(f->path);
	free(f->tmp_path);
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
	if (path && open_temporary(f, path, error) < 0) {
		formatter_free(f);
		return NULL;
	}
	if (!path)
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

static int finish_file(struct formatter *f, char **error)
{
	int failed = fflush(f->out) != 0 || ferror(f->out) || fsync(fileno(f->out)) != 0;
	int err = errno;

	if (fclose(f->out) != 0 && !failed) {
		failed = 1;
		err = errno;
	}
	if (!failed && rename(f->tmp_path, f->path) != 0) {
		*error = xasprintf("%s: cannot move the report into place: %s", f->path, strerror(errno));
		unlink(f->tmp_path);
		return -1;
	}
	if (failed) {
		*error = xasprintf("%s: cannot write: %s", f->path, strerror(err ? err : EIO));
		unlink(f->tmp_path);
		return -1;
	}
	return 0;
}

int formatter_close(struct formatter *f, const struct report_counts *counts, char **error)
{
	int rc = 0;

	*error = NULL;
	f->ops->end(f, counts);
	if (f->path) {
		rc = finish_file(f, error);
	} else if (fflush(f->out) != 0 || ferror(f->out)) {
		*error = xasprintf("%s: cannot write: %s", f->out == stdout ? "standard output" : "report",
				   strerror(errno ? errno : EIO));
		rc = -1;
	}
	formatter_free(f);
	return rc;
}
