/* The semantic checks that the request shape names with `check:` (rules CJ2xx). */
#include "checks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suggest.h"
#include "util.h"

/* --- CJ201: Details carries exactly the member that Type names. ---------------- */

static void check_type_details(struct walk *w, const struct node *at, const struct node *req,
			       const struct shape *s)
{
	const struct node *type = node_deref(node_get(req, "Type"));
	const struct node *details_at = node_get(req, "Details");
	const struct node *details = node_deref(details_at);
	const char *expected;
	size_t i;

	(void)at;
	(void)s;
	if (!node_is_string(type) || !details || details->kind != NODE_MAPPING)
		return;
	expected = shape_details_for_type(w->rs, type->text);
	if (!expected)
		return; /* an unknown Type is CJ104's finding */
	walk_push_member(w, "Details");
	if (details->nmembers == 0) {
		walk_report(w, details_at, "CJ201", "empty", "type", type->text, "expected", expected,
			    NULL);
	} else if (!node_get(details, expected)) {
		bool misspelled = false;

		/* A misspelling of the expected member is already CJ102's finding. */
		for (i = 0; i < details->nmembers; i++) {
			const struct node *k = node_deref(details->members[i].key);
			const char *one[1] = { expected };

			if (node_is_string(k) && !shape_type_for_details(w->rs, k->text) &&
			    suggest(k->text, one, 1))
				misspelled = true;
		}
		if (!misspelled)
			walk_report(w, details_at, "CJ201", "missing", "type", type->text, "expected",
				    expected, NULL);
	}
	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);
		const char *other = node_is_string(k) ? shape_type_for_details(w->rs, k->text) : NULL;

		if (!other || strcmp(k->text, expected) == 0)
			continue;
		walk_push_member(w, k->text);
		walk_report(w, details->members[i].key, "CJ201", "extra", "member", k->text, "other",
			    other, "type", type->text, NULL);
		walk_pop(w);
	}
	walk_pop(w);
}

/* --- CJ202: KMS keys. ----------------------------------------------------------- */

static void check_encryption(struct walk *w, const struct node *at, const struct node *enc,
			     const struct shape *s)
{
	const struct node *type = node_deref(node_get(enc, "Type"));

	(void)s;
	if (node_is_string(type) && strcmp(type->text, "aws:kms") == 0 &&
	    !node_get(enc, "KmsKeyArn"))
		walk_report(w, at, "CJ202", "missing", NULL);
}

static bool all_of(const char *s, size_t len, const char *set)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(set, s[i]) || s[i] == '\0')
			return false;
	return true;
}

static bool is_region(const char *s, size_t len)
{
	/* Two or more lowercase words and a number: us-east-1, ap-southeast-2, us-gov-west-1. */
	size_t dashes = 0, i;

	if (len < 4 || !isdigit((unsigned char)s[len - 1]) || !islower((unsigned char)s[0]))
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dashes++;
		else if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return false;
	}
	return dashes >= 2;
}

static bool is_uuid(const char *s, size_t len)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	size_t i, pos = 0;

	if (len != 36)
		return false;
	for (i = 0; i < 5; i++) {
		if (!all_of(s + pos, (size_t)groups[i], "0123456789abcdefABCDEF"))
			return false;
		pos += (size_t)groups[i];
		if (i < 4 && s[pos++] != '-')
			return false;
	}
	return true;
}

