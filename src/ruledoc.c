/* The catalog rendered for people: --list-rules, --explain and the man page. */
#include "ruledoc.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

#define LIST_WIDTH 80
#define LIST_INDENT 7

/* Writes text as lines of at most LIST_WIDTH columns, each indented, broken at
 * spaces (a word longer than a line stands alone). */
static void put_wrapped(FILE *out, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t room = LIST_WIDTH - LIST_INDENT, n = strlen(p), cut = n;

		if (n > room) {
			for (cut = room; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = strcspn(p, " ");
		}
		char *line = xstrndup(p, cut);

		/* A catalog from --rules DIR is outside text too. */
		fprintf(out, "%*s", LIST_INDENT, "");
		escape_put(out, line);
		fputc('\n', out);
		free(line);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

void ruledoc_list(FILE *out, const struct catalog *cat)
{
	size_t i;

	fprintf(out, "%-6s %-8s %s\n%*sSUMMARY\n", "ID", "SEVERITY", "NAME", LIST_INDENT, "");
	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];

		fprintf(out, "%-6s %-8s ", r->id, severity_name(r->severity));
		escape_put(out, r->name);
		fputc('\n', out);
		put_wrapped(out, r->summary);
	}
}

void ruledoc_list_json(FILE *out, const struct catalog *cat)
{
	json_object *list = json_object_new_array();
	size_t i;

	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];
		json_object *o = json_object_new_object();

		json_object_object_add(o, "id", json_object_new_string(r->id));
		json_object_object_add(o, "name", json_object_new_string(r->name));
		json_object_object_add(o, "severity",
				       json_object_new_string(severity_name(r->severity)));
		json_object_object_add(o, "summary", json_object_new_string(r->summary));
		json_object_object_add(o, "description", json_object_new_string(r->description));
		json_object_array_add(list, o);
	}
	escape_put_json(out, json_object_to_json_string_ext(list, JSON_C_TO_STRING_PRETTY |
								  JSON_C_TO_STRING_NOSLASHESCAPE));
	fputc('\n', out);
	json_object_put(list);
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

static void text_head(struct strbuf *sb, const struct rule *r)
{
	sb_addf(sb, "%s %s (%s)\n\n%s\n\n%s\n", r->id, r->name, severity_name(r->severity),
		r->summary, r->description);
}

static void text_example(struct strbuf *sb, const struct rule *r)
{
	sb_addf(sb, "\nExample (%s) with the problem:\n", r->example_format);
	add_indented(sb, r->example_bad);
	sb_adds(sb, "\nFixed:\n");
	add_indented(sb, r->example_good);
}

static void text_source(struct strbuf *sb, const char *source)
{
	sb_addf(sb, "    %s\n", source);
}

static void markdown_head(struct strbuf *sb, const struct rule *r)
{
	sb_addf(sb, "**%s** (%s, %s): %s\n\n%s\n", r->id, r->name, severity_name(r->severity),
		r->summary, r->description);
}

static void markdown_example(struct strbuf *sb, const struct rule *r)
{
	sb_addf(sb, "\nWith the problem:\n\n```%s\n%s```\n\nFixed:\n\n```%s\n%s```\n",
		r->example_format, r->example_bad, r->example_format, r->example_good);
}

/* "Title <https://...>" (the catalog loader checks the form) -> "- [Title](https://...)" */
static void markdown_source(struct strbuf *sb, const char *source)
{
	const char *open = strrchr(source, '<');

	sb_addf(sb, "- [%.*s](%.*s)\n", (int)(open - 1 - source), source,
		(int)(strlen(open) - 2), open + 1);
}

/* One explanation, two renderings: plain text for --explain, markdown for SARIF. */
struct explain_style {
	void (*head)(struct strbuf *sb, const struct rule *r);
	void (*example)(struct strbuf *sb, const struct rule *r);
	const char *sources_title;
	void (*source)(struct strbuf *sb, const char *source);
};

static const struct explain_style plain_style = {
	text_head, text_example, "\nSources:\n", text_source
};
static const struct explain_style markdown_style = {
	markdown_head, markdown_example, "\nSources:\n\n", markdown_source
};

static char *explain(const struct rule *r, const struct explain_style *style)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	style->head(&sb, r);
	if (r->example_bad)
		style->example(&sb, r);
	if (r->nsources)
		sb_adds(&sb, style->sources_title);
	for (i = 0; i < r->nsources; i++)
		style->source(&sb, r->sources[i]);
	return sb_detach(&sb);
}

char *ruledoc_explain_text(const struct rule *r)
{
	return explain(r, &plain_style);
}

char *ruledoc_explain_markdown(const struct rule *r)
{
	return explain(r, &markdown_style);
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
	size_t i, j;

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
		if (r->example_bad) {
			fputs(".PP\nExample with the problem:\n.PP\n.RS 4\n.nf\n", out);
			man_text(out, r->example_bad, 1);
			fputs(".fi\n.RE\n.PP\nFixed:\n.PP\n.RS 4\n.nf\n", out);
			man_text(out, r->example_good, 1);
			fputs(".fi\n.RE\n", out);
		}
		if (r->nsources)
			fputs(".PP\nSources:\n", out);
		for (j = 0; j < r->nsources; j++) {
			fputs(".br\n", out);
			man_text(out, r->sources[j], 0);
		}
	}
}
