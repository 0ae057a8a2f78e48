/* YAML loader: libyaml's event parser builds the document tree. libyaml marks count
 * characters, not bytes, so a cursor turns them into byte offsets. Aliases stay
 * alias nodes pointing at their anchor, so an alias bomb costs one node per alias. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "load.h"
#include "util.h"
#include "yaml_hints.h"
#include "yamltype.h"

/* A mapping or sequence still being read. */
struct open_node {
	struct node *node;
	void *items;          /* struct member[] or struct node *[] */
	size_t n, cap;
	struct node *pending_key;
};

struct yaml_load {
	struct source *src;
	struct doc *doc;
	struct diag_list *out;
	const struct load_limits *limits;
	size_t cursor_cp, cursor_byte;   /* a known code point index -> byte offset */
	struct open_node *stack;
	size_t depth, stack_cap;
	struct strmap anchors;       /* name -> node; a later anchor hides an earlier one */
	size_t merge_work;               /* members looked at by merge keys */
	bool yaml11;
	bool failed;
	struct node *root;
};

/* Moves the cursor to code point index cp and returns its byte offset. */
static size_t byte_offset(struct yaml_load *yl, size_t cp)
{
	const unsigned char *s = (const unsigned char *)yl->src->bytes;
	size_t len = yl->src->len;

	while (yl->cursor_cp < cp && yl->cursor_byte < len) {
		uint32_t c;
		size_t w = utf8_decode(s + yl->cursor_byte, len - yl->cursor_byte, &c);

		yl->cursor_byte += w ? w : 1;
		yl->cursor_cp++;
	}
	while (yl->cursor_cp > cp && yl->cursor_byte > 0) {
		do
			yl->cursor_byte--;
		while (yl->cursor_byte > 0 && (s[yl->cursor_byte] & 0xC0) == 0x80);
		yl->cursor_cp--;
	}
	return yl->cursor_byte;
}

static void fail(struct yaml_load *yl, size_t at, enum rule_msg msg, const char *arg)
{
	if (yl->failed)
		return;
	yl->failed = true;
	diag_add(yl->out, msg, at, at < yl->src->len ? at + 1 : at, "",
		 DIAG_ARGS({ "detail", arg }));
}

static void register_anchor(struct yaml_load *yl, const char *name, struct node *node)
{
	if (!name)
		return;
	node->anchor = doc_strndup(yl->doc, name, strlen(name));
	strmap_put(&yl->anchors, node->anchor, node);
}

static struct node *find_anchor(struct yaml_load *yl, const char *name)
{
	return strmap_get(&yl->anchors, name);
}

/* Places a finished node in its parent (or makes it the root). */
static void attach(struct yaml_load *yl, struct node *node)
{
	struct open_node *top;

	if (yl->depth == 0) {
		yl->root = node;
		return;
	}
	top = &yl->stack[yl->depth - 1];
	if (top->node->kind == NODE_SEQUENCE) {
		top->items = grow_array(top->items, &top->cap, top->n + 1, sizeof(struct node *));
		((struct node **)top->items)[top->n++] = node;
	} else if (!top->pending_key) {
		top->pending_key = node;
	} else {
		struct member m = { top->pending_key, node };

		top->items = grow_array(top->items, &top->cap, top->n + 1, sizeof m);
		((struct member *)top->items)[top->n++] = m;
		top->pending_key = NULL;
	}
}

static enum node_kind kind_from_tag(const char *tag, const char *value, size_t len, bool yaml11)
{
	static const struct {
		const char *tag;
		enum node_kind kind;
	} tags[] = {
		{ "tag:yaml.org,2002:str", NODE_STRING },
		{ "tag:yaml.org,2002:int", NODE_INT },
		{ "tag:yaml.org,2002:float", NODE_FLOAT },
		{ "tag:yaml.org,2002:bool", NODE_BOOL },
		{ "tag:yaml.org,2002:null", NODE_NULL },
		{ "tag:yaml.org,2002:timestamp", NODE_TIMESTAMP },
		{ "tag:yaml.org,2002:binary", NODE_BINARY },
	};
	size_t i;

	if (strcmp(tag, "!") == 0)
		return NODE_STRING;
	for (i = 0; i < sizeof tags / sizeof *tags; i++)
		if (strcmp(tag, tags[i].tag) == 0)
			return tags[i].kind;
	(void)value;
	(void)len;
	(void)yaml11;
	return NODE_OTHER;
}

