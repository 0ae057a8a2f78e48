/* The progress line and closing time of a long run, on a terminal only. */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "escape.h"

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

/* The line "[N] PATH", the path escaped and cut after PROGRESS_WIDTH bytes (never
 * inside a character), over whatever the line showed before. */
#define PROGRESS_WIDTH 60
static void draw(size_t done, const char *path)
{
	struct strbuf sb;
	size_t n;

	sb_init(&sb);
	escape_append(&sb, path);
	n = sb.len;
	if (n > PROGRESS_WIDTH) {
		n = PROGRESS_WIDTH;
		while (n > 0 && ((unsigned char)sb.buf[n] & 0xC0) == 0x80)
			n--;
	}
	fprintf(stderr, "\r\033[K[%zu] %.*s", done, (int)n, sb.buf);
	sb_free(&sb);
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
	draw(p->done, path);
	fflush(stderr);
}

void progress_finish(struct progress *p, size_t files)
{
	if (!p->on || !p->drawn)
		return;
	fprintf(stderr, "\r\033[Kcreatejob-lint: %zu %s in %.2f s\n", files,
		files == 1 ? "file" : "files", now() - p->started);
}
