#!/usr/bin/env python3
"""Turn the raw results of bench/run into a Markdown report on standard output.

Usage: report.py OUT_DIR

Reads OUT_DIR/meta.tsv, corpus-times.tsv, single-round-*.json (hyperfine),
memory.tsv, verdicts/* and MANIFEST.tsv (the corpus generator's list of which
files are valid, copied there by bench/run). Exits 1 when a target is not
met, else 0.
"""

import glob
import json
import os
import re
import statistics
import sys
from collections import Counter, defaultdict

# Targets: corpus -j 1 at most 1.5x cat; at least 2.5x faster than ajv-cli and 3x faster
# than botocore; one small file at most 3x cat; peak RSS under 16 MiB for the whole corpus,
# and not growing with the number of files.
MAX_CORPUS_VS_CAT = 1.5
MIN_SPEEDUP_AJV = 2.5
MIN_SPEEDUP_BOTOCORE = 3.0
MAX_SINGLE_VS_CAT = 3.0
MAX_RSS_KIB = 16 * 1024
MAX_RSS_GROWTH_KIB = 1024

LABELS = {
    "lint-j1": "createjob-lint -j 1",
    "lint-j2": "createjob-lint -j 2",
    "cat": "cat",
    "jq": "jq empty",
    "ajv": "ajv-cli",
    "botocore": "botocore ParamValidator",
    "lint-dir": "createjob-lint -j 1 DIR",
    "lint": "createjob-lint",
}
ORDER = ["lint-j1", "lint-j2", "cat", "jq", "ajv", "botocore", "lint-dir"]
ERROR_LINE = re.compile(r"^(\S+?):\d+:\d+: error:")
REJECTED_LINE = re.compile(r"^(\S+) invalid$")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return rows[0], rows[1:]


def read_meta(out):
    meta = {}
    with open(os.path.join(out, "meta.tsv"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            meta[key] = value
    return meta


def corpus_times(out):
    _, rows = read_tsv(os.path.join(out, "corpus-times.tsv"))
    times = defaultdict(list)
    for tool, _, micros in rows:
        times[tool].append(int(micros) / 1e6)
    return times


def single_times(out):
    times = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(out, "single-round-*.json"))):
        with open(path, encoding="utf-8") as f:
            for result in json.load(f)["results"]:
                times[result["command"]].extend(result["times"])
    return times


def memory(out):
    """{(what, files): (peak RSS in KiB, CPU seconds)} from one run of each."""
    _, rows = read_tsv(os.path.join(out, "memory.tsv"))
    return {(what, int(files)): (int(kib), float(cpu)) for what, files, kib, cpu in rows if kib.isdigit()}


def manifest(path):
    _, rows = read_tsv(path)
    return {row[0]: (row[1], row[3]) for row in rows}


def rejected_files(out, tool):
    """The files a tool rejected in the warm-up run, from its own output."""
    found = set()
    pattern = ERROR_LINE if tool.startswith("lint") else REJECTED_LINE
    for stream in ("out", "err"):
        with open(os.path.join(out, "verdicts", "%s.%s" % (tool, stream)), encoding="utf-8",
                  errors="replace") as f:
            for line in f:
                m = pattern.match(line.rstrip("\n"))
                if m:
                    found.add(m.group(1))
    return found


def fmt_s(seconds):
    return "%.3f s" % seconds if seconds >= 0.1 else "%.1f ms" % (seconds * 1e3)


def fmt_mib(kib):
    return "%.1f MiB" % (kib / 1024.0) if kib is not None else "n/a"


def rss(mem, key):
    return mem[key][0] if key in mem else None


def cpu(mem, key):
    return fmt_s(mem[key][1]) if key in mem else "n/a"


def fmt_ratio(x):
    return "%.2f" % x


