/* The github format: one GitHub Actions workflow command per finding
 * (::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message),
 * which the runner turns into an annotation on the file and line. Nothing else is
 * written: every line on standard output is a command.
 *
 * Escaping follows the runner: in property values %, CR, LF, ':' and ',' are
 * percent-encoded, in the message %, CR and LF. GitHub's columns are 1-based and
 * inclusive, and are only kept for a range on one line, so a range that ends at the
 * start of a later line ends at the end of the line before it, and a range over
 * several lines is given by its lines alone. */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format_impl.h"
#include "util.h"

/* Text from outside is first made safe for a log line (escape.h), then encoded as
 * the runner decodes it. */
static void put_escaped(FILE *out, const char *text, int property)
{
	struct strbuf safe;
	const char *s;

	sb_init(&safe);
	escape_append(&safe, text);
	for (s = safe.buf; *s; s++) {
		switch (*s) {
		case '%':
			fputs("%25", out);
			break;
		case '\r':
			fputs("%0D", out);
			break;
		case '\n':
			fputs("%0A", out);
			break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default:
			putc_unlocked(*s, out);
		}
	}
	sb_free(&safe);
}

static const char *command_name(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "notice";
}

/* The path as the runner wants it: relative to the workspace, so without "./". */
static const char *shown_path(const char *path)
{
	while (strncmp(path, "./", 2) == 0)
		path += 2;
	return path;
}

/* Writes "::NAME file=PATH" (no file for standard input without a name). */
static void put_start(FILE *out, const char *name, const char *path)
{
	fprintf(out, "::%s", name);
	if (strcmp(path, "-") != 0) {
		fputs(" file=", out);
		put_escaped(out, shown_path(path), 1);
	}
}

static void put_diag(FILE *out, const struct report_meta *meta, const struct lint_result *res,
		     const struct diag *d)
{
	const struct rule *rule = catalog_rule(meta->catalog, d->rule);
	unsigned end_line = d->to.line, end_col = d->to.column; /* exclusive */
	char *title;

	if (end_line > d->from.line && end_col <= 1) {
		end_line--;
		end_col = source_line_columns(res->src, end_line) + 1;
	}
	put_start(out, command_name(d->severity), res->path);
	fprintf(out, "%sline=%u", strcmp(res->path, "-") != 0 ? "," : " ", d->from.line);
	if (end_line <= d->from.line)
		fprintf(out, ",col=%u,endLine=%u,endColumn=%u", d->from.column, d->from.line,
			end_col > d->from.column + 1 ? end_col - 1 : d->from.column);
	else
		fprintf(out, ",endLine=%u", end_line);
	title = rule ? xasprintf("%s %s", diag_rule_id(d), rule->name) : xstrdup(diag_rule_id(d));
	fputs(",title=", out);
	put_escaped(out, title, 1);
	free(title);
	fputs("::", out);
	put_escaped(out, d->message, 0);
	putc_unlocked('\n', out);
}

static void github_begin(struct formatter *f)
{
	(void)f;
}

static void github_file(struct formatter *f, const struct lint_result *res)
{
	size_t j;

	if (res->read_error) {
		put_start(f->out, "error", res->path);
		fputs("::cannot read: ", f->out);
		put_escaped(f->out, res->read_error, 0);
		putc_unlocked('\n', f->out);
		return;
	}
	for (j = 0; j < res->diags.n; j++)
		put_diag(f->out, f->meta, res, &res->diags.items[j]);
}

static void github_end(struct formatter *f, const struct report_counts *c)
{
	(void)f;
	(void)c;
}

const struct format_ops format_github_ops = {
	.name = "github", .begin = github_begin, .file = github_file, .end = github_end,
};
