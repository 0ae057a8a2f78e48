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

static int compare_names(const void *a, const void *b)
{
	return strcmp(((const struct input_file *)a)->path, ((const struct input_file *)b)->path);
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

/* Directories on the current descent, to stop at a symbolic link back up the tree. */
static void walk_dir(struct file_list *list, const char *dir, struct visited *seen, size_t depth)
{
	struct file_list names = { 0 };
	struct dirent *e;
	struct stat st;
	DIR *d;
	size_t i;

	if (stat(dir, &st) < 0 || depth >= 64)
		return;
	for (i = 0; i < depth; i++)
		if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino)
			return;
	seen[depth].dev = st.st_dev;
	seen[depth].ino = st.st_ino;
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			push(&names, xstrdup(e->d_name), false);
	closedir(d);
	if (names.n > 1)
		qsort(names.items, names.n, sizeof *names.items, compare_names);
	for (i = 0; i < names.n; i++) {
		size_t dl = strlen(dir);
		char *path = strcmp(dir, ".") == 0
				     ? xstrdup(names.items[i].path)
				     : xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
						 names.items[i].path);

		if (stat(path, &st) < 0) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode) && !skipped_dir(names.items[i].path))
			walk_dir(list, path, seen, depth + 1);
		else if (S_ISREG(st.st_mode) && is_request_name(names.items[i].path)) {
			push(list, path, true);
			path = NULL;
		}
		free(path);
	}
	files_free(&names);
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
