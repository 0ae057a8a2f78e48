/* Bounded work: positions from the line index agree with counting from the start
 * of the line, in any order of calls and across marks; globs keep their rules;
 * secret ranges added in any order are found. */
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "source.h"
#include "suites.h"
#include "util.h"

/* The column as counted before the index: from the line start, code point by code
 * point; *line gets the 1-based line. */
static unsigned counted_column(const char *b, size_t len, size_t off, unsigned *line)
{
	size_t start = 0, i;

	*line = 1;
	for (i = 0; i < off && i < len; i++) {
		if (b[i] == '\r' && i + 1 < len && b[i + 1] == '\n') {
			if (i + 1 >= off)
				continue; /* the offset is the LF of a CRLF: still this line */
			i++;
		} else if (b[i] != '\n' && b[i] != '\r') {
			continue;
		}
		start = i + 1;
		(*line)++;
	}
	return (unsigned)utf8_count(b + start, off - start) + 1;
}

/* Random text of ASCII, multibyte characters, malformed bytes and line breaks. */
static char *random_text(size_t len, unsigned *seed)
{
	static const char pieces[] = "ab\n\r\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff\x80";
	char *b = malloc(len + 1);
	size_t i;

	ck_assert_ptr_nonnull(b);
	for (i = 0; i < len; i++)
		b[i] = rand_r(seed) % 10 < 8 ? 'x' : pieces[rand_r(seed) % (sizeof pieces - 1)];
	b[len] = '\0';
	return b;
}

START_TEST(positions_match_counting_in_any_order)
{
	unsigned seed = 7;
	int t, q;

	for (t = 0; t < 200; t++) {
		size_t len = (size_t)(rand_r(&seed) % (4 * SOURCE_MARK_STRIDE * 3));
		char *b = random_text(len, &seed);
		struct source *src = source_new("x", b, len, SOURCE_JSON);

		for (q = 0; q < 100; q++) {
			size_t off = (size_t)rand_r(&seed) % (len + 1);
			unsigned line, column = counted_column(b, len, off, &line);
			struct position p = source_position(src, off);

			ck_assert_uint_eq(p.line, line);
			ck_assert_uint_eq(p.column, column);
		}
		source_free(src);
	}
}
END_TEST

START_TEST(column_offsets_invert_columns_on_a_long_line)
{
	struct strbuf sb;
	struct source *src;
	size_t len, i, off;
	const char *line;

	sb_init(&sb);
	sb_adds(&sb, "first\n");
	for (i = 0; i < 5000; i++)
		sb_adds(&sb, i % 3 ? "a" : "\xc3\xa9");
	sb_adds(&sb, "\nlast");
	len = sb.len;
	src = source_new("x", sb_detach(&sb), len, SOURCE_YAML);
	line = source_line(src, 2, &len);
	ck_assert_uint_eq(source_line_columns(src, 2), 5000);
	for (off = 0; off <= len; off++) {
		struct position p = source_position(src, (size_t)(line - src->bytes) + off);

		if (off < len && ((unsigned char)line[off] & 0xC0) == 0x80)
			continue; /* inside a character */
		ck_assert_uint_eq(source_column_offset(src, 2, p.column), off);
	}
	ck_assert_uint_eq(source_column_offset(src, 2, 99999), len);
	source_free(src);
}
END_TEST

START_TEST(masks_added_out_of_order)
{
	struct source *src = source_new("x", xstrdup("0123456789abcdef"), 16, SOURCE_JSON);
	size_t i;

	source_add_mask(src, 10, 12);
	source_add_mask(src, 2, 4);
	source_add_mask(src, 3, 6);
	source_add_mask(src, 10, 11);
	for (i = 0; i < 16; i++)
		ck_assert_int_eq(source_is_masked(src, i), (i >= 2 && i < 6) || (i >= 10 && i < 12));
	source_add_mask(src, 0, 1);
	ck_assert(source_is_masked(src, 0) && !source_is_masked(src, 1));
	source_free(src);
}
END_TEST

START_TEST(glob_rules)
{
	static const struct {
		const char *pattern, *path;
		bool match;
	} cases[] = {
		{ "*.json", "a.json", true }, { "*.json", "d/a.json", false },
		{ "**/x", "x", true }, { "**/x", "a/b/x", true }, { "**/x", "ax", false },
		{ "a/**/b", "a/b", true }, { "vendor/**", "vendor/a/b", true },
		{ "[a-z]", "z", true }, { "[a-z]", "A", false }, { "[!a]", "/", false },
		{ "[^a]", "a", false }, { "[", "[", true }, { "a[", "a[", true },
		{ "[]a]", "]", true }, { "?", "/", false }, { "x", "./x", true },
	};
	char path[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		ck_assert_msg(glob_match(cases[i].pattern, cases[i].path) == cases[i].match,
			      "%s against %s", cases[i].pattern, cases[i].path);
	memset(path, 'a', 60);
	path[60] = '\0';
	ck_assert(!glob_match("**a**a**a**a**a**a**a**a**a**a**a**a**a**b", path));
}
END_TEST

Suite *bounded_suite(void)
{
	Suite *s = suite_create("bounded");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, positions_match_counting_in_any_order);
	tcase_add_test(tc, column_offsets_invert_columns_on_a_long_line);
	tcase_add_test(tc, masks_added_out_of_order);
	tcase_add_test(tc, glob_rules);
	suite_add_tcase(s, tc);
	return s;
}
