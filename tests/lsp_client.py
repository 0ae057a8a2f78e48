"""A minimal Language Server Protocol client for the tests and benchmarks: starts
`createjob-lint --lsp`, frames messages, and reads what the server sends with a
deadline, so that a server that hangs fails a test instead of stalling it."""
import json
import os
import select
import subprocess
import time


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, cjl, args=(), cwd=None, prefix=()):
        self.proc = subprocess.Popen(list(prefix) + [cjl, "--lsp"] + list(args),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.buf = b""
        self.next_id = 1
        self.notes = []          # notifications read while waiting for a response

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        self.send_raw(frame(msg))

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request(self, method, params=None, send_only=False):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return rid if send_only else self.response(rid)

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no answer from the server in time")
        ready, _, _ = select.select([self.proc.stdout], [], [], left)
        if not ready:
            raise TimeoutError("no answer from the server in time")
        chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
        if not chunk:
            try:
                self.proc.wait(10)
                err = self.proc.stderr.read().decode(errors="replace")[-3000:]
            except Exception:  # noqa: BLE001 - only to say more in the failure
                err = ""
            raise EOFError("the server closed its output (exit %s)\n%s" % (self.proc.returncode, err))
        self.buf += chunk

    def read(self, timeout=60):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, rest = self.buf.split(b"\r\n\r\n", 1)
        length = int(head.split(b":", 1)[1])
        while len(rest) < length:
            self.buf = head + b"\r\n\r\n" + rest
            self._fill(deadline)
            head, rest = self.buf.split(b"\r\n\r\n", 1)
        self.buf = rest[length:]
        return json.loads(rest[:length])

    def response(self, rid, timeout=60):
        while True:
            msg = self.read(timeout)
            if msg.get("id") == rid and "method" not in msg:
                return msg
            self.notes.append(msg)

    def diagnostics(self, uri, timeout=60):
        """The next publishDiagnostics for uri (one already read first)."""
        for i, msg in enumerate(self.notes):
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                del self.notes[i]
                return msg["params"]
        while True:
            msg = self.read(timeout)
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return msg["params"]
            self.notes.append(msg)

    def diagnostics_at(self, uri, version, timeout=60):
        """The publishDiagnostics for uri at a version (earlier ones skipped)."""
        while True:
            p = self.diagnostics(uri, timeout)
            if p.get("version") == version:
                return p

    def initialize(self, encodings=None, capabilities=None):
        caps = capabilities or {}
        if encodings:
            caps.setdefault("general", {})["positionEncodings"] = encodings
        answer = self.request("initialize", {"processId": None, "rootUri": None,
                                             "capabilities": caps})
        self.notify("initialized")
        return answer

    def open(self, uri, text, language="json", version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def stop(self, timeout=60):
        """shutdown, exit; returns the exit status."""
        self.request("shutdown")
        self.notify("exit")
        return self.wait(timeout)

    def wait(self, timeout=60):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        return self.proc.wait(timeout)

    def stderr(self):
        return self.proc.stderr.read().decode(errors="replace")


def file_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2
