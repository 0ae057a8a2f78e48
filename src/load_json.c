/* JSON loader. json-c decodes every string and number; because json-c keeps no
 * source positions, a small recursive-descent scanner walks the structure itself,
 * records the byte range of each node and hands each token to json-c. The grammar
 * is Python's json module, which is what the AWS CLI parses with: NaN and Infinity
 * are accepted, control characters in strings are not. */
#include <stdio.h>
#include <json-c/json.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "util.h"

struct json_scan {
	struct source *src;
	const char *s;           /* src->bytes, NUL-terminated */
	size_t len, pos;
	struct doc *doc;
	struct diag_list *out;
	const struct load_limits *limits;
	struct json_tokener *tok;
	unsigned depth;
	int failed;              /* a syntax error was reported; stop */
};

static void syntax_error(struct json_scan *js, size_t at, const char *variant, const char *found)
{
	char shown[16];

	if (js->failed)
		return;
	js->failed = 1;
	if (!found) {
		unsigned char c = at < js->len ? (unsigned char)js->s[at] : 0;

		if (at >= js->len)
			snprintf(shown, sizeof shown, "end of file");
		else if (c >= 0x20 && c < 0x7F)
			snprintf(shown, sizeof shown, "'%c'", c);
		else
			snprintf(shown, sizeof shown, "byte 0x%02X", c);
		found = shown;
	}
	diag_add(js->out, "CJ001", variant, at, at < js->len ? at + 1 : at, "",
		 "found", found, NULL);
}

static void skip_space(struct json_scan *js)
{
	while (js->pos < js->len) {
		char c = js->s[js->pos];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			js->pos++;
		else if (c == '/' && (js->s[js->pos + 1] == '/' || js->s[js->pos + 1] == '*'))
			return syntax_error(js, js->pos, "json-comment", NULL);
		else
			return;
	}
}

static struct node *parse_value(struct json_scan *js);

/* Hands one complete token to json-c. The byte after the token is a delimiter or
 * the terminating NUL, which tells json-c that a number has ended. */
static struct json_object *decode_token(struct json_scan *js, size_t start, size_t end)
{
	struct json_object *obj;

	json_tokener_reset(js->tok);
	obj = json_tokener_parse_ex(js->tok, js->s + start, (int)(end - start + 1));
	if (!obj && json_tokener_get_error(js->tok) == json_tokener_success)
		return NULL;
	return obj;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* Finds the closing quote, checking escapes and control characters on the way. */
static int scan_string(struct json_scan *js, size_t *end, int *escaped, int *lone)
{
	size_t i = js->pos + 1;

	*escaped = *lone = 0;
	while (i < js->len) {
		unsigned char c = (unsigned char)js->s[i];
		unsigned u, low;

		if (c == '"') {
			*end = i + 1;
			return 0;
		}
		if (c < 0x20) {
			syntax_error(js, i, "json-control-char", NULL);
			return -1;
		}
		if (c != '\\') {
			i++;
			continue;
		}
		*escaped = 1;
		c = (unsigned char)js->s[i + 1];
		if (c != 'u') {
			if (!strchr("\"\\/bfnrt", c) || c == '\0') {
				syntax_error(js, i, "json-bad-escape", NULL);
				return -1;
			}
			i += 2;
			continue;
		}
		if (i + 6 > js->len || hex4(js->s + i + 2, &u) < 0) {
			syntax_error(js, i, "json-bad-escape", NULL);
			return -1;
		}
		i += 6;
		if (u >= 0xD800 && u <= 0xDBFF && js->s[i] == '\\' && js->s[i + 1] == 'u' &&
		    i + 6 <= js->len && hex4(js->s + i + 2, &low) == 0 && low >= 0xDC00 && low <= 0xDFFF)
			i += 6;
		else if (u >= 0xD800 && u <= 0xDFFF)
			*lone = 1;
	}
	syntax_error(js, js->pos, "json-unterminated-string", "end of file");
	return -1;
}

static struct node *parse_string(struct json_scan *js)
{
	size_t start = js->pos, end;
	int escaped, lone;
	struct node *n;

