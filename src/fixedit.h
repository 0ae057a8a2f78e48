/* Edits that checks build their fixes from: a scalar rewritten, a plain YAML value
 * quoted, a mapping member or a comment removed, each placed by the exact source
 * ranges of the tree and written in the file's own style. Each returns false (and
 * adds nothing) when the edit cannot be made without risk to the file. */
#ifndef CJL_FIXEDIT_H
#define CJL_FIXEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "fix.h"
#include "source.h"

/* The scalar n becomes the string `text`: in JSON a double-quoted string; in YAML
 * plain when n is plain and `text` reads as a string unquoted, else in n's quotes,
 * else in the file's (src->yaml_quote, or '"'), escaped for them. */
bool fixedit_replace_string(struct fix *fix, const struct source *src, const struct node *n,
			    const char *text);
/* A plain one-line YAML scalar gets quotes around its text as written. */
bool fixedit_quote_plain(struct fix *fix, const struct source *src, const struct node *n);
/* Where a flow collection's `{` or `[` is: past the anchor and tag that start
 * its range. n->end when there is none. */
size_t fixedit_flow_open(const struct source *src, const struct node *n);
/* The source text of a collection from its bracket (fixedit_flow_open) as a YAML
 * double-quoted string ('"', '\' and control characters escaped): the string an
 * unquoted `{...}` or `[...]` was meant to be; an anchor or tag before it is YAML's,
 * not the string's. Caller frees; NULL when the range is not in the source. */
char *fixedit_flow_as_string(const struct source *src, const struct node *n);
/* A YAML flow collection on one line, with no comment, anchor, tag or alias in
 * it, becomes the string of its source text (fixedit_flow_as_string). */
bool fixedit_quote_flow(struct fix *fix, const struct source *src, const struct node *n);
/* Members which[0..count) of a mapping go, with the commas (JSON and flow YAML) or
 * the lines (block YAML) that belong to them. Not done when it would empty a block
 * mapping, for a member brought in by a merge key, or where the text between
 * members holds more than white space and one comma (a comment). */
bool fixedit_remove_members(struct fix *fix, const struct source *src, const struct node *map,
			    const size_t *which, size_t count);
/* A YAML comment [start, end) goes: its whole line when nothing else is on it,
 * else with the blanks before it. */
bool fixedit_remove_comment(struct fix *fix, const struct source *src, size_t start,
			    size_t end);

/* Gives d the fix when the edits could be made (ok), else frees it. */
void fixedit_attach(struct diag *d, struct fix *fix, bool ok);

#endif
