/* The CreateJob request shape (rules/shape.yaml) that the schema engine enforces. */
#ifndef CJL_SHAPE_H
#define CJL_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "rulesfile.h"

enum shape_type { SHAPE_STRUCTURE, SHAPE_LIST, SHAPE_STRING };

struct shape;

struct shape_member {
	const char *name;
	const struct shape *shape;
	bool required;
	const char *since;        /* model date the member appeared, or NULL */
};

struct shape {
	const char *name;
	enum shape_type type;
	struct shape_member *members;  /* structures */
	size_t nmembers;
	const struct shape *item;      /* lists */
	long min, max;                 /* string length or list size; -1 when unset */
	const char **enums;            /* strings */
	size_t nenums;
	const char *pattern;           /* matched against the whole value */
	const char *pattern_text;
	const char *check;             /* semantic check name, or NULL */
	const char **references;       /* key-pattern references */
	size_t nreferences;
};

struct type_detail {
	const char *type;              /* "EXPORT_REVISIONS_TO_S3" */
	const char *member;            /* "ExportRevisionsToS3" */
};

struct request_shape {
	const struct shape *root;
	struct shape *shapes;
	size_t nshapes;
	struct type_detail *type_details;
	size_t ntype_details;
	const char *model_source;
	struct rulesfile file;         /* owns every string */
};

int shape_load(struct request_shape *rs, const char *path, const char *text, size_t len,
	       char **error);
int shape_load_file(struct request_shape *rs, const char *path, char **error);
int shape_load_builtin(struct request_shape *rs, char **error);
void shape_free(struct request_shape *rs);

const struct shape_member *shape_member(const struct shape *s, const char *name);
/* The Details member a job type needs, or NULL for an unknown type. */
const char *shape_details_for_type(const struct request_shape *rs, const char *type);
/* The job type whose Details member is `member`, or NULL. */
const char *shape_type_for_details(const struct request_shape *rs, const char *member);

#endif
