/* CJ204 and friends: the ${...} references of an export KeyPattern. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks_impl.h"
#include "doc.h"
#include "shape.h"
#include "suggest.h"
#include "util.h"

/* --- CJ204: ${...} references in KeyPattern. ------------------------------------ */

static const char *find_reference(const struct shape *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nreferences; i++)
		if (strcmp(s->references[i], name) == 0)
			return s->references[i];
	return NULL;
}

static const char *case_match(const struct shape *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nreferences; i++)
		if (strcasecmp(s->references[i], name) == 0)
			return s->references[i];
	return NULL;
}

const char *checks_likely_reference(const struct shape *s, const char *name)
{
	const char *fix = case_match(s, name);

	return fix ? fix : suggest(name, s->references, s->nreferences);
}

/* The reference at [ref, ref_end) of the pattern's text becomes ${fix}: in the
 * source alone where its bytes are certain, else by rewriting the whole pattern.
 * Unsafe, since the user should see that the right value was meant. */
static void offer_reference(struct check_ctx *c, struct diag *d, const struct node *at,
			    const struct node *n, size_t ref, size_t ref_end, const char *fix,
			    bool *rewrote_whole)
{
	char *reference = xasprintf("${%s}", fix);
	char *text;

	/* Whole-value rewrites overlap, so one can be applied: one is offered, and
	 * a value of many references is not copied once per reference. */
	if (!check_fix_replace_part(c, d, n, ref, ref_end, reference, false,
				    "replace the reference") && !*rewrote_whole) {
		*rewrote_whole = true;
		text = xasprintf("%.*s%s%s", (int)ref, n->text, reference, n->text + ref_end);
		check_fix_replace(c, d, at, text, false, "replace the reference");
		free(text);
	}
	free(reference);
}

static void report_unknown_reference(struct check_ctx *c, const struct node *at,
				     const struct node *n, const struct shape *s,
				     const char *name, const char *fix, size_t ref,
				     bool *rewrote_whole)
{
	struct strbuf allowed;
	struct diag *d;
	size_t i;

	if (check_count_if_full(c))
		return; /* counted, not composed */
	if (fix) {
		char *replacement = xasprintf("${%s}", fix);

		d = check_report_part(c, at, n, ref, ref + strlen(name) + 3,
				      case_match(s, name) ? CJ204_CASE : CJ204_SUGGEST,
				      DIAG_ARGS({ "name", name }, { "suggestion", fix }));
		diag_set_suggestion(d, replacement);
		offer_reference(c, d, at, n, ref, ref + strlen(name) + 3, fix, rewrote_whole);
		free(replacement);
		return;
	}
	sb_init(&allowed);
	for (i = 0; i < s->nreferences; i++)
		sb_addf(&allowed, "%s${%s}", i ? ", " : "", s->references[i]);
	check_report_part(c, at, n, ref, ref + strlen(name) + 3, CJ204_UNKNOWN,
			  DIAG_ARGS({ "name", name }, { "allowed", allowed.buf }));
	sb_free(&allowed);
}

void check_key_pattern(struct check_ctx *c, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	const char *p = n->text, *end = n->text + n->len;
	bool per_asset = false, dataset_name = false, rewrote_whole = false;

	if (n->text[0] == '/')
		check_report(c, at, CJ208_LEADING_SLASH, DIAG_NO_ARGS);
	if (n->len > 1024) {
		char bytes[24];

		/* References only add to the key, so the pattern alone bounds it. */
		snprintf(bytes, sizeof bytes, "%zu", n->len);
		check_report(c, at, CJ207_PATTERN_LONG, DIAG_ARGS({ "bytes", bytes }));
	}
	while ((p = strstr(p, "${")) != NULL && p < end) {
		const char *close = memchr(p + 2, '}', (size_t)(end - p - 2));
		const char *fix;
		char *name;

		if (!close) {
			check_report(c, at, CJ204_UNTERMINATED, DIAG_NO_ARGS);
			return;
		}
		name = xstrndup(p + 2, (size_t)(close - p - 2));
		/* A known name is its own fix; only an unknown one is looked up. */
		fix = *name ? find_reference(s, name) : NULL;
		if (!*name)
			check_report_part(c, at, n, (size_t)(p - n->text),
					  (size_t)(close + 1 - n->text), CJ204_EMPTY, DIAG_NO_ARGS);
		else if (!fix)
			report_unknown_reference(c, at, n, s, name, fix = checks_likely_reference(s, name),
						 (size_t)(p - n->text), &rewrote_whole);
		else if (strcmp(name, "DataSet.Name") == 0)
			dataset_name = true;
		/* A misspelt per-asset reference already has its own finding. */
		if (fix && (strcmp(fix, "Asset.Id") == 0 || strcmp(fix, "Asset.Name") == 0))
			per_asset = true;
		free(name);
		p = close + 1;
	}
	if (!per_asset)
		check_report(c, at, CJ204_NO_ASSET, DIAG_NO_ARGS);
	if (dataset_name)
		check_report(c, at, CJ219_DEFAULT, DIAG_NO_ARGS);
}
