/* The language server's text model and code actions: position conversion in
 * UTF-16 and UTF-8 (surrogate pairs, clamping, line breaks), and quick fixes built
 * from a finding's fix, with byte-range edits turned into LSP ranges. */
#include <string.h>

#include "lsp_features.h"
#include "lsp_text.h"
#include "suites.h"
#include "util.h"

static struct lsp_doc *open_doc(struct lsp_docs *docs, const char *text)
{
	lsp_docs_init(docs);
	return lsp_docs_open(docs, "file:///tmp/t.json", "json", 1, text, strlen(text));
}

static struct lsp_pos pos(size_t line, size_t character)
{
	struct lsp_pos p = { line, character };

	return p;
}

/* "a😀b\r\né日\rz": the emoji is 2 UTF-16 units and 4 bytes, é 2 bytes, 日 3. */
START_TEST(utf16_positions_round_trip)
{
	struct lsp_docs docs;
	struct lsp_doc *doc = open_doc(&docs, "a\xF0\x9F\x98\x80" "b\r\n\xC3\xA9\xE6\x97\xA5\rz");
	struct lsp_pos p;

	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(0, 3)), 5);      /* b */
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(0, 2)), 1);      /* inside the pair */
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(0, 99)), 6);     /* clamped before \r\n */
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(1, 1)), 10);     /* 日 */
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(2, 0)), 14);     /* after a lone CR */
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(9, 0)), doc->len);
	p = lsp_doc_position(doc, LSP_UTF16, 5);
	ck_assert_uint_eq(p.line, 0);
	ck_assert_uint_eq(p.character, 3);
	p = lsp_doc_position(doc, LSP_UTF16, 13);
	ck_assert_uint_eq(p.line, 1);
	ck_assert_uint_eq(p.character, 2);
	p = lsp_doc_position(doc, LSP_UTF8, 13);
	ck_assert_uint_eq(p.character, 5);
	ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF8, pos(1, 3)), 10);      /* inside 日: its start */
	lsp_docs_free(&docs, NULL);
}
END_TEST

/* A long line of emoji: the marks every 256 bytes must agree with a plain count. */
START_TEST(utf16_long_line_matches_count)
{
	struct strbuf sb;
	struct lsp_docs docs;
	struct lsp_doc *doc;
	size_t i;

	sb_init(&sb);
	for (i = 0; i < 5000; i++)
		sb_adds(&sb, i % 3 ? "\xF0\x9F\x98\x80" : "x\xC3\xA9");
	doc = open_doc(&docs, sb.buf);
	for (i = 0; i < 5000; i += 7) {
		size_t offset = (i / 3) * 11 + (i % 3 == 0 ? 0 : i % 3 == 1 ? 3 : 7);
		size_t units = (i / 3) * 6 + (i % 3 == 0 ? 0 : i % 3 == 1 ? 2 : 4);
		struct lsp_pos p = lsp_doc_position(doc, LSP_UTF16, offset);

		ck_assert_uint_eq(p.character, units);
		ck_assert_uint_eq(lsp_doc_offset(doc, LSP_UTF16, pos(0, units)), offset);
	}
	lsp_docs_free(&docs, NULL);
	sb_free(&sb);
}
END_TEST

START_TEST(incremental_edit_with_surrogates)
{
	struct lsp_docs docs;
	struct lsp_doc *doc = open_doc(&docs, "\xF0\x9F\x98\x80" "abc\nxyz");

	lsp_doc_replace_range(doc, LSP_UTF16, pos(0, 3), pos(1, 1), "Q", 1);
	ck_assert_str_eq(doc->text, "\xF0\x9F\x98\x80" "aQyz");
	ck_assert(doc->dirty);
	lsp_docs_free(&docs, NULL);
}
END_TEST

static struct lsp_lint *lint_with_fixes(const char *text)
{
	struct lsp_lint *l = xcalloc(1, sizeof *l);
	const char *hex = strstr(text, "abc");
	struct diag *d;
	struct fix *fix;

