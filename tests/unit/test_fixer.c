/* The fixer's passes and the unified diff: edits of one pass never overlap (the
 * first of two conflicting fixes is taken, the other waits), a fix is applied
 * whole or not at all, only the fixes the mode allows are taken, and a diff of
 * two texts has the hunks and context lines of diff -u. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixer.h"
#include "suites.h"
#include "udiff.h"

/* A finding in `list` with a fix of one edit per (start, end, text) triple. */
static void add_fix(struct diag_list *list, bool safe, size_t start, size_t end,
		    const char *text, size_t start2, size_t end2, const char *text2)
{
	struct diag *d = diag_add(list, CJ203_HEX, start, end, "", DIAG_NO_ARGS);
	struct fix *fix = fix_new(safe, "test");

	fix_add_edit(fix, start, end, text);
	if (text2)
		fix_add_edit(fix, start2, end2, text2);
	diag_set_fix(d, fix);
}

static char *one_pass(const char *text, const struct diag_list *list, enum fix_mode mode,
		      size_t *applied)
{
	size_t len;

	return fixer_apply_pass(text, strlen(text), list, mode, &len, applied);
}

START_TEST(conflicting_fixes_wait_for_the_next_pass)
{
	struct diag_list list;
	size_t applied;
	char *out;

	diag_list_init(&list);
	add_fix(&list, true, 0, 3, "ABC", 0, 0, NULL);
	add_fix(&list, true, 2, 5, "xyz", 0, 0, NULL);     /* overlaps the first */
	add_fix(&list, true, 6, 6, "+", 0, 0, NULL);       /* an insertion */
	add_fix(&list, true, 6, 7, "G", 0, 0, NULL);       /* starts where it inserts */
	out = one_pass("abcdefgh", &list, FIX_SAFE, &applied);
	ck_assert_str_eq(out, "ABCdef+gh");
	ck_assert_uint_eq(applied, 2);
	free(out);
	diag_list_free(&list);
}
END_TEST

START_TEST(a_fix_is_applied_whole_or_not_at_all)
{
	struct diag_list list;
	size_t applied;
	char *out;

	diag_list_init(&list);
	add_fix(&list, true, 0, 1, "A", 0, 0, NULL);
	add_fix(&list, true, 3, 4, "D", 0, 1, "z");        /* its second edit conflicts */
	add_fix(&list, true, 5, 6, "F", 7, 8, "H");
	out = one_pass("abcdefgh", &list, FIX_SAFE, &applied);
	ck_assert_str_eq(out, "AbcdeFgH");
	ck_assert_uint_eq(applied, 2);
	free(out);
	diag_list_free(&list);
}
END_TEST

START_TEST(unsafe_fixes_need_their_mode)
{
	struct diag_list list;
	size_t applied;
	char *out;

	diag_list_init(&list);
	add_fix(&list, false, 0, 1, "A", 0, 0, NULL);
	add_fix(&list, true, 9, 12, "", 0, 0, NULL);       /* past the end: not for these bytes */
	ck_assert_ptr_null(one_pass("abcdefgh", &list, FIX_SAFE, &applied));
	ck_assert_uint_eq(applied, 0);
	ck_assert_ptr_null(one_pass("abcdefgh", &list, FIX_NONE, &applied));
	out = one_pass("abcdefgh", &list, FIX_UNSAFE, &applied);
	ck_assert_str_eq(out, "Abcdefgh");
	free(out);
	diag_list_free(&list);
}
END_TEST

static char *diff_of(const char *a, const char *b)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(out);
	udiff_write(out, "jobs/a.yaml", a, strlen(a), b, strlen(b));
	fclose(out);
	return buf;
}

START_TEST(diff_hunks_have_three_lines_of_context)
{
	char *d = diff_of("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n",
			  "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n");

	ck_assert_str_eq(d, "--- a/jobs/a.yaml\n+++ b/jobs/a.yaml\n"
			    "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
			    "@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n");
	free(d);
}
END_TEST

START_TEST(diff_joins_close_changes_and_marks_a_missing_newline)
{
	char *d = diff_of("a\nb\nc\nd\ne\nf\ng\nh", "A\nb\nc\nd\ne\nf\ng\nH");

	ck_assert_str_eq(d, "--- a/jobs/a.yaml\n+++ b/jobs/a.yaml\n@@ -1,8 +1,8 @@\n"
			    "-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n\\ No newline at end of file\n"
			    "+H\n\\ No newline at end of file\n");
	free(d);
	d = diff_of("same\n", "same\n");
	ck_assert_str_eq(d, "");
	free(d);
}
END_TEST

Suite *fixer_suite(void)
{
	Suite *s = suite_create("fixer");
	TCase *tc = tcase_create("fixer");

	tcase_add_test(tc, conflicting_fixes_wait_for_the_next_pass);
	tcase_add_test(tc, a_fix_is_applied_whole_or_not_at_all);
	tcase_add_test(tc, unsafe_fixes_need_their_mode);
	tcase_add_test(tc, diff_hunks_have_three_lines_of_context);
	tcase_add_test(tc, diff_joins_close_changes_and_marks_a_missing_newline);
	suite_add_tcase(s, tc);
	return s;
}