/* Returns NULL for a valid KMS key ARN, else what is wrong with it. */
static const char *kms_arn_problem(const char *v, bool *is_alias)
{
	static const char *const partitions[] = {
		"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
	};
	const char *part[6];
	size_t plen[6], i, n = 0;
	const char *p = v, *colon;
	bool partition_ok = false;

	*is_alias = false;
	/* arn:partition:service:region:account:resource; the resource may hold ':'. */
	while (n < 5 && (colon = strchr(p, ':')) != NULL) {
		part[n] = p;
		plen[n++] = (size_t)(colon - p);
		p = colon + 1;
	}
	part[n] = p;
	plen[n++] = strlen(p);
	if (n < 6 || plen[0] != 3 || strncmp(part[0], "arn", 3) != 0)
		return "not-arn";
	for (i = 0; i < sizeof partitions / sizeof *partitions; i++)
		partition_ok |= plen[1] == strlen(partitions[i]) &&
				strncmp(part[1], partitions[i], plen[1]) == 0;
	if (!partition_ok)
		return "the partition must be aws (or aws-cn, aws-us-gov, ...)";
	if (plen[2] != 3 || strncmp(part[2], "kms", 3) != 0)
		return "the service must be kms";
	if (!is_region(part[3], plen[3]))
		return "the region is missing or malformed";
	if (plen[4] != 12 || !all_of(part[4], 12, "0123456789"))
		return "the account must be 12 digits";
	if (strncmp(part[5], "alias/", 6) == 0) {
		*is_alias = true;
		return "alias";
	}
	if (strncmp(part[5], "key/", 4) != 0)
		return "the resource must be key/<key id>";
	p = part[5] + 4;
	if (is_uuid(p, strlen(p)))
		return NULL;
	if (strncmp(p, "mrk-", 4) == 0 && strlen(p) == 36 && all_of(p + 4, 32, "0123456789abcdef"))
		return NULL;
	return "the key id must be a UUID or mrk- followed by 32 hex digits";
}

static void check_kms_key_arn(struct walk *w, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	bool is_alias;
	const char *problem;

	if (n->len == 0 && s->min >= 1)
		return; /* the shape's minimum length reports it */
	problem = kms_arn_problem(n->text, &is_alias);
	if (!problem)
		return;
	if (is_alias)
		walk_report(w, at, "CJ202", "alias", NULL);
	else if (strcmp(problem, "not-arn") == 0)
		walk_report(w, at, "CJ202", "not-arn", "value", n->text, NULL);
	else
		walk_report(w, at, "CJ202", "part", "problem", problem, NULL);
}

/* --- CJ203: MD5 digests in base64. ---------------------------------------------- */

static const char base64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int md5_is_canonical(const char *s, size_t len)
{
	/* 16 bytes are 22 base64 digits and "=="; the 22nd digit holds two data bits
	 * and four zero bits, so only A, Q, g and w can stand there. */
	return len == 24 && all_of(s, 21, base64_alphabet) && strchr("AQgw", s[21]) &&
	       s[21] != '\0' && s[22] == '=' && s[23] == '=';
}

char *md5_hex_to_base64(const char *hex, size_t len)
{
	unsigned char bytes[16];
	char out[25];
	size_t i, o = 0;

	if (len != 32 || !all_of(hex, 32, "0123456789abcdefABCDEF"))
		return NULL;
	for (i = 0; i < 16; i++) {
		char pair[3] = { hex[2 * i], hex[2 * i + 1], '\0' };

		bytes[i] = (unsigned char)strtoul(pair, NULL, 16);
	}
	for (i = 0; i + 3 <= 15; i += 3) {
		unsigned v = (unsigned)bytes[i] << 16 | (unsigned)bytes[i + 1] << 8 | bytes[i + 2];

		out[o++] = base64_alphabet[v >> 18 & 63];
		out[o++] = base64_alphabet[v >> 12 & 63];
		out[o++] = base64_alphabet[v >> 6 & 63];
		out[o++] = base64_alphabet[v & 63];
	}
	out[o++] = base64_alphabet[bytes[15] >> 2];
	out[o++] = base64_alphabet[(bytes[15] & 3) << 4];
	out[o++] = '=';
	out[o++] = '=';
	out[o] = '\0';
	return xstrdup(out);
}

