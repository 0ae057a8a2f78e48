/* ARN checks: KMS keys (CJ202) and encryption (CJ212), partitions (CJ209),
 * Redshift datashares (CJ210) and IAM roles (CJ211). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks_impl.h"
#include "doc.h"
#include "shape.h"
#include "util.h"

/* --- ARNs: CJ202 KMS keys, CJ209 partitions, CJ210 datashares, CJ211 roles. ------- */

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

/* arn:partition:service:region:account:resource, the resource keeping its ':'s. */
struct arn {
	const char *part[6];
	size_t len[6];
};

static bool arn_split(const char *v, struct arn *a)
{
	const char *p = v, *colon;
	size_t n = 0;

	while (n < 5 && (colon = strchr(p, ':')) != NULL) {
		a->part[n] = p;
		a->len[n++] = (size_t)(colon - p);
		p = colon + 1;
	}
	a->part[n] = p;
	a->len[n++] = strlen(p);
	return n == 6 && a->len[0] == 3 && strncmp(a->part[0], "arn", 3) == 0;
}

static bool arn_is(const struct arn *a, int i, const char *text)
{
	return a->len[i] == strlen(text) && strncmp(a->part[i], text, a->len[i]) == 0;
}

static bool known_partition(const struct arn *a)
{
	static const char *const partitions[] = {
		"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
	};
	size_t i;

	for (i = 0; i < sizeof partitions / sizeof *partitions; i++)
		if (arn_is(a, 1, partitions[i]))
			return true;
	return false;
}

static bool is_account(const struct arn *a)
{
	return a->len[4] == 12 && all_of(a->part[4], 12, "0123456789");
}

/* CJ209: Data Exchange runs only in the aws partition. */
static void report_partition(struct check_ctx *c, const struct node *at, const struct arn *a)
{
	char partition[32];

	if (arn_is(a, 1, "aws"))
		return;
	snprintf(partition, sizeof partition, "%.*s", (int)(a->len[1] < 31 ? a->len[1] : 31),
		 a->part[1]);
	check_report(c, at, CJ209_DEFAULT, DIAG_ARGS({ "partition", partition }));
}

/* Every defect of an ARN, in the order of its parts, so that one message names
 * them all rather than the first. */
struct arn_problems {
	const char *what[8];
	size_t n;
};

static void problem_if(struct arn_problems *p, bool defect, const char *what)
{
	if (defect && p->n < sizeof p->what / sizeof *p->what)
		p->what[p->n++] = what;
}

