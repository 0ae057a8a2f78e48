"""Scripted sessions with `createjob-lint --lsp` (tests/lsp.sh runs this): each
check prints "ok NAME" or "not ok NAME: why"."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, file_uri, frame, rng, utf16_len  # noqa: E402

CJL = os.environ["CJL"]
TMP = tempfile.mkdtemp(prefix="cjl-lsp-")
ID1 = "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f"
ID2 = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"
failures = 0


def check(name, ok, why=""):
    global failures
    if ok:
        print("ok " + name)
    else:
        failures += 1
        print("not ok %s: %s" % (name, why))


def codes(params):
    return sorted(d["code"] for d in params["diagnostics"])


def request_json(data_set=ID1, revision=ID2, key="data.csv"):
    return ('{"Type": "IMPORT_ASSETS_FROM_S3", "Details": {"ImportAssetsFromS3": {'
            '"AssetSources": [{"Bucket": "example-bucket", "Key": "%s"}], '
            '"DataSetId": "%s", "RevisionId": "%s"}}}\n' % (key, data_set, revision))


def test_lifecycle():
    s = Server(CJL, cwd=TMP)
    r = s.request("textDocument/hover", {})
    check("a request before initialize is refused",
          r.get("error", {}).get("code") == -32002, r)
    init = s.initialize()
    caps = init["result"]["capabilities"]
    check("utf-16 when the client offers nothing else", caps.get("positionEncoding") == "utf-16", caps)
    check("incremental sync", caps["textDocumentSync"]["change"] == 2, caps)
    check("hover, completion and code actions offered",
          caps.get("hoverProvider") is True and "completionProvider" in caps and
          "source.fixAll.createjob-lint" in caps["codeActionProvider"]["codeActionKinds"], caps)
    r = s.request("workspace/noSuchThing", {})
    check("an unknown request is MethodNotFound", r.get("error", {}).get("code") == -32601, r)
    s.notify("$/noSuchNotification", {})
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///never/opened.json"}})
    r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///nothing.json"},
                                         "position": {"line": 0, "character": 0}})
    check("unknown notifications are ignored; hover on no document is null",
          "result" in r and r["result"] is None, r)
    rc = s.stop()
    check("shutdown then exit: status 0", rc == 0, rc)

    s = Server(CJL, cwd=TMP)
    s.initialize()
    s.notify("exit")
    rc = s.wait()
    check("exit without shutdown: status 1", rc == 1, rc)

    s = Server(CJL, cwd=TMP)
    s.initialize()
    rc = s.wait()
    check("the end of input ends the server", rc == 1, rc)


def test_malformed():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    s.send_raw(b"Content-Length: many\r\n\r\n{}")
    s.send_raw(b"X-Nonsense: 1\r\n\r\n")
    body = b"{not json"
    s.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = s.read()
    check("a body that is not JSON is answered with ParseError",
          r.get("error", {}).get("code") == -32700 and r.get("id") is None, r)
    s.send_raw(b"Content-Length: 2\r\n\r\n[]")
    r = s.read()
    check("a message that is not an object is InvalidRequest",
          r.get("error", {}).get("code") == -32600, r)
    r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///x.json"},
                                         "position": {"line": 0, "character": 0}})
    check("the server goes on after malformed headers", "result" in r, r)
    check("shutdown after malformed input", s.stop() == 0)
    err = s.stderr()
    check("malformed headers are logged on standard error",
          "Content-Length" in err and "not one JSON value" in err, err)


def test_oversized_body():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    # A header announcing 65 MiB: refused at once, and its body, when it comes, skipped.
    size = 65 * 1024 * 1024
    s.send_raw(b"Content-Length: %d\r\n\r\n" % size)
    chunk = b" " * (1 << 20)
    for _ in range(65):
        s.send_raw(chunk)
    r = s.request("shutdown")
    check("a body over 64 MiB is skipped and the next message answered",
          "result" in r and r["result"] is None, r)
    s.notify("exit")
    check("exit after an oversized body", s.wait() == 0)
    check("an oversized body is logged", "over the limit" in s.stderr())


def test_diagnostics():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "job.json"))
    text = request_json(data_set="bad")
    s.open(uri, text)
    p = s.diagnostics(uri)
    check("diagnostics after open", codes(p) == ["CJ105"], p)
    d = p["diagnostics"][0]
    col = text.index('"bad"')
    check("range of a finding", d["range"] == rng(0, col, 0, col + 5) and d["severity"] == 1 and
          d["source"] == "createjob-lint" and "DataSetId" in d["message"], d)
    check("the version is published", p.get("version") == 1, p)
    # An incremental edit that mends the id: the finding goes.
    s.change(uri, 2, [{"range": rng(0, col + 1, 0, col + 4), "text": ID1}])
    p = s.diagnostics(uri)
    check("no finding after an incremental edit mends it", p["diagnostics"] == [] and
          p.get("version") == 2, p)
    # Two edits in one change, then a burst of changes: one lint for the lot.
    burst = [frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": rng(0, 0, 0, 1), "text": "{\"Tpye\": 1,\n"}]}})]
    for v in range(4, 40):
        burst.append(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": rng(1, 0, 1, 0), "text": " "},
                               {"range": rng(1, 0, 1, 1), "text": ""}]}}))
    s.send_raw(b"".join(burst))
    p = s.diagnostics(uri)
    check("a burst of edits is linted once, at its last version", p.get("version") == 39 and
          "CJ102" in codes(p), p)
    # A full-text change is accepted too.
    full = request_json(revision="x")
    s.change(uri, 40, [{"text": full}])
    p = s.diagnostics(uri)
    check("full sync", codes(p) == ["CJ105"] and p["diagnostics"][0]["range"]["start"]["line"] == 0, p)
    # A position past the end of a line is the line's end.
    s.change(uri, 41, [{"range": rng(0, 100000, 0, 100000), "text": "x"}])
    p = s.diagnostics(uri)
    n = len(full.rstrip("\n"))
    check("a position past a line's end clamps to it", "CJ001" in codes(p) and
          any(d["range"]["start"] == {"line": 0, "character": n} for d in p["diagnostics"]), p)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    p = s.diagnostics(uri)
    check("closing a document clears its diagnostics", p["diagnostics"] == [], p)
    other = file_uri(os.path.join(TMP, "package.json"))
    s.open(other, '{"name": "x", "version": "1.0.0"}\n')
    p = s.diagnostics(other)
    check("a document that is not a request gets no diagnostics", p["diagnostics"] == [], p)
    notes = file_uri(os.path.join(TMP, "notes.md"))
    s.open(notes, "Type: IMPORT_ASSETS_FROM_S3\nDetails: {}\n", "markdown")
    p = s.diagnostics(notes)
    check("a document that is neither JSON nor YAML gets no diagnostics", p["diagnostics"] == [], p)
    check("shutdown", s.stop() == 0)


def test_related():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "dup.yaml"))
    text = "Type: IMPORT_ASSETS_FROM_S3\nType: IMPORT_ASSETS_FROM_S3\nDetails: {}\n"
    s.open(uri, text, "yaml")
    p = s.diagnostics(uri)
    rel = [d for d in p["diagnostics"] if d.get("relatedInformation")]
    check("a duplicate key's first place is related information", rel and
          rel[0]["relatedInformation"][0]["location"]["range"]["start"] == {"line": 0, "character": 0}
          and rel[0]["relatedInformation"][0]["location"]["uri"] == uri, p)
    s.stop()


def test_pasted_member():
    # A member of another job type pasted under Details: its CJ201 alone, as on the
    # command line; nothing from inside it (a bad id, a short bucket, a bad pattern).
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "pasted.yaml"))
    text = ("Type: IMPORT_ASSETS_FROM_S3\nDetails:\n  ImportAssetsFromS3:\n"
            "    DataSetId: %s\n    RevisionId: %s\n    AssetSources: [{Bucket: example-bucket, Key: a.csv}]\n"
            "  ExportRevisionsToS3:\n    DataSetId: xyz\n"
            "    RevisionDestinations: [{Bucket: B, KeyPattern: \"${Bad}\"}]\n" % (ID1, ID2))
    s.open(uri, text, "yaml")
    p = s.diagnostics(uri)
    check("a pasted member of another job type is its CJ201 alone", codes(p) == ["CJ201"] and
          p["diagnostics"][0]["range"]["start"] == {"line": 6, "character": 2}, p)
    s.stop()


UNICODE_KEY = "é日本😀x"


def unicode_request():
    return request_json(data_set="bad", key=UNICODE_KEY)


def test_encodings():
    text = unicode_request()
    before = text[:text.index('"bad"')]
    for enc, measure in (("utf-16", utf16_len), ("utf-8", lambda t: len(t.encode()))):
        s = Server(CJL, cwd=TMP)
        init = s.initialize([enc] if enc == "utf-8" else ["utf-32", "utf-16"])
        check("%s negotiated" % enc, init["result"]["capabilities"]["positionEncoding"] == enc, init)
        uri = file_uri(os.path.join(TMP, "unicode.json"))
        s.open(uri, text)
        p = s.diagnostics(uri)
        d = p["diagnostics"][0] if p["diagnostics"] else {}
        col = measure(before)
        check("%s range after emoji and CJK" % enc,
              d.get("range") == rng(0, col, 0, col + 5), (d, col))
        # Edit inside the line after the emoji, in this encoding: mend the id.
        s.change(uri, 2, [{"range": rng(0, col + 1, 0, col + 4), "text": ID1}])
        p = s.diagnostics(uri)
        check("%s incremental edit after emoji lands exactly" % enc, p["diagnostics"] == [], p)
        # Replace the emoji itself (2 UTF-16 units, 4 UTF-8 bytes) by a letter.
        start = measure(text[:text.index("😀")])
        s.change(uri, 3, [{"range": rng(0, start, 0, start + measure("😀")), "text": "y"}])
        s.change(uri, 4, [{"range": rng(0, col + 1 - measure("😀") + 1, 0,
                                        col + 1 - measure("😀") + 1 + len(ID1)), "text": "oops"}])
        p = s.diagnostics_at(uri, 4)
        d = p["diagnostics"][0] if p["diagnostics"] else {}
        col2 = col - measure("😀") + 1
        check("%s edits that replace an emoji keep later positions exact" % enc,
              d.get("range") == rng(0, col2, 0, col2 + 6), (d, col2))
        s.stop()


def test_hover():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "hover.json"))
    text = request_json(data_set="bad")
    s.open(uri, text)
    s.diagnostics(uri)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 3}})
    value = r["result"]["contents"]["value"] if r.get("result") else ""
    check("hover on Type: type, required and allowed values",
          "**Type**" in value and "required" in value and "IMPORT_ASSETS_FROM_S3" in value and
          "Allowed values" in value, value)
    check("hover shows the service model's documentation",
          "The type of job to be created." in value, value)
    col = text.index('"bad"') + 2
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": col}})
    value = r["result"]["contents"]["value"] if r.get("result") else ""
    check("hover on a finding: the rule, its summary and the member",
          "CJ105" in value and "DataSetId" in value and "Pattern" in value, value)
    col = text.index('"Bucket"') + 3
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": col}})
    value = r["result"]["contents"]["value"] if r.get("result") else ""
    check("hover on a nested member inside a list", "**Bucket**" in value, value)
    s.stop()


def labels(r):
    return [i["label"] for i in r["result"]["items"]]


def item(r, label):
    return next((i for i in r["result"]["items"] if i["label"] == label), None)


def test_completion():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "complete.json"))
    text = '{"Type": "EXPORT_ASSET_TO_SIGNED_URL", \n "Details": {\n  \n }}\n'
    s.open(uri, text)
    r = s.request("textDocument/completion", {"textDocument": {"uri": uri},
                                              "position": {"line": 2, "character": 2}})
    it = item(r, "ExportAssetToSignedUrl")
    check("JSON: the Details member of the Type set comes first, as a snippet",
          it and it.get("insertTextFormat") == 2 and it.get("preselect") and
          '"ExportAssetToSignedUrl": {' in it["textEdit"]["newText"] and
          '"AssetId": "$1"' in it["textEdit"]["newText"], it)
    other = item(r, "ImportAssetsFromS3")
    check("JSON: other Details members with quotes and colon",
          other and other["textEdit"]["newText"] == '"ImportAssetsFromS3": ', other)
    r = s.request("textDocument/completion", {"textDocument": {"uri": uri},
                                              "position": {"line": 1, "character": 0}})
    check("JSON: members present are not offered again",
          "Type" not in labels(r) and "Details" not in labels(r) and
          "AssetConfiguration" in labels(r), labels(r))
    s.change(uri, 2, [{"range": rng(0, 10, 0, 36), "text": ""}])
    r = s.request("textDocument/completion", {"textDocument": {"uri": uri},
                                              "position": {"line": 0, "character": 10}})
    it = item(r, "IMPORT_ASSETS_FROM_S3")
    check("JSON: enum values of Type inside the quotes",
          it and it["textEdit"]["newText"] == '"IMPORT_ASSETS_FROM_S3"' and
          it["textEdit"]["range"] == rng(0, 9, 0, 11), it)

    yuri = file_uri(os.path.join(TMP, "complete.yaml"))
    ytext = ("Type: IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY\nDetails:\n  Imp\n")
    s.open(yuri, ytext, "yaml")
    r = s.request("textDocument/completion", {"textDocument": {"uri": yuri},
                                              "position": {"line": 2, "character": 5}})
    it = item(r, "ImportAssetsFromLakeFormationTagPolicy")
    check("YAML: the Details member as a snippet with its required members",
          it and it.get("insertTextFormat") == 2 and
          it["textEdit"]["newText"].startswith("ImportAssetsFromLakeFormationTagPolicy:\n") and
          "  CatalogId:" in it["textEdit"]["newText"] and
          it["textEdit"]["range"] == rng(2, 2, 2, 5), it)
    s.change(yuri, 2, [{"text": "Type: IMPORT_ASSETS_FROM_S3\nDetails:\n  ImportAssetsFromS3:\n"
                        "    AssetSources:\n      - Bucket: b\n        \n"}])
    r = s.request("textDocument/completion", {"textDocument": {"uri": yuri},
                                              "position": {"line": 5, "character": 8}})
    it = item(r, "Key")
    check("YAML: members of a list item, with ': ', present ones left out",
          it and it["textEdit"]["newText"] == "Key: " and "Bucket" not in labels(r), labels(r))
    s.change(yuri, 3, [{"text": "Type: \nDetails: {}\n"}])
    r = s.request("textDocument/completion", {"textDocument": {"uri": yuri},
                                              "position": {"line": 0, "character": 6}})
    check("YAML: enum values after 'Type: '",
          "EXPORT_REVISIONS_TO_S3" in labels(r) and
          item(r, "EXPORT_REVISIONS_TO_S3")["textEdit"]["newText"] == "EXPORT_REVISIONS_TO_S3", r)
    s.stop()


def test_code_actions():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "suppress.yaml"))
    text = ("Type: IMPORT_ASSETS_FROM_S3\nDetails:\n  ImportAssetsFromS3:\n"
            "    DataSetId: bad\n    RevisionId: %s\n    AssetSources: []\n" % ID2)
    s.open(uri, text, "yaml")
    p = s.diagnostics(uri)
    d = [d for d in p["diagnostics"] if d["code"] == "CJ105"]
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": d[0]["range"] if d else rng(3, 0, 3, 0),
                                              "context": {"diagnostics": d}})
    acts = [a for a in r.get("result") or [] if a["title"].startswith("Suppress CJ105")]
    edit = acts[0]["edit"]["changes"][uri][0] if acts else {}
    check("YAML: a suppress-here action inserts a comment with a reason placeholder",
          edit.get("range") == rng(3, 0, 3, 0) and
          edit.get("newText") == "    # createjob-lint: disable=CJ105 -- reason: \n", r)
    # Applying it silences the finding.
    s.change(uri, 2, [{"range": edit["range"], "text": edit["newText"] + "TODO"}] if edit else [])
    # (the placeholder is completed on the inserted line before its newline)
    s.change(uri, 3, [{"text": text.replace("    DataSetId: bad\n",
                                            "    # createjob-lint: disable=CJ105 -- reason: demo\n"
                                            "    DataSetId: bad\n")}])
    p = s.diagnostics_at(uri, 3)
    check("the suppression comment silences the finding", "CJ105" not in codes(p), p)
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": rng(0, 0, 9, 0),
                                              "context": {"diagnostics": [], "only": ["quickfix"]}})
    check("only: quickfix leaves out fix-all", all(a["kind"] == "quickfix" for a in r["result"]), r)
    s.stop()


def apply_edits(text, edits):
    """Applies LSP text edits (UTF-16 positions) to text, last first."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def index(pos):
        if pos["line"] >= len(lines):
            return len(text)
        line = lines[pos["line"]].rstrip("\r\n")
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return starts[pos["line"]] + i
            units += utf16_len(ch)
        return starts[pos["line"]] + len(line)
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        a, b = index(e["range"]["start"]), index(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def test_fix_all():
    import subprocess
    if "--fix" not in subprocess.run([CJL, "--help"], capture_output=True, text=True).stdout:
        print("# skipped: this build has no fixes (--fix); quick fixes are tested in tests/unit")
        return
    s = Server(CJL, cwd=TMP)
    s.initialize()
    path = os.path.join(TMP, "fixall.yaml")
    text = ("# 日本 😀\nType: IMPORT_ASSET_FROM_SIGNED_URL\nDetails:\n  ImportAssetFromSignedUrl:\n"
            "    AssetName: \"é😀.csv\"\n    Md5Hash: b1946ac92492d2347c6235b4d2611184\n"
            "    DataSetId: %s\n    RevisionId: %s\n" % (ID1, ID2))
    uri = file_uri(path)
    s.open(uri, text, "yaml")
    s.diagnostics(uri)
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 0, 9, 0),
                                              "context": {"diagnostics": [],
                                                          "only": ["source.fixAll"]}})
    acts = r.get("result") or []
    check("fix-all is offered for the safe fixes",
          len(acts) == 1 and acts[0]["kind"] == "source.fixAll.createjob-lint", r)
    fixed = apply_edits(text, acts[0]["edit"]["changes"][uri]) if acts else ""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    subprocess.run([CJL, "--fix", path], capture_output=True)
    with open(path, encoding="utf-8") as f:
        want = f.read()
    check("fix-all's edits give what --fix writes", fixed == want and want != text, (fixed, want))
    qf = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(5, 14, 5, 14),
                                               "context": {"diagnostics": [], "only": ["quickfix"]}})
    q = [a for a in qf.get("result") or [] if not a["title"].startswith("Suppress")]
    check("the CJ203 quick fix carries its diagnostic and is preferred",
          q and q[0]["diagnostics"][0]["code"] == "CJ203" and q[0].get("isPreferred") is True, qf)
    s.stop()


