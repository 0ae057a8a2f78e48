/* Plain-scalar typing as ruamel.yaml's resolver does it (VersionedResolver). Like
 * ruamel, each pattern is tried only when the first character could start it. */
#include "yamltype.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"

struct resolver {
	enum node_kind kind;
	const char *first;   /* characters that may start a match */
	const char *regex;
};

static const struct resolver rules_12[] = {
	{ NODE_BOOL, "tTfF", "true|True|TRUE|false|False|FALSE" },
	{ NODE_FLOAT, "-+0123456789.",
	  "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
	  "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
	  "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
	  "|[-+]?\\.(?:inf|Inf|INF)"
	  "|\\.(?:nan|NaN|NAN)" },
	{ NODE_INT, "-+0123456789",
	  "[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+" },
	{ NODE_NULL, "~nN", "~|null|Null|NULL" },
	{ NODE_TIMESTAMP, "0123456789",
	  "[0-9]{4}-[0-9]{2}-[0-9]{2}"
	  "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
	  "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?" },
	{ NODE_OTHER, "=<", "=|<<" },
};

static const struct resolver rules_11[] = {
	{ NODE_BOOL, "yYnNtTfFoO",
	  "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF" },
	{ NODE_FLOAT, "-+0123456789.",
	  "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
	  "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
	  "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
	  "|[-+]?\\.(?:inf|Inf|INF)"
	  "|\\.(?:nan|NaN|NAN)" },
	{ NODE_INT, "-+0123456789",
	  "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
	  "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+" },
	{ NODE_NULL, "~nN", "~|null|Null|NULL" },
	{ NODE_TIMESTAMP, "0123456789",
	  "[0-9]{4}-[0-9]{2}-[0-9]{2}"
	  "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
	  "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?" },
	{ NODE_OTHER, "=<", "=|<<" },
};

#define NRESOLVERS (sizeof rules_12 / sizeof *rules_12)
_Static_assert(sizeof rules_11 / sizeof *rules_11 == NRESOLVERS, "one resolver per kind in each");

/* The resolvers' regexes, compiled on first use and then only read: fixed text,
 * the same for every file and thread, so compiled once per process. */
static struct pattern *compiled_12[NRESOLVERS], *compiled_11[NRESOLVERS];
static bool resolvers_ready;
static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;

static void compile_table(const struct resolver *rules, struct pattern **out)
{
	size_t i;
	char *error = NULL;

	for (i = 0; i < NRESOLVERS; i++) {
		out[i] = pattern_compile(rules[i].regex, &error);
		if (!out[i]) {
			/* Fixed, tested text: only an exhausted allocator gets here. */
			fprintf(stderr, "createjob-lint: %s\n", error);
			abort();
		}
	}
}

static void compile_all(void)
{
	if (__atomic_load_n(&resolvers_ready, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&compile_lock);
	if (!resolvers_ready) {
		compile_table(rules_12, compiled_12);
		compile_table(rules_11, compiled_11);
		__atomic_store_n(&resolvers_ready, true, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&compile_lock);
}

enum node_kind yaml_resolve_plain(const char *s, size_t len, bool yaml11)
{
	const struct resolver *rules = yaml11 ? rules_11 : rules_12;
	struct pattern *const *compiled = yaml11 ? compiled_11 : compiled_12;
	size_t i;

	if (len == 0)
		return NODE_NULL;
	compile_all();
	for (i = 0; i < NRESOLVERS; i++) {
		if (s[0] == '\0' || !strchr(rules[i].first, s[0]))
			continue;
		/* These regexes do not backtrack far on a plain scalar (at most 1 MiB),
		 * so only an exhausted allocator can fail a match; the value is then
		 * left a string, as if it had no other reading. */
		if (pattern_match(compiled[i], s, len, NULL) == 1)
			return rules[i].kind;
	}
	return NODE_STRING;
}

void yamltype_cleanup(void)
{
	size_t i;

	pthread_mutex_lock(&compile_lock);
	for (i = 0; i < NRESOLVERS; i++) {
		pattern_free(compiled_12[i]);
		pattern_free(compiled_11[i]);
		compiled_12[i] = compiled_11[i] = NULL;
	}
	__atomic_store_n(&resolvers_ready, false, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&compile_lock);
}
