/* The semantic checks that the request shape names with `check:` (rules CJ2xx).
 * Each receives the node and its shape during the schema walk and only reports. */
#ifndef CJL_CHECKS_H
#define CJL_CHECKS_H

#include <stdbool.h>

#include "engine.h"

/* `at` is the node as written (maybe an alias), `n` the value it stands for. */
void checks_run(struct walk *w, const char *check, const struct node *at, const struct node *n,
		const struct shape *s);

/* True when `check` names a check this build has (used to validate rules data). */
bool checks_exists(const char *check);

/* Exposed for unit tests. 1 when s is a canonical base64 MD5 digest. */
int md5_is_canonical(const char *s, size_t len);
/* Base64 of the 16 bytes a 32-digit hex string encodes; caller frees; NULL if not hex. */
char *md5_hex_to_base64(const char *hex, size_t len);

#endif
