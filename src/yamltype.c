/* Plain-scalar typing as ruamel.yaml's resolver does it (VersionedResolver): each
 * reading is tried in ruamel's order, and only when the first character could start
 * it. ruamel's readings are regular expressions matched against the whole scalar;
 * each is written out here as a small scanner, so typing needs no compiled state and
 * takes time linear in the scalar. The regular expression each function implements
 * is quoted above it. */
#include "yamltype.h"

#include <string.h>

/* A cursor over the scalar; every reading must consume it to the end. */
struct scan {
	const char *p, *end;
};

static bool at_end(const struct scan *sc)
{
	return sc->p == sc->end;
}

static bool eat(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

static bool eat_one_of(struct scan *sc, const char *set)
{
	if (sc->p < sc->end && *sc->p != '\0' && strchr(set, *sc->p)) {
		sc->p++;
		return true;
	}
	return false;
}

/* Consumes the longest run of characters from `set`; returns its length. */
static size_t eat_run(struct scan *sc, const char *set)
{
	const char *start = sc->p;

	while (eat_one_of(sc, set))
		;
	return (size_t)(sc->p - start);
}

#define DIGITS "0123456789"
#define DIGITS_ "0123456789_"

/* True when the scalar is one of the NULL-terminated words. */
static bool one_of_words(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == len && memcmp(*words, s, len) == 0)
			return true;
	return false;
}

/* [-+]? then `rest` of the scalar. */
static struct scan after_sign(const char *s, size_t len)
{
	struct scan sc = { s, s + len };

	eat_one_of(&sc, "-+");
	return sc;
}

/* PREFIX[set]+ to the end, e.g. 0x[0-9a-fA-F_]+. */
static bool prefixed_run(struct scan sc, const char *prefix, const char *set)
{
	for (; *prefix; prefix++)
		if (!eat(&sc, *prefix))
			return false;
	return eat_run(&sc, set) > 0 && at_end(&sc);
}

/* [eE][-+]?[0-9]+ (sign_required: [eE][-+][0-9]+), optional, then the end. */
static bool exponent_then_end(struct scan sc, bool sign_required)
{
	if (eat_one_of(&sc, "eE")) {
		if (!eat_one_of(&sc, "-+") && sign_required)
			return false;
		if (eat_run(&sc, DIGITS) == 0)
			return false;
	}
	return at_end(&sc);
}

/* (?::[0-5]?[0-9])+ : base-60 parts; at least one. */
static bool sexagesimal_parts(struct scan *sc)
{
	size_t parts = 0;

	while (eat(sc, ':')) {
		if (sc->p < sc->end && *sc->p >= '0' && *sc->p <= '5' &&
		    sc->p + 1 < sc->end && sc->p[1] >= '0' && sc->p[1] <= '9')
			sc->p += 2;
		else if (!eat_one_of(sc, DIGITS))
			return false;
		parts++;
	}
	return parts > 0;
}

/* \.(?:inf|Inf|INF) after an optional sign, or \.(?:nan|NaN|NAN) without one. */
static bool inf_or_nan(const char *s, size_t len)
{
	static const char *const infs[] = { ".inf", ".Inf", ".INF", NULL };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
	struct scan sc = after_sign(s, len);

	return one_of_words(sc.p, (size_t)(sc.end - sc.p), infs) || one_of_words(s, len, nans);
}

/* [0-9][0-9_]* */
static bool integer_part(struct scan *sc)
{
	if (!eat_one_of(sc, DIGITS))
		return false;
	eat_run(sc, DIGITS_);
	return true;
}

/* [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE]EXP)? */
static bool decimal_point_float(const char *s, size_t len, bool exp_sign_required)
{
	struct scan sc = after_sign(s, len);

	if (!integer_part(&sc) || !eat(&sc, '.'))
		return false;
	eat_run(&sc, DIGITS_);
	return exponent_then_end(sc, exp_sign_required);
}

/* \.[0-9_]+(?:[eE][-+][0-9]+)? after an optional sign (YAML 1.2) or none (1.1). */
static bool leading_point_float(const char *s, size_t len, bool signed_ok)
{
	struct scan sc = signed_ok ? after_sign(s, len) : (struct scan){ s, s + len };

	return eat(&sc, '.') && eat_run(&sc, DIGITS_) > 0 && exponent_then_end(sc, true);
}

/* YAML 1.2:
 *   [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
 *   |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
 *   |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
 *   |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN) */
static bool float_12(const char *s, size_t len)
{
	struct scan sc = after_sign(s, len);

	if (decimal_point_float(s, len, false) || leading_point_float(s, len, true) ||
	    inf_or_nan(s, len))
		return true;
	return integer_part(&sc) && sc.p < sc.end && (*sc.p == 'e' || *sc.p == 'E') && exponent_then_end(sc, false);
}

/* YAML 1.1:
 *   [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
 *   |\.[0-9_]+(?:[eE][-+][0-9]+)?
 *   |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
 *   |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN) */
static bool float_11(const char *s, size_t len)
{
	struct scan sc = after_sign(s, len);

	if (decimal_point_float(s, len, true) || leading_point_float(s, len, false) ||
	    inf_or_nan(s, len))
		return true;
	if (!integer_part(&sc) || !sexagesimal_parts(&sc) || !eat(&sc, '.'))
		return false;
	eat_run(&sc, DIGITS_);
	return at_end(&sc);
}

