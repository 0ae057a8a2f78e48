/* Where the cursor is, read from the text: JSON by its tokens, YAML by its
 * indentation, both forgiving of the half-typed text an editor holds. */
#include "lsp_where.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

bool lsp_span_is(struct lsp_span s, const char *word)
{
	return s.ptr && strlen(word) == s.len && memcmp(s.ptr, word, s.len) == 0;
}

void lsp_where_free(struct lsp_where *w)
{
	free(w->present);
	w->present = NULL;
	w->npresent = w->present_cap = 0;
}

static void add_present(struct lsp_where *w, struct lsp_span key)
{
	w->present = grow_array(w->present, &w->present_cap, w->npresent + 1, sizeof *w->present);
	w->present[w->npresent++] = key;
}

static struct lsp_span span(const char *p, size_t n)
{
	struct lsp_span s = { p, n };

	return s;
}

/* --- JSON --- */

struct jtok {
	char kind;                /* { } [ ] : , s (string) l (other value) or 0 (end) */
	size_t start, end;
};

enum jstate { J_KEY, J_COLON, J_VALUE, J_AFTER };

struct jframe {
	char kind;
	enum jstate state;
	struct lsp_span key;      /* objects: the member whose value is being read */
	size_t open;              /* offset of its bracket */
};

static bool json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A string ends at its closing quote, or (unclosed, as while typing) at the end
 * of its line. */
static size_t string_end(const char *t, size_t len, size_t i)
{
	for (i++; i < len && t[i] != '"' && t[i] != '\n'; i++)
		if (t[i] == '\\' && i + 1 < len && t[i + 1] != '\n')
			i++;
	return i < len && t[i] == '"' ? i + 1 : i;
}

static struct jtok next_token(const char *t, size_t len, size_t *i)
{
	struct jtok tok = { 0, 0, 0 };

	while (*i < len && json_space(t[*i]))
		(*i)++;
	tok.start = tok.end = *i;
	if (*i >= len)
		return tok;
	tok.kind = t[*i];
	if (strchr("{}[]:,", tok.kind)) {
		tok.end = ++*i;
		return tok;
	}
	if (tok.kind == '"') {
		tok.kind = 's';
		tok.end = *i = string_end(t, len, *i);
		return tok;
	}
	tok.kind = 'l';
	while (*i < len && !json_space(t[*i]) && !strchr("{}[]:,\"", t[*i]))
		(*i)++;
	tok.end = *i;
	return tok;
}

static struct lsp_span string_content(const char *t, struct jtok tok)
{
	size_t end = tok.end;

	if (end > tok.start + 1 && t[end - 1] == '"')
		end--;
	return span(t + tok.start + 1, end > tok.start ? end - tok.start - 1 : 0);
}

static void json_consume(struct jframe *frames, size_t *depth, const char *t, struct jtok tok)
{
	struct jframe *top = *depth ? &frames[*depth - 1] : NULL;

	switch (tok.kind) {
	case '{': case '[':
		if (top && top->kind == '{')
			top->state = J_AFTER;
		frames[*depth].kind = tok.kind;
		frames[*depth].state = tok.kind == '{' ? J_KEY : J_VALUE;
		frames[*depth].key = span(NULL, 0);
		frames[*depth].open = tok.start;
		(*depth)++;
		break;
	case '}': case ']':
		if (*depth)
			(*depth)--;
		break;
	case ':':
		if (top && top->state == J_COLON)
			top->state = J_VALUE;
		break;
	case ',':
		if (top)
			top->state = top->kind == '{' ? J_KEY : J_VALUE;
		break;
	default:
		if (top && top->kind == '{' && top->state == J_KEY && tok.kind == 's') {
			top->key = string_content(t, tok);
			top->state = J_COLON;
		} else if (top && top->kind == '{' && top->state == J_VALUE) {
			top->state = J_AFTER;
		}
	}
}

/* The cursor is at tok (in it, or just before when not `inside`). */
static void json_snapshot(const struct jframe *frames, size_t depth, const char *t,
			  struct jtok tok, bool inside, size_t offset, struct lsp_where *w)
{
	const struct jframe *top = &frames[depth - 1];
	size_t k;

	for (k = 0; k + 1 < depth; k++)
		w->path[w->depth++] = frames[k].kind == '{' ? frames[k].key : span(NULL, 0);
	w->container_is_list = top->kind == '[';
	w->in_key = top->kind == '{' && (top->state == J_KEY || top->state == J_COLON);
	w->word_start = w->word_end = offset;
	if (inside) {
		w->word_start = tok.start;
		w->word_end = tok.end;
		w->quoted = tok.kind == 's';
	}
	if (w->in_key && top->state == J_KEY)
		w->key = inside && tok.kind == 's' ? string_content(t, tok) : span(NULL, 0);
	else
		w->key = top->key;
}

/* Reads the object opening at `open`: its member names into w->present (when
 * names), the string value of its Type member into *type. */
