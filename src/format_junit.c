/* The junit format: JUnit XML for CI systems that show test reports. The run is
 * one testsuite and each linted file one testcase, so that the report agrees with
 * the exit status: a file fails when it has a finding at or above its --fail-on
 * level, and its failure lists those findings; the findings below that level are
 * kept in the testcase's system-out. A file that could not be read is a testcase
 * in error.
 *
 * The root element carries the totals, which are known only at the end: the
 * testcases are spooled to a temporary file (in memory when no temporary file can
 * be made) as files arrive and copied out after the start tags, so a run over
 * many files does not hold its report in memory.
 *
 * Everything from the input is escaped for XML 1.0, which cannot hold most control
 * characters even as references: those, and bytes that are not UTF-8, become
 * U+FFFD. */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format_impl.h"
#include "util.h"

/* Test cases are written to a spool first: the suite element before them carries
 * the counts, known only at the end. */
struct junit_report {
	FILE *spool;
	char *mem;          /* open_memstream buffer when there is no temporary file */
	size_t mem_len;
	size_t tests, failures, errors;
};

static void junit_release(struct formatter *f)
{
	struct junit_report *st = f->own.junit;

	if (!st)
		return;
	if (st->spool)
		fclose(st->spool);
	free(st->mem);
	free(st);
	f->own.junit = NULL;
}

/* Escapes s for XML text or an attribute value (quote and line breaks too, so that
 * attribute value normalisation keeps them). */
static void put_xml(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	while (n > 0) {
		uint32_t cp = 0;
		size_t len = *p < 0x80 ? 1 : utf8_decode(p, n, &cp);

		if (*p < 0x80)
			cp = *p;
		if (len == 0) {
			fputs("\xEF\xBF\xBD", out);
			p++;
			n--;
			continue;
		}
		if (n >= 3 && memcmp(p, "##[", 3) == 0) {
			fputs("##&#91;", out); /* a CI workflow command of the older form */
			p += 3;
			n -= 3;
			continue;
		}
		switch (cp) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&apos;", out);
			break;
		case '\t':
			fputs("&#9;", out);
			break;
		case '\n':
			fputs("&#10;", out);
			break;
		case '\r':
			fputs("&#13;", out);
			break;
		default:
			if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
				fputs("\xEF\xBF\xBD", out);
			else if (escape_unsafe_code_point(cp))
				fprintf(out, "&#x%X;", (unsigned)cp);
			else
				fwrite(p, 1, len, out);
		}
		p += len;
		n -= len;
	}
}

/* Like put_xml, but keeps line breaks as they are: for element text. */
static void put_xml_text(FILE *out, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		char *part = xstrndup(s, (size_t)(nl - s));

		put_xml(out, part);
		putc_unlocked('\n', out);
		free(part);
		s = nl + 1;
	}
	put_xml(out, s);
}

static const char *severity_type(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "info";
}

static void junit_begin(struct formatter *f)
{
	struct junit_report *st = xcalloc(1, sizeof *st);

	st->spool = tmpfile();
	if (!st->spool)
		st->spool = open_memstream(&st->mem, &st->mem_len);
	f->own.junit = st;
}

static void put_testcase_start(FILE *out, const char *path)
{
	fputs("    <testcase classname=\"createjob-lint\" name=\"", out);
	put_xml(out, path);
	fputs("\" file=\"", out);
	put_xml(out, path);
	fputs("\"", out);
}

/* A file that was not linted for an error: a testcase in error, with the reason. */
static void put_error(FILE *out, struct junit_report *st, const struct lint_result *res,
		      const char *type, const char *prefix, const char *why)
{
	put_testcase_start(out, res->path);
	fprintf(out, ">\n      <error type=\"%s\" message=\"%s", type, prefix);
	put_xml(out, why);
	fputs("\"/>\n    </testcase>\n", out);
	st->tests++;
	st->errors++;
}

/* Of the files not linted, only those held back by a broken configuration count:
 * the run fails for them. */
