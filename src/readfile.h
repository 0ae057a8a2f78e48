/* Reading a whole file into memory, with errors returned as text. */
#ifndef CJL_READFILE_H
#define CJL_READFILE_H

#include <stddef.h>

/* Reads path ("-" is standard input) into a NUL-terminated buffer the caller frees.
 * Returns 0, or -1 with *error set (caller frees): not found, a directory, larger
 * than max_size, a read error, not enough memory for it. */
int read_file(const char *path, size_t max_size, char **bytes, size_t *len, char **error);

#endif