static void json_members(const char *t, size_t len, size_t open, struct lsp_where *w, bool names,
			 struct lsp_span *type)
{
	size_t i = open, depth = 0;
	bool expect_key = false, type_next = false;
	struct jtok tok;

	while ((tok = next_token(t, len, &i)).kind) {
		if (tok.kind == '{' || tok.kind == '[')
			depth++;
		else if ((tok.kind == '}' || tok.kind == ']') && --depth == 0)
			return;
		if (depth != 1 || (tok.kind != 's' && tok.kind != ',' && tok.kind != '{'))
			continue;
		if (tok.kind != 's') {
			expect_key = true;
		} else if (expect_key) {
			struct lsp_span key = string_content(t, tok);

			if (names)
				add_present(w, key);
			type_next = lsp_span_is(key, "Type");
			expect_key = false;
		} else if (type_next) {
			*type = string_content(t, tok);
			type_next = false;
		}
	}
}

static bool json_where(const char *t, size_t len, size_t offset, struct lsp_where *w)
{
	struct jframe frames[LSP_WHERE_MAX_DEPTH];
	size_t depth = 0, i = 0;
	struct jtok tok;
	struct lsp_span ignored;

	for (;;) {
		tok = next_token(t, len, &i);
		if (tok.kind == 0 || tok.start >= offset || (tok.end >= offset &&
							     (tok.kind == 's' || tok.kind == 'l')))
			break;
		if (depth == LSP_WHERE_MAX_DEPTH && (tok.kind == '{' || tok.kind == '['))
			return false;
		json_consume(frames, &depth, t, tok);
	}
	if (depth == 0)
		return false;
	json_snapshot(frames, depth, t, tok, tok.kind && tok.start < offset, offset, w);
	if (frames[depth - 1].kind == '{')
		json_members(t, len, frames[depth - 1].open, w, true, &ignored);
	if (depth >= 2 && frames[depth - 2].kind == '{')
		json_members(t, len, frames[depth - 2].open, w, false, &w->type);
	return true;
}

/* --- YAML --- */

struct yline {
	size_t start, end;        /* the line, without its break */
	bool blank;               /* empty, a comment or a document marker */
	size_t kc;                /* column of its content after list markers */
	long mc;                  /* column of its last "- " marker, or -1 */
	struct lsp_span key;      /* "Key:" on it, or none */
	size_t colon;             /* offset of that colon */
	struct lsp_span value;    /* what follows the colon, before a comment */
};

static struct lsp_span trim(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (end - p >= 2 && (*p == '"' || *p == '\'') && end[-1] == *p) {
		p++;
		end--;
	}
	return span(p, (size_t)(end - p));
}

static void yaml_key(const char *t, struct yline *l, const char *p)
{
	const char *end = t + l->end, *q;
	bool quote = p < end && (*p == '"' || *p == '\'');

	for (q = quote ? p + 1 : p; q < end; q++) {
		if (quote && *q == *p) {
			quote = false;
			continue;
		}
		if (quote)
			continue;
		if (*q == '#' && q > p && (q[-1] == ' ' || q[-1] == '\t'))
			return;
		if (*q == ':' && (q + 1 == end || q[1] == ' ' || q[1] == '\t' || q[1] == '\r')) {
			const char *v = q + 1, *stop = v;

			l->key = trim(p, q);
			l->colon = (size_t)(q - t);
			while (stop < end && !(*stop == '#' && (stop[-1] == ' ' || stop[-1] == '\t')))
				stop++;
			l->value = trim(v, stop);
			return;
		}
	}
}

static struct yline yaml_line(const char *t, size_t len, size_t at)
{
	struct yline l = { 0 };
	const char *p, *end;

	while (at > 0 && t[at - 1] != '\n')
		at--;
	l.start = at;
	end = memchr(t + at, '\n', len - at);
	l.end = end ? (size_t)(end - t) : len;
	end = t + l.end;
	l.mc = -1;
	for (p = t + at; p < end && *p == ' '; p++)
		;
	while (p < end && *p == '-' && (p + 1 == end || p[1] == ' ')) {
		l.mc = (long)(p - t - at);
		for (p++; p < end && *p == ' '; p++)
			;
	}
	l.kc = (size_t)(p - t - at);
	l.blank = p == end || *p == '#' || *p == '\r' ||
		  (l.kc == 0 && l.mc < 0 && end - p >= 3 &&
		   (!strncmp(p, "---", 3) || !strncmp(p, "...", 3)));
	if (!l.blank)
		yaml_key(t, &l, p);
	return l;
}

/* The line before (or after) the one at l; false at the edge of the text. */
static bool yaml_prev(const char *t, size_t len, const struct yline *l, struct yline *out)
{
	if (l->start == 0)
		return false;
	*out = yaml_line(t, len, l->start - 1);
	return true;
}

static bool yaml_next(const char *t, size_t len, const struct yline *l, struct yline *out)
{
	if (l->end >= len)
		return false;
	*out = yaml_line(t, len, l->end + 1);
	return true;
}

