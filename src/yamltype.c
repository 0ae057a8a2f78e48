/* Plain-scalar typing as ruamel.yaml's resolver does it (VersionedResolver). Like
 * ruamel, each pattern is tried only when the first character could start it. */
#include "yamltype.h"

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

enum node_kind yaml_resolve_plain(const char *s, size_t len, bool yaml11)
{
	const struct resolver *rules = yaml11 ? rules_11 : rules_12;
	size_t n = yaml11 ? sizeof rules_11 / sizeof *rules_11 : sizeof rules_12 / sizeof *rules_12;
	size_t i;

	if (len == 0)
		return NODE_NULL;
	for (i = 0; i < n; i++) {
		if (s[0] == '\0' || !strchr(rules[i].first, s[0]))
			continue;
		if (pattern_match(rules[i].regex, s, len, NULL) == 1)
			return rules[i].kind;
	}
	return NODE_STRING;
}
