/* Source positions: byte ranges of the nodes the loaders build, line/column mapping
 * (columns in code points; LF, CRLF and a lone CR end lines) and the UTF-8 helpers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "load.h"
#include "source.h"
#include "textspan.h"
#include "suites.h"
#include "util.h"

static const struct load_limits limits = { LOAD_DEFAULT_DEPTH, LOAD_DEFAULT_NODES };

/* A loaded text: the source, its tree and the loader's findings. */
struct loaded {
	struct source *src;
	struct doc *doc;
	struct diag_list diags;
};

static struct loaded load_text(const char *text, enum source_format format)
{
	struct loaded l;

	diag_list_init(&l.diags);
	l.src = source_new("test", xstrdup(text), strlen(text), format);
	l.doc = format == SOURCE_JSON ? load_json(l.src, &limits, &l.diags)
				      : load_yaml(l.src, &limits, &l.diags);
	ck_assert_msg(l.doc->root != NULL, "no tree for %s", text);
	ck_assert_msg(l.diags.n == 0, "loader reported %s for %s", diag_rule_id(&l.diags.items[0]), text);
	return l;
}

static void loaded_free(struct loaded *l)
{
	doc_free(l->doc);
	source_free(l->src);
	diag_list_free(&l->diags);
}

/* The value of member `key` (or its key node when want_key) in a mapping. */
static const struct node *member(const struct node *map, const char *key, int want_key)
{
	size_t i;

	ck_assert_ptr_nonnull(map);
	ck_assert_int_eq(map->kind, NODE_MAPPING);
	for (i = 0; i < map->nmembers; i++)
		if (strcmp(map->members[i].key->text, key) == 0)
			return want_key ? map->members[i].key : map->members[i].value;
	ck_abort_msg("no member %s", key);
	return NULL;
}

static const struct node *item(const struct node *seq, size_t i)
{
	ck_assert_ptr_nonnull(seq);
	ck_assert_int_eq(seq->kind, NODE_SEQUENCE);
	ck_assert_uint_gt(seq->nitems, i);
	return seq->items[i];
}

/* Asserts a node's byte range [start, end) and the line:column of its start. */
#define ASSERT_NODE(l, n, s, e, ln, co)                                                    \
	do {                                                                               \
		const struct node *n_ = (n);                                               \
		struct position p_ = source_position((l)->src, n_->start);                 \
		ck_assert_msg(n_->start == (size_t)(s) && n_->end == (size_t)(e),          \
			      "%s: range %zu-%zu, want %d-%d", #n, n_->start, n_->end,     \
			      (int)(s), (int)(e));                                         \
		ck_assert_msg(p_.line == (unsigned)(ln) && p_.column == (unsigned)(co),    \
			      "%s: at %u:%u, want %d:%d", #n, p_.line, p_.column, (int)(ln), \
			      (int)(co));                                                  \
	} while (0)

/* The same for the start only (block collections end where libyaml sees the next token). */
#define ASSERT_START(l, n, s, ln, co)                                                      \
	do {                                                                               \
		const struct node *n_ = (n);                                               \
		struct position p_ = source_position((l)->src, n_->start);                 \
		ck_assert_msg(n_->start == (size_t)(s), "%s: starts at %zu, want %d", #n,  \
			      n_->start, (int)(s));                                        \
		ck_assert_msg(p_.line == (unsigned)(ln) && p_.column == (unsigned)(co),    \
			      "%s: at %u:%u, want %d:%d", #n, p_.line, p_.column, (int)(ln), \
			      (int)(co));                                                  \
	} while (0)

/* --- JSON ranges ----------------------------------------------------------------- */

START_TEST(json_keys_values_multibyte)
{
	/* é is 2 bytes and 1 column: the members after it are 1 column left of byte+1. */
	struct loaded l = load_text("{\"a\": \"\xC3\xA9\", \"b\": 1}", SOURCE_JSON);
	const struct node *root = l.doc->root;

	ASSERT_NODE(&l, root, 0, 19, 1, 1);
	ASSERT_NODE(&l, member(root, "a", 1), 1, 4, 1, 2);
	ASSERT_NODE(&l, member(root, "a", 0), 6, 10, 1, 7);
	ASSERT_NODE(&l, member(root, "b", 1), 12, 15, 1, 12);
	ASSERT_NODE(&l, member(root, "b", 0), 17, 18, 1, 17);
	ck_assert_str_eq(member(root, "a", 0)->text, "\xC3\xA9");
	loaded_free(&l);
}
END_TEST

