/* The whole pipeline on small inputs: syntax and encoding (CJ001-CJ003), YAML
 * typing (CJ004), duplicates, documents and limits (CJ005-CJ007), YAML 1.1, block
 * scalars, JSON special numbers and tags (CJ008-CJ011), findings through aliases, and
 * the schema engine's findings (CJ101-CJ107) with their positions, pointers and
 * suggestions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lint.h"
#include "load.h"
#include "pattern.h"
#include "settings.h"
#include "fixture.h"
#include "suites.h"
#include "util.h"

/* A valid EXPORT_ASSET_TO_SIGNED_URL request, JSON and YAML. */
#define SIGNED_JSON                                                                        \
	"{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"                                     \
	" \"Details\": {\"ExportAssetToSignedUrl\": {\n"                                   \
	"   \"AssetId\": \"" ASSET "\",\n"                                                 \
	"   \"DataSetId\": \"" DSET "\",\n"                                                \
	"   \"RevisionId\": \"" REV "\"}}}\n"
#define SIGNED_YAML                                                                        \
	"Type: EXPORT_ASSET_TO_SIGNED_URL\n"                                               \
	"Details:\n"                                                                       \
	"  ExportAssetToSignedUrl:\n"                                                      \
	"    AssetId: " ASSET "\n"                                                         \
	"    DataSetId: " DSET "\n"                                                        \
	"    RevisionId: " REV "\n"

/* "CJ102@5:4 CJ101@1:1" for failure messages; the buffer is reused. */
static const char *summary(const struct lint_result *r)
{
	static char buf[2048];
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < r->diags.n && used < sizeof buf - 64; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s@%u:%u", i ? " " : "",
					 diag_rule_id(&r->diags.items[i]), r->diags.items[i].from.line,
					 r->diags.items[i].from.column);
	return r->diags.n ? buf : "(none)";
}

/* The finding of `rule` at line:col (line 0: anywhere), or NULL. */
static const struct diag *find(const struct lint_result *r, const char *rule, unsigned line,
			       unsigned col)
{
	size_t i;

	for (i = 0; i < r->diags.n; i++) {
		const struct diag *d = &r->diags.items[i];

		if (strcmp(diag_rule_id(d), rule) == 0 &&
		    (line == 0 || (d->from.line == line && d->from.column == col)))
			return d;
	}
	return NULL;
}

static size_t count(const struct lint_result *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < r->diags.n; i++)
		n += strcmp(diag_rule_id(&r->diags.items[i]), rule) == 0;
	return n;
}

/* Exactly one finding, of `rule` at line:col; evaluates to that finding. */
static const struct diag *only(const struct lint_result *r, const char *rule, unsigned line,
			       unsigned col, const char *what)
{
	ck_assert_msg(r->diags.n == 1 && find(r, rule, line, col),
		      "%s: want only %s@%u:%u, got %s", what, rule, line, col, summary(r));
	return &r->diags.items[0];
}

#define EXPECT_ONLY(r, rule, line, col) only(&(r), rule, line, col, #r)
#define EXPECT_NONE(r, what)                                                               \
	ck_assert_msg((r).diags.n == 0, "%s: want no finding, got %s", what, summary(&(r)))

/* --- CJ001 syntax ---------------------------------------------------------------- */

static const struct syntax_case {
	const char *text;
	enum source_format format;
	unsigned line, col;
	const char *variant;
} syntax_cases[] = {
	/* A trailing comma is reported on the comma, which is what to remove. */
	{ "{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n \"Details\": {},\n}", SOURCE_JSON, 2, 15,
	  "json-trailing-comma" },
	{ "{\"Type\": [\"a\", \"b\",\n  ]}", SOURCE_JSON, 1, 19, "json-trailing-comma" },
	{ "Type: X\nDetails:\n\tA: 1\n", SOURCE_YAML, 3, 1, "yaml-tab-indent" },
	{ "Type: X\nDetails:\n  A: 1\n \t B: 2\n", SOURCE_YAML, 4, 2, "yaml-tab-indent" },
	{ "Type: X\nDetails:\n  KeyPattern: {Revision.CreatedAt}/x\n", SOURCE_YAML, 3, 15,
	  "yaml-flow-value" },
	{ "Type: X\nList:\n  - [a, b]c\n", SOURCE_YAML, 3, 5, "yaml-flow-value" },
	{ "A: [{B: {Revision}x}]\n", SOURCE_YAML, 1, 9, "yaml-flow-value" },
	{ "{\n  // note\n  \"Type\": \"X\"\n}", SOURCE_JSON, 2, 3, "json-comment" },
	{ "{\"Type\": \"X\" /* c */}", SOURCE_JSON, 1, 14, "json-comment" },
	{ "{\"Type\": 'X'}", SOURCE_JSON, 1, 10, "json-single-quote" },
	{ "{'Type': \"X\"}", SOURCE_JSON, 1, 2, "json-single-quote" },
	{ "{\"Type\": 0123}", SOURCE_JSON, 1, 11, "json-leading-zero" },
	{ "{\"Type\": -01}", SOURCE_JSON, 1, 12, "json-leading-zero" },
	{ "{\"Type\": \"EXPORT\tX\"}", SOURCE_JSON, 1, 17, "json-control-char" },
	{ "{\"Type\": \"a\nb\"}", SOURCE_JSON, 1, 12, "json-control-char" },
	{ "{\"Type\": \"abc", SOURCE_JSON, 1, 10, "json-unterminated-string" },
	{ "{\"Type\": \"\\q\"}", SOURCE_JSON, 1, 11, "json-bad-escape" },
	{ "{\"Type\":", SOURCE_JSON, 1, 9, "json-unexpected-end" },
	{ "{\"Type\": \"X\"} x", SOURCE_JSON, 1, 15, "json-extra-data" },
	{ "{\"Type\" \"X\"}", SOURCE_JSON, 1, 9, "json-expected-colon" },
	{ "{Type: \"X\"}", SOURCE_JSON, 1, 2, "json-expected-key" },
	{ "{\"Type\": 1.}", SOURCE_JSON, 1, 12, "json-bad-number" },
	/* Columns count code points: 日本😀 is 10 bytes but 3 columns. */
	{ "{\"Name\": \"\xE6\x97\xA5\xE6\x9C\xAC\xF0\x9F\x98\x80\", \"Type\": 'x'}", SOURCE_JSON, 1,
	  25, "json-single-quote" },
	{ "Type: X\nDetails:\n\tExportAssetToSignedUrl: {}\n", SOURCE_YAML, 3, 1, "yaml-tab-indent" },
	{ "Type: !Ref Foo\n", SOURCE_YAML, 1, 7, "yaml-unknown-tag" },
	{ "Details: !Sub {a: b}\n", SOURCE_YAML, 1, 10, "yaml-unknown-tag" },
	{ "Type: *nope\n", SOURCE_YAML, 1, 7, "yaml-undefined-alias" },
	{ "Type: *t\nDetails: &t {}\n", SOURCE_YAML, 1, 7, "yaml-undefined-alias" },
	{ "Type: =\n", SOURCE_YAML, 1, 7, "yaml-unconstructible" },
	{ "Details:\n  <<: notamap\n", SOURCE_YAML, 2, 7, "yaml-bad-merge" },
	{ "Type: [a, b\nDetails: {}\n", SOURCE_YAML, 2, 8, "yaml" },
	{ "{Name: \xE6\x97\xA5\xE6\x9C\xAC\xF0\x9F\x98\x80, Type: !Ref x}", SOURCE_YAML, 1, 19,
	  "yaml-unknown-tag" },
};

START_TEST(cj001_syntax)
{
	const struct syntax_case *c = &syntax_cases[_i];
	struct lint_result r = lint_text(c->text, c->format);
	const struct diag *d = only(&r, "CJ001", c->line, c->col, c->text);

	ck_assert_str_eq(diag_variant(d), c->variant);
	ck_assert_str_eq(d->pointer, "");
	ck_assert_int_eq(d->severity, SEV_ERROR);
	lint_result_free(&r);
}
END_TEST

START_TEST(cj001_json_infinity)
{
	/* Python's json module (the AWS CLI's parser) reads NaN, Infinity and -Infinity, so
	 * they are numbers where a string is needed, not syntax errors (a bare Infinity
	 * once gave CJ001). Such a number has its own rule, CJ010, instead of CJ103. */
	static const char *const values[] = { "NaN", "-Infinity", "Infinity" };
	size_t i;

	for (i = 0; i < 3; i++) {
		char *text = xasprintf("{\"Type\": %s, \"Details\": {}}", values[i]);
		struct lint_result r = lint_text(text, SOURCE_JSON);
		const struct diag *d = only(&r, "CJ010", 1, 10, values[i]);

		ck_assert_str_eq(diag_variant(d), "nonfinite");
		ck_assert_str_eq(diag_arg(d, "value"), values[i]);
		ck_assert_str_eq(d->pointer, "/Type");
		lint_result_free(&r);
		free(text);
	}
}
END_TEST

/* --- CJ002 encoding -------------------------------------------------------------- */

START_TEST(cj002_bom)
{
	struct lint_result json = lint_text("\xEF\xBB\xBF" SIGNED_JSON, SOURCE_JSON);
	struct lint_result yaml = lint_text("\xEF\xBB\xBF" SIGNED_YAML, SOURCE_YAML);

	ck_assert_str_eq(diag_variant(EXPECT_ONLY(json, "CJ002", 1, 1)), "bom-json");
	EXPECT_NONE(yaml, "YAML with a BOM");
	lint_result_free(&json);
	lint_result_free(&yaml);
}
END_TEST

START_TEST(cj002_yaml_bom_positions)
{
	/* libyaml skips a BOM without counting it in its mark index; positions after
	 * it must still be exact (they were once one byte early: 4:13, not 4:14). */
	struct lint_result r = lint_text("\xEF\xBB\xBF"
					 "Type: EXPORT_ASSET_TO_SIGNED_URL\n"
					 "Details:\n"
					 "  ExportAssetToSignedUrl:\n"
					 "    AssetId: 0123\n"
					 "    DataSetId: " DSET "\n"
					 "    RevisionId: " REV "\n",
					 SOURCE_YAML);
	const struct diag *d = EXPECT_ONLY(r, "CJ004", 4, 14);

	ck_assert_str_eq(r.src->bytes + d->start, "0123\n    DataSetId: " DSET "\n"
						 "    RevisionId: " REV "\n");
	lint_result_free(&r);
}
END_TEST

