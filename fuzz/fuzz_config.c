/* libFuzzer harness for configuration files: the input is a .createjob-lint.yaml,
 * loaded with the built-in catalog and, when it loads, applied to a few paths (its
 * exclude and override globs run). A configuration must load or fail with a
 * message that names the file, within the limits of a request (size, depth, nodes,
 * alias expansion), without crash, leak or sanitizer report. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "catalog.h"
#include "configfile.h"

static struct catalog cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;

	(void)argc;
	(void)argv;
	if (catalog_load_builtin(&cat, &error) < 0) {
		fprintf(stderr, "fuzz_config: %s\n", error);
		abort();
	}
	return 0;
}

/* config_load reads a file: the input becomes one that lives in memory. */
static int input_file(const uint8_t *data, size_t size, char *path, size_t path_size)
{
	int fd = memfd_create("fuzz-config", 0);

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size))
		abort();
	snprintf(path, path_size, "/proc/self/fd/%d", fd);
	return fd;
}

static void apply(const struct config *c)
{
	static const char *const paths[] = {
		"job.json", "vendor/a/b.yaml", "./legacy/x.json", "a/b/c/d/e/f/g/h.json", "[", "",
	};
	enum severity *sev = calloc(cat.n ? cat.n : 1, sizeof *sev);
	size_t i;

	if (!sev)
		abort();
	for (i = 0; i < sizeof paths / sizeof *paths; i++) {
		(void)config_excludes(c, paths[i]);
		config_apply(c, paths[i], sev);
	}
	free(sev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], *error = NULL;
	int fd = input_file(data, size, path, sizeof path);
	struct config *c = config_load(path, &cat, &error);

	close(fd);
	if (c) {
		apply(c);
		config_free(c);
	} else if (!error || strncmp(error, path, strlen(path)) != 0) {
		fprintf(stderr, "fuzz_config: an error that does not name the file: %s\n",
			error ? error : "(none)");
		abort();
	}
	free(error);
	return 0;
}