START_TEST(json_cjk_and_emoji_before_value)
{
	/* line 2: two spaces, "日本" (6 bytes, 2 columns), then 😀 (4 bytes, 1 column). */
	struct loaded l = load_text("{\n  \"\xE6\x97\xA5\xE6\x9C\xAC\": \"\xF0\x9F\x98\x80\", "
				    "\"k\": \"v\"\n}",
				    SOURCE_JSON);
	const struct node *root = l.doc->root;

	ASSERT_NODE(&l, member(root, "\xE6\x97\xA5\xE6\x9C\xAC", 1), 4, 12, 2, 3);
	ASSERT_NODE(&l, member(root, "\xE6\x97\xA5\xE6\x9C\xAC", 0), 14, 20, 2, 9);
	ASSERT_NODE(&l, member(root, "k", 1), 22, 25, 2, 14);
	ASSERT_NODE(&l, member(root, "k", 0), 27, 30, 2, 19);
	/* The root ends after its '}' on line 3. */
	ck_assert_uint_eq(root->end, 32);
	ck_assert_uint_eq(source_position(l.src, root->end).line, 3);
	ck_assert_uint_eq(source_position(l.src, root->end).column, 2);
	loaded_free(&l);
}
END_TEST

START_TEST(json_crlf_nested_containers)
{
	const char *text = "{\r\n\"a\": [1,\r\n  {\"b\": true}],\r\n\"c\": []\r\n}";
	struct loaded l = load_text(text, SOURCE_JSON);
	const struct node *a = member(l.doc->root, "a", 0);
	const struct node *inner = item(a, 1);

	ASSERT_NODE(&l, a, 8, 27, 2, 6);
	ASSERT_NODE(&l, item(a, 0), 9, 10, 2, 7);
	ASSERT_NODE(&l, inner, 15, 26, 3, 3);
	ASSERT_NODE(&l, member(inner, "b", 1), 16, 19, 3, 4);
	ASSERT_NODE(&l, member(inner, "b", 0), 21, 25, 3, 9);
	ASSERT_NODE(&l, member(l.doc->root, "c", 0), 35, 37, 4, 6);
	/* End offsets are exclusive: the last byte of a range is its closing bracket. */
	ck_assert_int_eq(text[a->end - 1], ']');
	ck_assert_int_eq(text[inner->end - 1], '}');
	ck_assert_uint_eq(l.doc->root->end, strlen(text));
	loaded_free(&l);
}
END_TEST

START_TEST(json_tabs_count_one_column)
{
	struct loaded l = load_text("{\t\"a\":\t\t\"x\",\n\t\"b\":\t[\t2\t]}", SOURCE_JSON);
	const struct node *b = member(l.doc->root, "b", 0);

	ASSERT_NODE(&l, member(l.doc->root, "a", 1), 2, 5, 1, 3);
	ASSERT_NODE(&l, member(l.doc->root, "a", 0), 8, 11, 1, 9);
	ASSERT_NODE(&l, member(l.doc->root, "b", 1), 14, 17, 2, 2);
	ASSERT_NODE(&l, b, 19, 24, 2, 7);
	ASSERT_NODE(&l, item(b, 0), 21, 22, 2, 9);
	loaded_free(&l);
}
END_TEST

START_TEST(json_escapes_keep_source_range)
{
	/* The decoded text is shorter than the source range, which covers the quotes. */
	struct loaded l = load_text("{\"k\": \"a\\u00e9\\n\\ud83d\\ude00\", \"n\": -1.5e3}",
				    SOURCE_JSON);
	const struct node *v = member(l.doc->root, "k", 0);
	const struct node *n = member(l.doc->root, "n", 0);

	ASSERT_NODE(&l, v, 6, 29, 1, 7);
	ck_assert_str_eq(v->text, "a\xC3\xA9\n\xF0\x9F\x98\x80");
	ck_assert_uint_eq(v->len, 8);
	ck_assert_int_eq(n->kind, NODE_FLOAT);
	ASSERT_NODE(&l, n, 36, 42, 1, 37);
	ck_assert_str_eq(n->text, "-1.5e3");
	loaded_free(&l);
}
END_TEST

/* --- YAML ranges ----------------------------------------------------------------- */

