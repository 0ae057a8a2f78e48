/* Regular expressions (PCRE2): compiled on first use, once per process, and always
 * matched against the whole subject. */
#ifndef CJL_PATTERN_H
#define CJL_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* 1 when the whole of s[0..len) matches, 0 when not, -1 when the regex does not
 * compile (then *error, if given, gets a message the caller frees). */
int pattern_match(const char *regex, const char *s, size_t len, char **error);
/* Compiles without matching, to validate rules data; same return convention. */
int pattern_check(const char *regex, char **error);
void pattern_cleanup(void);

#endif
