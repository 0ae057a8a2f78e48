/* Regular expressions (PCRE2), compiled once per process and matched in full. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct compiled {
	char *regex;             /* owned copy: rules data may be freed and reloaded */
	pcre2_code *code;        /* NULL when the regex failed to compile */
	char *error;
	struct compiled *next;
};

/* A short list is enough: the request shape has a few dozen patterns. Lookups take
 * the lock because files may be linted on several threads. */
static struct compiled *cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t match_data_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void free_match_data(void *md)
{
	pcre2_match_data_free(md);
}

static void make_key(void)
{
	pthread_key_create(&match_data_key, free_match_data);
}

static struct compiled *compile(const char *regex)
{
	struct compiled *c = xcalloc(1, sizeof *c);
	int code;
	PCRE2_SIZE at;

	c->regex = xstrdup(regex);
	c->code = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF,
				&code, &at, NULL);
	if (!c->code) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof msg);
		c->error = xasprintf("%s at offset %zu", (const char *)msg, (size_t)at);
	} else {
		pcre2_jit_compile(c->code, PCRE2_JIT_COMPLETE);
	}
	return c;
}

static struct compiled *find(struct compiled *c, const char *regex)
{
	for (; c; c = c->next)
		if (strcmp(c->regex, regex) == 0)
			return c;
	return NULL;
}

/* Entries are only ever added at the head and never change once published, so a
 * hit needs no lock; a miss compiles under the lock (once, checked again there). */
static struct compiled *lookup(const char *regex)
{
	struct compiled *c = find(__atomic_load_n(&cache, __ATOMIC_ACQUIRE), regex);

	if (c)
		return c;
	pthread_mutex_lock(&cache_lock);
	c = find(cache, regex);
	if (!c) {
		c = compile(regex);
		c->next = cache;
		__atomic_store_n(&cache, c, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&cache_lock);
	return c;
}

int pattern_check(const char *regex, char **error)
{
	struct compiled *c = lookup(regex);

	if (c->code)
		return 1;
	if (error)
		*error = xstrdup(c->error);
	return -1;
}

int pattern_match(const char *regex, const char *s, size_t len, char **error)
{
	struct compiled *c = lookup(regex);
	pcre2_match_data *md;
	int rc;

	if (!c->code) {
		if (error)
			*error = xstrdup(c->error);
		return -1;
	}
	pthread_once(&key_once, make_key);
	md = pthread_getspecific(match_data_key);
	if (!md) {
		md = pcre2_match_data_create(4, NULL);
		pthread_setspecific(match_data_key, md);
	}
	rc = pcre2_match(c->code, (PCRE2_SPTR)s, len, 0, 0, md, NULL);
	return rc >= 0 ? 1 : 0;
}

void pattern_cleanup(void)
{
	struct compiled *c, *next;
	pcre2_match_data *md;

	pthread_mutex_lock(&cache_lock);
	for (c = cache; c; c = next) {
		next = c->next;
		pcre2_code_free(c->code);
		free(c->regex);
		free(c->error);
		free(c);
	}
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
	pthread_once(&key_once, make_key);
	md = pthread_getspecific(match_data_key);
	if (md) {
		pcre2_match_data_free(md);
		pthread_setspecific(match_data_key, NULL);
	}
}
