/* The one boundary for text from outside on its way to a terminal, a log or a report. */
#include "escape.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

bool escape_unsafe_code_point(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* One step of escaping at s[0..n): appends what stands for the next character and
 * returns how many bytes it took. */
static size_t escape_step(struct strbuf *sb, const char *s, size_t n)
{
	uint32_t cp;
	size_t w = utf8_decode((const unsigned char *)s, n, &cp);

	if (w == 0) {
		sb_addf(sb, "\\x%02X", (unsigned char)*s);
		return 1;
	}
	if (cp < 0x80 && escape_unsafe_code_point(cp)) {
		sb_addf(sb, "\\x%02X", (unsigned)cp);
	} else if (escape_unsafe_code_point(cp)) {
		sb_addf(sb, "\\u%04X", (unsigned)cp);
	} else if (cp == '#' && n >= 3 && s[1] == '#' && s[2] == '[') {
		/* "##[" anywhere on a line is a CI workflow command of the older form. */
		sb_adds(sb, "##\\x5B");
		return 3;
	} else {
		sb_addn(sb, s, w);
	}
	return w;
}

void escape_append(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n)
		i += escape_step(sb, s + i, n - i);
}

void escape_put(FILE *out, const char *s)
{
	struct strbuf sb;

	sb_init(&sb);
	escape_append(&sb, s);
	fwrite(sb.buf, 1, sb.len, out);
	sb_free(&sb);
}

/* True when a line starting with s would be read as a workflow command: GitHub's
 * runner trims white space before looking for "::". */
static bool reads_as_command(const char *s)
{
	s += strspn(s, " \t\r\n\v\f");
	return s[0] == ':' && s[1] == ':';
}

void escape_put_line_path(FILE *out, const char *path)
{
	if (reads_as_command(path))
		fputs("./", out);
	escape_put(out, path);
}

/* Length of the run at s[0..n) that a JSON writer may copy as it is: printable
 * ASCII other than '#', which may start "##[". */
static size_t plain_json_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F && s[i] != '#')
		i++;
	return i;
}

void escape_put_json(FILE *out, const char *json)
{
	size_t n = strlen(json), i = 0;

	while (i < n) {
		size_t run = plain_json_run(json + i, n - i), w;
		uint32_t cp;

		fwrite(json + i, 1, run, out);
		i += run;
		if (i == n)
			break;
		w = utf8_decode((const unsigned char *)json + i, n - i, &cp);
		if (w == 0) {
			/* Only a string can hold such a byte: json-c writes ASCII elsewhere. */
			fprintf(out, "\\\\x%02X", (unsigned char)json[i]);
			w = 1;
		} else if (cp >= 0x7F && escape_unsafe_code_point(cp)) {
			fprintf(out, "\\u%04x", (unsigned)cp);
		} else if (cp == '#' && n - i >= 3 && json[i + 1] == '#' && json[i + 2] == '[') {
			fputs("##\\u005b", out); /* only strings hold "##[" */
			w = 3;
		} else {
			fwrite(json + i, 1, w, out);
		}
		i += w;
	}
}

void escape_error(const char *fmt, ...)
{
	struct strbuf msg, line;
	va_list ap;

	sb_init(&msg);
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	sb_init(&line);
	sb_adds(&line, "createjob-lint: ");
	escape_append(&line, msg.buf);
	sb_addc(&line, '\n');
	fwrite(line.buf, 1, line.len, stderr);
	sb_free(&line);
	sb_free(&msg);
}
