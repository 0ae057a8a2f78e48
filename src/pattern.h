/* Regular expressions (PCRE2): compiled once by their owner (the request shape,
 * the YAML typing rules) and always matched against the whole subject. */
#ifndef CJL_PATTERN_H
#define CJL_PATTERN_H

#include <stddef.h>

/* Steps a match may take before it is given up as an error rather than left to run
 * away on a backtracking regex from --rules (PCRE2's own default is 10 million). */
#define PATTERN_MATCH_LIMIT 1000000

struct pattern;

/* The compiled regex, or NULL with *error set (caller frees). */
struct pattern *pattern_compile(const char *regex, char **error);
/* 1 when the whole of s[0..len) matches, 0 when not, -1 when matching failed (the
 * match limit, no memory): then *error, if given, gets a message the caller frees.
 * Safe to call from several threads on one pattern. */
int pattern_match(const struct pattern *p, const char *s, size_t len, char **error);
void pattern_free(struct pattern *p);

#endif
