"""Properties of --fix --unsafe-fixes over one input (tests/fixprop.sh runs it on
every golden input named on its command line): re-linting the fixed file reports none of the findings whose
fix was applied, a second --fix changes nothing, and every byte outside the edit
ranges the JSON report gave stays as it was. Prints one line per broken property."""
import json
import os
import shutil
import subprocess
import sys


def report(cjl, path):
    out = subprocess.run([cjl, "-f", "json", "--jobs", "1", path], capture_output=True)
    files = json.loads(out.stdout)["files"]
    return files[0].get("diagnostics", []) if files else []


def fix(cjl, path, *extra):
    subprocess.run([cjl, "--fix", "--jobs", "1", *extra, path], capture_output=True)


def key(d):
    return (d["rule"], d["pointer"], d["message"])


def outside_kept(before, after, edits):
    """The bytes outside the edits come in order in `after`, each stretch whole."""
    at, pos = 0, 0
    for start, end in sorted(edits) + [(len(before), len(before))]:
        if start < at:
            return True  # conflicting edits: the fixer applies them pass by pass
        piece = before[at:start]
        found = after.find(piece, pos) if at else (0 if after.startswith(piece) else -1)
        if found < 0:
            return False
        pos = found + len(piece)
        at = max(at, end)
    return after.endswith(before[at:]) if at < len(before) else True


def check_one(cjl, src, work):
    name = os.path.basename(src)
    path = os.path.join(work, name)
    shutil.copyfile(src, path)
    before_bytes = open(path, "rb").read()
    before = report(cjl, path)
    fixable = [d for d in before if "fix" in d]
    fix(cjl, path, "--unsafe-fixes")
    after_bytes = open(path, "rb").read()
    after = {key(d) for d in report(cjl, path)}
    for d in fixable:
        if key(d) in after:
            print(f"{name}: {d['rule']} at {d['pointer']} is still reported after its fix")
    edits = [(e["offset"], e["endOffset"]) for d in fixable for e in d["fix"]["edits"]]
    if not outside_kept(before_bytes, after_bytes, edits):
        print(f"{name}: bytes outside the reported edits changed")
    fix(cjl, path)
    if open(path, "rb").read() != after_bytes:
        print(f"{name}: a second --fix changed the file")
    os.unlink(path)
    return len(fixable)


def main():
    cjl, work, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    fixed = sum(check_one(cjl, src, work) for src in inputs)
    print(f"checked {len(inputs)} inputs with {fixed} fixable findings", file=sys.stderr)


main()
