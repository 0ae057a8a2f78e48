/* Path globs for configuration, matched by simulating the pattern as an automaton:
 * time grows as pattern length times path length, memory as pattern length, and no
 * pattern can make the match backtrack. */
#include "glob.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum glob_op {
	GLOB_LITERAL,      /* one byte */
	GLOB_ONE,          /* '?': one byte other than '/' */
	GLOB_CLASS,        /* '[...]': one byte of the class, never '/' */
	GLOB_STAR,         /* '*': any run of bytes other than '/' */
	GLOB_STARS,        /* '**': any run of bytes */
	GLOB_OPTIONAL      /* reads nothing; may skip the next two tokens, which for
			    * '**' + '/' are GLOB_STARS and a literal '/' */
};

struct glob_token {
	enum glob_op op;
	unsigned char byte;          /* GLOB_LITERAL */
	const char *set, *set_end;   /* GLOB_CLASS: the members, between '[' (and '!') and ']' */
	bool negate;                 /* GLOB_CLASS */
};

/* Reads the class that opens at p ('['). Returns the byte after its ']', or NULL
 * when the class never closes: the '[' is then an ordinary byte. The first member
 * may be ']' itself, as in "[]a]". */
static const char *glob_parse_class(const char *p, struct glob_token *t)
{
	const char *q = p + 1;

	t->negate = *q == '!' || *q == '^';
	if (t->negate)
		q++;
	if (!*q)
		return NULL;
	t->set = q++;
	while (*q && *q != ']')
		q++;
	if (!*q)
		return NULL;
	t->set_end = q;
	t->op = GLOB_CLASS;
	return q + 1;
}

/* Splits a pattern into tokens; `tokens` holds at least strlen(pattern) of them
 * (no token is shorter than the text it stands for). */
static size_t glob_compile(const char *p, struct glob_token *tokens)
{
	size_t n = 0;

	while (*p) {
		struct glob_token *t = &tokens[n++];
		const char *after;

		memset(t, 0, sizeof *t);
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			while (*p == '*')
				p++; /* three stars or more are two */
			if (*p == '/') {
				/* Nothing, or whole segments: "**" + "/x" matches x and a/x, not ax. */
				t->op = GLOB_OPTIONAL;
				tokens[n++] = (struct glob_token){ .op = GLOB_STARS };
				tokens[n++] = (struct glob_token){ .op = GLOB_LITERAL, .byte = '/' };
				p++;
			} else {
				t->op = GLOB_STARS;
			}
		} else if (*p == '*') {
			t->op = GLOB_STAR;
			p++;
		} else if (*p == '?') {
			t->op = GLOB_ONE;
			p++;
		} else if (*p == '[' && (after = glob_parse_class(p, t)) != NULL) {
			p = after;
		} else {
			t->op = GLOB_LITERAL;
			t->byte = (unsigned char)*p++;
		}
	}
	return n;
}

/* Members are single bytes and a-z ranges, ends included. */
static bool glob_class_has(const struct glob_token *t, unsigned char c)
{
	const char *q = t->set;
	bool found = false;

	while (q < t->set_end) {
		if (q + 2 < t->set_end && q[1] == '-') {
			found |= c >= (unsigned char)q[0] && c <= (unsigned char)q[2];
			q += 3;
		} else {
			found |= c == (unsigned char)*q++;
		}
	}
	return found != t->negate;
}

/* A token that may match nothing lets the state after it be active too. */
static void glob_close(const struct glob_token *tokens, size_t n, bool *active)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (active[i] && tokens[i].op >= GLOB_STAR)
			active[i + 1] = true;
		if (active[i] && tokens[i].op == GLOB_OPTIONAL)
			active[i + 3] = true;
	}
}

/* From the states in `now`, the states after reading byte c, into `next`. */
static void glob_step(const struct glob_token *tokens, size_t n, const bool *now, bool *next,
		      unsigned char c)
{
	size_t i;

	memset(next, 0, n + 1);
	for (i = 0; i < n; i++) {
		const struct glob_token *t = &tokens[i];

		if (!now[i])
			continue;
		switch (t->op) {
		case GLOB_LITERAL:
			next[i + 1] |= c == t->byte;
			break;
		case GLOB_ONE:
			next[i + 1] |= c != '/';
			break;
		case GLOB_CLASS:
			next[i + 1] |= c != '/' && glob_class_has(t, c);
			break;
		case GLOB_STAR:
			next[i] |= c != '/';
			break;
		case GLOB_STARS:
			next[i] = true;
			break;
		case GLOB_OPTIONAL:
			break;
		}
	}
	glob_close(tokens, n, next);
}

static bool glob_any(const bool *active, size_t n)
{
	return memchr(active, true, n + 1) != NULL;
}

bool glob_match(const char *pattern, const char *path)
{
	size_t plen = strlen(pattern), n;
	struct glob_token *tokens = xcalloc(plen + 1, sizeof *tokens);
	bool *now = xcalloc(plen + 1, 1), *next = xcalloc(plen + 1, 1), *swap, matched;

	while (strncmp(path, "./", 2) == 0)
		path += 2;
	n = glob_compile(pattern, tokens);
	now[0] = true;
	glob_close(tokens, n, now);
	for (; *path && glob_any(now, n); path++) {
		glob_step(tokens, n, now, next, (unsigned char)*path);
		swap = now;
		now = next;
		next = swap;
	}
	matched = !*path && now[n];
	free(tokens);
	free(now);
	free(next);
	return matched;
}
