/* What the pipeline tests share: the built-in rules, and linting a string. */
#include <check.h>
#include <string.h>

#include "fixture.h"
#include "yamltype.h"
#include "util.h"

struct catalog cat;
struct request_shape rs;
struct lint_config cfg;

void setup(void)
{
	char *err = NULL;

	if (catalog_load_builtin(&cat, &err) < 0 || shape_load_builtin(&rs, &err) < 0)
		ck_abort_msg("cannot load the built-in rules: %s", err);
	lint_config_init(&cfg, &rs, &cat);
}

void teardown(void)
{
	catalog_free(&cat);
	shape_free(&rs);
	yamltype_cleanup();
}

struct lint_result lint_with(const struct lint_config *c, const char *text,
			     enum source_format format)
{
	struct lint_result res;

	lint_bytes(c, format == SOURCE_JSON ? "test.json" : "test.yaml", xstrdup(text),
		   strlen(text), format, &res);
	return res;
}

char *repeated(const char *head, const char *unit, size_t n, const char *tail)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	sb_adds(&sb, head);
	for (i = 0; i < n; i++)
		sb_adds(&sb, unit);
	sb_adds(&sb, tail);
	return sb_detach(&sb);
}

struct lint_result lint_text(const char *text, enum source_format format)
{
	return lint_with(&cfg, text, format);
}
