/* Turning command-line arguments into the list of inputs to lint. */
#ifndef CJL_FILES_H
#define CJL_FILES_H

#include <stdbool.h>
#include <stddef.h>

struct input_file {
	char *path;            /* owned */
	bool walked;           /* found in a directory, not named by the user */
};

struct file_list {
	struct input_file *items;
	size_t n, cap;
};

/* Appends `arg`: a file or "-" as it is, a directory as the *.json, *.yaml and *.yml
 * files below it, each directory's entries sorted by name. Directories named .git, .hg, .svn
 * and node_modules are not entered; FIFOs, devices and symbolic-link loops met on
 * the way are skipped. A path that does not exist is kept, so that reading it
 * reports the error in order with the rest. */
void files_add(struct file_list *list, const char *arg);
void files_free(struct file_list *list);

#endif
