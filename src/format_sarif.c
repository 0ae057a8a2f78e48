/* The SARIF 2.1.0 format, for GitHub code scanning and other SARIF viewers: the
 * rule catalog as tool.driver.rules, one result per finding, located relative to
 * %SRCROOT% (the working directory), with fingerprints that do not move when
 * unrelated lines do. */
#include <ctype.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "ruledoc.h"
#include "format_impl.h"
#include "util.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFORMATION_URI "https://github.com/createjob-lint/createjob-lint"

static json_object *text_object(const char *key, const char *text)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, key, json_object_new_string(text));
	return o;
}

static const char *sarif_level(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : sev == SEV_WARNING ? "warning" : "note";
}

/* "type-details-mismatch" -> "TypeDetailsMismatch", the convention for SARIF rule names. */
static char *pascal_case(const char *name)
{
	struct strbuf sb;
	int upper = 1;

	sb_init(&sb);
	for (; *name; name++) {
		if (*name == '-' || *name == '_') {
			upper = 1;
			continue;
		}
		sb_addc(&sb, upper ? (char)toupper((unsigned char)*name) : *name);
		upper = 0;
	}
	return sb_detach(&sb);
}

static json_object *rule_descriptor(const struct rule *r)
{
	json_object *o = json_object_new_object();
	json_object *help = json_object_new_object();
	json_object *config = json_object_new_object();
	char *name = pascal_case(r->name);
	char *markdown = ruledoc_explain_markdown(r);
	char *text = ruledoc_explain_text(r);

	json_object_object_add(o, "id", json_object_new_string(r->id));
	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "shortDescription", text_object("text", r->summary));
	json_object_object_add(o, "fullDescription", text_object("text", r->description));
	json_object_object_add(help, "text", json_object_new_string(text));
	json_object_object_add(help, "markdown", json_object_new_string(markdown));
	json_object_object_add(o, "help", help);
	json_object_object_add(config, "level", json_object_new_string(sarif_level(r->severity)));
	json_object_object_add(o, "defaultConfiguration", config);
	free(name);
	free(markdown);
	free(text);
	return o;
}

static json_object *driver(const struct report_meta *r)
{
	json_object *d = json_object_new_object();
	json_object *rules = json_object_new_array();
	size_t i;

	json_object_object_add(d, "name", json_object_new_string("createjob-lint"));
	json_object_object_add(d, "version", json_object_new_string(r->version));
	json_object_object_add(d, "semanticVersion", json_object_new_string(r->version));
	json_object_object_add(d, "informationUri", json_object_new_string(INFORMATION_URI));
	for (i = 0; i < r->catalog->n; i++)
		json_object_array_add(rules, rule_descriptor(&r->catalog->rules[i]));
	json_object_object_add(d, "rules", rules);
	return d;
}

/* Percent-encodes what may not stand in a URI path, and every ':' too: a relative
 * reference whose first segment holds a colon would read as a scheme
 * ("javascript:alert(1).yaml"). Bytes that are not UTF-8 are percent-encoded like
 * the others, so the URI stays exact. */
static void add_uri_path(struct strbuf *sb, const char *path)
{
	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if (c && (isalnum(c) || strchr("-._~/!$&'()*+,;=@", c)))
			sb_addc(sb, (char)c);
		else
			sb_addf(sb, "%%%02X", c);
	}
}

/* The artifact location: relative to %SRCROOT% where the path allows it. */
static json_object *artifact_location(const char *path, const char *cwd)
{
	json_object *o = json_object_new_object();
	struct strbuf sb;
	size_t n = strlen(cwd);

	sb_init(&sb);
	if (strcmp(path, "-") == 0) {
		sb_adds(&sb, "stdin");
	} else if (path[0] == '/' && strncmp(path, cwd, n) == 0 && path[n] == '/') {
		add_uri_path(&sb, path + n + 1);
	} else if (path[0] == '/') {
		sb_adds(&sb, "file://");
		add_uri_path(&sb, path);
	} else {
		add_uri_path(&sb, strncmp(path, "./", 2) == 0 ? path + 2 : path);
	}
	json_object_object_add(o, "uri", json_object_new_string(sb.buf));
	if (strncmp(sb.buf, "file://", 7) != 0)
		json_object_object_add(o, "uriBaseId", json_object_new_string("%SRCROOT%"));
	sb_free(&sb);
	return o;
}

/* FNV-1a over rule, file and JSON pointer: no line numbers, so moving unrelated
 * lines keeps an alert's identity. */
static char *fingerprint(const char *rule, const char *path, const char *pointer,
			 const char *variant)
{
	const char *parts[4] = { rule, path, pointer, variant };
	unsigned long long h = 1469598103934665603ULL;
	size_t i;
	const char *p;

	for (i = 0; i < 4; i++) {
		for (p = parts[i]; p && *p; p++) {
			h ^= (unsigned char)*p;
			h *= 1099511628211ULL;
		}
		h ^= 0xff;
		h *= 1099511628211ULL;
	}
	return xasprintf("%016llx", h);
}

