/* The progress line and closing time of a long run, on standard error when it is a
 * terminal: never in a report, never in a pipe or a CI log. */
#ifndef CJL_PROGRESS_H
#define CJL_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress {
	bool on;                  /* standard error is a terminal */
	size_t done;              /* files so far (the total is not known ahead) */
	double started, shown;    /* seconds, monotonic */
	bool drawn;               /* a progress line is on the screen */
};

void progress_start(struct progress *p);
/* After each file; redraws at most ten times a second, and only after half a
 * second, so short runs never flicker. */
void progress_step(struct progress *p, const char *path);
/* Clears the line; in a run that showed progress, says how long it took. */
void progress_finish(struct progress *p, size_t files);

#endif
