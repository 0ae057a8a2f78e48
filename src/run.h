/* Lints a list of inputs on N threads and hands each result, in input order, to a
 * consumer on the calling thread. At most a small window of results is alive at
 * once, so memory does not grow with the number of files. */
#ifndef CJL_RUN_H
#define CJL_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "files.h"
#include "lint.h"

/* Called once per input, in input order; the result is freed after it returns. */
typedef void run_consumer(const struct lint_result *res, void *ctx);

/* Files found in a directory that are not job requests are skipped, unless
 * all_files; with only_requests, named files are skipped likewise. */
struct run_options {
	unsigned jobs;
	bool only_requests;
	bool all_files;
};

void run_lint(const struct lint_config *cfg, struct file_walk *walk,
	      const struct run_options *opts, run_consumer *consume, void *ctx);
/* Processors online, at least 1: the default for -j. */
unsigned run_default_jobs(void);

#endif
