/* libFuzzer harness for createjob-lint: one input file through the whole pipeline
 * (loader, schema engine, semantic checks, findings_finish) and every output
 * format, written to memory streams.
 *
 * Compiled once per variant (see fuzz/build.sh):
 *   -DFUZZ_FORMAT=SOURCE_JSON or SOURCE_YAML   which loader the input goes to
 *   -DFUZZ_DEFAULT_LIMITS                      the command line's default limits
 *                                              instead of small ones
 *
 * Besides what the sanitizers catch, the harness aborts when
 *   - a finding has a byte range outside the input, no message, or a rule that the
 *     catalog does not know;
 *   - the json or sarif report is not well-formed UTF-8 (the text report may
 *     echo the input's bytes in its excerpts, so it is not checked);
 *   - with FUZZ_STRICT_MESSAGES=1, a finding's message holds a control character
 *     (a JSON escape such as \u001b decoded and quoted raw reaches the terminal:
 *     fuzz/crashes/control-chars-in-message.json; off by default while unfixed);
 *   - a line of the github report is not a workflow command (::error, ::warning
 *     or ::notice), e.g. because a newline in a message was not escaped;
 *   - the json report is not one well-formed JSON object (strict json-c parse);
 *     the sarif report is parsed the same way for one input in 16, picked by a
 *     hash of the input (so a reproducer reproduces): its constant rule metadata
 *     makes the parse cost more than the rest of the run.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "catalog.h"
#include "format.h"
#include "lint.h"
#include "load.h"
#include "shape.h"
#include "source.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT SOURCE_JSON
#endif

/* Small enough that deep or alias-heavy inputs stay fast, large enough that
 * every real request in testdata/ loads whole. With -DFUZZ_DEFAULT_LIMITS the
 * limits stay those of lint_config_init (the command line's defaults). */
#define FUZZ_DEPTH 48
#define FUZZ_NODES 4096
#define FUZZ_VISITS 16384

static struct catalog cat;
static struct request_shape shape;
static struct lint_config cfg;
static size_t max_text_report; /* FUZZ_MAX_TEXT_REPORT, 0 for no limit */
static bool strict_messages;    /* FUZZ_STRICT_MESSAGES=1 */

#define TEXT_KEEP ((size_t)1 << 20)

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_lint: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *error = NULL;

	(void)argc;
	(void)argv;
	if (catalog_load_builtin(&cat, &error) < 0)
		die("catalog_load_builtin", error);
	if (shape_load_builtin(&shape, &error) < 0)
		die("shape_load_builtin", error);
	strict_messages = getenv("FUZZ_STRICT_MESSAGES") && strcmp(getenv("FUZZ_STRICT_MESSAGES"), "1") == 0;
	if (getenv("FUZZ_MAX_TEXT_REPORT"))
		max_text_report = strtoull(getenv("FUZZ_MAX_TEXT_REPORT"), NULL, 10);
	lint_config_init(&cfg, &shape, &cat);
#ifndef FUZZ_DEFAULT_LIMITS
	cfg.limits.max_depth = FUZZ_DEPTH;
	cfg.limits.max_nodes = FUZZ_NODES;
	cfg.max_visits = FUZZ_VISITS;
#endif
	return 0;
}

/* Findings must point inside the input and carry a rendered message. */
static void check_result(const struct lint_result *res)
{
	size_t i;

	for (i = 0; i < res->diags.n; i++) {
		const struct diag *d = &res->diags.items[i];

		if (d->start > d->end || d->end > res->src->len + 1)
			die("finding range outside the input", diag_rule_id(d));
		if (!d->message)
			die("finding without a message", diag_rule_id(d));
		if (!catalog_rule(&cat, d->rule))
			die("finding with a rule not in the catalog", diag_rule_id(d));
		if (d->from.line == 0 || d->from.column == 0)
			die("finding at line or column 0", diag_rule_id(d));
		if (strict_messages) {
			const char *c;

			for (c = d->message; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == 0x7F) {
					fprintf(stderr, "message: %s\n", d->message);
					die("control character in a finding's message", diag_rule_id(d));
				}
		}
	}
}

/* Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no
 * surrogates, no overlong forms, nothing past U+10FFFF), or len. */
static size_t first_bad_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	uint32_t cp, min;

	while (i < len) {
		unsigned char c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

static void check_utf8(const char *name, const char *buf, size_t len)
{
	size_t bad = first_bad_utf8((const unsigned char *)buf, len);

	if (bad < len) {
		size_t from = bad > 60 ? bad - 60 : 0;

		fprintf(stderr, "%s report: byte 0x%02X at offset %zu is not UTF-8, after: %.*s\n",
			name, (unsigned char)buf[bad], bad, (int)(bad - from), buf + from);
		die(name, "report is not well-formed UTF-8");
	}
}

static uint32_t fnv1a(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

/* Every line of the github report is one workflow command. */
static void check_github_report(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			die("github", "report does not end with a newline");
		if (strncmp(p, "::error ", 8) != 0 && strncmp(p, "::warning ", 10) != 0 &&
		    strncmp(p, "::notice ", 9) != 0 && strncmp(p, "::error::", 9) != 0 &&
		    strncmp(p, "::warning::", 11) != 0 && strncmp(p, "::notice::", 10) != 0) {
			fprintf(stderr, "github report line: %.*s\n", (int)(nl - p), p);
			die("github", "report line is not a workflow command");
		}
		if (memchr(p, '\r', (size_t)(nl - p)))
			die("github", "report line holds a raw carriage return");
		p = nl + 1;
	}
}

/* The report must be exactly one JSON object. */
static void check_json_report(const char *name, const char *buf, size_t len)
{
	struct json_tokener *tok = json_tokener_new_ex(128);
	struct json_object *obj;
	size_t used;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, buf, (int)len);
	used = (size_t)json_tokener_get_parse_end(tok);
	if (!obj || json_object_get_type(obj) != json_type_object) {
		fprintf(stderr, "report (%zu bytes):\n%.*s\n", len, (int)(len > 4000 ? 4000 : len),
			buf);
		die(name, json_tokener_error_desc(json_tokener_get_error(tok)));
	}
	while (used < len && strchr(" \t\r\n", buf[used]))
		used++;
	if (used != len)
		die(name, "report has bytes after its JSON object");
	json_object_put(obj);
	json_tokener_free(tok);
}