static const struct encoding_case {
	const char *text;
	enum source_format format;
	unsigned line, col;
	const char *byte;
} encoding_cases[] = {
	{ "{\"Type\": \"EXPORT\xFF\"}", SOURCE_JSON, 1, 17, "0xFF" },
	{ "{\"Type\": \"\xC3\xA9\xC3(\"}", SOURCE_JSON, 1, 12, "0xC3" },          /* bad continuation */
	{ "{\"Type\": \"\xED\xA0\x80\"}", SOURCE_JSON, 1, 11, "0xED" },           /* surrogate */
	{ "{\"Type\": \"\xC0\xAF\"}", SOURCE_JSON, 1, 11, "0xC0" },               /* overlong */
	{ "Type: X\nName: \xC3\xA9\xE6\x97\n", SOURCE_YAML, 2, 8, "0xE6" },      /* truncated */
	{ "Type: X\n\xF0\x9F\x98", SOURCE_YAML, 2, 1, "0xF0" },                  /* cut at EOF */
	{ "\xEF\xBB\xBF" "a: \xF4\x90\x80\x80\n", SOURCE_YAML, 1, 5, "0xF4" },  /* > U+10FFFF */
};

START_TEST(cj002_invalid_utf8)
{
	const struct encoding_case *c = &encoding_cases[_i];
	struct lint_result r = lint_text(c->text, c->format);
	const struct diag *d = only(&r, "CJ002", c->line, c->col, c->byte);

	ck_assert_str_eq(diag_variant(d), "invalid-utf8");
	ck_assert_msg(strstr(d->message, c->byte), "message: %s", d->message);
	ck_assert_uint_eq(d->end, d->start + 1);
	lint_result_free(&r);
}
END_TEST

/* --- CJ003 top level ------------------------------------------------------------- */

static const struct top_case {
	const char *text;
	enum source_format format;
	const char *variant;
	unsigned line, col;
} top_cases[] = {
	{ "[]", SOURCE_JSON, "not-mapping", 1, 1 },
	{ "\n  [{\"Type\": \"X\"}]", SOURCE_JSON, "not-mapping", 2, 3 },
	{ "\"Type\"", SOURCE_JSON, "not-mapping", 1, 1 },
	{ "42", SOURCE_JSON, "not-mapping", 1, 1 },
	{ "", SOURCE_JSON, "empty", 1, 1 },
	{ "null", SOURCE_JSON, "empty", 1, 1 },
	{ "- Type: EXPORT_ASSET_TO_SIGNED_URL\n", SOURCE_YAML, "not-mapping", 1, 1 },
	{ "just a string\n", SOURCE_YAML, "not-mapping", 1, 1 },
	{ "", SOURCE_YAML, "empty", 1, 1 },
	{ "# a comment\n# and another\n", SOURCE_YAML, "empty", 1, 1 },
	{ "~\n", SOURCE_YAML, "empty", 1, 1 },
};

START_TEST(cj003_top_level)
{
	const struct top_case *c = &top_cases[_i];
	struct lint_result r = lint_text(c->text, c->format);

	ck_assert_str_eq(diag_variant(only(&r, "CJ003", c->line, c->col, c->text)), c->variant);
	lint_result_free(&r);
}
END_TEST

START_TEST(cj003_json_whitespace_only)
{
	/* An empty document is reported at 1:1 in JSON as in YAML, not at the end. */
	struct lint_result r = lint_text("  \n\n  ", SOURCE_JSON);

	EXPECT_ONLY(r, "CJ003", 1, 1);
	lint_result_free(&r);
}
END_TEST

START_TEST(cj003_not_mapping_message)
{
	struct lint_result r = lint_text("- a\n- b\n", SOURCE_YAML);

	ck_assert_ptr_nonnull(strstr(diag_arg(EXPECT_ONLY(r, "CJ003", 1, 1), "kind"), "list"));
	lint_result_free(&r);
}
END_TEST

/* --- CJ004 YAML typing ----------------------------------------------------------- */

/* EXPORT_ASSETS_TO_S3 whose AssetDestinations[0].Key (a free string) is %s on 7:14. */
#define KEY_YAML                                                                           \
	"Type: EXPORT_ASSETS_TO_S3\n"                                                      \
	"Details:\n"                                                                       \
	"  ExportAssetsToS3:\n"                                                            \
	"    AssetDestinations:\n"                                                         \
	"      - AssetId: " ASSET "\n"                                                     \
	"        Bucket: example-bucket\n"                                                 \
	"        Key: %s\n"                                                                \
	"    DataSetId: " DSET "\n"                                                        \
	"    RevisionId: " REV "\n"
#define KEY_POINTER "/Details/ExportAssetsToS3/AssetDestinations/0/Key"

static const struct typed_case {
	const char *value;
	const char *kind; /* NULL: a string, no finding */
} typed_cases[] = {
	{ "0123", "integer" },
	{ "42", "integer" },
	{ "0x1F", "integer" },
	{ "1e3", "number" },
	{ "3.14", "number" },
	{ ".inf", "number" },
	{ "true", "boolean" },
	{ "False", "boolean" },
	{ "null", "null" },
	{ "~", "null" },
	{ "2024-01-01", "date" },
	{ "2024-01-01T10:00:00Z", "date" },
	/* YAML 1.2 keeps these strings. */
	{ "yes", NULL },
	{ "on", NULL },
	{ "No", NULL },
	{ "off", NULL },
	{ "0x", NULL },
	{ "1,000", NULL },
	{ "12:30", NULL },
	{ "2024-1-1", NULL },
	{ "\"0123\"", NULL },
	{ "'true'", NULL },
	{ "!!str 42", NULL },
};

START_TEST(cj004_yaml_typing)
{
	const struct typed_case *c = &typed_cases[_i];
	char *text = xasprintf(KEY_YAML, c->value);
	struct lint_result r = lint_text(text, SOURCE_YAML);

	if (c->kind) {
		const struct diag *d = only(&r, "CJ004", 7, 14, c->value);
		char *quoted = xasprintf("\"%s\"", c->value);

		ck_assert_str_eq(d->pointer, KEY_POINTER);
		ck_assert_str_eq(d->suggestion, quoted);
		ck_assert_msg(strstr(diag_arg(d, "kind"), c->kind), "%s: kind %s", c->value,
			      diag_arg(d, "kind"));
		ck_assert_str_eq(diag_arg(d, "value"), c->value);
		ck_assert_uint_eq(d->end - d->start, strlen(c->value));
		free(quoted);
	} else {
		EXPECT_NONE(r, c->value);
	}
	lint_result_free(&r);
	free(text);
}
END_TEST

/* An integer written with a leading zero gets the message that says the zero is lost. */
START_TEST(cj004_leading_zero_variant)
{
	static const struct {
		const char *value, *variant;
	} cases[] = {
		{ "0123", "leading-zero" }, { "007", "leading-zero" }, { "00", "leading-zero" },
		{ "-012", "leading-zero" }, { "0", "default" }, { "42", "default" },
		{ "100", "default" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = xasprintf(KEY_YAML, cases[i].value);
		struct lint_result r = lint_text(text, SOURCE_YAML);

		ck_assert_str_eq(diag_variant(only(&r, "CJ004", 7, 14, cases[i].value)), cases[i].variant);
		lint_result_free(&r);
		free(text);
	}
}
END_TEST

START_TEST(cj004_empty_value)
{
	char *text = xasprintf(KEY_YAML, "");
	struct lint_result r = lint_text(text, SOURCE_YAML);
	const struct diag *d = r.diags.n == 1 ? &r.diags.items[0] : NULL;

	ck_assert_msg(d && strcmp(diag_rule_id(d), "CJ004") == 0, "got %s", summary(&r));
	ck_assert_str_eq(diag_variant(d), "empty");
	ck_assert_uint_eq(d->from.line, 7);
	ck_assert_str_eq(d->pointer, KEY_POINTER);
	lint_result_free(&r);
	free(text);
}
END_TEST

START_TEST(cj004_yaml11_directive)
{
	/* Under %YAML 1.1, yes/on are booleans; 0x is still a string. The directive
	 * itself is CJ008, at 1:1, whatever the values. */
	static const struct {
		const char *value;
		const char *kind;
	} cases[] = { { "yes", "boolean" }, { "on", "boolean" }, { "N", "boolean" }, { "0x", NULL } };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *body = xasprintf(KEY_YAML, cases[i].value);
		char *text = xasprintf("%%YAML 1.1\n---\n%s", body);
		struct lint_result r = lint_text(text, SOURCE_YAML);

		const struct diag *typed = find(&r, "CJ004", 9, 14);

		ck_assert_msg(find(&r, "CJ008", 1, 1) && r.diags.n == (cases[i].kind ? 2u : 1u) &&
				      (typed != NULL) == (cases[i].kind != NULL),
			      "%s: want CJ008@1:1%s, got %s", cases[i].value,
			      cases[i].kind ? " CJ004@9:14" : "", summary(&r));
		if (cases[i].kind)
			ck_assert_ptr_nonnull(strstr(diag_arg(typed, "kind"), cases[i].kind));
		lint_result_free(&r);
		free(text);
		free(body);
	}
}
END_TEST

START_TEST(cj004_not_for_json_or_containers)
{
	/* A JSON number is a wrong type (CJ103), and so is a YAML scalar where a mapping
	 * is needed: quoting it would not help. */
	struct lint_result json = lint_text("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					    " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
					    "   \"AssetId\": \"" ASSET "\",\n"
					    "   \"DataSetId\": 123,\n"
					    "   \"RevisionId\": \"" REV "\"}}}\n",
					    SOURCE_JSON);
	struct lint_result yaml = lint_text("Type: EXPORT_ASSET_TO_SIGNED_URL\nDetails: 42\n",
					    SOURCE_YAML);

	ck_assert_str_eq(EXPECT_ONLY(json, "CJ103", 4, 17)->pointer,
			 "/Details/ExportAssetToSignedUrl/DataSetId");
	ck_assert_str_eq(EXPECT_ONLY(yaml, "CJ103", 2, 10)->pointer, "/Details");
	lint_result_free(&json);
	lint_result_free(&yaml);
}
END_TEST

/* --- CJ008 %YAML 1.1 ------------------------------------------------------------- */

