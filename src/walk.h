/* The state of one schema walk: the request shape, the path from the root to the
 * node being checked, and where findings go. The engine drives it; the semantic
 * checks report through it. */
#ifndef CJL_WALK_H
#define CJL_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "awscli.h"
#include "checks.h"
#include "diag.h"
#include "doc.h"
#include "shape.h"
#include "source.h"
#include "textspan.h"

struct path_segment {
	const char *name;    /* member name, or NULL for a list index */
	size_t index;
};

/* The state of one walk, handed to the semantic checks. */
struct schema_walk {
	const struct request_shape *rs;
	struct source *src;
	struct diag_list *out;
	struct path_segment *path;
	size_t depth, cap;
	size_t budget;       /* node visits left; aliases can multiply visits */
	bool exhausted;
	bool too_deep;       /* the shape nests deeper than ENGINE_MAX_DEPTH (a --rules cycle) */
	const struct node *alias; /* the outermost alias being walked through, or NULL */
	size_t skeleton;     /* an untrimmed --generate-cli-skeleton: other job types' members */
	const struct node *job_details; /* Details when Type names a known job, or NULL */
	const char *job_member;         /* the member of job_details that Type needs */
	const struct awscli_version *target; /* the AWS CLI the file is for, or NULL */
	const struct node *key; /* the key of the member being walked (NULL in a list entry
				 * or at the top): where a YAML block mapping's missing
				 * members are reported */
	char *shown[2];      /* walk_shown's copies of values that hold NUL, reused in turn */
	unsigned next_shown;
};

/* What a check sees of the walk (checks.h). */
struct check_ctx {
	struct schema_walk *walk;
	struct textspan span; /* the scalar whose parts findings were placed on */
};


void walk_push_member(struct schema_walk *w, const char *name);
void walk_push_index(struct schema_walk *w, size_t index);
void walk_pop(struct schema_walk *w);
/* "Details.ExportAssetsToS3.AssetDestinations[0].Bucket"; caller frees. */
char *walk_dotted(const struct schema_walk *w);
/* "/Details/ExportAssetsToS3/AssetDestinations/0/Bucket"; caller frees. */
char *walk_pointer(const struct schema_walk *w);
/* The text of a string value as it may be shown: masked for secret shapes, a NUL
 * written as \x00 (up to WALK_SHOWN_MAX bytes of such a value; messages cut
 * values shorter than that anyway). */
#define WALK_SHOWN_MAX 1024
const char *walk_shown(struct schema_walk *w, const struct node *n, const struct shape *s);
/* Frees what the walk owns (the path and the shown copies). */
void walk_release(struct schema_walk *w);
/* Reports a finding at node `at` for the current path; the argument "path" (the
 * dotted path) is added after the `nargs` pairs (pass DIAG_ARGS or DIAG_NO_ARGS).
 * Inside an alias's value the finding is placed on the alias and names the
 * anchor's line. */
struct diag *walk_report(struct schema_walk *w, const struct node *at, enum rule_msg msg,
			 const struct diag_pair *args, size_t nargs);

/* The fixes of findings made during the walk (checks.h says when they are made);
 * `at` is the node as written, so that a value reached through an alias, whose
 * anchor other places share, is never edited. */
bool walk_fix_replace(struct schema_walk *w, struct diag *d, const struct node *at,
		      const char *text, bool safe, const char *description);
bool walk_fix_remove_members(struct schema_walk *w, struct diag *d, const struct node *map,
			     const size_t *which, size_t count, bool safe,
			     const char *description);

#endif