def test_reference_quick_fix():
    """CJ204 on a misspelt reference after text outside the BMP and a JSON escape:
    the diagnostic covers only the reference and its quick fix rewrites only it."""
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "reference.json"))
    line = '"KeyPattern": "\U0001f600\\u00e9/${Revision.Id}/${Asset.Nme}"'
    text = ('{"Type": "EXPORT_REVISIONS_TO_S3", "Details": {"ExportRevisionsToS3": {\n'
            '"DataSetId": "%s", "RevisionDestinations": [{"Bucket": "example-bucket",\n'
            '"RevisionId": "%s", %s}]}}}\n' % (ID1, ID2, line))
    s.open(uri, text, "json")
    p = s.diagnostics(uri)
    d = [d for d in p["diagnostics"] if d["code"] == "CJ204"]
    prefix = text.split("\n")[2].split("${Asset.Nme}")[0]
    col = sum(utf16_len(ch) for ch in prefix)
    check("CJ204's range is the misspelt reference alone",
          len(d) == 1 and d[0]["range"] == rng(2, col, 2, col + len("${Asset.Nme}")), p)
    r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": d[0]["range"] if d else rng(2, col, 2, col),
                                              "context": {"diagnostics": d, "only": ["quickfix"]}})
    q = [a for a in r.get("result") or [] if not a["title"].startswith("Suppress")]
    fixed = apply_edits(text, q[0]["edit"]["changes"][uri]) if q and "edit" in q[0] else ""
    check("CJ204's quick fix replaces the reference and nothing else",
          fixed == text.replace("${Asset.Nme}", "${Asset.Name}"), r)
    s.stop()


