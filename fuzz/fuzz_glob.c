/* libFuzzer harness for path globs: the input is a pattern, a newline and a path.
 * glob_match runs on them whole (the fuzzer's timeout catches a slow match), and
 * on short inputs its answer is compared with a plain memoised recursion over the
 * pattern text, written independently from the documented rules (glob.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"

#define ORACLE_MAX 48

struct oracle {
	const char *p, *s;
	signed char memo[ORACLE_MAX + 1][ORACLE_MAX + 1]; /* -1 unknown */
};

static bool ref(struct oracle *o, size_t pi, size_t si);

/* The class at p[pi] ('['): sets *after past its ']' and *hit; false when the class
 * never closes (then '[' is literal). */
static bool ref_class(const char *p, size_t pi, char c, size_t *after, bool *hit)
{
	size_t q = pi + 1, first;
	bool negate = p[q] == '!' || p[q] == '^', found = false;

	if (negate)
		q++;
	if (!p[q])
		return false;
	first = q++;
	while (p[q] && p[q] != ']')
		q++;
	if (!p[q])
		return false;
	for (size_t i = first; i < q;) {
		if (i + 2 < q && p[i + 1] == '-') {
			found |= (unsigned char)c >= (unsigned char)p[i] &&
				 (unsigned char)c <= (unsigned char)p[i + 2];
			i += 3;
		} else {
			found |= c == p[i++];
		}
	}
	*after = q + 1;
	*hit = found != negate;
	return true;
}

static bool ref_stars(struct oracle *o, size_t pi, size_t si)
{
	const char *s = o->s;
	size_t q = pi + 2, k;

	while (o->p[q] == '*')
		q++;
	if (o->p[q] == '/') {
		/* nothing, or any run of bytes that ends in '/' */
		if (ref(o, q + 1, si))
			return true;
		for (k = si; s[k]; k++)
			if (s[k] == '/' && ref(o, q + 1, k + 1))
				return true;
		return false;
	}
	for (k = si;; k++) {
		if (ref(o, q, k))
			return true;
		if (!s[k])
			return false;
	}
}

static bool ref_uncached(struct oracle *o, size_t pi, size_t si)
{
	const char *p = o->p, *s = o->s;
	size_t k, after;
	bool hit;

	if (!p[pi])
		return !s[si];
	if (p[pi] == '*' && p[pi + 1] == '*')
		return ref_stars(o, pi, si);
	if (p[pi] == '*') {
		for (k = si;; k++) {
			if (ref(o, pi + 1, k))
				return true;
			if (!s[k] || s[k] == '/')
				return false;
		}
	}
	if (!s[si])
		return false;
	if (p[pi] == '?')
		return s[si] != '/' && ref(o, pi + 1, si + 1);
	if (p[pi] == '[' && ref_class(p, pi, s[si], &after, &hit))
		return s[si] != '/' && hit && ref(o, after, si + 1);
	return p[pi] == s[si] && ref(o, pi + 1, si + 1);
}

static bool ref(struct oracle *o, size_t pi, size_t si)
{
	if (o->memo[pi][si] < 0)
		o->memo[pi][si] = ref_uncached(o, pi, si);
	return o->memo[pi][si];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *pattern = malloc(size + 1), *path;
	const char *s;
	bool got;

	if (!pattern)
		abort();
	memcpy(pattern, data, size);
	pattern[size] = '\0';
	path = strchr(pattern, '\n');
	if (path)
		*path++ = '\0';
	else
		path = pattern + strlen(pattern);
	got = glob_match(pattern, path);
	s = path;
	while (strncmp(s, "./", 2) == 0)
		s += 2;
	if (strlen(pattern) <= ORACLE_MAX && strlen(s) <= ORACLE_MAX) {
		struct oracle o = { pattern, s, { { 0 } } };

		memset(o.memo, -1, sizeof o.memo);
		if (ref(&o, 0, 0) != got) {
			fprintf(stderr, "fuzz_glob: glob_match(\"%s\", \"%s\") = %d, expected %d\n",
				pattern, path, got, !got);
			abort();
		}
	}
	free(pattern);
	return 0;
}
