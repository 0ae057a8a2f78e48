/* Lints a list of inputs on N threads and hands each result, in input order, to a
 * consumer on the calling thread. At most a small window of results is alive at
 * once, so memory does not grow with the number of files. */
#ifndef CJL_RUN_H
#define CJL_RUN_H

#include <stddef.h>

#include "lint.h"

/* Called once per input, in input order; the result is freed after it returns. */
typedef void run_consumer(const struct lint_result *res, void *ctx);

void run_lint(const struct lint_config *cfg, char *const *paths, size_t n, unsigned jobs,
	      run_consumer *consume, void *ctx);
/* Processors online, at least 1: the default for -j. */
unsigned run_default_jobs(void);

#endif
