/* Turning command-line arguments into the list of inputs to lint. */
#include "files.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

struct visited {
	dev_t dev;
	ino_t ino;
};

static void push(struct file_list *list, char *path, bool walked)
{
	list->items = grow_array(list->items, &list->cap, list->n + 1, sizeof *list->items);
	list->items[list->n].path = path;
	list->items[list->n].walked = walked;
	list->n++;
}

/* A directory entry: its name, and whether readdir already knows it is a regular
 * file (which spares a stat for most entries). */
struct entry {
	char *name;
	bool regular;
};

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static int is_request_name(const char *name)
{
	return str_has_suffix(name, ".json") || str_has_suffix(name, ".yaml") ||
	       str_has_suffix(name, ".yml");
}

static int skipped_dir(const char *name)
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

/* `seen` holds the directories on the current descent, to stop at a symbolic link
 * back up the tree. */
static void walk_dir(struct file_list *list, const char *dir, struct visited *seen, size_t depth)
{
	struct entry *entries;
	struct stat st;
	size_t i, n;

	if (stat(dir, &st) < 0 || depth >= 64)
		return;
	for (i = 0; i < depth; i++)
		if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino)
			return;
	seen[depth].dev = st.st_dev;
	seen[depth].ino = st.st_ino;
	entries = read_entries(dir, &n);
	for (i = 0; i < n; i++) {
		char *path = join(dir, entries[i].name);
		bool regular = entries[i].regular, is_dir = false;

		if (!regular && stat(path, &st) == 0) {
			regular = S_ISREG(st.st_mode);
			is_dir = S_ISDIR(st.st_mode);
		}
		if (regular && is_request_name(entries[i].name)) {
			push(list, path, true);
			path = NULL;
		} else if (is_dir && !skipped_dir(entries[i].name)) {
			walk_dir(list, path, seen, depth + 1);
		}
		free(path);
		free(entries[i].name);
	}
	free(entries);
}

void files_add(struct file_list *list, const char *arg)
{
	struct stat st;

	if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		struct visited seen[64];

		walk_dir(list, arg, seen, 0);
		return;
	}
	push(list, xstrdup(arg), false);
}

void files_free(struct file_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->items[i].path);
	free(list->items);
	memset(list, 0, sizeof *list);
}
