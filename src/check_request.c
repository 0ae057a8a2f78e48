/* Checks of the request as a whole and of its job-specific parts: Type and
 * Details (CJ201, CJ221), API Gateway (CJ216, CJ301), Lake Formation (CJ217, CJ218). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks_impl.h"
#include "suggest.h"
#include "util.h"
#include "walk.h"

/* --- CJ201: Details carries exactly the member that Type names. ---------------- */

/* Details members that belong to job types other than the expected one. */
static size_t count_other_members(const struct walk *w, const struct node *details,
				  const char *expected)
{
	size_t i, n = 0;

	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);

		if (node_is_string(k) && shape_type_for_details(w->rs, k->text) &&
		    strcmp(k->text, expected) != 0)
			n++;
	}
	return n;
}

void check_type_details(struct walk *w, const struct node *at, const struct node *req,
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
		walk_report(w, details_at, CJ201_EMPTY, DIAG_ARGS({ "type", type->text },
			    { "expected", expected }));
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
			walk_report(w, details_at, CJ201_MISSING, DIAG_ARGS({ "type", type->text },
				    { "expected", expected }));
	}
	if (count_other_members(w, details, expected) >= 2) {
		char count[24];

		/* An untrimmed --generate-cli-skeleton: one finding, not one per member. */
		snprintf(count, sizeof count, "%zu", count_other_members(w, details, expected));
		walk_report(w, details_at, CJ221_DEFAULT, DIAG_ARGS({ "count", count },
			    { "type", type->text }, { "expected", expected }));
		w->skeleton = true;
		walk_pop(w);
		return;
	}
	for (i = 0; i < details->nmembers; i++) {
		const struct node *k = node_deref(details->members[i].key);
		const char *other = node_is_string(k) ? shape_type_for_details(w->rs, k->text) : NULL;

		if (!other || strcmp(k->text, expected) == 0)
			continue;
		walk_push_member(w, k->text);
		walk_report(w, details->members[i].key, CJ201_EXTRA,
			    DIAG_ARGS({ "member", k->text }, { "other", other },
			    { "type", type->text }));
		walk_pop(w);
	}
	walk_pop(w);
}

/* --- API Gateway: CJ216 api-id, CJ301 api-key-in-file. ---------------------------- */

void check_api_id(struct walk *w, const struct node *at, const struct node *n,
		  const struct shape *s)
{
	if (n->len != 10 || !all_of(n->text, 10, "abcdefghijklmnopqrstuvwxyz0123456789"))
		walk_report(w, at, CJ216_DEFAULT, DIAG_ARGS({ "value", walk_shown(w, n, s) }));
}

void check_api_key(struct walk *w, const struct node *at, const struct node *n,
		   const struct shape *s)
{
	(void)n;
	(void)s;
	/* The value itself is masked by the engine and never becomes an argument. */
	walk_report(w, at, CJ301_DEFAULT, DIAG_NO_ARGS);
}

/* --- Lake Formation: CJ217 account mismatch, CJ218 no policy. -------------------- */

void check_lf_policy(struct walk *w, const struct node *at, const struct node *lf,
		     const struct shape *s)
{
	const struct node *catalog = node_deref(node_get(lf, "CatalogId"));
	const struct node *role_at = node_get(lf, "RoleArn");
	const struct node *role = node_deref(role_at);
	char account[13];

	(void)s;
	if (!node_get(lf, "Database") && !node_get(lf, "Table"))
		walk_report(w, at, CJ218_DEFAULT, DIAG_NO_ARGS);
	if (!node_is_string(catalog) || catalog->len != 12 || !all_of(catalog->text, 12, "0123456789") ||
	    !node_is_string(role) || !role_arn_account(role->text, account) ||
	    strcmp(account, catalog->text) == 0)
		return;
	walk_push_member(w, "RoleArn");
	walk_report(w, role_at, CJ217_DEFAULT, DIAG_ARGS({ "role_account", account },
		    { "catalog", catalog->text }));
	walk_pop(w);
}