def corpus_section(meta, times, mem, lint_key):
    lint = statistics.median(times[lint_key])
    lines = [
        "### Whole corpus: median of %s interleaved repetitions" % meta["reps"],
        "",
        "%s JSON files, %.1f MB; createjob-lint's own walk (last row) also reads the %s YAML files."
        % (f"{int(meta['json_files']):,}", int(meta["json_bytes"]) / 1e6,
           f"{int(meta['all_files']) - int(meta['json_files']):,}"),
        "",
        "| tool | median | min - max | %s / tool | tool / %s | peak RSS | CPU (user+sys) |" % (LABELS["lint-j1"], LABELS["lint-j1"]),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for tool in ORDER:
        if tool not in times:
            continue
        med = statistics.median(times[tool])
        if tool == "lint-dir":
            ratio = speedup = "(other files)"
        else:
            ratio, speedup = fmt_ratio(lint / med), "%.1f x" % (med / lint)
        key = ("lint-dir-j1", int(meta["all_files"])) if tool == "lint-dir" else (tool, int(meta["json_files"]))
        lines.append("| %s | %s | %s - %s | %s | %s | %s | %s |" % (
            LABELS[tool], fmt_s(med), fmt_s(min(times[tool])), fmt_s(max(times[tool])), ratio,
            speedup, fmt_mib(rss(mem, key)), cpu(mem, key)))
    lines += ["", "Peak RSS and CPU time come from one more run of each tool under /usr/bin/time; "
              "CPU time is less disturbed by other load than wall time.", "",
              "How each tool gets the files (all run in the corpus root, started directly by "
              "bash with the same sorted list of relative paths, output to /dev/null):", ""]
    lines += ["- %s: `%s`" % (LABELS[t], meta["how_" + t]) for t in ORDER if t in times]
    return lines, lint


def single_section(meta, out, times):
    lint = statistics.median(times["lint"])
    lines = [
        "### One small valid file: median of %d hyperfine runs per tool" % len(times["lint"]),
        "",
        "`%s`, %s bytes; hyperfine -N --warmup 10, in %d rounds with the commands rotated."
        % (meta["single_file"], meta["single_bytes"], len(glob.glob(os.path.join(out, "single-round-*.json")))),
        "",
        "| tool | median | min | mean +- sd | createjob-lint / tool (medians) | (minimums) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in ("lint", "cat", "jq", "ajv"):
        t = times[name]
        lines.append("| %s | %s | %s | %s +- %s | %s | %s |" % (
            LABELS.get(name, name), fmt_s(statistics.median(t)), fmt_s(min(t)), fmt_s(statistics.mean(t)),
            fmt_s(statistics.stdev(t)) if len(t) > 1 else "n/a", fmt_ratio(lint / statistics.median(t)),
            fmt_ratio(min(times["lint"]) / min(t))))
    lines += ["", "On a busy machine single runs of a millisecond are often delayed by the scheduler; "
              "the minimums show the cost without that noise."]
    return lines, lint


def memory_section(meta, mem):
    sizes = sorted({files for what, files in mem if what.startswith("lint-dir-")})
    lines = ["### Peak RSS of createjob-lint walking a folder of 1,000 and of all files",
             "", "| files | -j 1 | -j 2 |", "| ---: | ---: | ---: |"]
    for n in sizes:
        lines.append("| %s | %s | %s |" % (f"{n:,}", fmt_mib(rss(mem, ("lint-dir-j1", n))),
                                           fmt_mib(rss(mem, ("lint-dir-j2", n)))))
    return lines, [rss(mem, ("lint-dir-j1", n)) for n in sizes]


def verdict_section(meta, out, expected):
    lines = ["### Verdicts (warm-up run, not timed): rejected files against the manifest", "",
             "| tool | files | expected invalid | rejected | missed | false alarms |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    json_files = {p for p in expected if p.endswith(".json")}
    misses = {}
    for tool in ("lint-j1", "lint-dir", "ajv", "botocore"):
        if not os.path.exists(os.path.join(out, "verdicts", tool + ".out")):
            continue
        files = set(expected) if tool == "lint-dir" else json_files
        bad = {p for p in files if expected[p][0] == "invalid"}
        got = rejected_files(out, tool)
        misses[tool] = bad - got
        lines.append("| %s | %s | %s | %s | %s | %s |" % (
            LABELS[tool], f"{len(files):,}", f"{len(bad):,}", f"{len(got & files):,}",
            f"{len(bad - got):,}", f"{len(got & files - bad):,}"))
    if misses.get("botocore"):
        kinds = Counter(expected[p][1].split(",")[0].split(":")[0] for p in misses["botocore"])
        lines += ["", "botocore lets through (first mistake of each missed file): " +
                  ", ".join("%s %d" % kv for kv in kinds.most_common()) + "."]
    return lines


def targets_section(corpus, single, lint_corpus, lint_single, rss):
    cat = statistics.median(corpus["cat"])
    ajv = statistics.median(corpus["ajv"])
    boto = statistics.median(corpus["botocore"])
    single_cat = statistics.median(single["cat"])
    rss_small, rss_big = rss[0], rss[-1]
    checks = [
        ("corpus: createjob-lint -j 1 at most %.1f x cat" % MAX_CORPUS_VS_CAT,
         "%.2f x cat" % (lint_corpus / cat), lint_corpus / cat <= MAX_CORPUS_VS_CAT),
        ("corpus: at least %.1f x faster than ajv-cli" % MIN_SPEEDUP_AJV,
         "%.1f x faster" % (ajv / lint_corpus), ajv / lint_corpus >= MIN_SPEEDUP_AJV),
        ("corpus: at least %.1f x faster than botocore" % MIN_SPEEDUP_BOTOCORE,
         "%.1f x faster" % (boto / lint_corpus), boto / lint_corpus >= MIN_SPEEDUP_BOTOCORE),
        ("one small file: at most %.1f x cat" % MAX_SINGLE_VS_CAT,
         "%.2f x cat (minimums: %.2f x)" % (lint_single / single_cat, min(single["lint"]) / min(single["cat"])),
         lint_single / single_cat <= MAX_SINGLE_VS_CAT),
        ("peak RSS under 16 MiB on all files (-j 1, folder walk)", fmt_mib(rss_big),
         rss_big is not None and rss_big < MAX_RSS_KIB),
        ("peak RSS flat from 1,000 to all files (within 1 MiB, -j 1)",
         "%+d KiB" % (rss_big - rss_small) if None not in (rss_small, rss_big) else "n/a",
         None not in (rss_small, rss_big) and rss_big - rss_small <= MAX_RSS_GROWTH_KIB),
    ]
    lines = ["### Targets", "", "| target | measured | met |", "| --- | ---: | --- |"]
    lines += ["| %s | %s | %s |" % (name, got, "yes" if ok else "**NO**") for name, got, ok in checks]
    return lines, all(ok for _, _, ok in checks)


def header(meta):
    note = "" if meta["jobs_option"] == "1" else \
        "\n\n**Note:** this createjob-lint has no `-j` option; the `-j 1` rows ran it without `-j`."
    return [
        "## createjob-lint benchmark, %s" % meta["date"],
        "",
        "- command: `%s`" % meta["command"],
        "- machine: %s; nproc %s; memory %s; %s" % (meta["cpu"], meta["nproc"], meta["memory"], meta["kernel"]),
        "- load average (1, 5, 15 min) before / after: %s / %s" % (meta["load_before"], meta.get("load_after", "n/a")),
        "- createjob-lint: %s, %s (%s)" % (meta["lint"], meta["lint_version"], meta["repo_head"]),
        "- others: %s; %s; %s; %s" % (meta["jq"], meta["ajv"], meta["botocore"], meta["hyperfine"]),
        "- corpus: %s files (seed %s), %s of them JSON%s" % (
            f"{int(meta['all_files']):,}", meta["seed"], f"{int(meta['json_files']):,}", note),
    ]


def relabel_without_jobs(meta):
    """A createjob-lint without -j ran without it: say so in every label."""
    if meta["jobs_option"] != "1":
        LABELS["lint-j1"] = "createjob-lint (no -j)"
        LABELS["lint-dir"] = "createjob-lint DIR (no -j)"


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[0]
    manifest_path = os.path.join(out, "MANIFEST.tsv")
    meta = read_meta(out)
    relabel_without_jobs(meta)
    corpus = corpus_times(out)
    single = single_times(out)
    mem = memory(out)
    expected = manifest(manifest_path)
    lines = header(meta) + [""]
    part, lint_corpus = corpus_section(meta, corpus, mem, "lint-j1")
    lines += part + [""]
    part, lint_single = single_section(meta, out, single)
    lines += part + [""]
    part, rss = memory_section(meta, mem)
    lines += part + [""]
    lines += verdict_section(meta, out, expected) + [""]
    part, all_met = targets_section(corpus, single, lint_corpus, lint_single, rss)
    lines += part
    print("\n".join(lines))
    return 0 if all_met else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
