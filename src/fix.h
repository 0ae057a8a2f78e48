/* Fixes: the repair a finding proposes, as byte-range edits of the file as read.
 * A check attaches a fix to its finding; the fixer applies fixes and the reports
 * and the language server show them. The edits refer to the source bytes exactly,
 * so that every byte outside them stays as the user wrote it. */
#ifndef CJL_FIX_H
#define CJL_FIX_H

#include <stdbool.h>
#include <stddef.h>

/* Replace source bytes [start, end) with `text` (an insertion when start == end,
 * a deletion when text is empty). */
struct fix_edit {
	size_t start, end;
	char *text;               /* owned */
};

struct fix {
	bool safe;                /* the meaning the user intended is certain */
	char *description;        /* "replace with the base64 digest"; owned */
	struct fix_edit *edits;   /* in source order, never overlapping; owned */
	size_t nedits, cap;
};

/* A new fix with no edits; never NULL (allocation failure exits). */
struct fix *fix_new(bool safe, const char *description);
/* Appends one edit; the text is copied. */
void fix_add_edit(struct fix *fix, size_t start, size_t end, const char *text);
void fix_free(struct fix *fix);

#endif
