/* Where a report file goes. A regular file (new or existing) is written atomically:
 * a temporary file in the same folder, renamed into place when the report is
 * complete, removed on any failure and on SIGINT, SIGTERM, SIGHUP, SIGPIPE and
 * SIGABRT. Anything else (/dev/null, /dev/stdout, /dev/fd/N, a FIFO, a link that
 * leads into /dev or /proc) is opened and written as a shell redirection would,
 * and is never renamed over. A new file gets mode 0666 less the umask; an existing
 * one keeps its mode. */
#ifndef CJL_OUTFILE_H
#define CJL_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct outfile;

/* Installs the signal handlers that remove temporary files; call once, before
 * the first outfile_open. */
void outfile_init(void);

/* Opens a report target; NULL with *error set (caller frees) on failure. */
struct outfile *outfile_open(const char *path, char **error);
FILE *outfile_stream(const struct outfile *of);
/* Flushes and puts the report in place; frees of. Returns 0, or -1 with *error. */
int outfile_commit(struct outfile *of, char **error);
/* Drops a report that will not be completed (its temporary file is removed). */
void outfile_abort(struct outfile *of);

/* What a path names, for telling whether two targets, or a target and an input,
 * are one file before anything is written. */
struct outfile_id {
	bool exists;
	dev_t dev;
	ino_t ino;
	mode_t mode;
	char *where;   /* absolute path, links in the folder part resolved; owned */
};
void outfile_identify(const char *path, struct outfile_id *id);
/* Standard output as a target (its file, when it is one). */
void outfile_identify_stdout(struct outfile_id *id);
/* True when two targets would write into one file: the same regular file or FIFO,
 * or the same path not yet created. Devices such as /dev/null may be shared. */
bool outfile_same(const struct outfile_id *a, const struct outfile_id *b);
void outfile_id_free(struct outfile_id *id);

#endif
