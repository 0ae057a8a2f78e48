/* Maps a part of a string scalar's decoded text back to its source bytes by
 * decoding the source again, unit by unit, and comparing with the node's text. */
#include "textspan.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

/* How a scalar's body is written; a unit is one source character or escape. */
enum textspan_style { STYLE_JSON, STYLE_YAML_DOUBLE, STYLE_YAML_SINGLE, STYLE_YAML_PLAIN };

char textspan_quote(const struct source *src, const struct node *n)
{
	char q;

	if (n->end < n->start + 2 || n->end > src->len || (n->flags & NODE_TAGGED) || n->anchor)
		return 0;
	q = src->bytes[n->start];
	return (q == '"' || q == '\'') && src->bytes[n->end - 1] == q ? q : 0;
}

/* The value of `digits` hexadecimal digits at s, or -1. */
static long hex_value(const char *s, size_t digits)
{
	long v = 0;
	size_t i;

	for (i = 0; i < digits; i++) {
		int d = hex_digit_value(s[i]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* The code point of a YAML double-quoted escape `\c` with no digits, or -1. */
static long yaml_simple_escape(char c)
{
	static const char names[] = "0abt\tnvfre \"/\\N_LP";
	static const long points[] = { 0, 7, 8, 9, 9, 10, 11, 12, 13, 27, ' ', '"', '/', '\\',
				       0x85, 0xA0, 0x2028, 0x2029 };
	const char *at = c ? strchr(names, c) : NULL;

	return at ? points[at - names] : -1;
}

/* The code point of a JSON escape `\c` other than \u, or -1. */
static long json_simple_escape(char c)
{
	static const char names[] = "\"\\/bfnrt";
	static const long points[] = { '"', '\\', '/', 8, 12, 10, 13, 9 };
	const char *at = c ? strchr(names, c) : NULL;

	return at ? points[at - names] : -1;
}

/* A JSON \uXXXX escape at b[*pos] (past the backslash and 'u'), joined with the
 * low half that follows a high surrogate; -1 for a lone surrogate. */
static long json_unicode_escape(const char *b, size_t *pos, size_t end)
{
	long high, low;

	if (*pos + 4 > end || (high = hex_value(b + *pos, 4)) < 0)
		return -1;
	*pos += 4;
	if (high < 0xD800 || high > 0xDFFF)
		return high;
	if (high > 0xDBFF || *pos + 6 > end || b[*pos] != '\\' || b[*pos + 1] != 'u' ||
	    (low = hex_value(b + *pos + 2, 4)) < 0xDC00 || low > 0xDFFF)
		return -1;
	*pos += 6;
	return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

/* A YAML double-quoted escape at b[*pos] (past the backslash), or -1. */
static long yaml_escape(const char *b, size_t *pos, size_t end)
{
	static const char hex_names[] = "xuU";
	static const size_t hex_digits[] = { 2, 4, 8 };
	const char *at = b[*pos] ? strchr(hex_names, b[*pos]) : NULL;
	size_t digits;
	long v;

	if (!at) {
		v = yaml_simple_escape(b[*pos]);
		*pos += 1;
		return v;
	}
	digits = hex_digits[at - hex_names];
	if (*pos + 1 + digits > end || (v = hex_value(b + *pos + 1, digits)) < 0 ||
	    v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return -1;
	*pos += 1 + digits;
	return v;
}

/* Decodes the unit at ts->pos into unit[0..*n); false when it cannot be mapped. */
static bool decode_unit(struct textspan *ts, const char *b, char unit[4], size_t *n)
{
	size_t pos = ts->pos;
	long cp;

	if (pos >= ts->body_end)
		return false;
	if (ts->style != STYLE_JSON && (b[pos] == '\n' || b[pos] == '\r'))
		return false; /* a line break folds: the source no longer matches */
	if (ts->style == STYLE_YAML_SINGLE && b[pos] == '\'') {
		if (pos + 1 >= ts->body_end || b[pos + 1] != '\'')
			return false;
		ts->pos += 2;
		unit[0] = '\'';
		*n = 1;
		return true;
	}
	if (b[pos] != '\\' || ts->style == STYLE_YAML_SINGLE || ts->style == STYLE_YAML_PLAIN) {
		ts->pos += 1;
		unit[0] = b[pos];
		*n = 1;
		return true;
	}
	pos++;
	if (ts->style == STYLE_JSON && b[pos] == 'u') {
		pos++;
		cp = json_unicode_escape(b, &pos, ts->body_end);
	} else if (ts->style == STYLE_JSON) {
		cp = json_simple_escape(b[pos++]);
	} else {
		cp = yaml_escape(b, &pos, ts->body_end);
	}
	if (cp < 0 || pos > ts->body_end)
		return false;
	ts->pos = pos;
	*n = utf8_encode((uint32_t)cp, unit);
	return true;
}

/* Decodes one more unit and checks it against the node's text. */
static bool advance(struct textspan *ts, const struct source *src, const struct node *n)
{
	char unit[4];
	size_t len;

	if (!decode_unit(ts, src->bytes, unit, &len) || len > n->len - ts->out ||
	    memcmp(unit, n->text + ts->out, len) != 0)
		return false;
	ts->out += len;
	return true;
}

static void begin(struct textspan *ts, const struct source *src, const struct node *n)
{
	char q = textspan_quote(src, n);
	size_t searched = ts->node == n ? ts->copies_searched : 0;

	memset(ts, 0, sizeof *ts);
	ts->copies_searched = searched;
	ts->node = n;
	ts->pos = n->start + (q != 0);
	ts->body_end = q ? n->end - 1 : n->end;
	if (q == '"')
		ts->style = src->format == SOURCE_JSON ? STYLE_JSON : STYLE_YAML_DOUBLE;
	else if (q == '\'' && src->format == SOURCE_YAML)
		ts->style = STYLE_YAML_SINGLE;
	else if (src->format == SOURCE_YAML && (n->flags & NODE_PLAIN) && !n->anchor &&
		 !(n->flags & NODE_TAGGED) && n->end <= src->len)
		ts->style = STYLE_YAML_PLAIN;
	else
		ts->failed = true;
	if (n->kind != NODE_STRING || !n->text || (n->flags & NODE_BLOCK))
		ts->failed = true;
}

/* The copies of part[0..len) in s[0..n), overlapping ones too; *nth is set to where
 * the k-th one (from 0) starts. */
static size_t count_copies(const char *s, size_t n, const char *part, size_t len, size_t k,
			   size_t *nth)
{
	size_t count = 0, i = 0;
	const char *at;

	/* memmem keeps this linear: a ${...} part cannot overlap a copy of itself. */
	while (i + len <= n && (at = memmem(s + i, n - i, part, len)) != NULL) {
		if (count++ == k)
			*nth = (size_t)(at - s);
		i = (size_t)(at - s) + 1;
	}
	return count;
}

/* A folded, literal or multi-line plain YAML scalar copies the text of each of its
 * lines unchanged (no escapes); only line breaks and indentation change. So a part
 * without blanks or line breaks lies on one line, and each copy of it in the text
 * is a copy in the source, in order: when the counts agree, the part that is the
 * k-th copy in the text is the k-th in the source. Comments (the block header's,
 * or trailing ones inside the range) make the counts disagree and give no place. */
static bool find_by_copies(const struct source *src, const struct node *n, size_t from,
			   size_t to, size_t *start, size_t *end)
{
	const char *part = n->text + from, *b = src->bytes;
	size_t len = to - from, body = n->start, k, in_text, at = 0;

	if (src->format != SOURCE_YAML || n->kind != NODE_STRING || !n->text || n->anchor ||
	    (n->flags & NODE_TAGGED) || !(n->flags & (NODE_PLAIN | NODE_BLOCK)) ||
	    n->end > src->len || n->end - n->start > TEXTSPAN_MAX_COPIES_RANGE)
		return false;
	for (k = 0; k < len; k++)
		if (strchr(" \t\r\n", part[k]))
			return false;
	if (n->flags & NODE_BLOCK) {
		if (b[body] != '|' && b[body] != '>')
			return false;
		while (body < n->end && b[body] != '\n' && b[body] != '\r')
			body++; /* the header line, with any comment on it */
	}
	k = count_copies(n->text, from + len - 1, part, len, SIZE_MAX, &at); /* before it */
	in_text = count_copies(n->text, n->len, part, len, SIZE_MAX, &at);
	if (count_copies(b + body, n->end - body, part, len, k, &at) != in_text)
		return false;
	*start = body + at;
	*end = *start + len;
	return true;
}

bool textspan_find(struct textspan *ts, const struct source *src, const struct node *n,
		   size_t from, size_t to, size_t *start, size_t *end)
{
	bool have_start = false;

	if (!n || from >= to || to > n->len)
		return false;
	/* A finding and its fix ask for the same part: it is decoded once. */
	if (ts->have_last && ts->node == n && ts->last_from == from && ts->last_to == to) {
		*start = ts->last_start;
		*end = ts->last_end;
		return true;
	}
	if (ts->node != n || from < ts->out)
		begin(ts, src, n);
	while (!ts->failed && ts->out < to) {
		size_t unit = ts->pos;

		if (ts->out == from) {
			*start = unit;
			have_start = true;
		}
		ts->failed = !advance(ts, src, n);
	}
	/* Each search reads the whole scalar: a scalar gets a few, not one per part. */
	if (ts->failed) {
		if (ts->copies_searched++ >= TEXTSPAN_MAX_COPIES_SEARCHES ||
		    !find_by_copies(src, n, from, to, start, end))
			return false;
	} else if (!have_start || ts->out != to) {
		return false;
	} else {
		*end = ts->pos;
	}
	ts->last_from = from;
	ts->last_to = to;
	ts->last_start = *start;
	ts->last_end = *end;
	ts->have_last = true;
	return true;
}
