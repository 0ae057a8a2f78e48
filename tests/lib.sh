# Shared by the test scripts (sourced): where the binary and the test data are, a
# scratch folder removed on exit, and counting checks into the closing line
# "NAME: N passed, M failed" that CI adds up.
here=$(cd "$(dirname "$0")" && pwd)
CJL=${CJL:-$here/../createjob-lint}
TESTDATA=${TESTDATA:-$here/../testdata}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# check NAME EXPRESSION: counts the check; on failure names it, and shows the file
# named by $CHECK_SHOW when the script sets it.
check() {
	if eval "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		if [ -n "${CHECK_SHOW:-}" ] && [ -f "$CHECK_SHOW" ]; then
			head -n 20 "$CHECK_SHOW" | sed 's/^/    /'
		fi
	fi
}

# finish NAME: the closing line, and the exit status of the script.
finish() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# In CI (CI=true) .ci/run installs every tool the tests use, so a missing one is a
# failure there, not a reason to skip.
in_ci() { [ "${CI:-}" = true ]; }

# missing WHY: some checks cannot run without a tool: a failure in CI, else said.
missing() {
	if in_ci; then
		fail=$((fail + 1))
		echo "FAIL: $1 (CI installs it)"
	else
		echo "SKIP: $1"
	fi
}

# skip NAME WHY: the whole script cannot run: exit 77 (skipped), or fail in CI.
skip() {
	missing "$2"
	if in_ci; then
		finish "$1"
		exit 1
	fi
	exit 77
}

# AddressSanitizer reserves terabytes of address space and doubles memory use: a
# sanitizer build is held to time limits only. $vlimit is the `ulimit -v` (KiB)
# for runs that must stay within 1 GiB.
sanitized=false
ldd "$CJL" 2>/dev/null | grep -q libasan && sanitized=true
vlimit=1048576
$sanitized && vlimit=unlimited