static void check_md5(struct walk *w, const struct node *at, const struct node *n,
		      const struct shape *s)
{
	char *b64 = md5_hex_to_base64(n->text, n->len);
	char length[24];
	size_t chars;

	(void)s;
	if (b64) {
		struct diag *d = walk_report(w, at, "CJ203", "hex", "suggestion", b64, NULL);

		diag_set_suggestion(d, b64);
		free(b64);
		return;
	}
	if (md5_is_canonical(n->text, n->len))
		return;
	chars = utf8_count(n->text, n->len);
	snprintf(length, sizeof length, "%zu", chars);
	if (chars != 24)
		walk_report(w, at, "CJ203", "length", "length", length, NULL);
	else if (!all_of(n->text, 22, base64_alphabet))
		walk_report(w, at, "CJ203", "alphabet", NULL);
	else if (n->text[22] != '=' || n->text[23] != '=')
		walk_report(w, at, "CJ203", "padding", NULL);
	else
		walk_report(w, at, "CJ203", "noncanonical", NULL);
}

/* --- CJ204: ${...} references in KeyPattern. ------------------------------------ */

static const char *find_reference(const struct shape *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nreferences; i++)
		if (strcmp(s->references[i], name) == 0)
			return s->references[i];
	return NULL;
}

static const char *case_match(const struct shape *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nreferences; i++)
		if (strcasecmp(s->references[i], name) == 0)
			return s->references[i];
	return NULL;
}

/* The reference a misspelt name most likely meant: a case slip first. */
static const char *likely_reference(const struct shape *s, const char *name)
{
	const char *fix = case_match(s, name);

	return fix ? fix : suggest(name, s->references, s->nreferences);
}

static void report_unknown_reference(struct walk *w, const struct node *at, const struct shape *s,
				     const char *name)
{
	const char *fix = likely_reference(s, name);
	struct strbuf allowed;
	struct diag *d;
	size_t i;

	if (fix) {
		char *replacement = xasprintf("${%s}", fix);

		d = walk_report(w, at, "CJ204", case_match(s, name) ? "case" : "suggest", "name",
				name, "suggestion", fix, NULL);
		diag_set_suggestion(d, replacement);
		free(replacement);
		return;
	}
	sb_init(&allowed);
	for (i = 0; i < s->nreferences; i++)
		sb_addf(&allowed, "%s${%s}", i ? ", " : "", s->references[i]);
	walk_report(w, at, "CJ204", "unknown", "name", name, "allowed", allowed.buf, NULL);
	sb_free(&allowed);
}

static void check_key_pattern(struct walk *w, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	const char *p = n->text, *end = n->text + n->len;
	bool per_asset = false;

	while ((p = strstr(p, "${")) != NULL && p < end) {
		const char *close = memchr(p + 2, '}', (size_t)(end - p - 2));
		const char *fix;
		char *name;

		if (!close) {
			walk_report(w, at, "CJ204", "unterminated", NULL);
			return;
		}
		name = xstrndup(p + 2, (size_t)(close - p - 2));
		if (!*name)
			walk_report(w, at, "CJ204", "empty", NULL);
		else if (!find_reference(s, name))
			report_unknown_reference(w, at, s, name);
		/* A misspelt per-asset reference already has its own finding. */
		if (*name && (fix = likely_reference(s, name)) != NULL &&
		    (strcmp(fix, "Asset.Id") == 0 || strcmp(fix, "Asset.Name") == 0))
			per_asset = true;
		free(name);
		p = close + 1;
	}
	if (!per_asset)
		walk_report(w, at, "CJ204", "no-asset", NULL);
}

/* --------------------------------------------------------------------------------- */

typedef void check_fn(struct walk *w, const struct node *at, const struct node *n,
		      const struct shape *s);

static const struct {
	const char *name;
	check_fn *run;
} check_table[] = {
	{ "type-details", check_type_details },
	{ "encryption", check_encryption },
	{ "kms-key-arn", check_kms_key_arn },
	{ "md5", check_md5 },
	{ "key-pattern", check_key_pattern },
};

bool checks_exists(const char *check)
{
	size_t i;

	for (i = 0; i < sizeof check_table / sizeof *check_table; i++)
		if (strcmp(check_table[i].name, check) == 0)
			return true;
	return false;
}

void checks_run(struct walk *w, const char *check, const struct node *at, const struct node *n,
		const struct shape *s)
{
	size_t i;

	for (i = 0; i < sizeof check_table / sizeof *check_table; i++)
		if (strcmp(check_table[i].name, check) == 0)
			check_table[i].run(w, at, n, s);
}
