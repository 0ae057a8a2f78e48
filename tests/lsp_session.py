"""A long editing session with `createjob-lint --lsp` (tests/lsp-valgrind.sh and
bench/lsp-latency use it): N rounds of typing and deleting in a JSON and a YAML
request, each waited for until its diagnostics come, with hover, completion and
code actions between. Prints "peak_kib K" (the server's VmHWM before it exits)
and, with --latency, one didChange -> publishDiagnostics time (ms) per edit."""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, file_uri, rng  # noqa: E402

ID = "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f"
JSON_TEXT = ('{"Type": "IMPORT_ASSETS_FROM_S3", "Details": {"ImportAssetsFromS3": {\n'
             '  "AssetSources": [{"Bucket": "example-bucket", "Key": "日本/data😀.csv"}],\n'
             '  "DataSetId": "%s", "RevisionId": "bad"}}}\n' % ID)
YAML_TEXT = ("Type: IMPORT_ASSET_FROM_SIGNED_URL\nDetails:\n  ImportAssetFromSignedUrl:\n"
             "    AssetName: prices.csv\n    DatasetId: %s\n"
             "    Md5Hash: b1946ac92492d2347c6235b4d2611184\n    RevisionId: %s\n" % (ID, ID))


def peak_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cjl", default=os.environ.get("CJL"))
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--prefix", default="", help="a command to run the server under")
    ap.add_argument("--latency", action="store_true")
    ap.add_argument("--text", help="a file to edit instead of the built-in requests")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()

    server = Server(args.cjl, prefix=args.prefix.split(), cwd="/")
    server.initialize()
    docs = []
    if args.text:
        with open(args.text, encoding="utf-8") as f:
            docs.append((file_uri(args.text), f.read(), "json" if args.text.endswith(".json") else "yaml"))
    else:
        docs = [(file_uri("/nonexistent-cjl/a.json"), JSON_TEXT, "json"),
                (file_uri("/nonexistent-cjl/b.yaml"), YAML_TEXT, "yaml")]
    for uri, text, lang in docs:
        server.open(uri, text, lang)
        server.diagnostics_at(uri, 1, args.timeout)
    version = 1
    for i in range(args.edits):
        uri, text, lang = docs[i % len(docs)]
        version += 1
        # Type one character on line 1 and, every other round, delete it again:
        # the text returns to where it was, so memory must too.
        if i // len(docs) % 2 == 0:
            change = {"range": rng(1, 2, 1, 2), "text": "x"}
        else:
            change = {"range": rng(1, 2, 1, 3), "text": ""}
        start = time.monotonic()
        server.change(uri, version, [change])
        server.diagnostics_at(uri, version, args.timeout)
        if args.latency:
            print("%.3f" % ((time.monotonic() - start) * 1000))
        if i % 10 == 0:
            pos = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}
            server.response(server.request("textDocument/hover", pos, send_only=True), args.timeout)
            server.response(server.request("textDocument/completion", pos, send_only=True), args.timeout)
            server.response(server.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": rng(0, 0, 9, 0),
                "context": {"diagnostics": []}}, send_only=True), args.timeout)
    print("peak_kib %d" % peak_kib(server.proc.pid))
    server.request("shutdown")
    server.notify("exit")
    rc = server.wait(args.timeout)
    sys.stderr.write(server.stderr())
    sys.exit(rc)


if __name__ == "__main__":
    main()
