/* The junit format: JUnit XML for CI systems that show test reports. Each file is a
 * testsuite and each rule of the catalog a testcase in it; a rule that fired in the
 * file is a failure listing its findings, a file that could not be read is a
 * testsuite with one testcase in error.
 *
 * The root element carries the totals, which are known only at the end: the
 * testsuites are spooled to a temporary file (in memory when no temporary file can
 * be made) as files arrive and copied out after the root's start tag, so a run over
 * many files does not hold its report in memory.
 *
 * Everything from the input is escaped for XML 1.0, which cannot hold most control
 * characters even as references: those, and bytes that are not UTF-8, become
 * U+FFFD. */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format_impl.h"
#include "util.h"

struct junit_state {
	FILE *spool;
	char *mem;          /* open_memstream buffer when there is no temporary file */
	size_t mem_len;
	size_t tests, failures, errors;
};

static void state_free(json_object *jso, void *userdata)
{
	struct junit_state *st = userdata;

	(void)jso;
	if (st->spool)
		fclose(st->spool);
	free(st->mem);
	free(st);
}

static struct junit_state *state_of(struct formatter *f)
{
	return json_object_get_userdata(f->pending);
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
		fputc('\n', out);
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
	struct junit_state *st = xcalloc(1, sizeof *st);

	st->spool = tmpfile();
	if (!st->spool)
		st->spool = open_memstream(&st->mem, &st->mem_len);
	f->pending = json_object_new_object();
	json_object_set_userdata(f->pending, st, state_free);
}

static void put_read_error(FILE *out, struct junit_state *st, const struct lint_result *res)
{
	fputs("  <testsuite name=\"", out);
	put_xml(out, res->path);
	fputs("\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"", out);
	put_xml(out, res->path);
	fputs("\" name=\"read\">\n      <error type=\"read-error\" message=\"cannot read: ", out);
	put_xml(out, res->read_error);
	fputs("\"/>\n    </testcase>\n  </testsuite>\n", out);
	st->tests++;
	st->errors++;
}

/* One testcase: the rule, and a failure listing its findings when it fired. */
static void put_testcase(FILE *out, const struct lint_result *res, const struct rule *rule,
			 const size_t *rule_of, size_t first)
{
	const struct diag *d;
	size_t j, more = 0;

	fputs("    <testcase classname=\"", out);
	put_xml(out, res->path);
	fprintf(out, "\" name=\"%s ", rule->id);
	put_xml(out, rule->name);
	if (first == res->diags.n) {
		fputs("\"/>\n", out);
		return;
	}
	d = &res->diags.items[first];
	for (j = first + 1; j < res->diags.n; j++)
		more += rule_of[j] == rule->index;
	fprintf(out, "\">\n      <failure type=\"%s\" message=\"%u:%u: ", severity_type(d->severity),
		d->from.line, d->from.column);
	put_xml(out, d->message);
	if (more)
		fprintf(out, " (and %zu more)", more);
	fputs("\">", out);
	for (j = first; j < res->diags.n; j++) {
		d = &res->diags.items[j];
		if (rule_of[j] != rule->index)
			continue;
		fprintf(out, "%u:%u: ", d->from.line, d->from.column);
		put_xml_text(out, d->message);
		fputc('\n', out);
	}
	fputs("</failure>\n    </testcase>\n", out);
}

static void junit_file(struct formatter *f, const struct lint_result *res)
{
	struct junit_state *st = state_of(f);
	const struct catalog *cat = f->meta->catalog;
	size_t *rule_of, *first, j, i, failures = 0;
	FILE *out = st->spool;

	if (!out)
		return;
	if (res->read_error) {
		put_read_error(out, st, res);
		return;
	}
	/* Each finding's rule (catalog index; n for one the catalog lacks, which cannot
	 * happen since messages come from the catalog) and each rule's first finding. */
	rule_of = xcalloc(res->diags.n, sizeof *rule_of);
	first = xcalloc(cat->n, sizeof *first);
	for (i = 0; i < cat->n; i++)
		first[i] = res->diags.n;
	for (j = 0; j < res->diags.n; j++) {
		const struct rule *r = catalog_rule(cat, res->diags.items[j].rule);

		rule_of[j] = r ? r->index : cat->n;
		if (r && first[r->index] == res->diags.n) {
			first[r->index] = j;
			failures++;
		}
	}
	fputs("  <testsuite name=\"", out);
	put_xml(out, res->path);
	fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", cat->n, failures);
	for (i = 0; i < cat->n; i++)
		put_testcase(out, res, &cat->rules[i], rule_of, first[i]);
	fputs("  </testsuite>\n", out);
	st->tests += cat->n;
	st->failures += failures;
	free(rule_of);
	free(first);
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
	struct junit_state *st = state_of(f);
	int spooled = st->spool && fflush(st->spool) == 0 && !ferror(st->spool);

	(void)c;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f->out);
	if (spooled) {
		fprintf(f->out, "<testsuites name=\"createjob-lint\" tests=\"%zu\" failures=\"%zu\""
				" errors=\"%zu\">\n", st->tests, st->failures, st->errors);
		copy_spool(f->out, st->spool);
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
	json_object_put(f->pending);
	f->pending = NULL;
}

const struct format_ops format_junit_ops = { "junit", junit_begin, junit_file, junit_end, NULL };
