/* Where a cursor is in a request being typed: the member path to its container,
 * whether it is on a member name or a value, and the names around it. Read from
 * the text itself (JSON tokens, YAML indentation), so that it works while the
 * document does not parse. */
#ifndef CJL_LSP_WHERE_H
#define CJL_LSP_WHERE_H

#include <stdbool.h>
#include <stddef.h>

#include "source.h"

#define LSP_WHERE_MAX_DEPTH 64

/* Bytes of the text; ptr NULL for none (in a path: a list item). */
struct lsp_span {
	const char *ptr;
	size_t len;
};

struct lsp_where {
	struct lsp_span path[LSP_WHERE_MAX_DEPTH]; /* member names down to the container */
	size_t depth;
	bool container_is_list;  /* the cursor is among a list's items */
	bool in_key;             /* on (or where there would be) a member name */
	struct lsp_span key;     /* the name typed so far, or the member whose value it is */
	size_t word_start, word_end; /* the token at the cursor, to replace */
	bool quoted;             /* JSON: that token is a string with its quotes */
	struct lsp_span *present; /* names already in the container; owned */
	size_t npresent, present_cap;
	struct lsp_span type;    /* the Type value beside the container, if any */
};

/* Fills w for the cursor at byte `offset` of text; false when the cursor is not in
 * a place the scanner understands (a comment, too deep). */
bool lsp_where_find(const char *text, size_t len, enum source_format format, size_t offset,
		    struct lsp_where *w);
void lsp_where_free(struct lsp_where *w);
bool lsp_span_is(struct lsp_span s, const char *word);

#endif
