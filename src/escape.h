/* The one boundary for text that comes from outside (file names, --stdin-filename,
 * configuration text, values and keys) on its way to a terminal, a CI log or a
 * report: nothing written through it can move the cursor, retitle a terminal,
 * reorder text with bidirectional controls, or start a CI workflow command.
 *
 * In line-based output (text, stderr, the progress line, the github format), C0
 * controls, DEL and bytes that are not UTF-8 are written as \xNN, C1 controls and
 * bidirectional controls as \uNNNN, and "##[" as "##\x5B". A path that begins a line
 * and would read as a workflow command ("::" after optional blanks) is written
 * with "./" before it, which names the same file. */
#ifndef CJL_ESCAPE_H
#define CJL_ESCAPE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* Code points that are never sent to a terminal as they are. */
bool escape_unsafe_code_point(uint32_t cp);

/* Appends s, escaped for line-based output. */
void escape_append(struct strbuf *sb, const char *s);
/* Writes s, escaped for line-based output. */
void escape_put(FILE *out, const char *s);
/* Writes a path that begins a line: escaped, and never read as a workflow command. */
void escape_put_line_path(FILE *out, const char *path);

/* Writes JSON text made by json-c as valid UTF-8 that a terminal shows safely: a
 * byte that is not UTF-8 becomes the JSON escape \\ followed by xNN, so that the
 * string holds the text \xNN, as the line-based formats show it; DEL, C1 and
 * bidirectional controls, and the '[' of "##[", become \u escapes, which decode to
 * the same characters. */
void escape_put_json(FILE *out, const char *json);

/* An operational message on standard error: "createjob-lint: " and the message,
 * escaped as a whole (the tool's own words hold no control characters). */
void escape_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