/* A memory stream that keeps the first `keep` bytes written and counts the rest.
 * The text report repeats each finding's whole source line, so a few kilobytes of
 * input with many findings on one long line make a report of many megabytes
 * (see fuzz/crashes/text-excerpt-amplification.yaml); keeping all of it made
 * ASan's quarantine outgrow -rss_limit_mb, so the text report keeps only 1 MiB.
 * With FUZZ_MAX_TEXT_REPORT=BYTES in the environment a larger report aborts. */
struct sink {
	char *buf;
	size_t len, cap, keep, total;
};

static ssize_t sink_write(void *cookie, const char *data, size_t n)
{
	struct sink *k = cookie;
	size_t take = k->len < k->keep ? k->keep - k->len : 0;

	if (take > n)
		take = n;
	if (k->len + take + 1 > k->cap) {
		size_t cap = k->cap ? k->cap : 4096;

		while (cap < k->len + take + 1)
			cap *= 2;
		k->buf = realloc(k->buf, cap);
		if (!k->buf)
			die("realloc", NULL);
		k->cap = cap;
	}
	memcpy(k->buf + k->len, data, take);
	k->len += take;
	k->buf[k->len] = '\0';
	k->total += n;
	return (ssize_t)n;
}

static int sink_close(void *cookie)
{
	(void)cookie;
	return 0;
}

static FILE *sink_open(struct sink *k, size_t keep)
{
	cookie_io_functions_t io = { NULL, sink_write, NULL, sink_close };

	memset(k, 0, sizeof *k);
	k->keep = keep;
	return fopencookie(k, "w", io);
}

/* Writes one report into a memory stream (kept in `sink`). */
static void write_report(const char *name, const struct lint_result *results, size_t n,
			 bool color, struct sink *sink, size_t keep)
{
	struct report_meta meta = { &cat, "fuzz", color, false, false };
	struct report_counts counts = { 0 };
	FILE *mem = sink_open(sink, keep);
	struct formatter *f;
	char *error = NULL;
	size_t i;

	if (!mem)
		die("fopencookie", NULL);
	f = formatter_open_stream(name, mem, &meta, &error);
	if (!f)
		die("formatter_open_stream", error);
	for (i = 0; i < n; i++) {
		formatter_file(f, &results[i]);
		report_counts_add(&counts, &results[i]);
	}
	if (formatter_close(f, &counts, &error) < 0)
		die("formatter_close", error);
	if (fclose(mem) != 0)
		die("fclose", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = FUZZ_FORMAT == SOURCE_JSON ? "fuzz/input.json" : "fuzz/input.yaml";
	struct lint_result results[2];
	struct sink sink;
	char *bytes;
	size_t i;

	bytes = malloc(size + 1);
	if (!bytes)
		return 0;
	memcpy(bytes, data, size);
	bytes[size] = '\0';
	/* Cheap and separate from the loader chosen below. */
	(void)source_guess_format("fuzz/input", bytes, size);

	lint_bytes(&cfg, path, bytes, size, FUZZ_FORMAT, &results[0]);
	check_result(&results[0]);

	/* A second file that could not be read, as lint_path leaves it, so every
	 * formatter also writes its unreadable-file form after a real one. */
	memset(&results[1], 0, sizeof results[1]);
	results[1].path = strdup("fuzz/unreadable \"dir\"/x.json");
	results[1].read_error = strdup("cannot read: Is a directory");
	diag_list_init(&results[1].diags);

	for (i = 0; format_name(i); i++) {
		const char *name = format_name(i);
		bool is_json = strcmp(name, "json") == 0, is_sarif = strcmp(name, "sarif") == 0;
		bool is_text = strcmp(name, "text") == 0;

		write_report(name, results, 2, false, &sink, is_text ? TEXT_KEEP : SIZE_MAX);
		if (is_json || is_sarif)
			check_utf8(name, sink.buf, sink.len);
		if (is_json || (is_sarif && fnv1a(data, size) % 16 == 0))
			check_json_report(name, sink.buf, sink.len);
		if (strcmp(name, "github") == 0)
			check_github_report(sink.buf, sink.len);
		if (is_text && max_text_report && sink.total > max_text_report) {
			fprintf(stderr, "text report of %zu bytes for %zu bytes of input\n",
				sink.total, size);
			die("text", "report larger than FUZZ_MAX_TEXT_REPORT");
		}
		free(sink.buf);
	}
	/* The text format once more in colour (a different code path). */
	write_report("text", results, 1, true, &sink, TEXT_KEEP);
	free(sink.buf);

	lint_result_free(&results[0]);
	lint_result_free(&results[1]);
	return 0;
}