START_TEST(yaml_plain_and_quoted_scalars)
{
	/* A plain scalar covers its text; a quoted one starts and ends at its quotes. */
	const char *text = "a: \xC3\xA9t\xC3\xA9\n"
			   "b: \"\xE6\x97\xA5\xE6\x9C\xAC\"\n"
			   "c: 'x y'\n"
			   "d: plain words  \n";
	struct loaded l = load_text(text, SOURCE_YAML);
	const struct node *root = l.doc->root;

	ASSERT_NODE(&l, member(root, "a", 1), 0, 1, 1, 1);
	ASSERT_NODE(&l, member(root, "a", 0), 3, 8, 1, 4);
	ck_assert(member(root, "a", 0)->flags & NODE_PLAIN);
	ASSERT_NODE(&l, member(root, "b", 1), 9, 10, 2, 1);
	ASSERT_NODE(&l, member(root, "b", 0), 12, 20, 2, 4);
	ck_assert(!(member(root, "b", 0)->flags & NODE_PLAIN));
	ck_assert_str_eq(member(root, "b", 0)->text, "\xE6\x97\xA5\xE6\x9C\xAC");
	ASSERT_NODE(&l, member(root, "c", 0), 24, 29, 3, 4);
	ck_assert_str_eq(member(root, "c", 0)->text, "x y");
	/* Trailing spaces are not part of a plain scalar. */
	ASSERT_NODE(&l, member(root, "d", 0), 33, 44, 4, 4);
	/* A block mapping starts at its first key. */
	ASSERT_NODE(&l, root, 0, strlen(text), 1, 1);
	loaded_free(&l);
}
END_TEST

START_TEST(yaml_emoji_before_value_same_line)
{
	/* 😀 is 4 bytes and one column; libyaml counts characters, the tree bytes. */
	const char *text = "k: [\xF0\x9F\x98\x80, v]\n"
			   "m: {\xE6\x97\xA5: \xF0\x9F\x98\x80x, z: w}\n";
	struct loaded l = load_text(text, SOURCE_YAML);
	const struct node *k = member(l.doc->root, "k", 0);
	const struct node *m = member(l.doc->root, "m", 0);

	ASSERT_NODE(&l, k, 3, 12, 1, 4);
	ASSERT_NODE(&l, item(k, 0), 4, 8, 1, 5);
	ASSERT_NODE(&l, item(k, 1), 10, 11, 1, 8);
	ASSERT_NODE(&l, m, 16, 34, 2, 4);
	ASSERT_NODE(&l, member(m, "\xE6\x97\xA5", 1), 17, 20, 2, 5);
	ASSERT_NODE(&l, member(m, "\xE6\x97\xA5", 0), 22, 27, 2, 8);
	ASSERT_NODE(&l, member(m, "z", 1), 29, 30, 2, 12);
	ASSERT_NODE(&l, member(m, "z", 0), 32, 33, 2, 15);
	loaded_free(&l);
}
END_TEST

START_TEST(yaml_nested_block_collections)
{
	const char *text = "top:\n"
			   "  list:\n"
			   "    - one\n"
			   "    - key: \xC3\xA9\n"
			   "      other: [1, 2]\n"
			   "  after: x\n";
	struct loaded l = load_text(text, SOURCE_YAML);
	const struct node *top = member(l.doc->root, "top", 0);
	const struct node *list = member(top, "list", 0);
	const struct node *entry = item(list, 1);

	/* A block mapping starts at its first key, a block list at its first "- ". */
	ASSERT_START(&l, top, 7, 2, 3);
	ASSERT_START(&l, list, 17, 3, 5);
	ASSERT_NODE(&l, item(list, 0), 19, 22, 3, 7);
	ASSERT_START(&l, entry, 29, 4, 7);
	ASSERT_NODE(&l, member(entry, "key", 0), 34, 36, 4, 12);
	ASSERT_NODE(&l, member(entry, "other", 0), 50, 56, 5, 14);
	ASSERT_NODE(&l, item(member(entry, "other", 0), 1), 54, 55, 5, 18);
	ASSERT_NODE(&l, member(top, "after", 1), 59, 64, 6, 3);
	/* A block collection ends after its last content. */
	ck_assert_uint_ge(list->end, 56);
	ck_assert_uint_le(list->end, 59);
	ck_assert_uint_ge(top->end, 66);
	loaded_free(&l);
}
END_TEST

START_TEST(yaml_crlf_and_lone_cr)
{
	struct loaded l = load_text("a: 1\r\nb: \xC3\xA9\r\nc:\r\n  - x\r\n", SOURCE_YAML);
	struct loaded cr = load_text("a: x\rb: y\r", SOURCE_YAML);

	ASSERT_NODE(&l, member(l.doc->root, "b", 1), 6, 7, 2, 1);
	ASSERT_NODE(&l, member(l.doc->root, "b", 0), 9, 11, 2, 4);
	ASSERT_NODE(&l, item(member(l.doc->root, "c", 0), 0), 21, 22, 4, 5);
	/* A lone CR ends a line for libyaml and for the position map alike. */
	ASSERT_NODE(&cr, member(cr.doc->root, "b", 1), 5, 6, 2, 1);
	ASSERT_NODE(&cr, member(cr.doc->root, "b", 0), 8, 9, 2, 4);
	loaded_free(&l);
	loaded_free(&cr);
}
END_TEST

