/* Loaders: JSON (json-c) and YAML (libyaml) into the one document tree.
 * Problems in the text become findings in `out`; the tree holds what could be read. */
#ifndef CJL_LOAD_H
#define CJL_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "source.h"

struct load_limits {
	unsigned max_depth;   /* nesting of mappings and lists */
	size_t max_nodes;     /* nodes in one document, aliases counted once */
};

#define LOAD_DEFAULT_DEPTH 256
#define LOAD_DEFAULT_NODES 1000000

/* Returns a document (never NULL); its root is NULL when nothing usable was read. */
struct doc *load_document(struct source *src, const struct load_limits *limits,
			  struct diag_list *out);
struct doc *load_json(struct source *src, const struct load_limits *limits,
		      struct diag_list *out);
struct doc *load_yaml(struct source *src, const struct load_limits *limits,
		      struct diag_list *out);

#endif