START_TEST(cj008_yaml11_directive)
{
	static const struct {
		const char *head;
		unsigned line; /* 0: no finding */
	} cases[] = {
		{ "%YAML 1.1\n---\n", 1 },
		{ "# a request\n%YAML 1.1\n---\n", 2 },
		{ "%YAML 1.2\n---\n", 0 },
		{ "---\n", 0 },
		{ "%TAG !e! tag:example.com,2000:\n---\n", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = xasprintf("%s%s", cases[i].head, SIGNED_YAML);
		struct lint_result r = lint_text(text, SOURCE_YAML);

		if (cases[i].line) {
			const struct diag *d = only(&r, "CJ008", cases[i].line, 1, cases[i].head);

			ck_assert_int_eq(d->severity, SEV_WARNING);
			ck_assert_str_eq(diag_variant(d), "default");
			ck_assert_str_eq(d->pointer, "");
			/* The range is the directive itself. */
			ck_assert_uint_eq(d->end - d->start, 9);
			ck_assert(strncmp(r.src->bytes + d->start, "%YAML 1.1", 9) == 0);
		} else {
			EXPECT_NONE(r, cases[i].head);
		}
		lint_result_free(&r);
		free(text);
	}
}
END_TEST

/* --- CJ009 block scalars with a trailing newline ---------------------------------- */

/* EXPORT_ASSET_TO_SIGNED_URL whose DataSetId is a block scalar with indicator %s (on
 * 5:16), its content on line 6. */
#define BLOCK_YAML                                                                         \
	"Type: EXPORT_ASSET_TO_SIGNED_URL\n"                                               \
	"Details:\n"                                                                       \
	"  ExportAssetToSignedUrl:\n"                                                      \
	"    AssetId: " ASSET "\n"                                                         \
	"    DataSetId: %s\n"                                                              \
	"      " DSET "\n"                                                                 \
	"    RevisionId: " REV "\n"

static const struct block_case {
	const char *indicator;
	bool newline; /* the value ends in a newline: CJ009 */
} block_cases[] = {
	{ "|", true },    { ">", true },    { "|+", true },  { ">+", true },
	{ "|2", true },   { ">2", true },   { "|-", false }, { ">-", false },
	{ "|2-", false }, { ">-2", false },
};

START_TEST(cj009_block_scalar_newline)
{
	const struct block_case *c = &block_cases[_i];
	char *text = xasprintf(BLOCK_YAML, c->indicator);
	struct lint_result r = lint_text(text, SOURCE_YAML);

	if (c->newline) {
		/* One finding: the value is not also reported as a malformed id. */
		const struct diag *d = only(&r, "CJ009", 5, 16, c->indicator);

		ck_assert_str_eq(diag_variant(d), "default");
		ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl/DataSetId");
		ck_assert_int_eq(d->severity, SEV_ERROR);
		ck_assert(r.src->bytes[d->start] == c->indicator[0]);
	} else {
		EXPECT_NONE(r, c->indicator);
	}
	lint_result_free(&r);
	free(text);
}
END_TEST

START_TEST(cj009_near_misses)
{
	/* A | block at the very end of the file has no line break to keep. */
	struct lint_result at_eof = lint_text("Type: EXPORT_ASSET_TO_SIGNED_URL\n"
					      "Details:\n"
					      "  ExportAssetToSignedUrl:\n"
					      "    AssetId: " ASSET "\n"
					      "    RevisionId: " REV "\n"
					      "    DataSetId: |\n"
					      "      " DSET,
					      SOURCE_YAML);
	/* Prose (ApiDescription, free_text) may end in a newline; ApiName may not. A
	 * quoted scalar ending in \n is not a block scalar (its newline is written out). */
	struct lint_result api = lint_text("Type: IMPORT_ASSET_FROM_API_GATEWAY_API\n"
					   "Details:\n"
					   "  ImportAssetFromApiGatewayApi:\n"
					   "    ApiDescription: |\n"
					   "      Daily weather forecasts.\n"
					   "      Updated hourly.\n"
					   "    ApiId: a1b2c3d4e5\n"
					   "    ApiName: >\n"
					   "      weather\n"
					   "    ApiSpecificationMd5Hash: sZRqySSS0jR8YjW00mERhA==\n"
					   "    DataSetId: " DSET "\n"
					   "    ProtocolType: REST\n"
					   "    RevisionId: " REV "\n"
					   "    Stage: \"prod\"\n",
					   SOURCE_YAML);
	struct lint_result folded = lint_text("Type: IMPORT_ASSET_FROM_API_GATEWAY_API\n"
					      "Details:\n"
					      "  ImportAssetFromApiGatewayApi:\n"
					      "    ApiDescription: >\n"
					      "      Daily weather\n"
					      "      forecasts.\n"
					      "    ApiId: a1b2c3d4e5\n"
					      "    ApiName: \"weather\\n\"\n"
					      "    ApiSpecificationMd5Hash: sZRqySSS0jR8YjW00mERhA==\n"
					      "    DataSetId: " DSET "\n"
					      "    ProtocolType: REST\n"
					      "    RevisionId: " REV "\n"
					      "    Stage: prod\n",
					      SOURCE_YAML);

	EXPECT_NONE(at_eof, "| at the end of the file");
	ck_assert_str_eq(EXPECT_ONLY(api, "CJ009", 8, 14)->pointer,
			 "/Details/ImportAssetFromApiGatewayApi/ApiName");
	EXPECT_NONE(folded, "ApiDescription folded, ApiName quoted with \\n");
	lint_result_free(&at_eof);
	lint_result_free(&api);
	lint_result_free(&folded);
}
END_TEST

/* --- CJ010 JSON special numbers -------------------------------------------------- */

/* EXPORT_ASSET_TO_SIGNED_URL whose RevisionId is the JSON value %s, on 5:18. */
#define NUMBER_JSON                                                                        \
	"{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"                                     \
	" \"Details\": {\"ExportAssetToSignedUrl\": {\n"                                   \
	"   \"AssetId\": \"" ASSET "\",\n"                                                 \
	"   \"DataSetId\": \"" DSET "\",\n"                                                \
	"   \"RevisionId\": %s}}}\n"

static const struct number_case {
	const char *value;
	const char *rule, *variant;
} number_cases[] = {
	{ "NaN", "CJ010", "nonfinite" },
	{ "Infinity", "CJ010", "nonfinite" },
	{ "-Infinity", "CJ010", "nonfinite" },
	{ "9007199254740993", "CJ010", "huge" },  /* 2^53 + 1 */
	{ "-9007199254740993", "CJ010", "huge" },
	{ "123456789012345678901234567890", "CJ010", "huge" },
	/* Beyond the range of a double: Python reads inf. */
	{ "1e400", "CJ010", "nonfinite" },
	{ "-1.5e999999", "CJ010", "nonfinite" },
	/* Numbers a double holds: a plain wrong type. */
	{ "9007199254740992", "CJ103", "default" }, /* 2^53 */
	{ "-9007199254740992", "CJ103", "default" },
	{ "12", "CJ103", "default" },
	{ "1.5", "CJ103", "default" },
	{ "1e308", "CJ103", "default" },
	{ "1e-400", "CJ103", "default" }, /* underflows to 0, a finite number */
};

START_TEST(cj010_json_special_numbers)
{
	const struct number_case *c = &number_cases[_i];
	char *text = xasprintf(NUMBER_JSON, c->value);
	struct lint_result r = lint_text(text, SOURCE_JSON);
	const struct diag *d = only(&r, c->rule, 5, 18, c->value);

	ck_assert_str_eq(diag_variant(d), c->variant);
	ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl/RevisionId");
	ck_assert_uint_eq(d->end - d->start, strlen(c->value));
	if (strcmp(c->rule, "CJ010") == 0) {
		ck_assert_str_eq(diag_arg(d, "value"), c->value);
		ck_assert_ptr_nonnull(strstr(d->message, c->value));
	}
	lint_result_free(&r);
	free(text);
}
END_TEST

START_TEST(cj010_only_where_a_string_is_needed)
{
	/* NaN where a mapping is needed is a wrong type, not a number to quote. */
	struct lint_result r = lint_text("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\", \"Details\": NaN}",
					 SOURCE_JSON);

	ck_assert_str_eq(EXPECT_ONLY(r, "CJ103", 1, 51)->pointer, "/Details");
	lint_result_free(&r);
}
END_TEST

/* --- CJ011 explicit tags --------------------------------------------------------- */

/* SIGNED_YAML's RevisionId written as %s, on 6:17. */
#define TAGGED_YAML                                                                        \
	"Type: EXPORT_ASSET_TO_SIGNED_URL\n"                                               \
	"Details:\n"                                                                       \
	"  ExportAssetToSignedUrl:\n"                                                      \
	"    AssetId: " ASSET "\n"                                                         \
	"    DataSetId: " DSET "\n"                                                        \
	"    RevisionId: %s\n"

static const struct tag_case {
	const char *value;
	const char *kind; /* NULL: no CJ011 */
	const char *rule; /* the one finding when there is no CJ011, or NULL */
} tag_cases[] = {
	{ "!!int 42", "an integer", NULL },
	{ "!!int \"42\"", "an integer", NULL },
	{ "!<tag:yaml.org,2002:int> 7", "an integer", NULL },
	{ "!!float 1.5", "a number", NULL },
	{ "!!bool true", "a boolean", NULL },
	{ "!!bool 'yes'", "a boolean", NULL },
	{ "!!null \"\"", "null", NULL },
	{ "!!timestamp 2024-01-01", "a date", NULL },
	{ "!!binary MWEyYjNjNGQ1ZTZmN2E4YjljMGQxZTJmM2E0YjVjNmQ=", "binary data", NULL },
	/* A string stays a string: no CJ011 (then the value itself is checked). */
	{ "!!str " REV, NULL, NULL },
	{ "! " REV, NULL, NULL },
	{ "!!str 42", NULL, "CJ105" },
	/* A tagged collection is a wrong type, and an untagged 42 is YAML typing. */
	{ "!!seq [" REV "]", NULL, "CJ103" },
	{ "42", NULL, "CJ004" },
};

START_TEST(cj011_explicit_tags)
{
	const struct tag_case *c = &tag_cases[_i];
	char *text = xasprintf(TAGGED_YAML, c->value);
	struct lint_result r = lint_text(text, SOURCE_YAML);

	if (c->kind) {
		const struct diag *d = only(&r, "CJ011", 6, 17, c->value);

		ck_assert_str_eq(diag_variant(d), "default");
		ck_assert_str_eq(diag_arg(d, "kind"), c->kind);
		ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl/RevisionId");
		ck_assert_ptr_null(d->suggestion);
	} else if (c->rule) {
		only(&r, c->rule, 6, 17, c->value);
	} else {
		EXPECT_NONE(r, c->value);
	}
	lint_result_free(&r);
	free(text);
}
END_TEST

/* --- CJ005 duplicate keys -------------------------------------------------------- */

START_TEST(cj005_json_duplicate)
{
	struct lint_result r = lint_text("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					 " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
					 "   \"AssetId\": \"" ASSET "\",\n"
					 "   \"DataSetId\": \"" DSET "\",\n"
					 "   \"DataSetId\": \"" DSET "\",\n"
					 "   \"RevisionId\": \"" REV "\"}}}\n",
					 SOURCE_JSON);
	const struct diag *d = EXPECT_ONLY(r, "CJ005", 5, 4);

	ck_assert_uint_eq(d->related_line, 4);
	ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl/DataSetId");
	ck_assert_str_eq(diag_arg(d, "first"), "4");
	ck_assert_ptr_nonnull(strstr(d->message, "4"));
	lint_result_free(&r);
}
END_TEST

START_TEST(cj005_only_last_is_checked)
{
	/* The CLI keeps the last of JSON duplicates, so only the last value is checked. */
	struct lint_result last_ok = lint_text(
		"{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
		" \"Details\": {\"ExportAssetToSignedUrl\": {\n"
		"   \"AssetId\": \"" ASSET "\", \"DataSetId\": \"bad\",\n"
		"   \"DataSetId\": \"" DSET "\", \"RevisionId\": \"" REV "\"}}}\n",
		SOURCE_JSON);
	struct lint_result last_bad = lint_text(
		"{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
		" \"Details\": {\"ExportAssetToSignedUrl\": {\n"
		"   \"AssetId\": \"" ASSET "\", \"DataSetId\": \"" DSET "\",\n"
		"   \"DataSetId\": \"bad\", \"RevisionId\": \"" REV "\"}}}\n",
		SOURCE_JSON);

	EXPECT_ONLY(last_ok, "CJ005", 4, 4);
	ck_assert_msg(last_bad.diags.n == 2 && find(&last_bad, "CJ005", 4, 4) &&
			      find(&last_bad, "CJ105", 4, 17),
		      "got %s", summary(&last_bad));
	lint_result_free(&last_ok);
	lint_result_free(&last_bad);
}
END_TEST

START_TEST(cj005_three_times)
{
	struct lint_result r = lint_text("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					 " \"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					 " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
					 "   \"AssetId\": \"" ASSET "\",\n"
					 "   \"DataSetId\": \"" DSET "\",\n"
					 "   \"RevisionId\": \"" REV "\"}},\n"
					 " \"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\"}\n",
					 SOURCE_JSON);

	ck_assert_msg(r.diags.n == 2 && find(&r, "CJ005", 2, 2) && find(&r, "CJ005", 7, 2),
		      "got %s", summary(&r));
	ck_assert_uint_eq(r.diags.items[0].related_line, 1);
	ck_assert_uint_eq(r.diags.items[1].related_line, 1);
	lint_result_free(&r);
}
END_TEST

START_TEST(cj005_yaml_duplicates)
{
	struct lint_result block = lint_text(SIGNED_YAML "Type: EXPORT_ASSET_TO_SIGNED_URL\n",
					     SOURCE_YAML);
	struct lint_result flow = lint_text("Type: EXPORT_ASSET_TO_SIGNED_URL\n"
					    "Details:\n"
					    "  ExportAssetToSignedUrl: {AssetId: " ASSET ", DataSetId: " DSET
					    ",\n    RevisionId: " REV ", AssetId: " ASSET "}\n",
					    SOURCE_YAML);
	const struct diag *d = EXPECT_ONLY(block, "CJ005", 7, 1);

	ck_assert_uint_eq(d->related_line, 1);
	ck_assert_str_eq(d->pointer, "/Type");
	ck_assert_ptr_nonnull(strstr(diag_arg(d, "consequence"), "refuses"));
	d = EXPECT_ONLY(flow, "CJ005", 4, 51);
	ck_assert_uint_eq(d->related_line, 3);
	ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl/AssetId");
	lint_result_free(&block);
	lint_result_free(&flow);
}
END_TEST

START_TEST(cj005_pointer_escapes)
{
	/* RFC 6901: '~' is written ~0 and '/' ~1. */
	struct lint_result r = lint_text("{\"a/b~c\": 1, \"a/b~c\": 2,\n"
					 " \"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					 " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
					 "   \"AssetId\": \"" ASSET "\",\n"
					 "   \"DataSetId\": \"" DSET "\",\n"
					 "   \"RevisionId\": \"" REV "\"}}}\n",
					 SOURCE_JSON);
	const struct diag *d = find(&r, "CJ005", 1, 14);

	ck_assert_msg(d && r.diags.n == 2 && find(&r, "CJ102", 1, 14), "got %s", summary(&r));
	ck_assert_str_eq(d->pointer, "/a~1b~0c");
	lint_result_free(&r);
}
END_TEST

/* --- CJ006 documents ------------------------------------------------------------- */

START_TEST(cj006_documents)
{
	struct lint_result two = lint_text(SIGNED_YAML "---\nType: EXPORT_ASSET_TO_SIGNED_URL\n",
					   SOURCE_YAML);
	struct lint_result three = lint_text(SIGNED_YAML "---\na: 1\n---\nb: 2\n", SOURCE_YAML);
	struct lint_result markers = lint_text("%YAML 1.2\n---\n" SIGNED_YAML "...\n", SOURCE_YAML);
	struct lint_result dashes = lint_text("Type: EXPORT_ASSETS_TO_S3\n"
					      "Details:\n"
					      "  ExportAssetsToS3:\n"
					      "    AssetDestinations:\n"
					      "      - AssetId: " ASSET "\n"
					      "        Bucket: example-exports\n"
					      "        Key: |-\n"
					      "          ---\n"
					      "          a---b\n"
					      "    DataSetId: " DSET "\n"
					      "    RevisionId: " REV "\n",
					      SOURCE_YAML);

	EXPECT_ONLY(two, "CJ006", 7, 1);
	EXPECT_ONLY(three, "CJ006", 7, 1);
	EXPECT_NONE(markers, "one document with markers");
	EXPECT_NONE(dashes, "--- inside a block scalar");
	lint_result_free(&two);
	lint_result_free(&three);
	lint_result_free(&markers);
	lint_result_free(&dashes);
}
END_TEST

/* --- CJ007 limits ---------------------------------------------------------------- */

START_TEST(cj007_depth)
{
	char *json = repeated("", "[", 300, "");
	char *yaml = repeated("", "[", 300, "");
	char *objects = repeated("", "{\"a\": ", 300, "");
	struct lint_result rj = lint_text(json, SOURCE_JSON);
	struct lint_result ry = lint_text(yaml, SOURCE_YAML);
	struct lint_result ro = lint_text(objects, SOURCE_JSON);
	const struct diag *d;

	/* The first container past the limit of 256 is the 257th. */
	d = EXPECT_ONLY(rj, "CJ007", 1, 257);
	ck_assert_str_eq(diag_variant(d), "depth");
	ck_assert_str_eq(diag_arg(d, "limit"), "256");
	ck_assert_ptr_nonnull(strstr(d->message, "256"));
	ck_assert_str_eq(diag_variant(EXPECT_ONLY(ry, "CJ007", 1, 257)), "depth");
	ck_assert_str_eq(diag_variant(EXPECT_ONLY(ro, "CJ007", 1, 6 * 256 + 1)), "depth");
	lint_result_free(&rj);
	lint_result_free(&ry);
	lint_result_free(&ro);
	free(json);
	free(yaml);
	free(objects);
}
END_TEST

START_TEST(cj007_depth_at_limit)
{
	/* Exactly 256 levels load; the file is then just a list. */
	char *json = repeated("", "[", 256, "");
	char *closed = repeated(json, "]", 256, "");
	struct lint_result r = lint_text(closed, SOURCE_JSON);

	EXPECT_ONLY(r, "CJ003", 1, 1);
	lint_result_free(&r);
	free(json);
	free(closed);
}
END_TEST

START_TEST(cj007_nodes)
{
	struct lint_config small = cfg;
	char *json = repeated("{\"Type\": [", "\"x\", ", 100, "\"x\"]}");
	char *yaml = repeated("Type:\n", "  - x\n", 100, "");
	struct lint_result rj, ry;

	small.limits.max_nodes = 50;
	rj = lint_with(&small, json, SOURCE_JSON);
	ry = lint_with(&small, yaml, SOURCE_YAML);
	ck_assert_msg(rj.diags.n == 1 && strcmp(diag_variant(&rj.diags.items[0]), "nodes") == 0,
		      "json: %s", summary(&rj));
	ck_assert_msg(ry.diags.n == 1 && strcmp(diag_variant(&ry.diags.items[0]), "nodes") == 0,
		      "yaml: %s", summary(&ry));
	ck_assert_str_eq(diag_rule_id(&rj.diags.items[0]), "CJ007");
	ck_assert_str_eq(diag_rule_id(&ry.diags.items[0]), "CJ007");
	lint_result_free(&rj);
	lint_result_free(&ry);
	free(json);
	free(yaml);
}
END_TEST

START_TEST(cj007_visits)
{
	struct lint_config small = cfg;
	struct lint_result r;

	small.max_visits = 3;
	r = lint_with(&small, SIGNED_JSON, SOURCE_JSON);
	ck_assert_str_eq(diag_variant(EXPECT_ONLY(r, "CJ007", 1, 1)), "expansion");
	lint_result_free(&r);
}
END_TEST

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(cj007_billion_laughs)
{
	/* Nine levels of nine aliases: 9^9 strings if expanded. Outside the request shape
	 * nothing is expanded: each top-level key is just unknown. */
	struct strbuf sb;
	struct lint_result r;
	const char *names = "abcdefghi";
	double t0 = seconds();
	size_t i, j;

	sb_init(&sb);
	sb_adds(&sb, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (i = 1; i < 9; i++) {
		sb_addf(&sb, "%c: &%c [", names[i], names[i]);
		for (j = 0; j < 9; j++)
			sb_addf(&sb, "%s*%c", j ? ", " : "", names[i - 1]);
		sb_adds(&sb, "]\n");
	}
	r = lint_text(sb.buf, SOURCE_YAML);
	ck_assert_msg(seconds() - t0 < 2.0, "took %.2fs", seconds() - t0);
	ck_assert_msg(count(&r, "CJ102") == 9 && count(&r, "CJ101") == 1 && r.diags.n == 10,
		      "got %s", summary(&r));
	lint_result_free(&r);
	sb_free(&sb);
}
END_TEST

START_TEST(cj007_alias_expansion_in_shape)
{
	/* 1100 aliases of a tag holding 1000 values: over a million visits through the
	 * request shape, so the walk stops with CJ007 instead of taking forever. */
	struct strbuf sb;
	struct lint_result r;
	double t0 = seconds();
	size_t i;

	sb_init(&sb);
	sb_adds(&sb, "Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\n"
		     "Details:\n"
		     "  ImportAssetsFromLakeFormationTagPolicy:\n"
		     "    CatalogId: \"123456789012\"\n"
		     "    DataSetId: " DSET "\n"
		     "    RevisionId: " REV "\n"
		     "    RoleArn: arn:aws:iam::123456789012:role/DataExchangeLakeFormation\n"
		     "    Database:\n"
		     "      Permissions: [DESCRIBE]\n"
		     "      Expression:\n"
		     "        - &t {TagKey: k, TagValues: [x");
	for (i = 1; i < 1000; i++)
		sb_adds(&sb, ", x");
	sb_adds(&sb, "]}\n");
	for (i = 0; i < 1100; i++)
		sb_adds(&sb, "        - *t\n");
	r = lint_text(sb.buf, SOURCE_YAML);
	ck_assert_msg(seconds() - t0 < 2.0, "took %.2fs", seconds() - t0);
	ck_assert_str_eq(diag_variant(EXPECT_ONLY(r, "CJ007", 1, 1)), "expansion");
	lint_result_free(&r);
	sb_free(&sb);
}
END_TEST

/* --- YAML anchors, aliases, merge keys ------------------------------------------- */

START_TEST(yaml_aliases_and_merges_resolve)
{
	struct lint_result merge = lint_text("Type: EXPORT_ASSETS_TO_S3\n"
					     "Details:\n"
					     "  ExportAssetsToS3:\n"
					     "    AssetDestinations:\n"
					     "      - &first {AssetId: " ASSET ", Bucket: example-exports}\n"
					     "      - <<: *first\n"
					     "        Bucket: example-archive\n"
					     "        Key: k\n"
					     "    DataSetId: &id " DSET "\n"
					     "    RevisionId: *id\n",
					     SOURCE_YAML);
	/* One tag expression shared by Database and Table: a second RevisionDestination
	 * (the alias's first use here) would break the one-revision quota (CJ214), and the
	 * same entry twice in one list is a duplicate (CJ213). */
	struct lint_result alias = lint_text("Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\n"
					     "Details:\n"
					     "  ImportAssetsFromLakeFormationTagPolicy:\n"
					     "    CatalogId: \"123456789012\"\n"
					     "    DataSetId: " DSET "\n"
					     "    RevisionId: " REV "\n"
					     "    RoleArn: arn:aws:iam::123456789012:role/DataExchangeLakeFormation\n"
					     "    Database:\n"
					     "      Expression:\n"
					     "        - &tag\n"
					     "          TagKey: domain\n"
					     "          TagValues: [sales]\n"
					     "      Permissions: [DESCRIBE]\n"
					     "    Table:\n"
					     "      Expression:\n"
					     "        - *tag\n"
					     "      Permissions: [DESCRIBE, SELECT]\n",
					     SOURCE_YAML);
	struct lint_result merge_list = lint_text("Type: EXPORT_ASSET_TO_SIGNED_URL\n"
						  "Details:\n"
						  "  ExportAssetToSignedUrl:\n"
						  "    <<: [{AssetId: " ASSET "}, {DataSetId: " DSET "}]\n"
						  "    RevisionId: " REV "\n",
						  SOURCE_YAML);

	EXPECT_NONE(merge, "merge key with an override");
	EXPECT_NONE(alias, "alias to a valid mapping");
	EXPECT_NONE(merge_list, "merge of a list of mappings");
	lint_result_free(&merge);
	lint_result_free(&alias);
	lint_result_free(&merge_list);
}
END_TEST

START_TEST(yaml_alias_to_bad_value)
{
	/* A finding through an alias: the value is checked where it is used. */
	struct lint_result r = lint_text("Type: EXPORT_ASSET_TO_SIGNED_URL\n"
					 "Details:\n"
					 "  ExportAssetToSignedUrl:\n"
					 "    AssetId: &a short\n"
					 "    DataSetId: " DSET "\n"
					 "    RevisionId: *a\n",
					 SOURCE_YAML);

	ck_assert_msg(r.diags.n == 2 && count(&r, "CJ105") == 2,
		      "got %s", summary(&r));
	ck_assert_msg(find(&r, "CJ105", 6, 17), "got %s", summary(&r));
	lint_result_free(&r);
}
END_TEST

/* The byte offset of the node that carries anchor `name` in a YAML text, found with the
 * loader alone (not the engine). */
static const struct node *anchored_in(const struct node *n, const char *name)
{
	const struct node *found = NULL;
	size_t i;

	if (!n || n->kind == NODE_ALIAS)
		return NULL;
	if (n->anchor && strcmp(n->anchor, name) == 0)
		return n;
	for (i = 0; !found && i < n->nmembers; i++)
		found = anchored_in(n->members[i].value, name);
	for (i = 0; !found && i < n->nitems; i++)
		found = anchored_in(n->items[i], name);
	return found;
}

static size_t anchored_offset(const char *text, const char *name)
{
	static const struct load_limits limits = { LOAD_DEFAULT_DEPTH, LOAD_DEFAULT_NODES };
	struct source *src = source_new("a.yaml", xstrdup(text), strlen(text), SOURCE_YAML);
	struct diag_list diags;
	struct doc *doc;
	const struct node *n;
	size_t offset;

	diag_list_init(&diags);
	doc = load_yaml(src, &limits, &diags);
	n = anchored_in(doc->root, name);
	ck_assert_msg(n != NULL, "no anchor &%s", name);
	offset = n->start;
	doc_free(doc);
	diag_list_free(&diags);
	source_free(src);
	return offset;
}

/* A scalar anchored on line 4 and used on line 6. */
#define ALIAS_SCALAR_YAML                                                                  \
	"Type: EXPORT_ASSET_TO_SIGNED_URL\n"                                               \
	"Details:\n"                                                                       \
	"  ExportAssetToSignedUrl:\n"                                                      \
	"    AssetId: &a short\n"                                                          \
	"    DataSetId: " DSET "\n"                                                        \
	"    RevisionId: *a\n"

/* A tag expression anchored on line 10 (a flow mapping over two lines) and used on
 * line 14; its TagValues (line 11) is empty. */
#define ALIAS_MAPPING_YAML                                                                 \
	"Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\n"                             \
	"Details:\n"                                                                       \
	"  ImportAssetsFromLakeFormationTagPolicy:\n"                                      \
	"    CatalogId: \"123456789012\"\n"                                                \
	"    DataSetId: " DSET "\n"                                                        \
	"    RevisionId: " REV "\n"                                                        \
	"    RoleArn: arn:aws:iam::123456789012:role/DataExchangeLakeFormation\n"          \
	"    Database:\n"                                                                  \
	"      Expression:\n"                                                              \
	"        - &tag {TagKey: domain,\n"                                                \
	"                TagValues: []}\n"                                                 \
	"      Permissions: [DESCRIBE]\n"                                                  \
	"    Table:\n"                                                                     \
	"      Expression: [*tag]\n"                                                       \
	"      Permissions: [DESCRIBE, SELECT]\n"

START_TEST(yaml_alias_findings_on_the_alias)
{
	/* A finding inside an alias's value is placed on the alias (*name) with the path
	 * where the alias is used; the same value at its anchor is reported there, plainly. */
	struct lint_result scalar = lint_text(ALIAS_SCALAR_YAML, SOURCE_YAML);
	struct lint_result mapping = lint_text(ALIAS_MAPPING_YAML, SOURCE_YAML);
	const struct diag *at_anchor, *at_alias;

	ck_assert_msg(scalar.diags.n == 2, "got %s", summary(&scalar));
	at_anchor = find(&scalar, "CJ105", 4, 14);
	at_alias = find(&scalar, "CJ105", 6, 17);
	ck_assert_msg(at_anchor && at_alias, "got %s", summary(&scalar));
	ck_assert(!at_anchor->via_alias);
	ck_assert_ptr_null(strstr(at_anchor->message, "alias"));
	ck_assert(at_alias->via_alias);
	ck_assert_uint_eq(at_alias->end - at_alias->start, 2); /* "*a" */
	ck_assert_str_eq(at_alias->pointer, "/Details/ExportAssetToSignedUrl/RevisionId");
	ck_assert_ptr_nonnull(strstr(at_alias->message, "in the value of the alias"));
	ck_assert_uint_ne(at_alias->related, 0);

	ck_assert_msg(mapping.diags.n == 2, "got %s", summary(&mapping));
	at_anchor = find(&mapping, "CJ107", 11, 28);
	at_alias = find(&mapping, "CJ107", 14, 20);
	ck_assert_msg(at_anchor && at_alias, "got %s", summary(&mapping));
	ck_assert(!at_anchor->via_alias);
	ck_assert(at_alias->via_alias);
	ck_assert_uint_eq(at_alias->end - at_alias->start, 4); /* "*tag" */
	ck_assert_str_eq(at_alias->pointer,
			 "/Details/ImportAssetsFromLakeFormationTagPolicy/Table/Expression/0/TagValues");
	ck_assert_str_eq(at_anchor->pointer,
			 "/Details/ImportAssetsFromLakeFormationTagPolicy/Database/Expression/0/TagValues");
	lint_result_free(&scalar);
	lint_result_free(&mapping);
}
END_TEST

START_TEST(yaml_alias_finding_names_the_anchor)
{
	/* A finding through an alias names the anchored node's line, for a scalar alias
	 * and for one nested in an aliased collection (it once named the alias's own
	 * line, or the nested node's). */
	static const struct {
		const char *text, *anchor;
		unsigned line, col, anchor_line;
	} cases[] = {
		{ ALIAS_SCALAR_YAML, "a", 6, 17, 4 },
		{ ALIAS_MAPPING_YAML, "tag", 14, 20, 10 },
	};
	struct strbuf wrong;
	size_t i;

	sb_init(&wrong);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct lint_result r = lint_text(cases[i].text, SOURCE_YAML);
		const struct diag *d = NULL;
		char *phrase = xasprintf("its anchor is on line %u)", cases[i].anchor_line);
		size_t k, want = anchored_offset(cases[i].text, cases[i].anchor) + 1;

		for (k = 0; k < r.diags.n; k++)
			if (r.diags.items[k].via_alias)
				d = &r.diags.items[k];
		ck_assert_msg(d && d->from.line == cases[i].line && d->from.column == cases[i].col,
			      "&%s: got %s", cases[i].anchor, summary(&r));
		if (d->related != want || d->related_line != cases[i].anchor_line ||
		    !strstr(d->message, phrase))
			sb_addf(&wrong, "\n  &%s: related %zu (line %u), want %zu (line %u); message: %s",
				cases[i].anchor, d->related, d->related_line, want,
				cases[i].anchor_line, d->message);
		free(phrase);
		lint_result_free(&r);
	}
	ck_assert_msg(wrong.len == 0, "findings through aliases:%s", wrong.buf);
	sb_free(&wrong);
}
END_TEST

/* --- CJ101 missing members ------------------------------------------------------- */

START_TEST(cj101_missing)
{
	struct lint_result member = lint_text("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
					      " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
					      "   \"AssetId\": \"" ASSET "\",\n"
					      "   \"DataSetId\": \"" DSET "\"}}}\n",
					      SOURCE_JSON);
	struct lint_result type = lint_text("{\"Details\": {\"ExportAssetToSignedUrl\": {\n"
					    "   \"AssetId\": \"" ASSET "\",\n"
					    "   \"DataSetId\": \"" DSET "\",\n"
					    "   \"RevisionId\": \"" REV "\"}}}\n",
					    SOURCE_JSON);
	struct lint_result yaml = lint_text("Type: EXPORT_REVISIONS_TO_S3\n"
					    "Details:\n"
					    "  ExportRevisionsToS3:\n"
					    "    DataSetId: " DSET "\n"
					    "    RevisionDestinations:\n"
					    "      - KeyPattern: ${Asset.Name}\n"
					    "        RevisionId: " REV "\n",
					    SOURCE_YAML);
	const struct diag *d;

	d = EXPECT_ONLY(member, "CJ101", 2, 40);
	ck_assert_str_eq(d->pointer, "/Details/ExportAssetToSignedUrl");
	ck_assert_str_eq(diag_arg(d, "member"), "RevisionId");
	d = EXPECT_ONLY(type, "CJ101", 1, 1);
	ck_assert_str_eq(d->pointer, "");
	ck_assert_str_eq(diag_arg(d, "member"), "Type");
	/* A block mapping that lacks a member: its first key. */
	d = EXPECT_ONLY(yaml, "CJ101", 6, 9);
	ck_assert_str_eq(d->pointer, "/Details/ExportRevisionsToS3/RevisionDestinations/0");
	ck_assert_str_eq(diag_arg(d, "member"), "Bucket");
	lint_result_free(&member);
	lint_result_free(&type);
	lint_result_free(&yaml);
}
END_TEST

START_TEST(rfc6901_pointers)
{
	/* Pointers name the offending value through members and list indexes. */
	/* AssetDestinations, as RevisionDestinations takes one entry only (CJ214). */
	struct lint_result r = lint_text("{\"Type\": \"EXPORT_ASSETS_TO_S3\",\n"
					 " \"Details\": {\"ExportAssetsToS3\": {\n"
					 "   \"DataSetId\": \"" DSET "\", \"RevisionId\": \"" REV "\",\n"
					 "   \"AssetDestinations\": [\n"
					 "     {\"AssetId\": \"" ASSET "\", \"Bucket\": \"example-exports\", \"Key\": \"\"},\n"
					 "     {\"Key\": \"data/a.csv\", \"AssetId\": \"r\"}]}}}\n",
					 SOURCE_JSON);
	const struct diag *key = find(&r, "CJ207", 5, 90);
	const struct diag *missing = find(&r, "CJ101", 6, 6);
	const struct diag *id = find(&r, "CJ105", 6, 39);

	ck_assert_msg(r.diags.n == 3 && key && missing && id, "got %s", summary(&r));
	ck_assert_str_eq(key->pointer, "/Details/ExportAssetsToS3/AssetDestinations/0/Key");
	ck_assert_str_eq(missing->pointer, "/Details/ExportAssetsToS3/AssetDestinations/1");
	ck_assert_str_eq(diag_arg(missing, "member"), "Bucket");
	ck_assert_str_eq(id->pointer, "/Details/ExportAssetsToS3/AssetDestinations/1/AssetId");
	ck_assert_str_eq(diag_arg(id, "path"),
			 "Details.ExportAssetsToS3.AssetDestinations[1].AssetId");
	lint_result_free(&r);
}
END_TEST

/* --- CJ102 unknown members ------------------------------------------------------- */

static const struct unknown_case {
	const char *name;
	const char *suggestion;
} unknown_cases[] = {
	{ "DatasetId", "DataSetId" },
	{ "dataSetId", "DataSetId" },
	{ "data_set_id", "DataSetId" },
	{ "DATA-SET-ID", "DataSetId" },
	{ "DataSetIdd", "DataSetId" },
	{ "DataStId", "DataSetId" },
	{ "Comment", NULL },
};

START_TEST(cj102_unknown_member)
{
	const struct unknown_case *c = &unknown_cases[_i];
	char *text = xasprintf("{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
			       " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
			       "   \"AssetId\": \"" ASSET "\",\n"
			       "   \"%s\": \"" DSET "\",\n"
			       "   \"RevisionId\": \"" REV "\"}}}\n",
			       c->name);
	struct lint_result r = lint_text(text, SOURCE_JSON);
	const struct diag *d;
	char *pointer;

	if (c->suggestion) {
		/* A misspelling is one finding: not also a missing DataSetId. */
		d = only(&r, "CJ102", 4, 4, c->name);
		ck_assert_str_eq(d->suggestion, c->suggestion);
		ck_assert_str_eq(diag_arg(d, "member"), c->name);
		ck_assert_ptr_nonnull(strstr(d->message, "DataSetId"));
	} else {
		ck_assert_msg(r.diags.n == 2 && find(&r, "CJ102", 4, 4) && find(&r, "CJ101", 2, 40),
			      "got %s", summary(&r));
		d = find(&r, "CJ102", 4, 4);
		ck_assert_ptr_null(d->suggestion);
	}
	/* An unknown member points at itself. */
	pointer = xasprintf("/Details/ExportAssetToSignedUrl/%s", c->name);
	ck_assert_str_eq(d->pointer, pointer);
	ck_assert_uint_eq(d->end - d->start, strlen(c->name) + 2);
	free(pointer);
	lint_result_free(&r);
	free(text);
}
END_TEST

START_TEST(cj102_yaml_and_nested)
{
	struct lint_result r = lint_text("Type: EXPORT_ASSETS_TO_S3\n"
					 "Details:\n"
					 "  ExportAssetsToS3:\n"
					 "    AssetDestinations:\n"
					 "      - AssetId: " ASSET "\n"
					 "        Bucket: example-exports\n"
					 "        KeyPrefix: x\n"
					 "    DataSetId: " DSET "\n"
					 "    RevisionId: " REV "\n",
					 SOURCE_YAML);
	const struct diag *d = EXPECT_ONLY(r, "CJ102", 7, 9);

	ck_assert_str_eq(d->pointer, "/Details/ExportAssetsToS3/AssetDestinations/0/KeyPrefix");
	lint_result_free(&r);
}
END_TEST

/* --- CJ103 wrong types ----------------------------------------------------------- */

static const struct type_case {
	const char *text;
	enum source_format format;
	unsigned line, col;
	const char *pointer;
	const char *expected;
} type_cases[] = {
	{ "{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
	  " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
	  "   \"AssetId\": \"" ASSET "\", \"DataSetId\": \"" DSET "\",\n"
	  "   \"RevisionId\": null}}}\n",
	  SOURCE_JSON, 4, 18, "/Details/ExportAssetToSignedUrl/RevisionId", "a string" },
	{ "{\"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\", \"Details\": \"x\"}", SOURCE_JSON, 1, 51,
	  "/Details", "a mapping" },
	{ "{\"Type\": [\"EXPORT_ASSET_TO_SIGNED_URL\"], \"Details\": {}}", SOURCE_JSON, 1, 10, "/Type",
	  "a string" },
	{ "{\"Type\": \"EXPORT_ASSETS_TO_S3\", \"Details\": {\"ExportAssetsToS3\": {\n"
	  "  \"AssetDestinations\": {\"AssetId\": \"" ASSET "\", \"Bucket\": \"example-exports\"},\n"
	  "  \"DataSetId\": \"" DSET "\", \"RevisionId\": \"" REV "\"}}}",
	  SOURCE_JSON, 2, 24, "/Details/ExportAssetsToS3/AssetDestinations", "a list" },
	{ "Type: IMPORT_ASSET_FROM_SIGNED_URL\n"
	  "Details:\n"
	  "  ImportAssetFromSignedUrl:\n"
	  "    AssetName: [a, b]\n"
	  "    DataSetId: " DSET "\n"
	  "    Md5Hash: sZRqySSS0jR8YjW00mERhA==\n"
	  "    RevisionId: " REV "\n",
	  SOURCE_YAML, 4, 16, "/Details/ImportAssetFromSignedUrl/AssetName", "a string" },
};

START_TEST(cj103_wrong_type)
{
	const struct type_case *c = &type_cases[_i];
	struct lint_result r = lint_text(c->text, c->format);
	const struct diag *d = only(&r, "CJ103", c->line, c->col, c->pointer);

	ck_assert_str_eq(d->pointer, c->pointer);
	ck_assert_msg(strstr(d->message, c->expected), "message: %s", d->message);
	lint_result_free(&r);
}
END_TEST

/* An unquoted YAML flow collection where a string goes: the message names what YAML
 * read, and the unsafe fix quotes the source only when nothing in it would change
 * meaning (a comment, a line break, an anchor, a tag). */
static const struct flow_case {
	const char *value;
	bool fixed;
} flow_cases[] = {
	{ "[a, \"b\\\"c\"]", true },
	{ "{Asset.Name}", true },
	{ "[a, # c\n      b]", false },
	{ "[a,\n      b]", false },
	{ "[&x a, b]", false },
	{ "[!!str a]", false },
	{ "&x [a]", false },
	{ "!!seq [a]", false },
};

START_TEST(cj103_yaml_flow_value)
{
	const struct flow_case *c = &flow_cases[_i];
	char *text = xasprintf("Type: IMPORT_ASSET_FROM_SIGNED_URL\n"
			       "Details:\n"
			       "  ImportAssetFromSignedUrl:\n"
			       "    AssetName: %s\n"
			       "    DataSetId: " DSET "\n"
			       "    Md5Hash: sZRqySSS0jR8YjW00mERhA==\n"
			       "    RevisionId: " REV "\n", c->value);
	struct lint_result r = lint_text(text, SOURCE_YAML);
	const struct diag *d = only(&r, "CJ103", 4, 16, "/Details/ImportAssetFromSignedUrl/AssetName");

	ck_assert_str_eq(diag_variant(d), "yaml-flow");
	ck_assert_msg(strstr(d->message, c->value[0] == '{' ? "'{' as the start of a mapping"
							   : "as the start of a list"),
		      "message: %s", d->message);
	ck_assert_msg((d->fix != NULL) == c->fixed, "%s: fix %p", c->value, (void *)d->fix);
	lint_result_free(&r);
	free(text);
}
END_TEST

/* --- CJ104 enums ----------------------------------------------------------------- */

START_TEST(cj104_enum)
{
	struct lint_result type = lint_text("{\"Type\": \"IMPORT_ASSET_FROM_S3\",\n"
					    " \"Details\": {\"ImportAssetsFromS3\": {\n"
					    "   \"AssetSources\": [{\"Bucket\": \"example-data\", \"Key\": \"k\"}],\n"
					    "   \"DataSetId\": \"" DSET "\", \"RevisionId\": \"" REV "\"}}}\n",
					    SOURCE_JSON);
	struct lint_result perm = lint_text("Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\n"
					    "Details:\n"
					    "  ImportAssetsFromLakeFormationTagPolicy:\n"
					    "    CatalogId: \"123456789012\"\n"
					    "    DataSetId: " DSET "\n"
					    "    RevisionId: " REV "\n"
					    "    RoleArn: arn:aws:iam::123456789012:role/LF\n"
					    "    Table:\n"
					    "      Expression: [{TagKey: k, TagValues: [v]}]\n"
					    "      Permissions: [SELECT, ALTER]\n",
					    SOURCE_YAML);
	struct lint_result kms = lint_text("Type: EXPORT_REVISIONS_TO_S3\n"
					   "Details:\n"
					   "  ExportRevisionsToS3:\n"
					   "    DataSetId: " DSET "\n"
					   "    Encryption: {Type: aws:KMS}\n"
					   "    RevisionDestinations:\n"
					   "      - {Bucket: example-exports, KeyPattern: \"${Asset.Id}\", RevisionId: " REV "}\n",
					   SOURCE_YAML);
	const struct diag *d;

	/* An unknown Type is CJ104 alone: Details cannot be paired with it (no CJ201). */
	d = EXPECT_ONLY(type, "CJ104", 1, 10);
	ck_assert_str_eq(d->suggestion, "IMPORT_ASSETS_FROM_S3");
	ck_assert_str_eq(d->pointer, "/Type");
	d = EXPECT_ONLY(perm, "CJ104", 10, 29);
	ck_assert_ptr_null(d->suggestion);
	ck_assert_str_eq(d->pointer,
			 "/Details/ImportAssetsFromLakeFormationTagPolicy/Table/Permissions/1");
	ck_assert_ptr_nonnull(strstr(diag_arg(d, "allowed"), "DESCRIBE, SELECT"));
	ck_assert_str_eq(diag_arg(d, "value"), "ALTER");
	d = EXPECT_ONLY(kms, "CJ104", 5, 24);
	ck_assert_str_eq(d->suggestion, "aws:kms");
	lint_result_free(&type);
	lint_result_free(&perm);
	lint_result_free(&kms);
}
END_TEST

/* --- CJ105-CJ107 patterns, lengths, list sizes ----------------------------------- */

/* IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY with CatalogId %s (on 4:16) and
 * AssetId-like ids as given. */
#define LF_YAML                                                                            \
	"Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\n"                             \
	"Details:\n"                                                                       \
	"  ImportAssetsFromLakeFormationTagPolicy:\n"                                      \
	"    CatalogId: %s\n"                                                              \
	"    DataSetId: %s\n"                                                              \
	"    RevisionId: " REV "\n"                                                        \
	"    RoleArn: %s\n"                                                                \
	"    Database:\n"                                                                  \
	"      Expression: [{TagKey: domain, TagValues: [sales]}]\n"                       \
	"      Permissions: [DESCRIBE]\n"
#define ROLE "arn:aws:iam::123456789012:role/DataExchangeLakeFormation"

static const struct value_case {
	const char *catalog, *dataset, *role;
	const char *rule; /* NULL: no finding */
	unsigned line, col;
	const char *variant;
} value_cases[] = {
	{ "\"123456789012\"", DSET, ROLE, NULL, 0, 0, NULL },
	{ "\"\"", DSET, ROLE, "CJ106", 4, 16, "empty" },
	{ "\"1234567890123\"", DSET, ROLE, "CJ106", 4, 16, "long" },
	{ "\"12345678901a\"", DSET, ROLE, "CJ105", 4, 16, "default" },
	/* Lengths count code points: 12 characters, 13 bytes, so a pattern finding. */
	{ "\"12345678901\xC3\xA9\"", DSET, ROLE, "CJ105", 4, 16, "default" },
	{ "\"\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8\xD9\xA9\xD9\xA1\xD9\xA2"
	  "\xD9\xA3\"",
	  DSET, ROLE, "CJ105", 4, 16, "default" }, /* Arabic-Indic digits are not [0-9] */
	{ "\"123456789012\"", "6c1f2e0d-8a3b-4c5d-9e7f-0a1b2c3d4e5f", ROLE, "CJ105", 5, 16,
	  "default" },
	{ "\"123456789012\"", "abcdefghijabcdefghijabcdefghi", ROLE, "CJ105", 5, 16, "default" },
	{ "\"123456789012\"", "abcdefghijabcdefghijabcdefghij", ROLE, NULL, 0, 0, NULL },
	{ "\"123456789012\"", "abcdefghijabcdefghijabcdefghijabcdefghij", ROLE, NULL, 0, 0, NULL },
	{ "\"123456789012\"", "abcdefghijabcdefghijabcdefghijabcdefghijk", ROLE, "CJ105", 5, 16,
	  "default" },
	{ "\"123456789012\"", "x" DSET, ROLE, NULL, 0, 0, NULL },
	{ "\"123456789012\"", "x-" DSET, ROLE, "CJ105", 5, 16, "default" },
	/* A RoleArn is checked by CJ211, which says what is wrong (see test_rules.c). */
	{ "\"123456789012\"", DSET, "arn:aws:iam::12345678901:role/LF", "CJ211", 7, 14, "default" },
	{ "\"123456789012\"", DSET, "arn:aws:iam::123456789012:user/LF", "CJ211", 7, 14, "default" },
	{ "\"123456789012\"", DSET, "\"x arn:aws:iam::123456789012:role/LF\"", "CJ211", 7, 14,
	  "default" },
};

START_TEST(cj105_cj106_values)
{
	const struct value_case *c = &value_cases[_i];
	char *text = xasprintf(LF_YAML, c->catalog, c->dataset, c->role);
	struct lint_result r = lint_text(text, SOURCE_YAML);

	if (!c->rule)
		EXPECT_NONE(r, text);
	else
		ck_assert_str_eq(diag_variant(only(&r, c->rule, c->line, c->col, text)), c->variant);
	lint_result_free(&r);
	free(text);
}
END_TEST

/* Counts the findings of severity error or warning, so that an informational note on
 * a member newer AWS CLIs need does not count. */
static size_t count_problems(const struct lint_result *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->diags.n; i++)
		n += r->diags.items[i].severity >= SEV_WARNING;
	return n;
}

