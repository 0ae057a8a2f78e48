/* Where a part of a string scalar's decoded text lies in the source bytes, found by
 * decoding the scalar again from its source, so that a finding or an edit about
 * one part of a value (a reference in a KeyPattern) can be placed on that part. */
#ifndef CJL_TEXTSPAN_H
#define CJL_TEXTSPAN_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "source.h"

/* How far one scalar has been decoded; zeroed, it has not been started. Asking
 * for parts in the order of their offsets decodes each scalar once. */
struct textspan {
	const struct node *node;  /* the scalar decoded, or NULL */
	size_t pos, body_end;     /* source offsets: the next unit, the closing quote */
	size_t out;               /* decoded bytes matched so far */
	int style;                /* how the body is written (textspan.c) */
	bool failed;              /* the source cannot be mapped with certainty */
	size_t last_from, last_to, last_start, last_end; /* the last part found */
	bool have_last;
	size_t copies_searched;   /* parts of this scalar looked for by copies */
};

/* The quote ('"' or '\'') of a quoted scalar whose range starts and ends with it;
 * 0 for any other (plain, block, tagged, anchored or out of the source). */
char textspan_quote(const struct source *src, const struct node *n);

/* Scalars longer than this in the source are not searched for copies of a part,
 * and no scalar for more parts than TEXTSPAN_MAX_COPIES_SEARCHES: each search
 * reads the whole scalar, so the work stays linear in the file. */
#define TEXTSPAN_MAX_COPIES_RANGE 65536
#define TEXTSPAN_MAX_COPIES_SEARCHES 16

/* The source range [*start, *end) that decodes to n->text[from, to). True only
 * when it is certain: the scalar is JSON, or a YAML plain, single- or double-quoted
 * scalar on one line without tag or anchor, and decoding its source again gives
 * its text byte for byte up to `to`, with `from` and `to` between escapes; or a
 * YAML block or multi-line plain scalar (which has no escapes) and a part without
 * blanks or line breaks that the source holds as often as the text does. Else
 * false (a multi-line quoted scalar, a comment in the way): callers keep the whole
 * value. */
bool textspan_find(struct textspan *ts, const struct source *src, const struct node *n,
		   size_t from, size_t to, size_t *start, size_t *end);

#endif
