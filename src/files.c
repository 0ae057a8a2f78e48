/* Turning command-line arguments into the inputs to lint, one at a time. */
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

/* A directory entry: its name, and its type as readdir knows it (DT_REG spares a
 * stat for most entries). */
struct entry {
	char *name;
	unsigned char type;
};

/* A directory being walked: its sorted entries and the next one to look at. */
struct level {
	char *dir;
	struct entry *entries;
	size_t n, next;
	dev_t dev;
	ino_t ino;
};

/* Every directory entered, by device and inode: symbolic links can make a tree a
 * graph, and entering a directory a second time could repeat exponentially. */
struct seen_dir {
	dev_t dev;
	ino_t ino;
	bool used;
};

struct file_walk {
	char *const *args;
	size_t nargs, next_arg;
	struct level stack[FILE_WALK_MAX_DEPTH];
	size_t depth;
	char *root;              /* the named folder being walked, resolved; NULL if unknown */
	struct seen_dir *seen;   /* open addressing, at most half full */
	size_t nseen, seen_cap;
};

/* Records a directory; false when it was entered before. */
static bool first_visit(struct file_walk *fw, dev_t dev, ino_t ino)
{
	size_t i, mask;

	if (2 * (fw->nseen + 1) > fw->seen_cap) {
		struct seen_dir *old = fw->seen;
		size_t old_cap = fw->seen_cap;

		fw->seen_cap = old_cap ? old_cap * 2 : 64;
		fw->seen = xcalloc(fw->seen_cap, sizeof *fw->seen);
		fw->nseen = 0;
		for (i = 0; i < old_cap; i++)
			if (old[i].used)
				first_visit(fw, old[i].dev, old[i].ino);
		free(old);
	}
	mask = fw->seen_cap - 1;
	for (i = ((size_t)ino * 0x9E3779B97F4A7C15ULL ^ (size_t)dev) & mask; fw->seen[i].used;
	     i = (i + 1) & mask)
		if (fw->seen[i].dev == dev && fw->seen[i].ino == ino)
			return false;
	fw->seen[i].dev = dev;
	fw->seen[i].ino = ino;
	fw->seen[i].used = true;
	fw->nseen++;
	return true;
}

/* True when the directory is one the walk is inside of: entering it again would
 * go round for ever. */
static bool is_enclosing(const struct file_walk *fw, const struct stat *st)
{
	size_t i;

	for (i = 0; i < fw->depth; i++)
		if (fw->stack[i].dev == st->st_dev && fw->stack[i].ino == st->st_ino)
			return true;
	return false;
}

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static bool is_request_name(const char *name)
{
	return str_has_suffix(name, ".json") || str_has_suffix(name, ".yaml") ||
	       str_has_suffix(name, ".yml");
}

static bool skipped_dir(const char *name)
{
	return strcmp(name, ".git") == 0 || strcmp(name, ".hg") == 0 ||
	       strcmp(name, ".svn") == 0 || strcmp(name, "node_modules") == 0;
}

static void free_entries(struct entry *entries, size_t from, size_t n)
{
	while (from < n)
		free(entries[from++].name);
	free(entries);
}

/* The entries of a directory, sorted; NULL with *error set when it cannot be
 * read to the end (a partial listing would drop files unseen). */
static struct entry *read_entries(const char *dir, size_t *n, char **error)
{
	struct entry *out = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	if (!d) {
		*error = xasprintf("cannot read the folder: %s", strerror(errno));
		return NULL;
	}
	for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		out = grow_array(out, &cap, *n + 1, sizeof *out);
		out[*n].name = xstrdup(e->d_name);
		out[*n].type = e->d_type;
		(*n)++;
	}
	if (errno != 0) {
		*error = xasprintf("cannot read the folder: %s", strerror(errno));
		free_entries(out, 0, *n);
		closedir(d);
		return NULL;
	}
	closedir(d);
	if (*n > 1)
		qsort(out, *n, sizeof *out, compare_entries);
	return out;
}

static char *join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
}

/* Hands back a path met in a walk (taking path and error): an input, an error or
 * a skip. Always true, for the callers' "something to hand back". */
static bool hand_back(struct input_file *out, char *path, char *error, enum walk_skip skip)
{
	out->path = path;
	out->walked = true;
	out->error = error;
	out->skip = skip;
	return true;
}

static bool walk_error(struct input_file *out, char *path, const char *why, int err)
{
	return hand_back(out, path, xasprintf("%s: %s", why, strerror(err)), WALK_READ);
}

/* Enters a directory (taking `dir`). When it cannot (unreadable, too deep, a link
 * back to an enclosing folder) or need not (walked before), returns true with
 * *out saying so. */
