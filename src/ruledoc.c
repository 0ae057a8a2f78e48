/* The catalog rendered for people: --list-rules, --explain and the man page. */
#include "ruledoc.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void ruledoc_list(FILE *out, const struct catalog *cat)
{
	size_t i;

	fprintf(out, "%-6s %-8s %-24s %s\n", "ID", "SEVERITY", "NAME", "SUMMARY");
	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];

		fprintf(out, "%-6s %-8s %-24s %s\n", r->id, severity_name(r->severity), r->name,
			r->summary);
	}
}

static void add_indented(struct strbuf *sb, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		sb_adds(sb, "    ");
		sb_addn(sb, p, n);
		sb_addc(sb, '\n');
		p += n + (nl ? 1 : 0);
	}
}

char *ruledoc_explain_text(const struct rule *r)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "%s %s (%s)\n\n%s\n\n%s\n", r->id, r->name, severity_name(r->severity),
		r->summary, r->description);
	if (r->example_bad) {
		sb_addf(&sb, "\nExample (%s) with the problem:\n", r->example_format);
		add_indented(&sb, r->example_bad);
		sb_adds(&sb, "\nFixed:\n");
		add_indented(&sb, r->example_good);
	}
	return sb_detach(&sb);
}

char *ruledoc_explain_markdown(const struct rule *r)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "**%s** (%s, %s): %s\n\n%s\n", r->id, r->name, severity_name(r->severity),
		r->summary, r->description);
	if (r->example_bad)
		sb_addf(&sb, "\nWith the problem:\n\n```%s\n%s```\n\nFixed:\n\n```%s\n%s```\n",
			r->example_format, r->example_bad, r->example_format, r->example_good);
	return sb_detach(&sb);
}

void ruledoc_explain(FILE *out, const struct rule *r)
{
	char *text = ruledoc_explain_text(r);

	fputs(text, out);
	free(text);
}

/* Writes text for man(7): backslashes doubled, leading dots and quotes guarded. */
static void man_text(FILE *out, const char *text, int in_example)
{
	int bol = 1;
	const char *p;

	for (p = text; *p; p++) {
		if (bol && (*p == '.' || *p == '\''))
			fputs("\\&", out);
		if (*p == '\\')
			fputs("\\e", out);
		else if (*p == '-' && !in_example)
			fputs("\\-", out);
		else
			fputc(*p, out);
		bol = *p == '\n';
	}
	if (!bol)
		fputc('\n', out);
}

void ruledoc_man(FILE *out, const struct catalog *cat)
{
	size_t i;

	fputs(".SH RULES\n"
	      "Each finding names its rule. Rules CJ0xx concern the document (syntax,\n"
	      "encoding, top level, YAML typing), CJ1xx the request shape, CJ2xx the\n"
	      "meaning of a job, CJ3xx security and hygiene.\n",
	      out);
	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];

		fprintf(out, ".SS %s %s (%s)\n", r->id, r->name, severity_name(r->severity));
		man_text(out, r->summary, 0);
		fputs(".PP\n", out);
		man_text(out, r->description, 0);
		if (!r->example_bad)
			continue;
		fputs(".PP\nExample with the problem:\n.PP\n.RS 4\n.nf\n", out);
		man_text(out, r->example_bad, 1);
		fputs(".fi\n.RE\n.PP\nFixed:\n.PP\n.RS 4\n.nf\n", out);
		man_text(out, r->example_good, 1);
		fputs(".fi\n.RE\n", out);
	}
}
