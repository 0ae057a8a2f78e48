/* Unified diffs of a file before and after fixing, as `diff -u` and git print them. */
#ifndef CJL_UDIFF_H
#define CJL_UDIFF_H

#include <stddef.h>
#include <stdio.h>

/* Lines of context around each change. */
#define UDIFF_CONTEXT 3
/* Most differing lines the minimal diff looks for; past it the whole file is shown
 * as replaced, so that the work stays bounded whatever the input. */
#define UDIFF_MAX_EDITS 1000

/* Writes "--- a/PATH", "+++ b/PATH" and the hunks turning a into b (nothing when
 * they are equal). The path goes through the escaping boundary; the lines are
 * written as they are, CR included, with "\ No newline at end of file" where a
 * last line has none. */
void udiff_write(FILE *out, const char *path, const char *a, size_t alen, const char *b,
		 size_t blen);

#endif
