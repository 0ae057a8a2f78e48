#!/bin/sh
# createjob-lint --lsp driven over pipes by scripted JSON-RPC sessions
# (tests/lsp.py with tests/lsp_client.py): lifecycle, malformed and oversized
# messages, diagnostics after open and after incremental and full edits, UTF-16
# and UTF-8 ranges on a line with emoji and CJK, hover, completion, code actions,
# cancellation, configuration changes and a 5 MB document.
# Environment: CJL (the binary), SRCDIR. Needs python3.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
if ! command -v python3 >/dev/null 2>&1; then
	skip lsp "python3 is not installed"
fi
CJL="$CJL" timeout 600 python3 "$SRCDIR/tests/lsp.py" >"$tmp/out" 2>&1
rc=$?
while IFS= read -r line; do
	case $line in
	"ok "*) check "${line#ok }" true ;;
	"not ok "*) check "${line#not ok }" false ;;
	*) echo "$line" ;;
	esac
done <"$tmp/out"
check "the scripted sessions ran to the end" '[ "$rc" -eq 0 ] || [ "$fail" -gt 0 ]'
finish lsp
