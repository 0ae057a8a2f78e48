/* Edits for fixes, placed by source ranges and written in the file's style. */
#include "fixedit.h"

#include <stdlib.h>
#include <string.h>

#include "textspan.h"
#include "util.h"
#include "yamltype.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_alnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r';
}

/* `text` in double quotes for JSON and YAML alike: '"' and '\' escaped, control
 * characters and DEL as \uNNNN, which both read back as the same character. */
static void add_double_quoted(struct strbuf *sb, const char *text)
{
	const unsigned char *p;

	sb_addc(sb, '"');
	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7F)
			sb_addf(sb, "\\u%04x", *p);
		else
			sb_addc(sb, (char)*p);
	}
	sb_addc(sb, '"');
}

/* `text` in YAML single quotes ('' for a quote); false when it holds a character
 * single quotes cannot carry as it is. */
static bool add_yaml_single(struct strbuf *sb, const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return false;
	sb_addc(sb, '\'');
	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '\'')
			sb_addc(sb, '\'');
		sb_addc(sb, (char)*p);
	}
	sb_addc(sb, '\'');
	return true;
}

static void add_yaml_quoted(struct strbuf *sb, char quote, const char *text)
{
	if (quote != '\'' || !add_yaml_single(sb, text))
		add_double_quoted(sb, text);
}

/* Text that YAML reads back as the same string without quotes, in block and flow
 * context alike, under YAML 1.2 and 1.1. */
static bool plain_safe(const char *text)
{
	size_t len = strlen(text), i;

	if (len == 0 || !(is_alnum_ascii(text[0]) || text[0] == '_' || text[0] == '/'))
		return false;
	for (i = 0; i < len; i++)
		if (!(is_alnum_ascii(text[i]) || strchr("_.-/", text[i])))
			return false;
	return yaml_resolve_plain(text, len, false) == NODE_STRING &&
	       yaml_resolve_plain(text, len, true) == NODE_STRING;
}

/* A plain scalar on one line whose source is its text (no anchor, tag or folding). */
static bool simple_plain(const struct source *src, const struct node *n)
{
	return (n->flags & NODE_PLAIN) && !(n->flags & NODE_TAGGED) && n->text &&
	       n->end - n->start == n->len && n->end <= src->len &&
	       memcmp(src->bytes + n->start, n->text, n->len) == 0;
}

static char file_quote(const struct source *src)
{
	return src->yaml_quote ? src->yaml_quote : '"';
}

bool fixedit_replace_string(struct fix *fix, const struct source *src, const struct node *n,
			    const char *text)
{
	struct strbuf sb;
	char q;

	if (!n || n->kind == NODE_ALIAS || n->kind == NODE_MAPPING || n->kind == NODE_SEQUENCE)
		return false;
	q = textspan_quote(src, n);
	sb_init(&sb);
	if (src->format == SOURCE_JSON) {
		if (q != '"')
			return false;
		add_double_quoted(&sb, text);
	} else if (q) {
		add_yaml_quoted(&sb, q, text);
	} else if (simple_plain(src, n)) {
		if (plain_safe(text))
			sb_adds(&sb, text);
		else
			add_yaml_quoted(&sb, file_quote(src), text);
	} else {
		return false; /* a block scalar, or one with an anchor or a tag */
	}
	fix_add_edit(fix, n->start, n->end, sb.buf);
	sb_free(&sb);
	return true;
}

bool fixedit_quote_plain(struct fix *fix, const struct source *src, const struct node *n)
{
	struct strbuf sb;

	if (!n || src->format != SOURCE_YAML || !simple_plain(src, n))
		return false;
	sb_init(&sb);
	add_yaml_quoted(&sb, file_quote(src), n->text);
	fix_add_edit(fix, n->start, n->end, sb.buf);
	sb_free(&sb);
	return true;
}

static bool is_flow(const struct source *src, const struct node *n)
{
	return n->start < src->len && (src->bytes[n->start] == '{' || src->bytes[n->start] == '[');
}

/* Where a value's text ends: a flow collection or a scalar knows; a block
 * collection ends with its last descendant (its own end may lie past comments). */
static size_t value_end(const struct source *src, const struct node *n)
{
	while (n && !is_flow(src, n)) {
		if (n->kind == NODE_MAPPING && n->nmembers)
			n = n->members[n->nmembers - 1].value;
		else if (n->kind == NODE_SEQUENCE && n->nitems)
			n = n->items[n->nitems - 1];
		else
			break;
	}
	return n ? n->end : 0;
}

