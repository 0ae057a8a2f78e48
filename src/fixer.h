/* The fixer: applies the fixes that one file's findings carry to the file's bytes,
 * one pass at a time; lint.c repeats passes and re-lints until nothing changes. */
#ifndef CJL_FIXER_H
#define CJL_FIXER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum fix_mode {
	FIX_NONE,                 /* report fixes, apply none */
	FIX_SAFE,                 /* --fix */
	FIX_UNSAFE                /* --fix --unsafe-fixes */
};

/* Passes over one file before the fixer gives up on fixes that keep conflicting. */
#define FIXER_MAX_PASSES 10

/* True when the finding has a fix that `mode` applies. */
bool fixer_applies(const struct diag *d, enum fix_mode mode);
/* True when a finding says the tree is not what the file means (a syntax error, an
 * undecodable byte, a limit that cut the tree): such a file is never changed. */
bool fixer_distrusts(const struct diag *d);
/* One pass: the fixes `mode` applies, in source order, each whole or not at all; a
 * fix whose edits overlap one taken already waits for the next pass. Returns the
 * new bytes (NUL-terminated; caller frees) with *out_len and *applied set, or NULL
 * when no fix was applied. */
char *fixer_apply_pass(const char *bytes, size_t len, const struct diag_list *diags,
		       enum fix_mode mode, size_t *out_len, size_t *applied);

#endif
