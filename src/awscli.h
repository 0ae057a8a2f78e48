/* AWS CLI v2 versions: the CLI a request file is meant for (--aws-cli, aws-cli:),
 * parsed and compared with the first version that knows a member. */
#ifndef CJL_AWSCLI_H
#define CJL_AWSCLI_H

#include <stdbool.h>
#include <stddef.h>

/* The newest version whose members are all tracked: every member newer than it
 * names its first version in rules/shape.yaml; older ones are assumed known. */
#define AWSCLI_TRACKED_FROM "2.9.19"

struct awscli_version {
	bool set;                 /* false: no target, members are only noted */
	unsigned part[3];         /* major, minor, patch; a part not written is 0 */
	unsigned nparts;          /* how many were written: "2.11" is shown as written */
};

/* Parses "2", "2.11" or "2.11.3"; returns 0, or -1 with *error set (caller frees)
 * saying what is expected. */
int awscli_version_parse(const char *text, struct awscli_version *out, char **error);
/* <0, 0, >0 as a is older than, the same as, or newer than b. */
int awscli_version_compare(const struct awscli_version *a, const struct awscli_version *b);
/* The version as written ("2.11"); buf of at least AWSCLI_VERSION_TEXT bytes. */
#define AWSCLI_VERSION_TEXT 40
const char *awscli_version_text(const struct awscli_version *v, char *buf, size_t size);
/* True when the target CLI predates the first version that knows a member (given as
 * text from the shape); false with no target or no first version. */
bool awscli_lacks(const struct awscli_version *target, const char *first);

#endif
