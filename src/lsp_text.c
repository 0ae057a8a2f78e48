/* Open documents for the language server, with a per-version index of line starts
 * and UTF-16 marks so that converting a position costs a binary search and at most
 * one stride of decoding, however long the document or its lines. */
#include "lsp_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MARK_STRIDE 256

void lsp_docs_init(struct lsp_docs *docs)
{
	memset(docs, 0, sizeof *docs);
}

static void drop_index(struct lsp_doc *doc)
{
	free(doc->line_starts);
	free(doc->mark_units);
	free(doc->mark_offsets);
	doc->line_starts = doc->mark_units = doc->mark_offsets = NULL;
	doc->nlines = doc->nmarks = 0;
	doc->indexed = false;
}

static void doc_free(struct lsp_doc *doc, void (*free_lint)(void *))
{
	if (!doc)
		return;
	if (free_lint)
		free_lint(doc->lint);
	drop_index(doc);
	free(doc->uri);
	free(doc->path);
	free(doc->language);
	free(doc->text);
	free(doc);
}

void lsp_docs_free(struct lsp_docs *docs, void (*free_lint)(void *))
{
	size_t i;

	for (i = 0; i < docs->n; i++)
		doc_free(docs->items[i], free_lint);
	free(docs->items);
	memset(docs, 0, sizeof *docs);
}

struct lsp_doc *lsp_docs_find(const struct lsp_docs *docs, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < docs->n; i++)
		if (strcmp(docs->items[i]->uri, uri) == 0)
			return docs->items[i];
	return NULL;
}

struct lsp_doc *lsp_docs_open(struct lsp_docs *docs, const char *uri, const char *language,
			      long version, const char *text, size_t len)
{
	struct lsp_doc *doc = lsp_docs_find(docs, uri);
	char *path;

	if (!doc) {
		doc = xcalloc(1, sizeof *doc);
		doc->uri = xstrdup(uri);
		path = lsp_uri_to_path(uri);
		doc->path = path ? path : xstrdup(uri);
		docs->items = grow_array(docs->items, &docs->cap, docs->n + 1, sizeof *docs->items);
		docs->items[docs->n++] = doc;
	}
	free(doc->language);
	doc->language = xstrdup(language ? language : "");
	doc->version = version;
	lsp_doc_replace_all(doc, text, len);
	return doc;
}

void lsp_docs_close(struct lsp_docs *docs, const char *uri, void (*free_lint)(void *))
{
	size_t i;

	for (i = 0; uri && i < docs->n; i++) {
		if (strcmp(docs->items[i]->uri, uri) != 0)
			continue;
		doc_free(docs->items[i], free_lint);
		docs->items[i] = docs->items[--docs->n];
		return;
	}
}

static void changed(struct lsp_doc *doc)
{
	drop_index(doc);
	doc->dirty = true;
}

void lsp_doc_replace_all(struct lsp_doc *doc, const char *text, size_t len)
{
	free(doc->text);
	doc->text = xmalloc(len + 1);
	memcpy(doc->text, text, len);
	doc->text[len] = '\0';
	doc->len = len;
	changed(doc);
}

void lsp_doc_replace_range(struct lsp_doc *doc, enum lsp_encoding enc, struct lsp_pos from,
			   struct lsp_pos to, const char *text, size_t len)
{
	size_t a = lsp_doc_offset(doc, enc, from), b = lsp_doc_offset(doc, enc, to);
	char *next;

	if (b < a) {
		size_t t = a;

		a = b;
		b = t;
	}
	next = xmalloc(doc->len - (b - a) + len + 1);
	memcpy(next, doc->text, a);
	memcpy(next + a, text, len);
	memcpy(next + a + len, doc->text + b, doc->len - b);
	doc->len = doc->len - (b - a) + len;
	next[doc->len] = '\0';
	free(doc->text);
	doc->text = next;
	changed(doc);
}

/* The bytes of the character at s[0..n) and the UTF-16 units it takes; a malformed
 * byte is one byte and one unit, as editors show it as one replacement character. */
static size_t char_at(const char *s, size_t n, size_t *units)
{
	uint32_t cp = 0;
	size_t len = utf8_decode((const unsigned char *)s, n, &cp);

	if (len == 0) {
		*units = 1;
		return 1;
	}
	*units = cp >= 0x10000 ? 2 : 1;
	return len;
}

static void index_lines(struct lsp_doc *doc)
{
	size_t cap = 0, i;

	doc->line_starts = grow_array(NULL, &cap, 1, sizeof *doc->line_starts);
	doc->line_starts[doc->nlines++] = 0;
	for (i = 0; i < doc->len; i++) {
		if (doc->text[i] == '\r' && i + 1 < doc->len && doc->text[i + 1] == '\n')
			i++;
		else if (doc->text[i] != '\n' && doc->text[i] != '\r')
			continue;
		doc->line_starts = grow_array(doc->line_starts, &cap, doc->nlines + 1,
					      sizeof *doc->line_starts);
		doc->line_starts[doc->nlines++] = i + 1;
	}
}