static void junit_skipped(struct formatter *f, const struct lint_result *res)
{
	struct junit_report *st = f->own.junit;

	if (st->spool && res->skipped == SKIP_BROKEN_CONFIG && res->config_error)
		put_error(st->spool, st, res, "config-error", "configuration error: ",
			  res->config_error);
}

/* The findings at or above the file's failure level (failing) or below it, one a
 * line as the text format writes them: LINE:COLUMN: SEVERITY: MESSAGE [ID NAME]. */
static void put_findings(FILE *out, const struct lint_result *res, const struct catalog *cat,
			 bool failing)
{
	size_t j;

	for (j = 0; j < res->diags.n; j++) {
		const struct diag *d = &res->diags.items[j];
		const struct rule *r = catalog_rule(cat, d->rule);

		if ((d->severity >= res->fail_on) != failing)
			continue;
		fprintf(out, "%u:%u: %s: ", d->from.line, d->from.column, severity_type(d->severity));
		put_xml_text(out, d->message);
		fprintf(out, " [%s", diag_rule_id(d));
		if (r) {
			putc_unlocked(' ', out);
			put_xml(out, r->name);
		}
		fputs("]\n", out);
	}
}

static void junit_file(struct formatter *f, const struct lint_result *res)
{
	struct junit_report *st = f->own.junit;
	const struct catalog *cat = f->meta->catalog;
	size_t j, failing = 0, passing = 0;
	enum severity worst = SEV_INFO;
	FILE *out = st->spool;

	if (!out)
		return;
	if (res->read_error) {
		put_error(out, st, res, "read-error", "cannot read: ", res->read_error);
		return;
	}
	st->tests++;
	for (j = 0; j < res->diags.n; j++) {
		enum severity sev = res->diags.items[j].severity;

		if (sev < res->fail_on) {
			passing++;
			continue;
		}
		failing++;
		if (sev > worst)
			worst = sev;
	}
	put_testcase_start(out, res->path);
	if (!failing && !passing) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (failing) {
		fprintf(out, "      <failure type=\"%s\" message=\"%zu finding%s at or above %s\">",
			severity_type(worst), failing, failing == 1 ? "" : "s",
			severity_type(res->fail_on));
		put_findings(out, res, cat, true);
		fputs("</failure>\n", out);
		st->failures++;
	}
	if (passing) {
		fputs("      <system-out>", out);
		put_findings(out, res, cat, false);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static void copy_spool(FILE *out, FILE *spool)
{
	char buf[65536];
	size_t n;

	rewind(spool);
	while ((n = fread(buf, 1, sizeof buf, spool)) > 0)
		fwrite(buf, 1, n, out);
}

static void junit_end(struct formatter *f, const struct report_counts *c)
{
	struct junit_report *st = f->own.junit;
	int spooled = st->spool && fflush(st->spool) == 0 && !ferror(st->spool);

	(void)c;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f->out);
	if (spooled) {
		fprintf(f->out, "<testsuites name=\"createjob-lint\" tests=\"%zu\" failures=\"%zu\""
				" errors=\"%zu\">\n", st->tests, st->failures, st->errors);
		fprintf(f->out, "  <testsuite name=\"createjob-lint\" tests=\"%zu\" failures=\"%zu\""
				" errors=\"%zu\">\n", st->tests, st->failures, st->errors);
		copy_spool(f->out, st->spool);
		fputs("  </testsuite>\n", f->out);
	} else {
		/* The findings are lost: say so in the report rather than pass. */
		fputs("<testsuites name=\"createjob-lint\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
		      "  <testsuite name=\"createjob-lint\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
		      "    <testcase classname=\"createjob-lint\" name=\"report\">\n"
		      "      <error type=\"report-error\" message=\"the report could not be"
		      " buffered in a temporary file\"/>\n"
		      "    </testcase>\n  </testsuite>\n",
		      f->out);
	}
	fputs("</testsuites>\n", f->out);
	junit_release(f);
}

const struct format_ops format_junit_ops = {
	.name = "junit", .begin = junit_begin, .file = junit_file, .end = junit_end,
	.skipped = junit_skipped, .release = junit_release,
};
