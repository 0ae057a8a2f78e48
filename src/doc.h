/* The document tree that both loaders build: every node knows its source range. */
#ifndef CJL_DOC_H
#define CJL_DOC_H

#include <stdbool.h>
#include <stddef.h>

enum node_kind {
	NODE_NULL,
	NODE_BOOL,
	NODE_INT,
	NODE_FLOAT,
	NODE_STRING,
	NODE_TIMESTAMP, /* YAML date or date-time */
	NODE_BINARY,    /* YAML !!binary */
	NODE_OTHER,     /* YAML !!set, !!omap and other non-string tags */
	NODE_MAPPING,
	NODE_SEQUENCE,
	NODE_ALIAS      /* YAML *alias; `target` is the anchored node */
};

enum node_flag {
	NODE_PLAIN = 1 << 0,          /* YAML plain (unquoted) scalar */
	NODE_BLOCK = 1 << 1,          /* YAML literal or folded block scalar */
	NODE_NONFINITE = 1 << 2,      /* JSON NaN/Infinity or a float out of range */
	NODE_HUGE_INT = 1 << 3,       /* an integer no double holds exactly */
	NODE_LONE_SURROGATE = 1 << 4, /* JSON \uD800-style escape without its pair */
	NODE_TAGGED = 1 << 5,         /* YAML explicit tag */
	NODE_MERGED = 1 << 6,         /* member brought in by a YAML merge key */
	NODE_FLOW = 1 << 7            /* YAML flow mapping or sequence: {...} or [...] */
};

struct node;

struct member {
	struct node *key;
	struct node *value;
};

struct node {
	enum node_kind kind;
	unsigned flags;
	size_t start, end;      /* byte offsets, end exclusive */
	const char *text;       /* scalars: decoded text (for YAML the scalar as written) */
	size_t len;
	struct member *members; /* mappings, in source order, duplicates kept */
	size_t nmembers;
	struct node **items;    /* sequences */
	size_t nitems;
	const struct node *target; /* aliases */
	const char *anchor;     /* YAML anchor name, if any */
};

struct arena_block;

/* A loaded document; it owns every node and string reachable from root. */
struct doc {
	struct node *root;      /* NULL when nothing could be loaded */
	struct arena_block *arena;
	size_t nodes;           /* how many nodes were made, for limits */
};

struct doc *doc_new(void);
void doc_free(struct doc *doc);
void *doc_alloc(struct doc *doc, size_t n);
char *doc_strndup(struct doc *doc, const char *s, size_t n);
struct node *doc_node(struct doc *doc, enum node_kind kind, size_t start, size_t end);

/* Follows aliases to the node they stand for (NULL for a dangling one). */
const struct node *node_deref(const struct node *n);
bool node_is_string(const struct node *n);
/* The value of `key` in a mapping (the last one when the key repeats), or NULL. */
const struct node *node_get(const struct node *map, const char *key);
/* "an integer", "a list", "null": for messages. */
const char *node_kind_phrase(enum node_kind kind);

#endif
