/* S3 checks: bucket names (CJ205, CJ206), object keys (CJ207, CJ208), the size of
 * an S3 data access share (CJ215) and export key collisions (CJ220). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks_impl.h"
#include "doc.h"
#include "shape.h"
#include "util.h"

#define S3_KEY_MAX_BYTES 1024
/* AWS's sample code for S3 data access allows at most 5 keys and prefixes in all;
 * no service document confirms it, hence a warning (CJ215). */
#define S3_DATA_ACCESS_MAX_LOCATIONS 5

/* --- Buckets. ---------------------------------------------------------------- */

/* For s3://bucket/..., arn:aws:s3:::bucket/... and bucket/prefix: the bare name. */
static char *bare_bucket(const char *v, enum rule_msg *msg)
{
	const char *start = v, *slash;

	if (strncmp(v, "s3://", 5) == 0) {
		*msg = CJ205_URI;
		start = v + 5;
	} else if (strncmp(v, "arn:", 4) == 0 && strstr(v, ":s3:::")) {
		*msg = CJ205_ARN;
		start = strstr(v, ":s3:::") + 6;
	} else if (strchr(v, '/')) {
		*msg = CJ205_PATH;
	} else {
		return NULL;
	}
	while (*start == '/')
		start++;
	slash = strchr(start, '/');
	return xstrndup(start, slash ? (size_t)(slash - start) : strlen(start));
}

static bool is_ip_address(const char *v)
{
	int parts = 0;

	while (*v) {
		size_t digits = strspn(v, "0123456789");

		if (digits == 0 || digits > 3)
			return false;
		parts++;
		v += digits;
		if (*v == '.')
			v++;
		else if (*v)
			return false;
	}
	return parts == 4;
}

static const char *reserved_affix(const char *v)
{
	static const char *const prefixes[] = { "xn--", "sthree-", "amzn-s3-demo-" };
	static const char *const suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" };
	size_t i;

	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncmp(v, prefixes[i], strlen(prefixes[i])) == 0)
			return prefixes[i];
	for (i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
		if (str_has_suffix(v, suffixes[i]))
			return suffixes[i];
	return NULL;
}

/* The general purpose bucket naming rules; false when the name keeps them. Uppercase
 * letters, '_' and 64 to 255 characters are left to the legacy check. */
static bool has_bad_char(const char *v, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)v[i]) && !strchr(".-_", v[i]))
			return true;
	return false;
}

static bool bucket_problem(const char *v, size_t len, enum rule_msg *msg, const char **affix)
{
	*affix = NULL;
	if (len == 0)
		*msg = CJ205_EMPTY;
	else if (len < 3)
		*msg = CJ205_SHORT;
	else if (len > 255)
		*msg = CJ205_LONG;
	else if (has_bad_char(v, len))
		*msg = CJ205_CHARS;
	else if (!isalnum((unsigned char)v[0]) || !isalnum((unsigned char)v[len - 1]))
		*msg = CJ205_ENDS;
	else if (strstr(v, ".."))
		*msg = CJ205_DOTS;
	else if (is_ip_address(v))
		*msg = CJ205_IP;
	else if ((*affix = reserved_affix(v)) != NULL)
		*msg = CJ205_RESERVED;
	else
		return false;
	return true;
}

/* The bucket name for s3://, ARN or path forms: unsafe, since what the user meant
 * the rest of the value for (a prefix, a key) is lost, which the description says. */
static void offer_bare_bucket(struct check_ctx *c, struct diag *d, const struct node *at,
			      const struct node *n, const char *bare)
{
	const char *rest = strstr(n->text, bare) + strlen(bare);
	const char *affix;
	enum rule_msg msg;

	if (bucket_problem(bare, strlen(bare), &msg, &affix))
		return; /* the name itself would be the next finding */
	while (*rest == '/')
		rest++;
	check_fix_replace(c, d, at, bare, false,
			  *rest ? "keep only the bucket name; the path after it is dropped"
				: "keep only the bucket name");
}

void check_bucket(struct check_ctx *c, const struct node *at, const struct node *n,
		  const struct shape *s)
{
	const char *affix;
	enum rule_msg msg;
	char *bare = bare_bucket(n->text, &msg);
	size_t i;

	(void)s;
	if (bare && !*bare) {
		free(bare); /* nothing usable to suggest: judge the name as written */
		bare = NULL;
	}
	if (bare) {
		struct diag *d = check_report(c, at, msg, DIAG_ARGS({ "suggestion", bare }));

		diag_set_suggestion(d, bare);
		offer_bare_bucket(c, d, at, n, bare);
		free(bare);
		return;
	}
	if (bucket_problem(n->text, n->len, &msg, &affix)) {
		check_report(c, at, msg, DIAG_ARGS({ "affix", affix }));
		return;
	}
	for (i = 0; i < n->len; i++)
		if (isupper((unsigned char)n->text[i]) || n->text[i] == '_')
			break;
	if (i < n->len || n->len > 63)
		check_report(c, at, CJ206_DEFAULT, DIAG_NO_ARGS);
}

/* --- Object keys. ------------------------------------------------------------ */