/* "A; B; C" in buf. */
static const char *problems_text(const struct arn_problems *p, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < p->n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i ? "; " : "", p->what[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

static bool is_kms_key_id(const char *key)
{
	size_t len = strlen(key);

	return is_uuid(key, len) ||
	       (strncmp(key, "mrk-", 4) == 0 && len == 36 && all_of(key + 4, 32, "0123456789abcdef"));
}

/* The defects of a KMS key ARN; *alias is set when its resource is an alias. */
static void kms_arn_problems(const struct arn *a, struct arn_problems *p, bool *alias)
{
	const char *res = a->part[5];

	problem_if(p, !known_partition(a), "the partition must be aws (or aws-cn, aws-us-gov, ...)");
	problem_if(p, !arn_is(a, 2, "kms"), "the service must be kms");
	problem_if(p, !is_region(a->part[3], a->len[3]), "the region is missing or malformed");
	problem_if(p, !is_account(a), "the account must be 12 digits");
	*alias = strncmp(res, "alias/", 6) == 0;
	if (*alias)
		return;
	if (strncmp(res, "key/", 4) != 0)
		problem_if(p, true, "the resource must be key/<key id>");
	else
		problem_if(p, !is_kms_key_id(res + 4),
			   "the key id must be a UUID or mrk- followed by 32 hex digits");
}

/* Reports the defects collected for an ARN, or CJ209 for a well-formed one. */
static void report_arn_problems(struct check_ctx *c, const struct node *at, const struct arn *a,
				const struct arn_problems *p, enum rule_msg msg)
{
	char text[512];

	if (p->n)
		check_report(c, at, msg, DIAG_ARGS({ "problem", problems_text(p, text, sizeof text) }));
	else
		report_partition(c, at, a);
}

void check_kms_key_arn(struct check_ctx *c, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	struct arn a;
	struct arn_problems p = { .n = 0 };
	bool alias;

	if (n->len == 0 && s->min >= 1)
		return; /* the shape's minimum length reports it */
	if (!arn_split(n->text, &a)) {
		check_report(c, at, CJ202_NOT_ARN, DIAG_ARGS({ "value", check_shown(c, n, s) }));
		return;
	}
	kms_arn_problems(&a, &p, &alias);
	if (alias && p.n == 0) {
		check_report(c, at, CJ202_ALIAS, DIAG_NO_ARGS);
		return;
	}
	problem_if(&p, alias, "the resource is an alias, not key/<key id>");
	report_arn_problems(c, at, &a, &p, CJ202_PART);
}

/* CJ212: AES256 takes no key, so KmsKeyArn can go (unsafe: the user may have meant
 * aws:kms with that key). Every KmsKeyArn member goes, duplicates too. */
static void offer_key_removal(struct check_ctx *c, struct diag *d, const struct node *enc)
{
	size_t *which = xcalloc(enc->nmembers, sizeof *which);
	size_t i, n = 0;

	for (i = 0; i < enc->nmembers; i++) {
		const struct node *k = node_deref(enc->members[i].key);

		if (node_is_string(k) && strcmp(k->text, "KmsKeyArn") == 0)
			which[n++] = i;
	}
	check_fix_remove_members(c, d, enc, which, n, false, "remove KmsKeyArn");
	free(which);
}

void check_encryption(struct check_ctx *c, const struct node *at, const struct node *enc,
			     const struct shape *s)
{
	const struct node *type = node_deref(node_get(enc, "Type"));
	const struct node *key = node_get(enc, "KmsKeyArn");

	(void)s;
	if (!node_is_string(type))
		return;
	if (strcmp(type->text, "aws:kms") == 0 && !key)
		check_report(c, at, CJ202_MISSING, DIAG_NO_ARGS);
	if (strcmp(type->text, "AES256") == 0 && key) {
		check_enter(c, "KmsKeyArn");
		offer_key_removal(c, check_report(c, key, CJ212_DEFAULT, DIAG_NO_ARGS), enc);
		check_leave(c);
	}
}

/* The defects of the resource part of a datashare ARN: datashare:<namespace>/<name>. */
static void datashare_resource_problems(const char *res, struct arn_problems *p)
{
	const char *ns, *slash;

	if (strncmp(res, "datashare:", 10) != 0) {
		problem_if(p, true, "the resource must be datashare:<namespace id>/<datashare name>");
		return;
	}
	ns = res + 10;
	slash = strchr(ns, '/');
	problem_if(p, !slash || !is_uuid(ns, (size_t)(slash - ns)),
		   "the namespace id after datashare: must be a UUID followed by /");
	problem_if(p, slash && (!slash[1] || strchr(slash + 1, '/')),
		   "the datashare name after the namespace id is missing or holds a /");
}

void check_datashare_arn(struct check_ctx *c, const struct node *at, const struct node *n,
			 const struct shape *s)
{
	struct arn a;
	struct arn_problems p = { .n = 0 };

	(void)s;
	if (!arn_split(n->text, &a)) {
		problem_if(&p, true,
			   "it is not an ARN (arn:aws:redshift:<region>:<account>:datashare:<namespace>/<name>)");
		report_arn_problems(c, at, &a, &p, CJ210_DEFAULT);
		return;
	}
	problem_if(&p, !known_partition(&a), "the partition must be aws");
	problem_if(&p, !arn_is(&a, 2, "redshift"), "the service must be redshift");
	problem_if(&p, !is_region(a.part[3], a.len[3]), "the region is missing or malformed");
	problem_if(&p, !is_account(&a), "the account must be 12 digits");
	datashare_resource_problems(a.part[5], &p);
	report_arn_problems(c, at, &a, &p, CJ210_DEFAULT);
}

void check_role_arn(struct check_ctx *c, const struct node *at, const struct node *n,
		    const struct shape *s)
{
	struct arn a;
	struct arn_problems p = { .n = 0 };

	(void)s;
	if (!arn_split(n->text, &a)) {
		check_report(c, at, CJ211_DEFAULT,
			     DIAG_ARGS({ "problem", "it is not an ARN (arn:aws:iam::<account>:role/<name>)" }));
		return;
	}
	problem_if(&p, !arn_is(&a, 1, "aws"), "the partition must be aws");
	problem_if(&p, !arn_is(&a, 2, "iam"), "the service must be iam");
	problem_if(&p, a.len[3] != 0, "IAM ARNs have no region: write arn:aws:iam::<account>:role/<name>");
	problem_if(&p, !is_account(&a), "the account must be 12 digits");
	if (strncmp(a.part[5], "role/", 5) != 0)
		problem_if(&p, true, "the resource must be role/<name>, an IAM role");
	else
		problem_if(&p, !a.part[5][5], "the role name after role/ is missing");
	report_arn_problems(c, at, &a, &p, CJ211_DEFAULT);
}

bool role_arn_account(const char *text, char account[13])
{
	struct arn a;

	if (!arn_split(text, &a) || !arn_is(&a, 2, "iam") || !is_account(&a) ||
	    strncmp(a.part[5], "role/", 5) != 0)
		return false;
	memcpy(account, a.part[4], 12);
	account[12] = '\0';
	return true;
}
