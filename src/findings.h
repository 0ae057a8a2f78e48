/* Turning collected findings into what is reported: severities and messages from
 * the rule catalog, positions from the source, in source order. */
#ifndef CJL_FINDINGS_H
#define CJL_FINDINGS_H

#include "catalog.h"
#include "diag.h"
#include "severity.h"
#include "source.h"

/* Renders messages and severities, computes positions, sorts by position and drops
 * findings whose rule is off. `overrides` is indexed by the catalog's rule index;
 * SEV_UNSET keeps the default. */
void findings_finish(struct diag_list *list, const struct catalog *cat, struct source *src,
		     const enum severity *overrides);

#endif