	if (scan_string(js, &end, &escaped, &lone) < 0)
		return NULL;
	n = doc_node(js->doc, NODE_STRING, start, end);
	if (lone)
		n->flags |= NODE_LONE_SURROGATE;
	if (!escaped) {
		n->len = end - start - 2;
		n->text = doc_strndup(js->doc, js->s + start + 1, n->len);
	} else {
		struct json_object *obj = decode_token(js, start, end - 1);

		if (!obj) {
			syntax_error(js, start, "json-bad-escape", NULL);
			return NULL;
		}
		n->len = (size_t)json_object_get_string_len(obj);
		n->text = doc_strndup(js->doc, json_object_get_string(obj), n->len);
		json_object_put(obj);
	}
	js->pos = end;
	return n;
}

static size_t scan_digits(const char *s, size_t i)
{
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* True when the integer literal s[0..n) is beyond 2^53, where doubles lose integers. */
static int is_huge_integer(const char *s, size_t n)
{
	static const char limit[] = "9007199254740992";
	size_t digits;

	if (*s == '-') {
		s++;
		n--;
	}
	digits = n;
	if (digits != sizeof limit - 1)
		return digits > sizeof limit - 1;
	return memcmp(s, limit, digits) > 0;
}

static struct node *parse_number(struct json_scan *js)
{
	const char *s = js->s;
	size_t start = js->pos, i = start;
	int is_float = 0;
	struct node *n;

	if (s[i] == '-')
		i++;
	if (strncmp(s + i, "Infinity", 8) == 0) {
		n = doc_node(js->doc, NODE_FLOAT, start, i + 8);
		n->flags |= NODE_NONFINITE;
		goto done;
	}
	if (s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9') {
		syntax_error(js, i + 1, "json-leading-zero", NULL);
		return NULL;
	}
	if (!(s[i] >= '0' && s[i] <= '9')) {
		syntax_error(js, i, "json-unexpected", NULL);
		return NULL;
	}
	i = scan_digits(s, i);
	if (s[i] == '.') {
		is_float = 1;
		if (!(s[i + 1] >= '0' && s[i + 1] <= '9')) {
			syntax_error(js, i + 1, "json-bad-number", NULL);
			return NULL;
		}
		i = scan_digits(s, i + 1);
	}
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;

		is_float = 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (!(s[j] >= '0' && s[j] <= '9')) {
			syntax_error(js, j, "json-bad-number", NULL);
			return NULL;
		}
		i = scan_digits(s, j);
	}
	n = doc_node(js->doc, is_float ? NODE_FLOAT : NODE_INT, start, i);
	/* Python reads 1e999 as inf; json-c refuses it, so strtod decides. */
	if (is_float && !isfinite(strtod(s + start, NULL)))
		n->flags |= NODE_NONFINITE;
	if (!is_float && is_huge_integer(s + start, i - start))
		n->flags |= NODE_HUGE_INT;
done:
	n->len = n->end - start;
	n->text = doc_strndup(js->doc, s + start, n->len);
	js->pos = n->end;
	return n;
}

static struct node *parse_literal(struct json_scan *js)
{
	static const struct {
		const char *word;
		enum node_kind kind;
	} words[] = {
		{ "true", NODE_BOOL }, { "false", NODE_BOOL }, { "null", NODE_NULL },
		{ "NaN", NODE_FLOAT }, { "Infinity", NODE_FLOAT },
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		size_t n = strlen(words[i].word);

		if (strncmp(js->s + js->pos, words[i].word, n) == 0) {
			struct node *node = doc_node(js->doc, words[i].kind, js->pos, js->pos + n);

			if (words[i].kind == NODE_FLOAT)
				node->flags |= NODE_NONFINITE;
			node->text = words[i].word;
			node->len = n;
			js->pos += n;
			return node;
		}
	}
	syntax_error(js, js->pos, js->s[js->pos] == '\'' ? "json-single-quote" : "json-unexpected",
		     NULL);
	return NULL;
}

/* Appends to a growing array kept in malloc'd memory until the container closes. */
struct pending {
	void *items;
	size_t n, cap;
};

static int enter(struct json_scan *js)
{
	if (++js->depth > js->limits->max_depth) {
		char limit[24];

		snprintf(limit, sizeof limit, "%u", js->limits->max_depth);
		if (!js->failed)
			diag_add(js->out, "CJ007", "depth", js->pos, js->pos + 1, "", "limit", limit,
				 NULL);
		js->failed = 1;
		return -1;
	}
	return 0;
}

/* After a ',' inside a container: a closing bracket here is a trailing comma. */
static int trailing_comma(struct json_scan *js, char close)
{
	if (js->s[js->pos] != close)
		return 0;
	syntax_error(js, js->pos, "json-trailing-comma", NULL);
	return 1;
}

static struct node *parse_object(struct json_scan *js)
{
	struct node *obj = doc_node(js->doc, NODE_MAPPING, js->pos, js->pos);
	struct pending m = { 0 };

