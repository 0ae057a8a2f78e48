#!/bin/sh
# The fixer's properties over every golden input (testdata/cases and
# testdata/valid), checked by tests/fixprop.py: after --fix --unsafe-fixes no fixed
# finding is reported again, a second --fix changes nothing, and no byte outside the
# reported edits changes.
# Environment: CJL (the binary), TESTDATA (the testdata folder), SRCDIR; needs python3.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
command -v python3 >/dev/null 2>&1 || skip fixprop "python3 is not installed"
set --
for f in "$TESTDATA"/cases/*.json "$TESTDATA"/cases/*.yaml "$TESTDATA"/valid/*.json \
	"$TESTDATA"/valid/*.yaml; do
	[ -f "$f" ] && set -- "$@" "$f"
done
python3 "$SRCDIR/tests/fixprop.py" "$CJL" "$tmp" "$@" > "$tmp/broken" 2> "$tmp/summary"; rc=$?
CHECK_SHOW=$tmp/broken
check "every property holds on every golden input" '[ "$rc" -eq 0 ] && [ ! -s "$tmp/broken" ]'
check "more than 100 golden inputs were checked" 'grep -q "checked [0-9][0-9][0-9]" "$tmp/summary"'
check "and at least 20 of their findings had fixes" \
	'[ "$(sed -n "s/.* with \([0-9]*\) fixable findings/\1/p" "$tmp/summary")" -ge 20 ]'
cat "$tmp/summary"
finish fixprop
