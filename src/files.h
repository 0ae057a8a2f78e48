/* Turning command-line arguments into the inputs to lint, one at a time: a walk
 * keeps only the directories it is in, so memory does not grow with the number of
 * files. */
#ifndef CJL_FILES_H
#define CJL_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* What a walk met and could not read, or left out on purpose; listed, never dropped. */
enum walk_skip {
	WALK_READ,             /* an input to read */
	WALK_OUTSIDE_LINK,     /* a symbolic link leading out of the walked folder */
	WALK_SEEN,             /* a folder walked already (reached again through a link) */
	WALK_NOT_REGULAR,      /* a FIFO, device or socket with a request file's name */
};

struct input_file {
	char *path;            /* owned by whoever received it */
	bool walked;           /* found in a directory, not named by the user */
	char *error;           /* the walk could not read this path (owned), or NULL */
	enum walk_skip skip;
};

struct file_walk;

/* Arguments: a file or "-" is an input as it is; a directory gives the *.json,
 * *.yaml and *.yml files below it, each directory's entries in byte order of their
 * names. Directories named .git, .hg, .svn and node_modules are not entered.
 * Every other path met is accounted for, in order: a folder that cannot be read,
 * one nested deeper than FILE_WALK_MAX_DEPTH, a symbolic link back to an enclosing
 * folder or one that cannot be followed comes back with `error` set; a symbolic
 * link leading out of the named folder (a named link is followed), a folder met
 * again and a FIFO or device come back with `skip` set. A path that does not
 * exist is an input, so that reading it reports the error in order. */
#define FILE_WALK_MAX_DEPTH 64
struct file_walk *file_walk_new(char *const *args, size_t nargs);
/* The next input, or false at the end. */
bool file_walk_next(struct file_walk *fw, struct input_file *out);
void file_walk_free(struct file_walk *fw);
void input_file_free(struct input_file *in);

#endif