static bool enter(struct file_walk *fw, char *dir, struct input_file *out)
{
	struct level *l;
	struct stat st;
	struct entry *entries;
	size_t n;
	char *error = NULL;

	if (stat(dir, &st) < 0)
		return walk_error(out, dir, "cannot read the folder", errno);
	if (is_enclosing(fw, &st))
		return hand_back(out, dir, xstrdup("symbolic link loop: it leads back to a folder "
						   "that encloses it"), WALK_READ);
	if (fw->depth == FILE_WALK_MAX_DEPTH)
		return hand_back(out, dir, xasprintf("folder nesting past the limit of %d levels; "
						     "not walked", FILE_WALK_MAX_DEPTH),
				 WALK_READ);
	if (!first_visit(fw, st.st_dev, st.st_ino))
		return hand_back(out, dir, NULL, WALK_SEEN);
	entries = read_entries(dir, &n, &error);
	if (error)
		return hand_back(out, dir, error, WALK_READ);
	l = &fw->stack[fw->depth++];
	l->dir = dir;
	l->entries = entries;
	l->n = n;
	l->next = 0;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	return false;
}

static void leave(struct file_walk *fw)
{
	struct level *l = &fw->stack[--fw->depth];

	free_entries(l->entries, l->next, l->n);
	free(l->dir);
}

static bool is_link(const struct entry *e, const char *path)
{
	struct stat st;

	if (e->type != DT_UNKNOWN)
		return e->type == DT_LNK;
	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* True when path, resolved, is the walked folder or below it. */
static bool inside_root(const struct file_walk *fw, const char *path)
{
	char *real = fw->root ? realpath(path, NULL) : NULL;
	size_t n = fw->root ? strlen(fw->root) : 0;
	bool inside = real && strncmp(real, fw->root, n) == 0 &&
		      (real[n] == '/' || real[n] == '\0' || strcmp(fw->root, "/") == 0);

	free(real);
	return inside;
}

/* One entry of the directory being walked (taking path): true with *out set when
 * it is something to hand back, false when it is not a request file's name or a
 * folder was entered. */
static bool look_at(struct file_walk *fw, char *path, const struct entry *e,
		    struct input_file *out)
{
	bool request = is_request_name(e->name);
	struct stat st;

	if (e->type == DT_REG) {
		if (request)
			return hand_back(out, path, NULL, WALK_READ);
		free(path);
		return false;
	}
	if (stat(path, &st) < 0) {
		/* A link to nothing holds no request unless it has a request's name; a
		 * link loop, or a folder that cannot be searched, may hide some. */
		int err = errno;

		if (request || (err != ENOENT && err != ENOTDIR))
			return walk_error(out, path, is_link(e, path) ? "cannot follow" : "cannot read",
					  err);
		free(path);
		return false;
	}
	if (S_ISDIR(st.st_mode) ? skipped_dir(e->name) : !request) {
		free(path);
		return false;
	}
	if (is_link(e, path) && !inside_root(fw, path))
		return hand_back(out, path, NULL, WALK_OUTSIDE_LINK);
	if (S_ISDIR(st.st_mode))
		return enter(fw, path, out);
	return hand_back(out, path, NULL, S_ISREG(st.st_mode) ? WALK_READ : WALK_NOT_REGULAR);
}

/* The next path to hand back from the directories entered; false when they are done. */
static bool next_walked(struct file_walk *fw, struct input_file *out)
{
	while (fw->depth > 0) {
		struct level *l = &fw->stack[fw->depth - 1];
		struct entry *e;
		bool found;

		if (l->next == l->n) {
			leave(fw);
			continue;
		}
		e = &l->entries[l->next++];
		found = look_at(fw, join(l->dir, e->name), e, out);
		free(e->name);
		if (found)
			return true;
	}
	return false;
}

struct file_walk *file_walk_new(char *const *args, size_t nargs)
{
	struct file_walk *fw = xcalloc(1, sizeof *fw);

	fw->args = args;
	fw->nargs = nargs;
	return fw;
}

/* Starts walking a named directory: links below it may not lead out of it. */
static bool enter_named(struct file_walk *fw, const char *arg, struct input_file *out)
{
	free(fw->root);
	fw->root = realpath(arg, NULL); /* NULL: every link below counts as leading out */
	if (!enter(fw, xstrdup(arg), out))
		return false;
	out->walked = false;
	return true;
}

bool file_walk_next(struct file_walk *fw, struct input_file *out)
{
	memset(out, 0, sizeof *out);
	for (;;) {
		const char *arg;
		struct stat st;

		if (next_walked(fw, out))
			return true;
		if (fw->next_arg == fw->nargs)
			return false;
		arg = fw->args[fw->next_arg++];
		if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (enter_named(fw, arg, out))
				return true;
			continue;
		}
		out->path = xstrdup(arg);
		return true;
	}
}

void file_walk_free(struct file_walk *fw)
{
	if (!fw)
		return;
	while (fw->depth > 0)
		leave(fw);
	free(fw->root);
	free(fw->seen);
	free(fw);
}

void input_file_free(struct input_file *in)
{
	free(in->path);
	free(in->error);
	memset(in, 0, sizeof *in);
}
