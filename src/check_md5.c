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

void check_md5(struct check_ctx *c, const struct node *at, const struct node *n,
		      const struct shape *s)
{
	char *b64 = md5_hex_to_base64(n->text, n->len);
	char length[24];
	size_t chars;

	(void)s;
	if (b64) {
		struct diag *d = check_report(c, at, CJ203_HEX, DIAG_ARGS({ "suggestion", b64 }));

		diag_set_suggestion(d, b64);
		free(b64);
		return;
	}
	if (md5_is_canonical(n->text, n->len))
		return;
	chars = utf8_count(n->text, n->len);
	snprintf(length, sizeof length, "%zu", chars);
	if (chars != 24)
		check_report(c, at, CJ203_LENGTH, DIAG_ARGS({ "length", length }));
	else if (!all_of(n->text, 22, base64_alphabet))
		check_report(c, at, CJ203_ALPHABET, DIAG_NO_ARGS);
	else if (n->text[22] != '=' || n->text[23] != '=')
		check_report(c, at, CJ203_PADDING, DIAG_NO_ARGS);
	else
		check_report(c, at, CJ203_NONCANONICAL, DIAG_NO_ARGS);
}