/* CJ208: what makes a key or prefix look like a path or URL pasted in. */
static void check_key_style(struct check_ctx *c, const struct node *at, const struct node *n)
{
	if (n->text[0] == '/')
		check_report(c, at, CJ208_LEADING_SLASH, DIAG_NO_ARGS);
	else if (strstr(n->text, "s3://"))
		check_report(c, at, CJ208_URI, DIAG_NO_ARGS);
	else if (n->len && isspace((unsigned char)n->text[n->len - 1]))
		check_report(c, at, CJ208_TRAILING_SPACE, DIAG_NO_ARGS);
}

static bool key_too_long(struct check_ctx *c, const struct node *at, const struct node *n)
{
	char bytes[24];

	if (n->len <= S3_KEY_MAX_BYTES)
		return false;
	snprintf(bytes, sizeof bytes, "%zu", n->len);
	check_report(c, at, CJ207_LONG, DIAG_ARGS({ "bytes", bytes }));
	return true;
}

void check_s3_key(struct check_ctx *c, const struct node *at, const struct node *n,
		  const struct shape *s)
{
	(void)s;
	if (n->len == 0)
		check_report(c, at, CJ207_EMPTY, DIAG_NO_ARGS);
	else if (!key_too_long(c, at, n))
		check_key_style(c, at, n);
}

void check_s3_key_prefix(struct check_ctx *c, const struct node *at, const struct node *n,
			 const struct shape *s)
{
	(void)s;
	if (n->len && !key_too_long(c, at, n))
		check_key_style(c, at, n);
}

/* --- S3 data access and export destinations. -------------------------------------- */

void check_s3_data_access(struct check_ctx *c, const struct node *at, const struct node *src,
			  const struct shape *s)
{
	const struct node *keys = node_deref(node_get(src, "Keys"));
	const struct node *prefixes = node_deref(node_get(src, "KeyPrefixes"));
	size_t total = 0;
	char count[24], limit[24];

	(void)s;
	if (keys && keys->kind == NODE_SEQUENCE)
		total += keys->nitems;
	if (prefixes && prefixes->kind == NODE_SEQUENCE)
		total += prefixes->nitems;
	if (total <= S3_DATA_ACCESS_MAX_LOCATIONS)
		return;
	snprintf(count, sizeof count, "%zu", total);
	snprintf(limit, sizeof limit, "%d", S3_DATA_ACCESS_MAX_LOCATIONS);
	check_report(c, at, CJ215_LOCATIONS, DIAG_ARGS({ "count", count }, { "quota", limit }));
}

static const char *string_member(const struct node *map, const char *key)
{
	const struct node *v = node_deref(node_get(map, key));

	return node_is_string(v) ? v->text : NULL;
}

struct bucket_entry {
	const char *bucket;
	size_t index;
};

static int compare_bucket_entries(const void *a, const void *b)
{
	const struct bucket_entry *x = a, *y = b;
	int c = strcmp(x->bucket, y->bucket);

	return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

/* For each destination, whether an earlier one names the same bucket: found by
 * sorting, so that a long list costs n log n. Caller frees. */
static bool *bucket_seen_before(const struct node *list)
{
	struct bucket_entry *e = xcalloc(list->nitems ? list->nitems : 1, sizeof *e);
	bool *seen = xcalloc(list->nitems ? list->nitems : 1, sizeof *seen);
	size_t i, n = 0;

	for (i = 0; i < list->nitems; i++) {
		const char *bucket = string_member(node_deref(list->items[i]), "Bucket");

		if (bucket) {
			e[n].bucket = bucket;
			e[n++].index = i;
		}
	}
	if (n > 1)
		qsort(e, n, sizeof *e, compare_bucket_entries);
	for (i = 1; i < n; i++)
		if (strcmp(e[i].bucket, e[i - 1].bucket) == 0)
			seen[e[i].index] = true;
	free(e);
	return seen;
}

/* CJ220: revisions exported to one bucket overwrite each other unless each key
 * names its revision. An absent KeyPattern means ${Asset.Name}. A list over a
 * quota of one per job is CJ214's finding: split up, no two entries meet. */
void check_revision_destinations(struct check_ctx *c, const struct node *at, const struct node *req,
				 const struct shape *s)
{
	const struct node *list = node_deref(node_get(req, "RevisionDestinations"));
	const struct shape_member *m = shape_member(s, "RevisionDestinations");
	bool *seen;
	size_t i;

	(void)at;
	if (!list || list->kind != NODE_SEQUENCE ||
	    (m && shape_one_entry_per_job(m->shape, list->nitems)))
		return;
	seen = bucket_seen_before(list);
	for (i = 1; i < list->nitems; i++) {
		const struct node *entry = node_deref(list->items[i]);
		const char *bucket = string_member(entry, "Bucket");
		const char *pattern = string_member(entry, "KeyPattern");
		const struct node *place = node_get(entry, "KeyPattern");

		/* A KeyPattern that is not a string has its own finding (CJ103, CJ004). */
		if (!bucket || (pattern && strstr(pattern, "${Revision.Id}")) || !seen[i] ||
		    (place && !pattern))
			continue;
		check_enter(c, "RevisionDestinations");
		check_enter_index(c, i);
		if (place)
			check_enter(c, "KeyPattern");
		check_report(c, place ? place : list->items[i], CJ220_DEFAULT,
			    DIAG_ARGS({ "bucket", bucket }));
		if (place)
			check_leave(c);
		check_leave(c);
		check_leave(c);
	}
	free(seen);
}
