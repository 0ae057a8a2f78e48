/* Choosing a formatter by name and writing its report where it belongs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "util.h"

typedef int format_fn(FILE *out, const struct report *r);

static const struct {
	const char *name;
	format_fn *write;
} formatters[] = {
	{ "text", format_text },
	{ "json", format_json },
	{ "sarif", format_sarif },
};

static format_fn *find(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof formatters / sizeof *formatters; i++)
		if (strlen(formatters[i].name) == n && strncmp(formatters[i].name, name, n) == 0)
			return formatters[i].write;
	return NULL;
}

bool format_exists(const char *name, size_t n)
{
	return find(name, n) != NULL;
}

static int write_atomically(format_fn *write, const char *path, const struct report *r,
			    char **error)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *out;
	int rc;

	if (fd < 0) {
		*error = xasprintf("%s: cannot create a temporary file: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	out = fdopen(fd, "w");
	rc = out ? write(out, r) : -1;
	if (out && fflush(out) != 0)
		rc = -1;
	if (rc == 0 && fsync(fd) != 0)
		rc = -1;
	if (rc < 0)
		*error = xasprintf("%s: cannot write: %s", path, strerror(errno ? errno : EIO));
	if (out ? fclose(out) != 0 : close(fd) != 0) {
		if (rc == 0)
			*error = xasprintf("%s: cannot write: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		*error = xasprintf("%s: cannot rename the report into place: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

int format_write(const char *name, const char *path, const struct report *r, char **error)
{
	format_fn *write = find(name, strlen(name));

	*error = NULL;
	if (!write) {
		*error = xasprintf("unknown format %s", name);
		return -1;
	}
	if (path)
		return write_atomically(write, path, r, error);
	if (write(stdout, r) < 0 || fflush(stdout) != 0) {
		*error = xasprintf("standard output: cannot write: %s", strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}