START_TEST(yaml_tabs_after_indentation)
{
	/* Tabs inside quoted scalars and comments count one column each. (Between
	 * tokens the AWS CLI's reader refuses them: see the CJ001 tests.) */
	struct loaded l = load_text("a: \"\tx\"\nb: \"\ty\" # note\tz\nc: [\"\t1\"]\n", SOURCE_YAML);

	ASSERT_NODE(&l, member(l.doc->root, "a", 0), 3, 7, 1, 4);
	ASSERT_NODE(&l, member(l.doc->root, "b", 0), 11, 15, 2, 4);
	ck_assert_str_eq(member(l.doc->root, "b", 0)->text, "\ty");
	ASSERT_NODE(&l, item(member(l.doc->root, "c", 0), 0), 29, 33, 3, 5);
	loaded_free(&l);
}
END_TEST

START_TEST(yaml_block_scalar_and_alias)
{
	const char *text = "a: |\n  line \xC3\xA9\nb: &anc \xC3\xA9\nc: *anc\n";
	struct loaded l = load_text(text, SOURCE_YAML);
	const struct node *a = member(l.doc->root, "a", 0);
	const struct node *b = member(l.doc->root, "b", 0);
	const struct node *c = member(l.doc->root, "c", 0);

	/* A block scalar starts at its | indicator; an alias covers "*name". */
	ck_assert(a->flags & NODE_BLOCK);
	ck_assert_str_eq(a->text, "line \xC3\xA9\n");
	ASSERT_START(&l, a, 3, 1, 4);
	ck_assert_int_eq(c->kind, NODE_ALIAS);
	ck_assert_ptr_eq(c->target, b);
	ck_assert_ptr_eq(node_deref(c), b);
	ck_assert_str_eq(b->anchor, "anc");
	ASSERT_NODE(&l, c, 29, 33, 4, 4);
	loaded_free(&l);
}
END_TEST

START_TEST(yaml_after_bom)
{
	/* A UTF-8 byte-order mark may start a YAML file; it takes 3 bytes before the text.
	 * libyaml does not count it in its mark index, so the loader must: value b covers
	 * byte 6 (not the space at 5) and key c starts at 8. */
	struct loaded l = load_text("\xEF\xBB\xBF" "a: b\nc: d\n", SOURCE_YAML);
	const struct node *b = member(l.doc->root, "a", 0);

	ck_assert_msg(b->start == 6 && b->end == 7, "b at %zu-%zu, want 6-7", b->start, b->end);
	ASSERT_NODE(&l, member(l.doc->root, "c", 1), 8, 9, 2, 1);
	ASSERT_NODE(&l, member(l.doc->root, "c", 0), 11, 12, 2, 4);
	loaded_free(&l);
}
END_TEST

/* --- source_position and source_line --------------------------------------------- */

START_TEST(position_line_breaks)
{
	static const struct {
		size_t offset;
		unsigned line, column;
	} cases[] = {
		{ 0, 1, 1 },  { 2, 1, 3 },   /* 'a', then the LF ending line 1 */
		{ 3, 2, 1 },  { 5, 2, 3 },   /* line start after LF; the CR of CRLF */
		{ 6, 2, 4 },  { 7, 3, 1 },   /* the LF of CRLF stays on line 2 */
		{ 9, 3, 3 },  { 10, 4, 1 },  /* a lone CR ends line 3 */
		{ 12, 4, 3 },                /* the end of the text */
		{ 13, 4, 3 }, { 1000, 4, 3 } /* past the end: clamped to the end */
	};
	char *text = xstrdup("ab\ncd\r\nef\rgh");
	struct source *src = source_new("t", text, strlen(text), SOURCE_JSON);
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct position p = source_position(src, cases[i].offset);

		ck_assert_msg(p.line == cases[i].line && p.column == cases[i].column,
			      "offset %zu: %u:%u, want %u:%u", cases[i].offset, p.line, p.column,
			      cases[i].line, cases[i].column);
		ck_assert_uint_eq(p.offset, cases[i].offset > 12 ? 12 : cases[i].offset);
	}
	source_free(src);
}
END_TEST

START_TEST(position_multibyte_columns)
{
	/* é (2 bytes), 日 (3), 😀 (4), then x: x is the 4th code point of line 2. */
	char *text = xstrdup("\n\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80x\n");
	struct source *src = source_new("t", text, strlen(text), SOURCE_YAML);

	ck_assert_uint_eq(source_position(src, 1).column, 1);
	ck_assert_uint_eq(source_position(src, 3).column, 2);
	ck_assert_uint_eq(source_position(src, 6).column, 3);
	ck_assert_uint_eq(source_position(src, 10).column, 4);
	ck_assert_uint_eq(source_position(src, 10).line, 2);
	ck_assert_uint_eq(source_position(src, 11).column, 5);
	ck_assert_uint_eq(source_position(src, 12).line, 3);
	ck_assert_uint_eq(source_position(src, 12).column, 1);
	source_free(src);
}
END_TEST

