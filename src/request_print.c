/* --print-request: walks the document tree as the AWS CLI's loaders construct it
 * (YAML typing, merge keys, aliases, the last of duplicate JSON keys) and writes the
 * result as canonical JSON, secrets masked. */
#include "request_print.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "findings.h"
#include "pyvalue.h"
#include "readfile.h"
#include "source.h"
#include "suggest.h"
#include "util.h"

#define MASK "********"
/* Pretty output nests two bytes per level: a cap on the recursion, and far more
 * than a request needs (aliases can nest deeper than the file does). */
#define PRINT_MAX_DEPTH 4096
/* Output beyond this (after aliases are expanded) is refused, whatever the input. */
#define PRINT_MIN_BYTE_LIMIT ((size_t)256 << 20)

struct printer {
	struct source *src;
	bool yaml11;
	bool show_secrets;
	const char **secret_names;     /* members whose values are never shown */
	size_t nsecret_names;
	const struct node **secrets;   /* values of secret members, sorted */
	size_t nsecrets, secrets_cap;
	struct strbuf out;
	struct request_print_notes *notes;
	size_t visits, max_visits, max_bytes;
	unsigned max_depth;
	char *error;                   /* the first problem, without its place */
	size_t error_at;
};

static void fail(struct printer *p, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct printer *p, size_t at, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	if (p->error)
		return;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	p->error = sb_detach(&sb);
	p->error_at = at;
}

/* "FILE:LINE:COLUMN: " for a byte offset. */
static char *place(struct source *src, const char *shown, size_t at)
{
	struct position pos = source_position(src, at);

	return xasprintf("%s:%u:%u: ", shown, pos.line, pos.column);
}

static void add_note(struct printer *p, const struct node *at, const char *what,
		     const char *text)
{
	char *where = place(p->src, p->src->path, at->start);

	p->notes->lines = grow_array(p->notes->lines, &p->notes->cap, p->notes->n + 1,
				     sizeof *p->notes->lines);
	p->notes->lines[p->notes->n++] =
		xasprintf("%sthe AWS CLI reads %s here; JSON has no such value, so it is "
			  "shown as the string \"%s\"", where, what, text);
	free(where);
}

void request_print_notes_free(struct request_print_notes *notes)
{
	size_t i;

	for (i = 0; i < notes->n; i++)
		free(notes->lines[i]);
	free(notes->lines);
	memset(notes, 0, sizeof *notes);
}

/* ---- Secrets: the values of secret members (and of near misspellings of their
 * names), wherever they are used, through aliases too. */

static void secret_names_from_shape(struct printer *p, const struct request_shape *rs)
{
	size_t i, j;

	for (i = 0; i < rs->nshapes; i++)
		for (j = 0; j < rs->shapes[i].nmembers; j++)
			if (rs->shapes[i].members[j].shape->secret) {
				p->secret_names = xrealloc(p->secret_names, (p->nsecret_names + 1) *
							   sizeof *p->secret_names);
				p->secret_names[p->nsecret_names++] = rs->shapes[i].members[j].name;
			}
}

static bool is_secret_key(const struct printer *p, const struct node *key)
{
	size_t i;

	key = node_deref(key);
	if (!key || key->kind != NODE_STRING || p->nsecret_names == 0)
		return false;
	for (i = 0; i < p->nsecret_names; i++)
		if (strcmp(key->text, p->secret_names[i]) == 0)
			return true;
	return suggest(key->text, p->secret_names, p->nsecret_names) != NULL;
}

static void add_secret(struct printer *p, const struct node *n)
{
	p->secrets = grow_array(p->secrets, &p->secrets_cap, p->nsecrets + 1, sizeof *p->secrets);
	p->secrets[p->nsecrets++] = n;
}

/* Visits each node of the tree once: aliases are not followed, as their targets are
 * visited where they are written. */
static void collect_secrets(struct printer *p, const struct node *n, unsigned depth)
{
	size_t i;

	if (!n || n->kind == NODE_ALIAS || depth > p->max_depth)
		return;
	for (i = 0; n->kind == NODE_SEQUENCE && i < n->nitems; i++)
		collect_secrets(p, n->items[i], depth + 1);
	for (i = 0; n->kind == NODE_MAPPING && i < n->nmembers; i++) {
		const struct member *m = &n->members[i];

		if (is_secret_key(p, m->key) && node_deref(m->value))
			add_secret(p, node_deref(m->value));
		if (!(m->key->flags & NODE_MERGED))
			collect_secrets(p, m->value, depth + 1);
	}
}

