/* Reading the YAML files of rules/ (catalog and shape) through the document tree,
 * with errors that name the file, line and column. */
#ifndef CJL_RULESFILE_H
#define CJL_RULESFILE_H

#include "doc.h"
#include "source.h"

/* Rules files and configuration files are held to the limits of a request: size
 * here, depth and nodes in the loader, and alias expansion by rulesfile_visit. */
#define RULESFILE_MAX_SIZE ((size_t)1 << 20)

struct rulesfile {
	struct source *src;
	struct doc *doc;
	char *error;          /* first problem found, "path:line:col: text"; owned */
	size_t budget;        /* values that may still be read, aliases expanded */
};

/* Loads YAML text (copied) named `path`; returns 0, or -1 with rf->error set. */
int rulesfile_open(struct rulesfile *rf, const char *path, const char *text, size_t len);
void rulesfile_close(struct rulesfile *rf);

/* Records an error at a node (only the first one is kept); returns -1. */
int rulesfile_fail(struct rulesfile *rf, const struct node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Counts reading a value (a list's items, a mapping's members, or a scalar) against
 * the budget, so that aliases cannot make reading a small file unbounded work.
 * Returns -1 (error recorded) once the file expands past the node limit. */
int rulesfile_visit(struct rulesfile *rf, const struct node *at);
/* The text of a member's key, or NULL after recording an error when the key is not
 * a string (a list or mapping used as a key). */
const char *rulesfile_key(struct rulesfile *rf, const struct member *m);
/* A required string member of a mapping, or NULL after recording an error. */
const char *rulesfile_string(struct rulesfile *rf, const struct node *map, const char *key);
/* An optional string member: NULL when absent, error when not a string. */
const char *rulesfile_opt_string(struct rulesfile *rf, const struct node *map, const char *key);

#endif