/* True when [from, to) holds only white space and exactly `commas` commas. */
static bool only_separators(const struct source *src, size_t from, size_t to, int commas)
{
	size_t i;

	if (from > to || to > src->len)
		return false;
	for (i = from; i < to; i++) {
		if (src->bytes[i] == ',')
			commas--;
		else if (!is_space(src->bytes[i]))
			return false;
	}
	return commas == 0;
}

/* One run of removed members [i, j] of a flow mapping, with the comma that joins
 * it to the rest: the one after it, or (for a run at the end) the one before it. */
static bool remove_flow_run(struct fix *fix, const struct source *src,
			    const struct node *map, size_t i, size_t j)
{
	size_t from = map->members[i].key->start, end = value_end(src, map->members[j].value);

	if (j + 1 < map->nmembers) {
		size_t next = map->members[j + 1].key->start;

		if (!only_separators(src, end, next, 1))
			return false;
		fix_add_edit(fix, from, next, "");
	} else if (i > 0) {
		size_t prev = value_end(src, map->members[i - 1].value);

		if (!only_separators(src, prev, from, 1))
			return false;
		fix_add_edit(fix, prev, end, "");
	} else {
		if (!only_separators(src, map->start + 1, from, 0) ||
		    !only_separators(src, end, map->end - 1, 0))
			return false;
		fix_add_edit(fix, from, end, "");
	}
	return true;
}

static size_t line_start(const struct source *src, size_t at)
{
	while (at > 0 && src->bytes[at - 1] != '\n')
		at--;
	return at;
}

/* The start of the line after `at`, when only blanks or a comment follow `at` on
 * its line (at a line start, `at` itself); SIZE_MAX otherwise. */
static size_t next_line(const struct source *src, size_t at)
{
	if (at == 0 || src->bytes[at - 1] == '\n')
		return at;
	while (at < src->len && is_blank(src->bytes[at]))
		at++;
	if (at < src->len && src->bytes[at] == '#')
		while (at < src->len && src->bytes[at] != '\n')
			at++;
	if (at < src->len && src->bytes[at] == '\r')
		at++;
	if (at < src->len && src->bytes[at] == '\n')
		return at + 1;
	return at == src->len ? at : (size_t)-1;
}

static bool remove_block_member(struct fix *fix, const struct source *src,
				const struct member *m)
{
	size_t from = line_start(src, m->key->start), to, j;

	for (j = from; j < m->key->start; j++)
		if (src->bytes[j] != ' ')
			return false; /* "- Key:" opens a list item */
	to = next_line(src, value_end(src, m->value));
	if (to == (size_t)-1)
		return false;
	fix_add_edit(fix, from, to, "");
	return true;
}

/* A member the fixer may remove: its own, in the mapping's text, not merged in. */
static bool removable(const struct node *map, const struct member *m)
{
	return m->key && m->value && !((m->key->flags | m->value->flags) & NODE_MERGED) &&
	       m->key->start >= map->start && m->key->start < map->end;
}

static bool remove_block_run(struct fix *fix, const struct source *src,
			     const struct node *map, size_t i, size_t j)
{
	for (; i < j; i++)
		if (!remove_block_member(fix, src, &map->members[i]))
			return false;
	return true;
}

/* Removes the members marked in `gone`, run by run. */
static bool remove_marked(struct fix *fix, const struct source *src, const struct node *map,
			  const bool *gone, size_t ngone)
{
	bool flow = is_flow(src, map);
	size_t i, j;

	if (!flow && (src->format != SOURCE_YAML || ngone >= map->nmembers))
		return false; /* an empty block mapping would become null */
	for (i = 0; i < map->nmembers; i = j) {
		for (j = i + 1; gone[i] && j < map->nmembers && gone[j]; j++)
			;
		if (!gone[i])
			continue;
		if (flow ? !remove_flow_run(fix, src, map, i, j - 1)
			 : !remove_block_run(fix, src, map, i, j))
			return false;
	}
	return true;
}

