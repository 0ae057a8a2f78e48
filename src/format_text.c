/* The text format: one finding per line in the form compilers use
 * (path:line:column: severity: message [rule]), the source line and a caret
 * under the range, then a summary. */
#include <stdlib.h>
#include <string.h>

#include "dwidth.h"
#include "escape.h"
#include "format_impl.h"
#include "util.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *severity_color(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR:
		return "\033[1;31m";
	case SEV_WARNING:
		return "\033[1;33m";
	default:
		return "\033[1;36m";
	}
}

/* Long lines (minified JSON) are shown as a window around the finding. */
#define EXCERPT_WIDTH 160
#define EXCERPT_LEAD 40

enum cell_kind { CELL_TEXT, CELL_MASKED, CELL_UNSAFE, CELL_TAB };

/* One code point of a source line as the excerpt shows it: its bytes, what is
 * printed for it, and how many terminal columns that takes. */
struct cell {
	size_t bytes;
	unsigned width;
	enum cell_kind kind;
};

/* The cell at line[i], starting at display column `at` of the excerpt: a tab runs
 * to the next tab stop, a secret shows as one '*' and a control character as '?',
 * so that the source line and the caret line agree on every column. */
static struct cell cell_at(struct source *src, const char *line, size_t len, size_t i,
			   unsigned at)
{
	struct cell c = { 1, 1, CELL_TEXT };
	uint32_t cp = 0;
	size_t w = utf8_decode((const unsigned char *)line + i, len - i, &cp);

	c.bytes = w ? w : 1;
	if (source_is_masked(src, (size_t)(line - src->bytes) + i))
		c.kind = CELL_MASKED;
	else if (cp == '\t')
		c = (struct cell){ 1, DWIDTH_TAB_STOP - at % DWIDTH_TAB_STOP, CELL_TAB };
	else if (!w || escape_unsafe_code_point(cp))
		c.kind = CELL_UNSAFE; /* never send a control character to the terminal */
	else
		c.width = dwidth_of(cp);
	return c;
}

static void print_cell(FILE *out, const char *text, const struct cell *c)
{
	unsigned k;

	switch (c->kind) {
	case CELL_MASKED:
		putc_unlocked('*', out);
		break;
	case CELL_UNSAFE:
		putc_unlocked('?', out);
		break;
	case CELL_TAB:
		for (k = 0; k < c->width; k++)
			putc_unlocked(' ', out);
		break;
	default:
		fwrite(text, 1, c->bytes, out);
	}
}

/* Code points [from, to) of a source line, each as its cell. */
static void print_span(FILE *out, struct source *src, unsigned lineno, const char *line,
		       size_t len, unsigned from, unsigned to)
{
	size_t i = source_column_offset(src, lineno, from);
	unsigned col, at = 0;

	for (col = from; col < to && i < len; col++) {
		struct cell c = cell_at(src, line, len, i, at);

		print_cell(out, line + i, &c);
		at += c.width;
		i += c.bytes;
	}
}

static void put_repeated(FILE *out, char ch, unsigned n)
{
	while (n--)
		putc_unlocked(ch, out);
}

/* The caret line: spaces as wide as the cells before the finding, then ^~~~ as
 * wide as the cells of its range (at least the caret; one column for each column
 * past the end of the line). */
static void print_caret(FILE *out, const struct report_meta *r, struct source *src,
			unsigned lineno, unsigned wstart, unsigned first, unsigned last)
{
	size_t len, i = source_column_offset(src, lineno, wstart);
	const char *line = source_line(src, lineno, &len);
	unsigned col, at = 0, lead = 0, span = 0;

	for (col = wstart; col < last; col++) {
		struct cell c = { 1, 1, CELL_TEXT };

		if (i < len)
			c = cell_at(src, line, len, i, at);
		if (col < first)
			lead += c.width;
		else
			span += c.width;
		at += c.width;
		i += c.bytes;
	}
	put_repeated(out, ' ', lead);
	if (r->color)
		fputs("\033[1;32m", out);
	putc_unlocked('^', out);
	put_repeated(out, '~', span > 1 ? span - 1 : 0);
	if (r->color)
		fputs(RESET, out);
	putc_unlocked('\n', out);
}

/* The source line (or a window of it), then the caret line under the finding's
 * range; a range running past the line or the window stops at its end. Both
 * lines count display columns (wide characters, tabs to the next stop), which the
 * JSON and SARIF reports do not: their columns stay code points. */
