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

/* NULL for a valid KMS key ARN, else what is wrong with it ("alias" for an alias). */
static const char *kms_arn_problem(const struct arn *a)
{
	const char *key;

	if (!known_partition(a))
		return "the partition must be aws (or aws-cn, aws-us-gov, ...)";
	if (!arn_is(a, 2, "kms"))
		return "the service must be kms";
	if (!is_region(a->part[3], a->len[3]))
		return "the region is missing or malformed";
	if (!is_account(a))
		return "the account must be 12 digits";
	if (strncmp(a->part[5], "alias/", 6) == 0)
		return "alias";
	if (strncmp(a->part[5], "key/", 4) != 0)
		return "the resource must be key/<key id>";
	key = a->part[5] + 4;
	if (is_uuid(key, strlen(key)))
		return NULL;
	if (strncmp(key, "mrk-", 4) == 0 && strlen(key) == 36 && all_of(key + 4, 32, "0123456789abcdef"))
		return NULL;
	return "the key id must be a UUID or mrk- followed by 32 hex digits";
}

void check_kms_key_arn(struct check_ctx *c, const struct node *at, const struct node *n,
			      const struct shape *s)
{
	struct arn a;
	const char *problem;

	if (n->len == 0 && s->min >= 1)
		return; /* the shape's minimum length reports it */
	if (!arn_split(n->text, &a)) {
		check_report(c, at, CJ202_NOT_ARN, DIAG_ARGS({ "value", check_shown(c, n, s) }));
		return;
	}
	problem = kms_arn_problem(&a);
	if (problem && strcmp(problem, "alias") == 0)
		check_report(c, at, CJ202_ALIAS, DIAG_NO_ARGS);
	else if (problem)
		check_report(c, at, CJ202_PART, DIAG_ARGS({ "problem", problem }));
	else
		report_partition(c, at, &a);
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
		check_report(c, key, CJ212_DEFAULT, DIAG_NO_ARGS);
		check_leave(c);
	}
}

void check_datashare_arn(struct check_ctx *c, const struct node *at, const struct node *n,
				const struct shape *s)
{
	struct arn a;
	const char *problem = NULL, *slash;

	(void)s;
	if (!arn_split(n->text, &a))
		problem = "it is not an ARN (arn:aws:redshift:<region>:<account>:datashare:<namespace>/<name>)";
	else if (!known_partition(&a))
		problem = "the partition must be aws";
	else if (!arn_is(&a, 2, "redshift"))
		problem = "the service must be redshift";
	else if (!is_region(a.part[3], a.len[3]))
		problem = "the region is missing or malformed";
	else if (!is_account(&a))
		problem = "the account must be 12 digits";
	else if (strncmp(a.part[5], "datashare:", 10) != 0)
		problem = "the resource must be datashare:<namespace id>/<datashare name>";
	else if (!(slash = strchr(a.part[5] + 10, '/')) ||
		 !is_uuid(a.part[5] + 10, (size_t)(slash - a.part[5] - 10)))
		problem = "the namespace id after datashare: must be a UUID followed by /";
	else if (!slash[1] || strchr(slash + 1, '/'))
		problem = "the datashare name after the namespace id is missing or holds a /";
	if (problem)
		check_report(c, at, CJ210_DEFAULT, DIAG_ARGS({ "problem", problem }));
	else
		report_partition(c, at, &a);
}

void check_role_arn(struct check_ctx *c, const struct node *at, const struct node *n,
			   const struct shape *s)
{
	struct arn a;
	const char *problem = NULL;

	(void)s;
	if (!arn_split(n->text, &a))
		problem = "it is not an ARN (arn:aws:iam::<account>:role/<name>)";
	else if (!arn_is(&a, 1, "aws"))
		problem = "the partition must be aws";
	else if (!arn_is(&a, 2, "iam"))
		problem = "the service must be iam";
	else if (a.len[3] != 0)
		problem = "IAM ARNs have no region: write arn:aws:iam::<account>:role/<name>";
	else if (!is_account(&a))
		problem = "the account must be 12 digits";
	else if (strncmp(a.part[5], "role/", 5) != 0)
		problem = "the resource must be role/<name>, an IAM role";
	else if (!a.part[5][5])
		problem = "the role name after role/ is missing";
	if (problem)
		check_report(c, at, CJ211_DEFAULT, DIAG_ARGS({ "problem", problem }));
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