START_TEST(cj107_list_bounds)
{
	static const struct {
		size_t keys;
		const char *variant;
	} cases[] = { { 0, "short" }, { 1, NULL }, { 10, NULL }, { 11, "long" } };
	size_t i, k;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct strbuf sb;
		struct lint_result r;
		const struct diag *d;

		sb_init(&sb);
		sb_adds(&sb, "Type: CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET\n"
			     "Details:\n"
			     "  CreateS3DataAccessFromS3Bucket:\n"
			     "    AssetSource:\n"
			     "      Bucket: example-shared-data\n"
			     "      KmsKeysToGrant: [");
		/* Different keys: the same key twice would be a duplicate (CJ213). */
		for (k = 0; k < cases[i].keys; k++)
			sb_addf(&sb, "%s{KmsKeyArn: \"arn:aws:kms:us-east-1:123456789012:key/"
				     "1234abcd-12ab-34cd-56ef-1234567890%02zu\"}",
				k ? ", " : "", k);
		sb_adds(&sb, "]\n"
			     "    DataSetId: " DSET "\n"
			     "    RevisionId: " REV "\n");
		r = lint_text(sb.buf, SOURCE_YAML);
		d = find(&r, "CJ107", 6, 23);
		if (cases[i].variant) {
			ck_assert_msg(d && count_problems(&r) == 1, "%zu keys: got %s", cases[i].keys,
				      summary(&r));
			ck_assert_str_eq(diag_variant(d), cases[i].variant);
			ck_assert_str_eq(d->pointer,
					 "/Details/CreateS3DataAccessFromS3Bucket/AssetSource/KmsKeysToGrant");
		} else {
			ck_assert_msg(count_problems(&r) == 0, "%zu keys: got %s", cases[i].keys,
				      summary(&r));
		}
		lint_result_free(&r);
		sb_free(&sb);
	}
}
END_TEST

