#!/bin/sh
# The language server over a long scripted editing session (tests/lsp_session.py:
# hundreds of edits with hover, completion and code actions between): valgrind
# finds no error and no leak, and the server's peak memory after 1000 edits is
# that after 100 (the text returns to its size every other edit, so any growth
# is memory kept per edit).
# Environment: CJL (the binary), SRCDIR. Needs python3; valgrind for the first part.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
if ! command -v python3 >/dev/null 2>&1; then
	skip lsp-valgrind "python3 is not installed"
fi
session="$SRCDIR/tests/lsp_session.py"

if command -v valgrind >/dev/null 2>&1 && ! $sanitized; then
	python3 "$session" --cjl "$CJL" --edits 300 --timeout 300 \
		--prefix "valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible" \
		> "$tmp/vg.out" 2> "$tmp/vg.err"
	rc=$?
	check "valgrind: 300 edits, no error and no leak (exit $rc)" \
		'[ "$rc" -eq 0 ] && ! grep -q "^==" "$tmp/vg.err"'
	[ "$rc" -eq 0 ] || head -n 60 "$tmp/vg.err"
elif $sanitized; then
	echo "SKIP: valgrind does not run a sanitizer build"
else
	missing "valgrind is not installed (apt-get install valgrind)"
fi

python3 "$session" --cjl "$CJL" --edits 100 > "$tmp/short.out" 2> "$tmp/short.err"
rc_short=$?
python3 "$session" --cjl "$CJL" --edits 1000 > "$tmp/long.out" 2> "$tmp/long.err"
rc_long=$?
short=$(sed -n 's/^peak_kib //p' "$tmp/short.out")
long=$(sed -n 's/^peak_kib //p' "$tmp/long.out")
echo "peak memory: ${short:-?} KiB after 100 edits, ${long:-?} KiB after 1000"
check "sessions of 100 and 1000 edits end cleanly" '[ "$rc_short" -eq 0 ] && [ "$rc_long" -eq 0 ]'
if $sanitized; then
	echo "SKIP: memory growth is not measured in a sanitizer build"
else
	# Growth ratio at most 1.25 (and 1 MiB of slack for the allocator's moods).
	check "peak memory does not grow with the number of edits" \
		'[ -n "$short" ] && [ -n "$long" ] && [ "$short" -gt 0 ] && [ $((long * 100)) -le $((short * 125 + 102400)) ]'
fi
finish lsp-valgrind
