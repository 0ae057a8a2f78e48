/* The schema engine: walks a document against the request shape, reports what
 * breaks the shape, and runs the semantic checks the shape names. */
#ifndef CJL_ENGINE_H
#define CJL_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "awscli.h"
#include "diag.h"
#include "doc.h"
#include "shape.h"
#include "source.h"
#include "walk.h"

/* The walk recurses once per level of the shape. The built-in shape is a few levels
 * deep; a --rules shape that contains itself is stopped here, well within a small
 * C stack, with a CJ007 finding. */
#define ENGINE_MAX_DEPTH 300

/* Checks a loaded document; findings are appended to `out`. `target` is the AWS CLI
 * the file is for (--aws-cli), or NULL (or not set) for none. */
void engine_check(const struct request_shape *rs, struct source *src, const struct doc *doc,
		  size_t max_visits, const struct awscli_version *target, struct diag_list *out);

#endif