bool fixedit_remove_members(struct fix *fix, const struct source *src, const struct node *map,
			    const size_t *which, size_t count)
{
	bool *gone, ok = count > 0;
	size_t i, ngone = 0;

	if (!map || map->kind != NODE_MAPPING || !map->nmembers)
		return false;
	gone = xcalloc(map->nmembers, sizeof *gone);
	for (i = 0; i < count && ok; i++) {
		ok = which[i] < map->nmembers && removable(map, &map->members[which[i]]);
		if (ok && !gone[which[i]]) {
			gone[which[i]] = true;
			ngone++;
		}
	}
	ok = ok && remove_marked(fix, src, map, gone, ngone);
	free(gone);
	return ok;
}

bool fixedit_remove_comment(struct fix *fix, const struct source *src, size_t start,
			    size_t end)
{
	size_t from = line_start(src, start), to, j;

	if (start >= end || end > src->len || src->bytes[start] != '#')
		return false;
	while (end > start && src->bytes[end - 1] == '\r')
		end--; /* the line break stays as the file writes it */
	for (j = from; j < start && is_blank(src->bytes[j]); j++)
		;
	if (j == start) {
		to = next_line(src, end);
		if (to == (size_t)-1)
			return false;
		fix_add_edit(fix, from, to, "");
		return true;
	}
	for (from = start; from > 0 && is_blank(src->bytes[from - 1]); from--)
		;
	fix_add_edit(fix, from, end, "");
	return true;
}

/* The end of a node property (`&anchor`, `!tag` or verbatim `!<tag>`) at b[i]. */
static size_t property_end(const char *b, size_t i, size_t end)
{
	if (b[i] == '!' && i + 1 < end && b[i + 1] == '<') {
		while (i < end && b[i] != '>')
			i++;
		return i < end ? i + 1 : end;
	}
	while (i < end && !strchr(" \t\r\n", b[i]))
		i++;
	return i;
}

size_t fixedit_flow_open(const struct source *src, const struct node *n)
{
	const char *b = src->bytes;
	size_t i = n->start;

	if (n->start >= n->end || n->end > src->len)
		return n->end;
	while (i < n->end && b[i] != '{' && b[i] != '[') {
		if (b[i] == '&' || b[i] == '!')
			i = property_end(b, i, n->end);
		else if (b[i] == '#')
			while (i < n->end && b[i] != '\n' && b[i] != '\r')
				i++;
		else if (strchr(" \t\r\n", b[i]))
			i++;
		else
			return n->end;
	}
	return i;
}

char *fixedit_flow_as_string(const struct source *src, const struct node *n)
{
	struct strbuf sb;
	char *text;
	size_t open = fixedit_flow_open(src, n);

	if (open >= n->end || n->end > src->len)
		return NULL;
	text = xstrndup(src->bytes + open, n->end - open);
	sb_init(&sb);
	add_double_quoted(&sb, text);
	free(text);
	return sb_detach(&sb);
}

/* True when no node of the tree has an anchor or a tag or is an alias: their
 * text would stop meaning what it did once quoted. */
static bool untagged_tree(const struct node *n)
{
	size_t i;

	if (n->kind == NODE_ALIAS || n->anchor || (n->flags & NODE_TAGGED))
		return false;
	for (i = 0; i < n->nmembers; i++)
		if (!untagged_tree(n->members[i].key) || !untagged_tree(n->members[i].value))
			return false;
	for (i = 0; i < n->nitems; i++)
		if (!untagged_tree(n->items[i]))
			return false;
	return true;
}

bool fixedit_quote_flow(struct fix *fix, const struct source *src, const struct node *n)
{
	char *quoted;
	size_t i;

	if (!n || src->format != SOURCE_YAML || !(n->flags & NODE_FLOW) ||
	    (n->kind != NODE_MAPPING && n->kind != NODE_SEQUENCE) || n->end > src->len ||
	    n->end < n->start + 2 || fixedit_flow_open(src, n) != n->start || !untagged_tree(n))
		return false;
	/* A comment or a line break inside would be carried into the string. */
	for (i = n->start; i < n->end; i++)
		if (strchr("#\n\r", src->bytes[i]))
			return false;
	quoted = fixedit_flow_as_string(src, n);
	fix_add_edit(fix, n->start, n->end, quoted);
	free(quoted);
	return true;
}

void fixedit_attach(struct diag *d, struct fix *fix, bool ok)
{
	if (ok && fix->nedits)
		diag_set_fix(d, fix);
	else
		fix_free(fix);
}
