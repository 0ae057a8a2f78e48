/* Suppressions: `# createjob-lint: disable=CJ205 -- reason` comments in YAML files
 * (for the line they are on, or the next line when alone on theirs),
 * `disable-file=` comments for the whole file, and the config file's
 * `suppressions` (by file and JSON pointer) for JSON, which has no comments. */
#ifndef CJL_SUPPRESS_H
#define CJL_SUPPRESS_H

#include "diag.h"
#include "settings.h"
#include "source.h"

/* Drops suppressed findings from `diags` (before findings_finish) and reports
 * suppressions that suppress nothing (CJ302), have no reason (CJ303) or cannot be
 * read (CJ304). fs may be NULL (no configuration). */
void suppress_apply(struct source *src, const struct catalog *cat, const struct file_settings *fs,
		    struct diag_list *diags);

#endif