START_TEST(cj107_tags)
{
	size_t n;

	for (n = 50; n <= 51; n++) {
		/* Tags with different keys: two with one key would be a duplicate (CJ213). */
		struct strbuf sb;
		struct lint_result r;
		size_t k;

		sb_init(&sb);
		sb_adds(&sb, "{\"AssetConfiguration\": {\"Tags\": [");
		for (k = 0; k < n; k++)
			sb_addf(&sb, "%s{\"Key\": \"team-%02zu\", \"Value\": \"v\"}", k ? ", " : "", k);
		sb_adds(&sb, "]},\n"
			     " \"Type\": \"EXPORT_ASSET_TO_SIGNED_URL\",\n"
			     " \"Details\": {\"ExportAssetToSignedUrl\": {\n"
			     "   \"AssetId\": \"" ASSET "\",\n"
			     "   \"DataSetId\": \"" DSET "\",\n"
			     "   \"RevisionId\": \"" REV "\"}}}\n");
		r = lint_text(sb.buf, SOURCE_JSON);

		if (n == 50) {
			ck_assert_msg(count_problems(&r) == 0, "50 tags: %s", summary(&r));
		} else {
			const struct diag *d = find(&r, "CJ107", 1, 33);

			ck_assert_msg(d && count_problems(&r) == 1, "51 tags: %s", summary(&r));
			ck_assert_str_eq(diag_variant(d), "long");
			ck_assert_str_eq(d->pointer, "/AssetConfiguration/Tags");
		}
		lint_result_free(&r);
		sb_free(&sb);
	}
}
END_TEST