static int compare_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const struct node *const *)a;
	uintptr_t y = (uintptr_t) * (const struct node *const *)b;

	return x < y ? -1 : x > y;
}

static bool is_secret_value(const struct printer *p, const struct node *n)
{
	return !p->show_secrets && p->nsecrets &&
	       bsearch(&n, p->secrets, p->nsecrets, sizeof *p->secrets, compare_ptr);
}

/* ---- Scalars. */

/* A JSON string of s[0..len): quotes, backslashes and control characters escaped;
 * other bytes as they are (escape_put_json makes the rest safe for terminals). */
static void put_json_string(struct strbuf *out, const char *s, size_t len)
{
	size_t i;

	sb_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			sb_addf(out, "\\%c", c);
		else if (c == '\n')
			sb_adds(out, "\\n");
		else if (c == '\t')
			sb_adds(out, "\\t");
		else if (c == '\r')
			sb_adds(out, "\\r");
		else if (c < 0x20)
			sb_addf(out, "\\u%04x", c);
		else
			sb_addc(out, (char)c);
	}
	sb_addc(out, '"');
}

/* How a scalar is written: a JSON token (numbers, true, null), or text that goes
 * into a JSON string. */
struct scalar {
	struct strbuf text;
	bool is_string;
	const char *note;    /* what the CLI reads, when JSON has no such value */
};

static int int_text(struct printer *p, const struct node *n, struct scalar *sc)
{
	if (p->src->format == SOURCE_JSON) {
		/* Python reads "-0" as the integer 0. */
		bool minus_zero = n->len == 2 && memcmp(n->text, "-0", 2) == 0;

		sb_addn(&sc->text, minus_zero ? "0" : n->text, minus_zero ? 1 : n->len);
		return 0;
	}
	return pyvalue_yaml_int(n->text, n->len, p->yaml11, &sc->text);
}

static int float_text(struct printer *p, const struct node *n, struct scalar *sc)
{
	double v;

	if (p->src->format == SOURCE_JSON)
		v = pyvalue_json_float(n->text, n->len);
	else if (pyvalue_yaml_float(n->text, n->len, p->yaml11, &v) < 0)
		return -1;
	pyvalue_float_repr(v, &sc->text);
	if (!isfinite(v)) {
		sc->is_string = true;
		sc->note = isnan(v) ? "a float that is not a number" : "an infinite float";
	}
	return 0;
}

static int bool_text(struct printer *p, const struct node *n, struct scalar *sc)
{
	bool v;

	if (p->src->format == SOURCE_JSON)
		v = n->text[0] == 't';
	else if (pyvalue_yaml_bool(n->text, n->len, &v) < 0)
		return -1;
	sb_adds(&sc->text, v ? "true" : "false");
	return 0;
}

/* Fills sc with what the CLI makes of a scalar; -1 when it could not make anything
 * (Python would raise): the caller reports it. */
static int scalar_text(struct printer *p, const struct node *n, struct scalar *sc)
{
	sb_init(&sc->text);
	sc->is_string = false;
	sc->note = NULL;
	switch (n->kind) {
	case NODE_STRING:
		sc->is_string = true;
		sb_addn(&sc->text, n->text, n->len);
		return 0;
	case NODE_NULL:
		sb_adds(&sc->text, "null");
		return 0;
	case NODE_BOOL:
		return bool_text(p, n, sc);
	case NODE_INT:
		return int_text(p, n, sc);
	case NODE_FLOAT:
		return float_text(p, n, sc);
	case NODE_TIMESTAMP:
		sc->is_string = true;
		sc->note = memchr(n->text, ':', n->len) ? "a date-time" : "a date";
		return pyvalue_yaml_timestamp(n->text, n->len, &sc->text);
	case NODE_BINARY:
		sc->is_string = true;
		sc->note = "binary data";
		return pyvalue_yaml_binary(n->text, n->len, &sc->text);
	default:
		return -1;
	}
}

