/* Lints inputs on N threads, delivering results in input order. */
#include "run.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

/* Inputs are taken from the walk in blocks, so that threads meet on the lock once
 * per block rather than once per (small) file. Results live in a ring of `window`
 * blocks: block b goes to slot b % window, and a worker may start a block only
 * while fewer than `window` wait for the consumer, which bounds the memory of a
 * run whatever the number of files. */
#define BLOCK 32

struct pool {
	const struct lint_config *cfg;
	const struct run_options *opts;
	struct file_walk *walk;   /* read under the lock */
	bool walk_done;
	size_t blocks;            /* blocks started so far */
	size_t window;
	size_t emitted;           /* blocks handed to the consumer */
	struct input_file *inputs; /* window * BLOCK, per slot */
	struct lint_result *slots; /* window * BLOCK */
	size_t *count;            /* inputs in each slot's block */
	bool *ready;              /* per slot */
	pthread_mutex_t lock;
	pthread_cond_t slot_free; /* the consumer moved on */
	pthread_cond_t done;      /* a worker finished a block, or the walk ended */
};

/* What the walk met becomes a result like any other, so that it comes out in
 * input order: a path it could not read, or one it left out. */
static void lint_input(const struct lint_config *cfg, const struct run_options *opts,
		       const struct input_file *in, struct lint_result *res)
{
	static const enum skip_reason reasons[] = {
		[WALK_READ] = SKIP_NONE,
		[WALK_OUTSIDE_LINK] = SKIP_OUTSIDE_LINK,
		[WALK_SEEN] = SKIP_WALKED_BEFORE,
		[WALK_NOT_REGULAR] = SKIP_NOT_REGULAR,
	};

	if (in->error || in->skip != WALK_READ)
		lint_unread(in->path, in->error, reasons[in->skip], res);
	else
		lint_path(cfg, in->path, opts->only_requests || (in->walked && !opts->all_files),
			  res);
}

static void run_sequential(const struct lint_config *cfg, const struct run_options *opts,
			   struct file_walk *walk, run_consumer *consume, void *ctx)
{
	struct input_file in;

	while (file_walk_next(walk, &in)) {
		struct lint_result res;

		lint_input(cfg, opts, &in, &res);
		consume(&res, ctx);
		lint_result_free(&res);
		input_file_free(&in);
	}
}

/* Takes the next block of inputs from the walk (under the lock); false at the end. */
static bool take_block(struct pool *p, size_t *block)
{
	size_t slot = p->blocks % p->window, n = 0;

	while (n < BLOCK && file_walk_next(p->walk, &p->inputs[slot * BLOCK + n]))
		n++;
	if (n == 0) {
		p->walk_done = true;
		pthread_cond_broadcast(&p->done);
		return false;
	}
	p->count[slot] = n;
	*block = p->blocks++;
	return true;
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t b, i, slot;

		while (!p->walk_done && p->blocks >= p->emitted + p->window)
			pthread_cond_wait(&p->slot_free, &p->lock);
		if (p->walk_done || !take_block(p, &b))
			break;
		slot = b % p->window;
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < p->count[slot]; i++)
			lint_input(p->cfg, p->opts, &p->inputs[slot * BLOCK + i],
				   &p->slots[slot * BLOCK + i]);
		pthread_mutex_lock(&p->lock);
		p->ready[slot] = true;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void consume_in_order(struct pool *p, run_consumer *consume, void *ctx)
{
	for (;;) {
		size_t slot = p->emitted % p->window, i;

		pthread_mutex_lock(&p->lock);
		while (!p->ready[slot] && !(p->walk_done && p->emitted == p->blocks))
			pthread_cond_wait(&p->done, &p->lock);
		if (!p->ready[slot]) {
			pthread_mutex_unlock(&p->lock);
			return; /* the walk is over and every block was handed on */
		}
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < p->count[slot]; i++) {
			consume(&p->slots[slot * BLOCK + i], ctx);
			lint_result_free(&p->slots[slot * BLOCK + i]);
			input_file_free(&p->inputs[slot * BLOCK + i]);
		}
		pthread_mutex_lock(&p->lock);
		p->ready[slot] = false;
		p->emitted++;
		pthread_cond_broadcast(&p->slot_free);
		pthread_mutex_unlock(&p->lock);
	}
}

static void run_threads(const struct lint_config *cfg, const struct run_options *opts,
			struct file_walk *walk, unsigned jobs, run_consumer *consume, void *ctx)
{
	struct pool p = { 0 };
	pthread_t *threads = xcalloc(jobs, sizeof *threads);
	unsigned started = 0, t;

	p.cfg = cfg;
	p.opts = opts;
	p.walk = walk;
	p.window = (size_t)jobs * 2;
	p.inputs = xcalloc(p.window * BLOCK, sizeof *p.inputs);
	p.slots = xcalloc(p.window * BLOCK, sizeof *p.slots);
	p.count = xcalloc(p.window, sizeof *p.count);
	p.ready = xcalloc(p.window, sizeof *p.ready);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.slot_free, NULL);
	pthread_cond_init(&p.done, NULL);
	for (t = 0; t < jobs; t++)
		if (pthread_create(&threads[t], NULL, worker, &p) == 0)
			started++;
		else
			break;
	if (started > 0)
		consume_in_order(&p, consume, ctx);
	else
		run_sequential(cfg, opts, walk, consume, ctx); /* no thread could start */
	for (t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.slot_free);
	pthread_mutex_destroy(&p.lock);
	free(p.ready);
	free(p.count);
	free(p.slots);
	free(p.inputs);
	free(threads);
}

void run_lint(const struct lint_config *cfg, struct file_walk *walk,
	      const struct run_options *opts, run_consumer *consume, void *ctx)
{
	unsigned jobs = opts->jobs ? opts->jobs : run_default_jobs();

	if (jobs <= 1)
		run_sequential(cfg, opts, walk, consume, ctx);
	else
		run_threads(cfg, opts, walk, jobs, consume, ctx);
}

unsigned run_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}
