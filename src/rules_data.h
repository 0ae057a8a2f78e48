/* The files of rules/, compiled in by src/embed.sh. */
#ifndef CJL_RULES_DATA_H
#define CJL_RULES_DATA_H

#include <stddef.h>

extern const char rules_catalog_yaml[];
extern const size_t rules_catalog_yaml_len;
extern const char rules_shape_yaml[];
extern const size_t rules_shape_yaml_len;

#endif
