#!/usr/bin/env python3
"""Copies the service model's documentation strings into rules/shape.yaml.

Each shape and each member of rules/shape.yaml gets a `doc:` field with the
model's documentation, HTML turned into plain Markdown. The text comes from the
model the Debian awscli package ships and, for what only the newer model has,
from botocore's. The build reads only rules/shape.yaml: run this by hand when the
model changes, and commit the result.

Usage: tools/shape-docs.py [rules/shape.yaml] [MODEL.json[.gz]]...
"""
import gzip
import html
import json
import re
import sys

DEFAULT_MODELS = [
    "/usr/lib/python3/dist-packages/awscli/botocore/data/dataexchange/2017-07-25/service-2.json",
    "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data/dataexchange/"
    "2017-07-25/service-2.json.gz",
]


def load_model(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)["shapes"]


def link(m):
    text = m.group(2).strip()
    return "[%s](%s)" % (text, m.group(1)) if text else m.group(1)


def plain(doc):
    """HTML documentation as Markdown: code, links and lists kept, other tags gone."""
    doc = re.sub(r"\s+", " ", doc)
    doc = re.sub(r"<code>\s*(.*?)\s*</code>", r"`\1`", doc, flags=re.S)
    doc = re.sub(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', link, doc, flags=re.S)
    doc = re.sub(r"<li>\s*", "\n- ", doc)
    doc = re.sub(r"</p>\s*|<br\s*/?>|</?ul>|</?ol>", "\n\n", doc)
    doc = re.sub(r"<[^>]+>", "", doc)
    doc = html.unescape(doc)
    lines = [line.strip() for line in doc.split("\n")]
    doc = "\n".join(lines)
    doc = re.sub(r"\n{3,}", "\n\n", doc)
    doc = re.sub(r"\n\n(- )", r"\n\1", doc)
    return doc.strip()


def find_doc(models, shape, member=None):
    for shapes in models:
        s = shapes.get(shape)
        if not s:
            continue
        if member is None:
            doc = s.get("documentation")
        else:
            doc = s.get("members", {}).get(member, {}).get("documentation")
        if doc and plain(doc):
            return plain(doc)
    return None


def quoted(text):
    return json.dumps(text, ensure_ascii=False)


SHAPE = re.compile(r"^  ([A-Za-z_][A-Za-z0-9_]*):\s*$")
MEMBER = re.compile(r"^(      ([A-Za-z0-9_]+): \{)(.*?)(, doc: \"(?:[^\"\\]|\\.)*\")?(\}\s*)$")
DOC_LINE = re.compile(r"^    doc: ")


def rewrite(lines, models):
    out, shape, in_shapes, in_members = [], None, False, False
    for line in lines:
        if line.startswith("shapes:"):
            in_shapes = True
        if in_shapes and DOC_LINE.match(line):
            continue  # written afresh below its shape's name
        m = SHAPE.match(line) if in_shapes else None
        if m:
            shape, in_members = m.group(1), False
            out.append(line)
            doc = find_doc(models, shape)
            if doc:
                out.append("    doc: %s\n" % quoted(doc))
            continue
        if shape and line.startswith("    members:"):
            in_members = True
        elif shape and line.startswith("    ") and not line.startswith("      "):
            in_members = False
        m = MEMBER.match(line) if in_members else None
        if m:
            doc = find_doc(models, shape, m.group(2))
            line = m.group(1) + m.group(3) + (", doc: %s" % quoted(doc) if doc else "") + m.group(5)
        out.append(line)
    return out


def main(argv):
    path = argv[1] if len(argv) > 1 else "rules/shape.yaml"
    models = [load_model(p) for p in (argv[2:] or DEFAULT_MODELS)]
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(rewrite(lines, models))


if __name__ == "__main__":
    main(sys.argv)
