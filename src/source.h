/* One input's bytes and the map from byte offsets to lines and columns. */
#ifndef CJL_SOURCE_H
#define CJL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

/* How an input is parsed; SOURCE_GUESS asks source_guess_format. */
enum source_format { SOURCE_GUESS = -1, SOURCE_JSON, SOURCE_YAML };

/* A file's contents, NUL-terminated so scanners may look one byte past the end. */
struct source {
	char *path;              /* as the user named it; owned */
	char *bytes;             /* owned */
	size_t len;
	enum source_format format;
	size_t *line_starts;     /* byte offset of each line start; built lazily */
	size_t *line_chars;      /* code points before each line start */
	size_t nlines;
	struct source_mark *marks; /* every SOURCE_MARK_STRIDE bytes, for columns */
	size_t nmarks;
	struct source_range *masks; /* byte ranges never to show (secrets) */
	size_t nmasks, masks_cap;
	bool masks_unsorted;     /* added out of order since the last lookup */
};

struct source_range {
	size_t start, end;
};

/* A place where code points are known: the first character boundary at or after a
 * multiple of SOURCE_MARK_STRIDE bytes, and the code points before it. Columns are
 * counted from the nearest mark, so a position costs at most a stride of decoding
 * however long its line is. */
struct source_mark {
	size_t offset, chars;
};
#define SOURCE_MARK_STRIDE 256

/* A 1-based line and a 1-based column counted in code points, plus the byte offset. */
struct position {
	unsigned line;
	unsigned column;
	size_t offset;
};

/* Takes ownership of bytes (len bytes plus a NUL at bytes[len]). */
struct source *source_new(const char *path, char *bytes, size_t len, enum source_format format);
void source_free(struct source *src);

/* Format from the file name: .json is JSON, .yaml and .yml are YAML, other names JSON
 * when the first non-blank byte opens an object or array, else YAML. */
enum source_format source_guess_format(const char *path, const char *bytes, size_t len);

/* Line breaks are LF, CRLF and a lone CR, as editors count them. Takes time
 * logarithmic in the file's size plus at most one stride, in any order of calls. */
struct position source_position(struct source *src, size_t offset);
/* Code points in a line, without its line break (0 for a line that is not there). */
unsigned source_line_columns(struct source *src, unsigned line);
/* The byte offset, from the start of the line, of the code point at a 1-based
 * column (the line's length for a column past its end); as fast as source_position. */
size_t source_column_offset(struct source *src, unsigned line, unsigned column);
/* Marks bytes [start, end) as secret: excerpts show them as '*'. */
void source_add_mask(struct source *src, size_t start, size_t end);
/* True when the byte at offset lies in a secret range. Logarithmic in the number
 * of ranges: they are sorted and merged, when needed, at the first lookup after
 * an addition out of order. */
bool source_is_masked(struct source *src, size_t offset);
/* The line holding the offset, without its line break. */
const char *source_line(struct source *src, unsigned line, size_t *len);

#endif
