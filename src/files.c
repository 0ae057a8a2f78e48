/* Turning command-line arguments into the inputs to lint, one at a time. */
#include "files.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#define MAX_WALK_DEPTH 64

/* A directory entry: its name, and whether readdir already knows it is a regular
 * file (which spares a stat for most entries). */
struct entry {
	char *name;
	bool regular;
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
	struct level stack[MAX_WALK_DEPTH];
	size_t depth;
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

static struct entry *read_entries(const char *dir, size_t *n)
{
	struct entry *out = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		out = grow_array(out, &cap, *n + 1, sizeof *out);
		out[*n].name = xstrdup(e->d_name);
		out[*n].regular = e->d_type == DT_REG;
		(*n)++;
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

/* Enters a directory (taking `dir`), unless the walk has been in it before (a
 * symbolic link back up the tree, or to a directory met elsewhere) or is too deep. */
static void enter(struct file_walk *fw, char *dir)
{
	struct level *l;
	struct stat st;

	if (fw->depth == MAX_WALK_DEPTH || stat(dir, &st) < 0 ||
	    !first_visit(fw, st.st_dev, st.st_ino)) {
		free(dir);
		return;
	}
	l = &fw->stack[fw->depth++];
	l->dir = dir;
	l->entries = read_entries(dir, &l->n);
	l->next = 0;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
}

static void leave(struct file_walk *fw)
{
	struct level *l = &fw->stack[--fw->depth];

	while (l->next < l->n)
		free(l->entries[l->next++].name);
	free(l->entries);
	free(l->dir);
}

/* The next request file below the directories entered, or NULL when they are done. */
static char *next_walked(struct file_walk *fw)
{
	while (fw->depth > 0) {
		struct level *l = &fw->stack[fw->depth - 1];
		struct entry *e;
		char *path;
		bool regular, is_dir = false;
		struct stat st;

		if (l->next == l->n) {
			leave(fw);
			continue;
		}
		e = &l->entries[l->next++];
		path = join(l->dir, e->name);
		regular = e->regular;
		if (!regular && stat(path, &st) == 0) {
			regular = S_ISREG(st.st_mode);
			is_dir = S_ISDIR(st.st_mode);
		}
		if (regular && is_request_name(e->name)) {
			free(e->name);
			return path;
		}
		if (is_dir && !skipped_dir(e->name))
			enter(fw, path); /* takes path */
		else
			free(path);
		free(e->name);
	}
	return NULL;
}

struct file_walk *file_walk_new(char *const *args, size_t nargs)
{
	struct file_walk *fw = xcalloc(1, sizeof *fw);

	fw->args = args;
	fw->nargs = nargs;
	return fw;
}

bool file_walk_next(struct file_walk *fw, struct input_file *out)
{
	for (;;) {
		char *path = next_walked(fw);
		const char *arg;
		struct stat st;

		if (path) {
			out->path = path;
			out->walked = true;
			return true;
		}
		if (fw->next_arg == fw->nargs)
			return false;
		arg = fw->args[fw->next_arg++];
		if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			enter(fw, xstrdup(arg));
			continue;
		}
		out->path = xstrdup(arg);
		out->walked = false;
		return true;
	}
}

void file_walk_free(struct file_walk *fw)
{
	if (!fw)
		return;
	while (fw->depth > 0)
		leave(fw);
	free(fw->seen);
	free(fw);
}
