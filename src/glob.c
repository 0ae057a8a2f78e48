/* Path globs for configuration. */
#include "glob.h"

#include <string.h>

/* Matches one [...] class at *p against c; advances *p past it. */
static bool match_class(const char **p, char c)
{
	const char *q = *p + 1;
	bool negate = *q == '!' || *q == '^', found = false;

	if (negate)
		q++;
	do {
		if (q[1] == '-' && q[2] && q[2] != ']') {
			found |= c >= q[0] && c <= q[2];
			q += 3;
		} else {
			found |= c == *q++;
		}
	} while (*q && *q != ']');
	*p = *q ? q + 1 : q;
	return found != negate;
}

static bool match_from(const char *p, const char *s)
{
	while (*p) {
		if (p[0] == '*' && p[1] == '*') {
			/* "**" and "**" + "/": any run of characters, '/' included. */
			p += 2;
			if (*p == '/')
				p++;
			for (;; s++) {
				if (match_from(p, s))
					return true;
				if (!*s)
					return false;
			}
		}
		if (*p == '*') {
			p++;
			for (;; s++) {
				if (match_from(p, s))
					return true;
				if (!*s || *s == '/')
					return false;
			}
		}
		if (!*s)
			return false;
		if (*p == '?') {
			if (*s == '/')
				return false;
		} else if (*p == '[') {
			if (*s == '/' || !match_class(&p, *s))
				return false;
			s++;
			continue;
		} else if (*p != *s) {
			return false;
		}
		p++;
		s++;
	}
	return !*s;
}

bool glob_match(const char *pattern, const char *path)
{
	if (strncmp(path, "./", 2) == 0)
		path += 2;
	return match_from(pattern, path);
}
