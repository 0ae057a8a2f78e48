/* Unified diffs: a Myers diff over lines, bounded, then hunks with context. */
#include "udiff.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

/* One line of a text: where it starts and its length, line break included. */
struct line {
	const char *s;
	size_t len;
};

struct lines {
	struct line *items;
	size_t n, cap;
};

static void split_lines(const char *s, size_t len, struct lines *out)
{
	size_t at = 0;

	memset(out, 0, sizeof *out);
	while (at < len) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		out->items = grow_array(out->items, &out->cap, out->n + 1, sizeof *out->items);
		out->items[out->n].s = s + at;
		out->items[out->n++].len = end - at;
		at = end;
	}
}

static bool same_line(const struct line *x, const struct line *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* The edit script: for each line of a and of b, whether it is kept. */
struct script {
	bool *a_kept, *b_kept;
};

/* Myers' O(ND) greedy search, keeping each round's frontier (O(D^2) memory in all),
 * then walking back to mark the kept lines. False when more than UDIFF_MAX_EDITS
 * lines differ. */
static bool myers(const struct lines *a, const struct lines *b, struct script *sc)
{
	long n = (long)a->n, m = (long)b->n, max = n + m, d, k;
	long **v = NULL;
	bool found = false;

	if (max > UDIFF_MAX_EDITS)
		max = UDIFF_MAX_EDITS;
	v = xcalloc((size_t)max + 1, sizeof *v);
	for (d = 0; d <= max && !found; d++) {
		long *cur = v[d] = xcalloc((size_t)(2 * d + 1), sizeof *cur);
		const long *prev = d ? v[d - 1] : NULL;

		for (k = -d; k <= d; k += 2) {
			long x, y;

			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]))
				x = prev[k + 1 + (d - 1)];
			else
				x = prev[k - 1 + (d - 1)] + 1;
			y = x - k;
			while (x < n && y < m && same_line(&a->items[x], &b->items[y])) {
				x++;
				y++;
			}
			cur[k + d] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
	}
	if (found) {
		long x = n, y = m;

		for (d--; d > 0; d--) {
			const long *prev = v[d - 1];
			bool down;
			long px, py;

			k = x - y;
			down = k == -d || (k != d && prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]);
			px = down ? prev[k + 1 + (d - 1)] : prev[k - 1 + (d - 1)];
			py = px - (down ? k + 1 : k - 1);
			while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
				sc->a_kept[--x] = true;
				sc->b_kept[--y] = true;
			}
			x = px;
			y = py;
		}
		while (x > 0 && y > 0) {
			sc->a_kept[--x] = true;
			sc->b_kept[--y] = true;
		}
	}
	for (d = 0; d <= max; d++)
		free(v[d]);
	free(v);
	return found;
}

static void put_line(FILE *out, char mark, const struct line *l)
{
	putc(mark, out);
	fwrite(l->s, 1, l->len, out);
	if (l->len == 0 || l->s[l->len - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", out);
}

/* Writes one hunk: a[ai, ae) and b[bi, be), which start and end in kept lines or
 * at the ends of the texts. */
static void put_hunk(FILE *out, const struct lines *a, const struct lines *b,
		     const struct script *sc, size_t ai, size_t ae, size_t bi, size_t be)
{
	fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ae > ai ? ai + 1 : ai, ae - ai,
		be > bi ? bi + 1 : bi, be - bi);
	while (ai < ae || bi < be) {
		if (ai < ae && bi < be && sc->a_kept[ai] && sc->b_kept[bi]) {
			put_line(out, ' ', &a->items[ai++]);
			bi++;
		} else if (ai < ae && !sc->a_kept[ai]) {
			put_line(out, '-', &a->items[ai++]);
		} else {
			put_line(out, '+', &b->items[bi++]);
		}
	}
}

/* Walks both texts in step; a change, with UDIFF_CONTEXT kept lines on each side,
 * opens a hunk, and changes closer than twice the context share one. */
static void put_hunks(FILE *out, const struct lines *a, const struct lines *b,
		      const struct script *sc)
{
	size_t ai = 0, bi = 0;

	for (;;) {
		size_t start_a, start_b, ctx, tail = 0, ea, eb;

		while (ai < a->n && bi < b->n && sc->a_kept[ai] && sc->b_kept[bi]) {
			ai++;
			bi++;
		}
		if (ai >= a->n && bi >= b->n)
			return;
		ctx = ai < UDIFF_CONTEXT ? ai : UDIFF_CONTEXT;
		ctx = bi < ctx ? bi : ctx;
		start_a = ai - ctx;
		start_b = bi - ctx;
		/* Extend while the next change comes within 2 * context kept lines. */
		ea = ai;
		eb = bi;
		while (ea < a->n || eb < b->n) {
			if (ea < a->n && eb < b->n && sc->a_kept[ea] && sc->b_kept[eb]) {
				if (tail == 2 * UDIFF_CONTEXT)
					break;
				tail++;
				ea++;
				eb++;
			} else {
				tail = 0;
				if (ea < a->n && !sc->a_kept[ea])
					ea++;
				else
					eb++;
			}
		}
		if (tail > UDIFF_CONTEXT) {
			ea -= tail - UDIFF_CONTEXT;
			eb -= tail - UDIFF_CONTEXT;
		}
		put_hunk(out, a, b, sc, start_a, ea, start_b, eb);
		ai = ea;
		bi = eb;
	}
}

void udiff_write(FILE *out, const char *path, const char *a, size_t alen, const char *b,
		 size_t blen)
{
	struct lines la, lb;
	struct script sc;

	if (alen == blen && memcmp(a, b, alen) == 0)
		return;
	split_lines(a, alen, &la);
	split_lines(b, blen, &lb);
	sc.a_kept = xcalloc(la.n + 1, sizeof *sc.a_kept);
	sc.b_kept = xcalloc(lb.n + 1, sizeof *sc.b_kept);
	if (!myers(&la, &lb, &sc)) {
		/* Too different to search: the whole file is shown as replaced. */
		memset(sc.a_kept, 0, la.n + 1);
		memset(sc.b_kept, 0, lb.n + 1);
	}
	/* An absolute path gets no second slash: a/abs/path, as with git's prefixes. */
	fputs(path[0] == '/' ? "--- a" : "--- a/", out);
	escape_put(out, path);
	fputs(path[0] == '/' ? "\n+++ b" : "\n+++ b/", out);
	escape_put(out, path);
	putc('\n', out);
	put_hunks(out, &la, &lb, &sc);
	free(sc.a_kept);
	free(sc.b_kept);
	free(la.items);
	free(lb.items);
}
