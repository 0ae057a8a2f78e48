/* One input's bytes and the map from byte offsets to lines and columns. */
#include "source.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct source *source_new(const char *path, char *bytes, size_t len, enum source_format format)
{
	struct source *src = xcalloc(1, sizeof *src);

	src->path = xstrdup(path);
	src->bytes = bytes;
	src->len = len;
	src->format = format;
	return src;
}

void source_free(struct source *src)
{
	if (!src)
		return;
	free(src->path);
	free(src->bytes);
	free(src->line_starts);
	free(src->line_chars);
	free(src->marks);
	free(src->masks);
	free(src);
}

enum source_format source_guess_format(const char *path, const char *bytes, size_t len)
{
	size_t i = 0;

	if (str_has_suffix(path, ".json"))
		return SOURCE_JSON;
	if (str_has_suffix(path, ".yaml") || str_has_suffix(path, ".yml"))
		return SOURCE_YAML;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", bytes[i]))
		i++;
	return i < len && (bytes[i] == '{' || bytes[i] == '[') ? SOURCE_JSON : SOURCE_YAML;
}

/* The decoding steps of utf8_count, so that marks fall where it would pass. */
static size_t char_width(const struct source *src, size_t i)
{
	const unsigned char *s = (const unsigned char *)src->bytes;
	uint32_t cp;
	size_t w;

	if (s[i] < 0x80)
		return 1;
	w = utf8_decode(s + i, src->len - i, &cp);
	return w ? w : 1;
}

static void add_line(struct source *src, size_t *cap, size_t start, size_t chars)
{
	size_t old_cap = *cap;

	src->line_starts = grow_array(src->line_starts, cap, src->nlines + 1,
				      sizeof *src->line_starts);
	if (*cap != old_cap) /* line_chars keeps the capacity of line_starts */
		src->line_chars = xrealloc(src->line_chars, *cap * sizeof *src->line_chars);
	src->line_starts[src->nlines] = start;
	src->line_chars[src->nlines++] = chars;
}

/* One pass over the bytes: where each line starts and, every stride, how many code
 * points lie before. A line break is ASCII, so the pass is at a character boundary
 * at every line start, as utf8_count is when it counts a line from its start. */
static void build_line_index(struct source *src)
{
	size_t cap = 0, i = 0, chars = 0, next_mark = 0;

	src->marks = xcalloc(src->len / SOURCE_MARK_STRIDE + 1, sizeof *src->marks);
	add_line(src, &cap, 0, 0);
	while (i < src->len) {
		char c = src->bytes[i];

		if (i >= next_mark) {
			src->marks[src->nmarks].offset = i;
			src->marks[src->nmarks++].chars = chars;
			next_mark = (i / SOURCE_MARK_STRIDE + 1) * SOURCE_MARK_STRIDE;
		}
		if (c != '\n' && c != '\r') {
			i += char_width(src, i);
			chars++;
			continue;
		}
		if (c == '\r' && i + 1 < src->len && src->bytes[i + 1] == '\n') {
			i++;
			chars++;
		}
		i++;
		chars++;
		add_line(src, &cap, i, chars);
	}
}

/* In an array of n records of `size` bytes sorted by the size_t at byte `field` of
 * each, the index of the last record whose field is <= value (0 when none is). */
static size_t last_at_most(const void *records, size_t n, size_t size, size_t field,
			   size_t value)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2, key;

		memcpy(&key, (const char *)records + mid * size + field, sizeof key);
		if (key <= value)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Index of the last line start that is <= offset. */
static size_t line_of(const struct source *src, size_t offset)
{
	return last_at_most(src->line_starts, src->nlines, sizeof *src->line_starts, 0, offset);
}

/* Code points from the start of line `line` (0-based) to offset, counted from the
 * last mark between them. */
static size_t chars_into_line(const struct source *src, size_t line, size_t offset)
{
	size_t k = offset / SOURCE_MARK_STRIDE, from = src->line_starts[line], before = 0;

	if (k >= src->nmarks)
		k = src->nmarks ? src->nmarks - 1 : 0;
	if (k > 0 && src->nmarks && src->marks[k].offset > offset)
		k--;
	if (src->nmarks && src->marks[k].offset <= offset && src->marks[k].offset > from) {
		before = src->marks[k].chars - src->line_chars[line];
		from = src->marks[k].offset;
	}
	return before + utf8_count(src->bytes + from, offset - from);
}