static bool known_collection_tag(const char *tag)
{
	return !tag || strcmp(tag, "tag:yaml.org,2002:map") == 0 ||
	       strcmp(tag, "tag:yaml.org,2002:seq") == 0 || strcmp(tag, "!") == 0;
}

static bool over_limits(struct yaml_load *yl, size_t at)
{
	char limit[24];

	if (yl->doc->nodes < yl->limits->max_nodes)
		return false;
	snprintf(limit, sizeof limit, "%zu", yl->limits->max_nodes);
	if (!yl->failed)
		diag_add(yl->out, CJ007_NODES, at, at + 1, "", DIAG_ARGS({ "limit", limit }));
	yl->failed = true;
	return true;
}

/* True when the next node read becomes a mapping key. */
static bool in_key_position(const struct yaml_load *yl)
{
	const struct open_node *top = yl->depth ? &yl->stack[yl->depth - 1] : NULL;

	return top && top->node->kind == NODE_MAPPING && !top->pending_key;
}

static void on_scalar(struct yaml_load *yl, const yaml_event_t *ev, size_t start, size_t end)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	const char *tag = (const char *)ev->data.scalar.tag;
	struct node *n = doc_node(yl->doc, NODE_STRING, start, end);

	n->text = doc_strndup(yl->doc, value, len);
	n->len = len;
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		n->flags |= NODE_PLAIN;
	if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
		n->flags |= NODE_BLOCK;
	/* Fixes that quote a value follow the file's first quoted scalar. */
	if (!yl->src->yaml_quote && ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE)
		yl->src->yaml_quote = '\'';
	if (!yl->src->yaml_quote && ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		yl->src->yaml_quote = '"';
	if (tag) {
		n->flags |= NODE_TAGGED;
		n->kind = kind_from_tag(tag, value, len, yl->yaml11);
		if (n->kind == NODE_OTHER && strncmp(tag, "tag:yaml.org,2002:", 18) != 0)
			fail(yl, start, CJ001_YAML_UNKNOWN_TAG, tag);
	} else if (ev->data.scalar.plain_implicit) {
		n->kind = yaml_resolve_plain(value, len, yl->yaml11);
		if (n->kind == NODE_OTHER && !(in_key_position(yl) && strcmp(value, "<<") == 0))
			fail(yl, start, CJ001_YAML_UNCONSTRUCTIBLE, value);
	}
	register_anchor(yl, (const char *)ev->data.scalar.anchor, n);
	attach(yl, n);
}

static void on_alias(struct yaml_load *yl, const yaml_event_t *ev, size_t start, size_t end)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct node *target = find_anchor(yl, name);
	struct node *n;

	if (!target) {
		fail(yl, start, CJ001_YAML_UNDEFINED_ALIAS, name);
		return;
	}
	n = doc_node(yl->doc, NODE_ALIAS, start, end);
	n->target = target;
	n->text = target->anchor;
	n->len = strlen(target->anchor);
	attach(yl, n);
}