/* --- Order of findings ------------------------------------------------------------ */

START_TEST(findings_at_one_start_shorter_first)
{
	/* The unknown first key (CJ102) and the top-level mapping it starts that lacks
	 * Details (CJ101) start at one place: the shorter range comes first. */
	struct lint_result r = lint_text("Comment: hello\n"
					 "Type: EXPORT_ASSET_TO_SIGNED_URL\n",
					 SOURCE_YAML);

	ck_assert_uint_eq(r.diags.n, 2);
	ck_assert_str_eq(diag_rule_id(&r.diags.items[0]), "CJ102");
	ck_assert_str_eq(diag_rule_id(&r.diags.items[1]), "CJ101");
	ck_assert_uint_eq(r.diags.items[0].start, r.diags.items[1].start);
	ck_assert_uint_lt(r.diags.items[0].end, r.diags.items[1].end);
	lint_result_free(&r);
}
END_TEST

/* --- Severity overrides ---------------------------------------------------------- */

/* Lints text written to a file of that name in a fresh folder, through lint_path (where
 * per-file settings apply), with `c`. */
static struct lint_result lint_file_as(const struct lint_config *c, const char *name,
				       const char *text, bool only_requests)
{
	char dir[] = "/tmp/cjl-unit-XXXXXX";
	char *path;
	FILE *f;
	struct lint_result r;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	lint_path(c, path, only_requests, &r);
	unlink(path);
	rmdir(dir);
	free(path);
	return r;
}