def test_cancel():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "cancel.json"))
    s.open(uri, request_json())
    rid = s.next_id
    s.next_id += 1
    s.send_raw(frame({"jsonrpc": "2.0", "id": rid, "method": "textDocument/hover",
                      "params": {"textDocument": {"uri": uri},
                                 "position": {"line": 0, "character": 3}}}) +
               frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": rid}}))
    r = s.response(rid)
    check("a request cancelled before it is handled is answered RequestCancelled",
          r.get("error", {}).get("code") == -32800, r)
    s.notify("$/cancelRequest", {"id": 12345})
    r = s.request("shutdown")
    check("cancelling an unknown id is harmless", "result" in r, r)
    s.notify("exit")
    s.wait()


def test_config_change():
    folder = os.path.join(TMP, "configured")
    os.makedirs(folder, exist_ok=True)
    config = os.path.join(folder, ".createjob-lint.yaml")
    if os.path.exists(config):
        os.remove(config)
    s = Server(CJL, cwd=TMP)
    s.initialize(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    reg = s.read()
    check("the server asks to watch configuration files",
          reg.get("method") == "client/registerCapability" and
          ".createjob-lint.yaml" in json.dumps(reg), reg)
    s.send({"jsonrpc": "2.0", "id": reg.get("id"), "result": None})
    uri = file_uri(os.path.join(folder, "job.json"))
    s.open(uri, request_json(data_set="bad"))
    p = s.diagnostics(uri)
    check("before the config: CJ105", codes(p) == ["CJ105"], p)
    with open(config, "w") as f:
        f.write("rules: {CJ105: off}\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(config), "type": 1}]})
    p = s.diagnostics(uri)
    check("a new config re-lints open documents under it", codes(p) == [], p)
    with open(config, "w") as f:
        f.write("rules: {CJ105: warning}\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": file_uri(config)}})
    p = s.diagnostics(uri)
    check("saving a config re-lints with its new levels",
          codes(p) == ["CJ105"] and p["diagnostics"][0]["severity"] == 2, p)
    with open(config, "w") as f:
        f.write("rules: {CJ105: [\n")
    s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": file_uri(config), "type": 2}]})
    p = s.diagnostics(uri)
    check("a broken config is one diagnostic naming it",
          len(p["diagnostics"]) == 1 and ".createjob-lint.yaml" in p["diagnostics"][0]["message"], p)
    os.remove(config)
    s.stop()


def test_large():
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "large.json"))
    entry = '{"Bucket": "example-bucket", "Key": "data/日本/part-%06d.csv"}'
    entries = []
    size = 0
    while size < 5 * 1024 * 1024:
        e = entry % len(entries)
        entries.append(e)
        size += len(e.encode()) + 2
    text = ('{"Type": "IMPORT_ASSETS_FROM_S3", "Details": {"ImportAssetsFromS3": {'
            '"DataSetId": "bad", "RevisionId": "%s", "AssetSources": [\n%s\n]}}}\n'
            % (ID2, ",\n".join(entries)))
    s.open(uri, text)
    p = s.diagnostics(uri, timeout=120)
    check("a 5 MB document is linted", "CJ105" in codes(p) and "CJ214" in codes(p) or
          "CJ105" in codes(p), codes(p)[:5])
    last = len(entries)
    s.change(uri, 2, [{"range": rng(last, 0, last, 0), "text": " "}])
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": last - 1, "character": 3}},)
    check("hover in a 5 MB document after an edit", "**Bucket**" in json.dumps(r), r)
    check("shutdown after a 5 MB document", s.stop(timeout=120) == 0)


