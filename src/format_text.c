/* The text format: one finding per line in the form compilers use
 * (path:line:column: severity: message [rule]), the source line and a caret
 * under the range, then a summary. */
#include <stdlib.h>
#include <string.h>

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

/* A source line as written, except that secret values show as one '*' per
 * character, so columns stay where they were. */
/* Long lines (minified JSON) are shown as a window around the finding. */
#define EXCERPT_WIDTH 160
#define EXCERPT_LEAD 40

/* Byte length of the code point at line[i] (1 for a malformed byte). */
static size_t cp_width(const char *line, size_t len, size_t i)
{
	uint32_t cp;
	size_t w = utf8_decode((const unsigned char *)line + i, len - i, &cp);

	return w ? w : 1;
}

/* Byte offset of 1-based code point column `col` (or len past the end). */
/* Code points [from, to) of a source line, secret values shown as one '*' per
 * character so that columns stay where they were. */
static void print_span(FILE *out, struct source *src, unsigned lineno, const char *line,
		       size_t len, unsigned from, unsigned to)
{
	size_t i = source_column_offset(src, lineno, from), base = (size_t)(line - src->bytes);
	unsigned col;

	for (col = from; col < to && i < len; col++) {
		size_t w = cp_width(line, len, i);
		uint32_t cp = 0;

		utf8_decode((const unsigned char *)line + i, len - i, &cp);
		if (source_is_masked(src, base + i))
			putc_unlocked('*', out);
		else if (cp != '\t' && escape_unsafe_code_point(cp))
			putc_unlocked('?', out); /* never send a control character to the terminal */
		else
			fwrite(line + i, 1, w, out);
		i += w;
	}
}

/* The source line (or a window of it), then spaces (tabs where the line has tabs,
 * so the caret lines up) and ^~~~ under the finding's range; a range running past
 * the line or the window stops at its end. */
static void print_excerpt(FILE *out, const struct report_meta *r, struct source *src,
			  const struct diag *d)
{
	size_t len, i;
	const char *line = source_line(src, d->from.line, &len);
	unsigned ncp = source_line_columns(src, d->from.line);
	unsigned first = d->from.column, col;
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
	fprintf(out, " %s | %s", gutter, wstart > 1 ? "..." : "");
	print_span(out, src, d->from.line, line, len, wstart, wend);
	fprintf(out, "%s\n %*s | %s", wend <= ncp ? "..." : "", width, "", wstart > 1 ? "   " : "");
	i = source_column_offset(src, d->from.line, wstart);
	for (col = wstart; i < len && col < first; col++) {
		putc_unlocked(line[i] == '\t' ? '\t' : ' ', out);
		i += cp_width(line, len, i);
	}
	if (r->color)
		fputs("\033[1;32m", out);
	putc_unlocked('^', out);
	for (col = first + 1; col < last; col++)
		putc_unlocked('~', out);
	if (r->color)
		fputs(RESET, out);
	putc_unlocked('\n', out);
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
	fprintf(out, " [%s]\n", diag_rule_id(d));
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
}

const struct format_ops format_text_ops = {
	.name = "text", .begin = text_begin, .file = text_file, .end = text_end,
	.skipped = text_skipped,
};