static struct lint_result lint_file_with(const struct lint_config *c, const char *name,
					 const char *text)
{
	return lint_file_as(c, name, text, false);
}

/* Files met in a walk: only what is clearly not a request is skipped. A request
 * member in any letter case or nearly, at the top or one level down, is enough. */
static const struct {
	const char *name, *text;
	bool linted;
} recognition_cases[] = {
	{ "upper.json", "{\"Type\": \"X\"}", true },
	{ "lower.json", "{\"type\": \"X\", \"details\": {}}", true },
	{ "shout.yaml", "DETAILS: {}\n", true },
	{ "typo.json", "{\"Tpye\": \"X\"}", true },
	{ "snake.yaml", "asset_configuration: {}\n", true },
	{ "nested.yaml", "CreateJob:\n  Type: X\n  Details: {}\n", true },
	{ "listed.json", "[{\"type\": \"export_assets_to_s3\"}]", true },
	{ "loose.json", "[{\"type\": \"X\"}]", false },
	{ "esm.json", "{\"name\": \"web\", \"type\": \"module\"}", false },
	{ "tsconfig.json", "{\"compilerOptions\": {\"types\": [\"node\"]}}", false },
	{ "broken.json", "{\"DETAILS\": {", true },
	{ "package.json", "{\"name\": \"web\", \"scripts\": {\"test\": \"make\"}}", false },
	{ "compose.yaml", "services:\n  web: {image: nginx}\n", false },
	{ "deeper.yaml", "a:\n  b:\n    Type: X\n", false },
	{ "numbers.json", "[1, 2, 3]", false },
	{ "broken.yaml", "key: [unclosed\n", false },
};

