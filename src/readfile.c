/* Reading a whole file into memory, with errors returned as text. */
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int fail(char **error, char *message)
{
	*error = message;
	return -1;
}

/* Refuses what cannot be a request file before reading: directories, devices, FIFOs.
 * Standard input may be a pipe. Gives the size of a regular file (else 0). */
static int check_kind(int fd, const char *path, size_t max_size, size_t *size, char **error)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return fail(error, xstrdup(strerror(errno)));
	if (S_ISDIR(st.st_mode))
		return fail(error, xstrdup("is a directory"));
	if (strcmp(path, "-") != 0 && !S_ISREG(st.st_mode))
		return fail(error, xstrdup("not a regular file"));
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_size)
		return fail(error, xasprintf("file is larger than the limit of %zu bytes (--max-size)",
					     max_size));
	*size = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
	return 0;
}

/* Sizes the buffer to at least `need` bytes. Input can be as large as memory allows,
 * so running out of memory fails this one file (the caller goes on with the next)
 * instead of ending the run. */
static int reserve(char **buf, size_t *cap, size_t need, char **error)
{
	size_t want = *cap ? *cap : need;
	char *grown;

	while (want < need)
		want = want > SIZE_MAX / 2 ? need : want * 2;
	if (want == *cap && *buf)
		return 0;
	grown = realloc(*buf, want);
	if (!grown)
		return fail(error, xasprintf("not enough memory (%zu bytes)", want));
	*buf = grown;
	*cap = want;
	return 0;
}

int read_file(const char *path, size_t max_size, char **bytes, size_t *len, char **error)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK);
	size_t cap = 0, n = 0, size = 0;
	char *buf = NULL;

	*error = NULL;
	if (fd < 0)
		return fail(error, xstrdup(strerror(errno)));
	/* O_NONBLOCK only kept open() from waiting on a FIFO; a regular file, the only
	 * kind read here besides standard input, ignores it. */
	if (check_kind(fd, path, max_size, &size, error) < 0)
		goto out;
	/* A regular file is read into a buffer of its size (+1 to see the end at once);
	 * a pipe grows one as it goes. */
	if (size > SIZE_MAX - 2) {
		fail(error, xasprintf("not enough memory (%zu bytes)", size));
		goto out;
	}
	if (reserve(&buf, &cap, size + 2, error) < 0)
		goto out;
	for (;;) {
		ssize_t got;

		if (cap - n < 2 && reserve(&buf, &cap, n + 65536 + 1, error) < 0)
			goto out;
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fail(error, xstrdup(strerror(errno)));
			goto out;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max_size) {
			fail(error, xasprintf("input is larger than the limit of %zu bytes (--max-size)",
					      max_size));
			goto out;
		}
	}
	buf[n] = '\0';
	*bytes = buf;
	*len = n;
	buf = NULL;
out:
	free(buf);
	if (fd != STDIN_FILENO)
		close(fd);
	return *error ? -1 : 0;
}