static void on_start(struct yaml_load *yl, const yaml_event_t *ev, size_t start)
{
	bool is_map = ev->type == YAML_MAPPING_START_EVENT;
	const char *tag = (const char *)(is_map ? ev->data.mapping_start.tag
						: ev->data.sequence_start.tag);
	const char *anchor;
	struct open_node *top;

	if (yl->depth >= yl->limits->max_depth) {
		char limit[24];

		snprintf(limit, sizeof limit, "%u", yl->limits->max_depth);
		if (!yl->failed)
			diag_add(yl->out, CJ007_DEPTH, start, start + 1, "",
				 DIAG_ARGS({ "limit", limit }));
		yl->failed = true;
		return;
	}
	if (!known_collection_tag(tag))
		fail(yl, start, CJ001_YAML_UNKNOWN_TAG, tag);
	yl->stack = grow_array(yl->stack, &yl->stack_cap, yl->depth + 1, sizeof *yl->stack);
	top = &yl->stack[yl->depth++];
	memset(top, 0, sizeof *top);
	top->node = doc_node(yl->doc, is_map ? NODE_MAPPING : NODE_SEQUENCE, start, start);
	if (tag)
		top->node->flags |= NODE_TAGGED;
	if (is_map ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
		   : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
		top->node->flags |= NODE_FLOW;
	/* The anchor is registered when the node is complete, so that an alias inside
	 * its own anchor (a cycle) is reported as undefined instead of looping. */
	anchor = (const char *)(is_map ? ev->data.mapping_start.anchor
				       : ev->data.sequence_start.anchor);
	if (anchor)
		top->node->anchor = doc_strndup(yl->doc, anchor, strlen(anchor));
}

static bool is_merge_key(const struct node *key)
{
	return key->kind == NODE_OTHER && (key->flags & NODE_PLAIN) && strcmp(key->text, "<<") == 0;
}

/* The members of a mapping being merged into, and the index of their string keys. */
struct merged {
	struct member *items;
	size_t n, cap;
	struct strmap keys;
};

static void merged_add(struct merged *out, struct member m)
{
	const struct node *k = node_deref(m.key);

	out->items = grow_array(out->items, &out->cap, out->n + 1, sizeof m);
	out->items[out->n++] = m;
	if (k && k->kind == NODE_STRING)
		strmap_put(&out->keys, k->text, m.key);
}

/* Every member a merge looks at counts against the node limit, as an alias's
 * expansion does: many merges of one large mapping cannot make the load quadratic. */
static bool merge_over_budget(struct yaml_load *yl, const struct node *at, size_t members)
{
	char limit[24];

	yl->merge_work += members;
	if (yl->merge_work <= yl->limits->max_nodes)
		return false;
	snprintf(limit, sizeof limit, "%zu", yl->limits->max_nodes);
	if (!yl->failed)
		diag_add(yl->out, CJ007_EXPANSION, at->start, at->start + 1, "",
			 DIAG_ARGS({ "limit", limit }));
	yl->failed = true;
	return true;
}

/* Copies into `out` the members of one merged mapping that are not there yet. */
static void merge_from(struct yaml_load *yl, const struct node *src_node, struct merged *out)
{
	const struct node *src = node_deref(src_node);
	size_t i;

	if (!src || src->kind != NODE_MAPPING) {
		fail(yl, src_node->start, CJ001_YAML_BAD_MERGE, NULL);
		return;
	}
	if (merge_over_budget(yl, src_node, src->nmembers))
		return;
	for (i = 0; i < src->nmembers; i++) {
		const struct node *k = node_deref(src->members[i].key);

		struct member m = src->members[i];

		if (k && k->kind == NODE_STRING && strmap_get(&out->keys, k->text))
			continue;
		m.key = doc_node(yl->doc, k ? k->kind : NODE_NULL, m.key->start, m.key->end);
		m.key->text = k ? k->text : "";
		m.key->len = k ? k->len : 0;
		m.key->flags = NODE_MERGED;
		merged_add(out, m);
	}
}

/* The mappings one `<<` names, in order: its value, or each entry of a list. */
struct merge_source {
	const struct node *at;      /* as written (maybe an alias) */
	const struct node *target;  /* what it stands for */
	size_t order;
};

static int compare_sources(const void *a, const void *b)
{
	const struct merge_source *x = a, *y = b;

	if (x->target != y->target)
		return (uintptr_t)x->target < (uintptr_t)y->target ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int compare_order(const void *a, const void *b)
{
	const struct merge_source *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

static void add_source(struct merge_source **list, size_t *n, size_t *cap, const struct node *at)
{
	*list = grow_array(*list, cap, *n + 1, sizeof **list);
	(*list)[*n].at = at;
	(*list)[*n].target = node_deref(at);
	(*list)[*n].order = *n;
	(*n)++;
}

/* Drops a mapping merged a second time: its keys are all there already, so only
 * the first time counts. Sorting finds the repeats in n log n. */
static size_t drop_repeated_sources(struct merge_source *list, size_t n)
{
	size_t i, kept = 0;

	qsort(list, n, sizeof *list, compare_sources);
	for (i = 0; i < n; i++)
		if (i == 0 || list[i].target != list[i - 1].target || !list[i].target ||
		    list[i].target->kind != NODE_MAPPING)
			list[kept++] = list[i];
	qsort(list, kept, sizeof *list, compare_order);
	return kept;
}

static size_t merge_sources(const struct open_node *top, struct merge_source **list)
{
	const struct member *m = top->items;
	size_t i, j, n = 0, cap = 0;

	*list = NULL;
	for (i = 0; i < top->n; i++) {
		const struct node *v;

		if (!is_merge_key(m[i].key))
			continue;
		v = node_deref(m[i].value);
		if (v && v->kind == NODE_SEQUENCE)
			for (j = 0; j < v->nitems; j++)
				add_source(list, &n, &cap, v->items[j]);
		else
			add_source(list, &n, &cap, m[i].value);
	}
	return n ? drop_repeated_sources(*list, n) : 0;
}

/* Resolves `<<` merge keys the way the CLI's loader does: explicit keys win, then the
 * merged mappings in order. */
static void apply_merges(struct yaml_load *yl, struct open_node *top)
{
	struct member *m = top->items;
	struct merged out = { 0 };
	struct merge_source *sources;
	size_t i, n;
	bool any = false;

	for (i = 0; i < top->n; i++)
		any |= is_merge_key(m[i].key);
	if (!any)
		return;
	strmap_init(&out.keys);
	for (i = 0; i < top->n; i++)
		if (!is_merge_key(m[i].key))
			merged_add(&out, m[i]);
	n = merge_sources(top, &sources);
	for (i = 0; i < n && !yl->failed; i++)
		merge_from(yl, sources[i].at, &out);
	free(sources);
	strmap_free(&out.keys);
	free(top->items);
	top->items = out.items;
	top->n = out.n;
	top->cap = out.cap;
}

static void on_end(struct yaml_load *yl, size_t end)
{
	struct open_node *top;
	struct node *node;
	const char *anchor;
	size_t size;

	if (yl->depth == 0)
		return;
	top = &yl->stack[yl->depth - 1];
	node = top->node;
	node->end = end;
	if (node->kind == NODE_MAPPING) {
		apply_merges(yl, top);
		size = top->n * sizeof(struct member);
		node->members = doc_alloc(yl->doc, size);
		if (size)
			memcpy(node->members, top->items, size);
		node->nmembers = top->n;
	} else {
		size = top->n * sizeof(struct node *);
		node->items = doc_alloc(yl->doc, size);
		if (size)
			memcpy(node->items, top->items, size);
		node->nitems = top->n;
	}
	free(top->items);
	yl->depth--;
	anchor = node->anchor;
	node->anchor = NULL;
	register_anchor(yl, anchor, node);
	attach(yl, node);
}

/* libyaml reports a forbidden control character at the start of its buffer; find
 * the character itself. */
static size_t first_control_char(const struct source *src, size_t from)
{
	size_t i;

	for (i = from; i < src->len; i++) {
		unsigned char c = (unsigned char)src->bytes[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			return i;
	}
	return from;
}

/* The mistakes behind some parser errors, said in the user's terms; false when
 * the parser's own words are all there is. */
static bool report_known_mistake(struct yaml_load *yl, size_t at)
{
	const struct source *src = yl->src;
	size_t open;

	if (yaml_hints_tab_indent(src->bytes, src->len, at)) {
		fail(yl, at, CJ001_YAML_TAB_INDENT, NULL);
		return true;
	}
	open = yaml_hints_flow_value(src->bytes, src->len, at);
	if (open != (size_t)-1) {
		char bracket[2] = { src->bytes[open], '\0' };

		fail(yl, open, CJ001_YAML_FLOW_VALUE, bracket);
		return true;
	}
	return false;
}

static void report_parser_error(struct yaml_load *yl, const yaml_parser_t *p)
{
	struct strbuf sb;
	size_t at = byte_offset(yl, p->problem_mark.index);

	if (p->problem && strstr(p->problem, "control characters"))
		at = first_control_char(yl->src, at);
	if (report_known_mistake(yl, at))
		return;
	sb_init(&sb);
	sb_adds(&sb, p->problem ? p->problem : "malformed YAML");
	if (p->context)
		sb_addf(&sb, " %s", p->context);
	fail(yl, at, CJ001_YAML, sb.buf);
	sb_free(&sb);
}

/* Returns false when reading should stop. */
static bool on_event(struct yaml_load *yl, const yaml_event_t *ev, int *documents)
{
	size_t start = byte_offset(yl, ev->start_mark.index);
	size_t end = byte_offset(yl, ev->end_mark.index);

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			diag_add(yl->out, CJ006_DEFAULT, start, start + 3, "", DIAG_NO_ARGS);
			return false;
		}
		yl->yaml11 = ev->data.document_start.version_directive &&
			     ev->data.document_start.version_directive->minor == 1;
		if (yl->yaml11)
			diag_add(yl->out, CJ008_DEFAULT, start, start + 9, "", DIAG_NO_ARGS);
		return true;
	case YAML_SCALAR_EVENT:
		if (over_limits(yl, start))
			return false;
		on_scalar(yl, ev, start, end);
		return true;
	case YAML_ALIAS_EVENT:
		if (over_limits(yl, start))
			return false;
		on_alias(yl, ev, start, end);
		return true;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (over_limits(yl, start))
			return false;
		on_start(yl, ev, start);
		return true;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		on_end(yl, end);
		return true;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		return true;
	}
}

/* A tab in [from, to), the white space between two tokens, that is not inside a
 * comment; or (size_t)-1. */
static size_t tab_between(const struct source *src, size_t from, size_t to)
{
	size_t i;
	bool comment = false;

	for (i = from; i < to && i < src->len; i++) {
		char c = src->bytes[i];

		if (c == '#' && (i == from || src->bytes[i - 1] == ' ' || src->bytes[i - 1] == '\t' ||
				 src->bytes[i - 1] == '\n'))
			comment = true;
		else if (c == '\n' || c == '\r')
			comment = false;
		else if (c == '\t' && !comment)
			return i;
	}
	return (size_t)-1;
}

/* What libyaml accepts but the AWS CLI's YAML reader (ruamel.yaml) refuses, seen in
 * the token stream: a tab as white space between tokens, which ruamel never
 * skips, and a document end marker (...) repeated, which ruamel reads as a second,
 * empty document. Only files that hold a tab or "..." pay for this second pass. */
static void check_tokens(struct yaml_load *yl)
{
	const struct source *src = yl->src;
	yaml_parser_t parser;
	yaml_token_t tok;
	size_t prev_end = 0, at;
	bool after_end = false;

	if (!memchr(src->bytes, '\t', src->len) && !memmem(src->bytes, src->len, "...", 3))
		return;
	if (!yaml_parser_initialize(&parser))
		xalloc_failed();
	yaml_parser_set_input_string(&parser, (const unsigned char *)src->bytes, src->len);
	yl->cursor_cp = 0;
	yl->cursor_byte = src->len >= 3 && memcmp(src->bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (!yl->failed && yaml_parser_scan(&parser, &tok)) {
		size_t start = byte_offset(yl, tok.start_mark.index);
		yaml_token_type_t type = tok.type;

		if (type != YAML_STREAM_START_TOKEN &&
		    (at = tab_between(src, prev_end, start)) != (size_t)-1) {
			fail(yl, at, yaml_hints_tab_indent(src->bytes, src->len, at)
				     ? CJ001_YAML_TAB_INDENT : CJ001_YAML_TAB, NULL);
		} else if (type == YAML_DOCUMENT_END_TOKEN && after_end) {
			diag_add(yl->out, CJ006_DEFAULT, start, start + 3, "", DIAG_NO_ARGS);
			yl->failed = true;
		}
		after_end = type == YAML_DOCUMENT_END_TOKEN ? true
			    : type == YAML_STREAM_END_TOKEN ? after_end : false;
		prev_end = byte_offset(yl, tok.end_mark.index);
		yaml_token_delete(&tok);
		if (type == YAML_STREAM_END_TOKEN)
			break;
	}
	yaml_parser_delete(&parser);
}

struct doc *load_yaml(struct source *src, const struct load_limits *limits,
		      struct diag_list *out)
{
	struct yaml_load yl = { 0 };
	yaml_parser_t parser;
	yaml_event_t ev;
	int documents = 0;

	yl.src = src;
	yl.doc = doc_new();
	yl.out = out;
	yl.limits = limits;
	strmap_init(&yl.anchors);
	/* libyaml does not count a byte-order mark in its marks. */
	if (src->len >= 3 && memcmp(src->bytes, "\xEF\xBB\xBF", 3) == 0)
		yl.cursor_byte = 3;
	if (!yaml_parser_initialize(&parser))
		xalloc_failed();
	yaml_parser_set_input_string(&parser, (const unsigned char *)src->bytes, src->len);
	while (!yl.failed) {
		bool go_on;

		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&yl, &parser);
			break;
		}
		go_on = on_event(&yl, &ev, &documents);
		yaml_event_delete(&ev);
		if (!go_on)
			break;
	}
	yaml_parser_delete(&parser);
	if (!yl.failed)
		check_tokens(&yl);
	while (yl.depth > 0)
		free(yl.stack[--yl.depth].items);
	free(yl.stack);
	strmap_free(&yl.anchors);
	if (!yl.failed)
		yl.doc->root = yl.root;
	if (!yl.failed && !yl.root && documents <= 1)
		diag_add(out, CJ003_EMPTY, 0, 0, "", DIAG_NO_ARGS);
	return yl.doc;
}
