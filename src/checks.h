/* The semantic checks that the request shape names with `check:` (rules CJ2xx and
 * CJ3xx), found by name once, when a shape is loaded. Each receives the node and
 * its shape during the schema walk and only reports. */
#ifndef CJL_CHECKS_H
#define CJL_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct node;
struct shape;
struct request_shape;

/* What a check may do during the schema walk, and nothing more: report a finding
 * where the walk is (or at a child it names), and ask the request shape about job
 * types. The walk itself stays the engine's (walk.h). */
struct check_ctx;

/* `at` is the node as written (maybe an alias), `n` the value, `s` its shape. */
typedef void check_fn(struct check_ctx *c, const struct node *at, const struct node *n,
		      const struct shape *s);

/* Reports a finding at `at` for the current path (DIAG_ARGS or DIAG_NO_ARGS); the
 * returned diag takes a suggestion or a fix. Never NULL. */
struct diag *check_report(struct check_ctx *c, const struct node *at, enum rule_msg msg,
			  const struct diag_pair *args, size_t nargs);
/* Reports a finding about the part [from, to) of string n's text: placed on the
 * source bytes of that part when they are certain (see textspan.h), else on `at`
 * as check_report does. Parts are best reported in the order of their offsets. */
struct diag *check_report_part(struct check_ctx *c, const struct node *at, const struct node *n,
			       size_t from, size_t to, enum rule_msg msg,
			       const struct diag_pair *args, size_t nargs);
/* The path of the next findings goes one member or list entry deeper, until
 * check_leave. */
void check_enter(struct check_ctx *c, const char *member);
void check_enter_index(struct check_ctx *c, size_t index);
void check_leave(struct check_ctx *c);
/* True when the file's findings are at their limit; then one more is counted, so
 * a check can skip composing a costly message. */
bool check_count_if_full(struct check_ctx *c);
/* The text of a string value as it may be shown: masked for secret shapes. */
const char *check_shown(const struct check_ctx *c, const struct node *n, const struct shape *s);
/* The Details member a job Type needs, and the Type a Details member belongs to;
 * NULL when the shape has none. */
const char *check_details_for_type(const struct check_ctx *c, const char *type);
const char *check_type_for_details(const struct check_ctx *c, const char *member);
/* When the request is an untrimmed --generate-cli-skeleton, the number of Details
 * members of other job types (decided once by the engine); else 0. */
size_t check_skeleton_members(const struct check_ctx *c);

/* Fixes: a check offers the repair of a finding it reported; the edits are made
 * by fixedit.h in the file's style. Each returns false and attaches nothing when
 * the edit is not certain to be right for the file (inside an alias's value, whose
 * anchor other places share; a scalar with a tag or an anchor; a block mapping that
 * would be left empty). */
bool check_fix_replace(struct check_ctx *c, struct diag *d, const struct node *n,
		       const char *text, bool safe, const char *description);
/* Replaces the source bytes of the part [from, to) of string n's text by `text`
 * written as it is: the caller passes only characters that read the same in every
 * scalar style (no quote, backslash, blank or line break). False when the part's
 * place is not certain or n is reached through an alias. */
bool check_fix_replace_part(struct check_ctx *c, struct diag *d, const struct node *n,
			    size_t from, size_t to, const char *text, bool safe,
			    const char *description);
/* Removes members which[0..count) of mapping `map`, as one fix. */
bool check_fix_remove_members(struct check_ctx *c, struct diag *d, const struct node *map,
			      const size_t *which, size_t count, bool safe,
			      const char *description);

/* The engine's one skeleton decision (see check_skeleton_members), made before the
 * walk so that no check changes the walk. */
size_t checks_untrimmed_skeleton(const struct request_shape *rs, const struct node *req);

/* The Details mapping of a request whose Type names a known job type, and the
 * member that job needs in *expected; NULL when the request has no such pair. The
 * engine walks no member of another job type in it: check_type_details reports
 * each one whole (CJ201, or CJ221 for a skeleton) as a member to remove. */
const struct node *checks_typed_details(const struct request_shape *rs, const struct node *req,
					const char **expected);

/* The ${...} reference of a KeyPattern shape that a misspelt `name` most likely
 * meant (a case slip first), or NULL. */
const char *checks_likely_reference(const struct shape *s, const char *name);

/* The check named `name` ("md5"), or NULL when this build has none. */
check_fn *checks_find(const char *name);

/* Exposed for unit tests. 1 when s is a canonical base64 MD5 digest. */
int md5_is_canonical(const char *s, size_t len);
/* Base64 of the 16 bytes a 32-digit hex string encodes; caller frees; NULL if not hex. */
char *md5_hex_to_base64(const char *hex, size_t len);
/* The standard padded base64 of a digest in URL-safe or unpadded base64; caller
 * frees; NULL when it is not 16 bytes in either form. */
char *md5_canonical_form(const char *s, size_t len);

#endif