static json_object *result(const struct report_meta *r, const struct lint_result *res,
			   const struct diag *d, const char *cwd)
{
	const struct rule *rule = catalog_rule(r->catalog, d->rule);
	json_object *o = json_object_new_object();
	json_object *loc = json_object_new_object();
	json_object *phys = json_object_new_object();
	json_object *region = json_object_new_object();
	json_object *locations = json_object_new_array();
	json_object *prints = json_object_new_object();
	char *print = fingerprint(diag_rule_id(d), res->path, d->pointer, diag_variant(d));

	json_object_object_add(o, "ruleId", json_object_new_string(diag_rule_id(d)));
	if (rule)
		json_object_object_add(o, "ruleIndex", json_object_new_int64((int64_t)rule->index));
	json_object_object_add(o, "level", json_object_new_string(sarif_level(d->severity)));
	json_object_object_add(o, "message", text_object("text", d->message));
	json_object_object_add(region, "startLine", json_object_new_int64(d->from.line));
	json_object_object_add(region, "startColumn", json_object_new_int64(d->from.column));
	json_object_object_add(region, "endLine", json_object_new_int64(d->to.line));
	json_object_object_add(region, "endColumn", json_object_new_int64(
		d->to.line == d->from.line && d->to.column <= d->from.column ? d->from.column + 1
									    : d->to.column));
	json_object_object_add(phys, "artifactLocation", artifact_location(res->path, cwd));
	json_object_object_add(phys, "region", region);
	json_object_object_add(loc, "physicalLocation", phys);
	json_object_array_add(locations, loc);
	json_object_object_add(o, "locations", locations);
	json_object_object_add(prints, "createjobLintPointerHash/v1", json_object_new_string(print));
	json_object_object_add(o, "partialFingerprints", prints);
	free(print);
	return o;
}

/* A tool execution notification about one file: a read error, or a skip. */
static json_object *file_notification(const struct lint_result *res, const char *cwd,
				      const char *level, const char *text)
{
	json_object *n = json_object_new_object();
	json_object *loc = json_object_new_object();
	json_object *phys = json_object_new_object();
	json_object *locations = json_object_new_array();

	json_object_object_add(n, "level", json_object_new_string(level));
	json_object_object_add(n, "message", text_object("text", text));
	json_object_object_add(phys, "artifactLocation", artifact_location(res->path, cwd));
	json_object_object_add(loc, "physicalLocation", phys);
	json_object_array_add(locations, loc);
	json_object_object_add(n, "locations", locations);
	return n;
}

static json_object *read_error_notification(const struct lint_result *res, const char *cwd)
{
	char *text = xasprintf("%s: cannot read: %s", res->path, res->read_error);
	json_object *n = file_notification(res, cwd, "error", text);

	free(text);
	return n;
}

/* Notifications (unreadable and skipped files) belong to the invocation, written
 * after all results: they wait until the end. */
struct sarif_report {
	json_object *notifications;
};

static void sarif_release(struct formatter *f)
{
	if (!f->own.sarif)
		return;
	json_object_put(f->own.sarif->notifications);
	free(f->own.sarif);
	f->own.sarif = NULL;
}

/* Skipped files are notes among the notifications: a viewer can tell a clean file
 * from one that was never looked at. */
static void sarif_skipped(struct formatter *f, const struct lint_result *res)
{
	char *reason = lint_skip_text(res);
	char *text = xasprintf("%s: skipped: %s", res->path, reason);

	json_object_array_add(f->own.sarif->notifications,
			      file_notification(res, f->cwd, "note", text));
	free(text);
	free(reason);
}

static const int sarif_flags = JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;

/* The document is written in pieces: the run's opening with the tool and its rules,
 * one result per finding as files arrive, then the invocation (which needs the read
 * errors of the whole run) and the closing. */
static void sarif_begin(struct formatter *f)
{
	json_object *tool = json_object_new_object();
	json_object *bases = json_object_new_object();
	struct strbuf root_uri;

	sb_init(&root_uri);
	sb_adds(&root_uri, "file://");
	add_uri_path(&root_uri, f->cwd);
	if (root_uri.buf[root_uri.len - 1] != '/')
		sb_addc(&root_uri, '/');
	json_object_object_add(tool, "driver", driver(f->meta));
	json_object_object_add(bases, "%SRCROOT%", text_object("uri", root_uri.buf));
	fprintf(f->out, "{\"$schema\": \"%s\",\n \"version\": \"2.1.0\",\n \"runs\": [{\n"
			"  \"tool\": ", SARIF_SCHEMA);
	escape_put_json(f->out, json_object_to_json_string_ext(tool, sarif_flags));
	fputs(",\n  \"originalUriBaseIds\": ", f->out);
	escape_put_json(f->out, json_object_to_json_string_ext(bases, sarif_flags));
	fputs(",\n  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": [", f->out);
	json_object_put(tool);
	json_object_put(bases);
	sb_free(&root_uri);
	f->own.sarif = xcalloc(1, sizeof *f->own.sarif);
	f->own.sarif->notifications = json_object_new_array();
}

static void sarif_file(struct formatter *f, const struct lint_result *res)
{
	size_t j;

	if (res->read_error)
		json_object_array_add(f->own.sarif->notifications,
				      read_error_notification(res, f->cwd));
	for (j = 0; j < res->diags.n; j++) {
		json_object *o = result(f->meta, res, &res->diags.items[j], f->cwd);

		fprintf(f->out, "%s\n    ", f->results++ ? "," : "");
		escape_put_json(f->out, json_object_to_json_string_ext(o, sarif_flags));
		json_object_put(o);
	}
}

static void sarif_end(struct formatter *f, const struct report_counts *c)
{
	json_object *inv = json_object_new_object();

	json_object_object_add(inv, "executionSuccessful", json_object_new_boolean(c->unreadable == 0 && c->skipped_by[SKIP_BROKEN_CONFIG] == 0));
	json_object_object_add(inv, "toolExecutionNotifications",
			       json_object_get(f->own.sarif->notifications));
	sarif_release(f);
	fputs("\n  ],\n  \"invocations\": [", f->out);
	escape_put_json(f->out, json_object_to_json_string_ext(inv, sarif_flags));
	fputs("]\n }]\n}\n", f->out);
	json_object_put(inv);
}

const struct format_ops format_sarif_ops = {
	.name = "sarif", .begin = sarif_begin, .file = sarif_file, .end = sarif_end,
	.skipped = sarif_skipped, .release = sarif_release,
};