static void index_marks(struct lsp_doc *doc)
{
	size_t n = doc->len / MARK_STRIDE + 1, offset = 0, units = 0, k;

	doc->mark_units = xcalloc(n, sizeof *doc->mark_units);
	doc->mark_offsets = xcalloc(n, sizeof *doc->mark_offsets);
	for (k = 0; k < n; k++) {
		while (offset < doc->len && offset < k * MARK_STRIDE) {
			size_t u;

			offset += char_at(doc->text + offset, doc->len - offset, &u);
			units += u;
		}
		doc->mark_offsets[k] = offset;
		doc->mark_units[k] = units;
	}
	doc->nmarks = n;
}

static void ensure_index(struct lsp_doc *doc)
{
	if (doc->indexed)
		return;
	index_lines(doc);
	index_marks(doc);
	doc->indexed = true;
}

/* The index of the last of the sorted values a[0..n) that is at most v (0 when
 * none is; a[0] is 0 in both indexes, so there is always one). */
static size_t last_at_most(const size_t *a, size_t n, size_t v)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t mark_before(const struct lsp_doc *doc, size_t offset)
{
	return last_at_most(doc->mark_offsets, doc->nmarks, offset);
}

/* UTF-16 units from the start of the text to the character holding offset. */
static size_t units_before(const struct lsp_doc *doc, size_t offset)
{
	size_t k = mark_before(doc, offset);
	size_t at = doc->mark_offsets[k], units = doc->mark_units[k];

	while (at < offset) {
		size_t u, len = char_at(doc->text + at, doc->len - at, &u);

		if (at + len > offset)
			break;
		at += len;
		units += u;
	}
	return units;
}

static size_t line_of(const struct lsp_doc *doc, size_t offset)
{
	return last_at_most(doc->line_starts, doc->nlines, offset);
}

/* Where a line's text ends, before its line break. */
static size_t line_end(const struct lsp_doc *doc, size_t line)
{
	size_t end = line + 1 < doc->nlines ? doc->line_starts[line + 1] : doc->len;

	if (end > doc->line_starts[line] && line + 1 < doc->nlines && doc->text[end - 1] == '\n')
		end--;
	if (end > doc->line_starts[line] && line + 1 < doc->nlines && doc->text[end - 1] == '\r')
		end--;
	return end;
}

static bool continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* The last mark in [lo, hi] with at most `target` units before it (lo when none). */
static size_t mark_by_units(const struct lsp_doc *doc, size_t lo, size_t hi, size_t target)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;

		if (doc->mark_units[mid] <= target)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The offset `units` UTF-16 units into the line that starts at `start`, stopping at
 * `end` and at the start of a character the count falls inside. */
static size_t utf16_offset(const struct lsp_doc *doc, size_t start, size_t end, size_t units)
{
	size_t base = units_before(doc, start), target = base + units;
	size_t k = mark_by_units(doc, mark_before(doc, start), mark_before(doc, end), target);
	size_t at = start, have = base;

	if (doc->mark_offsets[k] > start) {
		at = doc->mark_offsets[k];
		have = doc->mark_units[k];
	}
	while (at < end) {
		size_t u, len = char_at(doc->text + at, doc->len - at, &u);

		if (have + u > target)
			break;
		at += len;
		have += u;
	}
	return at;
}

size_t lsp_doc_offset(struct lsp_doc *doc, enum lsp_encoding enc, struct lsp_pos pos)
{
	size_t start, end, at;

	ensure_index(doc);
	if (pos.line >= doc->nlines)
		return doc->len;
	start = doc->line_starts[pos.line];
	end = line_end(doc, pos.line);
	if (enc == LSP_UTF16)
		return utf16_offset(doc, start, end, pos.character);
	at = pos.character < end - start ? start + pos.character : end;
	while (at > start && at < end && continuation(doc->text[at]))
		at--;
	return at;
}

struct lsp_pos lsp_doc_position(struct lsp_doc *doc, enum lsp_encoding enc, size_t offset)
{
	struct lsp_pos pos;
	size_t start;

	ensure_index(doc);
	if (offset > doc->len)
		offset = doc->len;
	pos.line = line_of(doc, offset);
	start = doc->line_starts[pos.line];
	if (enc == LSP_UTF8) {
		while (offset > start && offset < doc->len && continuation(doc->text[offset]))
			offset--;
		pos.character = offset - start;
	} else {
		pos.character = units_before(doc, offset) - units_before(doc, start);
	}
	return pos;
}


char *lsp_uri_to_path(const char *uri)
{
	static const char scheme[] = "file://";
	struct strbuf sb;
	const char *p;

	if (strncmp(uri, scheme, sizeof scheme - 1) != 0)
		return NULL;
	p = uri + sizeof scheme - 1;
	if (*p != '/')
		p = strchr(p, '/'); /* file://host/path: the host is not part of the path */
	if (!p)
		return NULL;
	sb_init(&sb);
	for (; *p && *p != '?' && *p != '#'; p++) {
		int hi, lo;

		if (*p == '%' && (hi = hex_digit_value(p[1])) >= 0 && (lo = hex_digit_value(p[2])) >= 0 &&
		    (hi || lo)) {
			sb_addc(&sb, (char)(hi * 16 + lo));
			p += 2;
		} else {
			sb_addc(&sb, *p);
		}
	}
	return sb_detach(&sb);
}
