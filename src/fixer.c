/* The fixer: one pass of non-overlapping fixes over a file's bytes. */
#include "fixer.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

bool fixer_applies(const struct diag *d, enum fix_mode mode)
{
	return d->fix && d->fix->nedits > 0 && mode != FIX_NONE &&
	       (d->fix->safe || mode == FIX_UNSAFE);
}

bool fixer_distrusts(const struct diag *d)
{
	return d->rule == RULE_CJ001 || d->msg == CJ002_INVALID_UTF8 || d->rule == RULE_CJ007;
}

/* Two edits conflict when their ranges overlap, or when they start at one place
 * (two insertions there, or an insertion before a replacement, have no order). */
static bool edits_conflict(const struct fix_edit *a, const struct fix_edit *b)
{
	return a->start == b->start || (a->start < b->end && b->start < a->end);
}

/* The edits taken so far in this pass, pointing into the findings' fixes. */
struct edit_set {
	const struct fix_edit **items;
	size_t n, cap;
};

static bool fix_fits(const struct fix *fix, size_t len, const struct edit_set *taken)
{
	size_t i, j;

	for (i = 0; i < fix->nedits; i++) {
		if (fix->edits[i].end > len)
			return false; /* a fix made for other bytes */
		for (j = 0; j < i; j++)
			if (edits_conflict(&fix->edits[i], &fix->edits[j]))
				return false;
		for (j = 0; j < taken->n; j++)
			if (edits_conflict(&fix->edits[i], taken->items[j]))
				return false;
	}
	return true;
}

static void take_fix(const struct fix *fix, struct edit_set *taken)
{
	size_t i;

	for (i = 0; i < fix->nedits; i++) {
		taken->items = grow_array(taken->items, &taken->cap, taken->n + 1,
					  sizeof *taken->items);
		taken->items[taken->n++] = &fix->edits[i];
	}
}

static int by_start(const void *a, const void *b)
{
	const struct fix_edit *x = *(const struct fix_edit *const *)a;
	const struct fix_edit *y = *(const struct fix_edit *const *)b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* The bytes with the taken edits (sorted, disjoint) applied. */
static char *splice(const char *bytes, size_t len, const struct edit_set *taken,
		    size_t *out_len)
{
	struct strbuf sb;
	size_t at = 0, i;

	sb_init(&sb);
	for (i = 0; i < taken->n; i++) {
		const struct fix_edit *e = taken->items[i];

		sb_addn(&sb, bytes + at, e->start - at);
		sb_adds(&sb, e->text);
		at = e->end;
	}
	sb_addn(&sb, bytes + at, len - at);
	*out_len = sb.len;
	return sb_detach(&sb);
}

char *fixer_apply_pass(const char *bytes, size_t len, const struct diag_list *diags,
		       enum fix_mode mode, size_t *out_len, size_t *applied)
{
	struct edit_set taken = { 0 };
	char *out = NULL;
	size_t i;

	*applied = 0;
	/* Findings are in source order (findings_finish sorts them), so the first of
	 * two conflicting fixes is the one taken. */
	for (i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];

		if (!fixer_applies(d, mode) || !fix_fits(d->fix, len, &taken))
			continue;
		take_fix(d->fix, &taken);
		(*applied)++;
	}
	if (*applied) {
		qsort(taken.items, taken.n, sizeof *taken.items, by_start);
		out = splice(bytes, len, &taken, out_len);
	}
	free(taken.items);
	return out;
}
