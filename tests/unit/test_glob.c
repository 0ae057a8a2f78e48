/* Path globs as configuration files use them: a star stays within one path segment,
 * a class range holds both its ends, two stars and a slash match at the top level
 * too, and '?' never matches a slash. */
#include <stdbool.h>

#include "glob.h"
#include "suites.h"

struct glob_case {
	const char *pattern, *path;
	bool match;
};

static const struct glob_case glob_cases[] = {
	/* A star stays within its segment. */
	{ "*.json", "job.json", true },
	{ "*.json", "jobs/job.json", false },
	{ "jobs/*.json", "jobs/a/job.json", false },
	{ "jobs/*", "jobs/job.json", true },
	{ "jobs/*/x.json", "jobs/a/b/x.json", false },
	/* A range holds both ends, and nothing past them. */
	{ "job-[a-z].json", "job-a.json", true },
	{ "job-[a-z].json", "job-z.json", true },
	{ "job-[a-z].json", "job-m.json", true },
	{ "job-[0-9].json", "job-9.json", true },
	{ "job-[0-9].json", "job-0.json", true },
	{ "job-[b-y].json", "job-z.json", false },
	{ "job-[b-y].json", "job-a.json", false },
	{ "job-[!a-c].json", "job-c.json", false },
	{ "job-[!a-c].json", "job-d.json", true },
	/* Two stars and a slash: any folders, none included. */
	{ "**/job.json", "job.json", true },
	{ "**/job.json", "a/job.json", true },
	{ "**/job.json", "a/b/c/job.json", true },
	{ "legacy/**", "legacy/old/x.json", true },
	{ "legacy/**", "legacyx/x.json", false },
	{ "**/drafts/*.json", "drafts/x.json", true },
	{ "**/drafts/*.json", "jobs/drafts/x.json", true },
	{ "**/drafts/*.json", "jobs/drafts/old/x.json", false },
	/* ... and never part of a segment. */
	{ "**/job.json", "a/xjob.json", false },
	{ "jobs/**/x.json", "jobs/ax.json", false },
	/* '?' is one character of a segment. */
	{ "job?.json", "job1.json", true },
	{ "jobs?x.json", "jobs/x.json", false },
	{ "a?b", "a/b", false },
	/* A leading ./ on the path is not part of it. */
	{ "*.json", "./job.json", true },
};

START_TEST(glob_cases_match)
{
	const struct glob_case *c = &glob_cases[_i];

	ck_assert_msg(glob_match(c->pattern, c->path) == c->match, "glob %s on %s: want %s",
		      c->pattern, c->path, c->match ? "a match" : "no match");
}
END_TEST

Suite *glob_suite(void)
{
	Suite *s = suite_create("glob");
	TCase *tc = tcase_create("match");

	tcase_add_loop_test(tc, glob_cases_match, 0, (int)(sizeof glob_cases / sizeof *glob_cases));
	suite_add_tcase(s, tc);
	return s;
}