static void need_line_index(struct source *src)
{
	if (!src->line_starts)
		build_line_index(src);
}

struct position source_position(struct source *src, size_t offset)
{
	struct position pos;
	size_t line;

	need_line_index(src);
	if (offset > src->len)
		offset = src->len;
	line = line_of(src, offset);
	pos.line = (unsigned)line + 1;
	pos.column = (unsigned)chars_into_line(src, line, offset) + 1;
	pos.offset = offset;
	return pos;
}

unsigned source_line_columns(struct source *src, unsigned line)
{
	size_t len;
	const char *text = source_line(src, line, &len);

	if (line == 0 || line > src->nlines)
		return 0;
	return (unsigned)chars_into_line(src, line - 1, (size_t)(text - src->bytes) + len);
}

/* The last mark with at most `chars` code points before it (marks[0] has none). */
static const struct source_mark *mark_before_char(const struct source *src, size_t chars)
{
	return &src->marks[last_at_most(src->marks, src->nmarks, sizeof *src->marks,
					offsetof(struct source_mark, chars), chars)];
}

size_t source_column_offset(struct source *src, unsigned line, unsigned column)
{
	size_t len, i, chars, want;
	const char *text = source_line(src, line, &len);
	size_t start = (size_t)(text - src->bytes), end = start + len;
	const struct source_mark *mark;

	if (line == 0 || line > src->nlines || column <= 1)
		return 0;
	if (column - 1 >= source_line_columns(src, line))
		return len;
	want = src->line_chars[line - 1] + column - 1;
	i = start;
	chars = src->line_chars[line - 1];
	mark = src->nmarks ? mark_before_char(src, want) : NULL;
	if (mark && mark->offset > start && mark->offset <= end) {
		i = mark->offset;
		chars = mark->chars;
	}
	while (chars < want && i < end) {
		i += char_width(src, i);
		chars++;
	}
	return (i < end ? i : end) - start;
}

const char *source_line(struct source *src, unsigned line, size_t *len)
{
	size_t start, end;

	need_line_index(src);
	if (line == 0 || line > src->nlines) {
		*len = 0;
		return "";
	}
	start = src->line_starts[line - 1];
	end = line < src->nlines ? src->line_starts[line] : src->len;
	while (end > start && (src->bytes[end - 1] == '\n' || src->bytes[end - 1] == '\r'))
		end--;
	*len = end - start;
	return src->bytes + start;
}

void source_add_mask(struct source *src, size_t start, size_t end)
{
	struct source_range *last = src->nmasks ? &src->masks[src->nmasks - 1] : NULL;

	if (start >= end)
		return;
	if (last && start >= last->start && start <= last->end) {
		/* Within or just after the last range (the same secret seen again): grow it. */
		if (end > last->end)
			last->end = end;
		return;
	}
	src->masks_unsorted |= last && start < last->start;
	src->masks = grow_array(src->masks, &src->masks_cap, src->nmasks + 1, sizeof *src->masks);
	src->masks[src->nmasks].start = start;
	src->masks[src->nmasks].end = end;
	src->nmasks++;
}

static int compare_ranges(const void *a, const void *b)
{
	const struct source_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Sorts the ranges by start and merges those that overlap, so that they are disjoint. */
static void normalize_masks(struct source *src)
{
	size_t i, kept = 0;

	qsort(src->masks, src->nmasks, sizeof *src->masks, compare_ranges);
	for (i = 0; i < src->nmasks; i++) {
		struct source_range *prev = kept ? &src->masks[kept - 1] : NULL;

		if (prev && src->masks[i].start <= prev->end) {
			if (src->masks[i].end > prev->end)
				prev->end = src->masks[i].end;
		} else {
			src->masks[kept++] = src->masks[i];
		}
	}
	src->nmasks = kept;
	src->masks_unsorted = false;
}

bool source_is_masked(struct source *src, size_t offset)
{
	size_t i;

	if (src->masks_unsorted)
		normalize_masks(src);
	/* The last range that starts at or before offset; in order, ranges are disjoint. */
	i = last_at_most(src->masks, src->nmasks, sizeof *src->masks,
			 offsetof(struct source_range, start), offset);
	return src->nmasks && src->masks[i].start <= offset && offset < src->masks[i].end;
}