static void note_member(const struct yline *l, struct lsp_where *w, bool names,
			struct lsp_span *type)
{
	if (!l->key.ptr)
		return;
	if (names)
		add_present(w, l->key);
	if (lsp_span_is(l->key, "Type"))
		*type = l->value;
}

/* The members at column `col` of the mapping that holds line `at`: names into
 * w->present (when names), Type's value into *type. */
static void yaml_members(const char *t, size_t len, const struct yline *at, size_t col,
			 struct lsp_where *w, bool names, struct lsp_span *type)
{
	struct yline l = *at, m;

	if (at->kc == col)
		note_member(at, w, names, type);
	while (!(l.mc >= 0 && (size_t)l.mc < col) && yaml_prev(t, len, &l, &m)) {
		l = m;
		if (m.blank || m.kc > col)
			continue;
		if (m.kc < col)
			break;
		note_member(&m, w, names, type); /* stops after the first line of a list item */
	}
	l = *at;
	while (yaml_next(t, len, &l, &m)) {
		l = m;
		if (m.blank || m.kc > col)
			continue;
		if (m.kc < col || (m.mc >= 0 && (size_t)m.mc < col))
			break;
		note_member(&m, w, names, type);
	}
}

/* Climbs from the cursor's container (keys at column col) to the top, pushing
 * each parent (innermost first); *parent is the line of the innermost member. */
static bool yaml_parents(const char *t, size_t len, const struct yline *cur, size_t col,
			 bool in_list, struct lsp_where *w, struct yline *parent)
{
	struct yline l = *cur, m;
	bool have_parent = false;

	while ((col > 0 || in_list) && yaml_prev(t, len, &l, &m)) {
		l = m;
		if (m.blank || w->depth == LSP_WHERE_MAX_DEPTH)
			continue;
		if (m.kc == col && m.mc >= 0 && (size_t)m.mc < col && !in_list) {
			w->path[w->depth++] = span(NULL, 0);
			col = (size_t)m.mc;
			in_list = true;
		} else if (m.key.ptr && (m.kc < col || (in_list && m.kc == col && m.mc < 0))) {
			if (!have_parent)
				*parent = m;
			have_parent = true;
			w->path[w->depth++] = m.key;
			in_list = m.mc >= 0;
			if (in_list && w->depth < LSP_WHERE_MAX_DEPTH)
				w->path[w->depth++] = span(NULL, 0);
			col = in_list ? (size_t)m.mc : m.kc;
		}
	}
	return have_parent;
}

static void reverse_path(struct lsp_where *w)
{
	size_t i;

	for (i = 0; i < w->depth / 2; i++) {
		struct lsp_span s = w->path[i];

		w->path[i] = w->path[w->depth - 1 - i];
		w->path[w->depth - 1 - i] = s;
	}
}

/* The word at the cursor: the name being typed, or the value after the colon. */
static void yaml_word(const char *t, const struct yline *cur, size_t col, size_t offset,
		      struct lsp_where *w)
{
	size_t end;

	if (w->in_key) {
		w->word_start = cur->start + col;
		for (end = w->word_start; end < cur->end && t[end] != ':' && t[end] != ' '; end++)
			;
		w->word_end = end > offset ? end : offset;
	} else {
		w->key = cur->key;
		w->word_start = cur->value.len ? (size_t)(cur->value.ptr - t) : offset;
		w->word_end = cur->value.len ? w->word_start + cur->value.len : offset;
	}
	if (w->word_start > offset)
		w->word_start = w->word_end = offset;
	if (w->in_key)
		w->key = span(t + w->word_start, w->word_end - w->word_start);
}

static bool yaml_where(const char *t, size_t len, size_t offset, struct lsp_where *w)
{
	struct yline cur = yaml_line(t, len, offset), parent;
	size_t at = offset - cur.start, col = cur.kc;
	bool own_item = cur.mc >= 0 && (size_t)cur.mc < at;
	struct lsp_span ignored;

	if (cur.blank && cur.kc < cur.end - cur.start && t[cur.start + cur.kc] == '#')
		return false; /* in a comment */
	if (at < cur.kc && !own_item)
		col = at;
	w->in_key = !(cur.key.ptr && offset > cur.colon);
	yaml_word(t, &cur, col, offset, w);
	if (own_item)
		w->path[w->depth++] = span(NULL, 0);
	if (yaml_parents(t, len, &cur, own_item ? (size_t)cur.mc : col, own_item, w, &parent))
		yaml_members(t, len, &parent, parent.kc, w, false, &w->type);
	reverse_path(w);
	yaml_members(t, len, &cur, col, w, true, &ignored);
	return true;
}

bool lsp_where_find(const char *text, size_t len, enum source_format format, size_t offset,
		    struct lsp_where *w)
{
	memset(w, 0, sizeof *w);
	if (offset > len)
		offset = len;
	return format == SOURCE_JSON ? json_where(text, len, offset, w)
				     : yaml_where(text, len, offset, w);
}
