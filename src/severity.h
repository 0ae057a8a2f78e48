/* Severities of findings: a leaf header, so that rules data, configuration and
 * findings can all name a level without depending on one another. */
#ifndef CJL_SEVERITY_H
#define CJL_SEVERITY_H

/* SEV_UNSET: no level given here (an option or config key left out). */
enum severity { SEV_UNSET = -1, SEV_OFF = 0, SEV_INFO, SEV_WARNING, SEV_ERROR };

const char *severity_name(enum severity sev);
/* 0 and *out set for "off", "info", "warning" or "error"; -1 otherwise. */
int severity_parse(const char *s, enum severity *out);

#endif
