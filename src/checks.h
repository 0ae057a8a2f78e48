/* The semantic checks that the request shape names with `check:` (rules CJ2xx and
 * CJ3xx), found by name once, when a shape is loaded. Each receives the node and
 * its shape during the schema walk and only reports. */
#ifndef CJL_CHECKS_H
#define CJL_CHECKS_H

#include <stddef.h>

struct node;
struct shape;
struct walk;

/* `at` is the node as written (maybe an alias), `n` the value, `s` its shape. */
typedef void check_fn(struct walk *w, const struct node *at, const struct node *n,
		      const struct shape *s);

/* The check named `name` ("md5"), or NULL when this build has none. */
check_fn *checks_find(const char *name);

/* Exposed for unit tests. 1 when s is a canonical base64 MD5 digest. */
int md5_is_canonical(const char *s, size_t len);
/* Base64 of the 16 bytes a 32-digit hex string encodes; caller frees; NULL if not hex. */
char *md5_hex_to_base64(const char *hex, size_t len);

#endif
