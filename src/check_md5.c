/* CJ203: MD5 digests in the base64 form the service wants. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks_impl.h"
#include "doc.h"
#include "shape.h"
#include "util.h"

/* --- CJ203: MD5 digests in base64. ---------------------------------------------- */

static const char base64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int md5_is_canonical(const char *s, size_t len)
{
	/* 16 bytes are 22 base64 digits and "=="; the 22nd digit holds two data bits
	 * and four zero bits, so only A, Q, g and w can stand there. */
	return len == 24 && all_of(s, 21, base64_alphabet) && strchr("AQgw", s[21]) &&
	       s[21] != '\0' && s[22] == '=' && s[23] == '=';
}

char *md5_hex_to_base64(const char *hex, size_t len)
{
	unsigned char bytes[16];
	char out[25];
	size_t i, o = 0;

	if (len != 32 || !all_of(hex, 32, "0123456789abcdefABCDEF"))
		return NULL;
	for (i = 0; i < 16; i++) {
		char pair[3] = { hex[2 * i], hex[2 * i + 1], '\0' };

		bytes[i] = (unsigned char)strtoul(pair, NULL, 16);
	}
	for (i = 0; i + 3 <= 15; i += 3) {
		unsigned v = (unsigned)bytes[i] << 16 | (unsigned)bytes[i + 1] << 8 | bytes[i + 2];

		out[o++] = base64_alphabet[v >> 18 & 63];
		out[o++] = base64_alphabet[v >> 12 & 63];
		out[o++] = base64_alphabet[v >> 6 & 63];
		out[o++] = base64_alphabet[v & 63];
	}
	out[o++] = base64_alphabet[bytes[15] >> 2];
	out[o++] = base64_alphabet[(bytes[15] & 3) << 4];
	out[o++] = '=';
	out[o++] = '=';
	out[o] = '\0';
	return xstrdup(out);
}

/* The standard padded form of a digest written in URL-safe base64 ('-' and '_' for
 * '+' and '/') or without its "==": the same 16 bytes, so the same meaning. NULL
 * when the text is not 16 bytes in either form (caller frees). */
char *md5_canonical_form(const char *s, size_t len)
{
	static const char url_safe[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char out[25];
	size_t i;

	if (!(len == 22 || (len == 24 && s[22] == '=' && s[23] == '=')))
		return NULL;
	for (i = 0; i < 22; i++) {
		const char *std = strchr(base64_alphabet, s[i]);
		const char *url = strchr(url_safe, s[i]);

		if (!s[i] || (!std && !url))
			return NULL;
		out[i] = base64_alphabet[std ? std - base64_alphabet : url - url_safe];
	}
	memcpy(out + 22, "==", 3);
	return md5_is_canonical(out, 24) ? xstrdup(out) : NULL;
}

/* Decodes standard base64 (padding optional) into out (room for len * 3 / 4 bytes);
 * returns the number of bytes, or -1 for text that is not base64. */
static long base64_decode(const char *s, size_t len, unsigned char *out)
{
	unsigned long bits = 0;
	size_t i, n = 0;
	int have = 0;

	while (len && s[len - 1] == '=')
		len--;
	for (i = 0; i < len; i++) {
		const char *p = s[i] ? strchr(base64_alphabet, s[i]) : NULL;

		if (!p)
			return -1;
		bits = (bits << 6 | (unsigned long)(p - base64_alphabet)) & 0xFFFFFF;
		if ((have += 6) >= 8) {
			have -= 8;
			out[n++] = (unsigned char)(bits >> have);
		}
	}
	return (long)n;
}

/* The hex digest inside base64 of digest text, as `md5sum | base64` or
 * `echo HEX | base64` make it ("b1946ac9...\n", "b1946ac9...  -\n"): the 32 hex
 * digits then nothing or white space and a name. NULL when it is not that. */
static char *hex_text_inside(const char *s, size_t len)
{
	unsigned char *bytes;
	long n;
	char *hex = NULL;

	if (len < 44 || len > 1024)
		return NULL;
	bytes = xcalloc(len, 1);
	n = base64_decode(s, len, bytes);
	if (n >= 32 && all_of((const char *)bytes, 32, "0123456789abcdefABCDEF") &&
	    (n == 32 || isspace(bytes[32])))
		hex = xstrndup((const char *)bytes, 32);
	free(bytes);
	return hex;
}

/* CJ203 for the base64 of the hex text: says so, with the right form as the fix. */
static bool report_base64_of_hex(struct check_ctx *c, const struct node *at,
				 const struct node *n)
{
	char *hex = hex_text_inside(n->text, n->len);
	char *b64 = hex ? md5_hex_to_base64(hex, 32) : NULL;
	struct diag *d;

	if (!b64) {
		free(hex);
		return false;
	}
	d = check_report(c, at, CJ203_BASE64_OF_HEX, DIAG_ARGS({ "hex", hex },
			 { "suggestion", b64 }));
	diag_set_suggestion(d, b64);
	check_fix_replace(c, d, at, b64, true, "replace with the base64 of the digest's 16 bytes");
	free(hex);
	free(b64);
	return true;
}

void check_md5(struct check_ctx *c, const struct node *at, const struct node *n,
		      const struct shape *s)
{
	char *b64 = md5_hex_to_base64(n->text, n->len);
	char length[24], *canonical;
	size_t chars;
	struct diag *d;

	(void)s;
	if (b64) {
		d = check_report(c, at, CJ203_HEX, DIAG_ARGS({ "suggestion", b64 }));

		diag_set_suggestion(d, b64);
		check_fix_replace(c, d, at, b64, true, "replace with the base64 form of the digest");
		free(b64);
		return;
	}
	if (md5_is_canonical(n->text, n->len) || report_base64_of_hex(c, at, n))
		return;
	chars = utf8_count(n->text, n->len);
	snprintf(length, sizeof length, "%zu", chars);
	if (chars != 24)
		d = check_report(c, at, CJ203_LENGTH, DIAG_ARGS({ "length", length }));
	else if (!all_of(n->text, 22, base64_alphabet))
		d = check_report(c, at, CJ203_ALPHABET, DIAG_NO_ARGS);
	else if (n->text[22] != '=' || n->text[23] != '=')
		d = check_report(c, at, CJ203_PADDING, DIAG_NO_ARGS);
	else
		d = check_report(c, at, CJ203_NONCANONICAL, DIAG_NO_ARGS);
	canonical = md5_canonical_form(n->text, n->len);
	if (canonical)
		check_fix_replace(c, d, at, canonical, true,
				  "write the digest in standard, padded base64");
	free(canonical);
}
