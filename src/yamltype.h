/* How the AWS CLI types a plain (unquoted) YAML scalar. It loads YAML with
 * ruamel.yaml's safe loader, which follows YAML 1.2 and also resolves timestamps;
 * a `%YAML 1.1` directive switches it to the 1.1 rules. */
#ifndef CJL_YAMLTYPE_H
#define CJL_YAMLTYPE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* NODE_STRING, NODE_NULL, NODE_BOOL, NODE_INT, NODE_FLOAT or NODE_TIMESTAMP; the
 * plain scalars `=` and `<<` give NODE_OTHER (ruamel cannot construct them). */
enum node_kind yaml_resolve_plain(const char *s, size_t len, bool yaml11);

#endif
