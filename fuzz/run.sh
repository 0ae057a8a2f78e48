#!/bin/sh
# Builds the harnesses if needed, seeds their corpora and fuzzes each one.
#
#   fuzz/run.sh [SECONDS]      SECONDS per fuzzer, default 60
#
# Environment:
#   FUZZERS   which harnesses to run (default: fuzz_json fuzz_yaml
#             fuzz_json_defaults fuzz_yaml_defaults fuzz_config fuzz_glob)
#   JOBS      how many run at once (default 2, the machine's cores)
#   FUZZ_ARGS extra libFuzzer flags
#   CJL_SRC   fuzz another tree's src/ (see build.sh); seeds come from its testdata/
#
# Working corpora live in fuzz/out/corpus/NAME (kept between runs, not committed),
# seeds in fuzz/out/seeds/{json,yaml}, logs in fuzz/out/logs/NAME.log (one line
# per run appended to fuzz/out/logs/history.tsv) and crash,
# leak, timeout and OOM reproducers in fuzz/out/artifacts/. The exit status is
# non-zero when any fuzzer found a crash, leak, timeout, OOM or sanitizer report.
# Also fuzz/run.sh --check: runs every harness once over its seeds and the saved
# reproducers in fuzz/crashes/, without fuzzing (a quick regression check).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "${CJL_SRC:-$here/..}" && pwd)
out="$here/out"

check_only=no
if [ "${1:-}" = --check ]; then
	check_only=yes
	shift
fi
seconds=${1:-60}
case $seconds in
'' | *[!0-9]*)
	echo "usage: fuzz/run.sh [--check] [SECONDS]" >&2
	exit 2
	;;
esac
FUZZERS=${FUZZERS:-fuzz_json fuzz_yaml fuzz_json_defaults fuzz_yaml_defaults fuzz_config fuzz_glob}
JOBS=${JOBS:-2}
FUZZ_ARGS=${FUZZ_ARGS:-}
# ASan keeps freed memory in a 256 MB quarantine and caches the rest, which alone
# approached -rss_limit_mb=512 on the YAML fuzzer; a smaller quarantine and
# returning free pages keep the limit meaningful. Set ASAN_OPTIONS to override.
ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64:allocator_release_to_os_interval_ms=1000}
export ASAN_OPTIONS

"$here/build.sh"

# Seeds: the golden cases and valid requests, and the catalog's examples.
seed() { # kind: json or yaml
	dir="$out/seeds/$1"
	rm -rf "$dir"
	mkdir -p "$dir"
	for f in "$top"/testdata/cases/*."$1" "$top"/testdata/valid/*."$1"; do
		[ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
	done
	if [ "$1" = yaml ]; then
		for f in "$top"/testdata/cases/*.yml "$top"/testdata/valid/*.yml; do
			[ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
		done
	fi
	return 0
}
seed json
seed yaml
# Configurations and globs have seeds of their own, kept in fuzz/seeds/.
for kind in config glob; do
	rm -rf "${out:?}/seeds/$kind"
	mkdir -p "$out/seeds/$kind"
	cp "$here/seeds/$kind"/* "$out/seeds/$kind/"
done
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
	python3 - "$top/rules/catalog.yaml" "$out/seeds" <<'EOF'
import sys, yaml
catalog, seeds = sys.argv[1], sys.argv[2]
with open(catalog, encoding="utf-8") as f:
    rules = yaml.safe_load(f)["rules"]
for r in rules:
    ex = r.get("examples") or {}
    fmt = ex.get("format")
    if fmt not in ("json", "yaml"):
        continue
    for which in ("bad", "good"):
        if ex.get(which) is not None:
            with open("%s/%s/catalog-%s-%s.%s" % (seeds, fmt, r["id"], which, fmt), "wb") as o:
                o.write(ex[which].encode("utf-8", "surrogatepass"))
EOF
else
	echo "run.sh: python3-yaml missing; the catalog's examples are not seeded" >&2
fi

mkdir -p "$out/logs" "$out/artifacts"

# Runs one fuzzer; prints a one-line summary; returns non-zero on any finding.
run_one() {
	name=$1
	case $name in
	*json*) kind=json ;;
	*config*) kind=config ;;
	*glob*) kind=glob ;;
	*) kind=yaml ;;
	esac
	corpus="$out/corpus/$name"
	log="$out/logs/$name.log"
	mkdir -p "$corpus"
	rc=0
	if [ "$check_only" = yes ]; then
		set -- "$out/seeds/$kind"/*
		for f in "$here"/crashes/*."$kind"; do
			[ -f "$f" ] && set -- "$@" "$f"
		done
		replayed=$#
		# shellcheck disable=SC2086
		"$out/$name" -timeout=5 -rss_limit_mb=512 $FUZZ_ARGS "$@" >"$log" 2>&1 || rc=$?
	else
		# shellcheck disable=SC2086
		"$out/$name" -max_total_time="$seconds" -max_len=65536 -timeout=5 \
			-rss_limit_mb=512 -dict="$here/$kind.dict" -print_final_stats=1 \
			-artifact_prefix="$out/artifacts/$name-" $FUZZ_ARGS \
			"$corpus" "$out/seeds/$kind" >"$log" 2>&1 || rc=$?
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	bad=$(grep -E -c 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: (Address|Undefined|Leak)|ALARM: working on the last Unit|out-of-memory|deadly signal' "$log" || true)
	if [ "$rc" -ne 0 ] || [ "$bad" -ne 0 ]; then
		echo "run.sh: $name: FAILED (exit $rc); see $log" >&2
		grep -E 'ERROR:|runtime error:|SUMMARY:|Test unit written to|ALARM' "$log" | head -n 8 >&2
		[ "$check_only" = yes ] ||
			printf '%s\t%s\t%ss\t%s executions\tFAILED (exit %s)\n' \
				"$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$seconds" "${execs:-?}" "$rc" \
				>>"$out/logs/history.tsv"
		return 1
	fi
	if [ "$check_only" = yes ]; then
		echo "run.sh: $name: ok, replayed $replayed inputs" >&2
		return 0
	fi
	echo "run.sh: $name: ok, ${execs:-?} executions, corpus $(ls "$corpus" | wc -l) files" >&2
	[ "$check_only" = yes ] ||
		printf '%s\t%s\t%ss\t%s executions\tok\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" \
			"$seconds" "${execs:-?}" >>"$out/logs/history.tsv"
	return 0
}

. "$here/jobs.sh"
for name in $FUZZERS; do
	jobs_spawn run_one "$name"
done
jobs_wait
exit $jobs_status
