/* One input's bytes and the map from byte offsets to lines and columns. */
#include "source.h"

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
	free(src->masks);
	free(src);
}

enum source_format source_guess_format(const char *path, const char *bytes, size_t len)
{
	size_t i = 0;

	if (str_has_suffix(path, ".json"))
		return FORMAT_JSON;
	if (str_has_suffix(path, ".yaml") || str_has_suffix(path, ".yml"))
		return FORMAT_YAML;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", bytes[i]))
		i++;
	return i < len && (bytes[i] == '{' || bytes[i] == '[') ? FORMAT_JSON : FORMAT_YAML;
}

static void build_line_index(struct source *src)
{
	size_t cap = 0, i;

	src->line_starts = grow_array(NULL, &cap, 1, sizeof *src->line_starts);
	src->line_starts[0] = 0;
	src->nlines = 1;
	for (i = 0; i < src->len; i++) {
		char c = src->bytes[i];

		if (c != '\n' && c != '\r')
			continue;
		if (c == '\r' && i + 1 < src->len && src->bytes[i + 1] == '\n')
			i++;
		src->line_starts = grow_array(src->line_starts, &cap, src->nlines + 1,
					      sizeof *src->line_starts);
		src->line_starts[src->nlines++] = i + 1;
	}
}

struct position source_position(struct source *src, size_t offset)
{
	struct position pos;
	size_t lo = 0, hi;

	if (!src->line_starts)
		build_line_index(src);
	if (offset > src->len)
		offset = src->len;
	hi = src->nlines;
	/* Last line start that is <= offset. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	pos.line = (unsigned)lo + 1;
	pos.column = (unsigned)utf8_count(src->bytes + src->line_starts[lo],
					  offset - src->line_starts[lo]) + 1;
	pos.offset = offset;
	return pos;
}

const char *source_line(struct source *src, unsigned line, size_t *len)
{
	size_t start, end;

	if (!src->line_starts)
		build_line_index(src);
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
	src->masks = grow_array(src->masks, &src->masks_cap, src->nmasks + 1, sizeof *src->masks);
	src->masks[src->nmasks].start = start;
	src->masks[src->nmasks].end = end;
	src->nmasks++;
}

bool source_is_masked(const struct source *src, size_t offset)
{
	size_t i;

	for (i = 0; i < src->nmasks; i++)
		if (offset >= src->masks[i].start && offset < src->masks[i].end)
			return true;
	return false;
}
