/* What the check modules share: the list of checks the table in checks.c holds,
 * and small helpers. */
#ifndef CJL_CHECKS_IMPL_H
#define CJL_CHECKS_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "checks.h"

/* check_request.c */
check_fn check_type_details, check_api_id, check_api_key, check_lf_policy;
/* check_arn.c */
check_fn check_encryption, check_kms_key_arn, check_datashare_arn, check_role_arn;
/* check_s3.c */
check_fn check_bucket, check_s3_key, check_s3_key_prefix, check_s3_data_access,
	check_revision_destinations;
/* check_md5.c */
check_fn check_md5;
/* check_keypattern.c */
check_fn check_key_pattern;

/* True when each of s[0..len) is in `set`. */
bool all_of(const char *s, size_t len, const char *set);
/* An IAM role ARN's 12-digit account, or NULL (for comparing with CatalogId). */
bool role_arn_account(const char *arn, char account[13]);

#endif
