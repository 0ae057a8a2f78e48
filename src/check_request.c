/* Checks of the request as a whole and of its job-specific parts: Type and
 * Details (CJ201, CJ221), API Gateway (CJ216, CJ301), Lake Formation (CJ217, CJ218). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks_impl.h"
#include "doc.h"
#include "shape.h"
#include "suggest.h"
#include "util.h"

/* --- CJ201: Details carries exactly the member that Type names. ---------------- */

/* Details members that belong to job types other than the expected one. */
static size_t count_other_members(const struct request_shape *rs, const struct node *details,
				  const char *expected)
{
	size_t i, n = 0;

	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);

		if (node_is_string(k) && shape_type_for_details(rs, k->text) &&
		    strcmp(k->text, expected) != 0)
			n++;
	}
	return n;
}

const struct node *checks_typed_details(const struct request_shape *rs, const struct node *req,
					const char **expected)
{
	const struct node *type = node_deref(node_get(req, "Type"));
	const struct node *details = node_deref(node_get(req, "Details"));

	if (!node_is_string(type) || !details || details->kind != NODE_MAPPING)
		return NULL;
	*expected = shape_details_for_type(rs, type->text);
	return *expected ? details : NULL;
}

size_t checks_untrimmed_skeleton(const struct request_shape *rs, const struct node *req)
{
	const char *expected;
	const struct node *details = checks_typed_details(rs, req, &expected);
	size_t others = details ? count_other_members(rs, details, expected) : 0;

	/* Members of two or more other job types: nobody writes that by hand. */
	return others >= 2 ? others : 0;
}

/* CJ201: Details holds one job member and Type names another job: Type is made to
 * match the member (unsafe: the user may have meant the Type and pasted the wrong
 * Details). */
static void offer_type(struct check_ctx *c, struct diag *d, const struct node *req,
		       const struct node *details)
{
	const struct node *k = details->nmembers == 1 ? node_deref(details->members[0].key)
						      : NULL;
	const char *type = node_is_string(k) ? check_type_for_details(c, k->text) : NULL;

	if (type)
		check_fix_replace(c, d, node_get(req, "Type"), type, false,
				  "change Type to the job that Details describes");
}

/* CJ221: the members of the other job types go (unsafe: a look is due). */
static void offer_trim(struct check_ctx *c, struct diag *d, const struct node *details,
		       const char *expected)
{
	size_t *which = xcalloc(details->nmembers, sizeof *which);
	size_t i, n = 0;

	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);

		if (node_is_string(k) && check_type_for_details(c, k->text) &&
		    strcmp(k->text, expected) != 0)
			which[n++] = i;
	}
	check_fix_remove_members(c, d, details, which, n, false,
				 "remove the members of the other job types");
	free(which);
}

void check_type_details(struct check_ctx *c, const struct node *at, const struct node *req,
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
	expected = check_details_for_type(c, type->text);
	if (!expected)
		return; /* an unknown Type is CJ104's finding */
	check_enter(c, "Details");
	if (details->nmembers == 0) {
		check_report(c, details_at, CJ201_EMPTY, DIAG_ARGS({ "type", type->text },
			    { "expected", expected }));
	} else if (!node_get(details, expected)) {
		bool misspelled = false;

		/* A misspelling of the expected member is already CJ102's finding. */
		for (i = 0; i < details->nmembers; i++) {
			const struct node *k = node_deref(details->members[i].key);
			const char *one[1] = { expected };

			if (node_is_string(k) && !check_type_for_details(c, k->text) &&
			    suggest(k->text, one, 1))
				misspelled = true;
		}
		if (!misspelled)
			offer_type(c, check_report(c, details_at, CJ201_MISSING,
						   DIAG_ARGS({ "type", type->text },
						   { "expected", expected })), req, details);
	}
	if (check_skeleton_members(c)) {
		char count[24];

		/* An untrimmed --generate-cli-skeleton: one finding, not one per member. */
		snprintf(count, sizeof count, "%zu", check_skeleton_members(c));
		offer_trim(c, check_report(c, details_at, CJ221_DEFAULT,
					   DIAG_ARGS({ "count", count }, { "type", type->text },
					   { "expected", expected })), details, expected);
		check_leave(c);
		return;
	}
	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);
		const char *other = node_is_string(k) ? check_type_for_details(c, k->text) : NULL;

		if (!other || strcmp(k->text, expected) == 0)
			continue;
		check_enter(c, k->text);
		check_report(c, details->members[i].key, CJ201_EXTRA,
			    DIAG_ARGS({ "member", k->text }, { "other", other },
			    { "type", type->text }));
		check_leave(c);
	}
	check_leave(c);
}

/* --- API Gateway: CJ216 api-id, CJ301 api-key-in-file. ---------------------------- */

void check_api_id(struct check_ctx *c, const struct node *at, const struct node *n,
		  const struct shape *s)
{
	if (n->len != 10 || !all_of(n->text, 10, "abcdefghijklmnopqrstuvwxyz0123456789"))
		check_report(c, at, CJ216_DEFAULT, DIAG_ARGS({ "value", check_shown(c, n, s) }));
}

void check_api_key(struct check_ctx *c, const struct node *at, const struct node *n,
		   const struct shape *s)
{
	(void)n;
	(void)s;
	/* The value itself is masked by the engine and never becomes an argument. */
	check_report(c, at, CJ301_DEFAULT, DIAG_NO_ARGS);
}

/* --- Lake Formation: CJ217 account mismatch, CJ218 no policy. -------------------- */

void check_lf_policy(struct check_ctx *c, const struct node *at, const struct node *lf,
		     const struct shape *s)
{
	const struct node *catalog = node_deref(node_get(lf, "CatalogId"));
	const struct node *role_at = node_get(lf, "RoleArn");
	const struct node *role = node_deref(role_at);
	char account[13];

	(void)s;
	if (!node_get(lf, "Database") && !node_get(lf, "Table"))
		check_report(c, at, CJ218_DEFAULT, DIAG_NO_ARGS);
	if (!node_is_string(catalog) || catalog->len != 12 || !all_of(catalog->text, 12, "0123456789") ||
	    !node_is_string(role) || !role_arn_account(role->text, account) ||
	    strcmp(account, catalog->text) == 0)
		return;
	check_enter(c, "RoleArn");
	check_report(c, role_at, CJ217_DEFAULT, DIAG_ARGS({ "role_account", account },
		    { "catalog", catalog->text }));
	check_leave(c);
}
