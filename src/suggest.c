/* "Did you mean": the closest candidate to a misspelled name or value. */
#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions),
 * case-insensitive so that case slips cost nothing here; they are caught first. */
size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j, result;
	size_t *prev2, *prev, *cur;

	if (n > 256 || m > 256)
		return (size_t)-1;
	prev2 = xcalloc(m + 1, sizeof *prev2);
	prev = xcalloc(m + 1, sizeof *prev);
	cur = xcalloc(m + 1, sizeof *cur);
	for (j = 0; j <= m; j++)
		prev[j] = j;
	for (i = 1; i <= n; i++) {
		size_t *tmp;

		cur[0] = i;
		for (j = 1; j <= m; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = prev[j] + 1;

			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best)
				best = prev[j - 1] + cost;
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	result = prev[m];
	free(prev2);
	free(prev);
	free(cur);
	return result;
}

/* Lower-cased, without '_', '-', ' ' and '.', for loose comparison. */
static void fold(const char *s, char *out, size_t size)
{
	size_t k = 0;

	for (; *s && k + 1 < size; s++)
		if (!strchr("_- .", *s))
			out[k++] = (char)tolower((unsigned char)*s);
	out[k] = '\0';
}

const char *suggest(const char *word, const char *const *candidates, size_t n)
{
	char folded[128], other[128];
	const char *best = NULL;
	size_t best_distance = (size_t)-1, i, limit;

	fold(word, folded, sizeof folded);
	for (i = 0; i < n; i++) {
		fold(candidates[i], other, sizeof other);
		if (strcmp(folded, other) == 0)
			return candidates[i];
	}
	/* Short words need near matches: two edits for long names, one for short. */
	limit = strlen(word) >= 8 ? 2 : strlen(word) >= 4 ? 1 : 0;
	for (i = 0; i < n; i++) {
		size_t d = edit_distance(word, candidates[i]);

		if (d < best_distance) {
			best_distance = d;
			best = candidates[i];
		}
	}
	return best_distance <= limit ? best : NULL;
}
