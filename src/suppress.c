/* Suppressions in YAML comments and in the configuration file. */
#include "suppress.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "util.h"

#define MARKER "createjob-lint:"

struct suppression {
	size_t start, end;      /* the comment */
	unsigned line;          /* its line */
	bool whole_file;
	bool alone;             /* nothing but the comment on its line */
	char rules[8][8];       /* rule ids; a name in the comment is stored as its id */
	size_t nrules;
	char unknown[64];       /* the first word that names no rule, when one does not */
	bool used;
	bool has_reason;
};

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static bool rule_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

/* Reads "disable=ID,ID -- reason" after the marker (a rule's name may stand for its
 * id); false when malformed, with s->unknown set when a word names no rule. */
static bool parse_directive(const char *p, const char *end, const struct catalog *cat,
			    struct suppression *s)
{
	static const char file_kw[] = "disable-file=", line_kw[] = "disable=";

	p = skip_blanks(p, end);
	if ((size_t)(end - p) >= sizeof file_kw - 1 && !strncmp(p, file_kw, sizeof file_kw - 1)) {
		s->whole_file = true;
		p += sizeof file_kw - 1;
	} else if ((size_t)(end - p) >= sizeof line_kw - 1 && !strncmp(p, line_kw, sizeof line_kw - 1)) {
		p += sizeof line_kw - 1;
	} else {
		return false;
	}
	while (p < end && s->nrules < 8) {
		const struct rule *rule;
		size_t n = 0;

		/* "--" starts the reason, even right after a word. */
		while (p + n < end && rule_word_char(p[n]) &&
		       !(p[n] == '-' && p + n + 1 < end && p[n + 1] == '-'))
			n++;
		if (n == 0 || n >= sizeof s->unknown)
			return false;
		memcpy(s->unknown, p, n);
		s->unknown[n] = '\0';
		if (!(rule = catalog_find(cat, s->unknown)))
			return false;
		s->unknown[0] = '\0';
		snprintf(s->rules[s->nrules], sizeof s->rules[s->nrules], "%s", rule->id);
		s->nrules++;
		p = skip_blanks(p + n, end);
		if (p < end && *p == ',') {
			p = skip_blanks(p + 1, end);
			continue;
		}
		break;
	}
	if (p < end && !(end - p >= 2 && p[0] == '-' && p[1] == '-'))
		return false;
	if (p < end)
		s->has_reason = skip_blanks(p + 2, end) < end;
	return s->nrules > 0;
}

static void report_bad_directive(struct diag_list *diags, const struct catalog *cat,
				 const struct suppression *s)
{
	const char *near = s->unknown[0] ? catalog_suggest(cat, s->unknown) : NULL;

	if (!s->unknown[0])
		diag_add(diags, CJ304_SYNTAX, s->start, s->end, "", DIAG_NO_ARGS);
	else if (near)
		diag_add(diags, CJ304_UNKNOWN_RULE_NEAR, s->start, s->end, "",
			 DIAG_ARGS({ "rule", s->unknown }, { "near", near }));
	else
		diag_add(diags, CJ304_UNKNOWN_RULE, s->start, s->end, "",
			 DIAG_ARGS({ "rule", s->unknown }));
}

/* A '#' starts a YAML comment at the start of a line or after white space. */
static const char *find_comment(const char *line, const char *end)
{
	const char *p;

	for (p = line; p < end; p++)
		if (*p == '#' && (p == line || p[-1] == ' ' || p[-1] == '\t'))
			return p;
	return NULL;
}

static size_t read_comments(struct source *src, const struct catalog *cat,
			    struct suppression **out, struct diag_list *diags)
{
	size_t n = 0, cap = 0, offset = 0;
	unsigned line = 1;

	*out = NULL;
	while (offset < src->len) {
		const char *start = src->bytes + offset;
		const char *nl = memchr(start, '\n', src->len - offset);
		const char *end = nl ? nl : src->bytes + src->len;
		const char *hash = find_comment(start, end);
		const char *marker = NULL;

		if (hash) {
			marker = skip_blanks(hash + 1, end);
			if ((size_t)(end - marker) < sizeof MARKER - 1 ||
			    strncmp(marker, MARKER, sizeof MARKER - 1) != 0)
				marker = NULL;
		}
		if (marker) {
			struct suppression s = { 0 };
			const char *stop = end > start && end[-1] == '\r' ? end - 1 : end;

			s.start = (size_t)(hash - src->bytes);
			s.end = (size_t)(stop - src->bytes);
			s.line = line;
			s.alone = skip_blanks(start, end) == hash;
			if (parse_directive(marker + sizeof MARKER - 1, stop, cat, &s)) {
				*out = grow_array(*out, &cap, n + 1, sizeof **out);
				(*out)[n++] = s;
			} else {
				report_bad_directive(diags, cat, &s);
			}
		}
		offset = (size_t)(end - src->bytes) + 1;
		line++;
	}
	return n;
}

static bool names_rule(const struct suppression *s, const char *rule)
{
	size_t i;

	for (i = 0; i < s->nrules; i++)
		if (strcmp(s->rules[i], rule) == 0)
			return true;
	return false;
}

static bool by_comment(struct suppression *s, size_t n, const struct diag *d, unsigned line)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bool applies = s[i].whole_file || s[i].line == line ||
			       (s[i].alone && s[i].line + 1 == line);

		if (applies && names_rule(&s[i], diag_rule_id(d))) {
			s[i].used = true;
			return true;
		}
	}
	return false;
}

static bool by_config(const struct file_settings *fs, const struct diag *d)
{
	const struct config *c = fs ? fs->config : NULL;
	size_t i, j, k;

	for (i = 0; c && i < c->nsuppressions; i++) {
		const struct config_suppression *s = &c->suppressions[i];
		size_t plen = s->pointer ? strlen(s->pointer) : 0;

		for (j = 0; j < s->nfiles && !glob_match(s->files[j], fs->relative); j++)
			;
		if (j == s->nfiles)
			continue;
		if (s->pointer && !(strncmp(d->pointer, s->pointer, plen) == 0 &&
				    (d->pointer[plen] == '\0' || d->pointer[plen] == '/')))
			continue;
		for (k = 0; k < s->nrules; k++)
			if (strcmp(s->rules[k], diag_rule_id(d)) == 0)
				return true;
	}
	return false;
}

void suppress_apply(struct source *src, const struct catalog *cat, const struct file_settings *fs,
		    struct diag_list *diags)
{
	struct suppression *s = NULL;
	size_t n = 0, i, kept = 0;

	if (src->format == SOURCE_YAML)
		n = read_comments(src, cat, &s, diags);
	for (i = 0; i < diags->n; i++) {
		struct diag *d = &diags->items[i];
		unsigned line = source_position(src, d->start).line;

		if (d->rule != RULE_CJ304 && (by_comment(s, n, d, line) || by_config(fs, d))) {
			diag_release(d);
			continue;
		}
		diags->items[kept++] = *d;
	}
	diags->n = kept;
	for (i = 0; i < n; i++) {
		if (!s[i].used)
			diag_add(diags, CJ302_DEFAULT, s[i].start, s[i].end, "",
				 DIAG_ARGS({ "rule", s[i].rules[0] }));
		else if (!s[i].has_reason)
			diag_add(diags, CJ303_DEFAULT, s[i].start, s[i].end, "", DIAG_NO_ARGS);
	}
	free(s);
}
