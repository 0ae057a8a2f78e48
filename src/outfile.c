/* Where a report file goes: atomic regular files, devices written in place. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define MAX_TEMPORARIES 16
#define MAX_LINK_HOPS 40

struct outfile {
	FILE *out;
	char *path;
	char *final_path;   /* where the temporary file is renamed to; NULL when direct */
	char *tmp_path;     /* NULL when the target is written in place */
	int slot;           /* in `temporaries`, or -1 */
};

/* Temporary files to remove when a signal ends the run. The handler reads only
 * these pointers, each set after its string is complete and cleared before it is
 * freed; the registry is global because signal handlers are. */
static char *volatile temporaries[MAX_TEMPORARIES];

static void remove_temporaries(int sig)
{
	size_t i;

	for (i = 0; i < MAX_TEMPORARIES; i++) {
		char *p = temporaries[i];

		if (p)
			unlink(p);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void outfile_init(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGABRT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_temporaries;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;

		/* A signal the caller ignores (nohup, SIGPIPE ignored by a CI runner) stays
		 * ignored; write errors then end the run as errors. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

static int register_temporary(char *path)
{
	int i;

	for (i = 0; i < MAX_TEMPORARIES; i++)
		if (!temporaries[i]) {
			temporaries[i] = path;
			return i;
		}
	return -1;
}

static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* True when the path, or a link it leads through, names something in /dev or
 * /proc: /dev/stdout is a link to /proc/self/fd/1, which names whatever standard
 * output is (a regular file when the shell redirected it), and renaming over it
 * would replace the link. */
static bool leads_into_devices(const char *path)
{
	char *at = path_absolute_lexical(path);
	bool found = false;
	int hops;

	for (hops = 0; hops < MAX_LINK_HOPS && !found; hops++) {
		char target[PATH_MAX];
		struct stat st;
		ssize_t n;
		char *next;

		found = under(at, "/dev") || under(at, "/proc");
		if (found || lstat(at, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		n = readlink(at, target, sizeof target - 1);
		if (n < 0)
			break;
		target[n] = '\0';
		if (target[0] == '/') {
			next = xstrdup(target);
		} else {
			char *slash = strrchr(at, '/');

			next = xasprintf("%.*s/%s", (int)(slash - at), at, target);
		}
		free(at);
		at = next;
	}
	free(at);
	return found;
}

static struct outfile *open_in_place(struct outfile *of, char **error)
{
	int fd = open(of->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0 || !(of->out = fdopen(fd, "w"))) {
		*error = xasprintf("%s: cannot open: %s", of->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(of->path);
		free(of);
		return NULL;
	}
	return of;
}

/* The mode a report file gets: that of the file it replaces, or 0666 less the umask. */
static mode_t report_mode(const char *final_path)
{
	struct stat st;
	mode_t mask;

	if (stat(final_path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

static struct outfile *open_atomic(struct outfile *of, char **error)
{
	char resolved[PATH_MAX];
	int fd;

	/* Through a link to a regular file, the file is replaced and the link kept. */
	of->final_path = xstrdup(realpath(of->path, resolved) ? resolved : of->path);
	of->tmp_path = xasprintf("%s.XXXXXX", of->final_path);
	fd = mkstemp(of->tmp_path);
	if (fd < 0) {
		*error = xasprintf("%s: cannot create a temporary file: %s", of->path, strerror(errno));
		goto fail;
	}
	of->slot = register_temporary(of->tmp_path);
	if (fchmod(fd, report_mode(of->final_path)) != 0 || !(of->out = fdopen(fd, "w"))) {
		*error = xasprintf("%s: %s", of->path, strerror(errno));
		close(fd);
		outfile_abort(of);
		return NULL;
	}
	return of;
fail:
	free(of->tmp_path);
	free(of->final_path);
	free(of->path);
	free(of);
	return NULL;
}

struct outfile *outfile_open(const char *path, char **error)
{
	struct outfile *of = xcalloc(1, sizeof *of);
	struct stat st;
	bool exists = stat(path, &st) == 0;

	of->path = xstrdup(path);
	of->slot = -1;

	if (exists && S_ISDIR(st.st_mode)) {
		*error = xasprintf("%s: is a folder", path);
		free(of->path);
		free(of);
		return NULL;
	}
	if ((exists && !S_ISREG(st.st_mode)) || leads_into_devices(path))
		return open_in_place(of, error);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && stat(path, &st) != 0)
		return open_in_place(of, error); /* a dangling link: created as a shell would */
	return open_atomic(of, error);
}

FILE *outfile_stream(const struct outfile *of)
{
	return of->out;
}

static void outfile_free(struct outfile *of)
{
	if (of->slot >= 0)
		temporaries[of->slot] = NULL;
	free(of->tmp_path);
	free(of->final_path);
	free(of->path);
	free(of);
}

void outfile_abort(struct outfile *of)
{
	if (!of)
		return;
	if (of->out)
		fclose(of->out);
	if (of->tmp_path)
		unlink(of->tmp_path);
	outfile_free(of);
}

int outfile_commit(struct outfile *of, char **error)
{
	bool failed = fflush(of->out) != 0 || ferror(of->out) ||
		      (of->tmp_path && fsync(fileno(of->out)) != 0);
	int err = errno;

	if (fclose(of->out) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	of->out = NULL;
	if (failed) {
		*error = xasprintf("%s: cannot write: %s", of->path, strerror(err ? err : EIO));
	} else if (of->tmp_path && rename(of->tmp_path, of->final_path) != 0) {
		*error = xasprintf("%s: cannot move the report into place: %s", of->path,
				   strerror(errno));
		failed = true;
	}
	if (failed && of->tmp_path)
		unlink(of->tmp_path);
	outfile_free(of);
	return failed ? -1 : 0;
}

static void id_set_file(struct outfile_id *id, const struct stat *st)
{
	id->exists = true;
	id->dev = st->st_dev;
	id->ino = st->st_ino;
	id->mode = st->st_mode;
}

void outfile_identify(const char *path, struct outfile_id *id)
{
	char resolved[PATH_MAX];
	struct stat st;
	const char *slash = strrchr(path, '/');
	char *folder = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
			     : xstrdup(".");
	const char *name = slash ? slash + 1 : path;

	memset(id, 0, sizeof *id);
	if (stat(path, &st) == 0)
		id_set_file(id, &st);
	if (realpath(folder, resolved))
		id->where = xasprintf("%s/%s", strcmp(resolved, "/") == 0 ? "" : resolved, name);
	else
		id->where = path_absolute_lexical(path);
	free(folder);
}

void outfile_identify_stdout(struct outfile_id *id)
{
	struct stat st;

	memset(id, 0, sizeof *id);
	if (fstat(STDOUT_FILENO, &st) == 0)
		id_set_file(id, &st);
	id->where = xstrdup("standard output");
}

bool outfile_same(const struct outfile_id *a, const struct outfile_id *b)
{
	if (a->exists && b->exists)
		return a->dev == b->dev && a->ino == b->ino &&
		       !S_ISCHR(a->mode) && !S_ISBLK(a->mode);
	return !a->exists && !b->exists && a->where && b->where && strcmp(a->where, b->where) == 0;
}

void outfile_id_free(struct outfile_id *id)
{
	free(id->where);
	id->where = NULL;
}
