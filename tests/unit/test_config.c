/* Configuration files applied to paths: a file belongs to a config's folder only at a
 * path-segment boundary, and of overlapping overrides the later one wins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "configfile.h"
#include "fixture.h"
#include "suites.h"
#include "util.h"

/* A scratch folder with a config file at `name` inside it; *dir owns the folder. */
static struct config *config_in(char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name), *slash = strrchr(path, '/'), *err = NULL;
	struct config *c;
	FILE *f;

	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	c = config_load(path, &cat, &err);
	ck_assert_msg(c != NULL, "config_load: %s", err ? err : "?");
	unlink(path);
	free(path);
	return c;
}

static void remove_scratch(const char *dir, const char *sub)
{
	char *path = xasprintf("%s/%s", dir, sub);

	rmdir(path);
	free(path);
	rmdir(dir);
}

START_TEST(relative_stops_at_a_segment_boundary)
{
	char dir[] = "/tmp/cjl-unit-XXXXXX";
	struct config *c;
	char *base, *rel, *sibling;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	c = config_in(dir, "repo/" CONFIG_FILE_NAME, "rules: {CJ205: warning}\n");
	base = xstrdup(c->base);
	/* Under the folder: the path below it. */
	sibling = xasprintf("%s/jobs/a.json", base);
	rel = config_relative(c, sibling);
	ck_assert_str_eq(rel, "jobs/a.json");
	free(rel);
	free(sibling);
	/* A folder whose name only starts with the config's folder name is not below it:
	 * the path stays absolute, so that no relative glob matches it. */
	sibling = xasprintf("%s2/a.json", base);
	rel = config_relative(c, sibling);
	ck_assert_str_eq(rel, sibling);
	free(rel);
	free(sibling);
	free(base);
	config_free(c);
	remove_scratch(dir, "repo");
}
END_TEST

/* The level of `rule` for `path` after the config's rules and overrides. */
static enum severity level_for(const struct config *c, const char *path, const char *rule)
{
	enum severity *sev = xcalloc(cat.n, sizeof *sev);
	enum severity out;
	size_t i;

	for (i = 0; i < cat.n; i++)
		sev[i] = cat.rules[i].severity;
	config_apply(c, path, sev);
	out = sev[catalog_find(&cat, rule)->index];
	free(sev);
	return out;
}

START_TEST(later_override_wins)
{
	char dir[] = "/tmp/cjl-unit-XXXXXX";
	struct config *c;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	c = config_in(dir, "repo/" CONFIG_FILE_NAME,
		      "rules: {CJ205: info}\n"
		      "overrides:\n"
		      "  - files: [\"**\"]\n"
		      "    rules: {CJ205: off, CJ206: error}\n"
		      "  - files: [\"jobs/*.json\"]\n"
		      "    rules: {CJ205: warning}\n");
	/* Both overrides match: the later one's level; the earlier one's other rule stays. */
	ck_assert_int_eq(level_for(c, "jobs/a.json", "CJ205"), SEV_WARNING);
	ck_assert_int_eq(level_for(c, "jobs/a.json", "CJ206"), SEV_ERROR);
	/* Only the first matches. */
	ck_assert_int_eq(level_for(c, "legacy/a.json", "CJ205"), SEV_OFF);
	config_free(c);
	c = config_in(dir, "repo/" CONFIG_FILE_NAME,
		      "overrides:\n"
		      "  - files: [\"jobs/*.json\"]\n"
		      "    rules: {CJ205: warning}\n"
		      "  - files: [\"**\"]\n"
		      "    rules: {CJ205: off}\n");
	ck_assert_int_eq(level_for(c, "jobs/a.json", "CJ205"), SEV_OFF);
	config_free(c);
	remove_scratch(dir, "repo");
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("apply");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, relative_stops_at_a_segment_boundary);
	tcase_add_test(tc, later_override_wins);
	suite_add_tcase(s, tc);
	return s;
}