START_TEST(position_trailing_newline_and_empty)
{
	char *text = xstrdup("ab\n");
	struct source *src = source_new("t", text, 3, SOURCE_JSON);
	struct source *empty = source_new("e", xstrdup(""), 0, SOURCE_JSON);
	struct position p = source_position(src, 3);

	ck_assert_uint_eq(p.line, 2);
	ck_assert_uint_eq(p.column, 1);
	p = source_position(empty, 0);
	ck_assert_uint_eq(p.line, 1);
	ck_assert_uint_eq(p.column, 1);
	p = source_position(empty, 5);
	ck_assert_uint_eq(p.line, 1);
	ck_assert_uint_eq(p.offset, 0);
	source_free(src);
	source_free(empty);
}
END_TEST

START_TEST(source_line_without_break)
{
	char *text = xstrdup("ab\r\n\xC3\xA9\rlast");
	struct source *src = source_new("t", text, strlen(text), SOURCE_YAML);
	const char *s;
	size_t len;

	s = source_line(src, 1, &len);
	ck_assert_uint_eq(len, 2);
	ck_assert(strncmp(s, "ab", 2) == 0);
	s = source_line(src, 2, &len);
	ck_assert_uint_eq(len, 2);
	ck_assert(strncmp(s, "\xC3\xA9", 2) == 0);
	s = source_line(src, 3, &len);
	ck_assert_uint_eq(len, 4);
	ck_assert(strncmp(s, "last", 4) == 0);
	source_line(src, 4, &len);
	ck_assert_uint_eq(len, 0);
	source_line(src, 0, &len);
	ck_assert_uint_eq(len, 0);
	source_free(src);
}
END_TEST

START_TEST(guess_format)
{
	ck_assert_int_eq(source_guess_format("x.json", "a: b", 4), SOURCE_JSON);
	ck_assert_int_eq(source_guess_format("x.yaml", "{}", 2), SOURCE_YAML);
	ck_assert_int_eq(source_guess_format("x.yml", "[]", 2), SOURCE_YAML);
	ck_assert_int_eq(source_guess_format("-", " \r\n\t{", 5), SOURCE_JSON);
	ck_assert_int_eq(source_guess_format("-", "\xEF\xBB\xBF [", 5), SOURCE_JSON);
	ck_assert_int_eq(source_guess_format("-", "Type: X", 7), SOURCE_YAML);
	ck_assert_int_eq(source_guess_format("-", "  ", 2), SOURCE_YAML);
}
END_TEST

/* --- UTF-8 helpers --------------------------------------------------------------- */

START_TEST(utf8_decode_valid)
{
	static const struct {
		const char *bytes;
		size_t len;
		uint32_t cp;
	} cases[] = {
		{ "A", 1, 0x41 },
		{ "\x7F", 1, 0x7F },
		{ "\xC2\x80", 2, 0x80 },
		{ "\xC3\xA9", 2, 0xE9 },
		{ "\xDF\xBF", 2, 0x7FF },
		{ "\xE0\xA0\x80", 3, 0x800 },
		{ "\xE6\x97\xA5", 3, 0x65E5 },
		{ "\xED\x9F\xBF", 3, 0xD7FF },
		{ "\xEE\x80\x80", 3, 0xE000 },
		{ "\xEF\xBB\xBF", 3, 0xFEFF },
		{ "\xF0\x90\x80\x80", 4, 0x10000 },
		{ "\xF0\x9F\x98\x80", 4, 0x1F600 },
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		uint32_t cp = 0;
		/* Extra bytes after the sequence do not change the result. */
		char buf[8] = { 0 };

		memcpy(buf, cases[i].bytes, cases[i].len);
		buf[cases[i].len] = 'z';
		ck_assert_uint_eq(utf8_decode((const unsigned char *)buf, cases[i].len + 1, &cp),
				  cases[i].len);
		ck_assert_msg(cp == cases[i].cp, "case %zu: U+%04X", i, (unsigned)cp);
	}
}
END_TEST