/* Writes a scalar value; false when the CLI could not construct it. */
static bool put_scalar(struct printer *p, const struct node *n)
{
	struct scalar sc;
	bool ok = scalar_text(p, n, &sc) == 0;

	if (!ok && n->kind == NODE_OTHER) {
		fail(p, n->start, "--print-request cannot show this tagged value as JSON");
	} else if (!ok) {
		fail(p, n->start, "the AWS CLI cannot read this value as %s (Python raises an "
		     "error)", node_kind_phrase(n->kind));
	} else if (n->flags & NODE_LONE_SURROGATE) {
		/* The token as written is JSON already, and keeps the surrogate. */
		sb_addn(&p->out, p->src->bytes + n->start, n->end - n->start);
	} else if (sc.is_string) {
		put_json_string(&p->out, sc.text.buf, sc.text.len);
		if (sc.note)
			add_note(p, n, sc.note, sc.text.buf);
	} else {
		sb_addn(&p->out, sc.text.buf, sc.text.len);
	}
	sb_free(&sc.text);
	return ok;
}

/* ---- Mappings: keys as Python compares them, duplicates as the CLI treats them. */

/* Text as a C string for a map of identities: a NUL may be part of a key. */
static char *text_identity(char prefix, const struct strbuf *text)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	sb_addc(&sb, prefix);
	for (i = 0; i < text->len; i++) {
		if (text->buf[i] == '\0' || text->buf[i] == '\1')
			sb_addc(&sb, '\1');
		sb_addc(&sb, text->buf[i] == '\0' ? '0' : text->buf[i]);
	}
	return sb_detach(&sb);
}

/* A key's identity under Python's ==: 1, 1.0 and true are one key; "1" is another;
 * NaN equals nothing, itself included. NULL when the key cannot be constructed. */
static char *key_identity(struct printer *p, const struct node *key, size_t index)
{
	struct scalar sc;
	char *id;
	double v;

	if (scalar_text(p, key, &sc) < 0)
		id = NULL;
	else if (key->kind == NODE_BOOL)
		id = xstrdup(sc.text.buf[0] == 't' ? "n1" : "n0");
	else if (key->kind == NODE_FLOAT && strcmp(sc.text.buf, "nan") == 0)
		id = xasprintf("nan%zu", index);
	else if (key->kind == NODE_FLOAT && (v = strtod(sc.text.buf, NULL), isfinite(v)) &&
		 v == floor(v))
		id = xasprintf("n%.0f", v); /* the exact integer, as Python compares it */
	else if (key->kind == NODE_INT || key->kind == NODE_FLOAT)
		id = xasprintf("n%s", sc.text.buf);
	else
		id = text_identity(sc.is_string ? (char)('a' + key->kind) : 'x', &sc.text);
	sb_free(&sc.text);
	return id;
}

/* Writes a key: JSON keys are strings, so other keys are written as the text of
 * their value (1 -> "1", true -> "true"), as Python's json module does. */
static bool put_key(struct printer *p, const struct node *key)
{
	struct scalar sc;

	if (key->kind == NODE_MAPPING || key->kind == NODE_SEQUENCE) {
		fail(p, key->start, "%s as a key: %s", node_kind_phrase(key->kind),
		     key->kind == NODE_MAPPING ? "the AWS CLI cannot load it (unhashable key)"
					       : "--print-request cannot show it as JSON");
		return false;
	}
	if (key->flags & NODE_LONE_SURROGATE) {
		sb_addn(&p->out, p->src->bytes + key->start, key->end - key->start);
		return true;
	}
	if (scalar_text(p, key, &sc) < 0) {
		sb_free(&sc.text);
		return put_scalar(p, key); /* reports why */
	}
	put_json_string(&p->out, sc.text.buf, sc.text.len);
	sb_free(&sc.text);
	return true;
}

/* For each member, the member whose value is sent in its place: itself, the last
 * of its JSON duplicates, or none (SIZE_MAX) for a later duplicate or a merged
 * member that an earlier key hides. Reports YAML duplicates, which the CLI
 * refuses. */
