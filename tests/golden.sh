#!/bin/sh
# Golden tests driven by testdata/: adding a case is adding files, not code.
#   testdata/valid/*.json|yaml   must produce no finding at all (exit status 0);
#   testdata/cases/NAME.EXT      must print exactly NAME.expected (text format,
#                                then a line "[exit N]"), and its findings must be
#                                exactly the "RULE LINE:COLUMN" lines of NAME.intent,
#                                which are written by hand, independently of the tool.
# Usage: golden.sh [--update]   (--update rewrites the .expected files; review them)
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
update=${1:-}

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	printf 'FAIL: %s\n' "$1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'
}

# The (rule, line:column) pairs the text output reports, sorted.
findings() {
	sed -n -E 's/^[^ ].*:([0-9]+):([0-9]+): (error|warning|info): .*\[(CJ[0-9]+)\]$/\4 \1:\2/p' | sort
}

run_case() {
	( cd "$(dirname "$1")" && "$CJL" --color never "$(basename "$1")" 2>&1; echo "[exit $?]" )
}

for f in "$TESTDATA"/valid/*.json "$TESTDATA"/valid/*.yaml "$TESTDATA"/valid/*.yml; do
	[ -f "$f" ] || continue
	out=$(run_case "$f")
	if printf '%s\n' "$out" | grep -q '^1 file checked: 0 errors, 0 warnings, 0 infos$' &&
	   printf '%s\n' "$out" | grep -q '^\[exit 0\]$'; then
		ok
	else
		bad "valid/${f##*/} is not silent" "$out"
	fi
done

for f in "$TESTDATA"/cases/*.json "$TESTDATA"/cases/*.yaml "$TESTDATA"/cases/*.yml; do
	[ -f "$f" ] || continue
	base=${f%.*}
	name=${f##*/}
	out=$(run_case "$f")
	if [ "$update" = "--update" ]; then
		printf '%s\n' "$out" > "$base.expected"
	fi
	if [ ! -f "$base.intent" ]; then
		bad "cases/$name has no .intent file"
		continue
	fi
	got=$(printf '%s\n' "$out" | findings)
	want=$(sort "$base.intent" | sed '/^$/d')
	if [ "$got" != "$want" ]; then
		bad "cases/$name: findings differ from .intent" "want:
$want
got:
$got"
		continue
	fi
	if [ ! -f "$base.expected" ]; then
		bad "cases/$name has no .expected file (run tests/golden.sh --update and review)"
		continue
	fi
	if ! printf '%s\n' "$out" | diff -u "$base.expected" - >/dev/null; then
		bad "cases/$name: output differs from .expected" "$(printf '%s\n' "$out" | diff -u "$base.expected" -)"
		continue
	fi
	ok
done

finish golden