START_TEST(utf8_decode_invalid)
{
	static const struct {
		const char *bytes;
		size_t n;
		const char *why;
	} cases[] = {
		{ "\x80", 1, "lone continuation byte" },
		{ "\xBF", 1, "lone continuation byte" },
		{ "\xC0\x80", 2, "overlong NUL" },
		{ "\xC1\xBF", 2, "overlong 2-byte" },
		{ "\xE0\x80\x80", 3, "overlong 3-byte NUL" },
		{ "\xE0\x9F\xBF", 3, "overlong U+07FF" },
		{ "\xF0\x80\x80\x80", 4, "overlong 4-byte" },
		{ "\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF" },
		{ "\xED\xA0\x80", 3, "surrogate U+D800" },
		{ "\xED\xBF\xBF", 3, "surrogate U+DFFF" },
		{ "\xF4\x90\x80\x80", 4, "past U+10FFFF" },
		{ "\xF5\x80\x80\x80", 4, "F5 lead byte" },
		{ "\xFF", 1, "FF byte" },
		{ "\xC3", 1, "truncated 2-byte" },
		{ "\xE6\x97", 2, "truncated 3-byte" },
		{ "\xF0\x9F\x98", 3, "truncated 4-byte" },
		{ "\xC3\xA9", 1, "n cuts the sequence" },
		{ "\xE6\x41\xA5", 3, "ASCII in place of a continuation" },
		{ "\xE6\x97\xC3", 3, "lead byte in place of a continuation" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		uint32_t cp = 0xABCD;

		ck_assert_msg(utf8_decode((const unsigned char *)cases[i].bytes, cases[i].n, &cp) == 0,
			      "%s accepted", cases[i].why);
		ck_assert_msg(cp == 0xABCD, "%s: cp changed", cases[i].why);
	}
}
END_TEST

START_TEST(utf8_count_cases)
{
	ck_assert_uint_eq(utf8_count("", 0), 0);
	ck_assert_uint_eq(utf8_count("abc", 3), 3);
	ck_assert_uint_eq(utf8_count("a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80", 10), 4);
	/* Each malformed byte counts as one. */
	ck_assert_uint_eq(utf8_count("\xFF\xFE", 2), 2);
	ck_assert_uint_eq(utf8_count("a\xE6\x97" "b", 4), 4);
	ck_assert_uint_eq(utf8_count("\xC0\x80", 2), 2);
	ck_assert_uint_eq(utf8_count("\xED\xA0\x80", 3), 3);
	/* n stops the count, even inside a sequence. */
	ck_assert_uint_eq(utf8_count("\xC3\xA9\xC3\xA9", 2), 1);
	ck_assert_uint_eq(utf8_count("\xF0\x9F\x98\x80", 2), 2);
}
END_TEST

START_TEST(utf8_first_invalid_cases)
{
	ck_assert_uint_eq(utf8_first_invalid("", 0), 0);
	ck_assert_uint_eq(utf8_first_invalid("plain", 5), 5);
	ck_assert_uint_eq(utf8_first_invalid("\xC3\xA9\xF0\x9F\x98\x80", 6), 6);
	ck_assert_uint_eq(utf8_first_invalid("ab\xFF" "cd", 5), 2);
	ck_assert_uint_eq(utf8_first_invalid("\xC3\xA9\xC3", 3), 2);       /* truncated at end */
	ck_assert_uint_eq(utf8_first_invalid("\xC0\x80", 2), 0);           /* overlong */
	ck_assert_uint_eq(utf8_first_invalid("x\xED\xA0\x80", 4), 1);      /* surrogate */
	ck_assert_uint_eq(utf8_first_invalid("\xE6\x97\xA5\x97", 4), 3);   /* stray continuation */
	ck_assert_uint_eq(utf8_first_invalid("\xF4\x90\x80\x80", 4), 0);   /* past U+10FFFF */
	/* A NUL byte is well-formed UTF-8. */
	ck_assert_uint_eq(utf8_first_invalid("a\0b", 3), 3);
}
END_TEST

START_TEST(utf8_append_round_trip)
{
	static const uint32_t cps[] = { 0x0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x65E5,
					0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	static const size_t widths[] = { 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4 };
	size_t i;

	for (i = 0; i < sizeof cps / sizeof *cps; i++) {
		struct strbuf sb;
		uint32_t cp = 0xABCDEF;

		sb_init(&sb);
		utf8_append(&sb, cps[i]);
		ck_assert_uint_eq(sb.len, widths[i]);
		ck_assert_uint_eq(utf8_decode((const unsigned char *)sb.buf, sb.len, &cp), widths[i]);
		ck_assert_uint_eq(cp, cps[i]);
		sb_free(&sb);
	}
}
END_TEST

/* --- textspan: a part of a scalar's decoded text back to its source bytes. ---- */

/* The source bytes that textspan places the first `needle` of member k's text on,
 * or NULL when it gives no place. Caller frees. */
static char *span_of(const char *text, enum source_format format, const char *needle)
{
	struct loaded l = load_text(text, format);
	const struct node *n = member(l.doc->root, "k", 0);
	const char *at = memmem(n->text, n->len, needle, strlen(needle));
	struct textspan ts = { 0 };
	size_t start, end;
	char *got = NULL;

	ck_assert_msg(at != NULL, "%s is not in the text of %s", needle, text);
	if (textspan_find(&ts, l.src, n, (size_t)(at - n->text), (size_t)(at - n->text) + strlen(needle),
			  &start, &end))
		got = xstrndup(l.src->bytes + start, end - start);
	loaded_free(&l);
	return got;
}

static void assert_span(const char *text, enum source_format format, const char *needle,
			const char *want)
{
	char *got = span_of(text, format, needle);

	if (!want)
		ck_assert_msg(got == NULL, "%s: placed %s on '%s'", text, needle, got);
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "%s: %s placed on '%s', not '%s'",
			      text, needle, got ? got : "(nothing)", want);
	free(got);
}

START_TEST(textspan_json_escapes)
{
	assert_span("{\"k\": \"a\\u00e9\\/${X}b\"}", SOURCE_JSON, "${X}", "${X}");
	assert_span("{\"k\": \"\\u0024{X}\"}", SOURCE_JSON, "${X}", "\\u0024{X}");
	assert_span("{\"k\": \"\\ud83d\\ude00\\\"${X}\"}", SOURCE_JSON, "${X}", "${X}");
	assert_span("{\"k\": \"${A\\u002eB}\\n\"}", SOURCE_JSON, "${A.B}", "${A\\u002eB}");
	/* A part that starts or ends inside one escape's bytes has no place. */
	assert_span("{\"k\": \"\\u00e9x\"}", SOURCE_JSON, "\xa9x", NULL);
	assert_span("{\"k\": \"x\\u00e9\"}", SOURCE_JSON, "x\xc3", NULL);
}
END_TEST

START_TEST(textspan_yaml_styles)
{
	assert_span("k: a ${X} b\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: \"\\x41\\u00e9\\U0001F600\\N\\t\\\\${X}\"\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: \"\\x24{X}\"\n", SOURCE_YAML, "${X}", "\\x24{X}");
	assert_span("k: 'it''s ''${X}'''\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: 'a''${X}'\r\nj: b\r\n", SOURCE_YAML, "'${X}", "''${X}");
}
END_TEST

/* Block and multi-line plain scalars: found as the same copy of the part in the
 * source, when it holds as many as the text. */
START_TEST(textspan_yaml_lines)
{
	assert_span("k: >-\n  a\n  b${X}\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: |  # ${X}\n  ${X}\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: a\n  ${X}\r\n  ${X}\r\n", SOURCE_YAML, "${X}", "${X}");
	assert_span("k: |2\n    ${X}\n", SOURCE_YAML, "${X}", "${X}");
	/* Blanks may be where a line was folded: no place. */
	assert_span("k: >\n  a\n  b\n", SOURCE_YAML, "a b", NULL);
	assert_span("k: |\n  ${X}\n\n# ${X}\nj: b\n", SOURCE_YAML, "${X}", "${X}");
}
END_TEST

/* Asks ts for text[from, to) of n and asserts it is placed on source[start, end). */
static void expect_part_at(struct textspan *ts, const struct loaded *l, const struct node *n,
			   size_t from, size_t to, size_t want_start, size_t want_end)
{
	size_t start, end;

	ck_assert_msg(textspan_find(ts, l->src, n, from, to, &start, &end), "[%zu, %zu) has no place",
		      from, to);
	ck_assert_uint_eq(start, want_start);
	ck_assert_uint_eq(end, want_end);
}

/* The k-th copy in the text is the k-th in the source, after the block header. */
START_TEST(textspan_copies_in_order)
{
	struct loaded l = load_text("k: >- # ${X}\n  ${X}/\n  ${X}\n", SOURCE_YAML);
	const struct node *n = member(l.doc->root, "k", 0);
	struct textspan ts = { 0 };

	ck_assert_str_eq(n->text, "${X}/ ${X}");
	expect_part_at(&ts, &l, n, 6, 10, 23, 27);
	expect_part_at(&ts, &l, n, 0, 4, 15, 19);
	loaded_free(&l);
}
END_TEST

START_TEST(textspan_yaml_no_certain_place)
{
	assert_span("k: \"a\n  ${X}\"\n", SOURCE_YAML, "${X}", NULL);
	assert_span("k: 'a\n  ${X}'\n", SOURCE_YAML, "${X}", NULL);
	assert_span("k: !!str ${X}\n", SOURCE_YAML, "${X}", NULL);
	assert_span("k: &a \"${X}\"\n", SOURCE_YAML, "${X}", NULL);
	assert_span("k: &a |\n  ${X}\n", SOURCE_YAML, "${X}", NULL);
	assert_span("k: !!str |\n  ${X}\n", SOURCE_YAML, "${X}", NULL);
}
END_TEST

/* Parts asked for in order decode once; an earlier part starts again. */
START_TEST(textspan_order_of_parts)
{
	struct loaded l = load_text("k: \"\\t${A}/${B}\"\n", SOURCE_YAML);
	const struct node *n = member(l.doc->root, "k", 0);
	struct textspan ts = { 0 };
	size_t start, end;

	expect_part_at(&ts, &l, n, 6, 10, 11, 15);
	expect_part_at(&ts, &l, n, 1, 5, 6, 10);
	ck_assert(!textspan_find(&ts, l.src, n, 3, 3, &start, &end));
	ck_assert(!textspan_find(&ts, l.src, n, 3, 99, &start, &end));
	loaded_free(&l);
}
END_TEST

/* A block or multi-line scalar is searched by copies for 16 parts, each asked
 * twice (a finding, then its fix): the 17th part gets no place, so that a value of
 * thousands of references is not read once per reference. */
START_TEST(textspan_copies_bounded)
{
	struct loaded l = load_text("k: >-\n  a\n  ${X}${X}${X}${X}${X}${X}${X}${X}${X}"
				    "${X}${X}${X}${X}${X}${X}${X}${X}\n", SOURCE_YAML);
	const struct node *n = member(l.doc->root, "k", 0);
	struct textspan ts = { 0 };
	size_t i, start, end;

	for (i = 0; i < TEXTSPAN_MAX_COPIES_SEARCHES; i++) {
		ck_assert(textspan_find(&ts, l.src, n, 2 + 4 * i, 6 + 4 * i, &start, &end));
		ck_assert_uint_eq(start, 12 + 4 * i);
		ck_assert(textspan_find(&ts, l.src, n, 2 + 4 * i, 6 + 4 * i, &start, &end));
		ck_assert_uint_eq(end, 16 + 4 * i);
	}
	ck_assert(!textspan_find(&ts, l.src, n, 2 + 4 * i, 6 + 4 * i, &start, &end));
	loaded_free(&l);
}
END_TEST

Suite *position_suite(void)
{
	Suite *s = suite_create("position");
	TCase *json = tcase_create("json");
	TCase *yaml = tcase_create("yaml");
	TCase *pos = tcase_create("source_position");
	TCase *utf8 = tcase_create("utf8");
	TCase *span = tcase_create("textspan");

	tcase_add_test(json, json_keys_values_multibyte);
	tcase_add_test(json, json_cjk_and_emoji_before_value);
	tcase_add_test(json, json_crlf_nested_containers);
	tcase_add_test(json, json_tabs_count_one_column);
	tcase_add_test(json, json_escapes_keep_source_range);
	suite_add_tcase(s, json);

	tcase_add_test(yaml, yaml_plain_and_quoted_scalars);
	tcase_add_test(yaml, yaml_emoji_before_value_same_line);
	tcase_add_test(yaml, yaml_nested_block_collections);
	tcase_add_test(yaml, yaml_crlf_and_lone_cr);
	tcase_add_test(yaml, yaml_tabs_after_indentation);
	tcase_add_test(yaml, yaml_block_scalar_and_alias);
	tcase_add_test(yaml, yaml_after_bom);
	suite_add_tcase(s, yaml);

	tcase_add_test(pos, position_line_breaks);
	tcase_add_test(pos, position_multibyte_columns);
	tcase_add_test(pos, position_trailing_newline_and_empty);
	tcase_add_test(pos, source_line_without_break);
	tcase_add_test(pos, guess_format);
	suite_add_tcase(s, pos);

	tcase_add_test(utf8, utf8_decode_valid);
	tcase_add_test(utf8, utf8_decode_invalid);
	tcase_add_test(utf8, utf8_count_cases);
	tcase_add_test(utf8, utf8_first_invalid_cases);
	tcase_add_test(utf8, utf8_append_round_trip);
	suite_add_tcase(s, utf8);

	tcase_add_test(span, textspan_json_escapes);
	tcase_add_test(span, textspan_yaml_styles);
	tcase_add_test(span, textspan_yaml_lines);
	tcase_add_test(span, textspan_copies_in_order);
	tcase_add_test(span, textspan_yaml_no_certain_place);
	tcase_add_test(span, textspan_order_of_parts);
	tcase_add_test(span, textspan_copies_bounded);
	suite_add_tcase(s, span);
	return s;
}
