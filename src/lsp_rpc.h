/* JSON-RPC 2.0 framing over a pair of file descriptors, as the Language Server
 * Protocol uses it: "Content-Length: N" headers, a blank line, N bytes of JSON. */
#ifndef CJL_LSP_RPC_H
#define CJL_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#define LSP_RPC_MAX_HEADER 8192                    /* bytes of one message's headers */
#define LSP_RPC_MAX_BODY ((size_t)64 * 1024 * 1024) /* bytes of one message's body */

/* JSON-RPC and LSP error codes. */
enum {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_SERVER_NOT_INITIALIZED = -32002,
	LSP_REQUEST_CANCELLED = -32800,
};

struct lsp_rpc {
	int in, out;
	char *buf;                /* bytes read but not yet taken */
	size_t len, cap;
	bool eof;                 /* the input is closed */
	size_t skip;              /* body bytes of a refused message still to discard */
};

enum lsp_read {
	LSP_READ_MESSAGE,         /* *msg is a parsed message (caller puts it) */
	LSP_READ_BAD_HEADER,      /* malformed or too long headers, skipped; *error says why */
	LSP_READ_BAD_BODY,        /* a body too large or not JSON, skipped; *error says why */
	LSP_READ_NONE,            /* no whole message is buffered (only without blocking) */
	LSP_READ_EOF,             /* the input is closed */
};

void lsp_rpc_init(struct lsp_rpc *rpc, int in, int out);
void lsp_rpc_free(struct lsp_rpc *rpc);
/* Takes the next message. With wait false it never blocks: it reads what the input
 * has ready and answers LSP_READ_NONE when no whole message is there. On
 * LSP_READ_BAD_*, *error (caller frees) says what was wrong. */
enum lsp_read lsp_rpc_read(struct lsp_rpc *rpc, bool wait, json_object **msg, char **error);
/* True when input is ready now: buffered bytes, or bytes or EOF on the descriptor. */
bool lsp_rpc_pending(struct lsp_rpc *rpc);
/* Writes one message (its reference stays the caller's); -1 when output fails. */
int lsp_rpc_write(struct lsp_rpc *rpc, json_object *msg);
/* Builds and writes a response, an error response or a notification; `result` and
 * `params` are taken (put) by these. id may be NULL (error for an unknown id). */
int lsp_rpc_respond(struct lsp_rpc *rpc, json_object *id, json_object *result);
int lsp_rpc_error(struct lsp_rpc *rpc, json_object *id, int code, const char *message);
int lsp_rpc_notify(struct lsp_rpc *rpc, const char *method, json_object *params);

#endif
