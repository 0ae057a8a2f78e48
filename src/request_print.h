/* --print-request: the request the AWS CLI would send for one file, as canonical
 * pretty JSON. */
#ifndef CJL_REQUEST_PRINT_H
#define CJL_REQUEST_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lint.h"

struct request_print_options {
	const char *path;             /* the file; "-" is standard input */
	bool show_secrets;            /* print secret values (ApiKey) as they are */
	/* Limits, standard input's name and format, the shape (which members are
	 * secret) and the catalog (the words of load errors). */
	const struct lint_config *lint;
};

/* Lines for standard error, each about one value that JSON has no type for and
 * that is written as a string (a date, a non-finite number, binary data). */
struct request_print_notes {
	char **lines;                 /* owned */
	size_t n, cap;
};

void request_print_notes_free(struct request_print_notes *notes);

/* Reads and loads the file and writes the request to `out`: 2-space indent, keys
 * in the order the file gives them (a merge key's members after the mapping's own,
 * the last of duplicate JSON keys in the place of the first), a final newline.
 * Returns 0; or -1 with *error set (caller frees), naming the file and, where there
 * is one, the line and column, when the file cannot be read or the AWS CLI could
 * not load it; nothing is written then. */
int request_print(FILE *out, const struct request_print_options *opts, char **error,
		  struct request_print_notes *notes);

#endif
