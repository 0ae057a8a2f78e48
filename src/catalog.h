/* The rule catalog (rules/catalog.yaml): ids, names, severities, texts, examples. */
#ifndef CJL_CATALOG_H
#define CJL_CATALOG_H

#include <stddef.h>

#include "diag.h"
#include "rulesfile.h"

struct rule_message {
	const char *variant;
	const char *text;
};

struct rule {
	size_t index;               /* position in the catalog */
	const char *id;             /* "CJ201" */
	const char *name;           /* "type-details-mismatch" */
	enum severity severity;     /* default */
	const char *summary;
	const char *description;
	struct rule_message *messages;
	size_t nmessages;
	const char *example_format; /* "json" or "yaml" */
	const char *example_bad;
	const char *example_good;
};

/* Strings point into the loaded file, which the catalog owns. */
struct catalog {
	struct rule *rules;
	size_t n, allocated;
	struct rulesfile file;
};

/* Loads the catalog from YAML text; returns 0, or -1 with *error set (caller frees). */
int catalog_load(struct catalog *cat, const char *path, const char *text, size_t len,
		 char **error);
int catalog_load_file(struct catalog *cat, const char *path, char **error);
/* The catalog compiled into the binary. */
int catalog_load_builtin(struct catalog *cat, char **error);
void catalog_free(struct catalog *cat);

const struct rule *catalog_find(const struct catalog *cat, const char *id);
/* The text of a message variant, or NULL when the rule has no such variant. */
const char *rule_message(const struct rule *rule, const char *variant);

#endif
