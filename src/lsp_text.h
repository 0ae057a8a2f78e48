/* The language server's open documents: their text, edits to it, and exact
 * conversion between byte offsets and LSP positions (UTF-8 or UTF-16 units). */
#ifndef CJL_LSP_TEXT_H
#define CJL_LSP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum lsp_encoding { LSP_UTF16, LSP_UTF8 };

/* A line and a character offset in the negotiated encoding, both 0-based. */
struct lsp_pos {
	size_t line, character;
};

struct lsp_doc {
	char *uri;                /* owned */
	char *path;               /* file path the uri names, or the uri itself; owned */
	char *language;           /* languageId; owned */
	long version;
	char *text;               /* owned, NUL-terminated */
	size_t len;
	bool dirty;               /* changed since it was last linted */
	/* The index, rebuilt lazily after each change (linear in the text): */
	bool indexed;
	size_t *line_starts;      /* byte offset of each line */
	size_t nlines;
	size_t *mark_units;       /* UTF-16 units before each mark */
	size_t *mark_offsets;     /* a character boundary at or after each stride */
	size_t nmarks;
	void *lint;               /* the features' state for this text; owned by them */
};

struct lsp_docs {
	struct lsp_doc **items;   /* each owned */
	size_t n, cap;
};

void lsp_docs_init(struct lsp_docs *docs);
/* Frees every document; free_lint releases each one's lint state. */
void lsp_docs_free(struct lsp_docs *docs, void (*free_lint)(void *));
struct lsp_doc *lsp_docs_find(const struct lsp_docs *docs, const char *uri);
/* Opens (or replaces) a document; the text is copied. */
struct lsp_doc *lsp_docs_open(struct lsp_docs *docs, const char *uri, const char *language,
			      long version, const char *text, size_t len);
void lsp_docs_close(struct lsp_docs *docs, const char *uri, void (*free_lint)(void *));

/* Replaces the whole text, or (range given) the text between two positions. */
void lsp_doc_replace_all(struct lsp_doc *doc, const char *text, size_t len);
void lsp_doc_replace_range(struct lsp_doc *doc, enum lsp_encoding enc, struct lsp_pos from,
			   struct lsp_pos to, const char *text, size_t len);

/* The byte offset of a position; a character past the line's end is the line's end,
 * a line past the last is the end of the text. */
size_t lsp_doc_offset(struct lsp_doc *doc, enum lsp_encoding enc, struct lsp_pos pos);
/* The position of a byte offset (an offset inside a character counts as its start). */
struct lsp_pos lsp_doc_position(struct lsp_doc *doc, enum lsp_encoding enc, size_t offset);

/* The file path a file: URI names (percent-decoded), or NULL for other schemes;
 * caller frees. */
char *lsp_uri_to_path(const char *uri);

#endif
