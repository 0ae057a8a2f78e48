/* The catalog rendered for people: --list-rules, --explain and the man page. */
#ifndef CJL_RULEDOC_H
#define CJL_RULEDOC_H

#include <stdio.h>

#include "catalog.h"

/* --list-rules: id, level, fix and name a line, the summary below, within 80 columns. */
void ruledoc_list(FILE *out, const struct catalog *cat);
/* --list-rules -f json: a list of {id, name, severity, fix, summary, description}. */
void ruledoc_list_json(FILE *out, const struct catalog *cat);
/* --explain: the rule's id, name, level, summary, description and examples. */
void ruledoc_explain(FILE *out, const struct rule *rule);
/* The same explanation as text (what --explain prints) and as Markdown; the caller
 * frees. SARIF rule help carries both. */
char *ruledoc_explain_text(const struct rule *rule);
char *ruledoc_explain_markdown(const struct rule *rule);
/* The RULES section of createjob-lint(1), in man(7) markup. */
void ruledoc_man(FILE *out, const struct catalog *cat);

/* "safe (applied by --fix)": what fix the rule's findings carry, in words. */
const char *ruledoc_fix_text(const struct rule *r);

#endif