static void print_excerpt(FILE *out, const struct report_meta *r, struct source *src,
			  const struct diag *d)
{
	size_t len;
	const char *line = source_line(src, d->from.line, &len);
	unsigned ncp = source_line_columns(src, d->from.line);
	unsigned first = d->from.column;
	unsigned last = d->to.line == d->from.line ? d->to.column : ncp + 1;
	unsigned wstart = 1, wend = ncp + 1;
	char gutter[16];
	int width = snprintf(gutter, sizeof gutter, "%u", d->from.line);

	if (ncp > EXCERPT_WIDTH) {
		wstart = first > EXCERPT_LEAD ? first - EXCERPT_LEAD : 1;
		wend = wstart + EXCERPT_WIDTH < ncp + 1 ? wstart + EXCERPT_WIDTH : ncp + 1;
	}
	if (last > wend)
		last = wend;
	if (last <= first)
		last = first + 1;
	fprintf(out, " %s | %s", gutter, wstart > 1 ? "..." : "");
	print_span(out, src, d->from.line, line, len, wstart, wend);
	fprintf(out, "%s\n %*s | %s", wend <= ncp ? "..." : "", width, "", wstart > 1 ? "   " : "");
	print_caret(out, r, src, d->from.line, wstart, first, last);
}

static void print_diag(FILE *out, const struct report_meta *r, const struct lint_result *res,
		       const struct diag *d)
{
	if (r->color)
		fputs(BOLD, out);
	escape_put_line_path(out, res->path);
	fprintf(out, ":%u:%u:", d->from.line, d->from.column);
	if (r->color)
		fprintf(out, RESET " %s%s:" RESET " ", severity_color(d->severity),
			severity_name(d->severity));
	else
		fprintf(out, " %s: ", severity_name(d->severity));
	escape_put(out, d->message);
	/* [*] as ruff marks what --fix repairs. */
	fprintf(out, " %s[%s]\n", d->fix && d->fix->safe && d->fix->nedits ? "[*] " : "",
		diag_rule_id(d));
	print_excerpt(out, r, res->src, d);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void text_begin(struct formatter *f)
{
	(void)f;
}

static void text_file(struct formatter *f, const struct lint_result *res)
{
	size_t j;

	for (j = 0; j < res->diags.n; j++)
		print_diag(f->out, f->meta, res, &res->diags.items[j]);
}

/* With --show-skipped: "path: skipped: reason", in input order with the findings. */
static void text_skipped(struct formatter *f, const struct lint_result *res)
{
	char *reason;

	if (!f->meta->show_skipped)
		return;
	reason = lint_skip_text(res);
	escape_put_line_path(f->out, res->path);
	fputs(": skipped: ", f->out);
	escape_put(f->out, reason);
	putc_unlocked('\n', f->out);
	free(reason);
}

/* "; 2 skipped (not job requests); 3 excluded by jobs/.createjob-lint.yaml" */
static void print_skip_counts(FILE *out, const struct report_counts *c)
{
	size_t i;

	/* Excluded files are counted by the configuration that excluded them, below. */
	for (i = SKIP_NONE + 1; i < SKIP_REASONS; i++)
		if (i != SKIP_EXCLUDED && c->skipped_by[i])
			fprintf(out, "; %zu skipped (%s)", c->skipped_by[i],
				lint_skip_reason((enum skip_reason)i, true));
	for (i = 0; i < c->nexcluded; i++) {
		fprintf(out, "; %zu excluded by ", c->excluded[i].files);
		escape_put(out, c->excluded[i].config);
	}
	if (c->excluded_elsewhere)
		fprintf(out, "; %zu excluded by other configs", c->excluded_elsewhere);
}

/* A line of its own, as ruff prints it, and only when there is something to say:
 * "2 fixed; 1 fixable with --fix (3 more with --unsafe-fixes)". */
static void print_fix_counts(FILE *out, const struct report_counts *c)
{
	if (!c->fixed && !c->fixable_safe && !c->fixable_unsafe)
		return;
	if (c->fixed)
		fprintf(out, "%zu fixed%s", c->fixed,
			c->fixable_safe || c->fixable_unsafe ? "; " : "\n");
	if (c->fixable_safe || c->fixable_unsafe)
		fprintf(out, "%zu fixable with --fix (%zu more with --unsafe-fixes)\n",
			c->fixable_safe, c->fixable_unsafe);
}

static void text_end(struct formatter *f, const struct report_counts *c)
{
	if (f->meta->quiet)
		return;
	fprintf(f->out, "%zu %s checked: %zu %s, %zu %s, %zu %s", c->files,
		plural(c->files, "file", "files"), c->errors, plural(c->errors, "error", "errors"),
		c->warnings, plural(c->warnings, "warning", "warnings"), c->infos,
		plural(c->infos, "info", "infos"));
	if (c->unreadable)
		fprintf(f->out, "; %zu could not be read", c->unreadable);
	print_skip_counts(f->out, c);
	putc_unlocked('\n', f->out);
	print_fix_counts(f->out, c);
}

const struct format_ops format_text_ops = {
	.name = "text", .begin = text_begin, .file = text_file, .end = text_end,
	.skipped = text_skipped,
};
