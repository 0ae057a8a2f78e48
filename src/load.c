/* Picks the loader for a source after the checks every format shares. */
#include "load.h"

#include <stdio.h>

#include "util.h"

struct doc *load_document(struct source *src, const struct load_limits *limits,
			  struct diag_list *out)
{
	size_t bad = utf8_first_invalid(src->bytes, src->len);

	if (bad < src->len) {
		char byte[8];

		/* The CLI decodes the whole file as UTF-8 before parsing, so nothing loads. */
		snprintf(byte, sizeof byte, "0x%02X", (unsigned char)src->bytes[bad]);
		diag_add(out, CJ002_INVALID_UTF8, bad, bad + 1, "", DIAG_ARGS({ "byte", byte }));
		return doc_new();
	}
	return src->format == SOURCE_JSON ? load_json(src, limits, out)
					  : load_yaml(src, limits, out);
}
