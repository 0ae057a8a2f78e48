/* Reading YAML data files through the document tree (the rules of rules/, a
 * --rules folder, and configuration files), with errors that name the file, line
 * and column, and the limits of a request. */
#ifndef CJL_YAMLDATA_H
#define CJL_YAMLDATA_H

#include "diag.h"
#include "doc.h"
#include "source.h"

/* Rules files and configuration files are held to the limits of a request: size
 * here, depth and nodes in the loader, and alias expansion by yamldata_visit. */
#define YAMLDATA_MAX_SIZE ((size_t)1 << 20)

struct yamldata {
	struct source *src;
	struct doc *doc;
	char *error;          /* first problem found, "path:line:col: text"; owned */
	size_t budget;        /* values that may still be read, aliases expanded */
	/* When yamldata_open fails: what the loader found, for a reader with the rule
	 * catalog to word as it words a request's (configfile.c). */
	struct diag_list problems;
};

/* Reads a data file whole, up to YAMLDATA_MAX_SIZE; returns 0, or -1 with *error set
 * ("path: why", caller frees). */
int yamldata_read(const char *path, char **text, size_t *len, char **error);
/* Loads YAML text (copied) named `path`; returns 0, or -1 with rf->error set. */
int yamldata_open(struct yamldata *rf, const char *path, const char *text, size_t len);
void yamldata_close(struct yamldata *rf);

/* Records an error at a node (only the first one is kept); returns -1. */
int yamldata_fail(struct yamldata *rf, const struct node *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Counts reading a value (a list's items, a mapping's members, or a scalar) against
 * the budget, so that aliases cannot make reading a small file unbounded work.
 * Returns -1 (error recorded) once the file expands past the node limit, or when a
 * mapping gives one key twice (the second would silently undo the first). */
int yamldata_visit(struct yamldata *rf, const struct node *at);
/* The text of a member's key, or NULL after recording an error when the key is not
 * a string (a list or mapping used as a key). */
const char *yamldata_key(struct yamldata *rf, const struct member *m);
/* A required string member of a mapping, or NULL after recording an error. */
const char *yamldata_string(struct yamldata *rf, const struct node *map, const char *key);
/* An optional string member: NULL when absent, error when not a string. */
const char *yamldata_opt_string(struct yamldata *rf, const struct node *map, const char *key);

#endif
