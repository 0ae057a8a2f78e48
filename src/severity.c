/* Severity names, as written in configuration, rules data and output. */
#include "severity.h"

#include <string.h>

static const char *const severity_names[] = { "off", "info", "warning", "error" };

const char *severity_name(enum severity sev)
{
	return sev >= SEV_OFF && sev <= SEV_ERROR ? severity_names[sev] : "unset";
}

int severity_parse(const char *s, enum severity *out)
{
	size_t i;

	for (i = 0; i < sizeof severity_names / sizeof *severity_names; i++) {
		if (strcmp(s, severity_names[i]) == 0) {
			*out = (enum severity)i;
			return 0;
		}
	}
	return -1;
}
