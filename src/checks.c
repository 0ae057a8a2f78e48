/* The semantic checks that the request shape names with `check:` (rules CJ2xx and
 * CJ3xx): the table of names, and helpers the check modules share. */
#include <string.h>

#include "checks_impl.h"

static const struct {
	const char *name;
	check_fn *run;
} check_table[] = {
	{ "type-details", check_type_details },
	{ "encryption", check_encryption },
	{ "kms-key-arn", check_kms_key_arn },
	{ "datashare-arn", check_datashare_arn },
	{ "role-arn", check_role_arn },
	{ "md5", check_md5 },
	{ "key-pattern", check_key_pattern },
	{ "bucket", check_bucket },
	{ "s3-key", check_s3_key },
	{ "s3-key-prefix", check_s3_key_prefix },
	{ "s3-data-access", check_s3_data_access },
	{ "revision-destinations", check_revision_destinations },
	{ "api-id", check_api_id },
	{ "api-key", check_api_key },
	{ "lf-policy", check_lf_policy },
};

bool all_of(const char *s, size_t len, const char *set)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(set, s[i]) || s[i] == '\0')
			return false;
	return true;
}

check_fn *checks_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof check_table / sizeof *check_table; i++)
		if (strcmp(check_table[i].name, name) == 0)
			return check_table[i].run;
	return NULL;
}