def test_hostile():
    """Messages of the right shape with wrong contents: each is ignored or
    answered, and the server goes on."""
    s = Server(CJL, cwd=TMP)
    s.initialize()
    uri = file_uri(os.path.join(TMP, "hostile.json"))
    junk = [
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 7},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": "x"}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": 5, "text": "{}"}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "text": 12}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": None, "version": "v",
                                     "text": "{\"Type\": \"\u0000\xff\ud800\"}\n"}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri}, "contentChanges": "all"}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri}, "contentChanges": [
             {"range": {"start": {"line": -1, "character": -5}, "end": 3}, "text": "x"},
             {"range": {"start": {"line": 2 ** 62, "character": 2 ** 62},
                        "end": {"line": 0, "character": 0}}, "text": "y"},
             {"range": {"start": {"line": 0, "character": 1.5},
                        "end": {"line": 0, "character": 0}}, "text": "z"},
             {"text": None}, 17]}},
        {"jsonrpc": "2.0", "id": {"nested": [1]}, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri}, "position": {"line": 2 ** 40, "character": 0}}},
        {"jsonrpc": "2.0", "id": 900, "method": "textDocument/completion",
         "params": {"textDocument": {"uri": uri}, "position": "here"}},
        {"jsonrpc": "2.0", "id": 901, "method": "textDocument/codeAction",
         "params": {"textDocument": {"uri": uri}, "range": [], "context": {"only": [5, None]}}},
        {"jsonrpc": "2.0", "id": 902, "method": 42},
        {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [1, {"uri": 2}]}},
        {"jsonrpc": "2.0", "id": 903, "method": "initialize", "params": {}},
    ]
    for msg in junk:
        s.send(msg)
    r = s.request("textDocument/completion", {"textDocument": {"uri": uri},
                                              "position": {"line": 0, "character": 2}})
    check("the server answers after hostile messages", "result" in r, r)
    s.change(uri, 9, [{"text": "\x00\x01 {\"Type\": [[[[[[[[[[[[\n"}])
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 8}})
    check("hover in text with control characters and no end", "result" in r or "error" in r, r)
    check("shutdown after hostile messages", s.stop() == 0)


for test in (test_hostile, test_lifecycle, test_malformed, test_oversized_body, test_diagnostics, test_related,
             test_pasted_member,
             test_encodings, test_hover, test_completion, test_code_actions, test_fix_all,
             test_reference_quick_fix, test_cancel,
             test_config_change, test_large):
    try:
        test()
    except Exception as e:  # a hang or a crash fails the scenario, not the run
        check(test.__name__, False, "%s: %s" % (type(e).__name__, e))
sys.exit(1 if failures else 0)
