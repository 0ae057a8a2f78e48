/* Lints inputs on N threads, delivering results in input order. */
#include "run.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

/* Files are handed out in blocks, so that threads meet on the lock once per block
 * rather than once per (small) file. Results live in a ring of `window` blocks:
 * block b goes to slot b % window, and a worker may start block b only when
 * b < emitted + window, which bounds the memory of a run. */
#define BLOCK 32

struct pool {
	const struct lint_config *cfg;
	const struct run_options *opts;
	const struct input_file *inputs;
	size_t n, blocks, window;
	size_t next;              /* next block to start */
	size_t emitted;           /* blocks handed to the consumer */
	struct lint_result *slots; /* window * BLOCK results */
	bool *ready;              /* per slot */
	pthread_mutex_t lock;
	pthread_cond_t slot_free; /* the consumer moved on */
	pthread_cond_t done;      /* a worker finished a block */
};

static void lint_input(const struct lint_config *cfg, const struct run_options *opts,
		       const struct input_file *in, struct lint_result *res)
{
	lint_path(cfg, in->path, opts->only_requests || (in->walked && !opts->all_files), res);
}

static void run_sequential(const struct lint_config *cfg, const struct run_options *opts,
			   const struct input_file *inputs, size_t n, run_consumer *consume,
			   void *ctx)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct lint_result res;

		lint_input(cfg, opts, &inputs[i], &res);
		consume(&res, ctx);
		lint_result_free(&res);
	}
}

static size_t block_size(const struct pool *p, size_t b)
{
	return b + 1 < p->blocks ? BLOCK : p->n - b * BLOCK;
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t b, i, slot;

		while (p->next < p->blocks && p->next >= p->emitted + p->window)
			pthread_cond_wait(&p->slot_free, &p->lock);
		if (p->next >= p->blocks)
			break;
		b = p->next++;
		slot = b % p->window;
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < block_size(p, b); i++)
			lint_input(p->cfg, p->opts, &p->inputs[b * BLOCK + i],
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
	while (p->emitted < p->blocks) {
		size_t b = p->emitted, slot = b % p->window, i;

		pthread_mutex_lock(&p->lock);
		while (!p->ready[slot])
			pthread_cond_wait(&p->done, &p->lock);
		pthread_mutex_unlock(&p->lock);
		for (i = 0; i < block_size(p, b); i++) {
			consume(&p->slots[slot * BLOCK + i], ctx);
			lint_result_free(&p->slots[slot * BLOCK + i]);
		}
		pthread_mutex_lock(&p->lock);
		p->ready[slot] = false;
		p->emitted++;
		pthread_cond_broadcast(&p->slot_free);
		pthread_mutex_unlock(&p->lock);
	}
}

static void run_threads(const struct lint_config *cfg, const struct run_options *opts,
			const struct input_file *inputs, size_t n, unsigned jobs,
			run_consumer *consume, void *ctx)
{
	struct pool p = { 0 };
	pthread_t *threads = xcalloc(jobs, sizeof *threads);
	unsigned started = 0, t;

	p.cfg = cfg;
	p.opts = opts;
	p.inputs = inputs;
	p.n = n;
	p.blocks = (n + BLOCK - 1) / BLOCK;
	p.window = (size_t)jobs * 2;
	p.slots = xcalloc(p.window * BLOCK, sizeof *p.slots);
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
		run_sequential(cfg, opts, inputs, n, consume, ctx); /* no thread could start */
	for (t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_cond_destroy(&p.done);
	pthread_cond_destroy(&p.slot_free);
	pthread_mutex_destroy(&p.lock);
	free(p.ready);
	free(p.slots);
	free(threads);
}

void run_lint(const struct lint_config *cfg, const struct input_file *inputs, size_t n,
	      const struct run_options *opts, run_consumer *consume, void *ctx)
{
	unsigned jobs = opts->jobs ? opts->jobs : run_default_jobs();

	if (jobs <= 1 || n <= 1)
		run_sequential(cfg, opts, inputs, n, consume, ctx);
	else
		run_threads(cfg, opts, inputs, n, jobs > n ? (unsigned)n : jobs, consume, ctx);
}

unsigned run_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}
