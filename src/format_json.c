/* The JSON format: one document per run, the contract editors and scripts rely on
 * (documented in createjob-lint(1)). json-c does the escaping. */
#include <json-c/json.h>

#include "format.h"

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

	add_string(o, "rule", d->rule);
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

static json_object *file_to_json(const struct lint_result *res)
{
	json_object *f = json_object_new_object();
	json_object *list;
	size_t j;

	add_string(f, "path", res->path);
	if (res->read_error) {
		add_string(f, "error", res->read_error);
		return f;
	}
	add_string(f, "format", res->src->format == FORMAT_JSON ? "json" : "yaml");
	list = json_object_new_array();
	for (j = 0; j < res->diags.n; j++)
		json_object_array_add(list, diag_to_json(&res->diags.items[j]));
	json_object_object_add(f, "diagnostics", list);
	return f;
}

int format_json(FILE *out, const struct report *r)
{
	struct report_counts c = report_count(r);
	json_object *root = json_object_new_object();
	json_object *tool = json_object_new_object();
	json_object *files = json_object_new_array();
	json_object *summary = json_object_new_object();
	size_t i;

	add_string(tool, "name", "createjob-lint");
	add_string(tool, "version", r->version);
	json_object_object_add(root, "tool", tool);
	for (i = 0; i < r->n; i++)
		json_object_array_add(files, file_to_json(&r->results[i]));
	json_object_object_add(root, "files", files);
	add_int(summary, "files", c.files);
	add_int(summary, "errors", c.errors);
	add_int(summary, "warnings", c.warnings);
	add_int(summary, "infos", c.infos);
	json_object_object_add(root, "summary", summary);
	fputs(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN |
						     JSON_C_TO_STRING_NOSLASHESCAPE),
	      out);
	fputc('\n', out);
	json_object_put(root);
	return ferror(out) ? -1 : 0;
}