START_TEST(request_recognition)
{
	struct lint_result r = lint_file_as(&cfg, recognition_cases[_i].name,
					    recognition_cases[_i].text, true);

	ck_assert_msg((r.skipped == SKIP_NONE) == recognition_cases[_i].linted,
		      "%s: linted %d, want %d", recognition_cases[_i].name,
		      r.skipped == SKIP_NONE, recognition_cases[_i].linted);
	if (!recognition_cases[_i].linted)
		ck_assert_int_eq(r.skipped, SKIP_NOT_REQUEST);
	lint_result_free(&r);
}
END_TEST

START_TEST(severity_override_off)
{
	/* Levels from the command line (settings_cli_rule) reach lint_path's findings. No
	 * configuration file is looked for, so nothing around /tmp can interfere. */
	struct settings_source settings;
	struct lint_config quiet = cfg;
	struct lint_result r;
	char *err = NULL;

	settings_init(&settings, &cat);
	settings.discover = false;
	quiet.settings = &settings;
	ck_assert_int_eq(settings_cli_rule(&settings, "CJ005", "off", &err), 0);
	r = lint_file_with(&quiet, "t.yaml", SIGNED_YAML "Type: EXPORT_ASSET_TO_SIGNED_URL\n");
	EXPECT_NONE(r, "CJ005 turned off");
	lint_result_free(&r);
	ck_assert_int_eq(settings_cli_rule(&settings, "CJ005", "warning", &err), 0);
	r = lint_file_with(&quiet, "t.yaml", SIGNED_YAML "Type: EXPORT_ASSET_TO_SIGNED_URL\n");
	ck_assert_int_eq(EXPECT_ONLY(r, "CJ005", 7, 1)->severity, SEV_WARNING);
	lint_result_free(&r);
	/* Without settings, the catalog's level. */
	r = lint_file_with(&cfg, "t.yaml", SIGNED_YAML "Type: EXPORT_ASSET_TO_SIGNED_URL\n");
	ck_assert_int_eq(EXPECT_ONLY(r, "CJ005", 7, 1)->severity, SEV_ERROR);
	lint_result_free(&r);
	settings_cleanup(&settings);
}
END_TEST

Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *load = tcase_create("load");
	TCase *limits = tcase_create("limits");
	TCase *schema = tcase_create("schema");

	tcase_add_unchecked_fixture(load, setup, teardown);
	tcase_add_loop_test(load, cj001_syntax, 0, (int)(sizeof syntax_cases / sizeof *syntax_cases));
	tcase_add_test(load, cj001_json_infinity);
	tcase_add_test(load, cj002_bom);
	tcase_add_test(load, cj002_yaml_bom_positions);
	tcase_add_loop_test(load, cj002_invalid_utf8, 0,
			    (int)(sizeof encoding_cases / sizeof *encoding_cases));
	tcase_add_loop_test(load, cj003_top_level, 0, (int)(sizeof top_cases / sizeof *top_cases));
	tcase_add_test(load, cj003_json_whitespace_only);
	tcase_add_test(load, cj003_not_mapping_message);
	tcase_add_loop_test(load, cj004_yaml_typing, 0,
			    (int)(sizeof typed_cases / sizeof *typed_cases));
	tcase_add_test(load, cj004_leading_zero_variant);
	tcase_add_test(load, cj004_empty_value);
	tcase_add_test(load, findings_at_one_start_shorter_first);
	tcase_add_test(load, cj004_yaml11_directive);
	tcase_add_test(load, cj004_not_for_json_or_containers);
	tcase_add_test(load, cj008_yaml11_directive);
	tcase_add_loop_test(load, cj009_block_scalar_newline, 0,
			    (int)(sizeof block_cases / sizeof *block_cases));
	tcase_add_test(load, cj009_near_misses);
	tcase_add_loop_test(load, cj010_json_special_numbers, 0,
			    (int)(sizeof number_cases / sizeof *number_cases));
	tcase_add_test(load, cj010_only_where_a_string_is_needed);
	tcase_add_loop_test(load, cj011_explicit_tags, 0, (int)(sizeof tag_cases / sizeof *tag_cases));
	tcase_add_test(load, cj005_json_duplicate);
	tcase_add_test(load, cj005_only_last_is_checked);
	tcase_add_test(load, cj005_three_times);
	tcase_add_test(load, cj005_yaml_duplicates);
	tcase_add_test(load, cj005_pointer_escapes);
	tcase_add_test(load, cj006_documents);
	tcase_add_test(load, yaml_aliases_and_merges_resolve);
	tcase_add_test(load, yaml_alias_to_bad_value);
	tcase_add_test(load, yaml_alias_findings_on_the_alias);
	tcase_add_test(load, yaml_alias_finding_names_the_anchor);
	suite_add_tcase(s, load);

	tcase_add_unchecked_fixture(limits, setup, teardown);
	tcase_set_timeout(limits, 20);
	tcase_add_test(limits, cj007_depth);
	tcase_add_test(limits, cj007_depth_at_limit);
	tcase_add_test(limits, cj007_nodes);
	tcase_add_test(limits, cj007_visits);
	tcase_add_test(limits, cj007_billion_laughs);
	tcase_add_test(limits, cj007_alias_expansion_in_shape);
	suite_add_tcase(s, limits);

	tcase_add_unchecked_fixture(schema, setup, teardown);
	tcase_add_test(schema, cj101_missing);
	tcase_add_test(schema, rfc6901_pointers);
	tcase_add_loop_test(schema, cj102_unknown_member, 0,
			    (int)(sizeof unknown_cases / sizeof *unknown_cases));
	tcase_add_test(schema, cj102_yaml_and_nested);
	tcase_add_loop_test(schema, cj103_wrong_type, 0, (int)(sizeof type_cases / sizeof *type_cases));
	tcase_add_loop_test(schema, cj103_yaml_flow_value, 0,
			    (int)(sizeof flow_cases / sizeof *flow_cases));
	tcase_add_test(schema, cj104_enum);
	tcase_add_loop_test(schema, cj105_cj106_values, 0,
			    (int)(sizeof value_cases / sizeof *value_cases));
	tcase_add_test(schema, cj107_list_bounds);
	tcase_add_test(schema, cj107_tags);
	tcase_add_test(schema, severity_override_off);
	tcase_add_loop_test(schema, request_recognition, 0,
			    (int)(sizeof recognition_cases / sizeof *recognition_cases));
	suite_add_tcase(s, schema);
	return s;
}
