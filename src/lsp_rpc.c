/* JSON-RPC framing for the language server: headers, bounded bodies, no crash on
 * anything a client sends. */
#include "lsp_rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

#define READ_CHUNK 65536

void lsp_rpc_init(struct lsp_rpc *rpc, int in, int out)
{
	memset(rpc, 0, sizeof *rpc);
	rpc->in = in;
	rpc->out = out;
}

void lsp_rpc_free(struct lsp_rpc *rpc)
{
	free(rpc->buf);
	memset(rpc, 0, sizeof *rpc);
}

static bool input_ready(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) > 0;
}

/* Reads once (blocking) into the buffer; false at EOF or on an error. */
static bool fill(struct lsp_rpc *rpc)
{
	ssize_t n;

	rpc->buf = grow_array(rpc->buf, &rpc->cap, rpc->len + READ_CHUNK + 1, 1);
	do
		n = read(rpc->in, rpc->buf + rpc->len, READ_CHUNK);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		rpc->eof = true;
		return false;
	}
	rpc->len += (size_t)n;
	return true;
}

static void consume(struct lsp_rpc *rpc, size_t n)
{
	if (n == 0)
		return; /* also before the first read, when there is no buffer */
	memmove(rpc->buf, rpc->buf + n, rpc->len - n);
	rpc->len -= n;
}

/* Drops the body bytes of a refused message as they arrive. */
static void discard_skipped(struct lsp_rpc *rpc)
{
	size_t n = rpc->skip < rpc->len ? rpc->skip : rpc->len;

	consume(rpc, n);
	rpc->skip -= n;
}

/* The end of the header block (just past its blank line), or 0 when not buffered. */
static size_t header_end(const struct lsp_rpc *rpc)
{
	size_t i;

	for (i = 0; i + 1 < rpc->len; i++) {
		if (rpc->buf[i] != '\n')
			continue;
		if (rpc->buf[i + 1] == '\n')
			return i + 2;
		if (i + 2 < rpc->len && rpc->buf[i + 1] == '\r' && rpc->buf[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* The Content-Length among the headers in buf[0..n); -1 when missing or bad. */
static long long content_length(const char *buf, size_t n)
{
	static const char name[] = "content-length:";
	size_t i = 0;

	while (i < n) {
		const char *line = buf + i, *nl = memchr(line, '\n', n - i);
		size_t len = nl ? (size_t)(nl - line) : n - i;

		if (len > sizeof name - 1 && strncasecmp(line, name, sizeof name - 1) == 0) {
			const char *p = line + sizeof name - 1, *end = line + len;
			long long v = 0;

			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p == end || *p < '0' || *p > '9')
				return -1;
			for (; p < end && *p >= '0' && *p <= '9'; p++)
				if ((v = v * 10 + (*p - '0')) > (long long)LSP_RPC_MAX_BODY * 16)
					return v;
			while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
				p++;
			return p == end ? v : -1;
		}
		i += len + 1;
	}
	return -1;
}

static json_object *parse_body(const char *body, size_t len, char **error)
{
	struct json_tokener *tok = json_tokener_new_ex(512);
	json_object *msg;

	if (!tok)
		xalloc_failed();
	msg = json_tokener_parse_ex(tok, body, (int)len);
	if (!msg || json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != len) {
		*error = xasprintf("the message body is not one JSON value (%s)",
				   json_tokener_error_desc(json_tokener_get_error(tok)));
		json_object_put(msg);
		msg = NULL;
	}
	json_tokener_free(tok);
	return msg;
}

/* One step on what is buffered: a message, a refusal, or NONE for more input. */
static enum lsp_read take(struct lsp_rpc *rpc, json_object **msg, char **error)
{
	size_t head;
	long long length;

	discard_skipped(rpc);
	if (rpc->skip)
		return LSP_READ_NONE;
	head = header_end(rpc);
	if (!head) {
		if (rpc->len <= LSP_RPC_MAX_HEADER)
			return LSP_READ_NONE;
		*error = xasprintf("message headers longer than %d bytes; input dropped",
				   LSP_RPC_MAX_HEADER);
		rpc->len = 0;
		return LSP_READ_BAD_HEADER;
	}
	length = content_length(rpc->buf, head);
	if (length < 0 || head > LSP_RPC_MAX_HEADER) {
		*error = xstrdup("a message without a valid Content-Length header; skipped");
		consume(rpc, head);
		return LSP_READ_BAD_HEADER;
	}
	if ((unsigned long long)length > LSP_RPC_MAX_BODY) {
		*error = xasprintf("a message body of %lld bytes, over the limit of %zu; skipped",
				   length, LSP_RPC_MAX_BODY);
		consume(rpc, head);
		rpc->skip = (size_t)length;
		discard_skipped(rpc);
		return LSP_READ_BAD_BODY;
	}
	if (rpc->len - head < (size_t)length)
		return LSP_READ_NONE;
	*msg = parse_body(rpc->buf + head, (size_t)length, error);
	consume(rpc, head + (size_t)length);
	return *msg ? LSP_READ_MESSAGE : LSP_READ_BAD_BODY;
}

enum lsp_read lsp_rpc_read(struct lsp_rpc *rpc, bool wait, json_object **msg, char **error)
{
	*msg = NULL;
	*error = NULL;
	for (;;) {
		enum lsp_read r = take(rpc, msg, error);

		if (r != LSP_READ_NONE)
			return r;
		if (rpc->eof)
			return LSP_READ_EOF;
		if (!wait && !input_ready(rpc->in))
			return LSP_READ_NONE;
		fill(rpc);
	}
}

bool lsp_rpc_pending(struct lsp_rpc *rpc)
{
	return (rpc->len > 0 && !rpc->skip) || (!rpc->eof && input_ready(rpc->in));
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int lsp_rpc_write(struct lsp_rpc *rpc, json_object *msg)
{
	size_t len;
	const char *body = json_object_to_json_string_length(
		msg, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	char head[64];
	int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);

	if (write_all(rpc->out, head, (size_t)n) < 0 || write_all(rpc->out, body, len) < 0)
		return -1;
	return 0;
}

static json_object *envelope(json_object *id)
{
	json_object *msg = json_object_new_object();

	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(msg, "id", id ? json_object_get(id) : NULL);
	return msg;
}

static int send_and_put(struct lsp_rpc *rpc, json_object *msg)
{
	int rc = lsp_rpc_write(rpc, msg);

	json_object_put(msg);
	return rc;
}

int lsp_rpc_respond(struct lsp_rpc *rpc, json_object *id, json_object *result)
{
	json_object *msg = envelope(id);

	json_object_object_add(msg, "result", result);
	return send_and_put(rpc, msg);
}

int lsp_rpc_error(struct lsp_rpc *rpc, json_object *id, int code, const char *message)
{
	json_object *msg = envelope(id), *err = json_object_new_object();

	json_object_object_add(err, "code", json_object_new_int(code));
	json_object_object_add(err, "message", json_object_new_string(message));
	json_object_object_add(msg, "error", err);
	return send_and_put(rpc, msg);
}

int lsp_rpc_notify(struct lsp_rpc *rpc, const char *method, json_object *params)
{
	json_object *msg = json_object_new_object();

	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(msg, "method", json_object_new_string(method));
	json_object_object_add(msg, "params", params);
	return send_and_put(rpc, msg);
}
