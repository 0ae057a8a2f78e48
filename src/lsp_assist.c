/* Hover and completion for the language server: the request shape's members,
 * types, constraints and service documentation at the cursor, and the rule
 * behind a finding there. */
#include <stdlib.h>
#include <string.h>

#include "lsp_features.h"
#include "lsp_where.h"
#include "util.h"

enum { ITEM_PROPERTY = 10, ITEM_ENUM_MEMBER = 20 };
enum { TEXT_PLAIN = 1, TEXT_SNIPPET = 2 };

/* A member of a structure named by a span (not NUL-terminated). */
static const struct shape_member *member_of(const struct shape *s, struct lsp_span name)
{
	char buf[256];

	if (!s || s->type != SHAPE_STRUCTURE || !name.ptr || name.len >= sizeof buf)
		return NULL;
	memcpy(buf, name.ptr, name.len);
	buf[name.len] = '\0';
	return shape_member(s, buf);
}

static const struct shape *follow(const struct shape *s, const struct lsp_span *path, size_t n)
{
	size_t i;

	for (i = 0; s && i < n; i++) {
		const struct shape_member *m;

		if (!path[i].ptr) {
			s = s->type == SHAPE_LIST ? s->item : NULL;
			continue;
		}
		m = member_of(s, path[i]);
		s = m ? m->shape : NULL;
	}
	return s;
}

/* The shape of the cursor's container: from the request's root, or from one level
 * down for a request wrapped in another key or listed with others. */
static const struct shape *container_shape(const struct request_shape *rs,
					   const struct lsp_where *w)
{
	const struct shape *s = follow(rs->root, w->path, w->depth);

	if (!s && w->depth > 0)
		s = follow(rs->root, w->path + 1, w->depth - 1);
	return s;
}

static enum source_format doc_format(const struct lsp_doc *doc)
{
	if (strcmp(doc->language, "yaml") == 0)
		return SOURCE_YAML;
	if (strcmp(doc->language, "json") == 0 || strcmp(doc->language, "jsonc") == 0)
		return SOURCE_JSON;
	return source_guess_format(doc->path, doc->text, doc->len);
}

static json_object *markdown(const char *text)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "kind", json_object_new_string("markdown"));
	json_object_object_add(o, "value", json_object_new_string(text));
	return o;
}

/* --- what a shape allows, in words --- */

static const char *type_word(const struct shape *s)
{
	return s->type == SHAPE_STRUCTURE ? "structure" : s->type == SHAPE_LIST ? "list" : "string";
}

static void describe_bounds(struct strbuf *sb, const struct shape *s)
{
	const char *what = s->type == SHAPE_LIST ? "Entries" : "Length";

	if (s->min >= 0 && s->max >= 0)
		sb_addf(sb, "\n\n%s: %ld to %ld", what, s->min, s->max);
	else if (s->min >= 0)
		sb_addf(sb, "\n\n%s: at least %ld", what, s->min);
	else if (s->max >= 0)
		sb_addf(sb, "\n\n%s: at most %ld", what, s->max);
}

static void describe_constraints(struct strbuf *sb, const struct shape *s)
{
	size_t i;

	if (s->type == SHAPE_LIST && s->item && s->item->type == SHAPE_STRING)
		s = s->item; /* a list of enum values: say which */
	describe_bounds(sb, s);
	for (i = 0; i < s->nenums; i++)
		sb_addf(sb, "%s`%s`", i ? ", " : "\n\nAllowed values: ", s->enums[i]);
	if (s->pattern_text)
		sb_addf(sb, "\n\nPattern: %s", s->pattern_text);
	else if (s->pattern)
		sb_addf(sb, "\n\nPattern: `%s`", s->pattern);
	if (s->type == SHAPE_STRUCTURE)
		for (i = 0; i < s->nmembers; i++)
			sb_addf(sb, "%s`%s`%s", i ? ", " : "\n\nMembers: ", s->members[i].name,
				s->members[i].required ? " (required)" : "");
}

static void describe_member(struct strbuf *sb, const struct shape_member *m)
{
	const char *doc = m->doc ? m->doc : m->shape->doc;

	sb_addf(sb, "**%s**: %s `%s`%s", m->name, type_word(m->shape), m->shape->name,
		m->required ? ", required" : "");
	if (m->since)
		sb_addf(sb, " (in the service model since %s)", m->since);
	if (doc)
		sb_addf(sb, "\n\n%s", doc);
	describe_constraints(sb, m->shape);
}

/* --- hover --- */

