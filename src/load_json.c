/* JSON loader. json-c decodes every string and number; because json-c keeps no
 * source positions, a small scanner walks the structure itself (with an explicit
 * stack of open containers, so that nesting never grows the C stack),
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

struct json_frame;

struct json_scan {
	struct source *src;
	const char *s;           /* src->bytes, NUL-terminated */
	size_t len, pos;
	struct doc *doc;
	struct diag_list *out;
	const struct load_limits *limits;
	struct json_tokener *tok;
	unsigned depth;
	struct json_frame *stack; /* the containers still open, innermost last */
	size_t nstack, stack_cap;
	int failed;              /* a syntax error was reported; stop */
};

static void syntax_error(struct json_scan *js, size_t at, enum rule_msg msg, const char *found)
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
	diag_add(js->out, msg, at, at < js->len ? at + 1 : at, "", DIAG_ARGS({ "found", found }));
}

static void skip_space(struct json_scan *js)
{
	while (js->pos < js->len) {
		char c = js->s[js->pos];

		if (c == '/' && (js->s[js->pos + 1] == '/' || js->s[js->pos + 1] == '*')) {
			syntax_error(js, js->pos, CJ001_JSON_COMMENT, NULL);
			return;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return;
		js->pos++;
	}
}

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
			syntax_error(js, i, CJ001_JSON_CONTROL_CHAR, NULL);
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
				syntax_error(js, i, CJ001_JSON_BAD_ESCAPE, NULL);
				return -1;
			}
			i += 2;
			continue;
		}
		if (i + 6 > js->len || hex4(js->s + i + 2, &u) < 0) {
			syntax_error(js, i, CJ001_JSON_BAD_ESCAPE, NULL);
			return -1;
		}
		i += 6;
		if (u >= 0xD800 && u <= 0xDBFF && js->s[i] == '\\' && js->s[i + 1] == 'u' &&
		    i + 6 <= js->len && hex4(js->s + i + 2, &low) == 0 && low >= 0xDC00 && low <= 0xDFFF)
			i += 6;
		else if (u >= 0xD800 && u <= 0xDFFF)
			*lone = 1;
	}
	syntax_error(js, js->pos, CJ001_JSON_UNTERMINATED_STRING, "end of file");
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
			syntax_error(js, start, CJ001_JSON_BAD_ESCAPE, NULL);
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
		syntax_error(js, i + 1, CJ001_JSON_LEADING_ZERO, NULL);
		return NULL;
	}
	if (!(s[i] >= '0' && s[i] <= '9')) {
		syntax_error(js, i, CJ001_JSON_UNEXPECTED, NULL);
		return NULL;
	}
	i = scan_digits(s, i);
	if (s[i] == '.') {
		is_float = 1;
		if (!(s[i + 1] >= '0' && s[i + 1] <= '9')) {
			syntax_error(js, i + 1, CJ001_JSON_BAD_NUMBER, NULL);
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
			syntax_error(js, j, CJ001_JSON_BAD_NUMBER, NULL);
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
	syntax_error(js, js->pos,
		     js->s[js->pos] == '\'' ? CJ001_JSON_SINGLE_QUOTE : CJ001_JSON_UNEXPECTED, NULL);
	return NULL;
}

/* A mapping or list still being read: its members or items are kept in malloc'd
 * memory until it closes. Open containers live on an explicit stack, so nesting
 * costs heap, not C stack. */
struct json_frame {
	struct node *node;
	struct node *key;        /* mappings: the key whose value is being read */
	void *items;             /* struct member[] or struct node *[] */
	size_t n, cap;
};

static int enter(struct json_scan *js)
{
	if (++js->depth > js->limits->max_depth) {
		char limit[24];

		snprintf(limit, sizeof limit, "%u", js->limits->max_depth);
		if (!js->failed)
			diag_add(js->out, CJ007_DEPTH, js->pos, js->pos + 1, "",
				 DIAG_ARGS({ "limit", limit }));
		js->failed = 1;
		return -1;
	}
	return 0;
}

/* After a ',' inside a container: a closing bracket here is a trailing comma,
 * reported on the comma, which is what to remove. */
static int trailing_comma(struct json_scan *js, size_t comma, char close)
{
	const char *found = close == '}' ? "'}'" : "']'";

	if (js->s[js->pos] != close)
		return 0;
	syntax_error(js, comma, CJ001_JSON_TRAILING_COMMA, found);
	return 1;
}

static struct json_frame *top_frame(struct json_scan *js)
{
	return &js->stack[js->nstack - 1];
}

static char closing_bracket(const struct json_frame *f)
{
	return f->node->kind == NODE_MAPPING ? '}' : ']';
}

/* Pushes the mapping or list that opens at the cursor and steps past its bracket. */
static int open_container(struct json_scan *js, enum node_kind kind)
{
	struct node *node = doc_node(js->doc, kind, js->pos, js->pos);
	struct json_frame *f;

	if (enter(js) < 0)
		return -1;
	js->stack = grow_array(js->stack, &js->stack_cap, js->nstack + 1, sizeof *js->stack);
	f = &js->stack[js->nstack++];
	memset(f, 0, sizeof *f);
	f->node = node;
	js->pos++;
	skip_space(js);
	return 0;
}

/* Pops the innermost container at its closing bracket and returns it, complete. */
static struct node *close_container(struct json_scan *js)
{
	struct json_frame *f = top_frame(js);
	struct node *node = f->node;
	size_t size = f->n * (node->kind == NODE_MAPPING ? sizeof(struct member)
							 : sizeof(struct node *));
	void *copy = doc_alloc(js->doc, size);

	if (size)
		memcpy(copy, f->items, size);
	if (node->kind == NODE_MAPPING) {
		node->members = copy;
		node->nmembers = f->n;
	} else {
		node->items = copy;
		node->nitems = f->n;
	}
	free(f->items);
	js->nstack--;
	js->pos++;
	js->depth--;
	node->end = js->pos;
	return node;
}

/* Reads `"key" :` of the next member of the innermost mapping. */
static int read_key(struct json_scan *js)
{
	struct json_frame *f = top_frame(js);

	skip_space(js);
	if (js->failed)
		return -1;
	if (js->s[js->pos] != '"') {
		syntax_error(js, js->pos,
			     js->s[js->pos] == '\'' ? CJ001_JSON_SINGLE_QUOTE : CJ001_JSON_EXPECTED_KEY,
			     NULL);
		return -1;
	}
	if (!(f->key = parse_string(js)))
		return -1;
	skip_space(js);
	if (js->s[js->pos] != ':') {
		syntax_error(js, js->pos, CJ001_JSON_EXPECTED_COLON, NULL);
		return -1;
	}
	js->pos++;
	return 0;
}

static void add_to_container(struct json_frame *f, struct node *value)
{
	if (f->node->kind == NODE_MAPPING) {
		struct member mem = { f->key, value };

		f->items = grow_array(f->items, &f->cap, f->n + 1, sizeof mem);
		((struct member *)f->items)[f->n++] = mem;
	} else {
		f->items = grow_array(f->items, &f->cap, f->n + 1, sizeof value);
		((struct node **)f->items)[f->n++] = value;
	}
}

enum json_next { JSON_ERROR, JSON_VALUE, JSON_CLOSE };

/* After a member or item: a ',' and the next one (its key read), or the closing bracket. */
static enum json_next after_value(struct json_scan *js)
{
	struct json_frame *f = top_frame(js);
	char close = closing_bracket(f);

	skip_space(js);
	if (js->s[js->pos] == ',') {
		size_t comma = js->pos++;

		skip_space(js);
		if (trailing_comma(js, comma, close))
			return JSON_ERROR;
		if (f->node->kind == NODE_MAPPING && read_key(js) < 0)
			return JSON_ERROR;
		return JSON_VALUE;
	}
	if (js->s[js->pos] == close)
		return JSON_CLOSE;
	syntax_error(js, js->pos,
		     close == '}' ? CJ001_JSON_EXPECTED_COMMA_BRACE : CJ001_JSON_EXPECTED_COMMA_BRACKET,
		     NULL);
	return JSON_ERROR;
}

/* Just inside a new container: its closing bracket, or its first key. */
static enum json_next after_open(struct json_scan *js)
{
	struct json_frame *f = top_frame(js);

	if (js->s[js->pos] == closing_bracket(f))
		return JSON_CLOSE;
	if (f->node->kind == NODE_MAPPING && read_key(js) < 0)
		return JSON_ERROR;
	return JSON_VALUE;
}

/* Reads a scalar whole, or opens a container (returns NULL and sets *opened). */
static struct node *start_value(struct json_scan *js, bool *opened)
{
	*opened = false;
	skip_space(js);
	if (js->failed)
		return NULL;
	if (js->doc->nodes >= js->limits->max_nodes) {
		char limit[24];

		snprintf(limit, sizeof limit, "%zu", js->limits->max_nodes);
		diag_add(js->out, CJ007_NODES, js->pos, js->pos + 1, "",
			 DIAG_ARGS({ "limit", limit }));
		js->failed = 1;
		return NULL;
	}
	switch (js->s[js->pos]) {
	case '{':
	case '[':
		*opened = open_container(js, js->s[js->pos] == '{' ? NODE_MAPPING
								   : NODE_SEQUENCE) == 0;
		return NULL;
	case '"':
		return parse_string(js);
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return parse_number(js);
	case '\0':
		if (js->pos >= js->len) {
			syntax_error(js, js->pos, CJ001_JSON_UNEXPECTED_END, "end of file");
			return NULL;
		}
		/* fall through */
	default:
		return parse_literal(js);
	}
}

/* Hands each finished value to its container; a container that closes is itself
 * finished. Returns JSON_VALUE when another value is to be read, or JSON_CLOSE with
 * *root set when the outermost value is complete. */
static enum json_next finish_value(struct json_scan *js, struct node *value, struct node **root)
{
	for (;;) {
		enum json_next next;

		if (js->nstack == 0) {
			*root = value;
			return JSON_CLOSE;
		}
		add_to_container(top_frame(js), value);
		next = after_value(js);
		if (next != JSON_CLOSE)
			return next;
		value = close_container(js);
	}
}

static struct node *parse_document(struct json_scan *js)
{
	struct node *root = NULL;

	for (;;) {
		bool opened;
		struct node *value = start_value(js, &opened);
		enum json_next next;

		if (opened) {
			next = after_open(js);
			if (next == JSON_VALUE)
				continue;
			if (next == JSON_ERROR)
				return NULL;
			value = close_container(js);
		}
		if (!value)
			return NULL;
		next = finish_value(js, value, &root);
		if (next == JSON_ERROR)
			return NULL;
		if (next == JSON_CLOSE)
			return root;
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
		struct diag *d = diag_add(out, CJ002_BOM_JSON, 0, 3, "", DIAG_NO_ARGS);
		struct fix *fix = fix_new(true, "remove the byte-order mark");

		fix_add_edit(fix, 0, 3, "");
		diag_set_fix(d, fix);
		js.pos = 3;
	}
	skip_space(&js);
	if (!js.failed && js.pos >= js.len) {
		diag_add(out, CJ003_EMPTY, 0, 0, "", DIAG_NO_ARGS);
		return doc;
	}
	js.tok = json_tokener_new_ex(2);
	if (!js.tok)
		xalloc_failed();
	json_tokener_set_flags(js.tok, JSON_TOKENER_STRICT);
	root = parse_document(&js);
	if (root) {
		skip_space(&js);
		if (!js.failed && js.pos < js.len)
			syntax_error(&js, js.pos, CJ001_JSON_EXTRA_DATA, NULL);
	}
	json_tokener_free(js.tok);
	while (js.nstack > 0)
		free(js.stack[--js.nstack].items);
	free(js.stack);
	if (!js.failed)
		doc->root = root;
	return doc;
}
