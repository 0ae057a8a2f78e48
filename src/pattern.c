/* Regular expressions (PCRE2), compiled by their owner and matched in full. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <stdlib.h>

#include "util.h"

struct pattern {
	pcre2_code *code;
	pcre2_match_context *context;   /* carries the match limit */
};

static char *pcre2_error_text(int code)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
		return xasprintf("PCRE2 error %d", code);
	return xstrdup((const char *)msg);
}

struct pattern *pattern_compile(const char *regex, char **error)
{
	struct pattern *p = xcalloc(1, sizeof *p);
	int code;
	PCRE2_SIZE at;

	p->code = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF,
				&code, &at, NULL);
	if (!p->code) {
		char *why = pcre2_error_text(code);

		*error = xasprintf("%s at offset %zu", why, (size_t)at);
		free(why);
		free(p);
		return NULL;
	}
	p->context = pcre2_match_context_create(NULL);
	if (!p->context) {
		*error = xstrdup("not enough memory for a regex match context");
		pattern_free(p);
		return NULL;
	}
	pcre2_set_match_limit(p->context, PATTERN_MATCH_LIMIT);
	/* Without JIT (unsupported platform, no executable memory) matching is only
	 * slower, so its failure is not an error. */
	pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	return p;
}

int pattern_match(const struct pattern *p, const char *s, size_t len, char **error)
{
	/* One match data a call keeps patterns shareable between threads with no
	 * state of their own; an allocation costs little next to the match. */
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc;

	if (!md) {
		if (error)
			*error = xstrdup("not enough memory to match a regex");
		return -1;
	}
	rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, 0, 0, md, p->context);
	pcre2_match_data_free(md);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (error)
		*error = pcre2_error_text(rc);
	return -1;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	pcre2_match_context_free(p->context);
	pcre2_code_free(p->code);
	free(p);
}
