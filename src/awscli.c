/* AWS CLI v2 versions: parsing, comparing and showing them. */
#include "awscli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Parts beyond this are no version the CLI has or will have soon; refusing them
 * keeps every part well inside an unsigned. */
#define AWSCLI_MAX_PART 99999u

static int parse_part(const char **p, unsigned *out)
{
	unsigned long v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (unsigned long)(*s++ - '0');
		if (v > AWSCLI_MAX_PART)
			return -1;
	}
	*out = (unsigned)v;
	*p = s;
	return 0;
}

static int parse_parts(const char *text, struct awscli_version *out)
{
	const char *p = text;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < 3; i++) {
		if (parse_part(&p, &out->part[i]) < 0)
			return -1;
		out->nparts = (unsigned)i + 1;
		if (*p == '\0')
			break;
		if (*p++ != '.' || i == 2)
			return -1;
	}
	out->set = true;
	return 0;
}

/* A full version inside text that is not one ("v2.11.3", "aws-cli/2.9.19
 * Python/3.11", as release tags and `aws --version` write it), as a hint; NULL
 * when there is none. Caller frees. */
static char *version_inside(const char *text)
{
	const char *p;
	struct awscli_version v;

	for (p = text; *p; p++) {
		size_t n;
		char *cand;

		if (*p != '2' || (p > text && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		n = strspn(p, "0123456789.");
		while (n && p[n - 1] == '.')
			n--;
		if (isalnum((unsigned char)p[n]))
			continue; /* "2.1x" holds no version */
		cand = xstrndup(p, n);
		if (parse_parts(cand, &v) == 0 && v.part[0] == 2 && v.nparts == 3)
			return cand;
		free(cand);
	}
	return NULL;
}

int awscli_version_parse(const char *text, struct awscli_version *out, char **error)
{
	char *hint;

	if (parse_parts(text, out) == 0 && out->part[0] == 2)
		return 0;
	memset(out, 0, sizeof *out);
	hint = version_inside(text);
	if (hint)
		*error = xasprintf("'%s' is not an AWS CLI v2 version; did you mean %s? (expected a "
				   "version like " AWSCLI_TRACKED_FROM ", 2.11 or 2)", text, hint);
	else
		*error = xasprintf("'%s' is not an AWS CLI v2 version: expected a version like "
				   AWSCLI_TRACKED_FROM ", 2.11 or 2", text);
	free(hint);
	return -1;
}

int awscli_version_compare(const struct awscli_version *a, const struct awscli_version *b)
{
	size_t i;

	for (i = 0; i < 3; i++)
		if (a->part[i] != b->part[i])
			return a->part[i] < b->part[i] ? -1 : 1;
	return 0;
}

const char *awscli_version_text(const struct awscli_version *v, char *buf, size_t size)
{
	if (v->nparts == 1)
		snprintf(buf, size, "%u", v->part[0]);
	else if (v->nparts == 2)
		snprintf(buf, size, "%u.%u", v->part[0], v->part[1]);
	else
		snprintf(buf, size, "%u.%u.%u", v->part[0], v->part[1], v->part[2]);
	return buf;
}

bool awscli_lacks(const struct awscli_version *target, const char *first)
{
	struct awscli_version known;

	if (!target->set || !first || parse_parts(first, &known) < 0)
		return false;
	return awscli_version_compare(target, &known) < 0;
}
