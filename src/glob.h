/* Path globs for configuration: a star and '?' stay within one path segment, two
 * stars cross segments (legacy/ then two stars matches all below legacy), and
 * '[...]' is a character class. */
#ifndef CJL_GLOB_H
#define CJL_GLOB_H

#include <stdbool.h>

bool glob_match(const char *pattern, const char *path);

#endif