static void describe_finding(struct strbuf *sb, const struct catalog *cat, const struct diag *d)
{
	const struct rule *r = catalog_rule(cat, d->rule);

	if (sb->len)
		sb_adds(sb, "\n\n---\n\n");
	sb_addf(sb, "**%s** %s (%s): %s", r->id, r->name, severity_name(d->severity),
		d->message ? d->message : "");
	sb_addf(sb, "\n\n%s", r->summary);
	if (d->fix && d->fix->description)
		sb_addf(sb, "\n\nFix: %s.", d->fix->description);
	else if (d->suggestion)
		sb_addf(sb, "\n\nSuggested value: `%s`", d->suggestion);
	if (r->description)
		sb_addf(sb, "\n\n%s", r->description);
	sb_addf(sb, "\n\n(`createjob-lint --explain %s` shows examples.)", r->id);
}

static void hover_findings(const struct lsp_lint *l, const struct catalog *cat, size_t offset,
			   struct strbuf *sb)
{
	size_t i;

	for (i = 0; !l->res.skipped && i < l->res.diags.n; i++) {
		const struct diag *d = &l->res.diags.items[i];

		if (d->start <= offset && (offset < d->end || offset == d->start))
			describe_finding(sb, cat, d);
	}
}

static void hover_member(const struct lsp_ctx *ctx, struct lsp_doc *doc, size_t offset,
			 struct strbuf *sb)
{
	struct lsp_where w;
	const struct shape *s;
	const struct shape_member *m;

	if (!lsp_where_find(doc->text, doc->len, doc_format(doc), offset, &w))
		return;
	s = container_shape(ctx->cfg->shape, &w);
	m = member_of(s, w.key);
	if (m && (w.in_key || offset >= w.word_start)) {
		struct strbuf part;

		sb_init(&part);
		describe_member(&part, m);
		if (sb->len)
			sb_adds(&part, "\n\n---\n\n");
		if (sb->len)
			sb_addn(&part, sb->buf, sb->len);
		sb_free(sb);
		*sb = part;
	}
	lsp_where_free(&w);
}

json_object *lsp_hover(const struct lsp_ctx *ctx, struct lsp_doc *doc, struct lsp_pos pos)
{
	const struct lsp_lint *l = lsp_lint_current(ctx, doc);
	size_t offset = lsp_doc_offset(doc, ctx->enc, pos);
	struct strbuf sb;
	json_object *hover;

	sb_init(&sb);
	hover_findings(l, ctx->cfg->catalog, offset, &sb);
	hover_member(ctx, doc, offset, &sb);
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	hover = json_object_new_object();
	json_object_object_add(hover, "contents", markdown(sb.buf));
	sb_free(&sb);
	return hover;
}

/* --- completion --- */

struct completion {
	struct lsp_doc *doc;
	enum lsp_encoding enc;
	const struct lsp_where *w;
	enum source_format format;
	bool colon_follows;       /* the name being replaced already has its colon */
	json_object *items;
};

static void add_item(struct completion *c, const char *label, int kind, const char *detail,
		     const char *documentation, const char *text, int format)
{
	json_object *item = json_object_new_object(), *edit = json_object_new_object();

	json_object_object_add(item, "label", json_object_new_string(label));
	json_object_object_add(item, "kind", json_object_new_int(kind));
	if (detail)
		json_object_object_add(item, "detail", json_object_new_string(detail));
	if (documentation)
		json_object_object_add(item, "documentation", markdown(documentation));
	if (c->format == SOURCE_JSON) {
		char *filter = xasprintf("\"%s\"", label);

		json_object_object_add(item, "filterText", json_object_new_string(filter));
		free(filter);
	}
	json_object_object_add(edit, "range",
			       lsp_range_json(c->doc, c->enc, c->w->word_start, c->w->word_end));
	json_object_object_add(edit, "newText", json_object_new_string(text));
	json_object_object_add(item, "textEdit", edit);
	json_object_object_add(item, "insertTextFormat", json_object_new_int(format));
	json_object_array_add(c->items, item);
}

static bool is_present(const struct lsp_where *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->npresent; i++)
		if (lsp_span_is(w->present[i], name) && !(w->present[i].ptr >= w->key.ptr &&
							   w->present[i].ptr < w->key.ptr + w->key.len + 1))
			return true;
	return false;
}

/* A placeholder for a member's value in a snippet, numbered n. */
static void snippet_value(struct strbuf *sb, const struct completion *c, const struct shape *s,
			  unsigned n)
{
	if (c->format == SOURCE_JSON)
		sb_addf(sb, s->type == SHAPE_STRUCTURE ? "{$%u}" : s->type == SHAPE_LIST ? "[$%u]"
											 : "\"$%u\"", n);
	else
		sb_addf(sb, s->type == SHAPE_STRUCTURE ? "\n    $%u" : s->type == SHAPE_LIST
			? "\n    - $%u" : " $%u", n);
}

