/* "Did you mean": the closest candidate to a misspelled name or value. */
#ifndef CJL_SUGGEST_H
#define CJL_SUGGEST_H

#include <stddef.h>

/* The candidate closest to `word`, or NULL when none is close enough. Names that
 * differ only in case, '_' or '-' match first (dataSetId, data_set_id -> DataSetId);
 * otherwise the edit distance must be small for the word's length. */
const char *suggest(const char *word, const char *const *candidates, size_t n);
size_t edit_distance(const char *a, const char *b);

#endif
