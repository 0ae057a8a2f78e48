/* Path globs for configuration: a star and '?' stay within one path segment, two
 * stars cross segments (legacy/ then two stars matches all below legacy; two stars
 * and a slash match nothing or whole segments, so they also match at the top),
 * '[...]' is a character class of bytes and a-z ranges ('!' or '^' first negates;
 * it never matches '/'), and a '[' that is never closed is an ordinary '['.
 * A leading "./" of the path is ignored. Matching takes time proportional to the
 * pattern's length times the path's, whatever the pattern. */
#ifndef CJL_GLOB_H
#define CJL_GLOB_H

#include <stdbool.h>

bool glob_match(const char *pattern, const char *path);

#endif
