/* The progress line and closing time of a long run, on a terminal only. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p)
{
	p->on = isatty(STDERR_FILENO) != 0;
	p->done = 0;
	p->started = p->shown = now();
	p->drawn = false;
}

void progress_step(struct progress *p, const char *path)
{
	double t;

	p->done++;
	if (!p->on)
		return;
	t = now();
	if (t - p->started < 0.5 || t - p->shown < 0.1)
		return;
	p->shown = t;
	p->drawn = true;
	fprintf(stderr, "\r\033[K[%zu] %.60s", p->done, path);
	fflush(stderr);
}

void progress_finish(struct progress *p, size_t files)
{
	if (!p->on || !p->drawn)
		return;
	fprintf(stderr, "\r\033[Kcreatejob-lint: %zu %s in %.2f s\n", files,
		files == 1 ? "file" : "files", now() - p->started);
}