	diag_list_init(&l->res.diags);
	l->res.path = xstrdup("t.json");
	l->res.src = source_new("t.json", xstrdup(text), strlen(text), SOURCE_JSON);
	d = diag_add(&l->res.diags, CJ203_HEX, (size_t)(hex - text), (size_t)(hex - text) + 3, "",
		     DIAG_NO_ARGS);
	d->message = xstrdup("a hex digest");
	d->severity = SEV_ERROR;
	fix = fix_new(true, "replace with the base64 digest");
	fix_add_edit(fix, d->start, d->end, "q83v");
	diag_set_fix(d, fix);
	d = diag_add(&l->res.diags, CJ105_DEFAULT, 0, 1, "", DIAG_NO_ARGS);
	d->message = xstrdup("an unsafe one");
	d->severity = SEV_WARNING;
	diag_set_fix(d, fix_new(false, "guess"));
	fix_add_edit(d->fix, 0, 1, "[");
	return l;
}

static json_object *edit_of(json_object *action, const char *uri)
{
	json_object *edit = json_object_object_get(action, "edit");

	return json_object_object_get(json_object_object_get(edit, "changes"), uri);
}

START_TEST(quickfix_edits_in_utf16)
{
	const char *text = "{\"K\": \"\xF0\x9F\x98\x80\", \"Md5Hash\": \"abc\"}";
	struct lsp_docs docs;
	struct lsp_doc *doc = open_doc(&docs, text);
	struct lsp_ctx ctx = { NULL, LSP_UTF16, NULL };
	json_object *params = json_tokener_parse("{\"range\": {\"start\": {\"line\": 0, \"character\": 0},"
						 " \"end\": {\"line\": 0, \"character\": 40}}}");
	json_object *actions, *fix, *all, *edits;
	size_t i, n;

	doc->lint = lint_with_fixes(text);
	doc->dirty = false;
	actions = lsp_code_actions(&ctx, doc, params);
	n = json_object_array_length(actions);
	fix = all = NULL;
	for (i = 0; i < n; i++) {
		json_object *a = json_object_array_get_idx(actions, i);
		const char *kind = json_object_get_string(json_object_object_get(a, "kind"));

		if (!strcmp(kind, "quickfix") && !fix)
			fix = a;
		if (!strcmp(kind, "source.fixAll.createjob-lint"))
			all = a;
	}
	ck_assert_ptr_nonnull(fix);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(fix, "title")),
			 "replace with the base64 digest");
	edits = edit_of(fix, doc->uri);
	ck_assert_uint_eq(json_object_array_length(edits), 1);
	/* {"K": "😀", "Md5Hash": "abc"}: abc starts at UTF-16 unit 24 (bytes 26). */
	ck_assert_str_eq(json_object_to_json_string_ext(json_object_array_get_idx(edits, 0),
							JSON_C_TO_STRING_PLAIN),
			 "{\"range\":{\"start\":{\"line\":0,\"character\":24},"
			 "\"end\":{\"line\":0,\"character\":27}},\"newText\":\"q83v\"}");
	ck_assert_ptr_nonnull(all);
	ck_assert_uint_eq(json_object_array_length(edit_of(all, doc->uri)), 1); /* safe only */
	json_object_put(actions);
	json_object_put(params);
	lsp_docs_free(&docs, lsp_lint_free);
}
END_TEST

Suite *lsp_suite(void)
{
	Suite *s = suite_create("lsp");
	TCase *text = tcase_create("text");
	TCase *actions = tcase_create("actions");

	tcase_add_test(text, utf16_positions_round_trip);
	tcase_add_test(text, utf16_long_line_matches_count);
	tcase_add_test(text, incremental_edit_with_surrogates);
	suite_add_tcase(s, text);
	tcase_add_test(actions, quickfix_edits_in_utf16);
	suite_add_tcase(s, actions);
	return s;
}
