/* Fixes as data: building and freeing the edits a finding proposes. */
#include "fix.h"

#include <stdlib.h>

#include "util.h"

struct fix *fix_new(bool safe, const char *description)
{
	struct fix *fix = xcalloc(1, sizeof *fix);

	fix->safe = safe;
	fix->description = xstrdup(description ? description : "");
	return fix;
}

void fix_add_edit(struct fix *fix, size_t start, size_t end, const char *text)
{
	struct fix_edit *e;

	fix->edits = grow_array(fix->edits, &fix->cap, fix->nedits + 1, sizeof *fix->edits);
	e = &fix->edits[fix->nedits++];
	e->start = start;
	e->end = end < start ? start : end;
	e->text = xstrdup(text ? text : "");
}

void fix_free(struct fix *fix)
{
	size_t i;

	if (!fix)
		return;
	for (i = 0; i < fix->nedits; i++)
		free(fix->edits[i].text);
	free(fix->edits);
	free(fix->description);
	free(fix);
}
