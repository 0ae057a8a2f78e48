/* What the pipeline tests share: the built-in rules loaded per test, and linting a
 * string as a file. */
#ifndef CJL_TEST_FIXTURE_H
#define CJL_TEST_FIXTURE_H

#include "catalog.h"
#include "lint.h"
#include "shape.h"

#define ASSET "0b5d1a2c3e4f56789a0b1c2d3e4f5a6b"
#define DSET "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f"
#define REV "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"

extern struct catalog cat;
extern struct request_shape rs;
extern struct lint_config cfg;

/* Check fixtures: load the built-in rules into cat, rs and cfg; free them. */
void setup(void);
void teardown(void);

/* Lints text as test.json or test.yaml; the caller frees the result. */
struct lint_result lint_with(const struct lint_config *c, const char *text,
			     enum source_format format);
struct lint_result lint_text(const char *text, enum source_format format);
/* head + n copies of unit + tail; the caller frees it. */
char *repeated(const char *head, const char *unit, size_t n, const char *tail);

#endif