/* YAML 1.2: [-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+ */
static bool int_12(const char *s, size_t len)
{
	struct scan sc = after_sign(s, len);

	return prefixed_run(sc, "0b", "01_") || prefixed_run(sc, "0o", "01234567_") ||
	       prefixed_run(sc, "0x", "0123456789abcdefABCDEF_") || prefixed_run(sc, "", DIGITS_);
}

/* YAML 1.1: [-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+
 *           |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+ */
static bool int_11(const char *s, size_t len)
{
	struct scan sc = after_sign(s, len);
	struct scan decimal = sc;

	if (prefixed_run(sc, "0b", "01_") || prefixed_run(sc, "0", "01234567_") ||
	    prefixed_run(sc, "0x", "0123456789abcdefABCDEF_"))
		return true;
	if (eat(&decimal, '0'))
		return at_end(&decimal);
	if (!eat_one_of(&decimal, "123456789"))
		return false;
	eat_run(&decimal, DIGITS_);
	return at_end(&decimal) || (sexagesimal_parts(&decimal) && at_end(&decimal));
}

/* Between min and max digits; false when there are fewer. */
static bool digits(struct scan *sc, size_t min, size_t max)
{
	size_t n = 0;

	while (n < max && eat_one_of(sc, DIGITS))
		n++;
	return n >= min;
}

/* [0-9]{4}-[0-9]{2}-[0-9]{2}
 * |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}
 *  (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))? */
static bool timestamp(const char *s, size_t len)
{
	struct scan sc = { s, s + len };

	if (!digits(&sc, 4, 4) || !eat(&sc, '-') || !digits(&sc, 1, 2) || !eat(&sc, '-') ||
	    !digits(&sc, 1, 2))
		return false;
	if (at_end(&sc))
		return len == 10; /* the date alone: two-digit month and day */
	if (!eat_one_of(&sc, "Tt") && eat_run(&sc, " \t") == 0)
		return false;
	if (!digits(&sc, 1, 2) || !eat(&sc, ':') || !digits(&sc, 2, 2) || !eat(&sc, ':') ||
	    !digits(&sc, 2, 2))
		return false;
	if (eat(&sc, '.'))
		eat_run(&sc, DIGITS);
	if (at_end(&sc))
		return true;
	eat_run(&sc, " \t");
	if (eat(&sc, 'Z'))
		return at_end(&sc);
	if (!eat_one_of(&sc, "-+") || !digits(&sc, 1, 2))
		return false;
	if (eat(&sc, ':') && !digits(&sc, 2, 2))
		return false;
	return at_end(&sc);
}

static bool bool_12(const char *s, size_t len)
{
	static const char *const words[] = { "true", "True", "TRUE", "false", "False", "FALSE",
					     NULL };

	return one_of_words(s, len, words);
}

static bool bool_11(const char *s, size_t len)
{
	static const char *const words[] = {
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
		"false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", NULL
	};

	return one_of_words(s, len, words);
}

static bool null_word(const char *s, size_t len)
{
	static const char *const words[] = { "~", "null", "Null", "NULL", NULL };

	return one_of_words(s, len, words);
}

/* `=` and `<<`: ruamel resolves them to tags it cannot construct. */
static bool value_or_merge(const char *s, size_t len)
{
	static const char *const words[] = { "=", "<<", NULL };

	return one_of_words(s, len, words);
}

struct resolver {
	enum node_kind kind;
	const char *first;   /* characters that may start a match */
	bool (*matches)(const char *s, size_t len);
};

static const struct resolver rules_12[] = {
	{ NODE_BOOL, "tTfF", bool_12 },
	{ NODE_FLOAT, "-+0123456789.", float_12 },
	{ NODE_INT, "-+0123456789", int_12 },
	{ NODE_NULL, "~nN", null_word },
	{ NODE_TIMESTAMP, "0123456789", timestamp },
	{ NODE_OTHER, "=<", value_or_merge },
};

static const struct resolver rules_11[] = {
	{ NODE_BOOL, "yYnNtTfFoO", bool_11 },
	{ NODE_FLOAT, "-+0123456789.", float_11 },
	{ NODE_INT, "-+0123456789", int_11 },
	{ NODE_NULL, "~nN", null_word },
	{ NODE_TIMESTAMP, "0123456789", timestamp },
	{ NODE_OTHER, "=<", value_or_merge },
};

#define NRESOLVERS (sizeof rules_12 / sizeof *rules_12)
_Static_assert(sizeof rules_11 / sizeof *rules_11 == NRESOLVERS, "one resolver per kind in each");

enum node_kind yaml_resolve_plain(const char *s, size_t len, bool yaml11)
{
	const struct resolver *rules = yaml11 ? rules_11 : rules_12;
	size_t i;

	if (len == 0)
		return NODE_NULL;
	for (i = 0; i < NRESOLVERS; i++)
		if (s[0] != '\0' && strchr(rules[i].first, s[0]) && rules[i].matches(s, len))
			return rules[i].kind;
	return NODE_STRING;
}