/* The Details member a job type needs, with its required members to fill in. */
static char *details_snippet(const struct completion *c, const struct shape_member *m)
{
	struct strbuf sb;
	const struct shape *s = m->shape;
	size_t i;
	unsigned n = 0;

	sb_init(&sb);
	sb_addf(&sb, c->format == SOURCE_JSON ? "\"%s\": {" : "%s:", m->name);
	for (i = 0; i < s->nmembers; i++) {
		if (!s->members[i].required)
			continue;
		if (c->format == SOURCE_JSON)
			sb_addf(&sb, "%s\n\t\"%s\": ", n ? "," : "", s->members[i].name);
		else
			sb_addf(&sb, "\n  %s:", s->members[i].name);
		snippet_value(&sb, c, s->members[i].shape, ++n);
	}
	if (c->format == SOURCE_JSON)
		sb_adds(&sb, n ? "\n}" : "$1}");
	return sb_detach(&sb);
}

static char *member_text(const struct completion *c, const char *name)
{
	if (c->format == SOURCE_JSON)
		return c->colon_follows ? xasprintf("\"%s\"", name) : xasprintf("\"%s\": ", name);
	return c->colon_follows ? xstrdup(name) : xasprintf("%s: ", name);
}

static void complete_members(struct completion *c, const struct request_shape *rs,
			     const struct shape *s)
{
	const char *wanted = NULL;
	char type[128];
	size_t i;

	if (c->w->type.ptr && c->w->type.len < sizeof type) {
		memcpy(type, c->w->type.ptr, c->w->type.len);
		type[c->w->type.len] = '\0';
		wanted = shape_details_for_type(rs, type);
	}
	for (i = 0; i < s->nmembers; i++) {
		const struct shape_member *m = &s->members[i];
		struct strbuf doc;
		char *text;
		bool snippet = wanted && strcmp(m->name, wanted) == 0 && !c->colon_follows;

		if (is_present(c->w, m->name))
			continue;
		sb_init(&doc);
		describe_member(&doc, m);
		text = snippet ? details_snippet(c, m) : member_text(c, m->name);
		add_item(c, m->name, ITEM_PROPERTY, m->required ? "required" : type_word(m->shape),
			 doc.buf, text, snippet ? TEXT_SNIPPET : TEXT_PLAIN);
		if (snippet) {
			json_object *item = json_object_array_get_idx(
				c->items, json_object_array_length(c->items) - 1);

			json_object_object_add(item, "preselect", json_object_new_boolean(1));
			json_object_object_add(item, "sortText", json_object_new_string("0"));
		}
		free(text);
		sb_free(&doc);
	}
}

static void complete_values(struct completion *c, const struct shape *s)
{
	size_t i;

	for (i = 0; i < s->nenums; i++) {
		char *text = c->format == SOURCE_JSON ? xasprintf("\"%s\"", s->enums[i])
						      : xstrdup(s->enums[i]);

		add_item(c, s->enums[i], ITEM_ENUM_MEMBER, s->name, NULL, text, TEXT_PLAIN);
		free(text);
	}
}

/* The shape of the value at the cursor when it is on a value, else NULL. */
static const struct shape *value_shape(const struct lsp_where *w, const struct shape *s)
{
	const struct shape_member *m;

	if (s->type == SHAPE_STRING)
		return s; /* a YAML list item being typed */
	if (s->type == SHAPE_LIST)
		return w->container_is_list ? s->item : NULL;
	if (w->in_key || !(m = member_of(s, w->key)))
		return NULL;
	return m->shape;
}

static bool colon_after(const struct lsp_doc *doc, size_t at)
{
	while (at < doc->len && (doc->text[at] == ' ' || doc->text[at] == '\t'))
		at++;
	return at < doc->len && doc->text[at] == ':';
}

json_object *lsp_completion(const struct lsp_ctx *ctx, struct lsp_doc *doc, struct lsp_pos pos)
{
	size_t offset = lsp_doc_offset(doc, ctx->enc, pos);
	struct lsp_where w;
	struct completion c = { doc, ctx->enc, &w, doc_format(doc), false, json_object_new_array() };
	json_object *list = json_object_new_object();
	const struct shape *s, *v;

	if (lsp_where_find(doc->text, doc->len, c.format, offset, &w)) {
		c.colon_follows = w.in_key && colon_after(doc, w.word_end);
		s = container_shape(ctx->cfg->shape, &w);
		v = s ? value_shape(&w, s) : NULL;
		if (v && v->nenums)
			complete_values(&c, v);
		else if (s && s->type == SHAPE_STRUCTURE && w.in_key)
			complete_members(&c, ctx->cfg->shape, s);
		lsp_where_free(&w);
	}
	json_object_object_add(list, "isIncomplete", json_object_new_boolean(0));
	json_object_object_add(list, "items", c.items);
	return list;
}
