/* The document tree that both loaders build: every node knows its source range. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK 16384

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct doc *doc_new(void)
{
	return xcalloc(1, sizeof(struct doc));
}

void doc_free(struct doc *doc)
{
	struct arena_block *b, *next;

	if (!doc)
		return;
	for (b = doc->arena; b; b = next) {
		next = b->next;
		free(b);
	}
	free(doc);
}

void *doc_alloc(struct doc *doc, size_t n)
{
	struct arena_block *b = doc->arena;
	void *p;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!b || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(sizeof *b + size);
		b->used = 0;
		b->size = size;
		b->next = doc->arena;
		doc->arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *doc_strndup(struct doc *doc, const char *s, size_t n)
{
	char *d = doc_alloc(doc, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

struct node *doc_node(struct doc *doc, enum node_kind kind, size_t start, size_t end)
{
	struct node *n = doc_alloc(doc, sizeof *n);

	n->kind = kind;
	n->start = start;
	n->end = end;
	doc->nodes++;
	return n;
}

const struct node *node_deref(const struct node *n)
{
	/* Anchors are defined before use, so alias chains are short and acyclic. */
	while (n && n->kind == NODE_ALIAS)
		n = n->target;
	return n;
}

bool node_is_string(const struct node *n)
{
	n = node_deref(n);
	return n && n->kind == NODE_STRING;
}

const struct node *node_get(const struct node *map, const char *key)
{
	const struct node *found = NULL;
	size_t i;

	map = node_deref(map);
	if (!map || map->kind != NODE_MAPPING)
		return NULL;
	for (i = 0; i < map->nmembers; i++) {
		const struct node *k = node_deref(map->members[i].key);

		if (k && k->kind == NODE_STRING && strcmp(k->text, key) == 0)
			found = map->members[i].value;
	}
	return found;
}

const char *node_kind_phrase(enum node_kind kind)
{
	static const char *const names[] = {
		[NODE_NULL] = "null", [NODE_BOOL] = "a boolean", [NODE_INT] = "an integer",
		[NODE_FLOAT] = "a number", [NODE_STRING] = "a string", [NODE_TIMESTAMP] = "a date",
		[NODE_BINARY] = "binary data", [NODE_OTHER] = "a tagged value",
		[NODE_MAPPING] = "a mapping", [NODE_SEQUENCE] = "a list", [NODE_ALIAS] = "an alias",
	};
	return names[kind];
}
