/* The JSON format: one document per run, the contract editors and scripts rely on
 * (documented in createjob-lint(1)). json-c does the escaping. */
#include <json-c/json.h>
#include <stdlib.h>

#include "escape.h"
#include "format_impl.h"
#include "util.h"

static void add_string(json_object *obj, const char *key, const char *value)
{
	json_object_object_add(obj, key, json_object_new_string(value));
}

static void add_int(json_object *obj, const char *key, size_t value)
{
	json_object_object_add(obj, key, json_object_new_int64((int64_t)value));
}

static json_object *diag_to_json(const struct diag *d)
{
	json_object *o = json_object_new_object();

	add_string(o, "rule", diag_rule_id(d));
	add_string(o, "severity", severity_name(d->severity));
	add_string(o, "message", d->message);
	add_string(o, "pointer", d->pointer);
	add_int(o, "line", d->from.line);
	add_int(o, "column", d->from.column);
	add_int(o, "endLine", d->to.line);
	add_int(o, "endColumn", d->to.column);
	add_int(o, "offset", d->from.offset);
	add_int(o, "endOffset", d->to.offset);
	if (d->suggestion)
		add_string(o, "suggestion", d->suggestion);
	if (d->related_line)
		add_int(o, "relatedLine", d->related_line);
	return o;
}

static const int json_flags = JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;

/* Writes one JSON value and frees it. */
static void put_json(FILE *out, json_object *value)
{
	escape_put_json(out, json_object_to_json_string_ext(value, json_flags));
	json_object_put(value);
}

/* {"path": ..., "format": ..., "diagnostics": [...]}, or {"path": ..., "error": ...}:
 * written one diagnostic at a time, so that a file with many findings never holds
 * them all as JSON in memory. */
static void put_file(FILE *out, const struct lint_result *res)
{
	size_t j;

	fputs("{\"path\":", out);
	put_json(out, json_object_new_string(res->path));
	if (res->read_error) {
		fputs(",\"error\":", out);
		put_json(out, json_object_new_string(res->read_error));
		fputc('}', out);
		return;
	}
	fprintf(out, ",\"format\":\"%s\",\"diagnostics\":[",
		res->src->format == SOURCE_JSON ? "json" : "yaml");
	for (j = 0; j < res->diags.n; j++) {
		if (j)
			fputc(',', out);
		put_json(out, diag_to_json(&res->diags.items[j]));
	}
	fputs("]}", out);
}

/* Skipped files are listed after the linted ones, so they wait until the end. */
struct json_report {
	json_object *skipped;
};

static void json_release(struct formatter *f)
{
	if (!f->own.json)
		return;
	json_object_put(f->own.json->skipped);
	free(f->own.json);
	f->own.json = NULL;
}

static void json_begin(struct formatter *f)
{
	json_object *tool = json_object_new_object();

	add_string(tool, "name", "createjob-lint");
	add_string(tool, "version", f->meta->version);
	fputs("{\"tool\":", f->out);
	escape_put_json(f->out, json_object_to_json_string_ext(tool, json_flags));
	fputs(",\"files\":[", f->out);
	json_object_put(tool);
	f->own.json = xcalloc(1, sizeof *f->own.json);
	f->own.json->skipped = json_object_new_array();
}

static void json_file(struct formatter *f, const struct lint_result *res)
{
	if (f->files)
		fputc(',', f->out);
	put_file(f->out, res);
}

/* Skipped files are listed after the linted ones ("skipped": [{path, reason}]),
 * kept until then as one small object each. */
static void json_skipped(struct formatter *f, const struct lint_result *res)
{
	json_object *o = json_object_new_object();
	char *reason = lint_skip_text(res);

	add_string(o, "path", res->path);
	add_string(o, "reason", reason);
	json_object_array_add(f->own.json->skipped, o);
	free(reason);
}

static void json_end(struct formatter *f, const struct report_counts *c)
{
	json_object *summary = json_object_new_object();

	add_int(summary, "files", c->files);
	add_int(summary, "errors", c->errors);
	add_int(summary, "warnings", c->warnings);
	add_int(summary, "infos", c->infos);
	add_int(summary, "skipped", c->skipped);
	fputs("],\"skipped\":", f->out);
	escape_put_json(f->out, json_object_to_json_string_ext(f->own.json->skipped, json_flags));
	fputs(",\"summary\":", f->out);
	escape_put_json(f->out, json_object_to_json_string_ext(summary, json_flags));
	fputs("}\n", f->out);
	json_object_put(summary);
	json_release(f);
}

const struct format_ops format_json_ops = {
	.name = "json", .begin = json_begin, .file = json_file, .end = json_end,
	.skipped = json_skipped, .release = json_release,
};
