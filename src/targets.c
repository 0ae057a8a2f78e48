/* Report targets against each other and against the inputs, before a run. */
#include "targets.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "outfile.h"
#include "util.h"

/* A report target as the checks before a run see it. */
struct target {
	const char *shown;          /* the path, or "standard output" */
	bool on_stdout;
	struct outfile_id id;
};

bool targets_names_stdout(const char *path)
{
	return strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/fd/1") == 0 ||
	       strcmp(path, "/proc/self/fd/1") == 0;
}

static void identify_target(const struct cli_output *o, struct target *t)
{
	t->on_stdout = !o->path || targets_names_stdout(o->path);
	t->shown = o->path ? o->path : "standard output";
	if (t->on_stdout)
		outfile_identify_stdout(&t->id);
	else
		outfile_identify(o->path, &t->id);
}

/* Why writing report t would change an input of the run, or NULL. A report in a
 * folder that is linted would be read as a request by the next run (or this one). */
static char *clobbers_input(const struct target *t, const char *input)
{
	struct outfile_id in;
	char resolved[PATH_MAX];
	char *why = NULL;
	size_t n;

	if (t->on_stdout || strcmp(input, "-") == 0)
		return NULL;
	outfile_identify(input, &in);
	if (outfile_same(&t->id, &in) || strcmp(t->id.where, in.where) == 0) {
		why = xasprintf("the report %s is also an input", t->shown);
	} else if (in.exists && S_ISDIR(in.mode) && realpath(input, resolved) &&
		   (n = strlen(resolved), strncmp(t->id.where, resolved, n) == 0) &&
		   (t->id.where[n] == '/' || n == 1) &&
		   (str_has_suffix(t->id.where, ".json") || str_has_suffix(t->id.where, ".yaml") ||
		    str_has_suffix(t->id.where, ".yml"))) {
		why = xasprintf("the report %s would be linted as an input below %s", t->shown,
				input);
	}
	outfile_id_free(&in);
	return why;
}

char *targets_check(const struct cli *cli)
{
	struct target t[CLI_MAX_OUTPUTS];
	char *why = NULL;
	size_t i, j;

	for (i = 0; i < cli->noutputs; i++)
		if (cli->statistics && strcmp(cli->outputs[i].format, "text") != 0 &&
		    (!cli->outputs[i].path || targets_names_stdout(cli->outputs[i].path)))
			return xasprintf("--statistics prints on standard output; write the %s report to "
					 "a file (-f %s=FILE)", cli->outputs[i].format,
					 cli->outputs[i].format);

	for (i = 0; i < cli->noutputs; i++)
		identify_target(&cli->outputs[i], &t[i]);
	for (i = 0; i < cli->noutputs && !why; i++)
		for (j = i + 1; j < cli->noutputs && !why; j++)
			if ((t[i].on_stdout && t[j].on_stdout) || outfile_same(&t[i].id, &t[j].id))
				why = xasprintf("the %s and %s reports would both be written to %s",
						cli->outputs[i].format, cli->outputs[j].format,
						t[j].shown);
	for (i = 0; i < cli->noutputs && !why; i++)
		for (j = 0; j < cli->ninputs && !why; j++)
			why = clobbers_input(&t[i], cli->inputs[j]);
	for (i = 0; i < cli->noutputs; i++)
		outfile_id_free(&t[i].id);
	return why;
}