static size_t *resolve_duplicates(struct printer *p, const struct node *map)
{
	size_t *sent = xcalloc(map->nmembers ? map->nmembers : 1, sizeof *sent);
	char **ids = xcalloc(map->nmembers ? map->nmembers : 1, sizeof *ids);
	struct strmap first;
	size_t i;

	strmap_init(&first);
	for (i = 0; i < map->nmembers && !p->error; i++) {
		const struct node *key = node_deref(map->members[i].key);
		size_t *seen;

		sent[i] = i;
		if (!key || key->kind == NODE_MAPPING || key->kind == NODE_SEQUENCE)
			continue; /* put_key reports it */
		ids[i] = key_identity(p, key, i);
		if (!ids[i])
			continue;
		seen = strmap_get(&first, ids[i]);
		if (!seen) {
			strmap_put(&first, ids[i], &sent[i]);
			continue;
		}
		sent[i] = SIZE_MAX;
		if (map->members[i].key->flags & NODE_MERGED)
			continue;
		if (p->src->format == SOURCE_YAML)
			fail(p, key->start, "this key is given twice in one mapping (first on line "
			     "%u); the AWS CLI refuses a YAML file with duplicate keys",
			     source_position(p->src, map->members[seen - sent].key->start).line);
		*seen = i;
	}
	strmap_free(&first);
	for (i = 0; i < map->nmembers; i++)
		free(ids[i]);
	free(ids);
	return sent;
}

static void put_value(struct printer *p, const struct node *n, unsigned depth);

static void put_indent(struct printer *p, unsigned depth)
{
	unsigned i;

	sb_addc(&p->out, '\n');
	for (i = 0; i < depth; i++)
		sb_adds(&p->out, "  ");
}

static void put_mapping(struct printer *p, const struct node *n, unsigned depth)
{
	size_t *sent = resolve_duplicates(p, n);
	size_t i;
	bool any = false;

	sb_addc(&p->out, '{');
	for (i = 0; i < n->nmembers && !p->error; i++) {
		if (sent[i] == SIZE_MAX)
			continue;
		sb_adds(&p->out, any ? "," : "");
		put_indent(p, depth + 1);
		any = true;
		if (!put_key(p, node_deref(n->members[i].key)))
			break;
		sb_adds(&p->out, ": ");
		put_value(p, n->members[sent[i]].value, depth + 1);
	}
	if (any)
		put_indent(p, depth);
	sb_addc(&p->out, '}');
	free(sent);
}

static void put_sequence(struct printer *p, const struct node *n, unsigned depth)
{
	size_t i;

	sb_addc(&p->out, '[');
	for (i = 0; i < n->nitems && !p->error; i++) {
		sb_adds(&p->out, i ? "," : "");
		put_indent(p, depth + 1);
		put_value(p, n->items[i], depth + 1);
	}
	if (n->nitems)
		put_indent(p, depth);
	sb_addc(&p->out, ']');
}

/* Aliases are expanded, so limits apply to what is written, not to the file. */
static bool within_limits(struct printer *p, const struct node *at, unsigned depth)
{
	if (++p->visits > p->max_visits)
		fail(p, at->start, "the request holds more than %zu values once aliases are "
		     "expanded (see --max-nodes)", p->max_visits);
	else if (p->out.len > p->max_bytes)
		fail(p, at->start, "the request is longer than %zu bytes once aliases are "
		     "expanded", p->max_bytes);
	else if (depth > p->max_depth)
		fail(p, at->start, "the request nests deeper than %u levels once aliases are "
		     "expanded (see --max-depth)", p->max_depth);
	return !p->error;
}

static void put_value(struct printer *p, const struct node *written, unsigned depth)
{
	const struct node *n = node_deref(written);

	if (p->error || !within_limits(p, written, depth))
		return;
	if (is_secret_value(p, n))
		sb_adds(&p->out, "\"" MASK "\"");
	else if (n->kind == NODE_MAPPING)
		put_mapping(p, n, depth);
	else if (n->kind == NODE_SEQUENCE)
		put_sequence(p, n, depth);
	else
		put_scalar(p, n);
}

/* ---- Loading. */

static bool has_yaml11_directive(const struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < diags->n; i++)
		if (diags->items[i].rule == RULE_CJ008)
			return true;
	return false;
}

/* The first error the loaders found, with its place; NULL when the file loaded. */
static char *load_error(const struct request_print_options *opts, struct source *src,
			struct diag_list *diags, const struct doc *doc)
{
	size_t i;

