/* Plain words for YAML errors new users meet, found in the bytes around where
 * libyaml stopped: a tab used for indentation, and an unquoted value that starts
 * with { or [ and so is read as a flow collection. */
#ifndef CJL_YAML_HINTS_H
#define CJL_YAML_HINTS_H

#include <stdbool.h>
#include <stddef.h>

/* True when bytes[at] is a tab inside the indentation of its line (only spaces
 * and tabs before it on that line). */
bool yaml_hints_tab_indent(const char *bytes, size_t len, size_t at);
/* When the error at `at` follows a flow collection that opens a plain value
 * (`KeyPattern: {Revision.CreatedAt}/x`), the offset of its opening bracket;
 * else (size_t)-1. */
size_t yaml_hints_flow_value(const char *bytes, size_t len, size_t at);

#endif
