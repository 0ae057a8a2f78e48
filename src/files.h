/* Turning command-line arguments into the inputs to lint, one at a time: a walk
 * keeps only the directories it is in, so memory does not grow with the number of
 * files. */
#ifndef CJL_FILES_H
#define CJL_FILES_H

#include <stdbool.h>
#include <stddef.h>

struct input_file {
	char *path;            /* owned by whoever received it */
	bool walked;           /* found in a directory, not named by the user */
};

struct file_walk;

/* Arguments: a file or "-" is an input as it is; a directory gives the *.json,
 * *.yaml and *.yml files below it, each directory's entries in byte order of their
 * names. Directories named .git, .hg, .svn and node_modules are not entered;
 * FIFOs, devices and symbolic-link loops met on the way are skipped. A path that
 * does not exist is an input, so that reading it reports the error in order. */
struct file_walk *file_walk_new(char *const *args, size_t nargs);
/* The next input, or false at the end. */
bool file_walk_next(struct file_walk *fw, struct input_file *out);
void file_walk_free(struct file_walk *fw);

#endif