	findings_finish(diags, opts->lint->catalog, src, NULL);
	for (i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];

		if (d->severity == SEV_ERROR)
			return xasprintf("%s:%u:%u: %s [%s]", src->path, d->from.line,
					 d->from.column, d->message, diag_rule_id(d));
	}
	if (!doc->root)
		return xasprintf("%s: nothing could be loaded", src->path);
	return NULL;
}

/* The top level the CLI accepts: a mapping with string keys (they become keyword
 * arguments of the call). */
static void check_top_level(struct printer *p, const struct node *root)
{
	size_t i;

	if (root->kind != NODE_MAPPING) {
		fail(p, root->start, "the document is %s; the AWS CLI needs a mapping of request "
		     "members", node_kind_phrase(root->kind));
		return;
	}
	for (i = 0; i < root->nmembers; i++) {
		const struct node *k = node_deref(root->members[i].key);

		if (k && k->kind != NODE_STRING) {
			fail(p, k->start, "a top-level key is %s; the AWS CLI stops (keywords must be "
			     "strings)", node_kind_phrase(k->kind));
			return;
		}
	}
}

static void printer_init(struct printer *p, const struct request_print_options *opts,
			 struct source *src, struct request_print_notes *notes)
{
	memset(p, 0, sizeof *p);
	p->src = src;
	p->show_secrets = opts->show_secrets;
	p->notes = notes;
	p->max_visits = opts->lint->max_visits;
	p->max_depth = opts->lint->limits.max_depth < PRINT_MAX_DEPTH
		       ? opts->lint->limits.max_depth : PRINT_MAX_DEPTH;
	p->max_bytes = src->len > PRINT_MIN_BYTE_LIMIT / 8 ? src->len * 8 : PRINT_MIN_BYTE_LIMIT;
	sb_init(&p->out);
	if (!p->show_secrets)
		secret_names_from_shape(p, opts->lint->shape);
}

static void printer_free(struct printer *p)
{
	free(p->secret_names);
	free(p->secrets);
	free(p->error);
	sb_free(&p->out);
}

/* Builds the JSON text of a loaded document in p->out, or sets p->error. */
static void print_document(struct printer *p, const struct doc *doc)
{
	const struct node *root = node_deref(doc->root);

	check_top_level(p, root);
	if (p->error)
		return;
	collect_secrets(p, root, 0);
	if (p->nsecrets)
		qsort(p->secrets, p->nsecrets, sizeof *p->secrets, compare_ptr);
	put_value(p, root, 0);
	sb_addc(&p->out, '\n');
}

static struct source *read_source(const struct request_print_options *opts, char **error)
{
	const struct lint_config *cfg = opts->lint;
	bool is_stdin = strcmp(opts->path, "-") == 0;
	const char *shown = is_stdin && cfg->stdin_name ? cfg->stdin_name : opts->path;
	enum source_format format;
	char *bytes, *why;
	size_t len;

	if (read_file(opts->path, cfg->max_size, &bytes, &len, &why) < 0) {
		*error = xasprintf("%s: %s", shown, why);
		free(why);
		return NULL;
	}
	if (is_stdin && cfg->stdin_format != SOURCE_GUESS)
		format = cfg->stdin_format;
	else
		format = source_guess_format(shown, bytes, len);
	return source_new(shown, bytes, len, format);
}

int request_print(FILE *out, const struct request_print_options *opts, char **error,
		  struct request_print_notes *notes)
{
	struct source *src = read_source(opts, error);
	struct diag_list diags;
	struct printer p;
	struct doc *doc;

	if (!src)
		return -1;
	diag_list_init(&diags);
	doc = load_document(src, &opts->lint->limits, &diags);
	*error = load_error(opts, src, &diags, doc);
	if (!*error) {
		printer_init(&p, opts, src, notes);
		p.yaml11 = has_yaml11_directive(&diags);
		print_document(&p, doc);
		if (p.error) {
			char *where = place(src, src->path, p.error_at);

			*error = xasprintf("%s%s", where, p.error);
			free(where);
			request_print_notes_free(notes);
		} else {
			escape_put_json(out, p.out.buf);
		}
		printer_free(&p);
	}
	diag_list_free(&diags);
	doc_free(doc);
	source_free(src);
	return *error ? -1 : 0;
}
