/* Small shared helpers: checked allocation, a growable byte buffer and UTF-8. */
#ifndef CJL_UTIL_H
#define CJL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation failure is not recoverable for a linter: these abort with a message.
 * xalloc_failed does the same for what a library allocates (a JSON tokener, a
 * YAML parser), so those are checked alike. */
void xalloc_failed(void) __attribute__((noreturn));
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows an array to hold at least `need` items of `size` bytes. */
void *grow_array(void *p, size_t *cap, size_t need, size_t size);

/* A growable, always NUL-terminated byte string; the owner frees it with sb_free. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Hands the buffer to the caller, who frees it; sb is left empty. */
char *sb_detach(struct strbuf *sb);

/* UTF-8: decodes one code point at s[0..n); returns its length in bytes,
 * or 0 when the bytes there are not well-formed UTF-8 (cp is then untouched). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Number of code points in s[0..n); a malformed byte counts as one. */
size_t utf8_count(const char *s, size_t n);
/* Offset of the first malformed byte in s[0..n), or n when all is well-formed. */
size_t utf8_first_invalid(const char *s, size_t n);
/* Writes the UTF-8 encoding of cp to b; returns its length in bytes. */
size_t utf8_encode(uint32_t cp, char b[4]);
/* Appends the UTF-8 encoding of cp. */
void utf8_append(struct strbuf *sb, uint32_t cp);

bool str_has_suffix(const char *s, const char *suffix);
/* The path made absolute against the working directory without resolving links or
 * dot-dot (a leading "./" is dropped); caller frees. */
char *path_absolute_lexical(const char *path);
/* 0-15 for a hexadecimal digit (either case), -1 for anything else. */
int hex_digit_value(char c);

/* A hash map from NUL-terminated strings (borrowed: they must outlive the map) to
 * pointers, so that lookups by name cost the name's length, not the map's size. */
struct strmap {
	struct strmap_slot *slots;
	size_t cap, n;
	size_t seed;
};
struct strmap_slot {
	const char *key;
	void *value;
};
void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* Sets the value of key, replacing an earlier one. */
void strmap_put(struct strmap *m, const char *key, void *value);
/* The value of key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);

#endif
