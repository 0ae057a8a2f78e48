/* Report targets checked before anything is read or written: two reports into one
 * file or onto standard output, a report that is also an input, and options that
 * need a report elsewhere than on standard output. */
#ifndef CJL_TARGETS_H
#define CJL_TARGETS_H

#include <stdbool.h>

#include "cli.h"

/* The first usage error among the command line's reports and inputs, or NULL;
 * caller frees. */
char *targets_check(const struct cli *cli);
/* True for the names of standard output (/dev/stdout, /dev/fd/1, /proc/self/fd/1). */
bool targets_names_stdout(const char *path);

#endif