	if (enter(js) < 0)
		return NULL;
	js->pos++;
	skip_space(js);
	if (js->s[js->pos] == '}')
		goto close;
	for (;;) {
		struct member mem;

		skip_space(js);
		if (js->failed)
			goto fail;
		if (js->s[js->pos] != '"') {
			syntax_error(js, js->pos,
				     js->s[js->pos] == '\'' ? "json-single-quote" : "json-expected-key",
				     NULL);
			goto fail;
		}
		mem.key = parse_string(js);
		if (!mem.key)
			goto fail;
		skip_space(js);
		if (js->s[js->pos] != ':') {
			syntax_error(js, js->pos, "json-expected-colon", NULL);
			goto fail;
		}
		js->pos++;
		mem.value = parse_value(js);
		if (!mem.value)
			goto fail;
		m.items = grow_array(m.items, &m.cap, m.n + 1, sizeof mem);
		((struct member *)m.items)[m.n++] = mem;
		skip_space(js);
		if (js->s[js->pos] == ',') {
			js->pos++;
			skip_space(js);
			if (trailing_comma(js, '}'))
				goto fail;
			continue;
		}
		if (js->s[js->pos] == '}')
			break;
		syntax_error(js, js->pos, "json-expected-comma-brace", NULL);
		goto fail;
	}
close:
	js->pos++;
	js->depth--;
	obj->end = js->pos;
	obj->nmembers = m.n;
	obj->members = doc_alloc(js->doc, m.n * sizeof(struct member));
	if (m.n)
		memcpy(obj->members, m.items, m.n * sizeof(struct member));
	free(m.items);
	return obj;
fail:
	free(m.items);
	return NULL;
}

static struct node *parse_array(struct json_scan *js)
{
	struct node *arr = doc_node(js->doc, NODE_SEQUENCE, js->pos, js->pos);
	struct pending m = { 0 };

	if (enter(js) < 0)
		return NULL;
	js->pos++;
	skip_space(js);
	if (js->s[js->pos] == ']')
		goto close;
	for (;;) {
		struct node *item = parse_value(js);

		if (!item)
			goto fail;
		m.items = grow_array(m.items, &m.cap, m.n + 1, sizeof item);
		((struct node **)m.items)[m.n++] = item;
		skip_space(js);
		if (js->s[js->pos] == ',') {
			js->pos++;
			skip_space(js);
			if (trailing_comma(js, ']'))
				goto fail;
			continue;
		}
		if (js->s[js->pos] == ']')
			break;
		syntax_error(js, js->pos, "json-expected-comma-bracket", NULL);
		goto fail;
	}
close:
	js->pos++;
	js->depth--;
	arr->end = js->pos;
	arr->nitems = m.n;
	arr->items = doc_alloc(js->doc, m.n * sizeof(struct node *));
	if (m.n)
		memcpy(arr->items, m.items, m.n * sizeof(struct node *));
	free(m.items);
	return arr;
fail:
	free(m.items);
	return NULL;
}

static struct node *parse_value(struct json_scan *js)
{
	skip_space(js);
	if (js->failed)
		return NULL;
	if (js->doc->nodes >= js->limits->max_nodes) {
		char limit[24];

		snprintf(limit, sizeof limit, "%zu", js->limits->max_nodes);
		diag_add(js->out, "CJ007", "nodes", js->pos, js->pos + 1, "", "limit", limit, NULL);
		js->failed = 1;
		return NULL;
	}
	switch (js->s[js->pos]) {
	case '{':
		return parse_object(js);
	case '[':
		return parse_array(js);
	case '"':
		return parse_string(js);
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return parse_number(js);
	case '\0':
		if (js->pos >= js->len) {
			syntax_error(js, js->pos, "json-unexpected-end", "end of file");
			return NULL;
		}
		/* fall through */
	default:
		return parse_literal(js);
	}
}

struct doc *load_json(struct source *src, const struct load_limits *limits,
		      struct diag_list *out)
{
	struct json_scan js = { 0 };
	struct doc *doc = doc_new();
	struct node *root;

	js.src = src;
	js.s = src->bytes;
	js.len = src->len;
	js.doc = doc;
	js.out = out;
	js.limits = limits;
	if (src->len >= 3 && memcmp(src->bytes, "\xEF\xBB\xBF", 3) == 0) {
		/* The CLI decodes file:// input as plain UTF-8 and then fails on the mark. */
		diag_add(out, "CJ002", "bom-json", 0, 3, "", NULL);
		js.pos = 3;
	}
	skip_space(&js);
	if (!js.failed && js.pos >= js.len) {
		diag_add(out, "CJ003", "empty", 0, 0, "", NULL);
		return doc;
	}
	js.tok = json_tokener_new_ex(2);
	json_tokener_set_flags(js.tok, JSON_TOKENER_STRICT);
	root = parse_value(&js);
	if (root) {
		skip_space(&js);
		if (!js.failed && js.pos < js.len)
			syntax_error(&js, js.pos, "json-extra-data", NULL);
	}
	json_tokener_free(js.tok);
	if (!js.failed)
		doc->root = root;
	return doc;
}
